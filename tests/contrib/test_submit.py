"""Submitting a contribution on SQLite: a receipt to look it up; the limits per session, per hour and per day;
duplicates by document hash; nothing half-stored when something fails; hostile text stored as typed (pages escape
it); the migrations up and down."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, SessionTransaction

from lib.contrib import submit as submitting
from lib.contrib.db import downgrade, make_engine, migrate
from lib.contrib.documents import DocumentRejected, document_path
from lib.contrib.models import Submission
from lib.contrib.submit import (
    DUPLICATE,
    PENDING,
    SESSION_LIMIT,
    Contribution,
    NotAccepted,
    pending_count,
    status_of,
    submit,
)
from lib.registry import HOLDS, REFUSES
from tests.contrib.test_documents import PDF
from tests.hostile import PAYLOADS

KNOWN = {"06085", "48201"}
NOW = datetime(2026, 12, 4, 12, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'contributions.sqlite'}"
    migrate(url)
    return make_engine(url)


def contribution(**changes) -> Contribution:
    values = {"county_fips": "06085", "indicators": (HOLDS,), "value": REFUSES, "quote": "We decline detainers."}
    return Contribution(**{**values, "link": "https://example.org/policy.pdf", **changes})


def test_a_contribution_gets_a_receipt_and_waits_for_review(engine, tmp_path):
    receipt = submit(engine, tmp_path, contribution(), "session-a", KNOWN, NOW)
    assert len(receipt) == 14 and status_of(engine, receipt.lower()) == PENDING
    assert pending_count(engine, "06085") == 1 and pending_count(engine, "48201") == 0
    assert status_of(engine, "NOPE-NOPE-NOPE") is None


@pytest.mark.parametrize(
    "changes",
    [
        {"indicators": ()},
        {"indicators": ("not_an_indicator",)},
        {"value": "unknown"},
        {"county_fips": "99999"},
        {"quote": "  "},
        {"link": None},
        {"link": "javascript:alert(1)"},
        {"note": "x" * 5000},
    ],
)
def test_an_incomplete_or_bad_contribution_stores_nothing(engine, tmp_path, changes):
    with pytest.raises(NotAccepted):
        submit(engine, tmp_path, contribution(**changes), "session-a", KNOWN, NOW)
    with Session(engine) as session:
        assert session.scalar(select(Submission)) is None


def test_a_session_sends_at_most_five(engine, tmp_path):
    for _ in range(SESSION_LIMIT):
        submit(engine, tmp_path, contribution(), "session-a", KNOWN, NOW)
    with pytest.raises(NotAccepted) as refused:
        submit(engine, tmp_path, contribution(), "session-a", KNOWN, NOW)
    assert refused.value.reason == submitting.SESSION_LIMIT_REACHED
    submit(engine, tmp_path, contribution(), "session-b", KNOWN, NOW)


def test_the_app_takes_at_most_sixty_an_hour(engine, tmp_path, monkeypatch):
    monkeypatch.setattr(submitting, "HOURLY_LIMIT", 3)
    for session in range(3):
        submit(engine, tmp_path, contribution(), f"s{session}", KNOWN, NOW)
    with pytest.raises(NotAccepted):
        submit(engine, tmp_path, contribution(), "s9", KNOWN, NOW)
    submit(engine, tmp_path, contribution(), "s9", KNOWN, NOW + timedelta(hours=2))


def test_the_days_uploads_are_capped(engine, tmp_path, monkeypatch):
    monkeypatch.setattr(submitting, "DAILY_UPLOAD_BYTES", len(PDF) + 10)
    submit(engine, tmp_path, contribution(document=PDF, link=None), "s1", KNOWN, NOW)
    other = PDF.replace(b"1.7", b"1.6")
    with pytest.raises(NotAccepted):
        submit(engine, tmp_path, contribution(document=other, link=None), "s2", KNOWN, NOW)
    assert len(list(tmp_path.rglob("*.pdf"))) == 1


def test_the_same_document_twice_is_a_duplicate_stored_once(engine, tmp_path):
    first = submit(engine, tmp_path, contribution(document=PDF, link=None), "s1", KNOWN, NOW)
    second = submit(engine, tmp_path, contribution(document=PDF, link=None), "s2", KNOWN, NOW)
    assert status_of(engine, second) == DUPLICATE
    with Session(engine) as session:
        assert session.scalar(select(Submission.duplicate_of).where(Submission.receipt == second)) == first
    assert len(list(tmp_path.rglob("*.pdf"))) == 1


def test_a_file_that_is_not_a_pdf_stores_nothing(engine, tmp_path):
    with pytest.raises(DocumentRejected):
        submit(engine, tmp_path, contribution(document=b"MZ\x90\x00", link=None), "s1", KNOWN, NOW)
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_failed_commit_leaves_no_file_and_no_row(engine, tmp_path, monkeypatch):
    real_commit = SessionTransaction.commit

    def failing_commit(self, *args, **kwargs):
        if self._parent is None:  # the transaction's own commit; a flush commits a subtransaction first
            raise RuntimeError("the database went away")
        return real_commit(self, *args, **kwargs)

    written = []
    real_store = submitting.store

    def store_then_remember(uploads, sha, content):
        written.append(document_path(uploads, sha))
        return real_store(uploads, sha, content)

    monkeypatch.setattr(submitting, "store", store_then_remember)
    monkeypatch.setattr(SessionTransaction, "commit", failing_commit)
    with pytest.raises(RuntimeError):
        submit(engine, tmp_path, contribution(document=PDF, link=None), "s1", KNOWN, NOW)
    monkeypatch.undo()
    assert written and not written[0].exists()
    with Session(engine) as session:
        assert session.scalar(select(Submission)) is None


def test_hostile_text_is_stored_as_typed(engine, tmp_path):
    for number, text in enumerate(list(PAYLOADS.values())[:4]):
        receipt = submit(engine, tmp_path, contribution(quote=text, note=text), f"s{number}", KNOWN, NOW)
        with Session(engine) as session:
            row = session.scalar(select(Submission).where(Submission.receipt == receipt))
        assert row.quote == text.strip() and row.note == (text.strip() or None)


def test_the_migrations_go_down_and_up(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.sqlite'}"
    migrate(url)
    engine = make_engine(url)
    assert {"documents", "submissions"} <= set(inspect(engine).get_table_names())
    downgrade(url, "base")
    assert {"documents", "submissions"}.isdisjoint(inspect(engine).get_table_names())
    migrate(url)
    assert "submissions" in inspect(engine).get_table_names()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
