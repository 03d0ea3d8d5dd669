import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib import search as search_module
from lib.paths import PROJECT_ROOT
from lib.search import AGENCY_HIT, COUNTY_HIT, PLACE_ALIASES, PLACE_HIT, build_index, search

# What people type, and the county the first hit must lead to (and others that must be among the first five).
QUERIES = Path(__file__).with_name("search_queries.csv")
TOP = 5
NYC = {"36005", "36047", "36061", "36081", "36085"}


def query_set() -> list[dict]:
    with QUERIES.open(encoding="utf-8", newline="") as table:
        return list(csv.DictReader(table))


@pytest.fixture(scope="module")
def index(data):
    return build_index(data)


def labels(index, query):
    return [hit.label for hit in search(index, query)]


def test_the_query_set_is_large_and_covers_what_people_type():
    queries = query_set()
    assert len(queries) >= 50
    typed = {row["query"] for row in queries}
    assert {"Mesa AZ", "Harris County Sheriff", "Miami Dade", "Saint Louis", "NYC", "dona ana"} <= typed


@pytest.mark.parametrize("row", query_set(), ids=lambda row: row["query"])
def test_each_query_finds_its_county_first(index, row):
    found = [hit.fips for hit in search(index, row["query"])]
    assert found[:1] == [row["first"]], (row["covers"], search(index, row["query"])[:TOP])
    for fips in row["top"].split():
        assert fips in found[:TOP], (row["covers"], fips, search(index, row["query"])[:TOP])


def test_new_york_city_is_its_five_counties_first(index):
    assert {hit.fips for hit in search(index, "NYC")[:5]} == NYC
    assert all(hit.kind == PLACE_HIT for hit in search(index, "New York City")[:5])


def test_every_alias_leads_to_a_county_and_says_why(data):
    for place in PLACE_ALIASES:
        assert place.fips in set(data.counties["fips"]), place
        assert place.searched_as and len(place.reason) > 40, place


def test_county_names_come_first(index):
    assert labels(index, "santa clara")[0] == "Santa Clara County, CA"


def test_exactness_comes_before_population(index):
    found = labels(index, "Harris County")
    # The name itself (the bigger county first), then names that begin with it, then names that begin with its start.
    assert found[:2] == ["Harris County, TX", "Harris County, GA"]
    constable = found.index("Harris County Constable, TX (8 agencies) → Harris County")
    assert constable < found.index("Harrison County, MS")


def test_an_agency_named_after_its_county_comes_after_the_hits_that_lead_elsewhere(index):
    """ "St. Louis" (the city's police, in St. Louis city) leads where the county's own hit does."""
    assert labels(index, "Saint Louis")[:4] == [
        "St. Louis County, MO",
        "St. Louis city, MO",
        "St. Louis County, MN",
        "St. Louis, MI (city agency) → Gratiot County",
    ]


def test_agencies_of_one_name_in_one_county_are_one_hit_with_their_count(index):
    hits = [hit for hit in search(index, "Harris County Constable") if hit.fips == "48201"]
    assert [hit.label for hit in hits] == ["Harris County Constable, TX (8 agencies) → Harris County"]


def test_no_agency_is_dropped(data, index):
    """Every agency placed on a county is counted once in each of its counties' rows."""
    placed = data.agencies.dropna(subset=["county_fips"])
    agency_rows = index.rows[index.rows["kind"] == AGENCY_HIT]
    assert agency_rows["count"].sum() == placed["all_county_fips"].str.split(";").str.len().sum()


def test_labels_have_no_stray_punctuation(index):
    for query in ("Harris County", "University of Houston", "Independent School District", "St. Louis"):
        for label in labels(index, query):
            assert ":," not in label and not label.rstrip().endswith((":", ",")), label


def test_a_city_in_several_counties_leads_to_each(index):
    houston = [hit.fips for hit in search(index, "Houston TX") if hit.label.startswith("Houston, TX (city agency)")]
    assert houston == ["48201", "48157", "48339"], "Harris, Fort Bend, Montgomery: the most populous first"


def test_a_kind_word_prefers_hits_of_that_kind(index):
    assert search(index, "Mesa police")[0].fips == "04013"  # Mesa the city, in Maricopa County
    assert search(index, "Mesa sheriff")[0].fips == "08077"  # Mesa County, Colorado


def test_a_state_read_into_a_name_gives_way_to_the_name(index):
    assert search(index, "Port Washington")[0].label == "Port Washington, NY (city agency) → Nassau County"


def test_accents_and_case_do_not_matter(index):
    assert labels(index, "DONA ANA")[0] == "Doña Ana County, NM"


def test_too_short_or_unknown_queries_find_nothing(index):
    assert labels(index, "a") == []
    assert labels(index, " . ") == []
    assert labels(index, "zzzzqqq") == []


def test_hits_name_their_kind(index):
    assert [hit.kind for hit in search(index, "Mesa, AZ")] == [AGENCY_HIT]
    assert search(index, "santa clara")[0].kind == COUNTY_HIT


def test_hits_are_worded_in_the_language_of_the_search_and_names_stay(index, marked):
    assert labels(index, "Mesa, AZ")[0] == "Mesa, AZ (city agency) → Maricopa County"
    with marked:
        assert search(index, "Mesa, AZ")[0].label == "«{agency}, {state} ({agency_type}) → {county}»".format(
            agency="Mesa", state="AZ", agency_type="«city agency»", county="Maricopa County"
        )
        assert search(index, "Harris County Constable")[
            0
        ].label == "«{agency}, {state} ({count} agencies) → {county}»".format(
            agency="Harris County Constable", state="TX", count=8, county="Harris County"
        )
        assert search(index, "santa clara")[0].label == "Santa Clara County, CA"


def test_the_command_line_prints_the_hits_as_json_lines():
    run = subprocess.run(
        [sys.executable, "-m", "lib.search", "Mesa AZ"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    hits = [json.loads(line) for line in run.stdout.splitlines()]
    assert hits == [{"fips": "04013", "label": "Mesa, AZ (city agency) → Maricopa County", "kind": AGENCY_HIT}]


def test_the_command_line_speaks_spanish_and_finds_nothing_quietly(capsys):
    assert search_module.main(["zzzzqqq"]) == 0
    assert capsys.readouterr().out == ""
    assert search_module.main(["--lang", "es", "Harris County", "--limit", "3"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [hit["fips"] for hit in hits] == ["48201", "13145", "48201"]
    assert hits[2]["label"].startswith("Harris, TX (") and "county agency" not in hits[2]["label"]
