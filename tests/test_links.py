from lib.i18n import use_language
from lib.links import COMPARE_PAGE, COUNTY_PAGE, MAP_PAGE, county_page_url
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
