"""Sending a contribution: checked, limited, stored in one transaction with its document, and answered with a
receipt code to look its outcome up later. Limits are counted in the database, so they hold across processes: at
most SESSION_LIMIT submissions per browser session, HOURLY_LIMIT per hour and DAILY_UPLOAD_BYTES of documents per
day across the app. Texts are stored as typed; every page that shows them escapes them like all data text."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from lib import registry
from lib.contrib.documents import Refused, check_pdf, document_path, store
from lib.contrib.models import Document, Submission
from lib.i18n import N_

SESSION_LIMIT, HOURLY_LIMIT = 5, 60
DAILY_UPLOAD_BYTES = 500 * 1024 * 1024
RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or copied by hand
RECEIPT_LENGTH = 12
PENDING, ACCEPTED, REJECTED, DUPLICATE = "awaiting_review", "accepted", "rejected", "duplicate"
STATUS_WORDS = {
    PENDING: N_("waiting for review"),
    ACCEPTED: N_("accepted: it counts as evidence"),
    REJECTED: N_("not accepted"),
    DUPLICATE: N_("a duplicate of an earlier contribution"),
}
# What a contribution may say of a practice: the registry's values, unknown excepted (not knowing needs no
# document).
CONTRIBUTED_VALUES = tuple(value for value in registry.VALUES if value != registry.UNKNOWN)
CONTRIBUTED_INDICATORS = tuple(indicator.id for indicator in registry.INDICATORS)
MAX_TEXT = {"quote": 2000, "note": 2000, "link": 500, "page": 40}

SESSION_LIMIT_REACHED = N_("This browser session has sent 5 contributions already, the most one session may send.")
HOURLY_LIMIT_REACHED = N_("The app has received many contributions this hour. Please try again later.")
DAILY_UPLOADS_REACHED = N_("The app has received its day's share of documents. Please try again tomorrow.")
NEEDS_EVIDENCE = N_("Give a link to the document or upload it as a PDF.")
NEEDS_QUOTE = N_("Copy the words of the document that show the policy or practice.")
NEEDS_INDICATOR = N_("Choose what the document is about.")
NOT_A_LINK = N_("A link starts with http:// or https://.")
TOO_LONG = N_("A text is longer than this form takes.")


class NotAccepted(Refused):
    """The submission is incomplete or over a limit."""


@dataclass(frozen=True)
class Contribution:
    county_fips: str
    indicators: tuple[str, ...]
    value: str
    quote: str
    link: str | None = None
    document: bytes | None = None
    policy_date: str | None = None  # YYYY-MM-DD
    page: str | None = None
    note: str | None = None


def new_receipt() -> str:
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def _check(contribution: Contribution, known_fips) -> None:
    if not contribution.indicators or not set(contribution.indicators) <= set(CONTRIBUTED_INDICATORS):
        raise NotAccepted(NEEDS_INDICATOR)
    if contribution.value not in CONTRIBUTED_VALUES or contribution.county_fips not in known_fips:
        raise NotAccepted(NEEDS_INDICATOR)
    if not (contribution.quote or "").strip():
        raise NotAccepted(NEEDS_QUOTE)
    if not contribution.link and not contribution.document:
        raise NotAccepted(NEEDS_EVIDENCE)
    if contribution.link and not contribution.link.startswith(("http://", "https://")):
        raise NotAccepted(NOT_A_LINK)
    for name, limit in MAX_TEXT.items():
        if len(getattr(contribution, name) or "") > limit:
            raise NotAccepted(TOO_LONG)


def _check_limits(session: Session, session_token: str, now: datetime, upload_bytes: int) -> None:
    sent = session.scalar(select(func.count()).where(Submission.session_token == session_token))
    if sent >= SESSION_LIMIT:
        raise NotAccepted(SESSION_LIMIT_REACHED)
    this_hour = session.scalar(select(func.count()).where(Submission.received_at > now - timedelta(hours=1)))
    if this_hour >= HOURLY_LIMIT:
        raise NotAccepted(HOURLY_LIMIT_REACHED)
    today = session.scalar(
        select(func.coalesce(func.sum(Document.size), 0)).where(Document.received_at > now - timedelta(days=1))
    )
    if today + upload_bytes > DAILY_UPLOAD_BYTES:
        raise NotAccepted(DAILY_UPLOADS_REACHED)


def submit(
    engine: Engine,
    uploads: Path,
    contribution: Contribution,
    session_token: str,
    known_fips,
    now: datetime | None = None,
) -> str:
    """Stores the contribution and returns its receipt code; NotAccepted (or DocumentRejected) before anything is
    stored. The document is written before the row is committed and removed again if the commit fails, so no
    row points to a missing file and no new file is left without a row."""
    _check(contribution, known_fips)
    now = now or datetime.now(UTC)
    sha256 = check_pdf(contribution.document) if contribution.document else None
    upload = 0 if sha256 is None else len(contribution.document)
    written = False
    try:
        with Session(engine) as session, session.begin():
            known_document = sha256 is not None and session.get(Document, sha256) is not None
            _check_limits(session, session_token, now, 0 if known_document else upload)
            duplicate_of = None
            if known_document:
                duplicate_of = session.scalar(
                    select(Submission.receipt).where(Submission.document_sha256 == sha256).order_by(Submission.id)
                )
            elif sha256 is not None:
                session.add(Document(sha256=sha256, size=upload, received_at=now))
            receipt = new_receipt()
            session.add(
                Submission(
                    receipt=receipt,
                    received_at=now,
                    session_token=session_token,
                    county_fips=contribution.county_fips,
                    indicators=";".join(contribution.indicators),
                    value=contribution.value,
                    link=contribution.link or None,
                    document_sha256=sha256,
                    policy_date=contribution.policy_date,
                    page=contribution.page or None,
                    quote=contribution.quote.strip(),
                    note=(contribution.note or "").strip() or None,
                    status=DUPLICATE if duplicate_of else PENDING,
                    duplicate_of=duplicate_of,
                )
            )
            session.flush()  # the row is in, and only the commit at the end of this block is left
            if sha256 is not None and not known_document:
                written = store(uploads, sha256, contribution.document)
    except BaseException:
        if written:  # the commit failed after the file was written: no file without its row
            document_path(uploads, sha256).unlink(missing_ok=True)
        raise
    return receipt


def status_of(engine: Engine, receipt: str) -> str | None:
    """The status code of the contribution with this receipt (lib.contrib.submit.STATUS_WORDS), or None."""
    with Session(engine) as session:
        return session.scalar(select(Submission.status).where(Submission.receipt == receipt.strip().upper()))


def pending_count(engine: Engine, county_fips: str) -> int:
    with Session(engine) as session:
        return session.scalar(
            select(func.count()).where(Submission.county_fips == county_fips, Submission.status == PENDING)
        )
