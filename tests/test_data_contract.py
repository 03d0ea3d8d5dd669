"""What the app relies on in data/: checked on the committed files."""

import json

import pytest

from lib import datasets
from lib.paths import DATA_DIR


def test_counties_cover_the_country_with_unique_fips(data):
    counties = data.counties
    assert len(counties) >= 3100
    assert counties["fips"].str.fullmatch(r"\d{5}").all()
    assert counties["fips"].is_unique
    assert set(counties["state_abbr"]) >= {"AK", "HI", "PR", "DC", "CA", "TX"}


def test_shapes_cover_every_county_but_the_documented_empty_one(data):
    shape_ids = [geometry["id"] for geometry in data.county_topology["objects"]["counties"]["geometries"]]
    assert all(isinstance(fips, str) and len(fips) == 5 for fips in shape_ids)
    assert len(shape_ids) == len(set(shape_ids))
    missing = set(data.counties["fips"]) - set(shape_ids)
    assert missing == set(data.counties.loc[~data.counties["has_shape"], "fips"]) == {"51610"}


def test_every_state_has_a_label_inside_the_map(data):
    assert set(data.states["state_abbr"]) == set(data.counties["state_abbr"])
    assert data.states["label_lon"].between(-180, -60).all() and data.states["label_lat"].between(17, 72).all()


def test_every_agreement_has_a_source_and_a_source_date(data):
    agreements = data.agreements
    assert agreements["source_file"].notna().all()
    assert agreements["source_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    placed = agreements["county_fips"].dropna()
    assert placed.isin(data.counties["fips"]).all()


def test_statewide_agencies_are_never_put_on_a_county(data):
    state_rows = data.agreements[data.agreements["agency_type"] == "state"]
    assert len(state_rows) > 0
    assert state_rows["county_fips"].isna().all()


def test_every_source_has_a_date_and_a_licence(data):
    for source in data.sources:
        assert source["as_of"], source["id"]
        assert source["licence"], source["id"]


@pytest.mark.parametrize("dataset", [d for d in datasets.ALL])
def test_every_file_is_documented_in_the_data_readme(dataset):
    readme = (DATA_DIR / "README.md").read_text()
    assert f"`{dataset.file}`" in readme


def test_match_rate_is_recorded(data):
    report = data.build_report["agreements_287g"]
    assert 0.95 <= report["match_rate"] <= 1
    assert len(report["unmatched"]) == report["placeable_rows"] - report["matched_rows"]
    json.dumps(report)  # stays plain JSON
