"""287(g) agreements from ICE's newest participating and pending sheets (the latest of each series in sources.yaml):
one row per agency and model.

ICE's sheets are typed by hand: model and type names carry trailing spaces, some counties are misspelt
(fixed with the Deportation Data Project's list), municipal rows often have no county (placed through
the FBI agency list) and state agencies are statewide (listed, never put on one county).
"""

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import states, vocab
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, read_sheet_with_links, validate
from lib.countynames import CountyIndex, ascii_fold
from lib.safetext import web_link
from lib.sources import Registry

FIXES_FILE = Path("287g/deportationdata_county-name-fixes.csv")
# Typos the Deportation Data Project's list does not cover yet, kept apart so their origin stays visible.
PROJECT_FIXES_FILE = Path(__file__).resolve().parents[2] / "curation" / "county_name_fixes.csv"
MISSING_MARKERS = {"#N/A", "#NA", "N/A", "NA"}

# ICE's two current lists: the series of sources.yaml whose newest sheet is read, and the status its rows get.
CURRENT_LISTS = {"ice_287g_participating": vocab.PARTICIPATING, "ice_287g_pending": vocab.PENDING}

MODELS = vocab.ICE_MODEL_NAMES
ICE_TYPES = ("County", "Municipality", "State Agency")

sheet_schema = pa.DataFrameSchema(
    {
        "STATE": pa.Column(
            str, pa.Check(lambda s: s.map(states.abbr_for_any_jurisdiction).notna(), error="a US state or territory")
        ),
        "LAW ENFORCEMENT AGENCY": pa.Column(str, pa.Check.str_length(min_value=3)),
        "TYPE": pa.Column(str, pa.Check.isin(ICE_TYPES)),
        "COUNTY": pa.Column(str, nullable=True),
        "SUPPORT TYPE": pa.Column(str, pa.Check.isin(list(MODELS))),
        "SIGNED": pa.Column("datetime64[ns]", nullable=True, required=False),
    },
    strict=False,
)

fixes_schema = pa.DataFrameSchema(
    {"state": pa.Column(str), "county": pa.Column(str), "county_fixed": pa.Column(str)},
    strict=False,
)

_SHERIFF = re.compile(r"\bsheriff", re.IGNORECASE)
# A county prison (Pennsylvania) or criminal justice authority (Oklahoma's jail trusts) runs a county's jail too.
_JAIL = re.compile(
    r"\b(jail|correction|corrections|correctional|detention|prison|criminal justice authority)\b", re.IGNORECASE
)
# Words that a city's police agency adds to the city's name in ICE's sheet but not in the FBI list.
_AGENCY_WORDS = re.compile(r"\b(police|department|dept|services|service|division|office|public safety|of|the)\b")
_PLACE_WORD = re.compile(r"(borough|township|village|city|town)$")
_LEADING_PLACE = re.compile(r"^(city|town|village|borough|township) of ")


def read_sheet(path: Path) -> pd.DataFrame:
    frame = read_sheet_with_links(path, link_column="MOA")
    for column in ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"):
        if column in frame.columns:
            frame[column] = frame[column].map(lambda value: str(value).strip() if value is not None else None)
            frame[column] = frame[column].map(lambda value: None if value in MISSING_MARKERS or value == "" else value)
    if "SIGNED" in frame.columns:
        frame["SIGNED"] = _parse_dates(frame, path)
    return validate(frame, sheet_schema, path)


def _parse_dates(frame: pd.DataFrame, path: Path) -> pd.Series:
    parsed = pd.to_datetime(frame["SIGNED"], errors="coerce").astype("datetime64[ns]")
    bad = parsed.isna() & frame["SIGNED"].notna()
    if bad.any():
        first = bad.idxmax()
        raise RawDataError(
            path, f"date {frame.loc[first, 'SIGNED']!r} is not a date", frame.loc[first, "_row"], "SIGNED"
        )
    return parsed


def agency_type(agency: str, ice_type: str) -> str:
    """The agency's kind from ICE's type and its name. A sheriff is a sheriff even where ICE's sheet types the
    office "Municipality" (two rows of the 2026 sheet do)."""
    if ice_type == "State Agency":
        return vocab.STATE_AGENCY
    if _SHERIFF.search(agency):
        return vocab.SHERIFF
    if ice_type == "Municipality":
        return vocab.MUNICIPAL
    if _JAIL.search(agency):
        return vocab.COUNTY_JAIL
    return vocab.OTHER_AGENCY


def agency_key(name: str) -> str:
    text = ascii_fold(name).lower().replace("&", " ")
    text = re.sub(r"\bsaint\b", "st", text)
    text = _LEADING_PLACE.sub("", re.sub(r"[.'’]", "", text))
    text = _AGENCY_WORDS.sub(" ", re.sub(r"[^a-z ]", " ", text))
    return re.sub(r"\s+", "", text)


class AgencyPlacer:
    """Places a city agency through the FBI agency list: same state, same name once the agency words are gone."""

    def __init__(self, agencies: pd.DataFrame):
        placed = agencies.dropna(subset=["county_fips"])
        keys = placed["agency"].map(agency_key)
        counties = placed.assign(key=keys).groupby(["state_abbr", "key"])["county_fips"].agg(lambda s: sorted(set(s)))
        self._counties = counties.to_dict()

    def place(self, state_abbr: str, agency: str) -> str | None:
        key = agency_key(agency)
        # "Manheim Borough Police Department" is "Manheim" in the FBI list; try the bare name second.
        for candidate in dict.fromkeys((key, _PLACE_WORD.sub("", key))):
            counties = self._counties.get((state_abbr, candidate), [])
            if counties:
                return counties[0] if len(counties) == 1 else None
        return None


def county_name_fixes(raw_dir: Path) -> dict[tuple[str, str], str]:
    """(STATE NAME, county as ICE wrote it) -> corrected county, from the Deportation Data Project's list and ours."""
    fixed_names = {}
    for fixes_path in (raw_dir / FIXES_FILE, PROJECT_FIXES_FILE):
        fixes = validate(read_csv(fixes_path), fixes_schema, fixes_path)
        fixed_names.update({(row.state.upper(), row.county): row.county_fixed for row in fixes.itertuples()})
    return fixed_names


def build_agreements(
    raw_dir: Path, county_index: CountyIndex, agencies: pd.DataFrame, registry: Registry
) -> pd.DataFrame:
    fixed_names = county_name_fixes(raw_dir)
    placer = AgencyPlacer(agencies)

    frames = []
    for series, status in CURRENT_LISTS.items():
        sheet = registry.newest(series)
        rows = read_sheet(raw_dir / sheet.path)
        rows["status"] = status
        rows["source_file"] = sheet.path.name
        rows["source_date"] = sheet.as_of
        frames.append(rows)
    sheet_rows = pd.concat(frames, ignore_index=True)

    records = []
    for row in sheet_rows.to_dict("records"):
        state_fips = states.fips_for_state(row["STATE"])
        state_abbr = states.abbr_for_any_jurisdiction(row["STATE"])
        kind = agency_type(row["LAW ENFORCEMENT AGENCY"], row["TYPE"])
        county_fips, method = _place(row, kind, state_fips, state_abbr, county_index, fixed_names, placer)
        signed = row.get("SIGNED")
        records.append(
            {
                "agency": row["LAW ENFORCEMENT AGENCY"],
                "state_abbr": state_abbr,
                "agency_type": kind,
                "ice_agency_type": row["TYPE"],
                "county_fips": county_fips,
                "county_as_listed": row["COUNTY"] if isinstance(row["COUNTY"], str) else None,
                "placed_by": method,
                "model": MODELS[row["SUPPORT TYPE"]],
                "signed": signed.strftime("%Y-%m-%d") if signed is not None and not pd.isna(signed) else None,
                "status": row["status"],
                # the cell's hyperlink comes from ICE's file: only an http(s) address is kept as a link
                "moa_url": web_link(row.get("MOA_url")),
                "source_file": row["source_file"],
                "source_row": row["_row"],
                "source_date": row["source_date"],
            }
        )
    agreements = pd.DataFrame.from_records(records)
    return agreements.sort_values(["state_abbr", "agency", "model", "status", "source_row"]).reset_index(drop=True)


def _place(row, kind, state_fips, state_abbr, county_index, fixed_names, placer) -> tuple[str | None, str]:
    """(county FIPS, how it was placed): county_name, county_name_fixed, fbi_agency_list, statewide,
    territory_not_mapped or unmatched."""
    if state_fips is None:
        return None, "territory_not_mapped"
    if kind == vocab.STATE_AGENCY:
        return None, "statewide"
    listed = row["COUNTY"]
    if isinstance(listed, str):
        fixed = fixed_names.get((row["STATE"].upper(), listed))
        fips = county_index.lookup(state_fips, fixed or listed)
        if fips:
            return fips, "county_name_fixed" if fixed else "county_name"
    fips = placer.place(state_abbr, row["LAW ENFORCEMENT AGENCY"])
    if fips:
        return fips, "fbi_agency_list"
    return None, "unmatched"
