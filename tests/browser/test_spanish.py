"""The map in Spanish as a person sees it: legend and tooltips in Spanish, and a click keeps the language on the
county page."""

import html
import re

import pytest
from playwright.sync_api import Page, expect

from lib.i18n import _, use_language
from lib.registry import LEVEL_CLASSES
from tests.browser.test_map_browser import FIND_COUNTY_LAYER, MAP_CONTAINER, MAP_TIMEOUT_MS, open_map

pytestmark = pytest.mark.browser

COUNTY = "56037"  # Sweetwater County, Wyoming: large and nearly rectangular, so its middle is inside it
COUNTY_CLASS_AND_MIDDLE = f"""(fips) => {{
    const map = window.map_div;
    const county = ({FIND_COUNTY_LAYER})(map).getLayers().find((item) => item.feature.properties.fips === fips);
    const point = map.latLngToContainerPoint(county.getBounds().getCenter());
    return [county.feature.properties["class"], point.x, point.y];
}}"""


def test_the_spanish_map_speaks_spanish_and_a_click_keeps_it(page: Page, app_url):
    with use_language("es"):
        spanish_labels = {_(legend_class.label) for legend_class in LEVEL_CLASSES}
        county_page_tab = _("Why this color")
    frame = open_map(page, f"{app_url}/?lang=es")
    legend = page.get_by_label("Leyenda")
    for label in spanish_labels:
        expect(legend).to_contain_text(label)
    county_class, x, y = frame.evaluate(COUNTY_CLASS_AND_MIDDLE, COUNTY)
    assert any(county_class.startswith(html.escape(label)) for label in spanish_labels), county_class
    frame.locator(MAP_CONTAINER).click(position={"x": x, "y": y})
    page.wait_for_url(re.compile(rf"/county\?fips={COUNTY}&lang=es"), timeout=MAP_TIMEOUT_MS)
    expect(page.get_by_role("tab", name=county_page_tab)).to_be_visible(timeout=MAP_TIMEOUT_MS)
