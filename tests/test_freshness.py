from datetime import date

from lib.freshness import stale_sources

SOURCES = [
    {"id": "weekly", "title": "Weekly list", "as_of": "2026-05-18", "cadence_days": 7},
    {"id": "undated", "title": "Undated", "as_of": "unknown (undated file)", "cadence_days": 7},
    {"id": "static", "title": "Boundaries", "as_of": "2017"},
]


def test_a_source_older_than_its_cadence_is_flagged_with_its_date():
    (stale,) = stale_sources(SOURCES, today=date(2026, 11, 23))
    assert stale.source_id == "weekly" and stale.age_days == 189
    assert "2026-05-18" in stale.message


def test_a_fresh_source_is_not_flagged():
    assert stale_sources(SOURCES, today=date(2026, 5, 20)) == []


def test_the_message_is_in_the_language_of_the_run_and_the_title_stays_as_published(marked):
    (stale,) = stale_sources(SOURCES, today=date(2026, 11, 23))
    with marked:
        assert stale.message.startswith("«Weekly list: last updated 2026-05-18 (189 days before today)")
    assert stale.message.startswith("Weekly list: last updated")
