"""Law enforcement agencies from the FBI's 2025 agency list, each placed in its county (or counties).

The FBI lists a city in several counties when it spans them ("JEFFERSON, SHELBY"); all are kept, and the main
county is the one holding most of its residents where curation/agency_main_county.csv names it
(lib/build/main_county.py).
"""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib import states
from lib.build.main_county import place_on_main_county, read_main_counties
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
        "population": pa.Column(str, pa.Check.str_matches(r"^\d+$"), nullable=True),
    },
    strict=False,
)


def build_agencies(raw_dir: Path, county_index: CountyIndex, main_county_file: Path) -> pd.DataFrame:
    """The FBI's agencies with their counties; main_county_file is the curated table of main counties."""
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
    agencies = place_on_main_county(agencies, read_main_counties(main_county_file), main_county_file)
    return agencies.sort_values("ori").reset_index(drop=True)


def fbi_population(raw_dir: Path) -> pd.Series:
    """The population each agency serves by the FBI's count, by ORI (0 where the FBI gives none)."""
    path = raw_dir / FBI_FILE
    fbi = validate(read_csv(path), fbi_schema, path)
    return pd.to_numeric(fbi.set_index("ori")["population"]).fillna(0)
