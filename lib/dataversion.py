"""Which data a page, citation or brief shows: how new it is (data_as_of), when it was built (build_date) and
which build it is (build_id).

The build writes no clock time (rebuilding from the same raw files gives the same bytes, tests/build/
test_reproducible.py), so its date is the date of the newest input it read, the convention of reproducible builds
(SOURCE_DATE_EPOCH): the newest date of a source or of a row's own source."""

import hashlib
import re
from dataclasses import fields
from pathlib import Path

from lib import datasets
from lib.data import CompiledData

# The sources whose dates a citation (and the sidebar) gives: those the map and the county pages draw on for the
# whole country. State-law and local-policy rows carry their own sources' dates, shown with each row.
CITED_SOURCES = (
    "ice_287g_participating",
    "ice_detention_stats",
    "ddp_daily_population",
    "ilrc_uwd_toolkit_2015",
)
ROW_DATE_COLUMN = "source_date"  # the date of each row's own source, in every table that has one
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # "2026-04-02 (FY26 year to date)" counts as 2026-04-02
BUILD_ID_LENGTH = 12  # hexadecimal digits of the manifest's SHA-256: enough to tell builds apart


def _iso_date(value: object) -> str | None:
    match = ISO_DATE.match(str(value))
    return match.group() if match else None


def data_as_of(data: CompiledData) -> str:
    """The newest date of the sources the whole map draws on (CITED_SOURCES), as YYYY-MM-DD."""
    dates = [_iso_date(source["as_of"]) for source in data.sources if source["id"] in CITED_SOURCES]
    return max(date for date in dates if date)


def build_date(data: CompiledData) -> str:
    """The date of the newest input of the build: a source's date, or the date of a row's own source."""
    dates = {_iso_date(source["as_of"]) for source in data.sources}
    for field in fields(data):
        table = getattr(data, field.name)
        if hasattr(table, "columns") and ROW_DATE_COLUMN in table.columns:
            dates |= {_iso_date(value) for value in table[ROW_DATE_COLUMN].dropna().unique()}
    return max(date for date in dates if date)


def build_id(data_dir: Path) -> str:
    """The build's short name: the start of the SHA-256 of its manifest, which names every file's digest."""
    manifest = (data_dir / datasets.MANIFEST_FILE).read_bytes()
    return hashlib.sha256(manifest).hexdigest()[:BUILD_ID_LENGTH]
