"""What changed between ICE's lists (lib/history.py) on small frames, and the page on the compiled data."""

from io import StringIO

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import history
from lib.i18n import use_language
from tests.apptext import shown
from tests.test_app_smoke import run_page

DATES = ["2021-01-13", "2022-01-04", "2025-07-30", "2026-05-18"]
COLUMNS = ["agreement_id", "agency", "earlier_names", "state_abbr", "agency_type", "county_fips", "placed_by",
           "model", "signed", "signed_source", "first_seen", "listed_on", "evidence", "monitor_seen_after",
           "monitor_seen_before"]


def agreement(agency, state, model, listed_on, county="06001", evidence="ice_sheets", seen_between=(None, None)):
    dates = listed_on.split(";") if listed_on else []
    return (f"{state}:{model}:{agency}", agency, None, state, "sheriff", county, "county_name", model, "2020-01-01",
            "sheet.xlsx", dates[0] if dates else None, listed_on or None, evidence, *seen_between)


HISTORY = pd.DataFrame.from_records([
    agreement("Always", "CA", "jail_enforcement", ";".join(DATES)),
    agreement("Dropped early", "CA", "warrant_service", "2021-01-13"),
    agreement("Dropped late", "TX", "warrant_service", "2021-01-13;2022-01-04;2025-07-30"),
    agreement("New in 2025", "TX", "task_force", "2025-07-30;2026-05-18"),
    agreement("New in 2026", "CA", "task_force", "2026-05-18"),
    agreement("Back again", "CA", "jail_enforcement", "2021-01-13;2025-07-30;2026-05-18"),
    agreement("Monitor only", "CA", "task_force", None, evidence="third_party_monitor_only",
              seen_between=("2025-07-30", "2026-05-18")),
], columns=COLUMNS)
COUNTS = pd.DataFrame({
    "snapshot_date": DATES, "source_file": [f"{date}.xlsx" for date in DATES],
    "source_id": ["ice_287g_wayback", "ice_287g_wayback", "ice_287g_participating_2025_07_30",
                  "ice_287g_participating"],
    "agreements": [3, 3, 4, 4], "agreements_on_a_county": [3, 3, 4, 4],
    "counties_any_agency": [141, 134, 458, 1], "counties_jail_agency": [138, 131, 429, 1],
})
COUNTIES = pd.DataFrame({"fips": ["06001"], "name": ["Alameda County"]})


def agencies(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["agency"])


def test_added_and_no_longer_listed_between_two_lists():
    changes = history.changes_between(HISTORY, "2022-01-04", "2026-05-18")
    assert agencies(changes.added) == ["Back again", "New in 2025", "New in 2026"]
    assert agencies(changes.no_longer_listed) == ["Dropped late"]
    assert agencies(changes.only_between) == ["Monitor only"]


def test_each_change_says_between_which_lists_it_happened():
    changes = history.changes_between(HISTORY, "2021-01-13", "2026-05-18")
    added = changes.added.set_index("agency")
    assert tuple(added.loc["New in 2025", ["window_start", "window_end"]]) == ("2022-01-04", "2025-07-30")
    assert tuple(added.loc["New in 2026", ["window_start", "window_end"]]) == ("2025-07-30", "2026-05-18")
    dropped = changes.no_longer_listed.set_index("agency")
    assert tuple(dropped.loc["Dropped early", ["window_start", "window_end"]]) == ("2021-01-13", "2022-01-04")
    assert tuple(dropped.loc["Dropped late", ["window_start", "window_end"]]) == ("2025-07-30", "2026-05-18")


def test_an_agreement_on_both_lists_is_no_change_even_with_a_gap_between():
    changes = history.changes_between(HISTORY, "2021-01-13", "2026-05-18")
    assert "Back again" not in agencies(changes.added) + agencies(changes.no_longer_listed)
    gap = history.changes_between(HISTORY, "2021-01-13", "2022-01-04")
    assert "Back again" in agencies(gap.no_longer_listed)


def test_state_and_model_filters():
    changes = history.changes_between(HISTORY, "2021-01-13", "2026-05-18", state="TX")
    assert agencies(changes.added) == ["New in 2025"] and agencies(changes.no_longer_listed) == ["Dropped late"]
    changes = history.changes_between(HISTORY, "2021-01-13", "2026-05-18", model="task_force")
    assert agencies(changes.added) == ["New in 2025", "New in 2026"] and changes.no_longer_listed.empty


def test_monitor_only_agreements_show_only_when_their_window_is_inside():
    assert history.changes_between(HISTORY, "2021-01-13", "2025-07-30").only_between.empty


@pytest.mark.parametrize(("date_a", "date_b"), [("2026-05-18", "2021-01-13"), ("2022-01-04", "2023-06-01")])
def test_dates_must_be_two_lists_in_order(date_a, date_b):
    with pytest.raises(ValueError):
        history.changes_between(HISTORY, date_a, date_b)


@pytest.mark.parametrize(
    ("date", "previous", "expected"),
    [("2025-07-30", "2022-01-04", "458 counties with an agreement on 2025-07-30, 324 more than on 2022-01-04"),
     ("2022-01-04", "2021-01-13", "134 counties with an agreement on 2022-01-04, 7 fewer than on 2021-01-13"),
     ("2026-05-18", None, "1 county with an agreement on 2026-05-18"),
     ("2021-01-13", "2021-01-13", "141 counties with an agreement on 2021-01-13, the same number as on 2021-01-13")],
)
def test_summary_line(date, previous, expected):
    assert history.summary_line(COUNTS, date, previous) == expected


def test_county_timeline_lists_every_list_naming_an_agreement_of_the_county():
    timeline = history.county_timeline(HISTORY, "06001")
    back_again = timeline[timeline["agency"] == "Back again"]
    assert list(back_again["list_date"]) == ["2021-01-13", "2025-07-30", "2026-05-18"]
    assert timeline["list_date"].is_monotonic_increasing
    assert history.county_timeline(HISTORY, "99999").empty


def test_every_date_names_its_list():
    assert history.sheet_label(COUNTS, "2021-01-13") == "2021-01-13 (ice.gov/287g, Wayback Machine capture)"
    assert history.sheet_label(COUNTS, "2026-05-18") == "2026-05-18 (ICE spreadsheet)"
    legend = history.sheet_legend(COUNTS)
    assert "2021-01-13 and 2022-01-04 are ICE's 287(g) web page" in legend
    assert "2025-07-30 and 2026-05-18 are ICE's own spreadsheet" in legend


def test_download_never_says_ended_and_labels_the_monitor():
    changes = history.changes_between(HISTORY, "2021-01-13", "2026-05-18")
    text = history.changes_csv(changes, COUNTIES, COUNTS)
    table = pd.read_csv(StringIO(text))
    assert set(table["change"]) == {history.CHANGE_ADDED, history.CHANGE_NO_LONGER_LISTED, history.CHANGE_ONLY_BETWEEN}
    assert "ended" not in text.lower()
    monitor_row = table[table["agency"] == "Monitor only"].iloc[0]
    assert monitor_row["signed date from the list of"] == history.MONITOR_NAME
    assert "Always" not in set(table["agency"])
    assert set(table["county"]) == {"Alameda County"}


def test_tables_and_sentences_follow_the_language_but_the_download_stays_english():
    changes = history.changes_between(HISTORY, "2021-01-13", "2026-05-18")
    english_csv = history.changes_csv(changes, COUNTIES, COUNTS)
    english_table = history.readable(changes.added, COUNTIES, COUNTS)
    with use_language("es"):
        assert history.changes_csv(changes, COUNTIES, COUNTS) == english_csv
        table = history.readable(changes.added, COUNTIES, COUNTS)
        summary = history.summary_line(COUNTS, "2025-07-30", "2022-01-04")
        one = history.summary_line(COUNTS, "2026-05-18")
        label = history.sheet_label(COUNTS, "2026-05-18")
        legend = history.sheet_legend(COUNTS)
        phrase = history.agreements_phrase(1)
    assert list(table.columns) != list(english_table.columns)
    assert "agencia" in table.columns and "tipo de agencia" in table.columns
    assert list(table["agencia"]) == list(english_table["agency"])  # names stay as ICE writes them
    assert summary == "458 condados con un acuerdo al 2025-07-30, 324 más que al 2022-01-04"
    assert one == "1 condado con un acuerdo al 2026-05-18"
    assert label == "2026-05-18 (hoja de cálculo de ICE)"
    assert "2021-01-13 y 2022-01-04 son la página web 287(g) de ICE" in legend
    assert phrase == "1 acuerdo"
    assert history.agreements_phrase(1234) == "1,234 agreements"


def page_text(app: AppTest) -> str:
    parts = [shown(element.value) for kind in ("title", "subheader", "markdown", "caption")
             for element in app.get(kind)]
    return " ".join(str(part) for part in parts)


def test_changes_page_compares_the_two_newest_lists(newest_287g_sheet_date):
    app = run_page("app_pages/changes.py")
    assert not app.exception, app.exception
    assert shown(app.title[0].value) == "What changed on ICE's 287(g) lists"
    text = page_text(app)
    assert f"No longer on ICE's list as of {newest_287g_sheet_date}" in text
    assert "ended" not in text.lower()
    assert len(app.dataframe) >= 2


def test_changes_page_filters_and_swaps_dates(oldest_287g_list_date, newest_287g_sheet_date):
    app = run_page("app_pages/changes.py")
    app.selectbox(key="changes_from").set_value(app.selectbox(key="changes_to").value)
    app.selectbox(key="changes_to").set_value(oldest_287g_list_date)
    app.selectbox(key="changes_state").set_value("FL")
    app.run()
    assert not app.exception, app.exception
    added = app.dataframe[0].value
    assert set(added["state"]) == {"FL"}
    text = page_text(app)  # the two lists in the order of their dates
    assert f"with an agreement on {newest_287g_sheet_date}" in text and f"than on {oldest_287g_list_date}" in text
