"""Every color layer the map offers: the overall level, each indicator, 287(g) and ICE beds.

Colors: browns for collaboration, teals for refusal (ColorBrewer BrBG, color-blind safe); unknown is blank
(white, on a tinted sea, in a legend that names it), which belongs to no scale. A mid grey was tried and
rejected: simulated protanopia makes it nearly identical to the middle teal (tests/test_colors.py).
"""

import pandas as pd

from lib.classify import Classification
from lib.data import CompiledData
from lib.evidence import CURRENT_FISCAL_YEARS, CountyEvidence, is_county_jail_contract
from lib.layers import Layer, LegendClass, layer_287g

UNKNOWN_COLOR = "#ffffff"
UNKNOWN_HOLDS = LegendClass("unknown", "Unknown (blank): no evidence found",
                            "We found no statute, agreement, contract or local policy; this is not the same as "
                            "no collaboration.", UNKNOWN_COLOR)

LEVEL_CLASSES = (
    LegendClass("partnership", "Formal partnership with ICE",
                "The jail's agency has a 287(g) agreement, or the county jail holds people for ICE.", "#8c510a"),
    LegendClass("honors_holds", "Honors ICE holds", "The jail holds people for ICE when asked.", "#bf812d"),
    LegendClass("limits_holds", "Limits ICE holds", "The jail honors ICE holds only in some cases.", "#dfc27d"),
    LegendClass("refuses_holds_only", "Refuses holds", "The jail refuses ICE holds; release notifications or "
                "jail access are not known to be refused.", "#80cdc1"),
    LegendClass("refuses_holds_and_one", "Refuses holds and one more",
                "The jail refuses ICE holds and either release notifications or ICE access.", "#35978f"),
    LegendClass("refuses_all", "Refuses holds, notifications and access",
                "The jail refuses ICE holds, release notifications and ICE access to the jail.", "#01665e"),
    UNKNOWN_HOLDS,
)

INDICATOR_TITLES = {
    "holds": ("ICE holds (detainers)", "honors ICE hold requests (detainers)", "holds"),
    "notifications": ("Release notifications", "tells ICE when people are released", "release notifications"),
    "jail_access": ("ICE access to the jail", "lets ICE into the jail to question people", "ICE access"),
}


def indicator_classes(indicator: str) -> tuple[LegendClass, ...]:
    _, practice, noun = INDICATOR_TITLES[indicator]
    return (
        LegendClass("honors", f"Yes: {practice}", f"Evidence says the jail {practice}.", "#bf812d"),
        LegendClass("limited", f"Limited {noun}", f"The jail {practice} only in some cases.", "#dfc27d"),
        LegendClass("refuses", f"Refuses {noun}", f"Evidence says the jail refuses {noun}.", "#35978f"),
        LegendClass("unknown", "Unknown (blank): no evidence found",
                    "We found no evidence either way; this is not the same as refusing.", UNKNOWN_COLOR),
    )


def _series(values: dict[str, object]) -> pd.Series:
    return pd.Series(values).sort_index()


def level_layer(classifications: dict[str, Classification], as_of: str) -> Layer:
    return Layer("level", "How far the jail collaborates with ICE", as_of, LEVEL_CLASSES,
                 _series({fips: c.level for fips, c in classifications.items()}),
                 _series({fips: c.rests_on_draft for fips, c in classifications.items()}))


def indicator_layer(indicator: str, classifications: dict[str, Classification], as_of: str) -> Layer:
    values = {fips: c.indicators[indicator] for fips, c in classifications.items()}
    return Layer(indicator, INDICATOR_TITLES[indicator][0], as_of, indicator_classes(indicator),
                 _series({fips: v.value for fips, v in values.items()}),
                 _series({fips: v.rests_on_draft for fips, v in values.items()}))


BEDS_CLASSES = (
    LegendClass("county_jail", "County jail holds people for ICE",
                "A county-run jail held ICE detainees (1 or more a day on average) under an IGSA or U.S. Marshals "
                "agreement in FY25 or FY26.", "#8c510a"),
    LegendClass("other_facility", "Other ICE detention in the county",
                "A private, federal or other facility in the county held ICE detainees; the county jail is not "
                "known to.", "#dfc27d"),
    LegendClass("none_listed", "No ICE detention listed",
                "No facility in the county is on ICE's FY25-FY26 statistics or the daily counts with 1 or more "
                "ICE detainees a day.", "#f5f5f5"),
)


def beds_layer(evidence: CountyEvidence, counties: pd.Series, as_of: str) -> Layer:
    current = evidence.current_detention
    county_jail = {f.county_fips for f in current.itertuples() if is_county_jail_contract(f)}
    other = set(current["county_fips"]) - county_jail
    classes = {fips: "county_jail" if fips in county_jail else "other_facility" if fips in other else "none_listed"
               for fips in counties}
    drafts = {fips: fips in county_jail for fips in counties}  # "county-run" is often presumed from the name
    return Layer("ice_beds", f"ICE detention in the county ({' / '.join(sorted(CURRENT_FISCAL_YEARS))})", as_of,
                 BEDS_CLASSES, _series(classes), _series(drafts))


LAYER_TITLES = {
    "level": "Overall level",
    "holds": INDICATOR_TITLES["holds"][0],
    "notifications": INDICATOR_TITLES["notifications"][0],
    "jail_access": INDICATOR_TITLES["jail_access"][0],
    "287g": "287(g) agreements",
    "ice_beds": "ICE detention (beds)",
}


def build_layers(data: CompiledData, reviewed_only: bool = False) -> dict[str, Layer]:
    """All layers, from all evidence or (reviewed_only) from reviewed evidence alone."""
    evidence = CountyEvidence(data)
    classifications = evidence.classify_all(reviewed_only=reviewed_only)
    as_of = data.source("ice_287g_participating")["as_of"]
    layers = {"level": level_layer(classifications, as_of)}
    for indicator in INDICATOR_TITLES:
        layers[indicator] = indicator_layer(indicator, classifications, as_of)
    layers["287g"] = layer_287g(data)
    detention_as_of = max(data.detention_population["source_date"])
    layers["ice_beds"] = beds_layer(evidence, data.counties["fips"], detention_as_of)
    return layers
