"""The county page as its readers use it (AppTest): the Money tab shows no dollar total until every figure is the
county's own, with its source; plain words for the page's codes and terms; no "None" in any table."""

import pytest

from tests.apptext import record_tables, shown
from tests.test_app_smoke import run_page

HARRIS = "48201"  # a city police department's 287(g), a detention centre of unknown rate
LOS_ANGELES = "06037"  # facilities of known and of unknown 2015 rate side by side (the "$nan" bug)
FIGURES = {
    "cost_holds_per_year": 10,
    "cost_hours_per_hold": 48,
    "cost_cost_per_jail_day": 150,
    "cost_requests_per_year": 60,
    "cost_staff_minutes_per_request": 30,
    "cost_staff_cost_per_hour": 40,
    "cost_liability_per_year": 5000,
}


@pytest.fixture(scope="module")
def harris():
    app = run_page("app_pages/county.py", fips=HARRIS)
    assert not app.exception, app.exception
    return app


def flow_charts(app) -> list[str]:
    return [element.proto.spec for element in app.get("graphviz_chart")]


def test_the_money_tab_starts_empty_and_shows_no_dollar_total(harris):
    boxes = [box for box in harris.number_input if box.key in FIGURES]
    assert len(boxes) == len(FIGURES) and all(box.value is None for box in boxes)
    assert all(shown(box.help).startswith("For example ") for box in boxes)
    assert not [metric for metric in harris.metric if "$" in metric.value]
    assert any("No total yet" in shown(info.value) for info in harris.info)
    (money_flow,) = [spec for spec in flow_charts(harris) if "digraph money" in spec]
    assert "cost: no figures entered" in money_flow and "your figures" not in money_flow


def test_a_total_needs_every_figure_and_their_source(harris):
    for key, value in FIGURES.items():
        harris.number_input(key=key).set_value(value)
    harris.run()
    assert not [metric for metric in harris.metric if "$" in metric.value], "no source given yet"
    harris.text_input(key="cost_source").input("County budget 2025").run()
    (total,) = [metric for metric in harris.metric if "$" in metric.value]
    assert total.value == "$9,200"  # 10 × 2 days × $150 + 60 × ½ h × $40 + $5,000
    assert any("Figures from: County budget 2025" in shown(caption.value) for caption in harris.caption)
    (money_flow,) = [spec for spec in flow_charts(harris) if "digraph money" in spec]
    assert "≈ $9,200/year (your figures)" in money_flow


def test_a_city_police_287g_sits_on_the_city_budget(harris):
    assert any("paid from the city's budget, not the county's" in shown(text.value) for text in harris.markdown)
    (money_flow,) = [spec for spec in flow_charts(harris) if "digraph money" in spec]
    assert "city_budget -> agencies_city_budget" in money_flow and "Southside Place Police Department" in money_flow


def test_the_flow_chart_never_shows_nan_dollars_beside_a_known_estimate():
    app = run_page("app_pages/county.py", fips=LOS_ANGELES)
    (money_flow,) = [spec for spec in flow_charts(app) if "digraph money" in spec]
    assert "$nan" not in money_flow and "(estimate)" in money_flow and "rate unknown" in money_flow


def test_the_code_and_the_field_office_under_the_name_are_explained_and_bracketed_once(harris):
    facts = next(caption for caption in harris.caption if "FIPS code 48201" in shown(caption.value))
    assert "((" not in shown(facts.value) and "))" not in shown(facts.value)
    assert "five-digit federal code" in shown(facts.help) and "area of responsibility" in shown(facts.help)
    field_office = next(text for text in harris.markdown if "ICE field office (area of responsibility)" in text.value)
    assert "area of responsibility includes the county" in shown(field_office.help)


def test_evidence_terms_get_plain_words(harris):
    (evidence,) = record_tables(harris, "evidence")
    assert "decides this indicator" in evidence[0]["indicator"]
    assert not any("decides this indicator" in row["indicator"] for row in evidence[1:])
    statute = next(row for row in evidence if row["basis"].startswith("statute"))
    assert "a law passed by the state legislature" in statute["basis"]
    assert any('"Context only": the row sets no value itself' in shown(caption.value) for caption in harris.caption)
    assert any(
        metric.help and "a law passed by the state legislature" in shown(metric.help) for metric in harris.metric
    )
    meanings = [shown(caption.value) for caption in harris.caption]
    assert any(meaning.startswith("**task force model**: Officers on patrol") for meaning in meanings)


@pytest.mark.parametrize("fips", [HARRIS, "06085", "04013"])
def test_no_table_of_the_county_page_shows_none_and_every_evidence_row_its_source_and_date(fips):
    app = run_page("app_pages/county.py", fips=fips)
    tables = {name: record_tables(app, name) for name in ("evidence", "agreements", "state-laws", "offices", "history")}
    cells = [cell for rows_of in tables.values() for rows in rows_of for row in rows for cell in row.values()]
    assert cells and not [cell for cell in cells if "None" in cell.split() or cell == "nan"]
    for row in tables["evidence"][0]:
        assert "source: " in row["evidence, its source and date"] and "as of: " in row["evidence, its source and date"]


def test_the_asks_tab_links_to_the_campaign_kit(harris):
    links = [link for link in harris.get("page_link") if shown(link.proto.label).startswith("Campaign kit")]
    assert len(links) == 1 and "campaign" in links[0].proto.page
