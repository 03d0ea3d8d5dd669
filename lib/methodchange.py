"""The counties whose level a change of the classification method moved, with the reason (curation/
method_changes.csv, written once per change by scripts/method_change.py from the same sources before and after):
the Sources & method page says how many and offers the list."""

import pandas as pd

from lib.exports import csv_text
from lib.i18n import _
from lib.paths import PROJECT_ROOT
from lib.registry import LEVEL_CLASSES
from lib.vocab import METHOD_CHANGE_REASON_WORDS

METHOD_CHANGES_FILE = PROJECT_ROOT / "curation" / "method_changes.csv"
LEVEL_LABELS = {level.id: level.label for level in LEVEL_CLASSES}


def method_changes() -> pd.DataFrame:
    """Every county a change of method moved: changed_on, fips, county, state_abbr, level_before, level_after,
    reasons (codes of lib.vocab.METHOD_CHANGE_REASONS, separated by ';')."""
    return pd.read_csv(METHOD_CHANGES_FILE, dtype=str, keep_default_na=False)


def latest_change(changes: pd.DataFrame) -> tuple[str, int]:
    """(date of the newest change of method, how many counties it moved)."""
    newest = changes["changed_on"].max()
    return newest, int((changes["changed_on"] == newest).sum())


def method_changes_csv(changes: pd.DataFrame) -> bytes:
    """The list as a reader downloads it: levels and reasons in the current language."""
    shown = changes.assign(
        level_before=changes["level_before"].map(lambda level: _(LEVEL_LABELS[level])),
        level_after=changes["level_after"].map(lambda level: _(LEVEL_LABELS[level])),
        reasons=changes["reasons"].map(
            lambda codes: "; ".join(_(METHOD_CHANGE_REASON_WORDS[code]) for code in codes.split(";"))
        ),
    )
    return csv_text(shown).encode("utf-8-sig")
