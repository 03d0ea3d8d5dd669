"""State laws and local policies on jails' collaboration with ICE: hand-curated evidence, every row a draft.

curation/state_laws.csv says, per state and indicator, what a state law does to the practice. It starts from
the raw stance draft (recoveredfactory/287g-watch, researched by an AI agent, not reviewed by a person),
which gives one stance per state. A "pro" stance often only pre-empts local limits without ordering the jail
to do anything, so each indicator is encoded from what the law says, and left out where that is not known.
A state without rows is read as silent/unknown.

curation/local_policies.csv holds county or city policies named in the seed texts (first of all the 2015
ILRC / United We Dream toolkit), one row per indicator, each with the as-of label the app must show.

Nobody has reviewed either file yet, so "draft" is the only review status accepted. A state-law URL is
accepted only if it is the raw draft's own link for that state, so no link can be typed from memory.
"""

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import datasets, states
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, spreadsheet_row, validate
from lib.paths import PROJECT_ROOT

STATE_LAWS_FILE = PROJECT_ROOT / "curation" / "state_laws.csv"
LOCAL_POLICIES_FILE = PROJECT_ROOT / "curation" / "local_policies.csv"
STANCE_DRAFT_FILE = Path("policy/state_ice_cooperation_stance_recoveredfactory_2026-09.csv")

STANCES = ("pro", "anti", "none")


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


YEAR_OR_DAY = _real_date(datasets.YEAR_OR_DATE, "YYYY or YYYY-MM-DD")
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
        "indicator": pa.Column(str, pa.Check.isin(datasets.POLICY_INDICATORS)),
        "effect": pa.Column(str, pa.Check.isin(datasets.STATE_LAW_EFFECTS)),
        "law_name": pa.Column(str),
        "citation": pa.Column(str, nullable=True),
        "effective_date": pa.Column(str, YEAR_OR_DAY, nullable=True),
        "status": pa.Column(str, pa.Check.isin(datasets.LAW_STATUSES)),
        "url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$"), nullable=True),
        **provenance_columns(datasets.STATE_LAW_BASES),
    },
    strict=True,
)

local_policies_schema = pa.DataFrameSchema(
    {
        "county_fips": pa.Column(str, pa.Check.str_matches(datasets.FIPS)),
        "jurisdiction": pa.Column(str),
        "policy_name": pa.Column(str, nullable=True),
        "indicator": pa.Column(str, pa.Check.isin(datasets.POLICY_INDICATORS)),
        # Which effect fits which indicator is checked row by row after the schema (see _check_local_effects).
        "effect": pa.Column(str, pa.Check.isin(datasets.LOCAL_POLICY_EFFECT_VALUES)),
        "adopted_date": pa.Column(str, YEAR_MONTH_OR_DAY, nullable=True),
        "citation": pa.Column(str, nullable=True),
        # Its own order (as_of_label sits between the dates and the basis), so not provenance_columns().
        "source": pa.Column(str),
        "source_date": pa.Column(str, YEAR_MONTH_OR_DAY),
        "as_of_label": pa.Column(str, pa.Check.str_matches(datasets.AS_OF_LABEL)),
        "basis": pa.Column(str, pa.Check.isin([datasets.LOCAL_POLICY_BASIS])),
        "review_status": pa.Column(str, DRAFT_ONLY),
        "note": pa.Column(str),
    },
    strict=True,
)

stance_draft_schema = pa.DataFrameSchema(
    {
        "state": pa.Column(str, pa.Check.isin(sorted(states.FIPS_BY_ABBR)), unique=True),
        "stance": pa.Column(str, pa.Check.isin(STANCES)),
        "source_url": pa.Column(str, nullable=True),
    },
    strict=False,
)


def _reject_duplicates(frame: pd.DataFrame, key: list[str], path: Path, what: str) -> None:
    repeated = frame[frame.duplicated(subset=key, keep="first")]
    if not repeated.empty:
        index = repeated.index[0]
        values = ", ".join(str(frame.at[index, column]) for column in key)
        raise RawDataError(path, f"a second row for the same {what} ({values}); keep one row per {what}",
                           row=spreadsheet_row(index), column=key[-1])


def _check_urls_come_from_the_draft(laws: pd.DataFrame, draft: pd.DataFrame, path: Path) -> None:
    draft_url = dict(zip(draft["state"], draft["source_url"]))
    for index, row in laws[laws["url"].notna()].iterrows():
        if row["url"] != draft_url.get(row["state_abbr"]):
            raise RawDataError(path, f"url {row['url']!r} is not the raw draft's link for {row['state_abbr']}; "
                                     "copy links only from the draft, or leave url empty", row=spreadsheet_row(index),
                               column="url")


def _check_local_effects(policies: pd.DataFrame, path: Path) -> None:
    for index, row in policies.iterrows():
        allowed = datasets.LOCAL_POLICY_EFFECTS[row["indicator"]]
        if row["effect"] not in allowed:
            raise RawDataError(path, f"effect {row['effect']!r} does not apply to {row['indicator']} "
                                     f"(use one of {', '.join(allowed)})", row=spreadsheet_row(index), column="effect")


def check_counties_exist(rows: pd.DataFrame, counties: pd.DataFrame, path: Path) -> None:
    """Every curated row names a county we have, else the build stops at the first that does not."""
    unknown = rows[~rows["county_fips"].isin(counties["fips"])]
    if not unknown.empty:
        index = unknown.index[0]
        raise RawDataError(path, f"no county has the FIPS code {unknown.at[index, 'county_fips']!r}",
                           row=spreadsheet_row(index), column="county_fips")


def _sorted(frame: pd.DataFrame, schema: pa.DataFrameSchema, key: list[str]) -> pd.DataFrame:
    """Rows in a fixed order (indicators in their documented order, not alphabetical), columns as declared."""
    indicator_rank = {name: rank for rank, name in enumerate(datasets.POLICY_INDICATORS)}

    def sort_key(column: pd.Series) -> pd.Series:
        return column.map(indicator_rank) if column.name == "indicator" else column

    ordered = frame.sort_values(key, key=sort_key, kind="stable")
    return ordered[list(schema.columns)].reset_index(drop=True)


def build_state_laws(raw_dir: Path, path: Path = STATE_LAWS_FILE) -> pd.DataFrame:
    draft_path = raw_dir / STANCE_DRAFT_FILE
    draft = validate(read_csv(draft_path), stance_draft_schema, draft_path)
    laws = validate(read_csv(path), state_laws_schema, path)
    _reject_duplicates(laws, ["state_abbr", "indicator"], path, "state and indicator")
    _check_urls_come_from_the_draft(laws, draft, path)
    return _sorted(laws, state_laws_schema, ["state_abbr", "indicator"])


def build_local_policies(counties: pd.DataFrame, path: Path = LOCAL_POLICIES_FILE) -> pd.DataFrame:
    policies = validate(read_csv(path), local_policies_schema, path)
    _check_local_effects(policies, path)
    check_counties_exist(policies, counties, path)
    _reject_duplicates(policies, ["county_fips", "jurisdiction", "policy_name", "adopted_date", "indicator"], path,
                       "policy and indicator")
    return _sorted(policies, local_policies_schema, ["county_fips", "jurisdiction", "adopted_date", "indicator"])
