"""ICE detention per county, on small raw files written here (shaped like the real ones)."""

import csv
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as arrow
import pyarrow.parquet as parquet
import pytest

from lib import datasets
from lib.build import detention
from lib.build.errors import RawDataError
from lib.build.geography import build_counties
from lib.countynames import CountyIndex
from tests.build import rawfixtures

# Fixture counties (tests/build/rawfixtures.py): Alameda 06001 at x -1..0, Santa Clara 06085 at x 0..1,
# Richmond city 51760 at x 10..11, Richmond County 51159 at x 12..13; all at y 0..1.
STATS_HEADER = [
    "Name",
    "Address",
    "City",
    "State",
    "Zip",
    "AOR",
    "Type Detailed",
    "Level A",
    "Level B",
    "Level C",
    "Level D",
    "Male Crim",
    "Guaranteed Minimum",
]
CDF = ("ALAMEDA CONTRACT DETENTION FACILITY", "1 CDF WAY", "OAKLAND", "CA", 94601, "SFR", "CDF", 100, 20, 10, 5, 3, 640)
COUNTY_JAIL = (
    "SANTA CLARA COUNTY MAIN JAIL",
    "150 W HEDDING ST",
    "SAN JOSE",
    "CA",
    95110,
    "SFR",
    "IGSA",
    1,
    2,
    3,
    4,
    2,
    None,
)
CITY_JAIL = (
    "RICHMOND CITY JAIL",
    "1701 FAIRFIELD WAY",
    "RICHMOND",
    "VA",
    23223,
    "WAS",
    "USMS IGA",
    1,
    1,
    1,
    1,
    0,
    "N/A",
)
PROCESSING = ("OAKLAND PROCESSING CENTER", "9 PORT RD", "OAKLAND", "CA", 94607, "SFR", "DIGSA", 50, 0, 0, 0, 0, 500)
STAGING = ("SAN JOSE STAGING", "40 AIRPORT BLVD", "SAN JOSE", "CA", 95110, "SFR", "STAGING", 2, 0, 0, 0, 0, None)
UNKNOWN = ("NOWHERE DETENTION CENTER", "5 MAIN ST", "NOWHERE", "CA", 90000, "LOS", "USMS IGA", 3, 0, 0, 0, 0, None)
STATS_ROWS = {"FY25": [CDF, COUNTY_JAIL, CITY_JAIL], "FY26": [CDF, COUNTY_JAIL, PROCESSING, STAGING, UNKNOWN]}

UWCHR_HEADER = ["detloc", "name", "address", "city", "county", "state", "zip", "type", "type_detailed"]
UWCHR = [
    ("ALCDFCA", "ALAMEDA CDF", "1 CDF WAY", "OAKLAND", "ALAMEDA", "CA", "94601", "CDF", "CDF"),
    (
        "SCCJLCA",
        "SANTA CLARA COUNTY MAIN JAIL",
        "150 W HEDDING ST",
        "SAN JOSE",
        "SANTA CLARA",
        "CA",
        "95110",
        "IGSA",
        "IGSA",
    ),
    (
        "RICHCVA",
        "RICHMOND CITY JAIL",
        "1701 FAIRFIELD WAY",
        "RICHMOND",
        "RICHMOND CITY",
        "VA",
        "23223",
        "USMS IGA",
        "USMS IGA",
    ),
    ("SJSHOLD", "SAN JOSE HOLD ROOM", "2 FIRST ST", "SAN JOSE", "SANTA CLARA", "CA", "95113", "Other", "HOLD"),
    ("ALJAICA", "ALAMEDA COUNTY JAIL", "NA", "OAKLAND", "ALAMEDA", "CA", "94612", "IGSA", "IGSA"),
    (
        "VMCHOCA",
        "VALLEY MEDICAL CENTER",
        "751 S BASCOM AVE",
        "SAN JOSE",
        "SANTA CLARA",
        "CA",
        "95128",
        "Other",
        "HOSPITAL",
    ),
]
LISTING_HEADER = [
    "DETLOC",
    "Name",
    "Address",
    "City",
    "County",
    "State",
    "Zip",
    "Type",
    "Type Detailed",
    "Facility Operator",
    "Facility Owner",
    "Per Diem Rate Detailed",
]
LISTING = [
    (
        "ALCDFCA",
        "ALAMEDA CDF",
        "1 CDF WAY",
        "OAKLAND",
        "ALAMEDA",
        "CA",
        94601,
        "CDF",
        "CDF",
        "GEO",
        "PRIVATE",
        "640 (GM); $141.66 (1-640), $96.43 (641+)",
    ),
    (
        "RICHCVA",
        "RICHMOND CITY JAIL",
        "1701 FAIRFIELD WAY",
        "RICHMOND",
        "RICHMOND CITY",
        "VA",
        23223,
        "USMS IGA",
        "USMS IGA",
        "CITY",
        "CITY",
        119.3,
    ),
    (
        "SCCJLCA",
        "SANTA CLARA COUNTY MAIN JAIL",
        "150 W HEDDING ST",
        "SAN JOSE",
        "SANTA CLARA",
        "CA",
        95110,
        "IGSA",
        "IGSA",
        "COUNTY (SHERIFF)",
        "COUNTY",
        "$91.03 (1-850),  $18.72 (851-1000)",
    ),
]
ROSTER_HEADER = [
    "canonical_id",
    "canonical_name",
    "detloc",
    "facility_address",
    "facility_city",
    "facility_state",
    "facility_zip",
    "facility_type_detailed",
    "type_detailed_corrected",
]
ROSTER = [
    ("7", "Oakland Processing Center", "OAKPCCA", "9 Port Road", "Oakland", "CA", "94607", "DIGSA", "DIGSA"),
    ("8", "Richmond City Jail", "RICHCVA", "1701 Fairfield Way", "Richmond", "VA", "23223", "USMS IGA", "USMS IGA"),
]
GEOCODED = [("7", "0.5", "-0.5"), ("8", "0.5", "10.5")]
CONTRACTORS = [("Alameda Contract Detention Facility", "Oakland, CA", "GEO Group")]
# Midnight counts on three days at the end of FY24 and three at the start of FY25.
DDP_COUNTS = {
    "SCCJLCA": ("SANTA CLARA CO MAIN JAIL", [2, 2, 2, 5, 5, 5]),
    "SJSHOLD": ("SAN JOSE HOLD ROOM", [9, 9, 9, 9, 9, 9]),
    "ALJAICA": ("ALAMEDA COUNTY JAIL", [0, 0, 0, 1, 0, 0]),
    "VMCHOCA": ("VALLEY MEDICAL CENTER", [1, 1, 1, 1, 1, 1]),
}
DDP_DAYS = [date(2024, 9, 28) + timedelta(days=n) for n in range(6)]


def write_stats_workbook(path: Path, fiscal_year: str, rows: list[tuple], header: list[str] = STATS_HEADER) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = f"Facilities {fiscal_year}"
    title = [
        ["ICE FACILITIES DATA"],
        [],
        [],
        [],
        ["Data Source: ICE Integrated Decision Support (IIDS), 09/15/2025"],
        ["Facility Information"],
    ]
    for line in title:
        sheet.append(line)
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    sheet.append([])
    sheet.append(["[1] A footnote under the table"])
    book.save(path)


def write_listing(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Facility List - Main")
    title = [
        ["ERO Custody Management Division"],
        ["Authorized DMCP Facilities"],
        ["FY2016 data: IIDS as of 12/08/2015"],
        [],
        [],
        ["Facility Information"],
    ]
    for line in title:
        sheet.append(line)
    sheet.append(LISTING_HEADER)
    for row in LISTING:
        sheet.append(list(row))
    book.save(path)


def write_ddp(path: Path, counts: dict = DDP_COUNTS, drop: str | None = None) -> None:
    rows = [
        (code, day, count, count, count, name)
        for code, (name, series) in counts.items()
        for day, count in zip(DDP_DAYS, series)
    ]
    columns = {
        "detention_facility_code": arrow.array([r[0] for r in rows]),
        "date": arrow.array([r[1] for r in rows], type=arrow.date32()),
        "n_detained": arrow.array([r[2] for r in rows], type=arrow.int32()),
        "n_detained_at_midnight": arrow.array([r[3] for r in rows], type=arrow.int32()),
        "n_detained_female": arrow.array([r[4] for r in rows], type=arrow.int32()),
        "detention_facility": arrow.array([r[5] for r in rows]),
    }
    columns.pop(drop, None)
    parquet.write_table(arrow.table(columns), path)


def write_detention_files(root: Path) -> Path:
    folder = root / "detention"
    folder.mkdir(parents=True, exist_ok=True)
    for workbook in detention.STATS_WORKBOOKS:
        write_stats_workbook(root / workbook.path, workbook.fiscal_year, STATS_ROWS.get(workbook.fiscal_year, [CDF]))
    write_listing(root / detention.LISTING_2015_FILE)
    with (root / detention.UWCHR_FILE).open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter="|").writerows([UWCHR_HEADER, *UWCHR])
    rawfixtures.write_csv(root / detention.ROSTER_FILE, ROSTER_HEADER, ROSTER)
    rawfixtures.write_csv(root / detention.GEOCODED_FILE, ["canonical_id", "lat", "lon"], GEOCODED)
    rawfixtures.write_csv(root / detention.CONTRACTORS_FILE, ["Facility Name", "Location", "Management"], CONTRACTORS)
    write_ddp(root / detention.DDP_FILE)
    return root


@pytest.fixture()
def raw(tmp_path):
    return write_detention_files(rawfixtures.write_raw_folder(tmp_path / "raw"))


def county_index(raw: Path) -> CountyIndex:
    counties, _, _ = build_counties(raw)
    return CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))


def built(raw: Path):
    facilities, population, report = detention.build_detention(raw, county_index(raw))
    datasets.DETENTION_FACILITIES.schema.validate(facilities)
    datasets.DETENTION_POPULATION.schema.validate(population)
    return facilities.set_index("facility_id"), population, report


@pytest.mark.parametrize(
    ("text", "rate", "status"),
    [
        ("119.3", 119.3, "single rate"),
        ("$85.00", 85.0, "single rate"),
        ("640 (GM); $141.66 (1-640), $96.43 (641+)", None, "rate unknown"),
        ("640 (GM)", None, "rate unknown"),
        ("$91.03 (1-850),  $18.72 (851-1000)", None, "rate unknown"),
        ("$70.00  Adult $145.00 Juvenile", None, "rate unknown"),
        ("$1,900,620 (flat fee); + $7.21 per diem", None, "rate unknown"),
        ("B4", None, "rate unknown"),
        (None, None, "not in 2015 listing"),
    ],
)
def test_only_a_lone_dollar_amount_is_a_per_diem_rate(text, rate, status):
    assert detention.parse_per_diem(text) == (rate, status)


def test_per_diem_comes_from_2015_as_text_and_guaranteed_minimum_is_never_a_rate(raw):
    facilities, *_ = built(raw)
    cdf = facilities.loc["ALCDFCA"]
    assert cdf["per_diem_2015_text"] == "640 (GM); $141.66 (1-640), $96.43 (641+)"
    assert pd.isna(cdf["per_diem_2015_rate"]) and cdf["per_diem_status"] == "rate unknown"
    assert cdf["guaranteed_minimum"] == 640 and cdf["guaranteed_minimum_fy"] == "FY26"
    city_jail = facilities.loc["RICHCVA"]
    assert (city_jail["per_diem_2015_text"], city_jail["per_diem_2015_rate"]) == ("119.3", 119.3)
    assert city_jail["per_diem_as_of_label"] == "as of 2015"
    assert facilities.loc["OAKPCCA", "per_diem_status"] == "not in 2015 listing"
    assert pd.isna(facilities.loc["OAKPCCA", "per_diem_as_of_label"])


@pytest.mark.parametrize(
    ("type_detailed", "name", "runner", "expected"),
    [
        ("IGSA", "SANTA CLARA COUNTY JAIL", "county", "county_jail_igsa"),
        ("DIGSA", "BERKS COUNTY JAIL", "county", "county_jail_igsa"),
        ("IGSA", "ABERDEEN CITY JAIL", "city", "other"),
        ("DIGSA", "ADAMS COUNTY DETENTION CENTER", "private", "private_contract"),
        ("DIGSA", "ADAMS COUNTY DETENTION CENTER", "unknown", "other"),
        ("USMS IGA", "BOONE COUNTY JAIL", "county", "usms_iga"),
        ("USMS IGA", "KARNES COUNTY CORRECTIONAL CENTER", "private", "private_contract"),
        ("CDF", "OTAY MESA DETENTION CENTER", "private", "private_contract"),
        ("USMS CDF", "RIO GRANDE DETENTION CENTER", "private", "private_contract"),
        ("BOP", "FCI ATLANTA", "federal", "federal"),
        ("SPC", "KROME NORTH SERVICE PROCESSING CENTER", "federal", "federal"),
        ("STAGING", "ALEXANDRIA STAGING FACILITY", "private", "hold_room"),
        ("IGSA", "ATLANTA DISTRICT HOLD ROOM", "unknown", "hold_room"),
        ("JUVENILE", "ABRAXAS ACADEMY", "unknown", "other"),
        (None, "SOMEWHERE", "unknown", "other"),
    ],
)
def test_contract_types_are_normalized(type_detailed, name, runner, expected):
    assert detention.contract_type(type_detailed, name, runner) == expected


@pytest.mark.parametrize(
    ("type_detailed", "name", "state", "contractor", "operator", "expected"),
    [
        ("SPC", "PORT ISABEL SPC", "TX", None, "AKAL (GUARD)", ("federal", "facility type")),
        ("DIGSA", "STEWART DETENTION CENTER", "GA", "CoreCivic", None, ("private", "contractors list (CarwilB)")),
        (
            "USMS IGA",
            "IRWIN COUNTY DETENTION CENTER",
            "GA",
            None,
            "LASALLE CORRECTIONS",
            ("private", "2015 ICE listing operator"),
        ),
        ("IGSA", "ALBANY COUNTY JAIL", "NY", None, "COUNTY (SHERIFF)", ("county", "2015 ICE listing operator")),
        ("IGSA", "ALAMANCE COUNTY DETENTION FACILITY", "NC", None, None, ("county", "facility name (presumed)")),
        ("IGSA", "AURORA CITY JAIL", "CO", None, None, ("city", "facility name (presumed)")),
        # A dedicated IGSA named after its county is usually a private centre: its name proves nothing.
        ("DIGSA", "ADAMS COUNTY DETENTION CENTER", "MS", None, None, ("unknown", "no evidence")),
        ("DIGSA", "WEBB COUNTY DETENTION CENTER (CCA)", "TX", None, None, ("private", "facility name")),
        ("CDF", "DENVER CONTRACT DETENTION FACILITY", "CO", None, None, ("private", "facility type")),
        (
            "USMS IGA",
            "NORTHWEST STATE CORRECTIONAL CENTER",
            "VT",
            None,
            "COUNTY (CORRECTIONS)",
            ("state", "VT runs all its jails"),
        ),
    ],
)
def test_who_runs_a_facility_and_on_what_evidence(type_detailed, name, state, contractor, operator, expected):
    assert detention.run_by(type_detailed, name, state, contractor, operator) == expected


def test_statistics_rows_are_matched_to_facility_codes(raw):
    facilities, population, report = built(raw)
    # By name, by street address (ICE's name differs from the lists'), by CarwilB's roster name.
    assert {"SCCJLCA", "ALCDFCA", "OAKPCCA", "RICHCVA"} <= set(facilities.index)
    assert facilities.loc["ALCDFCA", "name"] == "ALAMEDA CONTRACT DETENTION FACILITY"
    assert report["ice_stats_rows_by_match"]["address"] == 8
    # A facility no list knows keeps a stable id made of its state and name.
    assert facilities.loc["CA-NOWHERE-DETENTION-CENTER", "placed_by"] == "unplaced"
    assert pd.isna(facilities.loc["CA-NOWHERE-DETENTION-CENTER", "detloc"])
    assert [row["facility_id"] for row in report["ice_stats_facilities_without_code"]] == [
        "CA-NOWHERE-DETENTION-CENTER",
        "CA-SAN-JOSE-STAGING",
    ]


def test_contract_type_run_by_and_operator_per_facility(raw):
    facilities, *_ = built(raw)
    rows = facilities[["contract_type", "run_by", "run_by_basis", "operator"]]
    assert tuple(rows.loc["SCCJLCA"]) == ("county_jail_igsa", "county", "2015 ICE listing operator", "COUNTY (SHERIFF)")
    assert tuple(rows.loc["ALCDFCA"]) == ("private_contract", "private", "contractors list (CarwilB)", "GEO Group")
    assert tuple(rows.loc["RICHCVA"]) == ("usms_iga", "city", "2015 ICE listing operator", "CITY")
    assert tuple(rows.loc["OAKPCCA", ["contract_type", "run_by"]]) == ("other", "unknown")
    assert facilities.loc["OAKPCCA", "type_detailed"] == "DIGSA"  # the raw text is kept
    assert facilities.loc["CA-SAN-JOSE-STAGING", "contract_type"] == "hold_room"
    assert (facilities["basis"] == "contract").all() and (facilities["review_status"] == "draft").all()


def test_counties_from_the_name_the_lists_and_the_geocoded_address(raw):
    facilities, *_ = built(raw)
    placed = facilities[["county_fips", "placed_by"]]
    assert tuple(placed.loc["SCCJLCA"]) == ("06085", "facility_name")
    assert tuple(placed.loc["ALCDFCA"]) == ("06001", "ice_facility_list")
    assert tuple(placed.loc["OAKPCCA"]) == ("06001", "geocoded_point")
    # ICE's county "RICHMOND CITY" and the geocoded address agree on the independent city, not the county.
    assert tuple(placed.loc["RICHCVA"]) == ("51760", "ice_facility_list_and_geocode")
    assert facilities["county_fips"].dropna().str.fullmatch(r"\d{5}").all()


def test_deportation_data_project_fills_only_real_detention_missing_from_ice(raw):
    facilities, population, _ = built(raw)
    ddp = population[population["source"] == "ddp_daily_population"]
    # Santa Clara's jail is on ICE's FY25 list (ICE's figure stands) but not on an FY24 one (counts fill in);
    # the Alameda jail held someone overnight only in FY25; hold rooms and hospitals never count.
    assert sorted(zip(ddp["facility_id"], ddp["fiscal_year"], ddp["adp"])) == [
        ("ALJAICA", "FY25", 0.3),
        ("SCCJLCA", "FY24", 2.0),
    ]
    assert set(ddp["source_date"]) == {"2024-10-03"}
    assert "SJSHOLD" not in facilities.index and "VMCHOCA" not in facilities.index
    alameda_jail = facilities.loc["ALJAICA"]
    assert (alameda_jail["county_fips"], alameda_jail["placed_by"]) == ("06001", "facility_name")
    assert detention.DDP_FILE.name in alameda_jail["source_files"].split(";")


def test_ice_adp_is_the_sum_of_classification_levels_and_no_breakdown_is_published(raw):
    _, population, _ = built(raw)
    ice = population[population["source"] == "ice_detention_stats"].set_index(["facility_id", "fiscal_year"])
    assert ice.loc[("SCCJLCA", "FY25"), "adp"] == 10.0
    assert ice.loc[("ALCDFCA", "FY19"), "adp"] == 135.0
    assert ice.loc[("ALCDFCA", "FY19"), "source_date"] == "2025-09-15"
    assert list(population.columns) == ["facility_id", "fiscal_year", "adp", "source", "source_date"]


def test_same_inputs_give_the_same_files(raw):
    first_facilities, first_population, first_report = detention.build_detention(raw, county_index(raw))
    again_facilities, again_population, again_report = detention.build_detention(raw, county_index(raw))
    assert first_facilities.to_csv(index=False) == again_facilities.to_csv(index=False)
    assert first_population.to_csv(index=False) == again_population.to_csv(index=False)
    assert first_report == again_report


def test_renamed_column_in_ice_statistics_names_file_and_column(raw):
    workbook = raw / detention.STATS_WORKBOOKS[-2].path
    renamed = [("Type" if column == "Type Detailed" else column) for column in STATS_HEADER]
    write_stats_workbook(workbook, "FY25", STATS_ROWS["FY25"], header=renamed)
    with pytest.raises(RawDataError, match="Type Detailed") as error:
        detention.build_detention(raw, county_index(raw))
    assert error.value.file.endswith("ice_FY25_detentionStats09242025.xlsx")
    assert error.value.column == "Type Detailed"


def test_text_in_a_number_column_names_file_row_and_column(raw):
    broken = (*COUNTY_JAIL[:7], "lots", *COUNTY_JAIL[8:])
    write_stats_workbook(raw / detention.STATS_WORKBOOKS[-1].path, "FY26", [CDF, broken])
    with pytest.raises(RawDataError) as error:
        detention.build_detention(raw, county_index(raw))
    assert error.value.file.endswith("ice_FY26_detentionStats_04092026.xlsx")
    assert (error.value.row, error.value.column) == (9, "Level A")  # header on row 7, the jail on row 9


def test_missing_column_in_a_list_or_the_daily_counts_names_file_and_column(raw):
    write_ddp(raw / detention.DDP_FILE, drop="n_detained_at_midnight")
    with pytest.raises(RawDataError, match="n_detained_at_midnight") as error:
        detention.build_detention(raw, county_index(raw))
    assert error.value.file.endswith(detention.DDP_FILE.name)

    write_ddp(raw / detention.DDP_FILE)
    rawfixtures.write_csv(raw / detention.CONTRACTORS_FILE, ["Facility", "Location", "Management"], CONTRACTORS)
    with pytest.raises(RawDataError, match="'Facility Name' is missing") as error:
        detention.build_detention(raw, county_index(raw))
    assert error.value.file.endswith(detention.CONTRACTORS_FILE.name)
