"""State laws and local policies on jails' collaboration with ICE: hand-curated evidence.

curation/state_laws.csv says, per state, indicator and law, what the law (a statute, an attorney general's
directive, an executive order or a court ruling) does to the practice, with the operative words quoted from the
page they were read on, that page's address and the date it was read. The raw stance draft and the leads folder
(../shared/data/raw/policy/) named where to look; they are never the source of a row. A row is
checked_against_text only if its quote is the law's own words or an official analysis of it; a row resting on a
secondary summary is a draft. A state and indicator without a row is not checked; "silent" is written only
after the state's code and session laws were searched, and says what was searched.

curation/local_policies.csv holds county or city policies named in the seed texts (first of all the 2015
ILRC / United We Dream toolkit), one row per indicator, each with the as-of label the app must show. Nobody has
reviewed it yet, so "draft" is its only review status.
"""

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import datasets, registry, states, vocab
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, spreadsheet_row, validate
from lib.paths import PROJECT_ROOT

STATE_LAWS_FILE = PROJECT_ROOT / "curation" / "state_laws.csv"
LOCAL_POLICIES_FILE = PROJECT_ROOT / "curation" / "local_policies.csv"


def _real_date(shape: str, description: str) -> pa.Check:
    """Dates are written only as precisely as the source gives them; whatever is written must exist."""

    def is_real(text: str) -> bool:
        if not re.fullmatch(shape, text):
            return False
        year, month, day = (text.split("-") + ["01", "01"])[:3]
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return False
        return True

    return pa.Check(is_real, element_wise=True, error=f"a real date written {description}")


YEAR_MONTH_OR_DAY = _real_date(datasets.PARTIAL_DATE, "YYYY, YYYY-MM or YYYY-MM-DD")
DRAFT_ONLY = pa.Check.isin(datasets.REVIEW_STATUSES)


def provenance_columns(bases) -> dict[str, pa.Column]:
    """The columns every hand-curated evidence row carries: where its claim comes from, when, on what basis,
    whether anyone reviewed it, and a note in our own words."""
    return {
        "source": pa.Column(str),
        "source_date": pa.Column(str, YEAR_MONTH_OR_DAY),
        "basis": pa.Column(str, pa.Check.isin(list(bases))),
        "review_status": pa.Column(str, DRAFT_ONLY),
        "note": pa.Column(str),
    }


state_laws_schema = pa.DataFrameSchema(
    {
        "state_abbr": pa.Column(str, pa.Check.isin(sorted(states.FIPS_BY_ABBR))),
        "indicator": pa.Column(str, pa.Check.isin(registry.STATE_LAW_IDS)),
        "effect": pa.Column(str, pa.Check.isin(vocab.STATE_LAW_EFFECTS)),
        "law_name": pa.Column(str),
        "citation": pa.Column(str, nullable=True),
        "basis": pa.Column(str, pa.Check.isin(vocab.STATE_LAW_BASES)),
        "effective_date": pa.Column(str, YEAR_MONTH_OR_DAY, nullable=True),
        "status": pa.Column(str, pa.Check.isin(vocab.LAW_STATUSES)),
        "binds_county_jails": pa.Column(str, pa.Check.isin(["yes", "no"])),
        "quote": pa.Column(str, pa.Check.str_length(1, datasets.QUOTE_MAX_CHARACTERS)),
        "url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
        "source": pa.Column(str),
        "source_date": pa.Column(str, _real_date(datasets.DATE, "YYYY-MM-DD")),
        "review_status": pa.Column(str, pa.Check.isin(datasets.STATE_LAW_REVIEW_STATUSES)),
        "searched": pa.Column(str, nullable=True),
        "note": pa.Column(str, nullable=True),
    },
    strict=True,
)

local_policies_schema = pa.DataFrameSchema(
    {
        "county_fips": pa.Column(str, pa.Check.str_matches(datasets.FIPS)),
        "jurisdiction": pa.Column(str),
        "policy_name": pa.Column(str, nullable=True),
        "indicator": pa.Column(str, pa.Check.isin(datasets.LOCAL_POLICY_INDICATORS)),
        # Which effect fits which indicator is checked row by row after the schema (see _check_local_effects).
        "effect": pa.Column(str, pa.Check.isin(datasets.LOCAL_POLICY_EFFECT_VALUES)),
        "adopted_date": pa.Column(str, YEAR_MONTH_OR_DAY, nullable=True),
        "citation": pa.Column(str, nullable=True),
        # Its own order (as_of_label sits between the dates and the basis), so not provenance_columns().
        "source": pa.Column(str),
        "source_date": pa.Column(str, YEAR_MONTH_OR_DAY),
        "as_of_label": pa.Column(str, pa.Check.str_matches(datasets.AS_OF_LABEL)),
        "basis": pa.Column(str, pa.Check.isin(list(datasets.LOCAL_BASES))),
        "review_status": pa.Column(str, DRAFT_ONLY),
        "note": pa.Column(str),
    },
    strict=True,
)


def _reject_duplicates(frame: pd.DataFrame, key: list[str], path: Path, what: str) -> None:
    repeated = frame[frame.duplicated(subset=key, keep="first")]
    if not repeated.empty:
        index = repeated.index[0]
        values = ", ".join(str(frame.at[index, column]) for column in key)
        raise RawDataError(
            path,
            f"a second row for the same {what} ({values}); keep one row per {what}",
            row=spreadsheet_row(index),
            column=key[-1],
        )


def _check_silence_is_searched(laws: pd.DataFrame, path: Path) -> None:
    """ "Silent" is a finding: the row must say what was searched."""
    unsearched = laws[(laws["effect"] == vocab.SILENT) & laws["searched"].isna()]
    if not unsearched.empty:
        raise RawDataError(
            path,
            "a silent row must say in searched what was searched (the state's code and session "
            "laws); otherwise leave the state and indicator out: not checked",
            row=spreadsheet_row(unsearched.index[0]),
            column="searched",
        )


def _check_local_effects(policies: pd.DataFrame, path: Path) -> None:
    for index, row in policies.iterrows():
        allowed = datasets.LOCAL_POLICY_EFFECTS[row["indicator"]]
        if row["effect"] not in allowed:
            raise RawDataError(
                path,
                f"effect {row['effect']!r} does not apply to {row['indicator']} (use one of {', '.join(allowed)})",
                row=spreadsheet_row(index),
                column="effect",
            )


def check_counties_exist(rows: pd.DataFrame, counties: pd.DataFrame, path: Path) -> None:
    """Every curated row names a county we have, else the build stops at the first that does not."""
    unknown = rows[~rows["county_fips"].isin(counties["fips"])]
    if not unknown.empty:
        index = unknown.index[0]
        raise RawDataError(
            path,
            f"no county has the FIPS code {unknown.at[index, 'county_fips']!r}",
            row=spreadsheet_row(index),
            column="county_fips",
        )


def _sorted(frame: pd.DataFrame, schema: pa.DataFrameSchema, key: list[str]) -> pd.DataFrame:
    """Rows in a fixed order (indicators in their documented order, not alphabetical), columns as declared."""
    indicator_rank = {name: rank for rank, name in enumerate(datasets.POLICY_INDICATORS)}

    def sort_key(column: pd.Series) -> pd.Series:
        return column.map(indicator_rank) if column.name == "indicator" else column

    ordered = frame.sort_values(key, key=sort_key, kind="stable")
    return ordered[list(schema.columns)].reset_index(drop=True)


def build_state_laws(path: Path = STATE_LAWS_FILE) -> pd.DataFrame:
    laws = validate(read_csv(path), state_laws_schema, path)
    _reject_duplicates(laws, ["state_abbr", "indicator", "law_name"], path, "state, indicator and law")
    _check_silence_is_searched(laws, path)
    laws = laws.assign(binds_county_jails=laws["binds_county_jails"] == "yes").drop(columns="searched")
    return _sorted(laws, datasets.STATE_LAWS.schema, ["state_abbr", "indicator", "law_name"])


def build_local_policies(counties: pd.DataFrame, path: Path = LOCAL_POLICIES_FILE) -> pd.DataFrame:
    policies = validate(read_csv(path), local_policies_schema, path)
    _check_local_effects(policies, path)
    check_counties_exist(policies, counties, path)
    _reject_duplicates(
        policies,
        ["county_fips", "jurisdiction", "policy_name", "adopted_date", "indicator"],
        path,
        "policy and indicator",
    )
    return _sorted(policies, local_policies_schema, ["county_fips", "jurisdiction", "adopted_date", "indicator"])
