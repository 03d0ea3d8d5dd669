"""Hostile text in the data (an agency name carrying HTML and script) shows literally and runs nothing:
in the map's tooltip (Leaflet treats tooltip strings as HTML) and on the county page."""

import shutil

import pandas as pd
import pytest

from lib.paths import DATA_DIR
from scripts.appserver import running_app, select_tab
from tests.browser.test_map_browser import MAP_TIMEOUT_MS, open_map, wait_until_the_app_is_idle
from tests.datacopy import sign

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"
TARGET_FIPS = "01001"  # Autauga County, AL: its sheriff is on ICE's list
SHOW_TOOLTIP = """([fips]) => {
    const map = window.map_div;
    const group = Object.values(map._layers).find((layer) => typeof layer.getLayers === "function"
        && layer.getLayers().some((item) => item.feature && item.feature.properties.fips === fips));
    const county = group.getLayers().find((item) => item.feature.properties.fips === fips);
    county.openTooltip(county.getBounds().getCenter());
    return county.getTooltip().getElement().textContent;
}"""


@pytest.fixture(scope="module")
def hostile_app_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile-data")
    shutil.copytree(DATA_DIR, data, dirs_exist_ok=True)
    agreements = pd.read_csv(data / "agreements_287g.csv", dtype=str, keep_default_na=False)
    agreements.loc[agreements["county_fips"] == TARGET_FIPS, "agency"] = HOSTILE
    agreements.to_csv(data / "agreements_287g.csv", index=False, lineterminator="\n")
    sign(data)
    with running_app(env={"ICE_MAP_DATA_DIR": str(data)}) as url:
        yield url


def test_hostile_agency_name_shows_literally_and_runs_nothing(browser_context, hostile_app_url):
    dialogs = []
    page = browser_context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        frame = open_map(page, f"{hostile_app_url}/")
        assert HOSTILE in frame.evaluate(SHOW_TOOLTIP, [TARGET_FIPS])

        page.goto(f"{hostile_app_url}/county?fips={TARGET_FIPS}")
        page.get_by_text("Autauga County, Alabama").first.wait_for(timeout=MAP_TIMEOUT_MS)
        wait_until_the_app_is_idle(page)
        select_tab(page, "What to ask for (recommendations)", MAP_TIMEOUT_MS)
        page.get_by_text(f"End the 287(g) agreement of {HOSTILE}").locator("visible=true").first.wait_for(
            timeout=MAP_TIMEOUT_MS
        )
        page.wait_for_timeout(500)
        assert dialogs == []
        assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
    finally:
        page.close()
