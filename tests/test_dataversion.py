from dataclasses import replace

from lib import dataversion
from lib.dataversion import CITED_SOURCES, build_date, build_id, data_as_of
from tests.smalldata import compiled

SOURCES = [
    {"id": "ice_287g_participating", "as_of": "2026-05-18"},
    {"id": "ice_detention_stats", "as_of": "2026-04-02 (FY26 year to date)"},
    {"id": "project_state_laws", "as_of": "2026-11-24"},  # not cited: its rows carry their own dates
    {"id": "us_atlas_counties", "as_of": "2017"},
]


def data(**tables):
    return replace(compiled(**tables), sources=SOURCES)


def test_the_data_is_as_of_the_newest_cited_source():
    assert "project_state_laws" not in CITED_SOURCES
    assert data_as_of(data()) == "2026-05-18"


def test_the_build_date_is_its_newest_input_a_source_or_a_row():
    assert build_date(data()) == "2026-11-24"
    assert build_date(data(state_laws=[{"source_date": "2026-12-02"}, {"source_date": None}])) == "2026-12-02"


def test_the_build_id_names_the_manifest(tmp_path):
    (tmp_path / "MANIFEST.json").write_text('{"sha256": {}}\n')
    first = build_id(tmp_path)
    assert len(first) == dataversion.BUILD_ID_LENGTH and int(first, 16) >= 0
    (tmp_path / "MANIFEST.json").write_text('{"sha256": {"a": "b"}}\n')
    assert build_id(tmp_path) != first
