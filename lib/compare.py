"""Comparing two to four counties side by side, and suggesting which to compare with: the counties that share
a border (they share an arc in the TopoJSON) and others of the same state at the same level."""

from collections import defaultdict

import pandas as pd

from lib.data import CompiledData
from lib.evidence import as_of_text
from lib.i18n import _
from lib.profile import CountyProfile
from lib.registry import CLASSIFIED, VALUE_WORDS
from lib.vocab import BASIS_WORDS, PARTICIPATING, PRIMARY_ROLE, SECONDARY_ROLE

MAX_COUNTIES = 4


def _arcs(geometry: dict):
    """Every arc index a TopoJSON polygon or multipolygon uses (a negative index is the arc reversed)."""
    rings = geometry.get("arcs", [])
    if geometry["type"] == "MultiPolygon":
        rings = [ring for polygon in rings for ring in polygon]
    for ring in rings:
        for index in ring:
            yield index if index >= 0 else ~index


def _neighbours(data: CompiledData) -> dict[str, frozenset[str]]:
    """Counties that share an arc (about 20 ms for the whole country, so it is not cached)."""
    users = defaultdict(set)
    for geometry in data.county_topology["objects"]["counties"]["geometries"]:
        for arc in _arcs(geometry):
            users[arc].add(geometry["id"])
    neighbours = defaultdict(set)
    for counties in users.values():
        for fips in counties:
            neighbours[fips] |= counties - {fips}
    return {fips: frozenset(others) for fips, others in neighbours.items()}


def neighbours(data: CompiledData, fips: str) -> list[str]:
    return sorted(_neighbours(data).get(fips, ()))


def same_state_peers(data: CompiledData, fips: str, levels: pd.Series, limit: int = 5) -> list[str]:
    """Counties of the same state at the same level, most populous first."""
    state = data.counties_by_fips.loc[fips, "state_abbr"]
    same = data.counties[(data.counties["state_abbr"] == state) & (data.counties["fips"] != fips)]
    same = same[same["fips"].map(levels) == levels[fips]]
    return list(same.sort_values("population", ascending=False)["fips"].head(limit))


def _level(profile: CountyProfile) -> str:
    if profile["rests_on_draft_evidence"]:
        return _("{level} (draft evidence)").format(level=profile["level_label"])
    return profile["level_label"]


def _indicator(record: dict) -> str:
    """An indicator's value, with the basis and date of the evidence that decided it."""
    value, basis = record["value"], record["basis"]
    if not basis:
        return _(VALUE_WORDS[value])
    basis_words = _(BASIS_WORDS[basis]) if basis in BASIS_WORDS else basis
    value_words = _(VALUE_WORDS[value])
    return f"{value_words} ({basis_words}, {as_of_text(record['as_of'])})"


def comparison_table(profiles: list[CountyProfile]) -> pd.DataFrame:
    """One column per county, one row per fact, each with its date where it has one. The profiles and the
    table's labels are in the current language."""
    rows = {
        _("Level"): [_level(p) for p in profiles],
        **{
            _(indicator.compare_label): [_indicator(p["indicators"][indicator.id]) for p in profiles]
            for indicator in CLASSIFIED
        },
        _("287(g) agreements in force"): [
            sum(a["status"] == PARTICIPATING for a in p["agreements_287g"]) for p in profiles
        ],
        _("ICE detention facilities"): [len(p["money"]["detention"]) for p in profiles],
        _("Who runs the jail"): [
            next(o["title"] for o in p["authority"]["offices"] if o["role"] == PRIMARY_ROLE) for p in profiles
        ],
        _("County board"): [
            next((o["title"] for o in p["authority"]["offices"] if o["role"] == SECONDARY_ROLE), _("none"))
            for p in profiles
        ],
        _("Population (ACS 2014-2018)"): [f"{p['population']['value']:,}" for p in profiles],
        _("First recommended ask"): [
            p["asks"]["items"][0]["title"] if p["asks"]["items"] else _("none") for p in profiles
        ],
    }
    # Transposed, a column mixes counts and words: as text, Arrow (and so st.dataframe) takes it as it is.
    return pd.DataFrame(rows, index=[f"{p['name']}, {p['state_abbr']}" for p in profiles]).T.astype(str)
