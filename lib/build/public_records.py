"""State public-records laws, which a county's records request cites, and the penalties state laws set for
limiting cooperation with ICE, which the meeting preparation answers: both hand-curated.

curation/public_records_laws.csv has one row per state (50 states, DC, Puerto Rico): the law's name and citation,
how soon an answer is due and who may ask, each with the law's operative words quoted from the page they were read
on. A row is checked_against_text only where both quotes are there (the law's own words, from a legislature's site
or a reproduction of the code); a row resting on a guide or a summary is a draft, which the letter says.
"""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import datasets, states, vocab
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, spreadsheet_row, validate
from lib.paths import PROJECT_ROOT

PUBLIC_RECORDS_LAWS_FILE = PROJECT_ROOT / "curation" / "public_records_laws.csv"
ADDRESS = r"^https?://\S+$"
QUOTE = pa.Check.str_length(1, datasets.QUOTE_MAX_CHARACTERS)

public_records_laws_schema = pa.DataFrameSchema(
    {
        "state_abbr": pa.Column(str, pa.Check.isin(sorted(states.FIPS_BY_ABBR)), unique=True),
        "law_name": pa.Column(str),
        "citation": pa.Column(str),
        "response_deadline": pa.Column(str),
        "requesters": pa.Column(str, pa.Check.isin(vocab.REQUESTERS)),
        "who_may_request": pa.Column(str),
        "fees": pa.Column(str),
        "deadline_quote": pa.Column(str, QUOTE, nullable=True),
        "who_quote": pa.Column(str, QUOTE, nullable=True),
        "fees_quote": pa.Column(str, QUOTE, nullable=True),
        "url": pa.Column(str, pa.Check.str_matches(ADDRESS)),
        "who_url": pa.Column(str, pa.Check.str_matches(ADDRESS), nullable=True),
        "fees_url": pa.Column(str, pa.Check.str_matches(ADDRESS), nullable=True),
        "source_date": pa.Column(str, pa.Check.str_matches(datasets.DATE)),
        "review_status": pa.Column(str, pa.Check.isin(datasets.STATE_LAW_REVIEW_STATUSES)),
        "fees_review_status": pa.Column(str, pa.Check.isin(datasets.STATE_LAW_REVIEW_STATUSES)),
        "note": pa.Column(str, nullable=True),
    },
    strict=True,
)


def _check_every_state(laws: pd.DataFrame, path: Path) -> None:
    missing = sorted(set(states.FIPS_BY_ABBR) - set(laws["state_abbr"]))
    if missing:
        raise RawDataError(path, f"no row for {', '.join(missing)}: every state needs one (a draft if not read)")


def _check_checked_readings_quote(
    laws: pd.DataFrame, path: Path, status_column: str, columns: tuple[str, ...], what: str
) -> None:
    """A reading checked against the text has its quotes, each read on a page whose address is given; without them
    it is a draft."""
    checked = laws[laws[status_column] == vocab.CHECKED_AGAINST_TEXT]
    for column in columns:
        unquoted = checked[checked[column].isna()]
        if not unquoted.empty:
            raise RawDataError(
                path,
                f"{what} needs {column}; without it {status_column} is draft",
                row=spreadsheet_row(unquoted.index[0]),
                column=column,
            )


def build_public_records_laws(path: Path = PUBLIC_RECORDS_LAWS_FILE) -> pd.DataFrame:
    laws = validate(read_csv(path), public_records_laws_schema, path)
    _check_every_state(laws, path)
    _check_checked_readings_quote(
        laws, path, "review_status", ("deadline_quote", "who_quote", "who_url"), "a checked row"
    )
    # The fees are reviewed on their own.
    _check_checked_readings_quote(
        laws, path, "fees_review_status", ("fees_quote", "fees_url"), "a checked fees reading"
    )
    columns = list(datasets.PUBLIC_RECORDS_LAWS.schema.columns)
    return laws.sort_values("state_abbr")[columns].reset_index(drop=True)


STATE_LAW_PENALTIES_FILE = PROJECT_ROOT / "curation" / "state_law_penalties.csv"

state_law_penalties_schema = pa.DataFrameSchema(
    {
        "state_abbr": pa.Column(str, pa.Check.isin(sorted(states.FIPS_BY_ABBR))),
        "law_name": pa.Column(str),
        "citation": pa.Column(str),
        "consequence": pa.Column(str),
        "quote": pa.Column(str, QUOTE, nullable=True),
        "status": pa.Column(str, pa.Check.isin(vocab.LAW_STATUSES)),
        "url": pa.Column(str, pa.Check.str_matches(ADDRESS)),
        "source_date": pa.Column(str, pa.Check.str_matches(datasets.DATE)),
        "review_status": pa.Column(str, pa.Check.isin(datasets.STATE_LAW_REVIEW_STATUSES)),
        "note": pa.Column(str, nullable=True),
    },
    strict=True,
)


def build_state_law_penalties(path: Path = STATE_LAW_PENALTIES_FILE) -> pd.DataFrame:
    penalties = validate(read_csv(path), state_law_penalties_schema, path)
    unquoted = penalties[(penalties["review_status"] == vocab.CHECKED_AGAINST_TEXT) & penalties["quote"].isna()]
    if not unquoted.empty:
        raise RawDataError(
            path,
            "a checked row needs the law's words in quote; without it the row is a draft",
            row=spreadsheet_row(unquoted.index[0]),
            column="quote",
        )
    columns = list(datasets.STATE_LAW_PENALTIES.schema.columns)
    return penalties.sort_values(["state_abbr", "citation"])[columns].reset_index(drop=True)
