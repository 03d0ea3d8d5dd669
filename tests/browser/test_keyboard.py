"""The map page with the keyboard alone: Tab reaches every control and the map, arrow keys pan the map, and a
county page opens from the search field (the sidebar's, the page's one) without a mouse."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_map_browser import MAP_TIMEOUT_MS, POLL_MS, open_map

pytestmark = pytest.mark.browser

MAX_TABS = 40
# What has the focus: the control's accessible name, or "map" when it is the Leaflet map inside the component.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element) return null;
    if (element.tagName === "IFRAME") {
        const inner = element.contentDocument && element.contentDocument.activeElement;
        return inner && inner.classList.contains("leaflet-container") ? "map" : "inside the map";
    }
    return element.getAttribute("aria-label") || (element.innerText || "").trim().slice(0, 60);
}"""
MAP_CENTER = "() => { const c = window.map_div.getCenter(); return [c.lat, c.lng]; }"


@pytest.fixture()
def map_page(page: Page, app_url) -> Page:
    open_map(page, app_url)
    return page


def tab_stops(page: Page) -> list[str]:
    stops = []
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


def test_tab_reaches_every_map_control_and_the_map(map_page):
    stops = tab_stops(map_page)
    for control in (
        "Find a county, city or police department",
        "Color the map by",
        "State",
        "Reviewed only",
        "Presenter mode",
        "Lower 48",
        "map",
        "County table (CSV)",
    ):
        assert control in stops, f"{control!r} is never focused; the Tab order is {stops}"
    assert stops.index("Color the map by") < stops.index("map"), "the controls come before the map they change"


def test_arrow_keys_pan_the_focused_map(map_page):
    frame = map_page.frame_locator('iframe[src*="streamlit_folium"]')
    frame.locator("#map_div").focus()
    map_frame = next(f for f in map_page.frames if "streamlit_folium" in (f.url or ""))
    before = map_frame.evaluate(MAP_CENTER)
    map_page.keyboard.press("ArrowRight")
    map_frame.wait_for_function(f"() => ({MAP_CENTER})()[1] > {before[1]}", timeout=10_000, polling=POLL_MS)


def test_a_county_page_opens_from_the_keyboard(map_page):
    stops = []
    while "Find a county, city or police department" not in stops[-1:]:
        map_page.keyboard.press("Tab")
        stops.append(map_page.evaluate(FOCUSED))
        assert len(stops) < MAX_TABS, stops
    assert map_page.evaluate("() => !!document.activeElement.closest('[data-testid=stSidebar]')")
    map_page.keyboard.type("Santa Clara, CA")
    map_page.keyboard.press("Enter")
    link = map_page.get_by_role("link", name=re.compile("Santa Clara County"))
    expect(link.first).to_be_visible(timeout=MAP_TIMEOUT_MS)
    while map_page.evaluate("() => document.activeElement.tagName") != "A" or "Santa Clara" not in map_page.evaluate(
        "() => document.activeElement.innerText"
    ):
        map_page.keyboard.press("Tab")
        stops.append(map_page.evaluate(FOCUSED))
        assert len(stops) < 2 * MAX_TABS, stops
    map_page.keyboard.press("Enter")
    map_page.wait_for_url(re.compile(r"/county\?fips=06085"), timeout=MAP_TIMEOUT_MS)
    expect(map_page.get_by_role("heading", level=1, name="Santa Clara County, California")).to_be_visible(
        timeout=MAP_TIMEOUT_MS
    )
