"""Screenshots for docs/: `python -m scripts.screenshots` starts the app and saves the PNGs the README shows
(`python -m scripts.screenshots search-1280x800.png …` only those)."""

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from scripts.appserver import APP_IS_IDLE, CHROMIUM, CHROMIUM_ARGS, PROJECT_ROOT, running_app, select_tab

DOCS = PROJECT_ROOT / "docs"
MAX_PNG_BYTES = 400_000
MAP_DRAWN = """() => {
    const frame = [...document.querySelectorAll('iframe')].find(f => f.src.includes('streamlit_folium'));
    const map = frame && frame.contentWindow.map_div;
    if (!map || !map._layers) { return false; }
    return Object.values(map._layers).some(
        l => l.feature && l.feature.properties.fips && l.options.fillColor !== '#ffffff');
}"""


def open_tab(name: str) -> Callable[[Page], None]:
    def action(page: Page) -> None:
        select_tab(page, name)
        page.wait_for_timeout(1500)  # let Streamlit fade the tab's elements in

    return action


def open_expander(name: str) -> Callable[[Page], None]:
    def action(page: Page) -> None:
        page.get_by_text(name).click()
        page.wait_for_timeout(2000)
        page.get_by_text(name).scroll_into_view_if_needed()

    return action


def scroll_to_text(text: str) -> Callable[[Page], None]:
    def action(page: Page) -> None:
        page.get_by_text(text).first.scroll_into_view_if_needed()
        page.mouse.wheel(0, 300)  # the heading near the top, the lists below it
        page.wait_for_timeout(1000)

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


def scroll_to(selector: str, tab: str | None = None, block: str = "start") -> Callable[[Page], None]:
    """Opens `tab` (if given), then scrolls the first visible element matching `selector` into the window, at its
    top (`block` "start") or in its middle ("center")."""

    def action(page: Page) -> None:
        if tab:
            open_tab(tab)(page)
        page.locator(selector).locator("visible=true").first.evaluate(
            "(element, block) => element.scrollIntoView({block})", block
        )
        page.wait_for_timeout(800)

    return action


def press_keys(*keys: str) -> Callable[[Page], None]:
    """Presses keys with the map focused, as a presenter's clicker would (presenter mode's tour)."""

    def action(page: Page) -> None:
        page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("#map_div").focus()
        for key in keys:
            page.keyboard.press(key)
            page.wait_for_timeout(4000)

    return action


def open_citation_box(page: Page) -> None:
    """The county page's link and citation box, open on its BibTeX form, in view with the text box under it."""
    page.get_by_text("Link and citation").click()
    page.get_by_label("Link to this view").wait_for(timeout=60_000)
    page.get_by_role("radio", name="BibTeX").click()
    expect(page.get_by_label("Citation to copy")).to_have_value(re.compile(r"^@misc\{"), timeout=60_000)
    page.locator(APP_IS_IDLE).wait_for(timeout=60_000)
    page.get_by_text("Suggest a correction").scroll_into_view_if_needed()
    page.wait_for_timeout(500)


def slide_to_oldest_list(page: Page) -> None:
    page.get_by_role("slider").first.focus()
    page.keyboard.press("Home")
    page.wait_for_timeout(3000)


def zoom_to_drafts(page: Page) -> None:
    """Close up on Illinois and its neighbours, where hatched (draft) and plain counties meet."""
    frame = page.locator('iframe[title="streamlit_folium.st_folium"]').element_handle().content_frame()
    frame.evaluate("() => { window.map_div.setView([40.3, -88.6], 6.75, {animate: false}); }")
    page.wait_for_timeout(1500)


@dataclass(frozen=True)
class Shot:
    file: str
    path: str
    viewport: tuple[int, int] = (1400, 900)
    wait_for_map: bool = False
    action: Callable[[Page], None] | None = None


SHOTS = [
    Shot("map.png", "/", wait_for_map=True),
    Shot("map-1280x800.png", "/", (1280, 800), True),
    Shot("map-390x844.png", "/", (390, 844), True),
    Shot("map-es-1280x800.png", "/?lang=es", (1280, 800), True),
    Shot("map-1920x1080.png", "/", (1920, 1080), True),
    Shot("map-draft-detail.png", "/", (1280, 800), True, zoom_to_drafts),
    Shot("map-287g.png", "/?layer=287g", wait_for_map=True),
    Shot("time-control.png", "/?layer=287g", (1400, 1000), True, slide_to_oldest_list),
    Shot("state-view.png", "/?layer=holds&state=TX", (1400, 1300), True),
    Shot("presenter-1280x720.png", "/?mode=present", (1280, 720), True),
    Shot("presenter-1920x1080.png", "/?mode=present", (1920, 1080), True),
    Shot("county.png", "/county?fips=04013", (1400, 1000)),
    Shot("why-this-color.png", "/county?fips=06085", (1400, 1100)),
    Shot("county-authority.png", "/county?fips=48201", (1400, 1100), action=open_tab("Who decides")),
    Shot(
        "county-federal-lists.png",
        "/county?fips=17031",
        (1400, 1100),
        action=scroll_to_text("Federal 'sanctuary' lists (claims: they do not color the map)"),
    ),
    Shot("county-timeline.png", "/county?fips=12086", (1400, 1100), action=open_tab("History")),
    Shot("sources.png", "/sources", (1400, 1100)),
    Shot("why-conflict.png", "/county?fips=36083", (1400, 1000)),
    Shot("method-change.png", "/sources", (1400, 1000), action=scroll_to_text("the method changed")),
    Shot("map-es.png", "/?lang=es", wait_for_map=True),
    Shot("presenter-es-1920x1080.png", "/?mode=present&lang=es&layer=287g", (1920, 1080), True),
    Shot(
        "county-asks-es.png", "/county?fips=48201&lang=es", (1400, 1100), action=open_tab("Qué pedir (recomendaciones)")
    ),
    Shot("map-table.png", "/?layer=287g", (1400, 1500), True, open_expander("The map as a table")),
    Shot("search-1280x800.png", "/?state=TX", (1280, 800), True, search_for("harris county sherif")),
    Shot("search-390x844.png", "/", (390, 844), True, search_for("saint louis")),
    Shot("county-empty-1280x800.png", "/county", (1280, 800)),
    Shot("county-evidence-1280x800.png", "/county?fips=48201", (1280, 800), action=scroll_to(".stTabs")),
    Shot("county-390x844.png", "/county?fips=48201", (390, 844), action=scroll_to('[role="tablist"]', block="center")),
    Shot(
        "county-es-390x844.png",
        "/county?fips=48201&lang=es",
        (390, 844),
        action=scroll_to('[role="tablist"]', block="center"),
    ),
    Shot(
        "county-money-1280x800.png",
        "/county?fips=48201",
        (1280, 800),
        action=scroll_to('[data-testid="stGraphVizChart"]', tab="Money", block="center"),
    ),
    Shot("presenter-focus-1920x1080.png", "/?mode=present&tour=06085,48201,17031&fips=48201", (1920, 1080), True),
    Shot("presenter-focus-es-1920x1080.png", "/?mode=present&lang=es&fips=06085", (1920, 1080), True),
    Shot(
        "presenter-tour-1280x720.png",
        "/?mode=present&tour=06085,48201,17031",
        (1280, 720),
        True,
        press_keys("PageDown", "PageDown", "?"),
    ),
    # Taken with ICE_MAP_BASE_URL=http://localhost:8501, so the link shows the address of `make run`.
    Shot("cite-1280x800.png", "/county?fips=06085", (1280, 800), action=open_citation_box),
    Shot(
        "county-asks-tx-1280x800.png",
        "/county?fips=48201",
        (1280, 800),
        action=open_tab("What to ask for (recommendations)"),
    ),
    Shot(
        "county-asks-ca-1280x800.png",
        "/county?fips=06085",
        (1280, 800),
        action=open_tab("What to ask for (recommendations)"),
    ),
    # The campaign kits of the five contrasting counties whose packets are in docs/campaign-packet-*.pdf.
    Shot("campaign-tx-1280x800.png", "/campaign?fips=48201", (1280, 800), action=open_tab("Meeting preparation")),
    Shot("campaign-ca-1920x1080.png", "/campaign?fips=06085", (1920, 1080), action=open_tab("Model policy")),
    Shot("campaign-wi-287g-1280x800.png", "/campaign?fips=55133", (1280, 800), action=open_tab("Talking points")),
    Shot("campaign-il-1280x800.png", "/campaign?fips=17031", (1280, 800)),
    Shot("campaign-unknown-390x844.png", "/campaign?fips=55079", (390, 844), action=open_tab("Monitoring")),
    Shot("campaign-pr-390x844.png", "/campaign?fips=72127", (390, 844)),
    Shot("contribute-1280x800.png", "/contribute?fips=06085", (1280, 800)),
    Shot("contribute-390x844.png", "/contribute?fips=48201", (390, 844)),
]

# Issue 16's views at the screens they are used on, in both languages, where no shot above shows them already.
SIZES = {"1280x800": (1280, 800), "1920x1080": (1920, 1080), "1280x720": (1280, 720), "390x844": (390, 844)}
VIEWS = {"map": ("/", True), "county": ("/county?fips=48201", False), "presenter": ("/?mode=present", True)}
SHOTS += [
    Shot(f"{view}{'-es' if lang else ''}-{size}.png", path + (("&" if "?" in path else "?") + lang), SIZES[size], wait)
    for view, (path, wait) in VIEWS.items()
    for lang in ("", "lang=es")
    for size in SIZES
    if f"{view}{'-es' if lang else ''}-{size}.png" not in {shot.file for shot in SHOTS}
]


def compress(path: Path) -> None:
    """A screenshot over MAX_PNG_BYTES is stored with a palette of 256 colors: the map's flat fills keep their look,
    and docs/ stays small."""
    if path.stat().st_size > MAX_PNG_BYTES:
        with Image.open(path) as image:
            paletted = image.convert("RGB").quantize(256)
        paletted.save(path, optimize=True)


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
    compress(DOCS / shot.file)
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
