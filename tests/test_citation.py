from types import SimpleNamespace

from lib.citation import CITED_SOURCES, citation

SOURCES = [
    {"id": "ice_287g_participating", "title": "ICE 287(g) participating agencies", "as_of": "2026-05-18"},
    {"id": "census_population", "title": "Census population estimates", "as_of": "2024-07-01"},
    {"id": "ice_detention_stats", "title": "ICE detention statistics", "as_of": "FY2026"},
]
DATA = SimpleNamespace(sources=SOURCES)
LINK = "http://localhost:8501/county?fips=06085"


def test_a_county_citation_names_the_county_the_link_and_the_dates_of_the_cited_sources():
    assert "census_population" not in CITED_SOURCES
    assert citation(DATA, "Santa Clara County, CA", LINK) == (
        f"Santa Clara County, CA: County explorer of local collaboration with ICE. {LINK}\n"
        "Data as of: ICE 287(g) participating agencies (2026-05-18); ICE detention statistics (FY2026). "
        "State-law, local-policy and governance rows are unreviewed drafts."
    )


def test_a_map_citation_names_no_county():
    assert citation(DATA, None, "http://localhost:8501/").startswith(
        "County explorer of local collaboration with ICE. http://localhost:8501/\nData as of: "
    )


def test_the_citation_is_in_the_reader_language_and_the_source_titles_stay(marked):
    with marked:
        title, data_line = citation(DATA, "Santa Clara County, CA", LINK).split("\n")
    assert title == f"«Santa Clara County, CA: County explorer of local collaboration with ICE. {LINK}»"
    assert data_line.startswith("«Data as of: ICE 287(g) participating agencies (2026-05-18); ")
