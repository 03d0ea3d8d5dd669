"""Matching county names written by hand (ICE sheets, FBI list) to 5-character FIPS codes.

Names repeat within a state ("Richmond County" and "Richmond city" in Virginia), so the key keeps the
word "city" and drops only the words that never tell two counties apart.
"""

import re
import unicodedata
from collections.abc import Iterable

# Census suffixes, longest first so "City and Borough" wins over "Borough".
CENSUS_SUFFIXES = (
    "City and Borough",
    "Census Area",
    "Municipality",
    "Municipio",
    "Borough",
    "County",
    "Parish",
    "city",
)
_DROPPED_WORDS = re.compile(r"\b(city and borough|census area|municipality|municipio|borough|county|parish)\b")


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def county_key(name: str) -> str:
    """'St. Mary's County' -> 'stmarys'; 'Richmond city' -> 'richmondcity'; 'DeKalb' == 'De Kalb'."""
    text = ascii_fold(name).lower().strip()
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"\bsainte\b", "ste", text)
    text = _DROPPED_WORDS.sub(" ", text)
    return re.sub(r"[^a-z]", "", text)


def census_suffix(atlas_name: str, census_name: str) -> str:
    """The suffix the Census gives a county, e.g. ('Acadia', 'acadia parish, louisiana') -> 'Parish'."""
    county_part = census_name.split(",")[0].strip().lower()
    for suffix in CENSUS_SUFFIXES:
        ends_with_suffix = county_part.endswith(" " + suffix.lower())
        if ends_with_suffix and not atlas_name.lower().endswith(suffix.lower()):
            return suffix
    return ""


class CountyIndex:
    """Looks up (state FIPS, county name) -> county FIPS."""

    def __init__(self, counties: Iterable[tuple[str, str, str]]):
        """counties: (county FIPS, state FIPS, full county name)."""
        self._by_key: dict[tuple[str, str], str] = {}
        for fips, state_fips, name in counties:
            self._by_key[(state_fips, county_key(name))] = fips

    def lookup(self, state_fips: str, name: str) -> str | None:
        key = county_key(name)
        if not key:
            return None
        found = self._by_key.get((state_fips, key))
        if found:
            return found
        # "Chesapeake" for "Chesapeake city", or "Fairfax City" for "Fairfax city".
        alternative = key[: -len("city")] if key.endswith("city") else key + "city"
        return self._by_key.get((state_fips, alternative))
