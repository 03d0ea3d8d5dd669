"""Links with bad or repeated parameters open every page (Streamlit's AppTest): the good values are kept, the bad
ones dropped from the URL with a plain message that never repeats them."""

import pytest

from tests.apptext import shown
from tests.test_app_smoke import run_page

HOSTILE = "**bold**<img src=x onerror=alert(1)>"


def link_problems(app) -> list[str]:
    """The page's warnings about its link, as read (without Markdown escapes); the sidebar may warn of stale data."""
    return [shown(warning.value) for warning in app.warning if "Link problem" in shown(warning.value)]


def url_value(app, name: str) -> str:
    """A parameter of the page's URL after the run (AppTest gives a string or a one-item list)."""
    value = app.query_params[name]
    return value[-1] if isinstance(value, list) else value


def test_a_county_named_twice_is_compared_once():
    app = run_page("app_pages/compare.py", compare="06085,06085")
    assert not app.exception, app.exception
    assert list(app.dataframe[0].value.columns) == ["Santa Clara County, CA"]
    assert link_problems(app) == []
    assert url_value(app, "compare") == "06085"


def test_a_mixed_list_compares_the_known_counties_and_names_the_problem():
    app = run_page("app_pages/compare.py", compare="06085,xx,48201")
    assert not app.exception, app.exception
    assert list(app.dataframe[0].value.columns) == ["Santa Clara County, CA", "Harris County, TX"]
    assert link_problems(app) == [
        "Link problem: 1 county code in the link's comparison is not a county we know; it was left out."
    ]
    assert url_value(app, "compare") == "06085,48201"


@pytest.mark.parametrize("page", ["app_pages/map.py", "app_pages/compare.py"])
def test_hostile_values_are_dropped_and_never_shown(page):
    app = run_page(page, layer=HOSTILE, state=HOSTILE, mode=HOSTILE, compare=HOSTILE)
    assert not app.exception, app.exception
    shown = " ".join(link_problems(app))
    assert "Link problem: the map layer in the link is not one we have" in shown
    assert "bold" not in shown and "img" not in shown
    assert not {"layer", "state", "mode", "compare"} & set(app.query_params)
