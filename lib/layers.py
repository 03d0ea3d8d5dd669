"""The map's color layers, built from the compiled data: each gives every county one class of its registered
legend (lib/registry.py), and marks where that class rests on draft evidence.

The 287(g) layer's rules, in words, are RULES_287G (shown on the Sources & method page by method_markdown()).
Layers are cached across sessions, so their texts stay English (marked with N_) and are translated where they
are shown: `layer.translated_title()`, `_(legend_class.label)`.
"""

from collections.abc import Collection
from dataclasses import dataclass, field, replace

import pandas as pd

from lib import registry
from lib.classify import Classification
from lib.data import CompiledData
from lib.evidence import CountyEvidence, in_force, is_county_jail_contract, participating
from lib.i18n import N_, _
from lib.jails import jail_operator_agreements, operators_of
from lib.registry import (
    BEDS_CLASSES,
    CLASSES_287G,
    COUNTY_JAIL_BEDS,
    LEVEL_CLASSES,
    NO_AGREEMENT_CLASS,
    NO_BEDS_LISTED,
    OTHER_AGENCY_CLASS,
    OTHER_FACILITY_BEDS,
    LegendClass,
)
from lib.sources import LIST_SOURCE_287G
from lib.vocab import MODELS, PARTICIPATING

RULES_287G = N_(
    "287(g) layer rules, in words: a county takes the strongest model held by the agency that runs its jail (the "
    "sheriff where sheriffs run jails; else the county's corrections department, jail authority or jailer, a metro "
    "police department or regional jail authority named as its operator, or the state's corrections agency where "
    "the state runs every jail). Agreements of other agencies in the county (city police, county police, "
    "constables, sheriffs where sheriffs run no jail) never color the county as if its jail had signed; they get "
    "their own class. Other state agencies are statewide and color no county."
)
PLACEMENT_287G = N_(
    "Only agreements on ICE's *participating* list color the map; pending agreements are listed on the county "
    "page. Counties are placed by the county ICE names (misspellings corrected with the Deportation Data "
    "Project's list and our own), and city agencies without a county through the FBI's agency list."
)
# Counties whose class rests on draft evidence keep their class color under diagonal lines (on the map, in the
# legend and in the brief's inset): black lines on light colors, white on dark ones.
HATCH_ON_LIGHT, HATCH_ON_DARK = "#000000", "#ffffff"


def hatch_color(fill: str) -> str:
    """The hatch lines' color on `fill` (#rrggbb): whichever of black and white contrasts more (WCAG's ratio)."""

    def luminance(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (luminance(int(fill[index : index + 2], 16)) for index in (1, 3, 5))
    relative = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    # Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal where L is about 0.179.
    return HATCH_ON_LIGHT if (relative + 0.05) ** 2 > 0.05 * 1.05 else HATCH_ON_DARK


@dataclass(frozen=True)
class Layer:
    id: str
    title: str  # English, complete (for exports); show translated_title()
    as_of: str
    classes: tuple[LegendClass, ...]
    county_class: pd.Series  # FIPS -> class id
    draft: pd.Series | None = None  # FIPS -> True where the class rests on draft (unreviewed) evidence
    # A title built with values: its N_-marked English template ("… of {list_date}") and the values.
    title_template: str | None = None
    title_values: dict[str, str] = field(default_factory=dict)

    @classmethod
    def with_title(cls, layer_id: str, template: str, values: dict[str, str], *args, **kwargs) -> "Layer":
        """A layer whose title is `template` (N_-marked) filled with `values`."""
        return cls(layer_id, template.format(**values), *args, title_template=template, title_values=values, **kwargs)

    def translated_title(self) -> str:
        """The title in the current language."""
        if self.title_template is None:
            return _(self.title)
        return _(self.title_template).format(**self.title_values)

    def color_of(self, class_id: str) -> str:
        return self.legend_class(class_id).color

    def legend_class(self, class_id: str) -> LegendClass:
        return next(c for c in self.classes if c.id == class_id)

    def counts(self) -> dict[str, int]:
        counted = self.county_class.value_counts()
        return {c.id: int(counted.get(c.id, 0)) for c in self.classes}

    def draft_counts(self) -> dict[str, int]:
        if self.draft is None:
            return {c.id: 0 for c in self.classes}
        counted = self.county_class[self.draft].value_counts()
        return {c.id: int(counted.get(c.id, 0)) for c in self.classes}

    def is_draft(self, fips: str) -> bool:
        return bool(self.draft is not None and self.draft.get(fips, False))

    def of_counties(self, fips: Collection[str]) -> "Layer":
        """The same layer over these counties only: a state view's legend counts its own counties."""
        return replace(
            self,
            county_class=self.county_class[self.county_class.index.isin(fips)],
            draft=None if self.draft is None else self.draft[self.draft.index.isin(fips)],
        )


def classify_287g(counties: pd.DataFrame, agreements: pd.DataFrame, operators: pd.DataFrame) -> pd.Series:
    """Per county, its jail operator's strongest model (lib/jails.py), else whether another agency has one."""
    jail = jail_operator_agreements(participating(agreements), operators)
    jail = jail[jail["county_fips"].isin(counties["fips"])]
    current = in_force(agreements)
    strongest = jail.assign(rank=jail["model"].map(MODELS.index)).groupby("county_fips")["rank"].min()
    classes = pd.Series(NO_AGREEMENT_CLASS, index=counties["fips"].to_numpy(), name="class")
    others = set(current["county_fips"]) - set(strongest.index)
    classes[classes.index.isin(others)] = OTHER_AGENCY_CLASS
    classes[strongest.index] = strongest.map(lambda rank: MODELS[rank])
    return classes


def layer_287g(data: CompiledData) -> Layer:
    as_of = data.source(LIST_SOURCE_287G)["as_of"]
    return Layer(
        registry.AGREEMENT_287G,
        registry.TITLE_287G,
        as_of,
        CLASSES_287G,
        classify_287g(data.counties, data.agreements, operators_of(data)),
    )


def method_markdown() -> str:
    """The 287(g) layer's rules as shown on the Sources & method page, in the current language."""
    classes = "\n".join(f"- **{_(c.label)}**: {_(c.description)}" for c in CLASSES_287G)
    return f"{_(RULES_287G)}\n\n{classes}\n\n{_(PLACEMENT_287G)}"


def layer_287g_on(data: CompiledData, list_date: str) -> Layer:
    """The 287(g) layer as ICE's list of `list_date` stood (from the agreement history)."""
    history = data.agreement_history
    listed = history[history["listed_on"].fillna("").str.split(";").map(lambda dates: list_date in dates)]
    return Layer.with_title(
        registry.AGREEMENT_287G,
        N_("287(g) agreements on ICE's list of {list_date}"),
        {"list_date": list_date},
        list_date,
        CLASSES_287G,
        classify_287g(data.counties, listed.assign(status=PARTICIPATING), operators_of(data)),
    )


def _series(values: dict[str, object]) -> pd.Series:
    return pd.Series(values).sort_index()


def level_layer(classifications: dict[str, Classification], as_of: str) -> Layer:
    return Layer(
        registry.LEVEL_LAYER,
        registry.LEVEL_LAYER_TITLE,
        as_of,
        LEVEL_CLASSES,
        _series({fips: c.level for fips, c in classifications.items()}),
        _series({fips: c.rests_on_draft for fips, c in classifications.items()}),
    )


def indicator_layer(indicator: registry.Indicator, classifications: dict[str, Classification], as_of: str) -> Layer:
    values = {fips: c.indicators[indicator.id] for fips, c in classifications.items()}
    return Layer(
        indicator.id,
        indicator.title,
        as_of,
        indicator.legend,
        _series({fips: v.value for fips, v in values.items()}),
        _series({fips: v.rests_on_draft for fips, v in values.items()}),
    )


def beds_layer(evidence: CountyEvidence, counties: pd.Series, as_of: str) -> Layer:
    current = evidence.current_detention
    county_jail = {f.county_fips for f in current.itertuples() if is_county_jail_contract(f)}
    other = set(current["county_fips"]) - county_jail
    classes = {
        fips: COUNTY_JAIL_BEDS if fips in county_jail else OTHER_FACILITY_BEDS if fips in other else NO_BEDS_LISTED
        for fips in counties
    }
    drafts = {fips: fips in county_jail for fips in counties}  # "county-run" is often presumed from the name
    return Layer.with_title(
        registry.ICE_BEDS,
        N_("ICE detention in the county ({fiscal_years})"),
        {"fiscal_years": evidence.fiscal_year},
        as_of,
        BEDS_CLASSES,
        _series(classes),
        _series(drafts),
    )


def build_layers(evidence: CountyEvidence, reviewed_only: bool = False) -> dict[str, Layer]:
    """Every layer of the menu (lib.registry.LAYERS), from all evidence or (reviewed_only) from reviewed evidence
    alone. The layers' texts are English whatever the evidence's language."""
    data = evidence.data
    classifications = evidence.classify_all(reviewed_only=reviewed_only)
    as_of = data.source(LIST_SOURCE_287G)["as_of"]
    # The layers that show no classified indicator, each built its own way.
    own_builders = {
        registry.LEVEL_LAYER: lambda: level_layer(classifications, as_of),
        registry.AGREEMENT_287G: lambda: layer_287g(data),
        registry.ICE_BEDS: lambda: beds_layer(
            evidence, data.counties["fips"], max(data.detention_population["source_date"])
        ),
    }
    return {
        spec.id: indicator_layer(registry.INDICATORS_BY_ID[spec.indicator], classifications, as_of)
        if spec.indicator
        else own_builders[spec.id]()
        for spec in registry.LAYERS
    }
