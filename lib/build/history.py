"""287(g) agreements through time: every dated list of ICE's we hold, merged into one row per agreement.

The dated lists ("sheets"), every sheet of two series of sources.yaml:
- ice_287g_wayback: tables parsed from Wayback Machine captures of ice.gov/287g (near the start of 2021-2025). They
  have no county and no agency type column, so agencies are put on counties by name;
- ice_287g_participating: ICE's own sheets. The newest, which agreements.py has already read and placed, is taken
  from its table, so the history and the map never disagree about today.

RelevantResearch's cumulative status file (third-party) lists every row its monitor saw since about 2025. Its
"Last Seen" column is no date of sighting: for the rows that left the list it repeats the signed date (the
report counts them). So it gives no dates; it is used only for agreements on none of ICE's sheets we hold,
as "on ICE's list at some point between two sheets", always labelled as the monitor's.

An agreement is an agency, a state and a model. Agencies are matched across sheets by a name key (agency_key
plus the numbers that tell precincts apart, without a leading state name), then by two rename rules for names
never on one sheet together and not naming two different counties, each merge listed in the report: a
misspelling fixed (names nearly alike), and a renaming with the same signed date (one name's words include the
other's, or the same letters reordered).
"""

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import us

from lib import states, vocab
from lib.build.agreements import (
    MISSING_MARKERS,
    AgencyPlacer,
    agency_key,
    agency_type,
    county_name_fixes,
)
from lib.build.errors import RawDataError
from lib.build.readers import read_sheet_with_links, validate
from lib.countynames import CountyIndex, ascii_fold
from lib.sources import Registry, Sheet
from lib.vocab import JAIL_AGENCY_TYPES


@dataclass(frozen=True)
class Snapshot:
    path: Path
    date: str
    source_id: str  # its entry in data/sources.json
    date_format: str | None  # how SIGNED is written; None where the cells are dates


WAYBACK_SERIES = "ice_287g_wayback"
SHEET_SERIES = "ice_287g_participating"
# How each series writes SIGNED: the Wayback tables as text, ICE's sheets as dates.
SIGNED_FORMATS = {WAYBACK_SERIES: "%Y-%m-%d", SHEET_SERIES: None}
MONITOR = Snapshot(Path("287g/relevantresearch_287g_cumulative_status_2026-05-18.xlsx"), "2026-05-18",
                   "relevantresearch_287g_status", "%m/%d/%y")

# Older tables and the monitor spell the models in several ways ("Warrant Services Officer", "Warrant Service
# Office", trailing spaces); the words they start with are stable.
MODEL_PREFIXES = (("jail enforcement", vocab.JAIL_ENFORCEMENT), ("warrant service", vocab.WARRANT_SERVICE),
                  ("task force", vocab.TASK_FORCE))
# ICE's 2025-07-30 sheet writes "State" where later sheets write "State Agency".
ICE_TYPE_SPELLINGS = {"County": "County", "Municipality": "Municipality", "State Agency": "State Agency",
                      "State": "State Agency"}
MONITOR_STATUSES = ("Present", "Absent", "New")
# A fixed misspelling: names this alike (difflib ratio of the name keys) are taken for one agency.
TYPO_SIMILARITY = 0.93

_PARENTHESES = re.compile(r"\(.*?\)")
_NAMED_COUNTY = re.compile(r"^(.+?\b(?:county|parish|borough))\b", re.IGNORECASE)
_STATE_AGENCY_WORDS = re.compile(r"\b(state|highway patrol|department of corrections|bureau|attorney general)\b",
                                 re.IGNORECASE)


def model_id(text: object) -> str | None:
    words = " ".join(str(text).lower().split())
    return next((model for prefix, model in MODEL_PREFIXES if words.startswith(prefix)), None)


def _known_state(column: pd.Series) -> pd.Series:
    return column.map(lambda value: isinstance(value, str) and states.abbr_for_any_jurisdiction(value) is not None)


_COMMON_COLUMNS = {
    "STATE": pa.Column(str, pa.Check(_known_state, error="a US state or territory")),
    "LAW ENFORCEMENT AGENCY": pa.Column(str, pa.Check.str_length(min_value=3)),
    "SUPPORT TYPE": pa.Column(str, pa.Check(lambda s: s.map(model_id).notna(), error="a 287(g) model")),
    "SIGNED": pa.Column("datetime64[ns]", nullable=True),
}
wayback_schema = pa.DataFrameSchema(_COMMON_COLUMNS, strict=False)
sheet_schema = pa.DataFrameSchema(
    {**_COMMON_COLUMNS,
     "TYPE": pa.Column(str, pa.Check.isin(list(ICE_TYPE_SPELLINGS)), nullable=True),
     "COUNTY": pa.Column(str, nullable=True)},
    strict=False,
)
monitor_schema = pa.DataFrameSchema(
    {**sheet_schema.columns, "Status": pa.Column(str, pa.Check.isin(MONITOR_STATUSES))}, strict=False,
)


def read_snapshot(raw_dir: Path, snapshot: Snapshot, schema: pa.DataFrameSchema) -> pd.DataFrame:
    path = raw_dir / snapshot.path
    frame = read_sheet_with_links(path, link_column="MOA")
    for column in ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "Status"):
        if column in frame.columns:
            frame[column] = frame[column].map(_clean_cell)
    if "SIGNED" in frame.columns:
        frame["SIGNED"] = _signed_dates(frame, path, snapshot.date_format)
    return validate(frame, schema, path)


def _clean_cell(value: object) -> str | None:
    text = "" if pd.isna(value) else str(value).strip()
    return None if text in MISSING_MARKERS or text == "" else text


def _signed_dates(frame: pd.DataFrame, path: Path, date_format: str | None) -> pd.Series:
    parsed = pd.to_datetime(frame["SIGNED"], errors="coerce", format=date_format).astype("datetime64[ns]")
    bad = parsed.isna() & frame["SIGNED"].notna()
    if bad.any():
        first = bad.idxmax()
        raise RawDataError(path, f"date {frame.loc[first, 'SIGNED']!r} is not a date", frame.loc[first, "_row"],
                           "SIGNED")
    return parsed


def history_key(agency: str, state_abbr: str) -> str:
    """agency_key, keeping the numbers ('Constable Precinct 3' is not 'Precinct 4') and dropping a leading state
    name ('Alaska Department of Corrections' is the 'Department of Corrections' of Alaska's older tables)."""
    cleaned = _without_state_name(_PARENTHESES.sub(" ", agency), state_abbr)
    key = agency_key(cleaned).replace("sheriffs", "sheriff")  # "Sheriff's Office" = "Sheriff Office"
    return "-".join([key, *re.findall(r"\d+", cleaned)])


def _without_state_name(agency: str, state_abbr: str) -> str:
    state = us.states.lookup(state_abbr)
    if state is None:
        return agency
    # "Texas County Sheriff's Office" (Missouri) and "Kansas City" keep the name: it is a place's, not the state's.
    return re.sub(rf"^{re.escape(state.name)}\s+(?!(county|city|parish|borough)\b)", "", agency, flags=re.IGNORECASE)


def _name_words(agency: str, state_abbr: str) -> frozenset[str]:
    cleaned = _without_state_name(_PARENTHESES.sub(" ", agency), state_abbr)
    return frozenset(re.findall(r"[a-z0-9]+", ascii_fold(cleaned).lower().replace("'", "").replace("’", "")))


def _display_form(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


class CountyFinder:
    """Puts an agency on a county as agreements.py does (ICE's county column with the name fixes, then the FBI
    agency list), and, for the older tables without a county column, by the county its name gives."""

    def __init__(self, raw_dir: Path, county_index: CountyIndex, agencies: pd.DataFrame):
        self._index = county_index
        self._placer = AgencyPlacer(agencies)
        self._fixed_names = county_name_fixes(raw_dir)

    def named_county(self, state_abbr: str, agency: str) -> str | None:
        """'Etowah County Sheriff's Office' -> Etowah County's FIPS."""
        state_fips = states.fips_for_state(state_abbr)
        match = _NAMED_COUNTY.match(agency)
        return self._index.lookup(state_fips, match.group(1)) if state_fips and match else None

    def place(self, state_abbr: str, agency: str, listed_county: str | None) -> tuple[str | None, str]:
        state_fips = states.fips_for_state(state_abbr)
        if state_fips is None:
            return None, "territory_not_mapped"
        if listed_county:
            state_name = states.NAME_BY_FIPS[state_fips].upper()
            fixed = self._fixed_names.get((state_name, listed_county))
            fips = self._index.lookup(state_fips, fixed or listed_county)
            if fips:
                return fips, "county_name_fixed" if fixed else "county_name"
        fips = self._placer.place(state_abbr, agency)
        if fips:
            return fips, "fbi_agency_list"
        fips = self.named_county(state_abbr, agency)
        return (fips, "agency_name") if fips else (None, "unmatched")


def _snapshot(sheet: Sheet) -> Snapshot:
    return Snapshot(sheet.path, sheet.as_of, sheet.source_id, SIGNED_FORMATS[sheet.series])


def _sightings(raw_dir: Path, agreements: pd.DataFrame, wayback: list[Snapshot],
               older_sheets: list[Snapshot]) -> tuple[pd.DataFrame, list[Snapshot]]:
    """Every row of every dated sheet, one shape: where it was seen, and what the sheet says."""
    frames = []
    for snapshot in wayback:
        rows = read_snapshot(raw_dir, snapshot, wayback_schema)
        frames.append(_sighting_frame(rows, snapshot, ice_type=None, county=None))
    for snapshot in older_sheets:
        rows = read_snapshot(raw_dir, snapshot, sheet_schema)
        frames.append(_sighting_frame(rows, snapshot, rows["TYPE"].map(ICE_TYPE_SPELLINGS.get), rows["COUNTY"]))

    newest = agreements[agreements["status"] == vocab.PARTICIPATING]
    newest_date = newest["source_date"].max()
    # The newest sheet is published under its series' id.
    newest_snapshot = Snapshot(Path("287g") / newest["source_file"].iloc[0], newest_date, SHEET_SERIES, None)
    frames.append(pd.DataFrame({
        "sheet_date": newest_date, "source_file": newest["source_file"], "agency": newest["agency"],
        "state_abbr": newest["state_abbr"], "ice_type": newest["ice_agency_type"],
        "county_as_listed": newest["county_as_listed"], "model": newest["model"], "signed": newest["signed"],
        "county_fips": newest["county_fips"], "placed_by": newest["placed_by"],
    }))
    snapshots = [*wayback, *older_sheets, newest_snapshot]
    if sorted(snapshot.date for snapshot in snapshots) != [snapshot.date for snapshot in snapshots]:
        raise RawDataError(newest_snapshot.path, f"the newest ICE sheet ({newest_date}) is older than the history's")
    return pd.concat(frames, ignore_index=True), snapshots


def _sighting_frame(rows: pd.DataFrame, snapshot: Snapshot, ice_type: pd.Series | None,
                    county: pd.Series | None) -> pd.DataFrame:
    return pd.DataFrame({
        "sheet_date": snapshot.date, "source_file": snapshot.path.name, "agency": rows["LAW ENFORCEMENT AGENCY"],
        "state_abbr": rows["STATE"].map(states.abbr_for_any_jurisdiction), "ice_type": ice_type,
        "county_as_listed": county, "model": rows["SUPPORT TYPE"].map(model_id),
        "signed": rows["SIGNED"].dt.strftime("%Y-%m-%d"),
    })


def _monitor_rows(raw_dir: Path) -> pd.DataFrame:
    """The monitor's rows, shaped like the sightings but with no sheet date, plus its Status and whether its
    "Last Seen" merely repeats the signed date."""
    rows = read_snapshot(raw_dir, MONITOR, monitor_schema)
    last_seen = pd.to_datetime(rows["Last Seen"], errors="coerce", format=MONITOR.date_format)
    frame = _sighting_frame(rows, MONITOR, rows["TYPE"].map(ICE_TYPE_SPELLINGS.get), rows["COUNTY"])
    frame["sheet_date"] = None
    frame["status"] = rows["Status"]
    frame["last_seen_is_signed"] = last_seen == rows["SIGNED"]
    return frame


def _with_keys(frame: pd.DataFrame) -> pd.DataFrame:
    names = frame["agency"].combine(frame["state_abbr"], history_key)
    return frame.assign(key=list(zip(frame["state_abbr"], names, frame["model"])))


def _monitor_report(monitor: pd.DataFrame, newest_keys: set) -> dict:
    absent = monitor["status"] == "Absent"
    return {
        "rows": int(len(monitor)),
        "by_status": {status: int(n) for status, n in monitor["status"].value_counts().sort_index().items()},
        "absent_rows_whose_last_seen_is_the_signed_date": int((absent & monitor["last_seen_is_signed"]).sum()),
        "present_or_new_rows_not_on_the_newest_ice_sheet": int((~absent & ~monitor["key"].isin(newest_keys)).sum()),
    }


class _Groups:
    """Union-find over name keys; two groups merge only if no dated sheet lists both (then they are two
    agreements, however alike their names)."""

    def __init__(self, dates_by_key: dict):
        self._parent = {key: key for key in dates_by_key}
        self._dates = {key: set(dates) for key, dates in dates_by_key.items()}

    def find(self, key):
        while self._parent[key] != key:
            key = self._parent[key]
        return key

    def merge(self, a, b) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b or self._dates[root_a] & self._dates[root_b]:
            return False
        self._parent[root_b] = root_a
        self._dates[root_a] |= self._dates.pop(root_b)
        return True


def _merge_renames(rows: list[dict], finder: CountyFinder) -> tuple[dict, list[dict]]:
    """Each name key -> its agreement's key, and the merges made (for the report)."""
    dates, signed, names = {}, {}, {}
    for row in rows:
        dates.setdefault(row["key"], set()).update([row["sheet_date"]] if row["sheet_date"] else [])
        signed.setdefault(row["key"], set()).update([row["signed"]] if row["signed"] else [])
        names.setdefault(row["key"], set()).add(row["agency"])
    groups = _Groups(dates)
    merges = []
    for (state_abbr, model), keys in sorted(_keys_by_state_and_model(dates).items()):
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if dates[a] & dates[b]:
                    continue
                rule = _rename_rule(a, b, names, signed, finder)
                if rule and groups.merge(a, b):
                    merges.append({"state_abbr": state_abbr, "model": model, "rule": rule,
                                   "names": sorted(names[a] | names[b])})
    return {key: groups.find(key) for key in dates}, merges


def _keys_by_state_and_model(dates: dict) -> dict:
    grouped = {}
    for key in sorted(dates):
        grouped.setdefault((key[0], key[2]), []).append(key)
    return grouped


def _rename_rule(a, b, names, signed, finder) -> str | None:
    """Why two name keys (same state and model, never on one sheet together) are one agreement, or None."""
    state_abbr = a[0]
    if a[1].split("-")[1:] != b[1].split("-")[1:]:
        return None  # "Precinct 1" is never "Precinct 2"
    misspelt = difflib.SequenceMatcher(None, a[1], b[1]).ratio() >= TYPO_SIMILARITY
    same_signed_date = bool(signed[a] & signed[b])
    if not (misspelt or same_signed_date):
        return None
    if len({finder.named_county(state_abbr, name) for name in names[a] | names[b]} - {None}) > 1:
        return None  # "Hale County" and "Hall County" are two counties, not a typo
    if misspelt:
        return "misspelling_fixed"
    words_a = {word for name in names[a] for word in _name_words(name, state_abbr)}
    words_b = {word for name in names[b] for word in _name_words(name, state_abbr)}
    # "Wyoming Highway State Patrol" / "Wyoming State Highway Patrol", "Green Forks" / "Greens Fork": same letters.
    if words_a <= words_b or words_b <= words_a or sorted(a[1]) == sorted(b[1]):
        return "renamed_same_signed_date"
    return None


def _guess_ice_type(agency: str) -> str:
    """ICE's type for an agency only the older tables name (they have no type column)."""
    if re.search(r"\b(county|parish|sheriff|jail)\b", agency, re.IGNORECASE):
        return "County"
    return "State Agency" if _STATE_AGENCY_WORDS.search(agency) else "Municipality"


def _agreement(rows: list[dict], newest_date: str, snapshot_dates: list[str], finder: CountyFinder) -> dict:
    """One agreement from every row that names it (rows are plain dicts, for speed)."""
    on_sheets = sorted((row for row in rows if row["sheet_date"]),
                       key=lambda row: (row["sheet_date"], row["source_file"]))
    evidence_rows = on_sheets or rows
    latest = evidence_rows[-1]
    state_abbr, model = latest["state_abbr"], latest["model"]

    ice_type = next((row["ice_type"] for row in reversed(evidence_rows) if row["ice_type"]), None)
    kind = agency_type(latest["agency"], ice_type or _guess_ice_type(latest["agency"]))
    county_fips, placed_by = _place(evidence_rows, kind, finder)

    signed_rows = sorted((row for row in evidence_rows if row["signed"]),
                         key=lambda row: (row["signed"], row["sheet_date"] or ""))
    signed = signed_rows[-1] if signed_rows else None
    earlier_signed = sorted({row["signed"] for row in signed_rows} - {signed["signed"]}) if signed else []
    shown = _display_form(latest["agency"])
    earlier_names = sorted({row["agency"] for row in evidence_rows if _display_form(row["agency"]) != shown})

    listed_on = sorted({row["sheet_date"] for row in on_sheets})
    first, last = (on_sheets[0], on_sheets[-1]) if on_sheets else ({}, {})
    after, before = None, None
    if not listed_on:
        # The monitor saw the row on ICE's list some time after it was signed and before the newest sheet;
        # the sheets at both ends do not list it.
        after = max((date for date in snapshot_dates if signed and date <= signed["signed"]), default=None)
        before = newest_date
    return {
        "agreement_id": f"{state_abbr}:{model}:{history_key(latest['agency'], state_abbr)}",
        "agency": latest["agency"],
        "earlier_names": "; ".join(earlier_names) or None,
        "state_abbr": state_abbr,
        "agency_type": kind,
        "ice_agency_type": ice_type,
        "county_fips": county_fips,
        "placed_by": placed_by,
        "model": model,
        "signed": signed["signed"] if signed else None,
        "signed_source": signed["source_file"] if signed else None,
        "re_signed": bool(earlier_signed),
        "earlier_signed": "; ".join(earlier_signed) or None,
        "listed_on": ";".join(listed_on) or None,
        "first_seen": first.get("sheet_date"),
        "first_seen_source": first.get("source_file"),
        "last_seen": last.get("sheet_date"),
        "last_seen_source": last.get("source_file"),
        "status": "on_list" if newest_date in listed_on else "no_longer_listed",
        "evidence": "ice_sheets" if listed_on else "third_party_monitor_only",
        "monitor_seen_after": after,
        "monitor_seen_before": before,
    }


def _place(rows: list[dict], kind: str, finder: CountyFinder) -> tuple[str | None, str]:
    """The county of the newest sheet that places the agency; the newest ICE sheet's placement is kept as
    agreements.py made it."""
    latest = rows[-1]
    if latest["placed_by"]:
        return latest["county_fips"], latest["placed_by"]
    if states.fips_for_state(latest["state_abbr"]) is None:
        return None, "territory_not_mapped"
    if kind == vocab.STATE_AGENCY:
        return None, "statewide"
    for row in reversed(rows):
        fips, method = finder.place(row["state_abbr"], row["agency"], row["county_as_listed"])
        if fips:
            return fips, method
    return None, "unmatched"


def build_history(raw_dir: Path, county_index: CountyIndex, agencies: pd.DataFrame, agreements: pd.DataFrame,
                  registry: Registry) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(agreement_history, snapshot_counts, report)."""
    finder = CountyFinder(raw_dir, county_index, agencies)
    wayback = [_snapshot(sheet) for sheet in registry.sheets(WAYBACK_SERIES)]
    older_sheets = [_snapshot(sheet) for sheet in registry.sheets(SHEET_SERIES)[:-1]]  # the newest: in `agreements`
    sightings, snapshots = _sightings(raw_dir, agreements, wayback, older_sheets)
    sightings = _with_keys(sightings)
    snapshot_dates = [snapshot.date for snapshot in snapshots]
    newest_date = snapshot_dates[-1]
    monitor = _with_keys(_monitor_rows(raw_dir))
    monitor_report = _monitor_report(monitor, set(sightings.loc[sightings["sheet_date"] == newest_date, "key"]))
    # Only the rows the monitor saw leave the list can add anything: the others are on ICE's newest sheet.
    everything = pd.concat([sightings, monitor[monitor["status"] == "Absent"]], ignore_index=True)

    all_rows = everything.astype(object).where(everything.notna(), None).to_dict("records")
    agreement_of, merges = _merge_renames(all_rows, finder)
    rows_by_agreement = {}
    for row in all_rows:
        rows_by_agreement.setdefault(agreement_of[row["key"]], []).append(row)
    records = [_agreement(rows, newest_date, snapshot_dates, finder) for _, rows in sorted(rows_by_agreement.items())]
    history = pd.DataFrame.from_records(records).sort_values(["state_abbr", "agency", "model", "agreement_id"])
    history = history.reset_index(drop=True)

    counts = _snapshot_counts(history, snapshots)
    report = {
        "agreement_history": {
            "agreements": int(len(history)),
            "by_status": {k: int(v) for k, v in history["status"].value_counts().sort_index().items()},
            "by_evidence": {k: int(v) for k, v in history["evidence"].value_counts().sort_index().items()},
            "re_signed": int(history["re_signed"].sum()),
            "renamed": int(history["earlier_names"].notna().sum()),
            "rows_per_sheet": {snapshot.date: int((sightings["sheet_date"] == snapshot.date).sum())
                               for snapshot in snapshots},
            "wayback_tables_placed_on_a_county": _wayback_match(history, wayback),
            "changes_between_consecutive_sheets": _consecutive_changes(history, snapshot_dates),
            "merged_names": merges,
            "third_party_monitor": monitor_report,
        }
    }
    return history, counts, report


def _snapshot_counts(history: pd.DataFrame, snapshots: list[Snapshot]) -> pd.DataFrame:
    rows = []
    for snapshot in snapshots:
        listed = history[history["listed_on"].fillna("").str.split(";").map(lambda dates: snapshot.date in dates)]
        placed = listed.dropna(subset=["county_fips"])
        jail = placed[placed["agency_type"].isin(JAIL_AGENCY_TYPES)]
        rows.append({
            "snapshot_date": snapshot.date,
            "source_file": snapshot.path.name,
            "source_id": snapshot.source_id,
            "agreements": len(listed),
            "agreements_on_a_county": len(placed),
            "counties_any_agency": placed["county_fips"].nunique(),
            "counties_jail_agency": jail["county_fips"].nunique(),
        })
    return pd.DataFrame.from_records(rows)


def _wayback_match(history: pd.DataFrame, wayback: list[Snapshot]) -> dict:
    """Agreements on the older tables (no county column) that were put on a county, statewide ones left out."""
    dates = {snapshot.date for snapshot in wayback}
    on_wayback = history[history["listed_on"].fillna("").str.split(";").map(lambda listed: bool(dates & set(listed)))]
    placeable = on_wayback[~on_wayback["placed_by"].isin(["statewide", "territory_not_mapped"])]
    placed = placeable["county_fips"].notna()
    return {
        "agreements": int(len(on_wayback)),
        "placeable": int(len(placeable)),
        "placed": int(placed.sum()),
        "match_rate": round(float(placed.mean()), 4) if len(placeable) else None,
        "by_method": {k: int(v) for k, v in placeable["placed_by"].value_counts().sort_index().items()},
        "unmatched": placeable.loc[~placed, ["agency", "state_abbr", "model"]].to_dict("records"),
    }


def _consecutive_changes(history: pd.DataFrame, dates: list[str]) -> list[dict]:
    listed = history["listed_on"].fillna("").str.split(";")
    changes = []
    for before, after in zip(dates, dates[1:]):
        on_before = listed.map(lambda seen: before in seen)
        on_after = listed.map(lambda seen: after in seen)
        changes.append({"from": before, "to": after, "added": int((on_after & ~on_before).sum()),
                        "no_longer_listed": int((on_before & ~on_after).sum())})
    return changes
