"""Law enforcement agencies from the FBI's 2025 agency list, each placed in its county (or counties).

The FBI lists a city in several counties when it spans them ("JEFFERSON, SHELBY"); the first is kept as
the agency's main county and all are kept for search.
"""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import states
from lib.build.readers import read_csv, validate
from lib.countynames import CountyIndex

FBI_FILE = Path("agencies/fbi_cde_lee_2025_agencies_by_ori.csv")

fbi_schema = pa.DataFrameSchema(
    {
        "ori": pa.Column(str, pa.Check.str_matches(r"^[A-Z0-9]{9}$"), unique=True),
        "data_year": pa.Column(str, pa.Check.str_matches(r"^\d{4}$")),
        "pub_agency_name": pa.Column(str),
        "state_abbr": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$")),
        "county_name": pa.Column(str, nullable=True),
        "agency_type_name": pa.Column(str),
    },
    strict=False,
)


def build_agencies(raw_dir: Path, county_index: CountyIndex) -> pd.DataFrame:
    path = raw_dir / FBI_FILE
    fbi = validate(read_csv(path), fbi_schema, path)
    fbi["state_fips"] = fbi["state_abbr"].map(states.fips_for_state)
    fbi = fbi.dropna(subset=["state_fips"])

    def county_codes(row: pd.Series) -> list[str]:
        names = str(row["county_name"] or "").split(",")
        codes = (county_index.lookup(row["state_fips"], name) for name in names)
        return list(dict.fromkeys(code for code in codes if code))

    placed = fbi.apply(county_codes, axis=1)
    agencies = pd.DataFrame(
        {
            "ori": fbi["ori"],
            "agency": fbi["pub_agency_name"].str.strip(),
            "state_abbr": fbi["state_fips"].map(states.ABBR_BY_FIPS),
            "fbi_agency_type": fbi["agency_type_name"],
            "county_fips": placed.map(lambda codes: codes[0] if codes else None),
            "all_county_fips": placed.map(";".join),
            "data_year": fbi["data_year"],
        }
    )
    return agencies.sort_values("ori").reset_index(drop=True)
