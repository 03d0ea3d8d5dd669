import json
import re
from dataclasses import replace

import pytest

from lib.citation import FORMS, CitedView, apa, bibtex, citations, cited_view, csl_json, plain
from tests.smalldata import compiled

SOURCES = [
    {"id": "ice_287g_participating", "title": "ICE 287(g) participating agencies", "as_of": "2026-05-18"},
    {"id": "ice_detention_stats", "title": "ICE detention statistics", "as_of": "2026-04-02 (FY26 year to date)"},
    {"id": "census_population", "title": "Census population estimates", "as_of": "2024-07-01"},
]
DATA = replace(compiled(state_laws=[{"source_date": "2026-06-30"}]), sources=SOURCES)
LINK = "https://example.org/ice-map/county?fips=06085"
VIEW = CitedView(
    title="Santa Clara County, California: local collaboration with ICE",
    project="County explorer of local collaboration with ICE",
    url=LINK,
    data_as_of="2026-05-18",
    built="2026-06-30",
    build_id="312284253efb",
    accessed="2026-12-02",
)


def test_the_view_cited_has_the_data_date_the_build_and_the_day_of_access():
    view = cited_view(DATA, "Santa Clara County, California", LINK, "312284253efb", "2026-12-02")
    assert view == VIEW  # data as of the newest cited source, built on the newest row date


def test_the_map_is_cited_by_the_project_name():
    assert cited_view(DATA, None, LINK, "312284253efb", "2026-12-02").title == VIEW.project


@pytest.mark.parametrize("form", [form for form in FORMS if form != "csl_json"])  # CSL-JSON: dates in parts
def test_every_text_form_gives_the_title_link_dates_build_and_publisher(form):
    text = citations(VIEW)[form]
    for fact in (VIEW.title, LINK, "2026-05-18", "2026-06-30", "312284253efb", "2026-12-02", VIEW.project):
        assert fact in text, (form, fact)


def test_plain_and_apa_forms():
    assert plain(VIEW) == (
        "Santa Clara County, California: local collaboration with ICE. County explorer of local collaboration with "
        f"ICE; data as of 2026-05-18, build 312284253efb of 2026-06-30. {LINK} (accessed 2026-12-02)."
    )
    assert apa(VIEW).startswith("County explorer of local collaboration with ICE. (2026-06-30). Santa Clara County")
    assert apa(VIEW).endswith(f"[Data set]. Retrieved 2026-12-02, from {LINK}")


def test_csl_json_is_one_dataset_item():
    (item,) = json.loads(csl_json(VIEW))
    assert item["type"] == "dataset" and item["URL"] == LINK and item["version"] == "312284253efb"
    assert item["issued"] == {"date-parts": [[2026, 6, 30]]} and item["accessed"] == {"date-parts": [[2026, 12, 2]]}
    assert item["publisher"] == VIEW.project and item["title"] == VIEW.title
    assert "2026-05-18" in item["note"]  # the data's own date


def test_bibtex_escapes_what_data_may_hold_and_keeps_braces_balanced():
    hostile = CitedView(**{**VIEW.__dict__, "title": "Doña {Ana} & 100% #1_x \\end ^~"})
    entry = bibtex(hostile)
    assert entry.startswith("@misc{dona-ana-100-1-x-end-2026-06-30,\n")
    assert r"title = {Doña \{Ana\} \& 100\% \#1\_x \textbackslash{}end \^{}\~{}}" in entry
    unescaped = re.sub(r"\\[{}]", "", entry)
    depth = 0
    for character in unescaped:
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0
    assert depth == 0
    assert "author = {{County explorer of local collaboration with ICE}}" in entry


def test_the_citation_is_in_the_reader_language_and_data_stays(marked):
    with marked:
        view = cited_view(DATA, "Santa Clara County, California", LINK, "312284253efb", "2026-12-02")
        text = plain(view)
    assert view.title == "«{county}: local collaboration with ICE»".replace(
        "{county}", "Santa Clara County, California"
    )
    assert text.startswith("«") and LINK in text
