"""The 287(g) history on tiny dated sheets: added, no longer listed, re-signed and renamed agreements."""

from datetime import datetime

import pandas as pd
import pytest

from lib.build.agencies import build_agencies
from lib.build.agreements import build_agreements
from lib.build.errors import RawDataError
from lib.build.geography import build_counties
from lib.build.history import build_history, history_key, model_id
from lib.countynames import CountyIndex
from tests.build import rawfixtures

WAYBACK_HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED", "MOA"]
WAYBACK_DATES = ("2021-01-13", "2022-01-04", "2023-01-02", "2024-01-02", "2025-02-19")
SANTA_CLARA_2020 = ("CALIFORNIA", "Santa Clara County Sheriffs Office", "Jail Enforcement Model", "2020-06-09")
ALAMEDA_SHERIFF = ("CALIFORNIA", "Alameda County Sheriff's Office", "Warrant Service Officer", "2019-10-15")
SAN_JOSE = ("CALIFORNIA", "San Jose Police Department", "Warrant Services Officer ", "2020-02-12")
# The newest sheet is rawfixtures.PARTICIPATING (2026-05-18): Santa Clara re-signed on 2025-01-02, Oakland,
# the Highway Patrol, Richmond County's sheriff, Nowhere Township's constable and Guam.
SHEET_2025 = [
    (
        "CALIFORNIA",
        "Santa Clara County Sheriff's Office",
        "County",
        "Santa Clara County",
        "Jail Enforcement Model",
        datetime(2020, 6, 9),
    ),
    ("CALIFORNIA", "Oakland Police Dept.", "Municipality", None, "Task Force Model ", datetime(2025, 3, 4)),
    (
        "CALIFORNIA",
        "San Jose Police Department",
        "Municipality",
        None,
        "Warrant Service Officer",
        datetime(2020, 2, 12),
    ),
    (
        "VIRGINIA",
        "Richmond County Sheriff Office",
        "County ",
        "Richmond County",
        "Warrant Service Officer",
        datetime(2024, 7, 8),
    ),
    ("VIRGINIA", "Nowhere Townshp Constable", "State", None, "Task Force Model", datetime(2024, 9, 10)),
]
MONITOR_HEADER = [
    "STATE",
    "LAW ENFORCEMENT AGENCY",
    "TYPE",
    "COUNTY",
    "SUPPORT TYPE",
    "SIGNED",
    "Status",
    "Last Seen",
    "MOA",
]
MONITOR = [
    (
        "CALIFORNIA",
        "Oakland Police Department",
        "Municipality",
        None,
        "Task Force Model",
        "3/4/25",
        "Present",
        "5/18/26",
    ),
    # Listed and gone again between the 2025 and 2026 sheets; "Last Seen" repeats the signed date.
    (
        "CALIFORNIA",
        "Milpitas Police Department",
        "Municipality",
        "Santa Clara County",
        "Task Force Model",
        "9/1/25",
        "Absent",
        "9/1/25",
    ),
    # A typo ICE fixed later: the same agreement as Santa Clara's sheriff's, not a second one.
    (
        "CALIFORNIA",
        "Santa Clara Conty Sheriff's Office",
        "County",
        "Santa Clara County",
        "Jail Enforcement Model",
        "1/2/25",
        "Absent",
        "1/2/25",
    ),
]


def wayback_rows(date: str) -> list[tuple]:
    rows = [SANTA_CLARA_2020, SAN_JOSE]
    return rows + [ALAMEDA_SHERIFF] if date < "2023" else rows


# The older sheets as entries of sources.yaml; listed after the newest ones, as in the project's.
WAYBACK_SHEETS = [
    {"series": "ice_287g_wayback", "as_of": date, "files": [f"287g/ice_287g_participating_wayback_{date}.xlsx"]}
    for date in WAYBACK_DATES
]
SHEET_2025_ENTRY = {
    "series": "ice_287g_participating",
    "as_of": "2025-07-30",
    "files": ["287g/ice_287g_participatingAgencies_2025-07-30.xlsx"],
}
SHEETS = [*rawfixtures.CURRENT_SHEETS, *WAYBACK_SHEETS, SHEET_2025_ENTRY]


def write_history_sheets(raw, wayback=wayback_rows, sheet_2025=SHEET_2025, monitor=MONITOR):
    for entry in WAYBACK_SHEETS:
        rawfixtures.write_sheet(raw / entry["files"][0], WAYBACK_HEADER, wayback(entry["as_of"]))
    rawfixtures.write_sheet(raw / SHEET_2025_ENTRY["files"][0], rawfixtures.SHEET_HEADER, sheet_2025)
    rawfixtures.write_sheet(
        raw / "287g/relevantresearch_287g_cumulative_status_2026-05-18.xlsx", MONITOR_HEADER, monitor
    )


@pytest.fixture()
def raw(tmp_path):
    raw = rawfixtures.write_raw_folder(tmp_path / "raw")
    write_history_sheets(raw)
    return raw


def built(raw):
    counties, _, _ = build_counties(raw)
    index = CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))
    agencies = build_agencies(raw, index, rawfixtures.main_county_file(raw))
    registry = rawfixtures.registry(raw, SHEETS)
    return build_history(raw, index, agencies, build_agreements(raw, index, agencies, registry), registry)


def by_agency(history: pd.DataFrame) -> pd.DataFrame:
    return history.set_index(["agency", "model"])


def test_added_agreements_are_first_seen_on_their_first_sheet(raw):
    history = by_agency(built(raw)[0])
    oakland = history.loc[("Oakland Police Department", "task_force")]
    assert (oakland["first_seen"], oakland["status"]) == ("2025-07-30", "on_list")
    assert oakland["first_seen_source"] == "ice_287g_participatingAgencies_2025-07-30.xlsx"
    guam = history.loc[("Guam Police Department", "task_force")]
    assert (guam["listed_on"], guam["first_seen"], guam["last_seen"]) == ("2026-05-18", "2026-05-18", "2026-05-18")


def test_agreements_missing_from_the_newest_sheet_are_no_longer_listed(raw):
    history = by_agency(built(raw)[0])
    alameda = history.loc[("Alameda County Sheriff's Office", "warrant_service")]
    assert alameda["listed_on"] == "2021-01-13;2022-01-04"
    assert (alameda["last_seen"], alameda["status"]) == ("2022-01-04", "no_longer_listed")
    san_jose = history.loc[("San Jose Police Department", "warrant_service")]
    assert (san_jose["last_seen"], san_jose["status"]) == ("2025-07-30", "no_longer_listed")


def test_re_signed_agreement_keeps_its_latest_signed_date(raw):
    santa_clara = by_agency(built(raw)[0]).loc[("Santa Clara County Sheriff's Office", "jail_enforcement")]
    assert (santa_clara["signed"], santa_clara["earlier_signed"], santa_clara["re_signed"]) == (
        "2025-01-02",
        "2020-06-09",
        True,
    )
    assert santa_clara["signed_source"] == "ice_287g_participatingAgencies_2026-05-18.xlsx"
    assert santa_clara["first_seen"] == "2021-01-13"  # first seen, never the signed date


def test_renamed_agencies_stay_one_agreement(raw):
    history, _, report = built(raw)
    rows = by_agency(history)
    assert len(history) == 9
    assert (
        rows.loc[("Santa Clara County Sheriff's Office", "jail_enforcement"), "earlier_names"]
        == "Santa Clara County Sheriffs Office"
    )
    assert rows.loc[("Oakland Police Department", "task_force"), "earlier_names"] == "Oakland Police Dept."
    assert rows.loc[("Richmond County Sheriff's Office", "warrant_service"), "listed_on"] == "2025-07-30;2026-05-18"
    constable = rows.loc[("Nowhere Township Constable", "task_force")]
    assert (constable["earlier_names"], constable["first_seen"]) == ("Nowhere Townshp Constable", "2025-07-30")
    merges = report["agreement_history"]["merged_names"]
    assert {
        "state_abbr": "VA",
        "model": "task_force",
        "rule": "misspelling_fixed",
        "names": ["Nowhere Township Constable", "Nowhere Townshp Constable"],
    } in merges


def test_older_tables_are_placed_by_the_county_in_the_name_or_the_fbi_list(raw):
    history, _, report = built(raw)
    rows = by_agency(history)
    assert tuple(rows.loc[("Alameda County Sheriff's Office", "warrant_service"), ["county_fips", "placed_by"]]) == (
        "06001",
        "agency_name",
    )
    assert tuple(rows.loc[("San Jose Police Department", "warrant_service"), ["county_fips", "placed_by"]]) == (
        "06085",
        "fbi_agency_list",
    )
    assert rows.loc[("Alameda County Sheriff's Office", "warrant_service"), "agency_type"] == "sheriff"
    match = report["agreement_history"]["wayback_tables_placed_on_a_county"]
    assert (match["placeable"], match["placed"], match["match_rate"]) == (3, 3, 1.0)


def test_monitor_only_agreements_are_labelled_and_undated(raw):
    history, _, report = built(raw)
    milpitas = by_agency(history).loc[("Milpitas Police Department", "task_force")]
    assert milpitas["evidence"] == "third_party_monitor_only"
    assert pd.isna(milpitas["first_seen"]) and pd.isna(milpitas["listed_on"])
    assert (milpitas["monitor_seen_after"], milpitas["monitor_seen_before"]) == ("2025-07-30", "2026-05-18")
    assert milpitas["status"] == "no_longer_listed"
    assert not history["agency"].str.contains("Conty").any()
    monitor = report["agreement_history"]["third_party_monitor"]
    assert monitor["absent_rows_whose_last_seen_is_the_signed_date"] == 2


def test_models_and_types_spelled_differently_are_read(raw):
    assert model_id("Warrant Services Officer ") == "warrant_service"
    assert model_id("Hotel Model") is None
    rows = by_agency(built(raw)[0])
    assert rows.loc[("Nowhere Township Constable", "task_force"), "ice_agency_type"] == "Municipality"


def test_snapshot_counts_and_consecutive_changes(raw):
    _, counts, report = built(raw)
    assert list(counts["snapshot_date"]) == [*WAYBACK_DATES, "2025-07-30", "2026-05-18"]
    newest = counts.set_index("snapshot_date").loc["2026-05-18"]
    # Santa Clara's sheriff, Oakland (Alameda), Richmond County's sheriff: 3 counties, 2 by the jail's agency.
    assert (newest["agreements"], newest["counties_any_agency"], newest["counties_jail_agency"]) == (6, 3, 2)
    changes = {
        (c["from"], c["to"]): (c["added"], c["no_longer_listed"])
        for c in report["agreement_history"]["changes_between_consecutive_sheets"]
    }
    assert changes[("2022-01-04", "2023-01-02")] == (0, 1)
    assert changes[("2025-02-19", "2025-07-30")] == (3, 0)
    assert changes[("2025-07-30", "2026-05-18")] == (2, 1)


def test_output_is_deterministic(raw):
    first, second = built(raw), built(raw)
    pd.testing.assert_frame_equal(first[0], second[0])
    assert first[2] == second[2]


def test_unknown_model_in_an_old_table_names_file_row_and_column(raw):
    write_history_sheets(raw, wayback=lambda date: [SANTA_CLARA_2020[:2] + ("Hotel Model", "2020-06-09")])
    with pytest.raises(RawDataError) as error:
        built(raw)
    assert (error.value.row, error.value.column) == (2, "SUPPORT TYPE")
    assert "wayback_2021-01-13" in error.value.file


def test_bad_monitor_status_is_named(raw):
    write_history_sheets(raw, monitor=[MONITOR[0][:6] + ("Gone", "5/18/26")])
    with pytest.raises(RawDataError, match="cumulative_status.*row 2, column 'Status'"):
        built(raw)


@pytest.mark.parametrize(
    ("first", "second", "state"),
    [
        ("Pasco County Sheriff's Office ", "pasco county sheriffs office", "FL"),
        ("Cape May County Sheriffs Office", "Cape May County Sheriff Office", "NJ"),
        ("Monmouth County Sheriff's Office (Addendum)", "Monmouth County Sheriff's Office", "NJ"),
        ("Alaska Department of Corrections", "Department of Corrections", "AK"),
        ("Plymouth County Sheriff's Department", "Plymouth County Sheriff's Office", "MA"),
    ],
)
def test_name_variants_share_a_key(first, second, state):
    assert history_key(first, state) == history_key(second, state)


@pytest.mark.parametrize(
    ("first", "second", "state"),
    [
        ("Bexar County Constable Precinct 3", "Bexar County Constable Precinct 4", "TX"),
        ("Texas County Sheriff's Office", "County Sheriff's Office", "MO"),
    ],
)
def test_different_agencies_keep_different_keys(first, second, state):
    assert history_key(first, state) != history_key(second, state)
