"""Finding a county by its name, or by the name of a city or police agency in it (FBI agency list)."""

import re
from dataclasses import dataclass

import pandas as pd

from lib.countynames import ascii_fold
from lib.data import CompiledData

MIN_QUERY_LENGTH = 2


@dataclass(frozen=True)
class Hit:
    fips: str
    label: str  # what the person sees, e.g. "Mesa (city or town police) → Maricopa County, AZ"


def _fold(text: pd.Series | str):
    if isinstance(text, str):
        return re.sub(r"\s+", " ", ascii_fold(text).lower()).strip()
    return text.map(_fold)


def build_index(data: CompiledData) -> pd.DataFrame:
    """One row per searchable name: counties first, then agencies, each pointing at a county."""
    counties = data.counties
    county_labels = counties["name"] + ", " + counties["state_abbr"]
    county_rows = pd.DataFrame({"fips": counties["fips"], "label": county_labels, "name": counties["name"],
                                "state_abbr": counties["state_abbr"], "rank": 0})
    agencies = data.agencies.dropna(subset=["county_fips"])
    county_names = data.counties_by_fips["name"]
    agency_labels = (agencies["agency"] + ", " + agencies["state_abbr"] + " (" + agencies["fbi_agency_type"].str.lower()
                     + " agency) → " + agencies["county_fips"].map(county_names))
    agency_rows = pd.DataFrame({"fips": agencies["county_fips"], "label": agency_labels, "name": agencies["agency"],
                                "state_abbr": agencies["state_abbr"], "rank": 1})
    index = pd.concat([county_rows, agency_rows], ignore_index=True)
    index["folded"] = _fold(index["name"])
    return index


def search(index: pd.DataFrame, query: str, limit: int = 12) -> list[Hit]:
    """Names that start with the query come first, then names that contain it; 'Name, ST' narrows to a state."""
    text = _fold(query or "")
    state = None
    match = re.match(r"^(.*?),\s*([a-z]{2})$", text)
    if match:
        text, state = match.group(1).strip(), match.group(2).upper()
    if len(text) < MIN_QUERY_LENGTH:
        return []
    candidates = index if state is None else index[index["state_abbr"] == state]
    contains = candidates[candidates["folded"].str.contains(text, regex=False)]
    starts = contains["folded"].str.startswith(text)
    ordered = contains.assign(starts=~starts).sort_values(["starts", "rank", "folded", "label"])
    return [Hit(row.fips, row.label) for row in ordered.head(limit).itertuples()]
