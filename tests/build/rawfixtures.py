"""Small raw files, written by the tests, shaped like the real ones (and easy to break on purpose)."""

import csv
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import yaml

from lib.paths import SOURCES_FILE
from lib.sources import Registry, load_registry

# Two Californian counties sharing an edge, Virginia's two Richmonds, and Falls Church with no shape.
TOPOLOGY = {
    "type": "Topology",
    "arcs": [
        [[0, 0], [0, 1]],
        [[0, 1], [-1, 1], [-1, 0], [0, 0]],
        [[0, 0], [1, 0], [1, 1], [0, 1]],
        [[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]],
        [[12, 0], [13, 0], [13, 1], [12, 1], [12, 0]],
    ],
    "objects": {
        "counties": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[1, 0]], "id": "06001", "properties": {"name": "Alameda"}},
                {"type": "Polygon", "arcs": [[2, -1]], "id": "06085", "properties": {"name": "Santa Clara"}},
                {"type": "Polygon", "arcs": [[3]], "id": "51760", "properties": {"name": "Richmond"}},
                {"type": "Polygon", "arcs": [[4]], "id": "51159", "properties": {"name": "Richmond"}},
                {"type": "Polygon", "arcs": [], "id": "51610", "properties": {"name": "Falls Church"}},
            ],
        }
    },
}
POPULATION = [
    ("06001", "alameda county, california", "1643700", "SFR"),
    ("06085", "santa clara county, california", "1922200", "SFR"),
    ("51760", "richmond city, virginia", "223787", "WAS"),
    ("51159", "richmond county, virginia", "8878", "WAS"),
    ("51610", "falls church city, virginia", "14067", "WAS"),
]
FBI = [
    ("CA0010100", "2025", "Oakland", "CA", "ALAMEDA", "City", "430000"),
    ("CA0430100", "2025", "San Jose", "CA", "SANTA CLARA", "City", "970000"),
    ("CA0430200", "2025", "Milpitas", "CA", "SANTA CLARA, ALAMEDA", "City", "80000"),
    # made up: a big city the FBI lists first in the county where fewer of its people live
    ("CA0019900", "2025", "Twocounty", "CA", "ALAMEDA, SANTA CLARA", "City", "150000"),
    ("VA1220000", "2025", "Richmond", "VA", "RICHMOND CITY", "City", "230000"),
    ("CT0000100", "2025", "Hartford", "CT", "CAPITOL PLANNING REGION", "City", ""),
]
FBI_HEADER = ["ori", "data_year", "pub_agency_name", "state_abbr", "county_name", "agency_type_name", "population"]
MAIN_COUNTY_HEADER = [
    "ori",
    "agency",
    "state_abbr",
    "main_county_fips",
    "main_county_name",
    "all_county_fips",
    "quote",
    "source_url",
    "source_title",
    "read_on",
    "note",
]
# Made-up counts, in the shape of the Geocorr rows the project's table quotes.
MAIN_COUNTIES = [
    (
        "CA0019900",
        "Twocounty",
        "CA",
        "06085",
        "Santa Clara County",
        "06001;06085",
        '"06085","06","99999","CA","Santa Clara CA","Twocounty city, CA",100000,0.6667,0.05 / '
        '"06001","06","99999","CA","Alameda CA","Twocounty city, CA",50000,0.3333,0.03',
        "https://example.org/geocorr2022.csv",
        "fixture crosswalk",
        "2026-12-02",
        "made up",
    )
]
SHEET_HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]
PARTICIPATING = [
    (
        "CALIFORNIA",
        "Santa Clara County Sheriff's Office ",
        "County ",
        "Santa Clara County",
        "Jail Enforcement Model ",
        datetime(2025, 1, 2),
    ),
    ("CALIFORNIA", "Oakland Police Department", "Municipality", None, "Task Force Model", datetime(2025, 3, 4)),
    ("CALIFORNIA", "California Highway Patrol", "State Agency", None, "Task Force Model", datetime(2025, 5, 6)),
    (
        "VIRGINIA",
        "Richmond County Sheriff's Office",
        "County",
        "Richmnd County",
        "Warrant Service Officer",
        datetime(2024, 7, 8),
    ),
    ("VIRGINIA", "Nowhere Township Constable", "Municipality", "#N/A", "Task Force Model", datetime(2024, 9, 10)),
    ("GUAM", "Guam Police Department", "State Agency", None, "Task Force Model", datetime(2024, 1, 1)),
]
PENDING = [("CALIFORNIA", "Alameda County Sheriff's Office", "County", "Alameda County", "Task Force Model", None)]
FIXES = [("Virginia", "Richmnd County", "Richmond County")]
PARTICIPATING_FILE = Path("287g/ice_287g_participatingAgencies_2026-05-18.xlsx")
PENDING_FILE = Path("287g/ice_287g_pendingAgencies_2026-02-27.xlsx")
# The sheets write_raw_folder writes, as entries of sources.yaml.
CURRENT_SHEETS = [
    {"series": "ice_287g_participating", "as_of": "2026-05-18", "files": [PARTICIPATING_FILE.as_posix()]},
    {"series": "ice_287g_pending", "as_of": "2026-02-27", "files": [PENDING_FILE.as_posix()]},
]


def write_csv(path: Path, header: list[str], rows: list[tuple]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_sheet(path: Path, header: list[str], rows: list[tuple]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for number, row in enumerate(rows, start=2):
        sheet.append(list(row) + ["link"])
        sheet.cell(row=number, column=header.index("MOA") + 1).hyperlink = f"https://example.org/moa/{number}.pdf"
    book.save(path)
    return path


def write_raw_folder(root: Path) -> Path:
    (root / "geo").mkdir(parents=True, exist_ok=True)
    (root / "geo/us-atlas-3.0.1_counties-10m.topojson.json").write_text(json.dumps(TOPOLOGY))
    (root / "geo/us-atlas-3.0.1_LICENSE.txt").write_text("Copyright fixture\n")
    write_csv(root / "geo/uwchr_county_aor_population.csv", ["geoid", "name", "estimate", "aor"], POPULATION)
    write_csv(
        root / "agencies/fbi_cde_lee_2025_agencies_by_ori.csv",
        FBI_HEADER,
        FBI,
    )
    write_sheet(root / PARTICIPATING_FILE, SHEET_HEADER, PARTICIPATING)
    write_sheet(root / PENDING_FILE, SHEET_HEADER, PENDING)
    write_csv(root / "287g/deportationdata_county-name-fixes.csv", ["state", "county", "county_fixed"], FIXES)
    return root


def main_county_file(raw: Path, rows: list[tuple] = MAIN_COUNTIES) -> Path:
    """A curated main-county table (as curation/agency_main_county.csv) for the fixture's agencies, beside the raw
    folder."""
    return write_csv(raw.parent / "agency_main_county.csv", MAIN_COUNTY_HEADER, rows)


def write_registry(path: Path, sheets: list[dict] = CURRENT_SHEETS) -> Path:
    """A sources.yaml naming the fixture's sheets, with the project's limits and series (titles, pages and link
    patterns), so that the tests do not depend on the sheets the project has now."""
    project = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))
    document = {"update": project["update"], "series": project["series"], "sources": sheets}
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def registry(raw: Path, sheets: list[dict] = CURRENT_SHEETS) -> Registry:
    """The registry of these sheets, written beside the raw folder."""
    return load_registry(write_registry(raw.parent / "sources.yaml", sheets))


def with_cell(rows: list[tuple], row: int, column: str, value, header: list[str]) -> list[list]:
    """A copy of `rows` with one cell replaced: the way tests break a good file on purpose."""
    changed = [list(r) for r in rows]
    changed[row][header.index(column)] = value
    return changed
