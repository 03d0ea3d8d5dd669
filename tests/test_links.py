import pytest

from lib.i18n import use_language
from lib.links import (
    BASE_URL_VARIABLE,
    COMPARE_PAGE,
    COUNTY_PAGE,
    COUNTY_URL_PATH,
    MAP_PAGE,
    app_url,
    canonical_url,
    configured_base_url,
    county_page_url,
)
from lib.paths import PROJECT_ROOT


def test_a_county_link_in_english_carries_no_language():
    assert county_page_url("06085") == "/county?fips=06085"


def test_a_county_link_keeps_another_language():
    with use_language("es"):
        assert county_page_url("06085") == "/county?fips=06085&lang=es"


def test_the_pages_named_are_the_app_pages():
    for page in (COUNTY_PAGE, MAP_PAGE, COMPARE_PAGE):
        assert (PROJECT_ROOT / page).is_file(), page
        assert f'st.Page("{page}"' in (PROJECT_ROOT / "app.py").read_text(encoding="utf-8"), page


BROWSER = "http://localhost:8501/county"


def test_the_environment_sets_the_base_url_before_the_secrets():
    secrets = {"app": {"base_url": "https://secret.example.org/map"}}
    assert configured_base_url({BASE_URL_VARIABLE: "https://example.org/ice-map/"}, secrets) == (
        "https://example.org/ice-map"
    )
    assert configured_base_url({}, secrets) == "https://secret.example.org/map"
    assert configured_base_url({BASE_URL_VARIABLE: " "}, {}) is None


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "example.org", "ftp://example.org", "https://"])
def test_a_base_url_that_is_no_web_address_is_refused(bad):
    with pytest.raises(ValueError, match=BASE_URL_VARIABLE):
        configured_base_url({BASE_URL_VARIABLE: bad}, {})


def test_without_a_base_url_the_link_is_the_browser_address_without_mode_and_language():
    params = {"fips": "06085", "mode": "present", "lang": "es", "layer": "holds"}
    assert (
        canonical_url(COUNTY_URL_PATH, params, BROWSER, None) == "http://localhost:8501/county?fips=06085&layer=holds"
    )
    assert canonical_url("", {"mode": "present"}, "http://localhost:8501/", None) == "http://localhost:8501/"


def test_an_app_served_under_a_path_keeps_it():
    assert app_url("https://host.example/tools/ice/county", COUNTY_URL_PATH, None) == "https://host.example/tools/ice"


def test_a_base_url_replaces_the_browser_address():
    url = canonical_url(COUNTY_URL_PATH, {"fips": "06085"}, BROWSER, "https://example.org/ice-map")
    assert url == "https://example.org/ice-map/county?fips=06085"


def test_parameters_are_encoded():
    assert (
        canonical_url("", {"state": "a&b=c"}, "http://localhost:8501/", None)
        == "http://localhost:8501/?state=a%26b%3Dc"
    )
