"""State public-records laws: the curated file compiles with a row for every state, and a row that claims more
than it quotes is named by file, row and column."""

import pandas as pd
import pytest

from lib import states
from lib.build.errors import RawDataError
from lib.build.public_records import PUBLIC_RECORDS_LAWS_FILE, build_public_records_laws
from lib.vocab import CHECKED_AGAINST_TEXT


@pytest.fixture(scope="module")
def curated() -> pd.DataFrame:
    return pd.read_csv(PUBLIC_RECORDS_LAWS_FILE, dtype=str, keep_default_na=False)


def build_with(tmp_path, frame: pd.DataFrame) -> pd.DataFrame:
    path = tmp_path / "public_records_laws.csv"
    frame.to_csv(path, index=False)
    return build_public_records_laws(path)


def first_checked(frame: pd.DataFrame) -> int:
    return int(frame.index[frame["review_status"] == CHECKED_AGAINST_TEXT][0])


def test_the_curated_file_has_one_row_per_state_and_checked_rows_quote_both(curated):
    laws = build_public_records_laws()
    assert sorted(laws["state_abbr"]) == sorted(states.FIPS_BY_ABBR)
    checked = laws[laws["review_status"] == CHECKED_AGAINST_TEXT]
    assert len(checked) >= 15
    assert checked["deadline_quote"].notna().all() and checked["who_quote"].notna().all()


def test_a_missing_state_is_named(tmp_path, curated):
    with pytest.raises(RawDataError, match="no row for WY"):
        build_with(tmp_path, curated[curated["state_abbr"] != "WY"])


@pytest.mark.parametrize("column", ["deadline_quote", "who_quote", "who_url"])
def test_a_checked_row_without_its_quotes_is_named(tmp_path, curated, column):
    broken = curated.copy()
    row = first_checked(broken)
    broken.loc[row, column] = ""
    with pytest.raises(RawDataError, match=f"needs {column}") as error:
        build_with(tmp_path, broken)
    assert error.value.row == row + 2 and error.value.column == column


def test_a_draft_row_may_lack_quotes(tmp_path, curated):
    relaxed = curated.copy()
    row = first_checked(relaxed)
    relaxed.loc[row, ["review_status", "who_quote", "who_url"]] = ["draft", "", ""]
    assert len(build_with(tmp_path, relaxed)) == len(curated)


@pytest.mark.parametrize(
    ("column", "value"), [("url", "javascript:alert(1)"), ("deadline_quote", "x" * 400), ("requesters", "anyone")]
)
def test_a_bad_cell_is_named(tmp_path, curated, column, value):
    broken = curated.copy()
    broken.loc[0, column] = value
    with pytest.raises(RawDataError, match=column):
        build_with(tmp_path, broken)
