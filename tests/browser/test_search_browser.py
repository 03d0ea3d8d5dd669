"""The sidebar's search in Chromium on a laptop (1280×800) and a phone (390×844): one box, hits whose "→ county" end
is shown (they wrap instead of being cut), and a pick on a phone that closes the sidebar over the county page."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_map_browser import MAP_TIMEOUT_MS, wait_until_the_app_is_idle

pytestmark = pytest.mark.browser

LAPTOP, PHONE = (1280, 800), (390, 844)
SEARCH = "Find a county, city or police department"
SIDEBAR = '[data-testid="stSidebar"]'
# Whether a link's text is cut: its own box narrower than the text it holds.
IS_CUT = "link => [...link.querySelectorAll('span')].some(span => span.scrollWidth > span.clientWidth + 1)"


@pytest.fixture()
def sized_page(page: Page):
    """A page whose size a test sets; the sidebar's open or closed state, which Streamlit keeps in the browser's
    storage, is forgotten afterwards so that it does not carry into other tests."""
    yield page
    page.evaluate("() => window.localStorage.clear()")


def open_search(page: Page, app_url: str, size: tuple[int, int]):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(app_url)
    wait_until_the_app_is_idle(page)
    expand = page.get_by_test_id("stExpandSidebarButton")
    if size == PHONE:  # a phone starts with the sidebar closed
        expand.click()
        wait_until_the_app_is_idle(page)
    boxes = page.get_by_label(SEARCH)
    expect(boxes).to_have_count(1)
    return boxes


def search_for(page: Page, box, query: str) -> None:
    box.fill(query)
    box.press("Enter")
    page.locator(f"{SIDEBAR} a", has_text=re.compile(r"\S")).first.wait_for(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(page)


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_a_long_hit_shows_the_county_it_leads_to(sized_page, app_url, size):
    box = open_search(sized_page, app_url, size)
    search_for(sized_page, box, "Harris County Constable")
    label = "Harris County Constable, TX (8 agencies) → Harris County"
    hit = sized_page.locator(SIDEBAR).get_by_role("link", name=label)
    expect(hit).to_be_visible()
    assert not hit.evaluate(IS_CUT), "the label is cut off"
    sidebar, shown = sized_page.locator(SIDEBAR).bounding_box(), hit.bounding_box()
    assert shown["x"] + shown["width"] <= sidebar["x"] + sidebar["width"]
    assert shown["height"] > 30, "a label this long wraps onto a second line"


@pytest.mark.parametrize("size, closes", [(PHONE, True), (LAPTOP, False)], ids=["390x844", "1280x800"])
def test_a_pick_opens_the_county_and_on_a_phone_closes_the_sidebar(sized_page, app_url, size, closes):
    box = open_search(sized_page, app_url, size)
    search_for(sized_page, box, "Mesa AZ")
    sized_page.locator(SIDEBAR).get_by_role("link", name="Mesa, AZ (city agency) → Maricopa County").click()
    sized_page.wait_for_url(re.compile(r"/county\?fips=04013"), timeout=MAP_TIMEOUT_MS)
    expect(sized_page.get_by_role("heading", level=1, name="Maricopa County, Arizona")).to_be_visible(
        timeout=MAP_TIMEOUT_MS
    )
    expect(sized_page.locator(SIDEBAR)).to_have_attribute("data-collapsed", "true" if closes else "false")


def test_the_county_page_from_the_page_list_is_a_search(sized_page, app_url):
    open_search(sized_page, app_url, LAPTOP)
    sized_page.get_by_test_id("stSidebarNav").get_by_role("link", name="County").click()
    expect(sized_page.get_by_role("heading", level=1, name="Find a county")).to_be_visible(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(sized_page)
    boxes = sized_page.get_by_label(SEARCH)
    expect(boxes).to_have_count(1)
    assert not boxes.evaluate(f"box => !!box.closest('{SIDEBAR}')"), "the page's own box, not the sidebar's"
    expect(sized_page.get_by_test_id("stAlert").filter(has_text="Link problem")).to_have_count(0)
