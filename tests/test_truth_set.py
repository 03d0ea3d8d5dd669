"""The build against tests/truth_set.csv: counties whose values were checked against a document (its address, title
and the words quoted), never memory. Compiled from curation/research/truth_set.csv, keeping only the rows whose
document has an address.

Each row's build_check says how the build must compare with its expected value:
- agrees: the build gives the expected value;
- pending_jail_operator: it does not, because the build does not yet know who runs the jail (consolidated metro
  police, county prisons, regional jail authorities, unified state systems: issue 15 item 2, under way elsewhere).
  Marked xfail, strict: once the build agrees the test says so, and the row becomes "agrees";
- recorded: it does not, for the reason in `disagreement`; the test pins the build's value (build_value), so any
  change to it is seen and the row read again.
operator_check does the same for who runs the county's jail (jail_operator_type).
"""

import csv

import pytest

from lib import registry
from lib.authority import county_governance
from lib.jails import operators_of
from lib.layers import beds_layer, classify_287g
from lib.paths import PROJECT_ROOT

TRUTH_FILE = PROJECT_ROOT / "tests" / "truth_set.csv"
ROWS = list(csv.DictReader(TRUTH_FILE.open(encoding="utf-8")))
AGREES, PENDING_JAIL_OPERATOR, RECORDED = "agrees", "pending_jail_operator", "recorded"
DETENTION_CONTRACT = "detention_contract"  # the truth set's name for what the build's ICE beds layer shows
# Every kind of jail operator and of conflict the truth set must cover (issue 15 items 2 and 4).
OPERATOR_TYPES = {
    "sheriff",
    "county_corrections_department",
    "consolidated_metro",
    "county_prison",
    "regional_jail_authority",
    "state_unified_system",
    "elected_jailer",
}
CONFLICT_KINDS = {
    "dropped_287g",
    "local_refusal_under_mandate",
    "287g_vs_state_ruling",
    "287g_vs_court_ruling",
    "287g_vs_state_ban",
}
BIG_COUNTY, RURAL_COUNTY = 1_000_000, 50_000


@pytest.fixture(scope="module")
def built(data, evidence):
    """Every county's values as the build gives them: the classified indicators, the 287(g) layer's class and the
    ICE beds layer's class."""
    return {
        "classified": evidence.classify_all(),
        registry.AGREEMENT_287G: classify_287g(data.counties, data.agreements, operators_of(data)),
        DETENTION_CONTRACT: beds_layer(
            evidence, data.counties["fips"], max(data.detention_population["source_date"])
        ).county_class,
    }


def build_value(built, row) -> str:
    if row["indicator"] in registry.CLASSIFIED_IDS:
        return built["classified"][row["county_fips"]].indicators[row["indicator"]].value
    return str(built[row["indicator"]][row["county_fips"]])


def agrees(row, value: str) -> bool:
    """An ended or absent 287(g) agreement is the jail's having none (another agency may have one); a detention
    contract is the county jail holding people for ICE."""
    expected = row["expected_value"]
    if row["indicator"] == registry.AGREEMENT_287G and expected in ("ended", "none"):
        return value in (registry.NO_AGREEMENT_CLASS, registry.OTHER_AGENCY_CLASS)
    if row["indicator"] == DETENTION_CONTRACT:
        return (value == registry.COUNTY_JAIL_BEDS) == (expected == "yes")
    return value == expected


def _param(row, check: str, reason: str, name: str):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if check == PENDING_JAIL_OPERATOR else []
    return pytest.param(row, marks=marks, id=f"{row['county_fips']}-{name}")


INDICATOR_ROWS = [_param(row, row["build_check"], row["disagreement"], row["indicator"]) for row in ROWS]
COUNTIES = {row["county_fips"]: row for row in ROWS}
NO_OPERATOR_ROW_YET = "who runs the jail: the build has no county_governance row with a document for this county yet"
OPERATOR_ROWS = [_param(row, row["operator_check"], NO_OPERATOR_ROW_YET, "operator") for row in COUNTIES.values()]


def test_the_truth_set_is_broad_and_every_row_names_its_document(data):
    population = data.counties_by_fips["population"]
    assert len(COUNTIES) >= 60 and len({row["state_abbr"] for row in ROWS}) >= 25
    assert {row["jail_operator_type"] for row in ROWS} == OPERATOR_TYPES
    assert {row["conflict"] for row in ROWS} - {""} == CONFLICT_KINDS
    assert sum(population[fips] >= BIG_COUNTY for fips in COUNTIES) >= 20
    assert sum(population[fips] < RURAL_COUNTY for fips in COUNTIES) >= 8
    indicators = {row["indicator"] for row in ROWS}
    assert indicators == {*registry.CLASSIFIED_IDS, registry.AGREEMENT_287G, DETENTION_CONTRACT}
    for row in ROWS:
        assert row["document_url"].startswith(("https://", "http://")), row
        assert row["document_title"] and row["quote"] and row["as_of"], row
        assert row["county_name"] == data.counties_by_fips.at[row["county_fips"], "name"], row
        assert row["build_check"] in (AGREES, PENDING_JAIL_OPERATOR, RECORDED), row
        assert bool(row["disagreement"]) == (row["build_check"] != AGREES), row


@pytest.mark.parametrize("row", INDICATOR_ROWS)
def test_the_build_gives_the_checked_value(built, row):
    value = build_value(built, row)
    if row["build_check"] == RECORDED:
        assert not agrees(row, value), "the build now agrees: make the row 'agrees'"
        assert value == row["build_value"], f"the build's value changed: read the row again ({row['disagreement']})"
    else:
        assert agrees(row, value), (row["expected_value"], value, row["document_url"])


@pytest.mark.parametrize("row", OPERATOR_ROWS)
def test_the_build_knows_who_runs_the_jail(data, row):
    assert county_governance(data, row["county_fips"])["jail_operator"]["value"] == row["jail_operator_type"]
