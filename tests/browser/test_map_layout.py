"""The map page as a laptop (1280×800), a phone (390×844) and a meeting room's screen (1920×1080) show it: the lower
48 and the legend in the first screen, no label cut short, the map kept in place when the 287(g) layer brings its
time slider, projector type in presenter mode, and the counties resting on draft evidence hatched."""

import io
import math

import pytest
import shapely
from PIL import Image
from playwright.sync_api import Page
from shapely.geometry import shape

from lib.layers import hatch_color
from lib.mapview import QUICK_VIEW_BOUNDS
from lib.registry import LEVEL_LAYER
from tests.browser.test_map_browser import (
    CONTAINER_POINTS,
    COUNTY_FEATURES,
    FIND_COUNTY_LAYER,
    MAP_CONTAINER,
    MAP_TIMEOUT_MS,
    POLL_MS,
    hex_to_rgb,
    open_map,
    switch_to_287g_layer,
)

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CONTROLS = 'div[data-testid="stHorizontalBlock"]:has(.st-key-layer)'
SIDEBAR = 'section[data-testid="stSidebar"]'
LEGEND = ".map-legend"
# Texts the page shortens with an ellipsis because they do not fit: their full width is wider than their box.
# A closed sidebar (on a phone) is left out: it lies off the screen, squeezed to nothing.
CUT_TEXTS = """(selectors) => selectors.flatMap((selector) => Array.from(document.querySelectorAll(selector)))
    .filter((root) => root.getBoundingClientRect().left >= 0 && root.getBoundingClientRect().width > 100)
    .flatMap((root) => [root, ...root.querySelectorAll("*")])
    .filter((element) => getComputedStyle(element).textOverflow === "ellipsis"
        && element.scrollWidth > element.clientWidth + 1)
    .map((element) => element.textContent)"""
FONT_PX = "(element) => parseFloat(getComputedStyle(element).fontSize)"
# Whether each county's fill is a pattern (hatched) rather than a plain color, by FIPS.
HATCHED = f"""() => Object.fromEntries(({FIND_COUNTY_LAYER})(window.map_div).getLayers().map(
    (county) => [county.feature.properties.fips, county.options.fillColor instanceof CanvasPattern]))"""
SCREENS = [(1280, 800, "en"), (1280, 800, "es"), (390, 844, "en")]


def open_map_at(page: Page, app_url: str, width: int, height: int, query: str = ""):
    page.set_viewport_size({"width": width, "height": height})
    return open_map(page, f"{app_url}/{query}")


def lower_48_on_the_page(page: Page, frame) -> tuple[float, float, float, float]:
    """The lower 48's box (left, top, right, bottom) in the page's pixels, as the map draws it."""
    west, south, east, north = QUICK_VIEW_BOUNDS["Lower 48"]
    (left, top), (right, bottom) = frame.evaluate(CONTAINER_POINTS, [[north, west], [south, east]])
    origin = page.locator(MAP_FRAME).bounding_box()
    return origin["x"] + left, origin["y"] + top, origin["x"] + right, origin["y"] + bottom


@pytest.mark.parametrize("width, height, lang", SCREENS)
def test_the_lower_48_and_the_legend_fit_the_first_screen(page, app_url, width, height, lang):
    frame = open_map_at(page, app_url, width, height, f"?lang={lang}")
    left, top, right, bottom = lower_48_on_the_page(page, frame)
    assert 0 <= left and right <= width and 0 <= top and bottom <= height, (left, top, right, bottom)
    legend = page.locator(LEGEND).bounding_box()
    assert legend["x"] >= 0 and legend["x"] + legend["width"] <= width, legend
    assert legend["y"] + legend["height"] <= height, f"the legend ends at {legend['y'] + legend['height']:.0f} px"


@pytest.mark.parametrize("width, height, lang", SCREENS)
def test_no_control_sidebar_or_legend_label_is_cut(page, app_url, width, height, lang):
    open_map_at(page, app_url, width, height, f"?lang={lang}")
    assert page.evaluate(CUT_TEXTS, [CONTROLS, LEGEND, SIDEBAR]) == []


def test_the_287g_layer_and_its_time_slider_leave_the_map_in_place(page, app_url, data):
    frame = open_map_at(page, app_url, 1280, 800)
    before = page.locator(MAP_FRAME).bounding_box()
    switch_to_287g_layer(page, frame, data)
    page.get_by_role("slider").first.wait_for(timeout=MAP_TIMEOUT_MS)
    after = page.locator(MAP_FRAME).bounding_box()
    assert (after["x"], after["y"], after["height"]) == (before["x"], before["y"], before["height"])


def test_presenter_mode_on_a_big_screen_uses_projector_type(page, app_url):
    frame = open_map_at(page, app_url, 1920, 1080, "?mode=present")
    legend_texts = page.locator(f"{LEGEND} .label, {LEGEND} .count, {LEGEND} strong")
    sizes = [legend_texts.nth(index).evaluate(FONT_PX) for index in range(legend_texts.count())]
    assert sizes and min(sizes) >= 28, sizes
    labels = frame.locator(".state-label")
    assert labels.count() >= 50
    assert labels.first.evaluate(FONT_PX) >= 16


@pytest.fixture(scope="module")
def level_layer(layers):
    return layers[LEVEL_LAYER]


def test_counties_resting_on_draft_evidence_are_hatched(page, app_url, level_layer):
    frame = open_map_at(page, app_url, 1280, 800)
    hatched = frame.evaluate(HATCHED)
    assert hatched == {fips: level_layer.is_draft(fips) for fips in hatched}
    assert any(hatched.values())
    # Up close, the widest draft county shows its class color and the hatch lines' color side by side.
    drafts = [fips for fips, is_hatched in hatched.items() if is_hatched]
    features = frame.evaluate(COUNTY_FEATURES, drafts)
    widest = max(features, key=lambda feature: shape(feature["geometry"]).area)
    fips = widest["properties"]["fips"]
    frame.evaluate(
        f"""(fips) => {{
            const county = ({FIND_COUNTY_LAYER})(window.map_div).getLayers()
                .find((item) => item.feature.properties.fips === fips);
            window.map_div.fitBounds(county.getBounds(), {{animate: false}});
        }}""",
        fips,
    )
    frame.wait_for_function("() => !window.map_div._renderer._redrawRequest", timeout=MAP_TIMEOUT_MS, polling=POLL_MS)
    circle = shapely.maximum_inscribed_circle(shape(widest["geometry"]), 0.01)
    center, edge = frame.evaluate(CONTAINER_POINTS, [[lat, lon] for lon, lat in circle.coords])
    radius = math.dist(center, edge) * 0.7
    picture = Image.open(io.BytesIO(frame.locator(MAP_CONTAINER).screenshot())).convert("RGB")
    fill = hex_to_rgb(level_layer.color_of(level_layer.county_class[fips]))
    lines = hex_to_rgb(hatch_color(level_layer.color_of(level_layer.county_class[fips])))
    pixels = [
        picture.getpixel((round(center[0] + dx), round(center[1] + dy)))
        for dx in range(-round(radius), round(radius))
        for dy in range(-round(radius), round(radius))
        if dx * dx + dy * dy <= radius * radius
    ]

    def distance(pixel, color):
        return sum(abs(a - b) for a, b in zip(pixel, color))

    # Lines 1.5 px wide are antialiased: a pixel counts for whichever of the two colors it is closer to.
    toward_lines = sum(distance(pixel, lines) < distance(pixel, fill) for pixel in pixels) / len(pixels)
    assert 0.1 <= toward_lines <= 0.5, (fips, toward_lines)
