"""The national map as a person sees it in Chromium: every county drawn by Leaflet, in its class color, a click
opening the county page, and not one request leaving the machine."""

import html
import io
import math
import re
from dataclasses import dataclass

import pytest
import shapely
from PIL import Image
from playwright.sync_api import Frame, Page, expect
from shapely.geometry import shape

from lib.layers import layer_287g
from scripts.appserver import wait_until_idle

pytestmark = pytest.mark.browser

MAP_TIMEOUT_MS = 45_000  # the first page load also loads the data and sends megabytes of county shapes
# Waits inside the map's iframe poll on a timer: Playwright's default, requestAnimationFrame, can stop firing in
# that iframe on a busy machine, and a wait then never sees the map become ready (4 of 6 Spanish map loads with
# a core kept busy; 0 of 8 with the timer).
POLL_MS = 100
MIN_COUNTIES_DRAWN = 3_100
COLOR_TOLERANCE = 10  # per RGB channel; the fill is opaque, so only antialiasing at edges could differ
# The county's pixel, then one two pixels away on each side: a stray border pixel cannot fail the test.
SAMPLE_OFFSETS = [(0, 0), (2, 0), (-2, 0), (0, 2), (0, -2)]
# How far the samples must stay from anything drawn over the counties: the samples' reach (2 px) plus the
# state labels' 3 px text shadow, which spills out of the label's box, and a pixel for rounding.
OVERLAY_CLEARANCE_PX = 6

# The layer these tests check against the compiled data, and the menu that switches the map to it.
LAYER_MENU = "Color the map by"
LAYER_287G = "287(g) agreements"

MAP_CONTAINER = "#map_div"  # st_folium's div for the map; Leaflet's map object is window.map_div
# The county layer: the one L.GeoJSON whose items carry a county FIPS.
FIND_COUNTY_LAYER = """(map) => Object.values(map._layers).find((layer) =>
    typeof layer.getLayers === "function"
    && layer.getLayers().some((item) => item.feature && item.feature.properties && item.feature.properties.fips))"""
# Ready to be looked at: counties added and each given its class (the color layer may be applied after the
# shapes are drawn, and sets the class named in the tooltip), no zoom or pan animation running, and no repaint
# pending on the canvas renderer (prefer_canvas draws every county on one canvas, a frame after a change).
MAP_IS_READY = f"""() => {{
    // Until folium's script assigns the Leaflet map, window.map_div is the <div id="map_div"> itself.
    const map = window.map_div;
    if (!(window.L && map instanceof L.Map)) return false;
    const counties = ({FIND_COUNTY_LAYER})(map);
    return Boolean(counties) && counties.getLayers().every((county) => county.feature.properties["class"])
        && !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress)
        && !(map._renderer && map._renderer._redrawRequest);
}}"""
# The 287(g) layer is on the map: every county's tooltip names its class in that layer (as HTML-escaped text,
# the way the app writes it) and the canvas has painted the new colors.
LAYER_IS_SHOWN = f"""(expectedClasses) => {{
    const map = window.map_div;
    return ({FIND_COUNTY_LAYER})(map).getLayers().every(
            (county) => county.feature.properties["class"] === expectedClasses[county.feature.properties.fips])
        && !(map._renderer && map._renderer._redrawRequest);
}}"""
COUNT_COUNTIES = f"() => ({FIND_COUNTY_LAYER})(window.map_div).getLayers().length"
COUNTY_FEATURES = f"""(fipsCodes) => {{
    const wanted = new Set(fipsCodes);
    return ({FIND_COUNTY_LAYER})(window.map_div).getLayers()
        .filter((county) => wanted.has(county.feature.properties.fips))
        .map((county) => county.feature);
}}"""
CONTAINER_POINTS = """(latLngs) => latLngs.map((latLng) => {
    const point = window.map_div.latLngToContainerPoint(latLng);
    return [point.x, point.y];
})"""
MAP_SIZE = "() => { const size = window.map_div.getSize(); return [size.x, size.y]; }"
# Boxes, in container pixels, of what covers the county canvas: state labels (DivIcons) and the controls.
OVERLAY_BOXES = """() => {
    const container = window.map_div.getContainer();
    const origin = container.getBoundingClientRect();
    return Array.from(container.querySelectorAll(".leaflet-marker-icon, .leaflet-control"), (element) => {
        const box = element.getBoundingClientRect();
        return [box.left - origin.left, box.top - origin.top, box.right - origin.left, box.bottom - origin.top];
    });
}"""


@dataclass(frozen=True)
class SampleCounty:
    fips: str
    title: str  # as the county page heads it, e.g. 'Carbon County, Wyoming'
    class_id: str
    color: tuple[int, int, int]
    x: int  # a point deep inside the county, in the map container's pixels
    y: int
    radius_px: float  # how far that point is from the county's edge


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def wait_until_the_app_is_idle(page: Page) -> None:
    """Wait until no script run is under way: a click that lands while a run is still drawing the page can be
    undone by it (Streamlit puts tabs back on the first one), and a run may follow the map's first drawing."""
    wait_until_idle(page, MAP_TIMEOUT_MS)


def open_map(page: Page, url: str) -> Frame:
    """Open a map page at `url`; returns the streamlit_folium iframe holding the map once Leaflet has drawn it
    and the app has finished running."""
    page.goto(url)
    frame = page.locator('iframe[src*="streamlit_folium"]').element_handle(timeout=MAP_TIMEOUT_MS).content_frame()
    frame.wait_for_function(MAP_IS_READY, timeout=MAP_TIMEOUT_MS, polling=POLL_MS)
    wait_until_the_app_is_idle(page)
    return frame


@pytest.fixture()
def map_frame(page: Page, app_url) -> Frame:
    """The map page opened, and the streamlit_folium iframe holding the map once Leaflet has drawn it."""
    return open_map(page, app_url)


def switch_to_287g_layer(page: Page, map_frame: Frame, data) -> None:
    """Switch the map to the 287(g) layer through its menu, as a person would, and wait until it is drawn."""
    layer = layer_287g(data)
    labels = {legend_class.id: html.escape(legend_class.label) for legend_class in layer.classes}
    expected_classes = {fips: labels[class_id] for fips, class_id in layer.county_class.items()}
    page.get_by_role("combobox", name=LAYER_MENU).click()
    page.get_by_role("option", name=LAYER_287G, exact=True).click()
    map_frame.wait_for_function(LAYER_IS_SHOWN, arg=expected_classes, timeout=MAP_TIMEOUT_MS, polling=POLL_MS)


@pytest.fixture()
def map_with_287g_layer(page: Page, map_frame, data) -> Frame:
    """The map switched to the 287(g) layer, once the layer is drawn."""
    switch_to_287g_layer(page, map_frame, data)
    return map_frame


@pytest.fixture()
def sample_county(map_frame, data) -> SampleCounty:
    """A county with a 287(g) agreement, chosen on the map as drawn: the one with the widest interior (the largest
    inscribed circle, in screen pixels) whose center is in view and clear of state labels and controls.
    Shapes come from Leaflet itself, so the choice holds whatever form the app ships its shapes in."""
    layer = layer_287g(data)
    with_agreement = [fips for fips, class_id in layer.county_class.items() if class_id != "none"]
    circles = {
        feature["properties"]["fips"]: shapely.maximum_inscribed_circle(shape(feature["geometry"]), 0.01)
        for feature in map_frame.evaluate(COUNTY_FEATURES, with_agreement)
    }
    # Each circle is a line from its center to its edge; both ends go to pixels in one round trip.
    ends = map_frame.evaluate(
        CONTAINER_POINTS, [[lat, lon] for circle in circles.values() for lon, lat in circle.coords]
    )
    width, height = map_frame.evaluate(MAP_SIZE)
    overlays = map_frame.evaluate(OVERLAY_BOXES)

    def clear(x: float, y: float) -> bool:
        margin = OVERLAY_CLEARANCE_PX
        in_view = margin <= x < width - margin and margin <= y < height - margin
        return in_view and not any(
            left - margin <= x <= right + margin and top - margin <= y <= bottom + margin
            for left, top, right, bottom in overlays
        )

    radius_px, fips, (x, y) = max(
        (
            (math.dist(center, edge), fips, center)
            for fips, center, edge in zip(circles, ends[0::2], ends[1::2])
            if clear(*center)
        ),
        default=(0, None, (0, 0)),
    )
    assert fips, "no county with an agreement is in view and clear of the labels"
    class_id = layer.county_class[fips]
    county = data.counties_by_fips.loc[fips]
    return SampleCounty(
        fips=fips,
        title=f"{county['name']}, {county['state']}",
        class_id=class_id,
        color=hex_to_rgb(layer.color_of(class_id)),
        x=round(x),
        y=round(y),
        radius_px=radius_px,
    )


def test_every_county_is_drawn(map_frame, data):
    drawn = map_frame.evaluate(COUNT_COUNTIES)
    assert drawn >= MIN_COUNTIES_DRAWN
    assert drawn == data.counties["has_shape"].sum()


def test_county_has_its_class_color(map_with_287g_layer, sample_county):
    # A screenshot of the map container only: its pixels are Leaflet's container points (device scale 1).
    picture = Image.open(io.BytesIO(map_with_287g_layer.locator(MAP_CONTAINER).screenshot())).convert("RGB")
    samples = [picture.getpixel((sample_county.x + dx, sample_county.y + dy)) for dx, dy in SAMPLE_OFFSETS]
    matching = [
        pixel
        for pixel in samples
        if all(abs(got - want) <= COLOR_TOLERANCE for got, want in zip(pixel, sample_county.color))
    ]
    assert len(matching) > len(samples) / 2, f"{sample_county}: pixels there are {samples}"


def test_click_opens_the_county_page(map_frame, sample_county, page):
    map_frame.locator(MAP_CONTAINER).click(position={"x": sample_county.x, "y": sample_county.y})
    page.wait_for_url(re.compile(rf"/county\?fips={sample_county.fips}\b"), timeout=MAP_TIMEOUT_MS)
    expect(page.get_by_role("heading", level=1, name=sample_county.title)).to_be_visible(timeout=MAP_TIMEOUT_MS)


def test_nothing_left_the_machine(map_frame, offsite_requests):
    """Runs last: the context is shared, so the record covers this map load and every test before it."""
    assert offsite_requests == []
