"""Comparing two to four counties side by side, and suggesting which to compare with: the counties that share
a border (they share an arc in the TopoJSON) and others of the same state at the same level."""

from collections import defaultdict

import pandas as pd

from lib.data import CompiledData
from lib.explain import VALUE_WORDS

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


def comparison_table(profiles: list[dict]) -> pd.DataFrame:
    """One column per county, one row per fact, each with its date where it has one."""
    rows = {
        "Level": [p["level_label"] + (" (draft evidence)" if p["rests_on_draft_evidence"] else "") for p in profiles],
        **{f"{name.replace('_', ' ').capitalize()}": [
            f"{VALUE_WORDS[p['indicators'][name]['value']]}"
            + (f" ({p['indicators'][name]['basis']}, {p['indicators'][name]['as_of']})"
               if p["indicators"][name]["basis"] else "") for p in profiles]
           for name in ("holds", "notifications", "jail_access")},
        "287(g) agreements in force": [sum(a["status"] == "participating" for a in p["agreements_287g"])
                                       for p in profiles],
        "ICE detention facilities": [len(p["money"]["detention"]) for p in profiles],
        "Who runs the jail": [next(o["title"] for o in p["authority"]["offices"] if o["role"] == "primary")
                              for p in profiles],
        "County board": [next((o["title"] for o in p["authority"]["offices"] if o["role"] == "secondary"), "none")
                         for p in profiles],
        "Population (ACS 2014-2018)": [f"{p['population']['value']:,}" for p in profiles],
        "First recommended ask": [p["asks"]["items"][0]["title"] if p["asks"]["items"] else "none"
                                  for p in profiles],
    }
    return pd.DataFrame(rows, index=[f"{p['name']}, {p['state_abbr']}" for p in profiles]).T
