"""Agencies in several counties sit in the county holding most of their residents (curation/agency_main_county.csv,
from 2020 Census counts), on the committed data: search, who decides and the asks follow it."""

import pandas as pd
import pytest

from lib import vocab
from lib.authority import city_agencies
from lib.build.main_county import MAIN_COUNTY_FILE, read_main_counties


@pytest.fixture(scope="module")
def agencies(data) -> pd.DataFrame:
    return data.agencies.set_index("ori")


@pytest.mark.parametrize(
    ("ori", "main", "first_listed"),
    [
        ("TXHPD0000", "48201", "48157"),  # Houston: Harris, not Fort Bend
        ("TXDPD0000", "48113", "48085"),  # Dallas: Dallas, not Collin
        ("GAAPD0000", "13121", "13089"),  # Atlanta: Fulton, not DeKalb
    ],
)
def test_big_cities_sit_in_the_county_with_most_of_their_residents(agencies, ori, main, first_listed):
    assert agencies.at[ori, "all_county_fips"].split(";")[0] == first_listed  # what the FBI lists first
    assert (agencies.at[ori, "county_fips"], agencies.at[ori, "main_county_basis"]) == (
        main,
        vocab.MOST_RESIDENTS_2020,
    )


def test_every_agency_that_needs_a_curated_main_county_has_one(data):
    report = data.build_report["agency_main_county"]
    assert report["needs_curation"] == []
    assert report["curated"] == len(read_main_counties(MAIN_COUNTY_FILE))


def test_every_curated_row_is_what_the_data_uses(agencies):
    curated = read_main_counties(MAIN_COUNTY_FILE).set_index("ori")
    assert (agencies.loc[curated.index, "county_fips"] == curated["main_county_fips"]).all()


def test_who_decides_lists_a_city_in_every_county_it_serves_naming_its_main_county(data):
    harris = {city["agency"]: city for city in city_agencies(data, "48201")}
    fort_bend = {city["agency"]: city for city in city_agencies(data, "48157")}
    assert harris["Houston"]["main_county"] is None
    assert fort_bend["Houston"]["main_county"] == "Harris County"
