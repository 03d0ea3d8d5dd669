"""Presenter mode as a presentation tool: a search that focuses one county (zoomed, outlined, a large card beside the
map), a tour from the link stepped through with what a clicker sends (PageDown/PageUp, arrows) even while the map
has the focus, Esc back to the map, / to search, ? for the keys; keys are ignored while typing, and arrows still pan
the map when there is no tour. At 1920x1080 the card's text is at least 32 px, and the county page's type is large."""

import re

import pytest
from playwright.sync_api import Frame, Page, expect

from lib.mapview import NATIONAL_VIEW
from tests.browser.test_keyboard import MAP_CENTER
from tests.browser.test_map_browser import MAP_TIMEOUT_MS, POLL_MS, open_map, wait_until_the_app_is_idle

pytestmark = pytest.mark.browser

TOUR = ("06085", "48201", "17031")  # Santa Clara CA, Harris TX, Cook IL
SEARCH_LABEL = "Focus on a county"
CARD = ".focus-card"
MIN_CARD_PX = 32
MIN_COUNTY_PAGE_PX = 28
# Whether the focused county lies inside what the map shows, and the view is closer than the national one.
SHOWS_COUNTY = """([fips, nationalZoom]) => {
    const map = window.map_div;
    let county = null;
    map.eachLayer((group) => {
        if (county || !(group instanceof L.GeoJSON)) { return; }
        group.eachLayer((shape) => {
            if (shape.feature && shape.feature.properties.fips === fips) { county = shape; }
        });
    });
    return !!county && map.getBounds().contains(county.getBounds()) && map.getZoom() > nationalZoom;
}"""
SMALLEST_CARD_TEXT = """() => Math.min(
    ...[...document.querySelectorAll(".focus-card h2, .focus-card p, .focus-card .level")]
        .map((element) => parseFloat(getComputedStyle(element).fontSize)))"""

# The smallest text of the county page's paragraphs on screen (tab labels, the why, headings, expanders).
SMALLEST_COUNTY_PAGE_TEXT = """() => Math.min(
    ...[...document.querySelectorAll(".stMain [data-testid=stMarkdownContainer] p")]
    .filter((element) => element.offsetParent !== null)
    .map((element) => parseFloat(getComputedStyle(element).fontSize)))"""


def open_presenter(page: Page, app_url: str, query: str, width: int = 1920, height: int = 1080) -> Frame:
    page.set_viewport_size({"width": width, "height": height})
    return open_map(page, f"{app_url}/?mode=present{query}")


def focus_the_map(page: Page) -> None:
    page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("#map_div").focus()


def expect_focus_on(page: Page, frame: Frame, fips: str | None) -> None:
    """The URL names the focused county (or none), and the card and the map follow."""
    if fips is None:
        page.wait_for_url(lambda url: "fips=" not in url, timeout=MAP_TIMEOUT_MS)
        expect(page.locator(CARD)).to_have_count(0, timeout=MAP_TIMEOUT_MS)
        return
    page.wait_for_url(re.compile(f"fips={fips}"), timeout=MAP_TIMEOUT_MS)
    expect(page.locator(CARD)).to_be_visible(timeout=MAP_TIMEOUT_MS)
    frame.wait_for_function(SHOWS_COUNTY, arg=[fips, NATIONAL_VIEW["zoom"]], timeout=MAP_TIMEOUT_MS, polling=POLL_MS)
    wait_until_the_app_is_idle(page)


def test_the_search_focuses_a_county_with_a_large_card(page, app_url):
    frame = open_presenter(page, app_url, "")
    page.get_by_role("textbox", name=SEARCH_LABEL).fill("Harris County Sheriff")
    page.get_by_role("textbox", name=SEARCH_LABEL).press("Enter")
    page.get_by_role("button", name=re.compile("Harris County, TX")).first.click()
    expect_focus_on(page, frame, "48201")
    card = page.locator(CARD)
    expect(card.get_by_role("heading")).to_have_text("Harris County, Texas")
    expect(card).to_contain_text("Honors ICE holds")
    expect(card).to_contain_text("Top ask — a recommendation, not legal advice")
    assert page.evaluate(SMALLEST_CARD_TEXT) >= MIN_CARD_PX
    box = card.bounding_box()
    assert box["x"] >= page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()["x"] + 500, (
        "the card sits beside the map"
    )


def test_a_draft_county_says_so_on_its_card(page, app_url):
    frame = open_presenter(page, app_url, "&fips=06085")
    expect_focus_on(page, frame, "06085")
    expect(page.locator(CARD)).to_contain_text("Draft: rests on evidence nobody has reviewed yet")


def test_the_clicker_steps_through_the_tour_while_the_map_has_the_focus(page, app_url):
    frame = open_presenter(page, app_url, f"&tour={','.join(TOUR)}", 1280, 720)
    focus_the_map(page)
    page.keyboard.press("PageDown")
    expect_focus_on(page, frame, TOUR[0])
    focus_the_map(page)
    center = frame.evaluate(MAP_CENTER)
    page.keyboard.press("ArrowRight")
    expect_focus_on(page, frame, TOUR[1])
    assert frame.evaluate(MAP_CENTER) != center
    page.keyboard.press("PageDown")
    expect_focus_on(page, frame, TOUR[2])
    page.keyboard.press("PageDown")  # one press too many stays on the last county
    page.wait_for_timeout(1000)
    expect_focus_on(page, frame, TOUR[2])
    page.keyboard.press("PageUp")
    expect_focus_on(page, frame, TOUR[1])
    page.keyboard.press("ArrowLeft")
    expect_focus_on(page, frame, TOUR[0])
    page.keyboard.press("ArrowLeft")  # from the first county, back to the whole map
    expect_focus_on(page, frame, None)


def test_escape_goes_back_to_the_map_from_the_map_itself(page, app_url):
    frame = open_presenter(page, app_url, "&fips=48201")
    expect_focus_on(page, frame, "48201")
    focus_the_map(page)
    page.keyboard.press("Escape")
    expect_focus_on(page, frame, None)
    expect(page.locator(".legend")).to_be_visible()


def test_slash_searches_question_mark_lists_the_keys_and_typing_is_left_alone(page, app_url):
    frame = open_presenter(page, app_url, f"&tour={','.join(TOUR)}&fips={TOUR[0]}")
    expect_focus_on(page, frame, TOUR[0])
    keys = page.locator(".presenter-keys")
    expect(keys).to_be_hidden()
    focus_the_map(page)
    page.keyboard.press("?")
    expect(keys).to_be_visible()
    expect(keys).to_contain_text("PageDown")
    page.keyboard.press("Escape")  # closes the list, and only the list
    expect(keys).to_be_hidden()
    page.wait_for_timeout(1000)
    assert f"fips={TOUR[0]}" in page.url
    page.keyboard.press("/")
    search = page.get_by_role("textbox", name=SEARCH_LABEL)
    expect(search).to_be_focused()
    page.keyboard.type("Cook/?")
    for key in ("PageDown", "ArrowRight", "ArrowLeft", "Escape"):
        page.keyboard.press(key)
    page.wait_for_timeout(1500)
    assert f"fips={TOUR[0]}" in page.url, "a key pressed while typing moved the tour"
    expect(search).to_have_value("Cook/?")
    expect(keys).to_be_hidden()


def test_arrows_pan_the_presenters_map_when_there_is_no_tour(page, app_url):
    frame = open_presenter(page, app_url, "&fips=48201")
    expect_focus_on(page, frame, "48201")
    focus_the_map(page)
    before = frame.evaluate(MAP_CENTER)
    page.keyboard.press("ArrowRight")
    frame.wait_for_function(f"() => ({MAP_CENTER})()[1] > {before[1]}", timeout=10_000, polling=POLL_MS)
    assert "fips=48201" in page.url


def test_the_county_page_in_presenter_mode_has_large_type(page, app_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_url}/county?fips=06085&mode=present")
    heading = page.get_by_role("heading", level=1, name="Santa Clara County, California")
    expect(heading).to_be_visible(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(page)
    page.wait_for_function(f"() => ({SMALLEST_COUNTY_PAGE_TEXT})() >= {MIN_COUNTY_PAGE_PX}", timeout=10_000)
    title = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.stMain h1')).fontSize)")
    assert title >= 1.5 * MIN_COUNTY_PAGE_PX


def test_the_focus_card_in_spanish(page, app_url):
    frame = open_presenter(page, app_url, "&lang=es&fips=48201")
    expect_focus_on(page, frame, "48201")
    card = page.locator(CARD)
    expect(card).to_contain_text("Cumple las solicitudes de retención de ICE")
    expect(card).to_contain_text("no es asesoría legal")
    expect(page.get_by_role("textbox", name="Enfocar un condado")).to_be_visible()
    assert page.evaluate(SMALLEST_CARD_TEXT) >= MIN_CARD_PX
