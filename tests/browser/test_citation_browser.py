"""The link and citation box of a county page in a real browser: the link leaves out the reader's language and
mode, each citation form is there to copy, and the page never downloads Streamlit's code highlighter (st.code's
1.5 MB script, which the box no longer uses)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_map_browser import MAP_TIMEOUT_MS, wait_until_the_app_is_idle

pytestmark = pytest.mark.browser

HIGHLIGHTER_SCRIPT = "StreamlitSyntaxHighlighter"  # the chunk st.code loads: static/js/StreamlitSyntaxHighlighter.*.js


def open_citation_box(page: Page, url: str) -> list[str]:
    """Opens the county page at `url` and its link and citation box; returns every script the page loaded."""
    scripts = []
    page.on("response", lambda response: scripts.append(response.url) if response.url.endswith(".js") else None)
    page.goto(url)
    page.get_by_text("Enlace y cita").wait_for(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(page)
    page.get_by_text("Enlace y cita").click()
    page.get_by_label("Enlace a esta vista").wait_for(timeout=MAP_TIMEOUT_MS)
    return scripts


def test_the_link_leaves_out_language_and_mode_and_no_highlighter_loads(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    scripts = open_citation_box(page, f"{app_url}/county?fips=06085&lang=es&mode=present")
    assert page.get_by_label("Enlace a esta vista").input_value() == f"{app_url}/county?fips=06085"
    page.get_by_role("radio", name="BibTeX").click()
    citation = page.get_by_label("Cita para copiar")
    expect(citation).to_have_value(re.compile(r"^@misc\{"), timeout=MAP_TIMEOUT_MS)
    text = citation.input_value()
    assert text.startswith("@misc{") and f"url = {{{app_url}/county?fips=06085}}" in text
    wait_until_the_app_is_idle(page)
    assert scripts, "no script was recorded"
    assert not [url for url in scripts if HIGHLIGHTER_SCRIPT in url]
