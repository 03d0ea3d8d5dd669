"""The county page on a laptop (1280×800) and a phone (390×844), measured in the browser: each evidence row's
source, link and date in view without sideways scrolling; no "None" in a table; every tab reachable; on the phone
the tables are cards and "Who decides" is its narrow chart; chart text large enough to read."""

import pytest
from playwright.sync_api import Page

from lib.ui.county.who_decides import NARROW_CHART_KEY, WIDE_CHART_KEY
from scripts.appserver import APP_IS_IDLE, select_tab

pytestmark = pytest.mark.browser

LAPTOP, PHONE = (1280, 800), (390, 844)
HARRIS = "48201"  # evidence with and without links, a city police 287(g), a detention centre
PALM_BEACH = "12099"  # the most 287(g) agencies (21) and cities: the widest charts
TIMEOUT_MS = 60_000
# Text under this height (the box of one line of a chart's SVG text, in CSS pixels) is too small to read.
MIN_TEXT_PX = 11

# Every row of the evidence table: the boxes of its source line, its link (or "—") and its date, and the table's.
EVIDENCE_ROWS = """() => {
    const table = document.querySelector('table.record-table.evidence');
    return [...table.querySelectorAll('tbody tr')].map(row => {
        const cell = row.querySelector('td:nth-child(3)');
        const lines = [...cell.querySelectorAll('.record-sub')];
        const box = element => { const r = element.getBoundingClientRect(); return [r.left, r.right, r.width]; };
        const link = cell.querySelector('a');
        return {
            source: lines[0].innerText, date: lines[1].innerText, link: link ? link.href : null,
            boxes: [box(lines[0]), box(lines[1]), ...(link ? [box(link)] : [])],
        };
    });
}"""
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
TABLES_TEXT = "() => [...document.querySelectorAll('table.record-table')].map(t => t.innerText).join('\\n')"
TABLE_WIDTHS = """() => [...document.querySelectorAll('table.record-table')].filter(t => t.offsetParent !== null)
    .map(t => [t.className, t.getBoundingClientRect().right, t.scrollWidth, t.parentElement.clientWidth])"""
TABS = """() => {
    const list = document.querySelector('.stTabs [role="tablist"]');
    const bounds = list.getBoundingClientRect();
    return {
        overflow: list.scrollWidth - list.clientWidth,
        tabs: [...list.querySelectorAll('[role="tab"]')].map(tab => {
            const r = tab.getBoundingClientRect();
            return [tab.innerText, r.left >= bounds.left - 1 && r.right <= bounds.right + 1 && r.width > 0];
        }),
    };
}"""
# The charts on screen: whose container (st-key-…), width, and the height of their smallest text.
CHARTS = """() => [...document.querySelectorAll('[data-testid="stGraphVizChart"]')]
    .filter(chart => chart.offsetParent !== null && chart.querySelector('svg text'))
    .map(chart => {
        const keyed = chart.closest('[class*="st-key-"]');
        const heights = [...chart.querySelectorAll('svg text')].filter(t => t.textContent.trim())
            .map(t => t.getBoundingClientRect().height);
        return {
            key: keyed ? [...keyed.classList].find(c => c.startsWith('st-key-')) : null,
            right: chart.getBoundingClientRect().right, smallest: Math.min(...heights),
            text: chart.querySelector('svg').textContent,
        };
    })"""
CHART_DRAWN = """() => [...document.querySelectorAll('[data-testid="stGraphVizChart"]')]
    .some(chart => chart.offsetParent !== null && chart.querySelector('svg text'))"""


def open_county(page: Page, app_url: str, fips: str, size: tuple[int, int], query: str = "") -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{app_url}/county?fips={fips}{query}")
    page.wait_for_selector("table.record-table.evidence", timeout=TIMEOUT_MS)
    page.locator(APP_IS_IDLE).wait_for(timeout=TIMEOUT_MS)


def open_tab(page: Page, name: str) -> None:
    select_tab(page, name, TIMEOUT_MS)
    page.wait_for_function(CHART_DRAWN, timeout=TIMEOUT_MS)


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_every_evidence_row_shows_its_source_link_and_date_without_sideways_scrolling(page, app_url, size):
    open_county(page, app_url, HARRIS, size)
    scroll_width, client_width = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= client_width, "the page scrolls sideways"
    rows = page.evaluate(EVIDENCE_ROWS)
    assert rows
    for row in rows:
        assert row["source"].startswith("source: ") and row["date"].startswith("as of: ")
        for left, right, width in row["boxes"]:
            assert width > 0 and left >= 0 and right <= size[0], row
    assert all(row["link"].startswith("https://") for row in rows)  # Harris's evidence all has its address


@pytest.mark.parametrize("fips", [HARRIS, "06085"])
def test_no_table_shows_none_and_every_table_fits_its_column(page, app_url, fips):
    open_county(page, app_url, fips, LAPTOP)
    words = page.evaluate(TABLES_TEXT).split()
    assert words and "None" not in words and "nan" not in words
    assert "—" in words  # an empty cell: no MOA link in either county, Santa Clara's toolkit rows have no address
    for name, right, scroll_width, room in page.evaluate(TABLE_WIDTHS):
        assert right <= LAPTOP[0] and scroll_width <= room, name


def test_on_a_phone_every_tab_is_in_view_and_every_table_is_cards(page, app_url):
    open_county(page, app_url, HARRIS, PHONE)
    tabs = page.evaluate(TABS)
    assert tabs["overflow"] <= 0 and len(tabs["tabs"]) == 5
    assert all(in_view for _label, in_view in tabs["tabs"]), tabs
    headers = page.locator("table.record-table.evidence thead")
    assert not headers.is_visible(), "a phone shows each row as a card of labelled lines"
    label = page.evaluate(
        "() => getComputedStyle(document.querySelector('table.record-table.evidence td'), '::before').content"
    )
    assert label == '"indicator: "'
    for name, right, scroll_width, room in page.evaluate(TABLE_WIDTHS):
        assert right <= PHONE[0] and scroll_width <= room, name


@pytest.mark.parametrize(("size", "shown"), [(LAPTOP, WIDE_CHART_KEY), (PHONE, NARROW_CHART_KEY)])
def test_who_decides_draws_the_chart_that_fits_the_screen_with_legible_text(page, app_url, size, shown):
    open_county(page, app_url, PALM_BEACH, size)
    open_tab(page, "Who decides")
    (chart,) = page.evaluate(CHARTS)
    assert chart["key"] == f"st-key-{shown}"
    assert chart["right"] <= size[0] and chart["smallest"] >= MIN_TEXT_PX, chart


@pytest.mark.parametrize(
    ("fips", "size", "query"),
    [(HARRIS, LAPTOP, ""), (PALM_BEACH, LAPTOP, ""), (PALM_BEACH, (1280, 720), "&mode=present")],
    ids=["harris", "palm-beach", "palm-beach-presenter"],
)
def test_the_money_flow_has_legible_text_and_puts_city_police_on_the_city_budget(page, app_url, fips, size, query):
    open_county(page, app_url, fips, size, query)
    open_tab(page, "Money")
    (chart,) = page.evaluate(CHARTS)
    assert chart["smallest"] >= MIN_TEXT_PX, chart
    assert "City budgets" in chart["text"] and "cost: no figures entered" in chart["text"]
    assert "$nan" not in chart["text"]
