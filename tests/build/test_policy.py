"""State laws and local policies: small curated files compile, and every kind of bad row is named by file,
row and column."""

import pandas as pd
import pytest

from lib import datasets
from lib.build import policy
from lib.build.errors import RawDataError
from lib.build.policy import build_local_policies, build_state_laws
from tests.build.rawfixtures import with_cell
from tests.build.rawfixtures import write_csv as write

LAW_HEADER = list(policy.state_laws_schema.columns)
LAWS = [
    [
        "TX",
        "jail_access",
        "preempts_local_limits",
        "SB 4 (2017)",
        "Tex. Gov't Code 752.053",
        "statute",
        "2017-09-01",
        "in_force",
        "yes",
        "(4) permitting a federal immigration officer to enter",
        "https://example.org/tx-sb4",
        "Statute text (example.org)",
        "2026-12-02",
        "checked_against_text",
        "",
        "bars local limits",
    ],
    [
        "CA",
        "holds",
        "forbids",
        "SB 54 (2017)",
        "",
        "statute",
        "2018-01-01",
        "in_force",
        "yes",
        "shall not detain",
        "https://example.org/ca-sb54",
        "Bill text (example.org)",
        "2026-12-02",
        "checked_against_text",
        "",
        "",
    ],
    [
        "TX",
        "holds",
        "requires",
        "SB 4 (2017)",
        "",
        "statute",
        "2017",
        "in_force",
        "yes",
        "shall comply with",
        "https://example.org/tx-sb4",
        "Secondary summary (example.org)",
        "2026-12-02",
        "draft",
        "",
        "honors holds",
    ],
]
POLICY_HEADER = list(datasets.LOCAL_POLICIES.schema.columns)
POLICIES = [
    [
        "06085",
        "Santa Clara County",
        "ICE hold ordinance",
        "jail_access",
        "refuses",
        "2011-10-05",
        "",
        "toolkit",
        "2015-08",
        "as of 2015",
        "local policy",
        "draft",
        "no ICE in the jail",
    ],
    [
        "06085",
        "Santa Clara County",
        "ICE hold ordinance",
        "holds",
        "refuses",
        "2011-10-05",
        "",
        "toolkit",
        "2015-08",
        "as of 2015",
        "local policy",
        "draft",
        "no holds",
    ],
    [
        "06013",
        "Contra Costa County",
        "",
        "holds",
        "refuses",
        "",
        "",
        "toolkit",
        "2015-08",
        "as of 2015",
        "local policy",
        "draft",
        "no holds",
    ],
]
COUNTIES = pd.DataFrame({"fips": ["06013", "06085", "48201"]})


def laws_with(tmp_path, rows):
    return build_state_laws(write(tmp_path / "state_laws.csv", LAW_HEADER, rows))


def policies_with(tmp_path, rows):
    return build_local_policies(COUNTIES, write(tmp_path / "local_policies.csv", POLICY_HEADER, rows))


def test_valid_state_laws_compile_sorted_with_declared_columns(tmp_path):
    laws = laws_with(tmp_path, LAWS)
    datasets.STATE_LAWS.schema.validate(laws)
    assert list(laws.columns) == list(datasets.STATE_LAWS.schema.columns)
    assert list(zip(laws["state_abbr"], laws["indicator"])) == [("CA", "holds"), ("TX", "holds"), ("TX", "jail_access")]
    assert pd.isna(laws.loc[0, "citation"]) and laws["binds_county_jails"].all()
    assert list(laws["review_status"]) == ["checked_against_text", "draft", "checked_against_text"]


def test_valid_local_policies_compile_sorted_with_declared_columns(tmp_path):
    policies = policies_with(tmp_path, POLICIES)
    datasets.LOCAL_POLICIES.schema.validate(policies)
    assert list(policies.columns) == POLICY_HEADER
    assert list(zip(policies["county_fips"], policies["indicator"])) == [
        ("06013", "holds"),
        ("06085", "holds"),
        ("06085", "jail_access"),
    ]
    assert policies["county_fips"].map(type).eq(str).all()
    assert (policies["as_of_label"] == "as of 2015").all()
    assert (policies["review_status"] == "draft").all()


def assert_names(error, path, row, column):
    assert (error.value.file, error.value.row, error.value.column) == (str(path), row, column)


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [
        (1, "effect", "encourages"),  # not in the effect vocabulary
        (0, "indicator", "courthouses"),
        (2, "state_abbr", "XX"),  # not a state
        (2, "state_abbr", "tx"),
        (1, "effective_date", "2018-02-30"),  # no such day
        (0, "source_date", "22/09/2026"),
        (0, "status", "proposed"),
        (1, "basis", "news"),
        (2, "review_status", "reviewed"),  # checked against the text, or a draft
        (1, "quote", ""),  # every row quotes the words it rests on
        (1, "quote", "x" * 321),
        (0, "url", "example.org/no-scheme"),
        (0, "binds_county_jails", "maybe"),
        (0, "effect", "silent"),
    ],  # silent only with what was searched
)
def test_bad_state_law_cells_are_named_by_file_row_and_column(tmp_path, row, column, value):
    with pytest.raises(RawDataError) as error:
        laws_with(tmp_path, with_cell(LAWS, row, column, value, LAW_HEADER))
    expected = "searched" if value == "silent" else column
    assert_names(error, tmp_path / "state_laws.csv", row + 2, expected)


def test_second_row_for_a_state_indicator_and_law_is_refused(tmp_path):
    with pytest.raises(RawDataError, match="second row") as error:
        laws_with(tmp_path, LAWS + [LAWS[2]])
    assert_names(error, tmp_path / "state_laws.csv", 5, "law_name")


def test_missing_column_is_named(tmp_path):
    rows = [row[:-1] for row in LAWS]
    path = write(tmp_path / "state_laws.csv", LAW_HEADER[:-1], rows)
    with pytest.raises(RawDataError, match="'note' is missing"):
        build_state_laws(path)


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [
        (0, "effect", "forbids"),  # a state-law word, not a local one
        (1, "effect", "allows"),  # a jail_access word on a holds row
        (2, "county_fips", "6013"),  # FIPS lost its leading zero
        (2, "county_fips", "99999"),  # well formed, but no such county
        (0, "adopted_date", "2011-13"),
        (0, "adopted_date", "Oct 2011"),
        (1, "source_date", "2015-08-32"),
        (1, "as_of_label", "2015"),
        (2, "basis", "statute"),
        (0, "review_status", "reviewed"),
        (2, "jurisdiction", ""),
    ],
)
def test_bad_local_policy_cells_are_named_by_file_row_and_column(tmp_path, row, column, value):
    with pytest.raises(RawDataError) as error:
        policies_with(tmp_path, with_cell(POLICIES, row, column, value, POLICY_HEADER))
    assert_names(error, tmp_path / "local_policies.csv", row + 2, column)


def test_curated_files_compile_and_checked_rows_quote_their_law(data):
    laws = build_state_laws()
    policies = build_local_policies(data.counties)
    assert (policies["review_status"] == "draft").all() and policies["as_of_label"].notna().all()
    assert laws["quote"].str.len().between(1, datasets.QUOTE_MAX_CHARACTERS).all()
    assert laws["url"].str.match(r"https?://").all()
    assert laws[["state_abbr", "indicator", "law_name"]].value_counts().max() == 1


def test_a_ruling_naming_a_countys_agency_is_a_local_row_of_its_own_basis(tmp_path):
    policies = policies_with(tmp_path, with_cell(POLICIES, 2, "basis", "case_law", POLICY_HEADER))
    datasets.LOCAL_POLICIES.schema.validate(policies)
    assert "case_law" in set(policies["basis"])
