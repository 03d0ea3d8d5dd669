"""ICE detention in each county: the facilities ICE uses, what kind of contract each is held under, who runs
it, the county it sits in, and its yearly average daily ICE population (ADP).

ICE's detention statistics name a facility by name, city and state only, so each row is matched to ICE's
facility code (DETLOC) through ICE's older facility lists (via UWCHR), the 2015 listing, CarwilB's roster
and the Deportation Data Project's facility names: by name, then by street address, then by a name ICE cut
short. Whether a facility is the county's own jail is what the map needs most: a private or federal
facility in a county is ICE detention in that county, not the county jail's practice. So every facility
says who runs it and on what evidence, and nothing here has been checked by a person.

Only total ADP is published: ICE's breakdowns (sex, criminality, threat level) and the Deportation Data
Project's (sex, age) can describe fewer than 10 people in a small jail, so none is kept.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
import pyarrow.parquet as parquet

from lib import states, vocab
from lib.build.errors import RawDataError
from lib.build.geography import read_atlas_layer
from lib.build.readers import read_csv, require_file, validate
from lib.countynames import CountyIndex

LISTING_2015_FILE = Path("detention/ice_2015IceDetentionFacilityListing.xlsx")
PER_DIEM_LABEL = "as of 2015"  # the listing's data are "IIDS as of 12/08/2015"
UWCHR_FILE = Path("detention/uwchr_facilities_pipe_delimited.psv")
ROSTER_FILE = Path("detention/carwilb_facility_roster.csv")
GEOCODED_FILE = Path("detention/carwilb_facilities-geocoded-all.csv")
CONTRACTORS_FILE = Path("detention/carwilb_contractors-patch-fy26.csv")
DDP_FILE = Path("detention/ddp_facilities-daily-population-latest.parquet")

REVIEW_STATUS = vocab.DRAFT  # compiled from source data; nobody has checked a row yet
BASIS = vocab.CONTRACT
MISSING_MARKERS = {"", "#N/A", "N/A", "NA", "-"}


@dataclass(frozen=True)
class StatsWorkbook:
    path: Path
    fiscal_year: str


STATS_WORKBOOKS = tuple(
    StatsWorkbook(Path(f"detention/{name}"), f"FY{name[6:8]}")
    for name in (
        "ice_FY19-detentionstats.xlsx",
        "ice_FY20-detentionstats.xlsx",
        "ice_FY21-detentionstats.xlsx",
        "ice_FY22-detentionStats.xlsx",
        "ice_FY23_detentionStats.xlsx",
        "ice_FY24_detentionStats.xlsx",
        "ice_FY25_detentionStats09242025.xlsx",
        "ice_FY26_detentionStats_04092026.xlsx",
    )
)
# ICE's classification levels A-D split every detained person once, so their sum is the facility's ADP.
LEVELS = ("Level A", "Level B", "Level C", "Level D")
STATS_COLUMNS = ("Name", "Address", "City", "State", "Zip", "Type Detailed", *LEVELS, "Guaranteed Minimum")
# The data pull date printed above the table, e.g. "Data Source: ICE Integrated Decision Support (IIDS), 09/15/2025".
_IIDS_DATE = re.compile(r"IIDS\)?,?\s*(\d{1,2})/(\d{1,2})/(\d{4})")

# ---------------------------------------------------------------------------------------------------------
# Raw schemas: only the columns the build relies on.

_number = pa.Column(float, nullable=True, coerce=True)
stats_schema = pa.DataFrameSchema(
    {
        "Name": pa.Column(str),
        "Address": pa.Column(str, nullable=True),
        "City": pa.Column(str),
        # FY26 lists Imperial Regional Detention Facility without a state; the match by name and city fills it.
        "State": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$"), nullable=True),
        "Zip": pa.Column(str, nullable=True),
        "Type Detailed": pa.Column(str),
        **{level: _number for level in LEVELS},
        "Guaranteed Minimum": _number,
    },
    strict=False,
)
listing_2015_schema = pa.DataFrameSchema(
    {
        "DETLOC": pa.Column(str, unique=True),
        "Name": pa.Column(str),
        "Address": pa.Column(str, nullable=True),
        "City": pa.Column(str, nullable=True),
        "County": pa.Column(str, nullable=True),
        "State": pa.Column(str),
        "Zip": pa.Column(str, nullable=True),
        "Type Detailed": pa.Column(str, nullable=True),
        "Facility Operator": pa.Column(str, nullable=True),
        "Per Diem Rate Detailed": pa.Column(str, nullable=True),
    },
    strict=False,
)
uwchr_schema = pa.DataFrameSchema(
    {
        "detloc": pa.Column(str, unique=True),
        "name": pa.Column(str),
        "address": pa.Column(str, nullable=True),
        "city": pa.Column(str, nullable=True),
        "county": pa.Column(str, nullable=True),
        "state": pa.Column(str, nullable=True),
        "zip": pa.Column(str, nullable=True),
        "type_detailed": pa.Column(str, nullable=True),
    },
    strict=False,
)
roster_schema = pa.DataFrameSchema(
    {
        "canonical_id": pa.Column(str, pa.Check.str_matches(r"^\d+$"), unique=True),
        "canonical_name": pa.Column(str),
        "detloc": pa.Column(str, nullable=True),
        "facility_address": pa.Column(str, nullable=True),
        "facility_city": pa.Column(str, nullable=True),
        "facility_state": pa.Column(str, nullable=True),
        "facility_zip": pa.Column(str, nullable=True),
        "facility_type_detailed": pa.Column(str, nullable=True),
        "type_detailed_corrected": pa.Column(str, nullable=True),
    },
    strict=False,
)
geocoded_schema = pa.DataFrameSchema(
    {
        "canonical_id": pa.Column(str, pa.Check.str_matches(r"^\d+$"), unique=True),
        "lat": pa.Column(float, pa.Check.in_range(-90, 90), nullable=True, coerce=True),
        "lon": pa.Column(float, pa.Check.in_range(-180, 180), nullable=True, coerce=True),
    },
    strict=False,
)
contractors_schema = pa.DataFrameSchema(
    {
        "Facility Name": pa.Column(str),
        "Location": pa.Column(str, pa.Check.str_matches(r"^.+, [A-Z]{2}$"), nullable=True),
        "Management": pa.Column(str),
    },
    strict=False,
)
ddp_schema = pa.DataFrameSchema(
    {
        "detention_facility_code": pa.Column(str),
        "date": pa.Column("datetime64[ns]"),
        "n_detained_at_midnight": pa.Column(int, pa.Check.ge(0), coerce=True),
        "detention_facility": pa.Column(str, nullable=True),
    },
    strict=False,
)
DDP_COLUMNS = list(ddp_schema.columns)

# ---------------------------------------------------------------------------------------------------------
# Facility types and who runs a facility.

HOLD_TYPES = {"STAGING", "FAMILY STAGING", "HOLD", "HOLD ROOM"}
FEDERAL_TYPES = {"BOP", "SPC", "DOD", "MOC"}
CONTRACT_DETENTION_TYPES = {"CDF", "USMS CDF"}
IGSA_TYPES = {"IGSA", "DIGSA"}
USMS_IGA = "USMS IGA"
# Types of real detention (a jail, prison or detention centre), and of places that are not, as ICE's lists
# and CarwilB's roster write them ("USMS CDF / USMS IGA" is read as both of its parts).
DETENTION_TYPES = (
    IGSA_TYPES
    | FEDERAL_TYPES
    | CONTRACT_DETENTION_TYPES
    | {USMS_IGA, "STATE", "FAMILY", "JUVENILE", "COUNTY_JAIL", "STATE_PRISON"}
)
NOT_DETENTION_TYPES = HOLD_TYPES | {
    "HOLD_ROOM",
    "ERO_HOLD",
    "ERO_OFFICE",
    "SUB_OFFICE",
    "CUSTODY_CASE",
    "COMMAND_CENTER",
    "HOSPITAL",
    "MEDICAL",
    "HEALTH",
    "HOTEL",
    "TRANSPORT",
    "AIRPORT",
    "POE",
    "BPS",
    "CBP",
    "USBP",
    "ORR",
    "MIRP",
    "POLICE_DEPT",
    "TAP-ICE",
}
_HOLD_NAME = re.compile(r"\b(HOLD|HOLDROOM|HOLDING|STAGING)\b")
_JAIL_NAME = re.compile(r"\b(JAIL|PRISON|DETENTION|CORRECTIONAL|JUSTICE CENTER|LAW ENFORCEMENT CENTER|SHERIFFS?)\b")

# The 2015 listing's "Facility Operator": county and city offices, or a company.
_PRIVATE_OPERATORS_2015 = {"GEO", "CCA", "CEC", "EMERALD", "M&TC", "ICA", "LASALLE CORRECTIONS"}
# Names that say the facility is a county's own jail (regional jails are run jointly by counties).
_COUNTY_JAIL_NAME = re.compile(r"\b(COUNTY|PARISH|SHERIFF|SHERIFFS|REGIONAL JAIL)\b")
_CITY_JAIL_NAME = re.compile(r"\bCITY (JAIL|DETENTION|POLICE)\b")
# A company named in the facility's own name ("WEBB COUNTY DETENTION CENTER (CCA)").
_COMPANY_IN_NAME = re.compile(r"\b(CCA|CORECIVIC|GEO|MTC)\b")
# States whose jails are all run by the state (combined jail and prison systems): no jail there is a county's.
STATE_RUN_JAILS = {"AK", "CT", "DE", "HI", "RI", "VT"}

# ---------------------------------------------------------------------------------------------------------
# Name and address keys for matching.

_NAME_WORDS = {
    "CO": "COUNTY",
    "CNTY": "COUNTY",
    "PAR": "PARISH",
    "DET": "DETENTION",
    "CTR": "CENTER",
    "CNTR": "CENTER",
    "CENTRE": "CENTER",
    "CORR": "CORRECTIONAL",
    "CORRECTION": "CORRECTIONAL",
    "CORRECTIONS": "CORRECTIONAL",
    "FAC": "FACILITY",
    "FACIL": "FACILITY",
    "PUB": "PUBLIC",
    "SFTY": "SAFETY",
    "CPLX": "COMPLEX",
    "REG": "REGIONAL",
    "DEPT": "DEPARTMENT",
    "INST": "INSTITUTION",
    "PROC": "PROCESSING",
    "FED": "FEDERAL",
    "ST": "SAINT",
    "FT": "FORT",
    "MT": "MOUNT",
    "AND": "&",
}
_ADDRESS_WORDS = {
    "ROAD": "RD",
    "STREET": "ST",
    "AVENUE": "AVE",
    "AV": "AVE",
    "DRIVE": "DR",
    "BOULEVARD": "BLVD",
    "HIGHWAY": "HWY",
    "PARKWAY": "PKWY",
    "LANE": "LN",
    "COURT": "CT",
    "PLACE": "PL",
    "EAST": "E",
    "WEST": "W",
    "NORTH": "N",
    "SOUTH": "S",
    "SOUTHWEST": "SW",
    "SOUTHEAST": "SE",
    "NORTHWEST": "NW",
    "NORTHEAST": "NE",
    "SUITE": "STE",
    "CIRCLE": "CIR",
    "TRAIL": "TRL",
}
# ICE cuts long names, in some years at 25 characters ("ALEXANDRIA STAGING FACILI"): a cut name of at least
# this length is matched as the start of a full one.
MIN_CUT_NAME = 20


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper()
    return re.sub(r"[^A-Z0-9&]+", " ", folded.replace(".", " ")).split()


def name_keys(name: str) -> tuple[str, ...]:
    """Match keys of a facility name: in full, then without its parenthesised parts ("(FL)", "(CCA)").

    A footnote mark ICE glues to a name ("KARNES COUNTY RESIDENTIAL CENTER2") is dropped."""
    text = re.sub(r"(?<=[A-Za-z])\d$", "", name.strip())
    keys = [" ".join(_NAME_WORDS.get(word, word) for word in _words(text))]
    without_brackets = re.sub(r"\([^)]*\)?", " ", text)
    keys.append(" ".join(_NAME_WORDS.get(word, word) for word in _words(without_brackets)))
    return tuple(dict.fromkeys(key for key in keys if key))


def address_key(address: str | None, zip_code: str | None) -> str | None:
    """'146 CCA Road', '31815' -> '146 CCA RD|31815'; None without a street number or a ZIP code."""
    if not isinstance(address, str) or not isinstance(zip_code, str):
        return None
    words = [_ADDRESS_WORDS.get(word, word) for word in _words(address)]
    zip5 = re.sub(r"\D", "", zip_code)[:5].zfill(5)
    if not words or not words[0][0].isdigit() or zip5 == "00000":
        return None
    return f"{' '.join(words)}|{zip5}"


def city_key(city: str | None) -> str:
    return " ".join(_NAME_WORDS.get(word, word) for word in _words(city)) if isinstance(city, str) else ""


# ---------------------------------------------------------------------------------------------------------
# Reading the raw files.


def _cell_text(value) -> str | None:
    """A spreadsheet cell as text: numbers without a trailing '.0', missing markers as None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return None if text.upper() in MISSING_MARKERS else text


def _sheet_rows(path: Path, sheet_name: str) -> list[tuple]:
    """Cell values of the first sheet whose name starts with `sheet_name` (ICE adds years and spaces)."""
    require_file(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken or non-xlsx file
        raise RawDataError(path, f"cannot be opened as an .xlsx workbook ({type(error).__name__}: {error})") from error
    names = [name for name in book.sheetnames if name.strip().startswith(sheet_name)]
    if not names:
        raise RawDataError(path, f"has no sheet named '{sheet_name}...' (sheets: {', '.join(book.sheetnames)})")
    rows = list(book[names[0]].iter_rows(values_only=True))
    book.close()
    return rows


def _table_below_header(path: Path, rows: list[tuple], first_header: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """The block of rows under the header row that starts with `first_header`, up to the first empty row
    (ICE puts footnotes below it). Cells become text; `_row` is the row number in the sheet."""
    header_at = next((i for i, row in enumerate(rows) if row and _cell_text(row[0]) == first_header), None)
    if header_at is None:
        raise RawDataError(path, f"no header row starting with '{first_header}' (renamed?)", column=first_header)
    header = [_cell_text(cell) or "" for cell in rows[header_at]]
    for column in columns:
        if column not in header:
            raise RawDataError(
                path, f"required column '{column}' is missing or renamed", row=header_at + 1, column=column
            )
    positions = {column: header.index(column) for column in columns}
    records = []
    for offset, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if all(_cell_text(cell) is None for cell in row):
            break
        record = {column: _cell_text(row[at]) if at < len(row) else None for column, at in positions.items()}
        record["_row"] = offset
        records.append(record)
    if not records:
        raise RawDataError(path, "the table under the header row is empty", row=header_at + 2)
    return pd.DataFrame.from_records(records)


def read_stats_workbook(raw_dir: Path, workbook: StatsWorkbook) -> pd.DataFrame:
    """One ICE detention statistics workbook: its "Facilities FYxx" table, with ADP and the data pull date."""
    path = raw_dir / workbook.path
    rows = _sheet_rows(path, "Facilities")
    pulled = next((m for row in rows[:15] for cell in row[:1] if (m := _IIDS_DATE.search(str(cell or "")))), None)
    if pulled is None:
        raise RawDataError(path, "no 'ICE Integrated Decision Support (IIDS), mm/dd/yyyy' date above the table")
    month, day, year = pulled.groups()
    table = validate(_table_below_header(path, rows, "Name", STATS_COLUMNS), stats_schema, path)
    levels = table[list(LEVELS)]
    table["adp"] = levels.sum(axis=1).where(levels.notna().any(axis=1))
    table["fiscal_year"] = workbook.fiscal_year
    table["source_file"] = workbook.path.name
    table["source_date"] = f"{year}-{int(month):02d}-{int(day):02d}"
    return table


def read_listing_2015(raw_dir: Path) -> pd.DataFrame:
    path = raw_dir / LISTING_2015_FILE
    rows = _sheet_rows(path, "Facility List - Main")
    table = _table_below_header(path, rows, "DETLOC", tuple(listing_2015_schema.columns))
    return validate(table, listing_2015_schema, path)


def read_ddp(raw_dir: Path) -> pd.DataFrame:
    """The Deportation Data Project's daily counts per facility code (only the columns used)."""
    path = require_file(raw_dir / DDP_FILE)
    try:
        available = parquet.ParquetFile(path).schema_arrow.names
        missing = [column for column in DDP_COLUMNS if column not in available]
        if missing:
            raise RawDataError(path, f"required column '{missing[0]}' is missing or renamed", column=missing[0])
        table = parquet.read_table(path, columns=DDP_COLUMNS).to_pandas()
    except (arrow.ArrowException, OSError) as error:
        raise RawDataError(path, f"cannot be read as Parquet ({error})") from error
    table["date"] = pd.to_datetime(table["date"])
    table["_row"] = np.arange(1, len(table) + 1)  # a Parquet file has no header row
    return validate(table, ddp_schema, path)


def read_psv(path: Path) -> pd.DataFrame:
    require_file(path)
    try:
        return pd.read_csv(path, sep="|", dtype=str, keep_default_na=False, na_values=["", "NA"])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise RawDataError(path, f"cannot be read as '|'-separated text: {error}") from error


def _read_validated_csv(raw_dir: Path, name: Path, schema: pa.DataFrameSchema) -> pd.DataFrame:
    path = raw_dir / name
    frame = read_psv(path) if path.suffix == ".psv" else read_csv(path)
    # Every column is text; CarwilB's files write R's "NA" for a missing value.
    frame = frame.apply(lambda column: column.str.strip()).replace({"NA": None})
    return validate(frame, schema, path)


# ---------------------------------------------------------------------------------------------------------
# Matching ICE's statistics rows (name, city, state) to facility codes.


class FacilityDirectory:
    """Every known (facility code, name, address, city, state) from the lists that carry a facility code.

    ICE's own names (its facility lists, the Deportation Data Project's copy of ICE's records) are tried
    before CarwilB's cleaned roster names, which sometimes give an old code a newer name."""

    ICE, ROSTER = 0, 1

    def __init__(self, entries: pd.DataFrame, codes_in_use: set[str], roster_codes: set[str]):
        """entries: detloc, name, address, zip, city, state, tier (ICE or ROSTER). codes_in_use: codes with
        Deportation Data Project counts (ICE used them since FY23); roster_codes: the code CarwilB's roster
        keeps for each facility."""
        self._codes_in_use, self._roster_codes = codes_in_use, roster_codes
        self._by_name: dict[str, set[tuple]] = {}
        self._by_address: dict[str, set[tuple]] = {}
        for entry in entries.itertuples(index=False):
            state = entry.state if isinstance(entry.state, str) else ""
            place = (entry.detloc, state, city_key(entry.city), entry.tier)
            for key in name_keys(entry.name):
                self._by_name.setdefault(key, set()).add(place)
            address = address_key(entry.address, entry.zip)
            if address:
                self._by_address.setdefault(address, set()).add(place)

    def match(
        self, name: str, address: str | None, zip_code: str | None, city: str | None, state: str | None
    ) -> tuple[str | None, str]:
        """(facility code, how it was found): name, address, cut_name, or (None, 'unmatched'/'ambiguous')."""
        state = state if isinstance(state, str) else None
        ambiguous = False
        for how, places in self._candidates(name, address, zip_code):
            for tier_places in ({place for place in places if place[3] == self.ICE}, places):
                code = self._pick(tier_places, city_key(city), state)
                if code:
                    return code, how
            ambiguous = ambiguous or bool(places)
        return None, "ambiguous" if ambiguous else "unmatched"

    def _candidates(self, name: str, address: str | None, zip_code: str | None):
        """(method, places) from the surest method to the loosest, computed only when reached."""
        for key in name_keys(name):
            yield "name", self._by_name.get(key, set())
        yield "address", self._by_address.get(address_key(address, zip_code) or "", set())
        if len(name) >= MIN_CUT_NAME:
            start = name_keys(name)[0]
            yield "cut_name", set().union(*(places for key, places in self._by_name.items() if key.startswith(start)))

    def _pick(self, places: set[tuple], city: str, state: str | None) -> str | None:
        in_state = {place for place in places if state is None or place[1] in (state, "")}
        in_city = {place for place in in_state if place[2] == city}
        for narrowed in (in_state, in_city):
            codes = {place[0] for place in narrowed}
            if len(codes) == 1:
                return next(iter(codes))
        # One facility can have several codes (old and new): prefer the one ICE still uses, then the roster's.
        codes = {place[0] for place in in_city or in_state}
        for preferred in (codes & self._codes_in_use, codes & self._roster_codes):
            if len(preferred) == 1:
                return next(iter(preferred))
        return None


# ---------------------------------------------------------------------------------------------------------
# Per diem (2015 listing), contract type, operator.


def parse_per_diem(text: str | None) -> tuple[float | None, str]:
    """(rate, status) from the 2015 listing's "Per Diem Rate Detailed".

    Only a lone dollar amount is a rate ("119.3", "$85.00"). Everything else is "rate unknown": tiers by
    population ("$111.92 (1-1455), $42.36 (1456-1940)"), rates per group ("$70.00 Adult $145.00 Juvenile"),
    flat fees, codes ("B4"). A number followed by "(GM)" is the guaranteed minimum (beds paid for whether
    used or not), never a rate."""
    if not isinstance(text, str):
        return None, "not in 2015 listing"
    single = re.fullmatch(r"\$?\s*(\d{1,3}(?:\.\d{1,2})?)", text.strip())
    if single:
        return float(single.group(1)), "single rate"
    return None, "rate unknown"


def _kind(type_detailed: str | None) -> str:
    return type_detailed.strip().upper() if isinstance(type_detailed, str) else ""


def run_by_2015(operator: str | None) -> str | None:
    """Who runs the facility per the 2015 listing's "Facility Operator" ("COUNTY (SHERIFF)", "CITY", "GEO")."""
    if not isinstance(operator, str):
        return None
    if operator.startswith("COUNTY"):
        return vocab.RUN_BY_COUNTY
    if operator == "CITY":
        return vocab.RUN_BY_CITY
    if operator in _PRIVATE_OPERATORS_2015:
        return vocab.RUN_BY_PRIVATE
    return None  # the contract guards of ICE's own processing centres ("AKAL (GUARD)") do not run them


def run_by(
    type_detailed: str | None, name: str, state: str | None, contractor: str | None, operator_2015: str | None
) -> tuple[str, str]:
    """(who runs the facility, on what evidence), strongest evidence first."""
    runner, basis = _run_by_evidence(_kind(type_detailed), name, contractor, operator_2015)
    if runner == vocab.RUN_BY_COUNTY and state in STATE_RUN_JAILS:
        return vocab.RUN_BY_STATE, f"{state} runs all its jails"
    return runner, basis


def _run_by_evidence(kind: str, name: str, contractor: str | None, operator_2015: str | None) -> tuple[str, str]:
    if kind in FEDERAL_TYPES:
        return vocab.RUN_BY_FEDERAL, "facility type"
    if kind in {"STATE", "STATE_PRISON"}:
        return vocab.RUN_BY_STATE, "facility type"
    if contractor:
        return vocab.RUN_BY_PRIVATE, "contractors list (CarwilB)"
    listed = run_by_2015(operator_2015)
    if listed:
        return listed, "2015 ICE listing operator"
    key = name_keys(name)[0]
    if kind in CONTRACT_DETENTION_TYPES:
        return vocab.RUN_BY_PRIVATE, "facility type"
    if _COMPANY_IN_NAME.search(key):
        return vocab.RUN_BY_PRIVATE, "facility name"
    # Only a shared jail (IGSA, U.S. Marshals IGA, CarwilB's "county_jail", or of no known type) is presumed
    # from its name. A dedicated IGSA holds only ICE detainees: almost always a private centre with a county
    # or city as pass-through ("Adams County Detention Center" is run by CoreCivic), so its name says nothing
    # about who runs it.
    if kind in {"IGSA", USMS_IGA, "COUNTY_JAIL", ""}:
        if _CITY_JAIL_NAME.search(key):
            return vocab.RUN_BY_CITY, "facility name (presumed)"
        if _COUNTY_JAIL_NAME.search(key):
            return vocab.RUN_BY_COUNTY, "facility name (presumed)"
    return vocab.UNKNOWN, "no evidence"


def contract_type(type_detailed: str | None, name: str, runner: str) -> str:
    """One of datasets.DETENTION_CONTRACT_TYPES: a county jail's IGSA counts only where the county runs it."""
    kind = _kind(type_detailed)
    if kind in HOLD_TYPES or _HOLD_NAME.search(name.upper()):
        return vocab.HOLD_ROOM
    if kind in FEDERAL_TYPES:
        return vocab.FEDERAL_FACILITY
    if kind in CONTRACT_DETENTION_TYPES or runner == vocab.RUN_BY_PRIVATE:
        return vocab.PRIVATE_CONTRACT
    if kind in IGSA_TYPES and runner == vocab.RUN_BY_COUNTY:
        return vocab.COUNTY_JAIL_IGSA
    if kind == USMS_IGA:
        return vocab.USMS_IGA
    return vocab.OTHER_CONTRACT


# ---------------------------------------------------------------------------------------------------------
# Counties.


def county_in_name(name: str, state_fips: str, county_index: CountyIndex) -> str | None:
    """The county a facility is named after ("ALBANY COUNTY JAIL", "DELAWARE CO JAIL (GEORGE W. HILL)"),
    trying the longest run of words before COUNTY or PARISH first."""
    words = name_keys(name)[0].split()
    for at, word in enumerate(words):
        if word not in ("COUNTY", "PARISH"):
            continue
        for start in range(max(0, at - 4), at):
            fips = county_index.lookup(state_fips, " ".join(words[start:at]))
            if fips:
                return fips
    return None


def point_counties(points: pd.DataFrame, raw_dir: Path) -> pd.Series:
    """County FIPS of each (lat, lon), from the unsimplified us-atlas shapes; index as `points`."""
    shapes = read_atlas_layer(raw_dir, "counties")[["id", "geometry"]].set_crs("EPSG:4326", allow_override=True)
    located = gpd.GeoDataFrame(points, geometry=gpd.points_from_xy(points["lon"], points["lat"]), crs="EPSG:4326")
    joined = gpd.sjoin(located, shapes, how="left", predicate="within")
    return joined[~joined.index.duplicated(keep="first")]["id"].reindex(points.index)


# ---------------------------------------------------------------------------------------------------------
# The build.


def _fiscal_year(dates: pd.Series) -> pd.Series:
    """US federal fiscal year of each date: FY25 runs from 2024-10-01 to 2025-09-30."""
    return "FY" + ((dates.dt.year + (dates.dt.month >= 10)) % 100).astype(str).str.zfill(2)


def _slug_id(name: str, state: str | None) -> str:
    """A stable id for a facility without a known code: state and name key, e.g. 'TX-DOD-DETENTION-FACILITY'."""
    prefix = state if isinstance(state, str) else "XX"
    return f"{prefix}-{name_keys(name)[0].replace('&', 'AND').replace(' ', '-')}"


@dataclass
class RawInputs:
    stats: pd.DataFrame
    listing_2015: pd.DataFrame
    uwchr: pd.DataFrame
    roster: pd.DataFrame
    geocoded: pd.DataFrame
    contractors: pd.DataFrame
    ddp: pd.DataFrame


def read_inputs(raw_dir: Path) -> RawInputs:
    return RawInputs(
        stats=pd.concat([read_stats_workbook(raw_dir, workbook) for workbook in STATS_WORKBOOKS], ignore_index=True),
        listing_2015=read_listing_2015(raw_dir),
        uwchr=_read_validated_csv(raw_dir, UWCHR_FILE, uwchr_schema),
        roster=_read_validated_csv(raw_dir, ROSTER_FILE, roster_schema),
        geocoded=_read_validated_csv(raw_dir, GEOCODED_FILE, geocoded_schema),
        contractors=_read_validated_csv(raw_dir, CONTRACTORS_FILE, contractors_schema),
        ddp=read_ddp(raw_dir),
    )


def build_detention(raw_dir: Path, county_index: CountyIndex) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(facilities, population, report) for detention_facilities.csv, detention_population.csv and
    detention_report.json."""
    raw = read_inputs(raw_dir)
    directory = _directory(raw)
    stats = _match_stats(raw.stats, directory)
    ddp_adp = _ddp_adp(raw.ddp)
    ddp_names = raw.ddp.drop_duplicates("detention_facility_code").set_index("detention_facility_code")[
        "detention_facility"
    ]
    ddp_years = _ddp_years_missing_from_ice(ddp_adp, stats, _detention_codes(raw, stats, ddp_names))

    population = pd.concat(
        [
            stats.dropna(subset=["adp"]).assign(source="ice_detention_stats")[
                ["facility_id", "fiscal_year", "adp", "source", "source_date"]
            ],
            ddp_years[["facility_id", "fiscal_year", "adp", "source", "source_date"]],
        ],
        ignore_index=True,
    )
    population["adp"] = population["adp"].round(1)
    population = population.sort_values(["facility_id", "fiscal_year"]).reset_index(drop=True)

    facilities = _facilities(raw, stats, ddp_years, ddp_names, county_index, raw_dir)
    report = _report(stats, facilities, population)
    return facilities, population, report


def _directory(raw: RawInputs) -> FacilityDirectory:
    columns = ["detloc", "name", "address", "zip", "city", "state"]
    uwchr = raw.uwchr[columns]
    listing = raw.listing_2015.rename(columns=str.lower)[columns]
    roster = raw.roster.dropna(subset=["detloc"]).rename(
        columns={
            "canonical_name": "name",
            "facility_address": "address",
            "facility_zip": "zip",
            "facility_city": "city",
            "facility_state": "state",
        }
    )[columns]
    known_state = pd.concat([uwchr, roster]).drop_duplicates("detloc").set_index("detloc")["state"]
    ddp = raw.ddp.drop_duplicates("detention_facility_code")[["detention_facility_code", "detention_facility"]]
    ddp = ddp.dropna().rename(columns={"detention_facility_code": "detloc", "detention_facility": "name"})
    ddp = ddp.assign(address=None, zip=None, city=None, state=ddp["detloc"].map(known_state))
    entries = pd.concat(
        [
            pd.concat([uwchr, listing, ddp]).assign(tier=FacilityDirectory.ICE),
            roster.assign(tier=FacilityDirectory.ROSTER),
        ],
        ignore_index=True,
    )
    return FacilityDirectory(entries, set(ddp["detloc"]), set(roster["detloc"]))


def _match_stats(stats: pd.DataFrame, directory: FacilityDirectory) -> pd.DataFrame:
    """Adds facility_id, detloc and matched_by to each statistics row; one id per facility and year."""
    keys = ["Name", "Address", "Zip", "City", "State"]
    rows = list(stats[keys].itertuples(index=False, name=None))
    found = {row: directory.match(*row) for row in set(rows)}
    matched = [found[row] for row in rows]
    stats = stats.assign(detloc=[code for code, _ in matched], matched_by=[how for _, how in matched])
    # Two rows of one year on one code means a match is wrong (an annex at the main site's address): the
    # row matched by its name keeps the code; where no single row was, none does.
    matched_rows = stats.dropna(subset=["detloc"])
    for _, group in matched_rows[matched_rows.duplicated(["fiscal_year", "detloc"], keep=False)].groupby(
        ["fiscal_year", "detloc"]
    ):
        by_name = group.index[group["matched_by"] == "name"]
        losers = group.index.difference(by_name) if len(by_name) == 1 else group.index
        stats.loc[losers, ["detloc", "matched_by"]] = [None, "ambiguous"]
    stats["facility_id"] = stats["detloc"].fillna(
        pd.Series([_slug_id(name, state) for name, state in zip(stats["Name"], stats["State"])], index=stats.index)
    )
    return stats


def _ddp_adp(ddp: pd.DataFrame) -> pd.DataFrame:
    """Average of the midnight counts per facility code and fiscal year (the way ICE counts its ADP).

    The file has a row for every code on every day, so the mean over a year's rows is the ADP; the last
    year is partial (up to the file's last day)."""
    frame = ddp[["detention_facility_code", "n_detained_at_midnight"]].assign(fiscal_year=_fiscal_year(ddp["date"]))
    grouped = frame.groupby(["detention_facility_code", "fiscal_year"])["n_detained_at_midnight"]
    adp = grouped.agg(adp="mean", peak="max").reset_index()
    adp["source_date"] = ddp["date"].max().strftime("%Y-%m-%d")
    return adp.rename(columns={"detention_facility_code": "facility_id"})


def is_detention_facility(code: str, name: str, types: set[str]) -> bool:
    """A jail, prison or detention centre: no list types it (nor its code or name calls it) a hold room,
    staging site, hospital, hotel or office, and a list types it as detention or its name is a jail's."""
    kinds = {part.strip().upper() for kind in types for part in kind.split("/")}
    if kinds & NOT_DETENTION_TYPES or code.endswith("HOLD") or _HOLD_NAME.search(name.upper()):
        return False
    return bool(kinds & DETENTION_TYPES) or bool(_JAIL_NAME.search(name_keys(name)[0]))


def _detention_codes(raw: RawInputs, stats: pd.DataFrame, ddp_names: pd.Series) -> set[str]:
    """Facility codes in the Deportation Data Project's file that are real detention facilities."""
    types: dict[str, set[str]] = {}
    for code, kind in (
        *zip(stats["detloc"], stats["Type Detailed"]),
        *zip(raw.uwchr["detloc"], raw.uwchr["type_detailed"]),
        *zip(raw.roster["detloc"], raw.roster["facility_type_detailed"]),
        *zip(raw.roster["detloc"], raw.roster["type_detailed_corrected"]),
    ):
        if isinstance(code, str) and isinstance(kind, str):
            types.setdefault(code, set()).add(kind)
    return {
        code
        for code, name in ddp_names.items()
        if isinstance(name, str) and is_detention_facility(code, name, types.get(code, set()))
    }


def _ddp_years_missing_from_ice(ddp_adp: pd.DataFrame, stats: pd.DataFrame, detention_codes: set[str]) -> pd.DataFrame:
    """Deportation Data Project ADP for the years a detention facility is missing from ICE's list (ICE lists
    only facilities holding someone on the day of its data pull), where someone was held overnight."""
    listed = set(zip(stats["detloc"].dropna(), stats.loc[stats["detloc"].notna(), "fiscal_year"]))
    keep = (
        ddp_adp["facility_id"].isin(detention_codes)
        & (ddp_adp["peak"] > 0)
        & ~pd.Series(list(zip(ddp_adp["facility_id"], ddp_adp["fiscal_year"])), index=ddp_adp.index).isin(listed)
    )
    return ddp_adp[keep].assign(source="ddp_daily_population")


def _facilities(
    raw: RawInputs,
    stats: pd.DataFrame,
    ddp_years: pd.DataFrame,
    ddp_names: pd.Series,
    county_index: CountyIndex,
    raw_dir: Path,
) -> pd.DataFrame:
    """One row per facility with ICE statistics or Deportation Data Project ADP."""
    uwchr = raw.uwchr.set_index("detloc")
    roster = raw.roster.dropna(subset=["detloc"]).drop_duplicates("detloc").set_index("detloc")

    # Latest ICE statistics row of each facility: its current name, type and place.
    latest = stats.sort_values(["fiscal_year", "_row"]).drop_duplicates("facility_id", keep="last")
    from_ice = pd.DataFrame(
        {
            "facility_id": latest["facility_id"],
            "detloc": latest["detloc"],
            "name": latest["Name"],
            "city": latest["City"],
            "state_abbr": latest["State"],
            "type_detailed": latest["Type Detailed"],
            "type_detailed_source": "ice_detention_stats " + latest["fiscal_year"],
            "source_files": latest["source_file"],
            "source_date": latest["source_date"],
        }
    )
    # Facilities known only from the Deportation Data Project: name from its file, the rest from the lists.
    ddp_only = pd.Index(sorted(set(ddp_years["facility_id"]) - set(from_ice["facility_id"])))
    from_ddp = pd.DataFrame(
        {
            "facility_id": ddp_only,
            "detloc": ddp_only,
            "name": ddp_names.reindex(ddp_only).to_numpy(),
            "city": [_first(uwchr, code, "city") or _first(roster, code, "facility_city") for code in ddp_only],
            "type_detailed": [
                _first(uwchr, code, "type_detailed")
                or _first(roster, code, "facility_type_detailed")
                or _first(roster, code, "type_detailed_corrected")
                for code in ddp_only
            ],
            "type_detailed_source": [
                "uwchr_ice_facilities"
                if _first(uwchr, code, "type_detailed")
                else "carwilb_facility_roster"
                if _first(roster, code, "facility_type_detailed") or _first(roster, code, "type_detailed_corrected")
                else None
                for code in ddp_only
            ],
            "source_files": DDP_FILE.name,
            "source_date": ddp_years["source_date"].max() if len(ddp_years) else None,
        }
    )
    facilities = pd.concat([from_ice, from_ddp], ignore_index=True)
    # A missing state (FY26's Imperial Regional, the Deportation Data Project's codes) comes from the lists.
    facilities["state_abbr"] = [
        state if isinstance(state, str) else _first(uwchr, code, "state") or _first(roster, code, "facility_state")
        for state, code in zip(facilities["state_abbr"], facilities["detloc"])
    ]

    gm = (
        stats.dropna(subset=["Guaranteed Minimum"])
        .sort_values(["fiscal_year", "_row"])
        .drop_duplicates("facility_id", keep="last")
        .set_index("facility_id")
    )
    facilities["guaranteed_minimum"] = facilities["facility_id"].map(gm["Guaranteed Minimum"]).round().astype("Int64")
    facilities["guaranteed_minimum_fy"] = facilities["facility_id"].map(gm["fiscal_year"])

    listing = _listing_2015_rows(raw.listing_2015, facilities, stats)
    placed = _place(facilities, raw, listing["County"], county_index, raw_dir)
    facilities["state_abbr"] = placed["state_abbr"]
    facilities = facilities.join(placed.drop(columns="state_abbr"))

    parsed = [parse_per_diem(text) for text in listing["Per Diem Rate Detailed"]]
    facilities["per_diem_2015_text"] = listing["Per Diem Rate Detailed"]
    facilities["per_diem_2015_rate"] = [rate for rate, _ in parsed]
    facilities["per_diem_status"] = [status for _, status in parsed]
    facilities["per_diem_as_of_label"] = listing["DETLOC"].map(lambda code: PER_DIEM_LABEL if code else None)

    contractors = _contractor_by_facility(raw, stats, facilities, ddp_names)
    runners = [
        run_by(kind, name, state, contractors.get(facility_id), operator)
        for kind, name, state, facility_id, operator in zip(
            facilities["type_detailed"],
            facilities["name"],
            facilities["state_abbr"],
            facilities["facility_id"],
            listing["Facility Operator"],
        )
    ]
    facilities["run_by"] = [runner for runner, _ in runners]
    facilities["run_by_basis"] = [basis for _, basis in runners]
    facilities["operator"] = [
        contractors.get(facility_id) or (operator if basis == "2015 ICE listing operator" else None)
        for facility_id, operator, (_, basis) in zip(facilities["facility_id"], listing["Facility Operator"], runners)
    ]
    facilities["contract_type"] = [
        contract_type(kind, name, runner)
        for kind, name, runner in zip(facilities["type_detailed"], facilities["name"], facilities["run_by"])
    ]

    geocoded = facilities["geocode_county_fips"].notna()
    uses = {
        UWCHR_FILE.name: facilities["detloc"].isin(uwchr.index),
        LISTING_2015_FILE.name: listing["DETLOC"].notna(),
        ROSTER_FILE.name: geocoded
        | (facilities["source_files"].eq(DDP_FILE.name) & facilities["detloc"].isin(roster.index)),
        GEOCODED_FILE.name: geocoded,
        CONTRACTORS_FILE.name: facilities["facility_id"].isin(contractors),
    }
    facilities["source_files"] = [
        ";".join(sorted({first, *(name for name, used in uses.items() if used.iloc[at])}))
        for at, first in enumerate(facilities["source_files"])
    ]
    facilities["basis"] = BASIS
    facilities["review_status"] = REVIEW_STATUS
    return facilities[FACILITY_COLUMNS].sort_values("facility_id").reset_index(drop=True)


def _listing_2015_rows(listing_2015: pd.DataFrame, facilities: pd.DataFrame, stats: pd.DataFrame) -> pd.DataFrame:
    """The 2015 listing's row for each facility (None where there is none), indexed like `facilities`.

    A row counts only where its name or address is one ICE gives the facility since: ICE passes codes on
    (MONTGTX was the GEO-run Joe Corley Detention Facility in 2015, and is Montgomery County Jail now)."""
    by_code = listing_2015.set_index("DETLOC", drop=False)
    names = {facility_id: set(group) for facility_id, group in stats.groupby("facility_id")["Name"]}
    addresses = {
        facility_id: {address_key(a, z) for a, z in zip(group["Address"], group["Zip"])} - {None}
        for facility_id, group in stats.groupby("facility_id")
    }
    rows = []
    for facility in facilities.itertuples(index=False):
        entry = (
            by_code.loc[facility.detloc]
            if isinstance(facility.detloc, str) and facility.detloc in by_code.index
            else None
        )
        if entry is not None:
            known = {
                key
                for name in names.get(facility.facility_id, {facility.name}) | {facility.name}
                for key in name_keys(name)
            }
            same_name = bool(known & set(name_keys(entry["Name"])))
            same_address = address_key(entry["Address"], entry["Zip"]) in addresses.get(facility.facility_id, set())
            if not (same_name or same_address):
                entry = None
        rows.append(entry if entry is not None else pd.Series(index=listing_2015.columns, dtype=object))
    return pd.DataFrame(rows, index=facilities.index).astype(object).where(lambda frame: frame.notna(), None)


FACILITY_COLUMNS = [
    "facility_id",
    "detloc",
    "name",
    "city",
    "state_abbr",
    "county_fips",
    "placed_by",
    "geocode_county_fips",
    "type_detailed",
    "type_detailed_source",
    "contract_type",
    "run_by",
    "run_by_basis",
    "operator",
    "guaranteed_minimum",
    "guaranteed_minimum_fy",
    "per_diem_2015_text",
    "per_diem_2015_rate",
    "per_diem_status",
    "per_diem_as_of_label",
    "source_files",
    "source_date",
    "basis",
    "review_status",
]


def _text_by_code(frame: pd.DataFrame, codes: pd.Series, column: str) -> pd.Series:
    """frame[column] for each code (frame indexed by code), None where the code or the value is missing."""
    return pd.Series([_first(frame, code, column) for code in codes], index=codes.index, dtype=object)


def _first(frame: pd.DataFrame, key, column: str) -> str | None:
    if not isinstance(key, str) or key not in frame.index:
        return None
    value = frame.at[key, column]
    return value if isinstance(value, str) else None


def _contractor_by_facility(
    raw: RawInputs, stats: pd.DataFrame, facilities: pd.DataFrame, ddp_names: pd.Series
) -> dict[str, str]:
    """facility_id -> company named in CarwilB's list of private operators, matched by name within the state
    on any name ICE has given the facility (its yearly statistics, its facility lists, its records)."""
    listed: dict[tuple[str, str], str] = {}
    for name, location, company in raw.contractors[["Facility Name", "Location", "Management"]].itertuples(index=False):
        state = location.rsplit(", ", 1)[-1] if isinstance(location, str) else ""
        for key in name_keys(name):
            listed[(state, key)] = company
    # CarwilB's roster names are left out: they sometimes carry a private centre's name onto the code of a
    # county jail nearby (MONTGTX, Montgomery County Jail, is "Montgomery ICE Processing Center" there).
    names = (
        pd.concat(
            [
                stats[["facility_id", "Name"]].rename(columns={"Name": "name"}),
                facilities[["facility_id", "name"]],
                facilities[["facility_id"]].assign(
                    name=_text_by_code(raw.uwchr.set_index("detloc"), facilities["detloc"], "name")
                ),
                facilities[["facility_id"]].assign(name=facilities["detloc"].map(ddp_names)),
            ]
        )
        .dropna()
        .drop_duplicates()
    )
    state_of = facilities.set_index("facility_id")["state_abbr"]
    found: dict[str, str] = {}
    for facility_id, name in names.itertuples(index=False):
        for key in name_keys(name):
            company = listed.get((state_of.get(facility_id) or "", key))
            if company:
                found.setdefault(facility_id, company)
    return found


def _place(
    facilities: pd.DataFrame, raw: RawInputs, county_2015: pd.Series, county_index: CountyIndex, raw_dir: Path
) -> pd.DataFrame:
    """state_abbr (filled where missing), county_fips, placed_by and geocode_county_fips of each facility;
    county_2015 is the 2015 listing's county of each facility.

    In order: the county a facility is named after (for a county jail, the county that runs it, even where
    the jail stands in a neighbouring independent city), the county holding CarwilB's geocoded address,
    then the county ICE's facility lists give. ICE's county column has slips (KINGS for the Albany County
    Jail, RAPIDES for the Catahoula Correctional Center, Roanoke County for the Roanoke City Jail), so where
    it and the address disagree the address decides; the geocoded county is kept beside the result.
    A facility known only from the Deportation Data Project may have no state in any list: a code ending in
    a state's postal code (ICE's usual pattern, "ONSLONC") gives it only if the county in its name is there."""
    uwchr_county = raw.uwchr.set_index("detloc")["county"]
    roster = raw.roster.dropna(subset=["detloc"]).drop_duplicates("detloc").set_index("detloc")
    points = raw.geocoded.dropna(subset=["lat", "lon"]).set_index("canonical_id")[["lat", "lon"]]
    point_county = point_counties(points, raw_dir) if len(points) else pd.Series(dtype=str)
    geocode = facilities["detloc"].map(roster["canonical_id"]).map(point_county)

    rows = []
    for facility, geocoded, listed_2015 in zip(facilities.itertuples(index=False), geocode, county_2015):
        code = facility.detloc if isinstance(facility.detloc, str) else ""
        geocoded = geocoded if isinstance(geocoded, str) else None
        state = facility.state_abbr if isinstance(facility.state_abbr, str) else None
        if state is None:
            code_state = states.FIPS_BY_ABBR.get(code[-2:]) if len(code) == 7 else None
            fips = county_in_name(facility.name, code_state, county_index) if code_state else None
            rows.append(
                (code[-2:], fips, "facility_name_and_code", geocoded) if fips else (None, None, "unplaced", geocoded)
            )
            continue
        state_fips = states.fips_for_state(state)
        if state_fips is None:
            rows.append((state, None, "territory_not_mapped", None))
            continue
        listed = uwchr_county.get(code)
        listed = listed if isinstance(listed, str) else listed_2015
        named = county_in_name(facility.name, state_fips, county_index)
        listed = county_index.lookup(state_fips, listed) if isinstance(listed, str) else None
        located = geocoded if geocoded and geocoded[:2] == state_fips else None
        if named:
            fips, method = named, "facility_name"
        elif located:
            fips, method = located, "ice_facility_list_and_geocode" if listed == located else "geocoded_point"
        else:
            fips, method = listed, "ice_facility_list" if listed else "unplaced"
        rows.append((state, fips, method, geocoded))
    return pd.DataFrame(
        rows, columns=["state_abbr", "county_fips", "placed_by", "geocode_county_fips"], index=facilities.index
    )


def _report(stats: pd.DataFrame, facilities: pd.DataFrame, population: pd.DataFrame) -> dict:
    """detention_report.json: how the matching and placing went, and what is left for a person to check."""

    def counts(series: pd.Series) -> dict:
        return {str(k): int(v) for k, v in series.value_counts().sort_index().items()}

    unmatched = stats[stats["detloc"].isna()].drop_duplicates("facility_id").sort_values("facility_id")
    differs = (
        facilities["county_fips"].notna()
        & facilities["geocode_county_fips"].notna()
        & (facilities["county_fips"] != facilities["geocode_county_fips"])
    )
    return {
        "facilities": int(len(facilities)),
        "population_rows": int(len(population)),
        "population_rows_by_source": counts(population["source"]),
        "ice_stats_rows_by_match": counts(stats["matched_by"]),
        "ice_stats_rows_without_adp": _records(stats.loc[stats["adp"].isna(), ["facility_id", "fiscal_year"]]),
        "ice_stats_facilities_without_code": _records(
            unmatched[["facility_id", "Name", "City", "State", "fiscal_year"]].rename(columns=str.lower)
        ),
        "facilities_by_placement": counts(facilities["placed_by"]),
        "named_county_differs_from_geocode": _records(
            facilities.loc[differs, ["facility_id", "name", "county_fips", "geocode_county_fips"]]
        ),
        "facilities_by_contract_type": counts(facilities["contract_type"]),
        "facilities_by_run_by": counts(facilities["run_by"]),
        "facilities_by_run_by_basis": counts(facilities["run_by_basis"]),
        "per_diem_status": counts(facilities["per_diem_status"]),
    }


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain JSON records (a missing value is null, never NaN)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
