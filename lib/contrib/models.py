"""The contributions database's tables (SQLAlchemy 2). Alembic's migrations (lib/contrib/migrations) create them;
a change here needs a new migration."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    """An uploaded PDF, stored by its content hash outside git; published only after its contribution is accepted."""

    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Submission(Base):
    """One contribution: what a county's jail or police do on one or more indicators, and the document or link
    that shows it. `session_token` is a random value of the browser session that sent it (for the per-session
    limit), never an address; `duplicate_of` is the receipt of an earlier submission of the same document."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    receipt: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    session_token: Mapped[str] = mapped_column(String(64), index=True)
    county_fips: Mapped[str] = mapped_column(String(5), index=True)
    indicators: Mapped[str] = mapped_column(String(200))  # registry ids, ";"-joined
    value: Mapped[str] = mapped_column(String(20))  # a registry value
    link: Mapped[str | None] = mapped_column(Text, nullable=True)
    document_sha256: Mapped[str | None] = mapped_column(ForeignKey("documents.sha256"), nullable=True)
    policy_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    page: Mapped[str | None] = mapped_column(String(40), nullable=True)
    quote: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(16), nullable=True)
