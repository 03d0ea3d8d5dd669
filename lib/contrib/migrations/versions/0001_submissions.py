"""Documents and submissions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("receipt", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("session_token", sa.String(64), nullable=False),
        sa.Column("county_fips", sa.String(5), nullable=False),
        sa.Column("indicators", sa.String(200), nullable=False),
        sa.Column("value", sa.String(20), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("document_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=True),
        sa.Column("policy_date", sa.String(10), nullable=True),
        sa.Column("page", sa.String(40), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("duplicate_of", sa.String(16), nullable=True),
    )
    op.create_index("ix_submissions_receipt", "submissions", ["receipt"], unique=True)
    op.create_index("ix_submissions_received_at", "submissions", ["received_at"])
    op.create_index("ix_submissions_session_token", "submissions", ["session_token"])
    op.create_index("ix_submissions_county_fips", "submissions", ["county_fips"])
    op.create_index("ix_submissions_status", "submissions", ["status"])


def downgrade() -> None:
    op.drop_table("submissions")
    op.drop_table("documents")
