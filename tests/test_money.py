"""Money around a county's collaboration with ICE (lib/money.py): the detention table and its estimates, the local
cost model and the flow chart, on small hand-made tables; a contract check on the committed data."""

import math
import re

import pandas as pd
import pytest

from lib.money import (
    CITY_BUDGET,
    COST_ASSUMPTIONS,
    COUNTY_BUDGET,
    ESTIMATE_YEAR,
    ESTIMATED_PAYMENT_COLUMN,
    budget_of,
    county_detention_population,
    detention_table,
    flow_diagram,
    payment_estimate,
    run_by_text,
    yearly_local_cost,
)
from tests.smalldata import compiled

OTHER_YEAR = "FY19"  # any fiscal year but the estimate's


def facility(
    facility_id,
    rate=None,
    text=None,
    contract_type="county_jail_igsa",
    run_by="county",
    fips="48201",
    minimum=None,
    basis="facility name",
):
    return {
        "facility_id": facility_id,
        "name": f"{facility_id} DETENTION CENTER",
        "county_fips": fips,
        "contract_type": contract_type,
        "run_by": run_by,
        "run_by_basis": basis,
        "guaranteed_minimum": minimum,
        "per_diem_2015_text": text,
        "per_diem_2015_rate": rate,
        "source_files": f"{facility_id}.xlsx",
        "source_date": "2026-04-02",
    }


def population(facility_id, fiscal_year, adp):
    return {
        "facility_id": facility_id,
        "fiscal_year": fiscal_year,
        "adp": adp,
        "source": "ice_detention_stats",
        "source_date": "2026-04-02",
    }


DATA = compiled(
    detention_facilities=[
        facility("JAIL", rate=85.5, text="$85.50", minimum=50),
        facility(
            "TIERS",
            text="640 (GM); $100.00 (1-640), $75.00 (641+)",
            contract_type="private_contract",
            run_by="private",
            minimum=640,
            basis="contractors list (CarwilB)",
        ),
        facility("NEW", rate=70.0, text="$70.00", contract_type="usms_iga"),
        facility("ELSEWHERE", rate=50.0, fips="48113"),
    ],
    detention_population=[
        population("JAIL", ESTIMATE_YEAR, 100.0),
        population("JAIL", OTHER_YEAR, 150.0),
        population("TIERS", ESTIMATE_YEAR, 600.0),
        population("NEW", OTHER_YEAR, 50.0),
        population("ELSEWHERE", ESTIMATE_YEAR, 10.0),
    ],
)


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return detention_table(DATA, "48201").set_index("facility")


# --- payment_estimate ---


def test_a_known_rate_and_population_give_a_labelled_estimate_rounded_to_thousands():
    estimate = payment_estimate(85.5, 100.0)
    assert estimate[ESTIMATED_PAYMENT_COLUMN] == 3_121_000  # 85.50 × 100 × 365 = 3,120,750
    assert estimate["estimate"] == f"an estimate: 2015 rate $85.50 × {ESTIMATE_YEAR} population 100 × 365 days"


@pytest.mark.parametrize("rate", [None, float("nan"), pd.NA])
def test_an_unknown_rate_never_gets_a_dollar_estimate(rate):
    assert payment_estimate(rate, 600.0) == {ESTIMATED_PAYMENT_COLUMN: None, "estimate": "rate unknown"}


@pytest.mark.parametrize("adp", [None, float("nan")])
def test_no_population_in_the_estimate_year_gives_no_estimate(adp):
    assert payment_estimate(70.0, adp) == {ESTIMATED_PAYMENT_COLUMN: None, "estimate": f"no {ESTIMATE_YEAR} population"}


# --- detention_table ---


def test_a_county_without_detention_has_an_empty_table():
    assert detention_table(DATA, "09003").empty


def test_the_table_lists_the_countys_facilities_with_population_by_year(table):
    assert list(table.index) == ["Jail Detention Center", "Tiers Detention Center", "New Detention Center"]
    assert list(table.columns) == [
        "contract",
        "county jail",
        "run by",
        OTHER_YEAR,
        ESTIMATE_YEAR,
        "guaranteed minimum",
        "per diem 2015 (as written)",
        ESTIMATED_PAYMENT_COLUMN,
        "estimate",
        "source",
        "as of",
    ]
    jail = table.loc["Jail Detention Center"]
    assert (jail[ESTIMATE_YEAR], jail[OTHER_YEAR], jail["as of"], jail["source"]) == (
        100.0,
        150.0,
        "2026-04-02",
        "JAIL.xlsx",
    )
    assert math.isnan(table.loc["New Detention Center", ESTIMATE_YEAR])


def test_the_estimate_uses_the_2015_rate_and_the_estimate_years_population_never_the_minimum(table):
    jail = table.loc["Jail Detention Center"]
    assert jail[ESTIMATED_PAYMENT_COLUMN] == 3_121_000 and jail["estimate"].startswith("an estimate: 2015 rate $85.50")
    assert jail["guaranteed minimum"] == 50
    new = table.loc["New Detention Center"]
    assert pd.isna(new[ESTIMATED_PAYMENT_COLUMN]) and new["estimate"] == f"no {ESTIMATE_YEAR} population"


def test_a_facility_with_an_unknown_rate_never_gets_a_dollar_estimate_whatever_its_minimum(table):
    tiers = table.loc["Tiers Detention Center"]
    assert pd.isna(tiers[ESTIMATED_PAYMENT_COLUMN]) and tiers["estimate"] == "rate unknown"
    assert tiers["guaranteed minimum"] == 640  # shown as ICE gives it, never turned into money
    assert tiers["per diem 2015 (as written)"] == "640 (GM); $100.00 (1-640), $75.00 (641+)"


def test_the_table_says_which_facility_is_the_county_jail_and_who_runs_it(table):
    assert table["county jail"].to_dict() == {
        "Jail Detention Center": True,
        "Tiers Detention Center": False,
        "New Detention Center": True,
    }
    assert table.loc["Jail Detention Center", "contract"] == "county jail, IGSA with ICE"
    assert table.loc["Tiers Detention Center", "run by"] == "private (contractors list (CarwilB))"


def test_the_table_is_built_in_the_current_language(marked):
    with marked:
        table = detention_table(DATA, "48201")
    assert set(table["contract"]) == {
        "«county jail, IGSA with ICE»",
        "«privately run detention centre»",
        "«jail under a U.S. Marshals agreement that ICE uses»",
    }
    assert "«rate unknown»" in set(table["estimate"])
    assert ESTIMATED_PAYMENT_COLUMN in table.columns  # the keys stay English; the page shows DETENTION_COLUMNS


@pytest.mark.parametrize(
    ("run_by", "basis", "words"),
    [
        ("county", "facility name (presumed)", "county (facility name (presumed))"),
        ("private", "2015 ICE listing operator", "private (operator on ICE's 2015 list)"),
        ("state", "Connecticut runs all its jails", "state (Connecticut runs all its jails)"),
        ("tribal", "no evidence", "tribal (no evidence)"),
    ],
)
def test_who_runs_a_facility_in_words_with_its_evidence(run_by, basis, words):
    assert run_by_text(run_by, basis) == words


def test_county_detention_population_is_one_row_per_facility_and_year_of_the_county():
    long = county_detention_population(DATA, "48201")
    assert list(long.columns) == ["facility", "fiscal_year", "adp", "source"]
    assert list(zip(long["fiscal_year"], long["facility"], long["adp"])) == [
        (OTHER_YEAR, "Jail Detention Center", 150.0),
        (OTHER_YEAR, "New Detention Center", 50.0),
        (ESTIMATE_YEAR, "Jail Detention Center", 100.0),
        (ESTIMATE_YEAR, "Tiers Detention Center", 600.0),
    ]
    assert county_detention_population(DATA, "09003").empty


# --- the local cost model ---


FIGURES = {
    "holds_per_year": 10,
    "hours_per_hold": 48,
    "cost_per_jail_day": 150,
    "requests_per_year": 60,
    "staff_minutes_per_request": 30,
    "staff_cost_per_hour": 40,
    "liability_per_year": 5000,
}


def test_yearly_local_cost_adds_holding_staff_time_and_liability():
    costs = yearly_local_cost(FIGURES)
    assert costs == {"holding people past release": 3000, "staff time": 1200, "liability": 5000, "total": 9200}


@pytest.mark.parametrize("missing", [assumption.key for assumption in COST_ASSUMPTIONS])
def test_no_total_while_any_figure_is_missing(missing):
    assert yearly_local_cost({**FIGURES, missing: None}) is None


def test_every_input_is_used_and_none_has_a_default_only_an_example():
    assert {assumption.key for assumption in COST_ASSUMPTIONS} == set(FIGURES)
    for assumption in COST_ASSUMPTIONS:
        with pytest.raises(KeyError):
            yearly_local_cost({key: value for key, value in FIGURES.items() if key != assumption.key})
        assert assumption.example.startswith("For example ")
        assert not hasattr(assumption, "default")


# --- flow_diagram ---


def page_rows(*rows: tuple[str, bool, float | None]) -> pd.DataFrame:
    """Detention rows as the county page reads them back from the profile (an empty cell is None)."""
    return pd.DataFrame(
        [
            {
                "facility": name,
                "contract": "some contract",
                "county jail": county_jail,
                ESTIMATED_PAYMENT_COLUMN: payment,
            }
            for name, county_jail, payment in rows
        ]
    )


NODE = re.compile(r"^(\w+) \[label=", re.MULTILINE)
EDGE = re.compile(r"^(\w+) -> (\w+)", re.MULTILINE)


def boxes_without_an_arrow(dot: str) -> set[str]:
    connected = {name for edge in EDGE.findall(dot) for name in edge}
    return set(NODE.findall(dot)) - connected


SHERIFF_287G = ("Harris County Sheriff's Office", "sheriff")
CITY_287G = ("Pasadena Police Department", "municipal")


def test_the_flow_shows_the_estimate_the_287g_agencies_and_the_local_costs():
    dot = flow_diagram(
        "Harris County", page_rows(("Jail Detention Center", True, 3_121_000.0)), [SHERIFF_287G], {"total": 24000.0}
    )
    assert dot.startswith("digraph money {") and dot.endswith("}")
    detention = r'detention [label="ICE detention in the county:\nJail Detention Center\nsome contract: '
    assert detention + '≈ $3,121,000/year (estimate)"]' in dot and "ice -> detention " in dot
    assert rf'agencies_{COUNTY_BUDGET} [label="287(g) agreements:\nHarris County Sheriff' + "'s Office\"]" in dot
    assert f"{COUNTY_BUDGET} -> agencies_{COUNTY_BUDGET} " in dot and f"agencies_{COUNTY_BUDGET} -> ice" in dot
    assert f'{COUNTY_BUDGET} -> hold [label="≈ $24,000/year (your figures)"]' in dot
    assert f'{COUNTY_BUDGET} [label="Harris County budget"' in dot
    assert not boxes_without_an_arrow(dot)


def test_the_flow_shows_no_dollars_for_local_costs_without_the_figures():
    dot = flow_diagram("Harris County", page_rows(("Jail Detention Center", True, 3_121_000.0)), [], None)
    assert f'{COUNTY_BUDGET} -> hold [label="cost: no figures entered"]' in dot
    assert "your figures" not in dot


def test_a_city_agencys_287g_is_paid_from_the_city_budget_not_the_countys():
    dot = flow_diagram("Harris County", pd.DataFrame(), [CITY_287G, SHERIFF_287G], None)
    assert rf'agencies_{CITY_BUDGET} [label="287(g) agreements:\nPasadena Police Department"]' in dot
    assert f"{CITY_BUDGET} -> agencies_{CITY_BUDGET} " in dot
    assert f"{COUNTY_BUDGET} -> agencies_{COUNTY_BUDGET} " in dot and "Pasadena" not in dot.split("agencies_county")[1]
    assert "City budgets" in dot and not boxes_without_an_arrow(dot)
    assert budget_of("municipal") == CITY_BUDGET and budget_of("sheriff") == budget_of("county_jail") == COUNTY_BUDGET


def test_many_facilities_and_agencies_stay_a_few_boxes_wide():
    rows = page_rows(*[(f"Facility {index}", True, None) for index in range(7)])
    agencies = [(f"Town {index} Police Department", "municipal") for index in range(21)]
    dot = flow_diagram("Palm Beach County", rows, agencies, None)
    assert len(NODE.findall(dot)) == 6  # two budgets, ICE, the detention box, one agencies box, the requests
    assert not boxes_without_an_arrow(dot)


def test_the_flow_says_rate_unknown_and_shows_no_dollars_where_no_facility_has_an_estimate():
    dot = flow_diagram(
        "Harris County",
        page_rows(("Tiers Detention Center", False, None), ("New Detention Center", True, None)),
        [],
        None,
    )
    assert r"Tiers Detention Center\nsome contract: payment: rate unknown\n" in dot
    assert r'New Detention Center\nsome contract: payment: rate unknown"' in dot
    assert "(estimate)" not in dot


def test_the_flow_never_puts_dollars_on_an_unknown_rate_beside_a_known_one(table):
    dot = flow_diagram("Harris County", table.reset_index(), [], None)
    assert "$nan" not in dot
    assert r"Jail Detention Center\ncounty jail, IGSA with ICE: ≈ $3,121,000/year (estimate)\n" in dot
    assert r"Tiers Detention Center\nprivately run detention centre: payment: rate unknown\n" in dot
    assert r'New Detention Center\njail under a U.S. Marshals agreement that ICE uses: payment: rate unknown"' in dot


def test_the_flow_of_a_county_without_detention_or_287g_has_only_the_local_cost_and_no_lone_box():
    dot = flow_diagram("Hartford County", pd.DataFrame(), [], None)
    assert "ice" not in NODE.findall(dot) and "-> hold" in dot
    assert not boxes_without_an_arrow(dot)


def test_the_flow_of_every_county_in_the_committed_data_has_no_lone_box_and_no_nan(data):
    for fips in data.counties_by_fips.index[::40]:
        agreements = data.agreements[data.agreements["county_fips"] == fips]
        agencies = list(zip(agreements["agency"], agreements["agency_type"], strict=True))
        dot = flow_diagram("X", detention_table(data, fips), agencies, None)
        assert "$nan" not in dot and not boxes_without_an_arrow(dot), fips


def test_the_flow_quotes_names_from_the_data():
    dot = flow_diagram(
        'Harris "County"', page_rows(('Jail "A"]; x -> y', True, None)), [('Sheriff\\"', "sheriff")], None
    )
    assert r'\nJail \"A\"]; x -> y\nsome contract: payment: rate unknown"]' in dot
    assert r'\nSheriff\\\""]' in dot and r'label="Harris \"County\" budget"' in dot


# --- the committed data ---


def test_in_the_committed_data_only_a_known_2015_rate_gets_a_dollar_estimate(data):
    facilities, population = data.detention_facilities, data.detention_population
    in_estimate_year = set(population.loc[population["fiscal_year"] == ESTIMATE_YEAR, "facility_id"])
    unknown_rates = 0
    for fips in facilities.loc[facilities["facility_id"].isin(in_estimate_year), "county_fips"].dropna().unique():
        listed = facilities[facilities["county_fips"] == fips]  # in the order of the county's table
        payments = detention_table(data, fips)[ESTIMATED_PAYMENT_COLUMN]
        for (_index, facility), payment in zip(listed.iterrows(), payments, strict=True):
            has_rate = pd.notna(facility["per_diem_2015_rate"])
            expected = has_rate and facility["facility_id"] in in_estimate_year
            assert pd.notna(payment) == expected, facility["facility_id"]
            unknown_rates += not has_rate
    assert unknown_rates > 0, "the committed data should have facilities whose rate is unknown"


@pytest.mark.parametrize(
    ("fips", "facilities", "county_jails"),
    [
        ("51610", 0, 0),
        ("02016", 0, 0),  # Falls Church (no shape), the Aleutians: no ICE detention listed
        ("72127", 1, 0),
    ],
)  # San Juan, Puerto Rico: a federal facility, not a county jail
def test_counties_of_every_kind_in_the_committed_data_get_their_detention_table(data, fips, facilities, county_jails):
    detention = detention_table(data, fips)
    assert len(detention) == facilities
    assert (detention["county jail"].sum() if facilities else 0) == county_jails
