"""A copy of data/ whose every free-text column carries every payload kind (tests/hostile.py), walked page by page
in Chromium: no image, formula, coloured text, icon, emoji or link comes out of a payload, nothing is requested off
this machine, and the payloads show as the literal text they are."""

import pytest
from playwright.sync_api import Page

from scripts.appserver import running_app, select_tab
from tests.browser.test_map_browser import MAP_TIMEOUT_MS, open_map, wait_until_the_app_is_idle
from tests.hostile import HOSTILE_HOST, PAYLOADS, hostile_copy

pytestmark = pytest.mark.browser

# What a payload would have become, looked for in the whole page (the map's frame is checked by the HTML test).
FOUND_MARKUP = """([host]) => {
    const inMarkdown = (selector) => [...document.querySelectorAll(
        selector.split(",").map((one) => `[data-testid="stMarkdownContainer"] ${one}`).join(","))];
    return {
        images: [...document.querySelectorAll("img")].filter((img) => img.src.includes(host)).length
            + inMarkdown("img").length,
        formulas: document.querySelectorAll(".katex, math").length,
        coloured: inMarkdown(".stMarkdownColoredText, .stMarkdownColoredBackground, span[style*=color]").length,
        icons: inMarkdown('span[role="img"]').length,
        emoji: document.body.innerText.includes("\\u{1F604}") ? 1 : 0,
        links: [...document.querySelectorAll("a[href]")].filter((a) => a.href.includes(host)
            || /^(javascript|mailto|data):/i.test(a.getAttribute("href"))).length,
    };
}"""
RAW_TABLE_DOWNLOADS = """() => [...document.querySelectorAll('button[aria-label="Download as CSV"]')]
    .filter((button) => getComputedStyle(button).display !== "none").length"""
SHOWN_TEXT = "() => document.body.innerText.replaceAll('\\u2060', '')"
PAGES = [
    "/county?fips=01001",
    "/county?fips=12011",
    "/county?fips=06085",
    "/county?fips=36047",
    "/county?fips=17031",
    "/compare?compare=06085,48201",
    "/changes",
    "/sources",
]
COUNTY_TABS = ["Why this color", "Who decides", "Money", "History", "What to ask for (recommendations)"]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile-markdown") / "data"
    from lib.paths import DATA_DIR

    hostile_copy(DATA_DIR, data)
    with running_app(env={"ICE_MAP_DATA_DIR": str(data)}) as url:
        yield url


def markup_on(page: Page) -> dict[str, int]:
    return {kind: count for kind, count in page.evaluate(FOUND_MARKUP, [HOSTILE_HOST]).items() if count}


def payloads_shown(page: Page) -> set[str]:
    text = " ".join(page.evaluate(SHOWN_TEXT).split())
    return {kind for kind, payload in PAYLOADS.items() if " ".join(payload.split()) in text}


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.locator('[data-testid="stMainBlockContainer"]').wait_for(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(page)


def test_no_payload_becomes_markup_on_any_page(browser_context, hostile_url, offsite_requests):
    dialogs, shown = [], {}
    page = browser_context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        open_map(page, f"{hostile_url}/?state=CA")
        assert markup_on(page) == {}, "map, state view"
        search = page.get_by_label("Find a county, city or police department").first
        search.fill("Autauga")
        search.press("Enter")
        wait_until_the_app_is_idle(page)
        assert markup_on(page) == {}, "search hits"
        for path in PAGES:
            open_page(page, f"{hostile_url}{path}")
            for tab in COUNTY_TABS if path.startswith("/county") else []:
                select_tab(page, tab, MAP_TIMEOUT_MS)
                assert markup_on(page) == {}, f"{path}, tab {tab}"
                shown[f"{path} {tab}"] = payloads_shown(page)
            assert markup_on(page) == {}, path
            shown[path] = payloads_shown(page)
        page.locator('[data-testid="stDataFrame"]').first.hover()
        assert page.evaluate(RAW_TABLE_DOWNLOADS) == 0, "a table offers Streamlit's own CSV, formulas and all"
    finally:
        page.close()
    assert dialogs == []
    assert [url for url in offsite_requests if HOSTILE_HOST in url] == []
    every_kind_somewhere = set().union(*shown.values())
    assert every_kind_somewhere == set(PAYLOADS), f"never shown as text: {set(PAYLOADS) - every_kind_somewhere}"
