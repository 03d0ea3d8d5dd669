"""Screenshots for docs/: `python -m scripts.screenshots` starts the app and saves the PNGs the README shows
(`python -m scripts.screenshots search-1280x800.png …` only those)."""

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from scripts.appserver import APP_IS_IDLE, CHROMIUM, CHROMIUM_ARGS, PROJECT_ROOT, running_app

DOCS = PROJECT_ROOT / "docs"
MAP_DRAWN = """() => {
    const frame = [...document.querySelectorAll('iframe')].find(f => f.src.includes('streamlit_folium'));
    const map = frame && frame.contentWindow.map_div;
    if (!map || !map._layers) { return false; }
    return Object.values(map._layers).some(
        l => l.feature && l.feature.properties.fips && l.options.fillColor !== '#ffffff');
}"""


def open_tab(name: str) -> Callable[[Page], None]:
    def action(page: Page) -> None:
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(1500)

    return action


def open_expander(name: str) -> Callable[[Page], None]:
    def action(page: Page) -> None:
        page.get_by_text(name).click()
        page.wait_for_timeout(2000)
        page.get_by_text(name).scroll_into_view_if_needed()

    return action


def search_for(query: str) -> Callable[[Page], None]:
    """Types into the sidebar's search (opening the sidebar first on a phone, where it starts closed)."""

    def action(page: Page) -> None:
        expand = page.get_by_test_id("stExpandSidebarButton")
        if expand.is_visible():
            expand.click()
            page.wait_for_timeout(1000)
        box = page.get_by_label("Find a county, city or police department")
        box.fill(query)
        box.press("Enter")
        page.wait_for_timeout(3000)

    return action


def scroll_to(text: str) -> Callable[[Page], None]:
    def action(page: Page) -> None:
        page.get_by_text(text).first.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)

    return action


def slide_to_oldest_list(page: Page) -> None:
    page.get_by_role("slider").first.focus()
    page.keyboard.press("Home")
    page.wait_for_timeout(3000)


@dataclass(frozen=True)
class Shot:
    file: str
    path: str
    viewport: tuple[int, int] = (1400, 900)
    wait_for_map: bool = False
    action: Callable[[Page], None] | None = None


SHOTS = [
    Shot("map.png", "/", wait_for_map=True),
    Shot("map-287g.png", "/?layer=287g", wait_for_map=True),
    Shot("time-control.png", "/?layer=287g", (1400, 1000), True, slide_to_oldest_list),
    Shot("state-view.png", "/?layer=holds&state=TX", (1400, 1300), True),
    Shot("presenter-1280x720.png", "/?mode=present", (1280, 720), True),
    Shot("presenter-1920x1080.png", "/?mode=present", (1920, 1080), True),
    Shot("county.png", "/county?fips=04013", (1400, 1000)),
    Shot("why-this-color.png", "/county?fips=06085", (1400, 1100)),
    Shot("county-authority.png", "/county?fips=48201", (1400, 1100), action=open_tab("Who decides")),
    Shot("county-timeline.png", "/county?fips=12086", (1400, 1100), action=open_tab("History")),
    Shot("sources.png", "/sources", (1400, 1100)),
    Shot("why-conflict.png", "/county?fips=36083", (1400, 1000)),
    Shot("method-change.png", "/sources", (1400, 1000), action=scroll_to("the method changed")),
    Shot("map-es.png", "/?lang=es", wait_for_map=True),
    Shot("presenter-es-1920x1080.png", "/?mode=present&lang=es&layer=287g", (1920, 1080), True),
    Shot(
        "county-asks-es.png", "/county?fips=48201&lang=es", (1400, 1100), action=open_tab("Qué pedir (recomendaciones)")
    ),
    Shot("map-table.png", "/?layer=287g", (1400, 1500), True, open_expander("The map as a table")),
    Shot("search-1280x800.png", "/?state=TX", (1280, 800), True, search_for("harris county sherif")),
    Shot("search-390x844.png", "/", (390, 844), True, search_for("saint louis")),
    Shot("county-empty-1280x800.png", "/county", (1280, 800)),
]


def take(browser, base_url: str, shot: Shot) -> None:
    page = browser.new_page(viewport={"width": shot.viewport[0], "height": shot.viewport[1]})
    page.goto(base_url + shot.path)
    if shot.wait_for_map:
        page.wait_for_function(MAP_DRAWN, timeout=60_000)
    page.wait_for_selector("h1, h2, iframe", timeout=30_000)
    page.locator(APP_IS_IDLE).wait_for(timeout=60_000)  # a tab clicked during a run goes back to the first
    page.wait_for_timeout(1500)  # let Streamlit finish fading in its elements
    if shot.action:
        shot.action(page)
    page.screenshot(path=DOCS / shot.file)
    page.close()
    print(f"wrote {Path('docs') / shot.file}")


def main(files: list[str]) -> None:
    DOCS.mkdir(exist_ok=True)
    unknown = set(files) - {shot.file for shot in SHOTS}
    if unknown:
        sys.exit(f"no such screenshot: {', '.join(sorted(unknown))}")
    with running_app() as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for shot in SHOTS:
            if not files or shot.file in files:
                take(browser, base_url, shot)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
