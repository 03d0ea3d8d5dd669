"""Who runs each county's jail, and which 287(g) agreements are that operator's (lib/jails.py): the rules on small
hand-made tables; the committed data's known cases at the end."""

import pytest

from lib.jails import county_operators, jail_operator_agreements, operators_of
from tests.smalldata import table

COUNTIES = [
    ("48201", "TX"),  # sheriffs run the jails
    ("21085", "KY"),  # an elected jailer runs the jail; the sheriff runs none
    ("42021", "PA"),  # a county prison; the sheriff runs none
    ("32003", "NV"),  # a sheriffs' state, but Las Vegas Metro runs Clark County's jail
    ("51157", "VA"),  # two members of one regional jail authority
    ("51171", "VA"),
    ("54039", "WV"),  # the state runs every jail
    ("24005", "MD"),  # a mixed state, no county row: a sheriff or a county jail agency
]
STATES = {"TX": "sheriff", "KY": "elected_jailer", "PA": "county_corrections_department", "NV": "sheriff"}
STATES |= {"VA": "mixed", "WV": "state_unified_system", "MD": "mixed"}
RSW = "Rappahannock, Shenandoah, Warren Regional Jail Authority"


def governance(fips: str, field: str, value: str) -> dict:
    return {"county_fips": fips, "field": field, "value": value}


OPERATORS = county_operators(
    table("counties", [{"fips": fips, "state_abbr": state} for fips, state in COUNTIES]),
    table("state_governance", [{"state_abbr": state, "jail_operator": op} for state, op in STATES.items()]),
    table(
        "county_governance",
        [
            governance("32003", "jail_operator", "metro_police"),
            governance("32003", "jail_operator_name", "Las Vegas Metropolitan Police Department"),
            *(governance(fips, "jail_operator", "regional_jail_authority") for fips in ("51157", "51171")),
            *(governance(fips, "jail_operator_name", RSW) for fips in ("51157", "51171")),
        ],
    ),
)


def agreement(agency: str, state: str, agency_type: str, fips: str | None, model: str = "warrant_service") -> dict:
    return {"agency": agency, "state_abbr": state, "agency_type": agency_type, "county_fips": fips, "model": model}


def jail_of(*rows: dict) -> set[tuple[str, str]]:
    placed = jail_operator_agreements(table("agreements", list(rows)), OPERATORS)
    return set(zip(placed["agency"], placed["county_fips"]))


def test_a_countys_operator_is_its_states_pattern_unless_the_county_has_a_row():
    assert OPERATORS.at["48201", "operator"] == "sheriff" and OPERATORS.at["48201", "operator_name"] is None
    assert tuple(OPERATORS.loc["32003", ["operator", "operator_name"]]) == (
        "metro_police",
        "Las Vegas Metropolitan Police Department",
    )


def test_a_sheriff_runs_the_jail_only_where_sheriffs_run_jails():
    assert jail_of(
        agreement("Harris County Sheriff's Office", "TX", "sheriff", "48201"),
        agreement("Grayson County Sheriff's Office", "KY", "sheriff", "21085"),
        agreement("Cambria County Sheriff's Office", "PA", "sheriff", "42021"),
    ) == {("Harris County Sheriff's Office", "48201")}


def test_a_county_jail_prison_or_detention_center_runs_the_jail_where_the_county_does():
    assert jail_of(
        agreement("Grayson County Detention Center", "KY", "county_jail", "21085"),
        agreement("Cambria County Prison", "PA", "county_jail", "42021"),
        agreement("Houston County Jail", "TX", "county_jail", "48201"),  # the Texas sheriff runs it
    ) == {("Grayson County Detention Center", "21085"), ("Cambria County Prison", "42021")}


def test_a_metro_police_named_as_the_counties_operator_runs_its_jail_and_the_sheriff_type_alone_does_not():
    assert jail_of(
        agreement("Las Vegas Metropolitan Police Department", "NV", "municipal", "32003"),
        agreement("Henderson Police Department", "NV", "municipal", "32003"),
    ) == {("Las Vegas Metropolitan Police Department", "32003")}


def test_a_regional_jail_authority_is_placed_on_every_member_county_even_unplaced():
    assert jail_of(agreement(RSW, "VA", "county_jail", None)) == {(RSW, "51157"), (RSW, "51171")}
    # a member county's sheriff runs no jail there
    assert jail_of(agreement("Warren County Sheriff's Office", "VA", "sheriff", "51157")) == set()


def test_a_unified_state_systems_corrections_agency_runs_every_jail_of_its_state():
    assert jail_of(
        agreement("West Virginia Division of Corrections and Rehabilitation", "WV", "state", None),
        agreement("West Virginia State Police Department", "WV", "state", None, "task_force"),
        agreement("Florida Department of Corrections", "FL", "state", None),  # Florida's sheriffs run the jails
    ) == {("West Virginia Division of Corrections and Rehabilitation", "54039")}


def test_a_mixed_state_without_a_county_row_takes_a_sheriff_or_a_county_jail_agency():
    assert jail_of(
        agreement("Baltimore County Sheriff's Office", "MD", "sheriff", "24005"),
        agreement("Baltimore County Police Department", "MD", "other", "24005"),
    ) == {("Baltimore County Sheriff's Office", "24005")}


@pytest.mark.parametrize(
    ("agency", "counties"),
    [
        ("Las Vegas Metropolitan Police Department", {"32003"}),
        (RSW, {"51157", "51171", "51187"}),
        ("Okmulgee County Criminal Justice Authority", {"40111"}),
        ("Cambria County Prison", {"42021"}),
        ("Washington County Sheriff's Office", {"29221"}),  # typed "Municipality" by ICE's sheet
    ],
)
def test_the_committed_data_places_the_known_operators(data, agency, counties):
    placed = jail_operator_agreements(data.agreements, operators_of(data))
    assert set(placed.loc[placed["agency"] == agency, "county_fips"]) >= counties


def test_in_the_committed_data_no_sheriff_is_the_jails_operator_where_sheriffs_run_no_jail(data):
    placed = jail_operator_agreements(data.agreements, operators_of(data))
    no_sheriff_jails = set(data.state_governance.query("sheriff_elected == 'no_sheriff_jail_role'")["state_abbr"])
    assert {"KY", "PA", "NH", "NM", "WV"} <= no_sheriff_jails
    sheriffs = placed[(placed["agency_type"] == "sheriff") & placed["state_abbr"].isin(no_sheriff_jails)]
    assert sheriffs.empty
