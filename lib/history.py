"""What changed on ICE's 287(g) lists between two dates, from agreement_history.csv and snapshot_counts.csv.

An agreement is on the list of a date only if ICE's list of that date names it (`listed_on`). A list that no
longer names an agreement says nothing of why: the wording here is always "no longer on ICE's list as of
<date>", never that it ended. The first list naming an agreement is when it was first seen, not when it was
signed. Plain functions, no Streamlit: the page only lays them out.
"""

from dataclasses import dataclass

import pandas as pd

from lib.layers import AGENCY_TYPE_LABELS, MODEL_LABELS

WAYBACK_SOURCE_ID = "ice_287g_wayback"
MONITOR_NAME = "RelevantResearch's monitor (third-party)"
CHANGE_ADDED = "added"
CHANGE_NO_LONGER_LISTED = "no longer on ICE's list"
CHANGE_ONLY_BETWEEN = "listed only between the two lists, per " + MONITOR_NAME


@dataclass(frozen=True)
class Changes:
    date_a: str
    date_b: str
    added: pd.DataFrame  # on the list of date_b, not on that of date_a
    no_longer_listed: pd.DataFrame  # on the list of date_a, not on that of date_b
    only_between: pd.DataFrame  # on neither; the monitor saw it listed in between


def snapshot_dates(counts: pd.DataFrame) -> list[str]:
    return sorted(counts["snapshot_date"])


def sheet_label(counts: pd.DataFrame, date: str) -> str:
    """'2021-01-13 (ice.gov/287g, Wayback Machine capture)' or '2026-05-18 (ICE spreadsheet)'."""
    source_id = counts.set_index("snapshot_date").loc[date, "source_id"]
    kind = "ice.gov/287g, Wayback Machine capture" if source_id == WAYBACK_SOURCE_ID else "ICE spreadsheet"
    return f"{date} ({kind})"


def sheet_legend(counts: pd.DataFrame) -> str:
    """One sentence naming the list behind every date."""
    wayback = counts.loc[counts["source_id"] == WAYBACK_SOURCE_ID, "snapshot_date"]
    sheets = counts.loc[counts["source_id"] != WAYBACK_SOURCE_ID, "snapshot_date"]
    parts = []
    if len(wayback):
        parts.append(f"{_join(sorted(wayback))} {_verb(wayback)} ICE's 287(g) web page (ice.gov/287g) as the "
                     "Internet Archive's Wayback Machine captured it that day")
    if len(sheets):
        parts.append(f"{_join(sorted(sheets))} {_verb(sheets)} ICE's own spreadsheet of participating agencies of "
                     "that day")
    return "Every date is the date of one of ICE's lists: " + "; ".join(parts) + "."


def agreements_phrase(count: int) -> str:
    return f"{count:,} agreement{'' if count == 1 else 's'}"


def _verb(dates: pd.Series) -> str:
    return "are" if len(dates) > 1 else "is"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def listed_dates(history: pd.DataFrame) -> pd.Series:
    """The dates of ICE's lists naming each agreement, as sets."""
    return history["listed_on"].fillna("").map(lambda text: set(text.split(";")) - {""})


def changes_between(history: pd.DataFrame, date_a: str, date_b: str, state: str | None = None,
                    model: str | None = None) -> Changes:
    """Agreements added and no longer listed between ICE's lists of date_a and date_b (date_a earlier), for one
    state and model if given. Each row says between which two lists the change happened."""
    dates = sorted(set().union(*listed_dates(history)))
    for date in (date_a, date_b):
        if date not in dates:
            raise ValueError(f"no ICE list of {date}; lists: {', '.join(dates)}")
    if date_a >= date_b:
        raise ValueError(f"{date_a} is not earlier than {date_b}")
    chosen = history
    if state:
        chosen = chosen[chosen["state_abbr"] == state]
    if model:
        chosen = chosen[chosen["model"] == model]
    listed = listed_dates(chosen)
    at_a, at_b = listed.map(lambda seen: date_a in seen), listed.map(lambda seen: date_b in seen)
    span = [date for date in dates if date_a <= date <= date_b]

    # Each change happened between two lists: the last one of the span with the old state, and the next one.
    added = chosen[at_b & ~at_a].copy()
    added["window_start"] = listed[at_b & ~at_a].map(lambda seen: max(d for d in span if d not in seen))
    added["window_end"] = added["window_start"].map(lambda date: _next(span, date))

    dropped = chosen[at_a & ~at_b].copy()
    dropped["window_start"] = listed[at_a & ~at_b].map(lambda seen: max(d for d in span if d in seen))
    dropped["window_end"] = dropped["window_start"].map(lambda date: _next(span, date))

    monitor_only = chosen[chosen["evidence"] == "third_party_monitor_only"]
    only_between = monitor_only[(monitor_only["monitor_seen_after"] >= date_a)
                                & (monitor_only["monitor_seen_before"] <= date_b)].copy()
    only_between["window_start"] = only_between["monitor_seen_after"]
    only_between["window_end"] = only_between["monitor_seen_before"]
    return Changes(date_a, date_b, added.reset_index(drop=True), dropped.reset_index(drop=True),
                   only_between.reset_index(drop=True))


def _next(dates: list[str], date: str) -> str:
    return dates[dates.index(date) + 1]


def county_timeline(history: pd.DataFrame, fips: str) -> pd.DataFrame:
    """One row per ICE list and agreement of an agency in the county that the list names, oldest list first."""
    in_county = history[history["county_fips"] == fips]
    rows = [
        {"list_date": date, "agreement_id": row.agreement_id, "agency": row.agency, "agency_type": row.agency_type,
         "model": row.model, "signed": row.signed}
        for row, dates in zip(in_county.itertuples(), listed_dates(in_county))
        for date in sorted(dates)
    ]
    columns = ["list_date", "agreement_id", "agency", "agency_type", "model", "signed"]
    return pd.DataFrame(rows, columns=columns).sort_values(["list_date", "agency", "model"]).reset_index(drop=True)


def summary_line(counts: pd.DataFrame, date: str, previous_date: str | None = None,
                 column: str = "counties_any_agency") -> str:
    """'923 counties with an agreement on 2026-05-18, 465 more than on 2025-07-30'."""
    by_date = counts.set_index("snapshot_date")[column]
    now = int(by_date[date])
    line = f"{now:,} {'county' if now == 1 else 'counties'} with an agreement on {date}"
    if previous_date is None:
        return line
    difference = now - int(by_date[previous_date])
    if difference == 0:
        return f"{line}, the same number as on {previous_date}"
    return f"{line}, {abs(difference):,} {'more' if difference > 0 else 'fewer'} than on {previous_date}"


def readable(frame: pd.DataFrame, counties: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """A change table with words for codes, the county's name and the list behind every date."""
    names = counties.set_index("fips")["name"]
    county = frame["county_fips"].map(names)
    county = county.where(frame["placed_by"] != "statewide", "statewide agency")
    list_of_file = {row.source_file: sheet_label(counts, row.snapshot_date) for row in counts.itertuples()}
    signed_from = frame["signed_source"].map(list_of_file)
    signed_from = signed_from.where(frame["evidence"] != "third_party_monitor_only", MONITOR_NAME)
    return pd.DataFrame({
        "agency": frame["agency"],
        "state": frame["state_abbr"],
        "county": county.fillna("not placed on a county"),
        "agency type": frame["agency_type"].map(AGENCY_TYPE_LABELS),
        "model": frame["model"].map(MODEL_LABELS),
        "between ICE's list of": frame["window_start"],
        "and ICE's list of": frame["window_end"],
        "signed (as ICE gives it)": frame["signed"],
        "signed date from the list of": signed_from,
        "first on an ICE list of": frame["first_seen"],
        "earlier names on ICE's lists": frame["earlier_names"],
    })


def changes_csv(changes: Changes, counties: pd.DataFrame, counts: pd.DataFrame) -> str:
    """Every change in one table, with a 'change' column, as CSV text."""
    parts = []
    for frame, label in ((changes.added, CHANGE_ADDED), (changes.no_longer_listed, CHANGE_NO_LONGER_LISTED),
                         (changes.only_between, CHANGE_ONLY_BETWEEN)):
        part = readable(frame, counties, counts)
        part.insert(0, "change", label)
        parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    table.insert(0, "compared", f"ICE's list of {changes.date_a} with that of {changes.date_b}")
    return table.to_csv(index=False, lineterminator="\n")
