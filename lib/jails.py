"""Who runs each county's jail, and which agreements on ICE's 287(g) list are that operator's.

A county's operator is its state's usual pattern (data/state_governance.csv) unless the county has a row of its own
(data/county_governance.csv). An agreement is the jail's where its agency is of the kind that runs that county's
jail (vocab.OPERATOR_AGENCY_TYPES: a sheriff where sheriffs run jails, a county jail or corrections agency where a
county department, authority or jailer does), where its name is the county's jail_operator_name (a metro police
department, a regional jail authority, placed so on every member county) or, in a unified state system, where it
is the state's corrections agency. Every other agency's agreement is the county's other agreement: shown, never
put on the jail.
"""

import re

import pandas as pd

from lib.vocab import OPERATOR_AGENCY_TYPES, STATE_AGENCY, STATE_UNIFIED_SYSTEM, UNKNOWN

# A state agency that runs prisons and, in a unified system, the jails ("Alaska Department of Corrections").
_STATE_CORRECTIONS = re.compile(r"\bcorrection", re.IGNORECASE)


def name_key(name: str) -> str:
    """An agency's name for comparison: letters and digits only, in lower case."""
    return re.sub(r"[^a-z0-9]", "", str(name).casefold())


def county_operators(
    counties: pd.DataFrame, state_governance: pd.DataFrame, county_governance: pd.DataFrame
) -> pd.DataFrame:
    """Per county (indexed by FIPS): its state, who runs its jail (operator) and the operator's name where a county
    row gives one (operator_name, else None)."""
    usual = state_governance.set_index("state_abbr")["jail_operator"]
    operators = pd.DataFrame(
        {"state_abbr": counties["state_abbr"].to_numpy(), "operator": counties["state_abbr"].map(usual).to_numpy()},
        index=pd.Index(counties["fips"].to_numpy(), name="fips"),
    )
    operators["operator"] = operators["operator"].fillna(UNKNOWN)  # a state without a row (a test's small data)
    operators["operator_name"] = None
    for field, column in (("jail_operator", "operator"), ("jail_operator_name", "operator_name")):
        rows = county_governance[county_governance["field"] == field]
        operators.loc[rows["county_fips"].to_numpy(), column] = rows["value"].to_numpy()
    return operators


def operators_of(data) -> pd.DataFrame:
    """county_operators of the compiled data (lib.data.CompiledData)."""
    return county_operators(data.counties, data.state_governance, data.county_governance)


def _jail_counties(agreement, operators: pd.DataFrame, named: dict, unified: dict) -> list[str]:
    counties = set(named.get((agreement.state_abbr, name_key(agreement.agency)), ()))
    placed = agreement.county_fips
    if isinstance(placed, str) and placed in operators.index:
        if agreement.agency_type in OPERATOR_AGENCY_TYPES[operators.at[placed, "operator"]]:
            counties.add(placed)
    if agreement.agency_type == STATE_AGENCY and _STATE_CORRECTIONS.search(agreement.agency):
        counties.update(unified.get(agreement.state_abbr, ()))
    return sorted(counties)


def jail_operator_agreements(agreements: pd.DataFrame, operators: pd.DataFrame) -> pd.DataFrame:
    """The agreements that are a county jail's operator's: one row per agreement and county whose jail its agency
    runs (a regional authority's agreement once per member county), with county_fips that county's."""
    named_rows = operators.dropna(subset=["operator_name"])
    named: dict[tuple[str, str], list[str]] = {}
    for fips, row in named_rows.iterrows():
        named.setdefault((row["state_abbr"], name_key(row["operator_name"])), []).append(fips)
    unified_rows = operators[operators["operator"] == STATE_UNIFIED_SYSTEM]
    unified = unified_rows.groupby("state_abbr").apply(lambda rows: list(rows.index), include_groups=False).to_dict()
    placed = [
        (index, fips)
        for index, agreement in zip(agreements.index, agreements.itertuples())
        for fips in _jail_counties(agreement, operators, named, unified)
    ]
    if not placed:
        return agreements.iloc[0:0]
    indexes, counties = zip(*placed)
    return agreements.loc[list(indexes)].assign(county_fips=list(counties))
