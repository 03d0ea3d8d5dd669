"""The federal "sanctuary jurisdiction" lists and the county statements of the leads folder, as claims.

policy/leads/ (../shared/data/raw/README.txt) holds the Justice Department's list of 2025-08-05, complete, and
Homeland Security's list of 2025-05-29, withdrawn about 2025-06-01 after errors and sheriffs' objections and
rebuilt state by state from news pages that reprinted their state's section. Each entry is placed: a county on
its county, a city on the main county of its police (the FBI agency list), a state on no county. Which states'
county lists are whole is said per list in the coverage table: a county missing from a list it was checked
against is "not listed"; elsewhere it is "not checked". Neither list ever sets an indicator or colors the map.

county_policy_statements_partial.csv quotes county or sheriff statements, lawsuits and petitions from news,
legal and advocacy pages; each is shown as its publisher's claim, with its quote, never as the county's policy.
"""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import states, vocab
from lib.build.agreements import agency_key
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, spreadsheet_row, validate
from lib.countynames import CountyIndex

LEADS = Path("policy/leads")
LIST_FILES = {
    vocab.DOJ_LIST_2025: LEADS / "doj_sanctuary_list_2025-08-05.csv",
    vocab.DHS_LIST_2025: LEADS / "dhs_sanctuary_list_2025-05-29_partial.csv",
}
STATEMENTS_FILE = LEADS / "county_policy_statements_partial.csv"
# The states whose county entries each list holds whole, as the raw folder's README says: the DOJ list was
# published whole; of the 11 states of the DHS list rebuilt (CA, WA, MN, CO, NY, PA, NE, NJ, OR, WI, DE), the
# county lists "look complete for CA, WA, MN, NY, PA and NE; CO and OR are partial" (the others unsaid).
WHOLE_STATES = {
    vocab.DOJ_LIST_2025: tuple(sorted(states.FIPS_BY_ABBR)),
    vocab.DHS_LIST_2025: ("CA", "MN", "NE", "NY", "PA", "WA"),
}
REBUILT_STATES = {
    vocab.DOJ_LIST_2025: WHOLE_STATES[vocab.DOJ_LIST_2025],
    vocab.DHS_LIST_2025: ("CA", "CO", "DE", "MN", "NE", "NJ", "NY", "OR", "PA", "WA", "WI"),
}

lead_schema = pa.DataFrameSchema(
    {
        "state": pa.Column(str, pa.Check.isin(sorted(states.FIPS_BY_ABBR))),
        "jurisdiction_name": pa.Column(str),
        "jurisdiction_type": pa.Column(str),
        "indicator": pa.Column(str),
        "policy_text": pa.Column(str),
        "policy_date": pa.Column(str, nullable=True),
        "source_title": pa.Column(str),
        "source_publisher": pa.Column(str),
        "source_date": pa.Column(str, nullable=True),
        "source_location": pa.Column(str),
        "note": pa.Column(str, nullable=True),
    },
    strict=True,
)


def _city_counties(agencies: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(state, name key) -> the main county of the city police of that name, where one agency bears it."""
    cities = agencies[(agencies["fbi_agency_type"] == "City") & agencies["county_fips"].notna()]
    keyed = cities.assign(key=cities["agency"].map(agency_key))
    once = keyed.drop_duplicates(["state_abbr", "key"], keep=False)
    return dict(zip(zip(once["state_abbr"], once["key"], strict=True), once["county_fips"], strict=True))


def _read(path: Path) -> pd.DataFrame:
    return validate(read_csv(path), lead_schema, path)


def build_federal_lists(raw_dir: Path, county_index: CountyIndex, agencies: pd.DataFrame) -> pd.DataFrame:
    cities = _city_counties(agencies)
    frames = []
    for list_id, file in LIST_FILES.items():
        path = raw_dir / file
        rows = _read(path)
        kinds = rows["jurisdiction_type"]
        unknown = rows[~kinds.isin(vocab.LISTED_KINDS)]
        if not unknown.empty:
            raise RawDataError(
                path,
                "jurisdiction_type must be state, county or city",
                spreadsheet_row(unknown.index[0]),
                "jurisdiction_type",
            )

        def county_of(row: pd.Series) -> str | None:
            if row["jurisdiction_type"] == vocab.LISTED_COUNTY:
                return county_index.lookup(states.FIPS_BY_ABBR[row["state"]], row["jurisdiction_name"])
            if row["jurisdiction_type"] == vocab.LISTED_CITY:
                name = row["jurisdiction_name"].removeprefix("City of ").split(" (")[0]
                return cities.get((row["state"], agency_key(name)))
            return None

        placed = rows.apply(county_of, axis=1)
        lost = rows[(kinds == vocab.LISTED_COUNTY) & placed.isna()]
        if not lost.empty:
            raise RawDataError(
                path, "no county of this name in the state", spreadsheet_row(lost.index[0]), "jurisdiction_name"
            )
        frames.append(
            pd.DataFrame(
                {
                    "list_id": list_id,
                    "state_abbr": rows["state"],
                    "listed_as": kinds,
                    "jurisdiction": rows["jurisdiction_name"],
                    "county_fips": placed,
                    "list_date": rows["policy_date"].fillna(rows["source_date"]),
                    "source_publisher": rows["source_publisher"],
                    "source_date": rows["source_date"],
                    "source_urls": rows["source_location"].str.replace(r"\s*;\s*", " ", regex=True).str.strip(),
                    "note": rows["note"],
                }
            )
        )
    lists = pd.concat(frames, ignore_index=True)
    return lists.sort_values(["list_id", "state_abbr", "listed_as", "jurisdiction"]).reset_index(drop=True)


def build_federal_list_coverage() -> pd.DataFrame:
    """Per list, the states it was checked for and whether their county entries are whole."""
    return pd.DataFrame(
        [
            {"list_id": list_id, "state_abbr": state, "counties_whole": state in WHOLE_STATES[list_id]}
            for list_id in vocab.FEDERAL_LISTS
            for state in REBUILT_STATES[list_id]
        ]
    )


def build_county_statements(raw_dir: Path, county_index: CountyIndex) -> pd.DataFrame:
    path = raw_dir / STATEMENTS_FILE
    rows = _read(path)
    fips = [
        county_index.lookup(states.FIPS_BY_ABBR[state], name)
        for state, name in zip(rows["state"], rows["jurisdiction_name"], strict=True)
    ]
    missing = [index for index, code in zip(rows.index, fips, strict=True) if code is None]
    if missing:
        raise RawDataError(
            path, "no county of this name in the state", spreadsheet_row(missing[0]), "jurisdiction_name"
        )
    return (
        pd.DataFrame(
            {
                "county_fips": fips,
                "speaker": rows["jurisdiction_name"],
                "claim": rows["indicator"],
                "quote": rows["policy_text"],
                "claim_date": rows["policy_date"],
                "source_title": rows["source_title"],
                "source_publisher": rows["source_publisher"],
                "source_date": rows["source_date"],
                "source_url": rows["source_location"],
                "note": rows["note"],
            }
        )
        .sort_values(["county_fips", "claim"])
        .reset_index(drop=True)
    )
