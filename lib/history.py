"""What changed on ICE's 287(g) lists between two dates, from agreement_history.csv and snapshot_counts.csv.

An agreement is on the list of a date only if ICE's list of that date names it (`listed_on`). A list that no
longer names an agreement says nothing of why: the wording here is always "no longer on ICE's list as of
<date>", never that it ended. The first list naming an agreement is when it was first seen, not when it was
signed. Plain functions, no Streamlit: the page only lays them out.

Texts shown to people are in the current language (lib.i18n); the CSV download is machine-readable and always
English, whatever the language of the page.
"""

from dataclasses import dataclass

import pandas as pd

from lib.exports import csv_text
from lib.i18n import N_, SOURCE_LANGUAGE, _, ngettext, use_language
from lib.vocab import AGENCY_TYPE_LABELS, MODEL_LABELS

WAYBACK_SOURCE_ID = "ice_287g_wayback"
MONITOR_NAME = N_("RelevantResearch's monitor (third-party)")  # English: show it as _(MONITOR_NAME)
# The CSV's "change" column (English, like every cell of the CSV).
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
    if source_id == WAYBACK_SOURCE_ID:
        return _("{date} (ice.gov/287g, Wayback Machine capture)").format(date=date)
    return _("{date} (ICE spreadsheet)").format(date=date)


def sheet_legend(counts: pd.DataFrame) -> str:
    """One sentence naming the list behind every date."""
    wayback = sorted(counts.loc[counts["source_id"] == WAYBACK_SOURCE_ID, "snapshot_date"])
    sheets = sorted(counts.loc[counts["source_id"] != WAYBACK_SOURCE_ID, "snapshot_date"])
    parts = []
    if wayback:
        parts.append(
            ngettext(
                "{dates} is ICE's 287(g) web page (ice.gov/287g) as the Internet Archive's Wayback "
                "Machine captured it that day",
                "{dates} are ICE's 287(g) web page (ice.gov/287g) as the Internet Archive's Wayback "
                "Machine captured it that day",
                len(wayback),
            ).format(dates=_join(wayback))
        )
    if sheets:
        parts.append(
            ngettext(
                "{dates} is ICE's own spreadsheet of participating agencies of that day",
                "{dates} are ICE's own spreadsheet of participating agencies of that day",
                len(sheets),
            ).format(dates=_join(sheets))
        )
    return _("Every date is the date of one of ICE's lists: {lists}.").format(lists="; ".join(parts))


def agreements_phrase(count: int) -> str:
    return ngettext("{count} agreement", "{count} agreements", count).format(count=f"{count:,}")


def _join(items: list[str]) -> str:
    """'a, b and c' (dates: nothing to translate but the 'and')."""
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def listed_dates(history: pd.DataFrame) -> pd.Series:
    """The dates of ICE's lists naming each agreement, as sets."""
    return history["listed_on"].fillna("").map(lambda text: set(text.split(";")) - {""})


def changes_between(
    history: pd.DataFrame, date_a: str, date_b: str, state: str | None = None, model: str | None = None
) -> Changes:
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
    only_between = monitor_only[
        (monitor_only["monitor_seen_after"] >= date_a) & (monitor_only["monitor_seen_before"] <= date_b)
    ].copy()
    only_between["window_start"] = only_between["monitor_seen_after"]
    only_between["window_end"] = only_between["monitor_seen_before"]
    return Changes(
        date_a,
        date_b,
        added.reset_index(drop=True),
        dropped.reset_index(drop=True),
        only_between.reset_index(drop=True),
    )


def _next(dates: list[str], date: str) -> str:
    return dates[dates.index(date) + 1]


def county_timeline(history: pd.DataFrame, fips: str) -> pd.DataFrame:
    """One row per ICE list and agreement of an agency in the county that the list names, oldest list first."""
    in_county = history[history["county_fips"] == fips]
    rows = [
        {
            "list_date": date,
            "agreement_id": row.agreement_id,
            "agency": row.agency,
            "agency_type": row.agency_type,
            "model": row.model,
            "signed": row.signed,
        }
        for row, dates in zip(in_county.itertuples(), listed_dates(in_county))
        for date in sorted(dates)
    ]
    columns = ["list_date", "agreement_id", "agency", "agency_type", "model", "signed"]
    return pd.DataFrame(rows, columns=columns).sort_values(["list_date", "agency", "model"]).reset_index(drop=True)


def summary_line(
    counts: pd.DataFrame, date: str, previous_date: str | None = None, column: str = "counties_any_agency"
) -> str:
    """'923 counties with an agreement on 2026-05-18, 465 more than on 2025-07-30'."""
    by_date = counts.set_index("snapshot_date")[column]
    now = int(by_date[date])
    values = {"count": f"{now:,}", "date": date, "previous": previous_date}
    if previous_date is None:
        return ngettext(
            "{count} county with an agreement on {date}", "{count} counties with an agreement on {date}", now
        ).format(**values)
    difference = now - int(by_date[previous_date])
    values["difference"] = f"{abs(difference):,}"
    if difference == 0:
        return ngettext(
            "{count} county with an agreement on {date}, the same number as on {previous}",
            "{count} counties with an agreement on {date}, the same number as on {previous}",
            now,
        ).format(**values)
    if difference > 0:
        return ngettext(
            "{count} county with an agreement on {date}, {difference} more than on {previous}",
            "{count} counties with an agreement on {date}, {difference} more than on {previous}",
            now,
        ).format(**values)
    return ngettext(
        "{count} county with an agreement on {date}, {difference} fewer than on {previous}",
        "{count} counties with an agreement on {date}, {difference} fewer than on {previous}",
        now,
    ).format(**values)


def _words(labels: dict[str, str]):
    """Code -> its label in the current language (codes without a label stay as they are)."""
    return lambda code: _(labels[code]) if code in labels else code


def readable(frame: pd.DataFrame, counties: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """A change table with words for codes, the county's name and the list behind every date, in the current
    language (headers and words; agency and county names stay as ICE and the Census write them)."""
    names = counties.set_index("fips")["name"]
    county = frame["county_fips"].map(names)
    county = county.where(frame["placed_by"] != "statewide", _("statewide agency"))
    list_of_file = {row.source_file: sheet_label(counts, row.snapshot_date) for row in counts.itertuples()}
    signed_from = frame["signed_source"].map(list_of_file)
    signed_from = signed_from.where(frame["evidence"] != "third_party_monitor_only", _(MONITOR_NAME))
    return pd.DataFrame(
        {
            _("agency"): frame["agency"],
            _("state"): frame["state_abbr"],
            _("county"): county.fillna(_("not placed on a county")),
            _("agency type"): frame["agency_type"].map(_words(AGENCY_TYPE_LABELS)),
            _("model"): frame["model"].map(_words(MODEL_LABELS)),
            _("between ICE's list of"): frame["window_start"],
            _("and ICE's list of"): frame["window_end"],
            _("signed (as ICE gives it)"): frame["signed"],
            _("signed date from the list of"): signed_from,
            _("first on an ICE list of"): frame["first_seen"],
            _("earlier names on ICE's lists"): frame["earlier_names"],
        }
    )


def changes_csv(changes: Changes, counties: pd.DataFrame, counts: pd.DataFrame) -> str:
    """Every change in one table, with a 'change' column, as CSV text: English headers and words whatever the
    language of the page, so a file reads the same for everyone. Agency names come from ICE's sheets, so text cells
    are neutralised for spreadsheets like every CSV the app offers (exports.csv_text)."""
    with use_language(SOURCE_LANGUAGE):
        parts = []
        for frame, label in (
            (changes.added, CHANGE_ADDED),
            (changes.no_longer_listed, CHANGE_NO_LONGER_LISTED),
            (changes.only_between, CHANGE_ONLY_BETWEEN),
        ):
            part = readable(frame, counties, counts)
            part.insert(0, "change", label)
            parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    table.insert(0, "compared", f"ICE's list of {changes.date_a} with that of {changes.date_b}")
    return csv_text(table)
