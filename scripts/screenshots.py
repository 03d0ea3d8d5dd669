"""Screenshots for docs/: `python -m scripts.screenshots` starts the app and saves the PNGs the README shows."""

from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, PROJECT_ROOT, running_app

DOCS = PROJECT_ROOT / "docs"
MAP_DRAWN = """() => {
    const frame = [...document.querySelectorAll('iframe')].find(f => f.src.includes('streamlit_folium'));
    const map = frame && frame.contentWindow.map_div;
    if (!map || !map._layers) { return false; }
    return Object.values(map._layers).some(l => l.feature && l.feature.properties.fips && l.options.fillColor !== '#ffffff');
}"""
SHOTS = [
    # (file, path, viewport, wait for the map)
    ("map.png", "/", (1400, 900), True),
    ("county.png", "/county?fips=04013", (1400, 900), False),
    ("sources.png", "/sources", (1400, 1100), False),
]


def settle(page: Page, wait_for_map: bool) -> None:
    if wait_for_map:
        page.wait_for_function(MAP_DRAWN, timeout=60_000)
    page.wait_for_selector("h1, h2", timeout=30_000)
    page.wait_for_timeout(1500)  # let Streamlit finish fading in its elements


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    with running_app() as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for file, path, (width, height), wait_for_map in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base_url + path)
            settle(page, wait_for_map)
            page.screenshot(path=DOCS / file)
            page.close()
            print(f"wrote {Path('docs') / file}")
        browser.close()


if __name__ == "__main__":
    main()
