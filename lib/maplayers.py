"""Every color layer the map offers: the overall level, each indicator, 287(g) and ICE beds.

Colors: browns for collaboration, teals for refusal (ColorBrewer BrBG, color-blind safe); unknown is blank
(white, on a tinted sea, in a legend that names it), which belongs to no scale. A mid grey was tried and
rejected: simulated protanopia makes it nearly identical to the middle teal (tests/test_colors.py).
"""

import pandas as pd

from lib.classify import Classification
from lib.data import CompiledData
from lib.evidence import CURRENT_FISCAL_YEARS, CountyEvidence, is_county_jail_contract
from lib.i18n import N_
from lib.layers import Layer, LegendClass, layer_287g

UNKNOWN_COLOR = "#ffffff"
# Every text here is English, marked with N_: layers are cached across sessions and translated where shown.
UNKNOWN_HOLDS = LegendClass("unknown", N_("Unknown (blank): no evidence found"),
                            N_("We found no statute, agreement, contract or local policy; this is not the same as "
                               "no collaboration."), UNKNOWN_COLOR)

LEVEL_CLASSES = (
    LegendClass("partnership", N_("Formal partnership with ICE"),
                N_("The jail's agency has a 287(g) agreement, or the county jail holds people for ICE."), "#8c510a"),
    LegendClass("honors_holds", N_("Honors ICE holds"), N_("The jail holds people for ICE when asked."), "#bf812d"),
    LegendClass("limits_holds", N_("Limits ICE holds"), N_("The jail honors ICE holds only in some cases."),
                "#dfc27d"),
    LegendClass("refuses_holds_only", N_("Refuses holds"),
                N_("The jail refuses ICE holds; release notifications or jail access are not known to be refused."),
                "#80cdc1"),
    LegendClass("refuses_holds_and_one", N_("Refuses holds and one more"),
                N_("The jail refuses ICE holds and either release notifications or ICE access."), "#35978f"),
    LegendClass("refuses_all", N_("Refuses holds, notifications and access"),
                N_("The jail refuses ICE holds, release notifications and ICE access to the jail."), "#01665e"),
    UNKNOWN_HOLDS,
)

# The title of each indicator's layer (a tuple: lib/brief.py reads [0]).
INDICATOR_TITLES = {
    "holds": (N_("ICE holds (detainers)"),),
    "notifications": (N_("Release notifications"),),
    "jail_access": (N_("ICE access to the jail"),),
}

_INDICATOR_UNKNOWN = LegendClass("unknown", N_("Unknown (blank): no evidence found"),
                                 N_("We found no evidence either way; this is not the same as refusing."),
                                 UNKNOWN_COLOR)
HONORS_COLOR, LIMITED_COLOR, REFUSES_COLOR = "#bf812d", "#dfc27d", "#35978f"
# Each label and description written whole, per indicator, so every language can word it its own way.
INDICATOR_CLASSES = {
    "holds": (
        LegendClass("honors", N_("Yes: honors ICE hold requests (detainers)"),
                    N_("Evidence says the jail honors ICE hold requests (detainers)."), HONORS_COLOR),
        LegendClass("limited", N_("Limited holds"),
                    N_("The jail honors ICE hold requests (detainers) only in some cases."), LIMITED_COLOR),
        LegendClass("refuses", N_("Refuses holds"), N_("Evidence says the jail refuses holds."), REFUSES_COLOR),
        _INDICATOR_UNKNOWN,
    ),
    "notifications": (
        LegendClass("honors", N_("Yes: tells ICE when people are released"),
                    N_("Evidence says the jail tells ICE when people are released."), HONORS_COLOR),
        LegendClass("limited", N_("Limited release notifications"),
                    N_("The jail tells ICE when people are released only in some cases."), LIMITED_COLOR),
        LegendClass("refuses", N_("Refuses release notifications"),
                    N_("Evidence says the jail refuses release notifications."), REFUSES_COLOR),
        _INDICATOR_UNKNOWN,
    ),
    "jail_access": (
        LegendClass("honors", N_("Yes: lets ICE into the jail to question people"),
                    N_("Evidence says the jail lets ICE into the jail to question people."), HONORS_COLOR),
        LegendClass("limited", N_("Limited ICE access"),
                    N_("The jail lets ICE into the jail to question people only in some cases."), LIMITED_COLOR),
        LegendClass("refuses", N_("Refuses ICE access"), N_("Evidence says the jail refuses ICE access."),
                    REFUSES_COLOR),
        _INDICATOR_UNKNOWN,
    ),
}


def indicator_classes(indicator: str) -> tuple[LegendClass, ...]:
    return INDICATOR_CLASSES[indicator]


def _series(values: dict[str, object]) -> pd.Series:
    return pd.Series(values).sort_index()


def level_layer(classifications: dict[str, Classification], as_of: str) -> Layer:
    return Layer("level", N_("How far the jail collaborates with ICE"), as_of, LEVEL_CLASSES,
                 _series({fips: c.level for fips, c in classifications.items()}),
                 _series({fips: c.rests_on_draft for fips, c in classifications.items()}))


def indicator_layer(indicator: str, classifications: dict[str, Classification], as_of: str) -> Layer:
    values = {fips: c.indicators[indicator] for fips, c in classifications.items()}
    return Layer(indicator, INDICATOR_TITLES[indicator][0], as_of, indicator_classes(indicator),
                 _series({fips: v.value for fips, v in values.items()}),
                 _series({fips: v.rests_on_draft for fips, v in values.items()}))


BEDS_CLASSES = (
    LegendClass("county_jail", N_("County jail holds people for ICE"),
                N_("A county-run jail held ICE detainees (1 or more a day on average) under an IGSA or U.S. "
                   "Marshals agreement in FY25 or FY26."), "#8c510a"),
    LegendClass("other_facility", N_("Other ICE detention in the county"),
                N_("A private, federal or other facility in the county held ICE detainees; the county jail is not "
                   "known to."), "#dfc27d"),
    LegendClass("none_listed", N_("No ICE detention listed"),
                N_("No facility in the county is on ICE's FY25-FY26 statistics or the daily counts with 1 or more "
                   "ICE detainees a day."), "#f5f5f5"),
)


def beds_layer(evidence: CountyEvidence, counties: pd.Series, as_of: str) -> Layer:
    current = evidence.current_detention
    county_jail = {f.county_fips for f in current.itertuples() if is_county_jail_contract(f)}
    other = set(current["county_fips"]) - county_jail
    classes = {fips: "county_jail" if fips in county_jail else "other_facility" if fips in other else "none_listed"
               for fips in counties}
    drafts = {fips: fips in county_jail for fips in counties}  # "county-run" is often presumed from the name
    return Layer.with_title("ice_beds", N_("ICE detention in the county ({fiscal_years})"),
                            {"fiscal_years": " / ".join(sorted(CURRENT_FISCAL_YEARS))}, as_of,
                            BEDS_CLASSES, _series(classes), _series(drafts))


# The layer menu: ids (in the URL) -> English names (N_); show them as _(LAYER_TITLES[layer_id]).
LAYER_TITLES = {
    "level": N_("Overall level"),
    "holds": INDICATOR_TITLES["holds"][0],
    "notifications": INDICATOR_TITLES["notifications"][0],
    "jail_access": INDICATOR_TITLES["jail_access"][0],
    "287g": N_("287(g) agreements"),
    "ice_beds": N_("ICE detention (beds)"),
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
