"""Finding a county by its name, or by the name of a city or police agency in it (FBI agency list)."""

import re
from dataclasses import dataclass

import pandas as pd

from lib.countynames import ascii_fold
from lib.data import CompiledData
from lib.i18n import N_, _

MIN_QUERY_LENGTH = 2
# The FBI's agency types, as a hit names them (English, N_: translated when a search runs).
FBI_AGENCY_TYPES = {
    "City": N_("city agency"),
    "County": N_("county agency"),
    "Other": N_("other agency"),
    "University or College": N_("university or college agency"),
    "Other State Agency": N_("other state agency"),
    "State Police": N_("state police agency"),
    "Tribal": N_("tribal agency"),
    "Federal": N_("federal agency"),
}


@dataclass(frozen=True)
class Hit:
    fips: str
    label: str  # what the person sees, e.g. "Mesa, AZ (city agency) → Maricopa County", in the current language


def _fold(text: pd.Series | str):
    if isinstance(text, str):
        return re.sub(r"\s+", " ", ascii_fold(text).lower()).strip()
    return text.map(_fold)


def build_index(data: CompiledData) -> pd.DataFrame:
    """One row per searchable name: counties first, then agencies, each pointing at a county. Language-free (it
    is cached across sessions): `label` is an English sort key; search() words each hit in the current language."""
    counties = data.counties
    county_labels = counties["name"] + ", " + counties["state_abbr"]
    county_rows = pd.DataFrame({"fips": counties["fips"], "label": county_labels, "name": counties["name"],
                                "state_abbr": counties["state_abbr"], "rank": 0})
    agencies = data.agencies.dropna(subset=["county_fips"])
    county_names = data.counties_by_fips["name"]
    agency_county = agencies["county_fips"].map(county_names)
    agency_labels = (agencies["agency"] + ", " + agencies["state_abbr"] + " (" + agencies["fbi_agency_type"].str.lower()
                     + " agency) → " + agency_county)
    agency_rows = pd.DataFrame({"fips": agencies["county_fips"], "label": agency_labels, "name": agencies["agency"],
                                "state_abbr": agencies["state_abbr"], "rank": 1,
                                "agency_type": agencies["fbi_agency_type"], "county": agency_county})
    index = pd.concat([county_rows, agency_rows], ignore_index=True)
    index["folded"] = _fold(index["name"])
    return index


def _agency_type(fbi_type: str) -> str:
    if fbi_type in FBI_AGENCY_TYPES:
        return _(FBI_AGENCY_TYPES[fbi_type])
    return _("{agency_type} agency").format(agency_type=str(fbi_type).lower())


def hit_label(row) -> str:
    """What a person sees for one row of the index, in the current language (names stay as they are)."""
    if row.rank == 0:
        return row.label
    return _("{agency}, {state} ({agency_type}) → {county}").format(
        agency=row.name, state=row.state_abbr, agency_type=_agency_type(row.agency_type), county=row.county)


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
    return [Hit(row.fips, hit_label(row)) for row in ordered.head(limit).itertuples()]
