"""The main county of a police agency that serves several: the county holding most of its residents.

The FBI lists a city's counties in an order that says nothing about where its people live ("FORT BEND, HARRIS,
MONTGOMERY" for Houston), so its first county is no main county. curation/agency_main_county.csv names, for every
agency in several counties that serves 100,000 people or more or holds a 287(g) agreement, the county with most of
its residents in the 2020 Census, with the rows of the Geocorr 2022 place-to-county table it was read from. The
agency's main county is where its city is found in search, who decides and the asks; every county it serves still
leads to it. An agency the table does not name keeps the FBI's first county, and its basis says so; the build report
lists those that should be in the table (`agency_main_county.needs_curation`).
"""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import datasets, vocab
from lib.build.agreements import agency_key
from lib.build.errors import RawDataError
from lib.build.readers import read_csv, spreadsheet_row, validate
from lib.paths import PROJECT_ROOT

MAIN_COUNTY_FILE = PROJECT_ROOT / "curation" / "agency_main_county.csv"
# Agencies serving at least this many people (FBI population) need a curated main county, as do all with a 287(g)
# agreement: they are the ones people search for and the asks name.
CURATED_FROM_POPULATION = 100_000

main_county_schema = pa.DataFrameSchema(
    {
        "ori": pa.Column(str, pa.Check.str_matches(r"^[A-Z0-9]{9}$"), unique=True),
        "agency": pa.Column(str),
        "state_abbr": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$")),
        "main_county_fips": pa.Column(str, pa.Check.str_matches(datasets.FIPS)),
        "main_county_name": pa.Column(str),
        "all_county_fips": pa.Column(str, pa.Check.str_matches(r"^\d{5}(;\d{5})+$")),
        # The Geocorr rows of the place, one per county it spans, ' / '-separated, as the table has them.
        "quote": pa.Column(str),
        "source_url": pa.Column(str, pa.Check.str_matches(r"^https://\S+$")),
        "source_title": pa.Column(str),
        "read_on": pa.Column(str, pa.Check.str_matches(datasets.DATE)),
        "note": pa.Column(str),
    },
    strict=True,
)


def read_main_counties(path: Path) -> pd.DataFrame:
    return validate(read_csv(path), main_county_schema, path)


def place_on_main_county(agencies: pd.DataFrame, curated: pd.DataFrame, path: Path) -> pd.DataFrame:
    """`agencies` with county_fips the main county and main_county_basis saying how it was chosen. A curated row
    must name an agency of the FBI list with the same counties (else the list changed and the row is to be read
    again) and a main county among them."""
    by_ori = agencies.set_index("ori")
    for index, row in curated.iterrows():
        if row["ori"] not in by_ori.index:
            raise RawDataError(
                path, f"no agency of the FBI list has the ORI {row['ori']!r}", spreadsheet_row(index), "ori"
            )
        listed = set(str(by_ori.at[row["ori"], "all_county_fips"]).split(";"))
        if set(row["all_county_fips"].split(";")) != listed:
            raise RawDataError(
                path,
                f"the FBI list now places {row['ori']} in {';'.join(sorted(listed))}: read the Census counts again",
                spreadsheet_row(index),
                "all_county_fips",
            )
        if row["main_county_fips"] not in listed:
            raise RawDataError(
                path, "the main county is none of the agency's counties", spreadsheet_row(index), "main_county_fips"
            )
    main = agencies["ori"].map(curated.set_index("ori")["main_county_fips"])
    several = agencies["all_county_fips"].fillna("").str.contains(";")
    basis = pd.Series(vocab.ONLY_COUNTY, index=agencies.index).where(~several, vocab.FIRST_LISTED)
    basis = basis.where(main.isna(), vocab.MOST_RESIDENTS_2020).where(agencies["county_fips"].notna(), None)
    return agencies.assign(county_fips=main.fillna(agencies["county_fips"]), main_county_basis=basis)


def main_county_report(agencies: pd.DataFrame, population: pd.Series, agreements: pd.DataFrame) -> dict:
    """How many agencies in several counties have a curated main county, and which of those that need one
    (CURATED_FROM_POPULATION or a 287(g) agreement of the same state and name) do not."""
    with_287g = set(zip(agreements["state_abbr"], agreements["agency"].map(agency_key), strict=True))
    first_listed = agencies[agencies["main_county_basis"] == vocab.FIRST_LISTED]
    served = first_listed["ori"].map(population).fillna(0)
    holds_287g = pd.Series(
        [
            (state, agency_key(name)) in with_287g
            for state, name in zip(first_listed["state_abbr"], first_listed["agency"], strict=True)
        ],
        index=first_listed.index,
        dtype=bool,
    )
    needs = first_listed[(served >= CURATED_FROM_POPULATION) | holds_287g]
    return {
        "agency_main_county": {
            "curated": int((agencies["main_county_basis"] == vocab.MOST_RESIDENTS_2020).sum()),
            "first_listed": len(first_listed),
            "needs_curation": needs[["ori", "agency", "state_abbr", "all_county_fips"]].to_dict("records"),
        }
    }
