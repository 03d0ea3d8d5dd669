"""Presenter mode on the screens of a meeting room: the map fills the screen below the controls, the whole
region in view, at 1280×720 and 1920×1080; the fit follows a quick jump and a larger window; a layer switch
keeps the presenter's zoom."""

import pytest
from playwright.sync_api import Page

from lib.mapview import NATIONAL_VIEW, QUICK_VIEW_BOUNDS
from tests.browser.test_map_browser import MAP_TIMEOUT_MS, POLL_MS, open_map, switch_to_287g_layer

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Whether the box (west, south, east, north) is inside what the map shows.
SHOWS_BOX = """([west, south, east, north]) => window.map_div.getBounds().contains(
    L.latLngBounds([[south, west], [north, east]]))"""


def open_presenter_map(page: Page, app_url: str, width: int, height: int):
    page.set_viewport_size({"width": width, "height": height})
    return open_map(page, f"{app_url}/?mode=present")


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_the_map_fills_the_screen_with_the_lower_48(page, app_url, width, height):
    frame = open_presenter_map(page, app_url, width, height)
    box = page.locator(MAP_FRAME).bounding_box()
    assert box["y"] + box["height"] <= height, "the map runs off the bottom of the screen"
    assert box["height"] >= height * 0.7, f"the map uses {box['height']:.0f} of {height} pixels"
    frame.wait_for_function(SHOWS_BOX, arg=list(QUICK_VIEW_BOUNDS["Lower 48"]), timeout=MAP_TIMEOUT_MS, polling=POLL_MS)
    if height >= 1000:
        assert frame.evaluate("() => window.map_div.getZoom()") > NATIONAL_VIEW["zoom"], (
            "a big screen shows the Lower 48 larger than the normal view does"
        )


def test_a_quick_jump_fits_the_new_region(page, app_url):
    frame = open_presenter_map(page, app_url, 1920, 1080)
    page.get_by_role("radio", name="Alaska").click()
    frame.wait_for_function(SHOWS_BOX, arg=list(QUICK_VIEW_BOUNDS["Alaska"]), timeout=MAP_TIMEOUT_MS, polling=POLL_MS)


def test_a_layer_switch_keeps_the_presenters_zoom(page, app_url, data):
    frame = open_presenter_map(page, app_url, 1280, 720)
    frame_height = frame.evaluate("() => window.innerHeight")
    frame.evaluate("() => { window.map_div.setView([41.88, -87.63], 8, {animate: false}); }")  # Chicago, close up
    switch_to_287g_layer(page, frame, data)
    # The 287(g) layer's list slider appears beside the map, not above it: the frame keeps its size.
    page.get_by_role("slider").first.wait_for(timeout=MAP_TIMEOUT_MS)
    page.wait_for_timeout(500)
    assert frame.evaluate("() => window.innerHeight") == frame_height
    assert frame.evaluate("() => window.map_div.getZoom()") == 8


def test_a_larger_window_fits_the_region_again(page, app_url):
    frame = open_presenter_map(page, app_url, 1280, 720)
    zoom = frame.evaluate("() => window.map_div.getZoom()")
    page.set_viewport_size({"width": 1920, "height": 1080})
    frame.wait_for_function(f"() => window.map_div.getZoom() > {zoom}", timeout=MAP_TIMEOUT_MS, polling=POLL_MS)
    frame.wait_for_function(SHOWS_BOX, arg=list(QUICK_VIEW_BOUNDS["Lower 48"]), timeout=MAP_TIMEOUT_MS, polling=POLL_MS)
