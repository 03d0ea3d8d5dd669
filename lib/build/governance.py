"""Who has the power over a county's jail and its policy: hand-curated evidence, every row a draft.

The 2015 ILRC / United We Dream toolkit ("Mapping Local Authorities") gives the general model: the jail is
usually the sheriff's, the county board holds the budget and can pass county law, a county executive exists
only in some places, and every state does it differently. curation/state_governance.csv records the usual
pattern of each state (one row per state, from general knowledge; citations only where a real one is known),
and curation/county_governance.csv the counties known to differ, one row per county and field.

Nobody has reviewed either file yet, so "draft" is the only review status accepted.
"""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import datasets, states, vocab
from lib.build.errors import RawDataError
from lib.build.policy import check_counties_exist, provenance_columns
from lib.build.readers import read_csv, spreadsheet_row, validate
from lib.paths import PROJECT_ROOT

STATE_GOVERNANCE_FILE = PROJECT_ROOT / "curation" / "state_governance.csv"
COUNTY_GOVERNANCE_FILE = PROJECT_ROOT / "curation" / "county_governance.csv"

NO_JAIL_ROLE = ("no_sheriff", "no_sheriff_jail_role")
CITED_BASES = (vocab.STATUTE, vocab.CONSTITUTION)

state_governance_schema = pa.DataFrameSchema(
    {
        "state_abbr": pa.Column(str, pa.Check.isin(sorted(states.FIPS_BY_ABBR)), unique=True,
                                report_duplicates="exclude_first"),
        "jail_operator": pa.Column(str, pa.Check.isin(datasets.JAIL_OPERATORS)),
        "sheriff_elected": pa.Column(str, pa.Check.isin(datasets.SHERIFF_ELECTED)),
        "county_legislative_body": pa.Column(str),
        "county_executive": pa.Column(str, pa.Check.isin(datasets.COUNTY_EXECUTIVE_PREVALENCE)),
        "state_can_preempt": pa.Column(str),
        "citation": pa.Column(str, nullable=True),
        **provenance_columns(datasets.GOVERNANCE_BASES),
    },
    strict=True,
)

county_governance_schema = pa.DataFrameSchema(
    {
        "county_fips": pa.Column(str, pa.Check.str_matches(datasets.FIPS)),
        "field": pa.Column(str, pa.Check.isin(list(datasets.COUNTY_GOVERNANCE_FIELDS))),
        # Which value fits which field is checked row by row after the schema (see _check_override_values).
        "value": pa.Column(str),
        **provenance_columns(datasets.GOVERNANCE_BASES),
    },
    strict=True,
)


def _check_every_state_present(governance: pd.DataFrame, counties: pd.DataFrame, path: Path) -> None:
    missing = sorted(set(counties["state_abbr"]) - set(governance["state_abbr"]))
    if missing:
        raise RawDataError(path, f"no row for {', '.join(missing)}; every state in counties.csv needs one "
                                 "(write 'unknown' values where the pattern is not known)", column="state_abbr")


def _check_citation_matches_basis(governance: pd.DataFrame, path: Path) -> None:
    """A statute or constitution basis needs its citation, and a citation needs that basis, so neither is implied."""
    for index, row in governance.iterrows():
        cited = pd.notna(row["citation"])
        if cited != (row["basis"] in CITED_BASES):
            expected = f"one of {', '.join(CITED_BASES)}" if cited else vocab.REPORT
            raise RawDataError(path, f"basis {row['basis']!r} does not fit a row "
                                     f"{'with' if cited else 'without'} a citation (use {expected})",
                               row=spreadsheet_row(index), column="basis")


def _check_sheriffs_without_jails(governance: pd.DataFrame, path: Path) -> None:
    wrong = governance[governance["sheriff_elected"].isin(NO_JAIL_ROLE) & (governance["jail_operator"] == vocab.SHERIFF)]
    if not wrong.empty:
        index = wrong.index[0]
        raise RawDataError(path, f"sheriff_elected {wrong.at[index, 'sheriff_elected']!r} says sheriffs run no jail, "
                                 "but jail_operator is 'sheriff'", row=spreadsheet_row(index), column="sheriff_elected")


def _check_override_values(overrides: pd.DataFrame, path: Path) -> None:
    for index, row in overrides.iterrows():
        allowed = datasets.COUNTY_GOVERNANCE_FIELDS[row["field"]]
        if allowed is not None and row["value"] not in allowed:
            raise RawDataError(path, f"value {row['value']!r} does not apply to {row['field']} "
                                     f"(use one of {', '.join(allowed)})", row=spreadsheet_row(index), column="value")


def _reject_second_override(overrides: pd.DataFrame, path: Path) -> None:
    repeated = overrides[overrides.duplicated(subset=["county_fips", "field"], keep="first")]
    if not repeated.empty:
        index = repeated.index[0]
        raise RawDataError(path, f"a second row for county {repeated.at[index, 'county_fips']} and field "
                                 f"{repeated.at[index, 'field']}; keep one row per county and field",
                           row=spreadsheet_row(index), column="field")


def build_state_governance(counties: pd.DataFrame, path: Path = STATE_GOVERNANCE_FILE) -> pd.DataFrame:
    governance = validate(read_csv(path), state_governance_schema, path)
    _check_every_state_present(governance, counties, path)
    _check_citation_matches_basis(governance, path)
    _check_sheriffs_without_jails(governance, path)
    ordered = governance.sort_values("state_abbr", kind="stable")
    return ordered[list(state_governance_schema.columns)].reset_index(drop=True)


def build_county_governance(counties: pd.DataFrame, path: Path = COUNTY_GOVERNANCE_FILE) -> pd.DataFrame:
    overrides = validate(read_csv(path), county_governance_schema, path)
    _check_override_values(overrides, path)
    check_counties_exist(overrides, counties, path)
    _reject_second_override(overrides, path)
    # Fields in their declared order (the operator before its name), not alphabetical.
    field_rank = {name: rank for rank, name in enumerate(datasets.COUNTY_GOVERNANCE_FIELDS)}
    ordered = overrides.sort_values(["county_fips", "field"], kind="stable",
                                    key=lambda column: column.map(field_rank) if column.name == "field" else column)
    return ordered[list(county_governance_schema.columns)].reset_index(drop=True)
