"""State laws and local policies: small curated files compile, and every kind of bad row is named by file,
row and column."""

import pandas as pd
import pytest

from lib import datasets
from lib.build.errors import RawDataError
from lib.build.policy import STANCE_DRAFT_FILE, build_local_policies, build_state_laws
from tests.build.rawfixtures import with_cell
from tests.build.rawfixtures import write_csv as write

DRAFT_HEADER = ["state", "stance", "source_type", "common_name", "source_url", "has_review_note"]
DRAFT_ROWS = [
    ["TX", "pro", "statute", "SB 4 (2017)", "https://example.org/tx-sb4", "no"],
    ["CA", "anti", "statute", "SB 54 (2017)", "https://example.org/ca-sb54", "no"],
    ["PA", "none", "none", "", "https://example.org/map", "no"],
]
LAW_HEADER = list(datasets.STATE_LAWS.schema.columns)
LAWS = [
    ["TX", "jail_access", "preempts_local_limits", "SB 4 (2017)", "Tex. Gov't Code 752.053", "2017-09-01", "in_force",
     "https://example.org/tx-sb4", "raw policy draft", "2026-09-22", "statute", "draft", "bars local limits"],
    ["CA", "holds", "forbids", "SB 54 (2017)", "", "2018-01-01", "in_force", "", "raw policy draft", "2026-09-22",
     "statute", "draft", "no holds"],
    ["TX", "holds", "requires", "SB 4 (2017)", "", "2017", "in_force", "https://example.org/tx-sb4",
     "raw policy draft", "2026-09", "statute", "draft", "honors holds"],
]
POLICY_HEADER = list(datasets.LOCAL_POLICIES.schema.columns)
POLICIES = [
    ["06085", "Santa Clara County", "ICE hold ordinance", "jail_access", "refuses", "2011-10-05", "", "toolkit",
     "2015-08", "as of 2015", "local policy", "draft", "no ICE in the jail"],
    ["06085", "Santa Clara County", "ICE hold ordinance", "holds", "refuses", "2011-10-05", "", "toolkit", "2015-08",
     "as of 2015", "local policy", "draft", "no holds"],
    ["06013", "Contra Costa County", "", "holds", "refuses", "", "", "toolkit", "2015-08", "as of 2015",
     "local policy", "draft", "no holds"],
]
COUNTIES = pd.DataFrame({"fips": ["06013", "06085", "48201"]})


@pytest.fixture()
def raw(tmp_path):
    write(tmp_path / "raw" / STANCE_DRAFT_FILE, DRAFT_HEADER, DRAFT_ROWS)
    return tmp_path / "raw"


def laws_with(tmp_path, raw, rows):
    return build_state_laws(raw, write(tmp_path / "state_laws.csv", LAW_HEADER, rows))


def policies_with(tmp_path, rows):
    return build_local_policies(COUNTIES, write(tmp_path / "local_policies.csv", POLICY_HEADER, rows))


def test_valid_state_laws_compile_sorted_with_declared_columns(tmp_path, raw):
    laws = laws_with(tmp_path, raw, LAWS)
    datasets.STATE_LAWS.schema.validate(laws)
    assert list(laws.columns) == LAW_HEADER
    assert list(zip(laws["state_abbr"], laws["indicator"])) == [("CA", "holds"), ("TX", "holds"),
                                                                 ("TX", "jail_access")]
    assert pd.isna(laws.loc[0, "url"]) and pd.isna(laws.loc[0, "citation"])
    assert (laws["review_status"] == "draft").all()


def test_valid_local_policies_compile_sorted_with_declared_columns(tmp_path):
    policies = policies_with(tmp_path, POLICIES)
    datasets.LOCAL_POLICIES.schema.validate(policies)
    assert list(policies.columns) == POLICY_HEADER
    assert list(zip(policies["county_fips"], policies["indicator"])) == [("06013", "holds"), ("06085", "holds"),
                                                                         ("06085", "jail_access")]
    assert policies["county_fips"].map(type).eq(str).all()
    assert (policies["as_of_label"] == "as of 2015").all()
    assert (policies["review_status"] == "draft").all()


def assert_names(error, path, row, column):
    assert (error.value.file, error.value.row, error.value.column) == (str(path), row, column)


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [(1, "effect", "encourages"),          # not in the effect vocabulary
     (0, "indicator", "courthouses"),
     (2, "state_abbr", "XX"),              # not a state
     (2, "state_abbr", "tx"),
     (1, "effective_date", "2018-02-30"),  # no such day
     (1, "effective_date", "2018-01"),     # a year or a full date, nothing between
     (0, "source_date", "22/09/2026"),
     (0, "status", "pending"),
     (1, "basis", "news"),
     (2, "review_status", "reviewed"),     # nobody has reviewed anything yet
     (1, "note", ""),
     (0, "url", "https://example.org/invented"),  # not the draft's link for the state
     (1, "url", "https://example.org/tx-sb4")],   # the draft's link, but for another state
)
def test_bad_state_law_cells_are_named_by_file_row_and_column(tmp_path, raw, row, column, value):
    with pytest.raises(RawDataError) as error:
        laws_with(tmp_path, raw, with_cell(LAWS, row, column, value, LAW_HEADER))
    assert_names(error, tmp_path / "state_laws.csv", row + 2, column)


def test_second_row_for_a_state_and_indicator_is_refused(tmp_path, raw):
    with pytest.raises(RawDataError, match="second row") as error:
        laws_with(tmp_path, raw, LAWS + [LAWS[2]])
    assert_names(error, tmp_path / "state_laws.csv", 5, "indicator")


def test_missing_column_is_named(tmp_path, raw):
    rows = [row[:-1] for row in LAWS]
    path = write(tmp_path / "state_laws.csv", LAW_HEADER[:-1], rows)
    with pytest.raises(RawDataError, match="'note' is missing"):
        build_state_laws(raw, path)


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [(0, "effect", "forbids"),        # a state-law word, not a local one
     (1, "effect", "allows"),         # a jail_access word on a holds row
     (2, "county_fips", "6013"),      # FIPS lost its leading zero
     (2, "county_fips", "99999"),     # well formed, but no such county
     (0, "adopted_date", "2011-13"),
     (0, "adopted_date", "Oct 2011"),
     (1, "source_date", "2015-08-32"),
     (1, "as_of_label", "2015"),
     (2, "basis", "statute"),
     (0, "review_status", "reviewed"),
     (2, "jurisdiction", "")],
)
def test_bad_local_policy_cells_are_named_by_file_row_and_column(tmp_path, row, column, value):
    with pytest.raises(RawDataError) as error:
        policies_with(tmp_path, with_cell(POLICIES, row, column, value, POLICY_HEADER))
    assert_names(error, tmp_path / "local_policies.csv", row + 2, column)


def test_curated_files_compile_and_every_row_is_a_draft(raw_dir, data):
    laws = build_state_laws(raw_dir)
    policies = build_local_policies(data.counties)
    assert (laws["review_status"] == "draft").all() and (policies["review_status"] == "draft").all()
    assert policies["as_of_label"].notna().all()
    assert laws[["state_abbr", "indicator"]].value_counts().max() == 1
