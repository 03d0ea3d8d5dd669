"""The build steps of the first map on small fixture files, good and malformed."""

import pandas as pd
import pytest
import shapely

from lib import vocab
from lib.build.agencies import build_agencies, fbi_population
from lib.build.agreements import agency_type, build_agreements
from lib.build.errors import RawDataError
from lib.build.geography import build_counties, county_topology
from lib.build.main_county import main_county_report
from lib.countynames import CountyIndex
from tests.build import rawfixtures


@pytest.fixture()
def raw(tmp_path):
    return rawfixtures.write_raw_folder(tmp_path / "raw")


def built(raw):
    counties, shapes, states = build_counties(raw)
    index = CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))
    agencies = build_agencies(raw, index, rawfixtures.main_county_file(raw))
    return counties, shapes, states, agencies, build_agreements(raw, index, agencies, rawfixtures.registry(raw))


def test_counties_get_full_names_population_and_string_fips(raw):
    counties, shapes, states, *_ = built(raw)
    names = dict(zip(counties["fips"], counties["name"]))
    assert names == {
        "06001": "Alameda County",
        "06085": "Santa Clara County",
        "51159": "Richmond County",
        "51610": "Falls Church city",
        "51760": "Richmond city",
    }
    assert counties["fips"].map(type).eq(str).all()
    assert counties.set_index("fips").loc["06085", "population"] == 1922200
    assert list(states["state_abbr"]) == ["CA", "VA"]


def test_topology_keys_counties_by_fips_and_leaves_out_empty_shapes(raw):
    _, shapes, _ = build_counties(raw)
    topology = county_topology(shapes)
    ids = [geometry["id"] for geometry in topology["objects"]["counties"]["geometries"]]
    assert ids == ["06001", "06085", "51159", "51760"]
    assert "transform" in topology


def test_neighbours_still_share_their_border_after_simplification(raw):
    _, shapes, *_ = built(raw)
    geometry = shapes.set_index("fips").geometry
    shared = shapely.intersection(geometry["06001"], geometry["06085"])
    assert shared.length == pytest.approx(1.0)
    assert shapely.intersection(geometry["06001"], geometry["06085"]).area == 0
    assert geometry["51610"] is None


def test_fbi_agencies_are_placed_in_their_main_county(raw):
    *_, agencies, _ = built(raw)
    placed = agencies.set_index("agency")
    assert placed.loc["Milpitas", ["county_fips", "main_county_basis"]].tolist() == ["06085", vocab.FIRST_LISTED]
    assert placed.loc["Milpitas", "all_county_fips"] == "06085;06001"
    # the FBI lists Alameda first; the curated table says most of its residents live in Santa Clara
    assert placed.loc["Twocounty", ["county_fips", "main_county_basis"]].tolist() == [
        "06085",
        vocab.MOST_RESIDENTS_2020,
    ]
    assert placed.loc["Richmond", ["county_fips", "main_county_basis"]].tolist() == ["51760", vocab.ONLY_COUNTY]
    assert pd.isna(placed.loc["Hartford", "county_fips"]) and pd.isna(placed.loc["Hartford", "main_county_basis"])


def test_a_big_agency_in_several_counties_without_a_curated_row_is_reported(raw):
    counties, *_ = build_counties(raw)
    index = CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))
    agencies = build_agencies(raw, index, rawfixtures.main_county_file(raw, rows=[]))
    agreements = build_agreements(raw, index, agencies, rawfixtures.registry(raw))
    report = main_county_report(agencies, fbi_population(raw), agreements)["agency_main_county"]
    # Twocounty serves 150,000 people; Milpitas (80,000) has no 287(g) agreement of its own
    assert [row["agency"] for row in report["needs_curation"]] == ["Twocounty"]
    assert (report["curated"], report["first_listed"]) == (0, 2)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({0: "CA9999999"}, "no agency of the FBI list has the ORI"),
        ({5: "06001;06085;06013"}, "now places CA0019900 in 06001;06085"),
        ({3: "06013"}, "the main county is none of the agency's counties"),
    ],
)
def test_a_curated_main_county_must_fit_the_fbi_list(raw, change, complaint):
    row = list(rawfixtures.MAIN_COUNTIES[0])
    for position, value in change.items():
        row[position] = value
    counties, *_ = build_counties(raw)
    index = CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))
    with pytest.raises(RawDataError, match=complaint):
        build_agencies(raw, index, rawfixtures.main_county_file(raw, rows=[tuple(row)]))


def test_agreements_are_cleaned_typed_and_placed(raw):
    *_, agreements = built(raw)
    rows = agreements.set_index("agency")
    sheriff = rows.loc["Santa Clara County Sheriff's Office"]
    assert (sheriff["model"], sheriff["agency_type"], sheriff["county_fips"]) == (
        "jail_enforcement",
        "sheriff",
        "06085",
    )
    assert sheriff["moa_url"].startswith("https://example.org/moa/")
    assert sheriff["signed"] == "2025-01-02" and sheriff["source_date"] == "2026-05-18"
    assert (
        rows.loc["Oakland Police Department", "county_fips"],
        rows.loc["Oakland Police Department", "placed_by"],
    ) == ("06001", "fbi_agency_list")
    assert rows.loc["Richmond County Sheriff's Office", "county_fips"] == "51159"
    assert rows.loc["Richmond County Sheriff's Office", "placed_by"] == "county_name_fixed"
    assert rows.loc["California Highway Patrol", "placed_by"] == "statewide"
    assert pd.isna(rows.loc["California Highway Patrol", "county_fips"])
    assert rows.loc["Guam Police Department", "placed_by"] == "territory_not_mapped"
    assert rows.loc["Nowhere Township Constable", "placed_by"] == "unmatched"
    assert rows.loc["Alameda County Sheriff's Office", "status"] == "pending"


@pytest.mark.parametrize("later_listed_first", [True, False])
def test_agreements_come_from_the_sheet_with_the_latest_date(raw, later_listed_first):
    """Two participating sheets in sources.yaml: the build reads the one of the latest `as_of`, wherever its entry
    stands, and dates its rows with that day."""
    later = {
        "series": "ice_287g_participating",
        "as_of": "2026-06-01",
        "files": ["287g/ice_287g_participatingAgencies_2026-06-01.xlsx"],
    }
    rawfixtures.write_sheet(raw / later["files"][0], rawfixtures.SHEET_HEADER, rawfixtures.PARTICIPATING[:2])
    sheets = [later, *rawfixtures.CURRENT_SHEETS] if later_listed_first else [*rawfixtures.CURRENT_SHEETS, later]
    counties, _, _ = build_counties(raw)
    index = CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))
    agreements = build_agreements(
        raw, index, build_agencies(raw, index, rawfixtures.main_county_file(raw)), rawfixtures.registry(raw, sheets)
    )
    participating = agreements[agreements["status"] == "participating"]
    assert sorted(participating["agency"]) == sorted(row[1].strip() for row in rawfixtures.PARTICIPATING[:2])
    assert set(participating["source_date"]) == {"2026-06-01"}
    assert set(participating["source_file"]) == {"ice_287g_participatingAgencies_2026-06-01.xlsx"}


def test_moa_links_are_kept_only_when_they_are_web_addresses(raw):
    """An MOA hyperlink is text from ICE's file: anything but an http(s) address becomes no link at all."""
    openpyxl = pytest.importorskip("openpyxl")
    path = raw / rawfixtures.PARTICIPATING_FILE
    targets = {
        "Santa Clara County Sheriff's Office": "javascript:alert(1)",
        "Oakland Police Department": "HTTPS://www.ice.gov/doclib/287gMOA/oakland.pdf",
        "California Highway Patrol": "file:///etc/passwd",
        "Richmond County Sheriff's Office": "http://www.ice.gov/doclib/287gMOA/richmond.pdf",
    }
    book = openpyxl.load_workbook(path)
    moa = rawfixtures.SHEET_HEADER.index("MOA") + 1
    for number, row in enumerate(rawfixtures.PARTICIPATING, start=2):
        if row[1].strip() in targets:
            book.active.cell(row=number, column=moa).hyperlink = targets[row[1].strip()]
    book.save(path)
    assert openpyxl.load_workbook(path).active.cell(row=2, column=moa).hyperlink.target == "javascript:alert(1)"

    moa_urls = built(raw)[-1].set_index("agency")["moa_url"]

    assert pd.isna(moa_urls["Santa Clara County Sheriff's Office"])
    assert pd.isna(moa_urls["California Highway Patrol"])
    assert moa_urls["Oakland Police Department"] == targets["Oakland Police Department"]
    assert moa_urls["Richmond County Sheriff's Office"] == targets["Richmond County Sheriff's Office"]


@pytest.mark.parametrize(
    ("agency", "ice_type", "expected"),
    [
        ("Harris County Sheriff's Office", "County", "sheriff"),
        ("Hudson County Department of Corrections", "County", "county_jail"),
        ("Prince William County Police Department", "County", "other"),
        ("Mesa Police Department", "Municipality", "municipal"),
        # ICE's sheet types two sheriffs "Municipality"; they are sheriffs all the same
        ("Washington County Sheriff's Office", "Municipality", "sheriff"),
        ("Cambria County Prison", "County", "county_jail"),
        ("Okmulgee County Criminal Justice Authority", "County", "county_jail"),
        ("Okmulgee County District Attorney's Office", "County", "other"),
        ("Florida Highway Patrol", "State Agency", "state"),
    ],
)
def test_agency_type(agency, ice_type, expected):
    assert agency_type(agency, ice_type) == expected


def test_unknown_model_names_file_row_and_column(raw):
    rows = list(rawfixtures.PARTICIPATING)
    rows[2] = rows[2][:4] + ("Hotel Model",) + rows[2][5:]
    path = rawfixtures.write_sheet(raw / rawfixtures.PARTICIPATING_FILE, rawfixtures.SHEET_HEADER, rows)
    with pytest.raises(RawDataError) as error:
        built(raw)
    assert (error.value.file, error.value.row, error.value.column) == (str(path), 4, "SUPPORT TYPE")


def test_renamed_column_is_named(raw):
    header = [name if name != "SUPPORT TYPE" else "MODEL" for name in rawfixtures.SHEET_HEADER]
    rawfixtures.write_sheet(raw / rawfixtures.PARTICIPATING_FILE, header, rawfixtures.PARTICIPATING)
    with pytest.raises(RawDataError, match="SUPPORT TYPE"):
        built(raw)


def test_bad_date_names_row(raw):
    rows = list(rawfixtures.PARTICIPATING)
    rows[0] = rows[0][:5] + ("not a date",)
    rawfixtures.write_sheet(raw / rawfixtures.PARTICIPATING_FILE, rawfixtures.SHEET_HEADER, rows)
    with pytest.raises(RawDataError, match="row 2, column 'SIGNED'"):
        built(raw)


def test_missing_file_is_named(raw):
    (raw / "agencies/fbi_cde_lee_2025_agencies_by_ori.csv").unlink()
    with pytest.raises(RawDataError, match="fbi_cde_lee_2025_agencies_by_ori.csv: file is missing"):
        built(raw)


def test_duplicate_fbi_key_is_rejected(raw):
    rawfixtures.write_csv(
        raw / "agencies/fbi_cde_lee_2025_agencies_by_ori.csv",
        rawfixtures.FBI_HEADER,
        rawfixtures.FBI + [rawfixtures.FBI[0]],
    )
    with pytest.raises(RawDataError, match="column 'ori'"):
        built(raw)


def test_wrong_encoding_is_named(raw):
    path = raw / "geo/uwchr_county_aor_population.csv"
    path.write_bytes("geoid,name,estimate,aor\n06001,caf\xe9,1,SFR\n".encode("latin-1"))
    with pytest.raises(RawDataError, match="not valid utf-8"):
        built(raw)


def test_empty_sheet_is_named(raw):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.save(raw / rawfixtures.PENDING_FILE)
    with pytest.raises(RawDataError, match="pendingAgencies.*empty"):
        built(raw)
