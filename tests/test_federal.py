"""The federal 'sanctuary' lists and others' statements: claims shown per county, never an indicator's value."""

from dataclasses import replace

import pytest

from lib import registry, vocab
from lib.evidence import CountyEvidence
from lib.federal import county_federal_lists, county_statements
from tests.smalldata import compiled


def entry(list_id, listed_as, jurisdiction, fips=None, state="CA"):
    return {
        "list_id": list_id,
        "state_abbr": state,
        "listed_as": listed_as,
        "jurisdiction": jurisdiction,
        "county_fips": fips,
        "list_date": "2025-05-29",
        "source_publisher": "a news page",
        "source_urls": "https://example.org/list",
    }


DATA = compiled(
    counties=[
        {"fips": "06001", "name": "Alameda County", "state_abbr": "CA"},
        {"fips": "06003", "name": "Alpine County", "state_abbr": "CA"},
        {"fips": "06005", "name": "Amador County", "state_abbr": "CA"},
        {"fips": "08001", "name": "Adams County", "state_abbr": "CO"},
        {"fips": "48201", "name": "Harris County", "state_abbr": "TX"},
    ],
    federal_lists=[
        entry(vocab.DHS_LIST_2025, vocab.LISTED_COUNTY, "Alameda County", "06001"),
        entry(vocab.DHS_LIST_2025, vocab.LISTED_CITY, "Berkeley", "06001"),
        entry(vocab.DHS_LIST_2025, vocab.LISTED_CITY, "Jackson", "06005"),
        entry(vocab.DHS_LIST_2025, vocab.LISTED_STATE, "California", None),
        entry(vocab.DOJ_LIST_2025, vocab.LISTED_STATE, "California", None),
    ],
    federal_list_coverage=[
        {"list_id": vocab.DHS_LIST_2025, "state_abbr": "CA", "counties_whole": True},
        {"list_id": vocab.DHS_LIST_2025, "state_abbr": "CO", "counties_whole": False},
        {"list_id": vocab.DOJ_LIST_2025, "state_abbr": "CA", "counties_whole": True},
        {"list_id": vocab.DOJ_LIST_2025, "state_abbr": "CO", "counties_whole": True},
        {"list_id": vocab.DOJ_LIST_2025, "state_abbr": "TX", "counties_whole": True},
    ],
    county_statements=[{"county_fips": "06003", "speaker": "Alpine County", "claim": "holds_yes_alleged"}],
)


def statuses(fips):
    return {record["list_id"]: record["status"] for record in county_federal_lists(DATA, fips)}


@pytest.mark.parametrize(
    ("fips", "dhs", "doj"),
    [
        ("06001", vocab.COUNTY_LISTED, vocab.NOT_LISTED),  # the county and a city in it
        ("06005", vocab.CITY_LISTED, vocab.NOT_LISTED),  # only a city in it: the county is not said to be listed
        ("06003", vocab.NOT_LISTED, vocab.NOT_LISTED),  # a state checked whole
        ("08001", vocab.NOT_CHECKED, vocab.NOT_LISTED),  # a state whose county list is partial
        ("48201", vocab.NOT_CHECKED, vocab.NOT_LISTED),  # a state the list was not rebuilt for
    ],
)
def test_each_list_says_listed_not_listed_or_not_checked(fips, dhs, doj):
    assert statuses(fips) == {vocab.DOJ_LIST_2025: doj, vocab.DHS_LIST_2025: dhs}


def test_a_listed_state_is_said_apart_and_the_county_shows_only_its_own_entries():
    dhs = next(r for r in county_federal_lists(DATA, "06001") if r["list_id"] == vocab.DHS_LIST_2025)
    assert dhs["state_listed"] and [e["jurisdiction"] for e in dhs["entries"]] == ["Alameda County", "Berkeley"]
    assert dhs["caveat"] and dhs["title"]


def test_statements_are_the_countys_own_and_an_empty_cell_is_none():
    assert [s["claim"] for s in county_statements(DATA, "06003")] == ["holds_yes_alleged"]
    assert county_statements(DATA, "06003")[0]["claim_date"] is None  # shown as "date not given", never "nan"
    assert county_statements(DATA, "06001") == []


def test_the_federal_lists_never_color_the_map():
    listed = registry.INDICATORS_BY_ID[registry.FEDERAL_LIST]
    assert not listed.classified and not listed.legend and not listed.ask_rules
    assert not (listed.set_by_state_law or listed.set_by_jail_287g or listed.set_by_county_jail_contract)
    assert registry.FEDERAL_LIST not in registry.LAYER_IDS + registry.CURATED_IDS + registry.LEVEL_INDICATORS


# --- the committed data ---


def test_the_doj_list_is_whole_and_its_counties_are_placed(data):
    doj = data.federal_lists[data.federal_lists["list_id"] == vocab.DOJ_LIST_2025]
    assert len(doj) == 35 and doj["listed_as"].value_counts().to_dict() == {"city": 18, "state": 13, "county": 4}
    counties = doj[doj["listed_as"] == vocab.LISTED_COUNTY]
    assert sorted(counties["county_fips"]) == ["06073", "06075", "17031", "24005"]


def test_the_dhs_list_is_checked_only_where_it_was_rebuilt(data):
    dhs = data.federal_lists[data.federal_lists["list_id"] == vocab.DHS_LIST_2025]
    assert (dhs["listed_as"] == vocab.LISTED_COUNTY).sum() == 165
    coverage = data.federal_list_coverage[data.federal_list_coverage["list_id"] == vocab.DHS_LIST_2025]
    assert len(coverage) == 11 and coverage["counties_whole"].sum() == 6
    assert {r["list_id"]: r["status"] for r in county_federal_lists(data, "48201")}[vocab.DHS_LIST_2025] == (
        vocab.NOT_CHECKED
    )


def test_a_city_on_a_list_is_shown_on_its_police_main_county(data):
    aurora = data.federal_lists[
        (data.federal_lists["jurisdiction"] == "Aurora") & (data.federal_lists["state_abbr"] == "CO")
    ]
    assert aurora["county_fips"].tolist() == ["08005"]  # Arapahoe, where most of Aurora lives, not Adams


def test_a_listed_county_keeps_the_level_its_evidence_gives(data, evidence):
    """Cook County is on the DOJ list; its level comes from its laws and policies alone, as before the lists."""
    without_lists = replace(data, federal_lists=data.federal_lists.iloc[0:0])
    assert evidence.classify("17031") == CountyEvidence.assemble(without_lists).classify("17031")
