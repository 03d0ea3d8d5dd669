"""Every page runs without an exception (Streamlit's AppTest), with and without a county in the URL."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib.layers import layer_287g
from lib.links import BASE_URL_VARIABLE
from lib.ui.share import copy_box_key
from tests.apptext import record_tables, shown

PAGES = [
    "app_pages/map.py",
    "app_pages/county.py",
    "app_pages/campaign.py",
    "app_pages/contribute.py",
    "app_pages/compare.py",
    "app_pages/changes.py",
    "app_pages/sources.py",
]
TIMEOUT = 60
APP = Path(__file__).resolve().parent.parent / "app.py"


LINK = "https://example.org/ice-map/county?fips=48201"


def run_page(page: str, **query) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.switch_page(page)
    for name, value in query.items():
        app.query_params[name] = value
    return app.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    app = run_page(page)
    assert not app.exception, app.exception


def test_county_page_shows_the_county_and_its_agreements():
    app = run_page("app_pages/county.py", fips="01001")
    assert not app.exception
    assert shown(app.title[0].value) == "Autauga County, Alabama"
    assert any("287(g) agreements of agencies in this county" in shown(s.value) for s in app.subheader)
    agreements = record_tables(app, "agreements")[0]
    assert any("Autauga County Sheriff" in row["agency"] for row in agreements)
    assert [tab.label for tab in app.tabs] == [
        "Why this color",
        "Who decides",
        "Money",
        "History",
        "What to ask for (recommendations)",
    ]
    assert any("Not legal advice" in shown(info.value) for info in app.info)


def test_county_page_shows_the_federal_lists_as_claims_apart_from_the_evidence():
    app = run_page("app_pages/county.py", fips="17031")
    assert not app.exception, app.exception
    assert any("Federal 'sanctuary' lists (claims: they do not color the map)" in shown(s.value) for s in app.subheader)
    said = [shown(block.value) for block in app.markdown]
    assert any(
        "U.S. Justice Department list of 2025-08-05" in text and "the county is on the list" in text for text in said
    )
    assert any("not checked: the list was not rebuilt for this state" in text for text in said)


def test_county_page_quotes_others_statements_as_claims():
    app = run_page("app_pages/county.py", fips="55079")
    assert not app.exception, app.exception
    assert any("What others have said about this jail (claims, not policy)" in shown(s.value) for s in app.subheader)


@pytest.mark.parametrize("fips", ["06085", "48201", "36047", "09003", "02016", "72127", "51610"])
def test_county_pages_of_every_kind_run(fips):
    """Sheriff-run, state-run (CT), NYC department, Aleutians, Puerto Rico, and Falls Church with no shape."""
    app = run_page("app_pages/county.py", fips=fips)
    assert not app.exception, app.exception


SEARCH_LABEL = "Find a county, city or police department"


def search_boxes(app: AppTest) -> tuple[int, int]:
    """The search boxes of a page: in its sidebar, and in the page itself."""
    in_sidebar = sum(box.label == SEARCH_LABEL for box in app.sidebar.text_input)
    return in_sidebar, sum(box.label == SEARCH_LABEL for box in app.main.text_input)


@pytest.mark.parametrize("bad", ["6085", "99999", "<script>", "06085x"])
def test_county_page_explains_a_bad_code_and_offers_the_search(bad):
    app = run_page("app_pages/county.py", fips=bad)
    assert not app.exception
    assert app.warning and "county" in shown(app.warning[0].value).lower()
    assert search_boxes(app) == (0, 1)


@pytest.mark.parametrize("query", [{}, {"fips": ""}])
def test_the_county_page_without_a_county_is_a_search(query):
    """From the page list ("County"), or a link with an empty code: a heading and the search, no warning."""
    app = run_page("app_pages/county.py", **query)
    assert not app.exception
    assert shown(app.title[0].value) == "Find a county"
    assert not [warning for warning in app.warning if "Link problem" in shown(warning.value)]
    assert search_boxes(app) == (0, 1), "the page's own box, none in the sidebar"
    app.text_input(key="county_page_search").input("Mesa AZ").run()
    hits = [shown(link.proto.label) for link in app.main.get("page_link")]
    assert hits == ["Mesa, AZ (city agency) → Maricopa County"]


@pytest.mark.parametrize(
    "page, query",
    [
        ("app_pages/map.py", {}),
        ("app_pages/map.py", {"state": "AZ"}),
        ("app_pages/county.py", {"fips": "48201"}),
        ("app_pages/compare.py", {"compare": "06085,48201"}),
        ("app_pages/changes.py", {}),
        ("app_pages/sources.py", {}),
    ],
)
def test_every_page_has_one_search_box_in_the_sidebar(page, query):
    assert search_boxes(run_page(page, **query)) == (1, 0)


def test_search_links_to_the_county():
    app = run_page("app_pages/map.py")
    app.sidebar.text_input(key="county_search").input("Harris County").run()
    assert not app.exception
    labels = [shown(link.proto.label) for link in app.sidebar.get("page_link")]
    assert labels[:2] == ["Harris County, TX", "Harris County, GA"]
    assert "Harris County Constable, TX (8 agencies) → Harris County" in labels


@pytest.mark.parametrize("broken", ["missing", "corrupt"])
def test_broken_compiled_data_names_the_file_and_the_fix(tmp_path, monkeypatch, broken):
    from streamlit import cache_resource

    from lib.paths import DATA_DIR

    for source in DATA_DIR.iterdir():
        (tmp_path / source.name).write_bytes(source.read_bytes())
    if broken == "missing":
        (tmp_path / "agreements_287g.csv").unlink()
    else:
        (tmp_path / "agreements_287g.csv").write_text('agency,county_fips\n"unclosed,', encoding="utf-8")
    monkeypatch.setenv("ICE_MAP_DATA_DIR", str(tmp_path))
    cache_resource.clear()
    try:
        for page in PAGES:
            app = run_page(page, fips="06085")
            assert not app.exception, app.exception
            message = " ".join(shown(error.value) for error in app.error)
            assert "agreements_287g.csv" in message and "make data" in message
    finally:
        monkeypatch.delenv("ICE_MAP_DATA_DIR")
        cache_resource.clear()


def test_the_287g_layer_travels_back_to_older_lists(oldest_287g_list_date):
    app = run_page("app_pages/map.py", layer="287g")
    app.select_slider(key="list_date").set_value(oldest_287g_list_date).run()
    assert not app.exception
    assert any(
        f"counties with an agreement on {oldest_287g_list_date}" in shown(caption.value) for caption in app.caption
    )


def test_a_link_carries_the_list_date_and_the_reviewed_only_switch(oldest_287g_list_date):
    app = run_page("app_pages/map.py", layer="287g", list=oldest_287g_list_date, reviewed="1")
    assert not app.exception
    assert app.select_slider(key="list_date").value == oldest_287g_list_date
    assert app.toggle(key="reviewed_only").value is True
    assert (app.query_params["list"], app.query_params["reviewed"]) == (oldest_287g_list_date, "1")
    app.toggle(key="reviewed_only").set_value(False).run()
    app.select_slider(key="list_date").set_value(app.select_slider(key="list_date").options[-1]).run()
    assert "reviewed" not in app.query_params and "list" not in app.query_params


def test_a_bad_list_date_in_the_link_shows_the_newest_list():
    app = run_page("app_pages/map.py", layer="287g", list="1999-01-01", reviewed="yes")
    assert not app.exception
    assert sum("Link problem" in shown(warning.value) for warning in app.warning) == 2
    assert "list" not in app.query_params and "reviewed" not in app.query_params


def test_a_state_views_legend_counts_that_state_only(data):
    app = run_page("app_pages/map.py", state="TX")
    assert not app.exception
    (legend,) = [element.proto.body for element in app.get("html") if 'class="legend"' in element.proto.body]
    counts = [int(count.replace(",", "")) for count in re.findall(r'<span class="count">([\d,]+)</span>', legend)]
    assert sum(counts) == (data.counties["state_abbr"] == "TX").sum()


@pytest.mark.parametrize("page", PAGES)
def test_the_sidebar_dates_the_data_in_one_short_line_with_a_link_to_every_source(page, newest_287g_sheet_date):
    app = run_page(page)
    captions = [shown(caption.value) for caption in app.sidebar.caption]
    assert f"Data as of {newest_287g_sheet_date} (ICE's 287(g) list)." in captions
    assert all(len(caption) <= 80 for caption in captions if "Data as of" in caption)
    links = [link.proto for link in app.sidebar.get("page_link")]
    assert any(link.page.endswith("sources") and "Sources & method" in shown(link.label) for link in links), links


def test_compare_puts_counties_side_by_side_and_suggests_neighbours():
    app = run_page("app_pages/compare.py", compare="06085,48201")
    assert not app.exception
    table = app.dataframe[0].value
    assert list(table.columns) == ["Santa Clara County, CA", "Harris County, TX"]
    labels = [link.proto.label for link in app.get("page_link")]
    assert "+ Alameda County" in labels  # Santa Clara's neighbour


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    page=st.sampled_from(PAGES),
    query=st.dictionaries(
        st.sampled_from(["fips", "layer", "state", "lang", "mode", "compare", "x"]), st.text(max_size=60), max_size=5
    ),
)
def test_pages_survive_any_link(page, query):
    """Random and malformed URL parameters: a page may complain, never crash."""
    app = run_page(page, **query)
    assert not app.exception, (page, query, app.exception)


def test_a_correction_is_assembled_and_nothing_is_stored():
    app = run_page("app_pages/county.py", fips="48201")
    app.text_area(key="correction_note").input("The sheriff signed a new agreement in 2026.").run()
    assert not app.exception
    assert any("Correction suggested for Harris County, Texas (FIPS 48201)" in box.value for box in app.text_area)
    assert not app.code, "st.code loads a 1.5 MB highlighter into the browser"


def test_the_link_box_gives_the_configured_address_without_language_and_mode(monkeypatch):
    monkeypatch.setenv(BASE_URL_VARIABLE, "https://example.org/ice-map/")
    app = run_page("app_pages/county.py", fips="48201", lang="es", mode="present")
    assert not app.exception
    assert app.text_input(key=copy_box_key("share_link", LINK)).value == LINK
    (citation,) = [box.value for box in app.text_area if box.key.startswith("citation_")]
    assert LINK in citation and "Harris County, Texas" in citation
    assert not app.code


def test_a_wrong_address_is_set_aside_with_a_warning(monkeypatch):
    monkeypatch.setenv(BASE_URL_VARIABLE, "javascript:alert(1)")
    app = run_page("app_pages/county.py", fips="48201")
    assert not app.exception
    assert any(BASE_URL_VARIABLE in shown(warning.value) for warning in app.warning)
    assert app.text_input(key=copy_box_key("share_link", "/county?fips=48201")).value == "/county?fips=48201"


def county_tables(app: AppTest) -> list:
    return [table.value for table in app.dataframe if "county page" in table.value.columns]


def test_the_map_has_every_county_as_a_table_in_its_map_colors(data):
    """The text alternative to the map: the same classes, every county (Falls Church too, which has no shape)."""
    app = run_page("app_pages/map.py", layer="287g")
    assert county_tables(app) == [], "closed, the table is not sent"
    app.session_state["map_table"] = True  # as a click on the expander does
    (table,) = county_tables(app.run())
    assert len(table) == len(data.counties)
    labels = [legend_class.label for legend_class in layer_287g(data).classes]
    assert set(table["class"]) <= set(labels)
    assert list(table["class"].map(labels.index)) == sorted(table["class"].map(labels.index)), "most first"
    assert table["county page"].str.fullmatch(r"/county\?fips=\d{5}").all()


def test_the_state_view_shows_its_laws_and_its_counties_by_level(data):
    app = run_page("app_pages/map.py", state="AZ")
    assert not app.exception
    assert any("Arizona" in shown(subheader.value) for subheader in app.subheader)
    (table,) = county_tables(app)
    assert len(table) == (data.counties["state_abbr"] == "AZ").sum()
    assert "state" not in table.columns


def test_presenter_mode_focuses_a_county_and_steps_through_the_tour():
    app = run_page("app_pages/map.py", mode="present", tour="06085,48201,bad", fips="06085")
    assert not app.exception, app.exception
    assert any("1 county code in the link's tour" in shown(warning.value) for warning in app.warning)
    assert app.query_params["tour"] == "06085,48201"
    app.button(key="presenter_next").click().run()
    assert app.query_params["fips"] == "48201" and app.button(key="presenter_next").disabled
    app.button(key="presenter_back").click().run()
    assert "fips" not in app.query_params and not app.exception
    app.text_input(key="presenter_search").input("Cook County, IL").run()
    app.button(key="presenter_hit_0").click().run()
    assert app.query_params["fips"] == "17031"
