"""Who runs the jail and governs the county: small curated files compile, and every kind of bad row is named by
file, row and column."""

import pandas as pd
import pytest

from lib import datasets
from lib.build.errors import RawDataError
from lib.build.governance import build_county_governance, build_state_governance
from tests.build.rawfixtures import with_cell
from tests.build.rawfixtures import write_csv as write

COUNTIES = pd.DataFrame({"fips": ["09110", "21111", "48201"], "state_abbr": ["CT", "KY", "TX"]})

STATE_HEADER = list(datasets.STATE_GOVERNANCE.schema.columns)
STATES = [
    ["TX", "sheriff", "yes", "Commissioners Court", "none", "Yes, and has: SB 4 (2017) orders jails to honor holds.",
     "Tex. Loc. Gov't Code 351.041", "research", "2026-11-24", "statute", "draft", "sheriff keeps the jail"],
    ["CT", "state_unified_system", "no_sheriff", "none (no county government)", "none", "The state runs the jails.",
     "", "research", "2026-11", "report", "draft", "no counties"],
    ["KY", "elected_jailer", "no_sheriff_jail_role", "Fiscal Court", "common", "The legislature can override.",
     "Ky. Const. sec. 99", "research", "2026", "constitution", "draft", "elected jailer"],
]
COUNTY_HEADER = list(datasets.COUNTY_GOVERNANCE.schema.columns)
OVERRIDES = [
    ["21111", "jail_operator_name", "Louisville Metro Department of Corrections", "research", "2026-11-24", "report",
     "draft", "metro department"],
    ["21111", "jail_operator", "county_corrections_department", "research", "2026-11-24", "report", "draft",
     "metro department"],
    ["48201", "county_executive", "none", "research", "2026-11-24", "report", "draft", "county judge presides"],
]


def states_with(tmp_path, rows):
    return build_state_governance(COUNTIES, write(tmp_path / "state_governance.csv", STATE_HEADER, rows))


def overrides_with(tmp_path, rows):
    return build_county_governance(COUNTIES, write(tmp_path / "county_governance.csv", COUNTY_HEADER, rows))


def assert_names(error, path, row, column):
    assert (error.value.file, error.value.row, error.value.column) == (str(path), row, column)


def test_valid_state_governance_compiles_one_sorted_row_per_state(tmp_path):
    governance = states_with(tmp_path, STATES)
    datasets.STATE_GOVERNANCE.schema.validate(governance)
    assert list(governance.columns) == STATE_HEADER
    assert list(governance["state_abbr"]) == ["CT", "KY", "TX"]
    assert pd.isna(governance.loc[0, "citation"])
    assert (governance["review_status"] == "draft").all()


def test_valid_county_overrides_compile_sorted_with_fields_in_declared_order(tmp_path):
    overrides = overrides_with(tmp_path, OVERRIDES)
    datasets.COUNTY_GOVERNANCE.schema.validate(overrides)
    assert list(overrides.columns) == COUNTY_HEADER
    assert list(zip(overrides["county_fips"], overrides["field"])) == [
        ("21111", "jail_operator"), ("21111", "jail_operator_name"), ("48201", "county_executive")]
    assert overrides["county_fips"].map(type).eq(str).all()
    assert (overrides["review_status"] == "draft").all()


def test_missing_state_is_named(tmp_path):
    with pytest.raises(RawDataError, match="no row for KY") as error:
        states_with(tmp_path, STATES[:2])
    assert_names(error, tmp_path / "state_governance.csv", None, "state_abbr")


def test_second_row_for_a_state_is_refused(tmp_path):
    with pytest.raises(RawDataError) as error:
        states_with(tmp_path, STATES + [STATES[0]])
    assert_names(error, tmp_path / "state_governance.csv", 5, "state_abbr")


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [(0, "jail_operator", "warden"),               # not in the operator vocabulary
     (1, "sheriff_elected", "sometimes"),
     (2, "county_executive", "many"),
     (0, "state_abbr", "GU"),                      # a territory the map does not cover
     (1, "basis", "news"),
     (2, "review_status", "reviewed"),             # nobody has reviewed anything yet
     (0, "source_date", "24/11/2026"),
     (1, "note", ""),
     (1, "basis", "statute"),                      # a statute basis needs its citation
     (0, "basis", "report")],                      # a citation needs a statute or constitution basis
)
def test_bad_state_cells_are_named_by_file_row_and_column(tmp_path, row, column, value):
    with pytest.raises(RawDataError) as error:
        states_with(tmp_path, with_cell(STATES, row, column, value, STATE_HEADER))
    assert_names(error, tmp_path / "state_governance.csv", row + 2, column)


def test_sheriff_run_jails_in_a_state_without_sheriffs_are_refused(tmp_path):
    with pytest.raises(RawDataError, match="run no jail") as error:
        states_with(tmp_path, with_cell(STATES, 1, "jail_operator", "sheriff", STATE_HEADER))
    assert_names(error, tmp_path / "state_governance.csv", 3, "sheriff_elected")


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [(2, "county_fips", "99999"),                  # well formed, but no such county
     (2, "county_fips", "1111"),                   # FIPS lost its leading digit
     (0, "field", "sheriff_name"),                 # not a field a county may override
     (1, "value", "mixed"),                        # one county has one operator
     (2, "value", "common"),                       # a state-level word, not a county's
     (0, "basis", "news"),
     (1, "review_status", "reviewed"),
     (2, "source_date", "2026-13"),
     (0, "note", "")],
)
def test_bad_county_cells_are_named_by_file_row_and_column(tmp_path, row, column, value):
    with pytest.raises(RawDataError) as error:
        overrides_with(tmp_path, with_cell(OVERRIDES, row, column, value, COUNTY_HEADER))
    assert_names(error, tmp_path / "county_governance.csv", row + 2, column)


def test_second_override_of_a_county_field_is_refused(tmp_path):
    with pytest.raises(RawDataError, match="second row") as error:
        overrides_with(tmp_path, OVERRIDES + [OVERRIDES[2]])
    assert_names(error, tmp_path / "county_governance.csv", 5, "field")


def test_curated_files_cover_every_state_and_every_row_is_a_draft(data):
    governance = build_state_governance(data.counties)
    overrides = build_county_governance(data.counties)
    assert sorted(governance["state_abbr"]) == sorted(data.counties["state_abbr"].unique())
    assert (governance["review_status"] == "draft").all() and (overrides["review_status"] == "draft").all()
    assert overrides["county_fips"].isin(data.counties["fips"]).all()
