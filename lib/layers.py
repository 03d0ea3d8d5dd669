"""Map color layers: each gives every county one class, and each class a label, a description and a color.

The 287(g) layer's rules, in words, are RULES_287G (shown on the Sources & method page by method_markdown()).
Layers and legend classes are cached across sessions, so their texts stay English (marked with N_) and are
translated where they are shown: `layer.translated_title()`, `_(legend_class.label)`.
"""

from dataclasses import dataclass, field

import pandas as pd

from lib.data import CompiledData
from lib.i18n import N_, _

RULES_287G = N_(
    "287(g) layer rules, in words: a county takes the strongest model held by the agency that runs its jail (the "
    "sheriff, or a county jail or corrections department). Agreements of other agencies in the county (city "
    "police, county police, constables) never color the county as if its jail had signed; they get their own "
    "class. State agencies are statewide and color no county."
)
PLACEMENT_287G = N_(
    "Only agreements on ICE's *participating* list color the map; pending agreements are listed on the county "
    "page. Counties are placed by the county ICE names (misspellings corrected with the Deportation Data "
    "Project's list and our own), and city agencies without a county through the FBI's agency list."
)

JAIL_AGENCY_TYPES = ("sheriff", "county_jail")
MODEL_STRENGTH = ("jail_enforcement", "warrant_service", "task_force")  # strongest first
# English labels (N_): wrap them with _() where they are shown.
MODEL_LABELS = {
    "jail_enforcement": N_("jail enforcement model"),
    "warrant_service": N_("warrant service officer model"),
    "task_force": N_("task force model"),
}
AGENCY_TYPE_LABELS = {
    "sheriff": N_("sheriff"),
    "county_jail": N_("county jail or corrections"),
    "municipal": N_("city or town"),
    "state": N_("state agency (statewide)"),
    "other": N_("other local agency"),
}


@dataclass(frozen=True)
class LegendClass:
    """label and description are English (N_-marked): show them as _(legend_class.label)."""

    id: str
    label: str
    description: str
    color: str


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
        return cls(layer_id, template.format(**values), *args, title_template=template, title_values=values,
                   **kwargs)

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


# Purples (ColorBrewer, color-blind safe) for the jail's own agreements, from strongest to weakest;
# teal marks agreements of other agencies only; pale grey is "ICE lists no agreement".
CLASSES_287G = (
    LegendClass("jail_enforcement", N_("Jail model (sheriff or jail)"),
                N_("The agency that runs the jail has a 287(g) jail enforcement agreement."), "#3f007d"),
    LegendClass("warrant_service", N_("Warrant service (sheriff or jail)"),
                N_("The agency that runs the jail has a warrant service officer agreement, no jail model."),
                "#6a51a3"),
    LegendClass("task_force", N_("Task force only (sheriff or jail)"),
                N_("The agency that runs the jail has a task force agreement only."), "#9e9ac8"),
    LegendClass("other_agency", N_("Other agencies only (city, county police...)"),
                N_("No agreement of the sheriff or jail; another agency in the county has one."), "#1b9e9e"),
    LegendClass("none", N_("No agreement on ICE's list"),
                N_("ICE's participating list names no agency in this county."), "#ececec"),
)


def in_force(agreements: pd.DataFrame) -> pd.DataFrame:
    return agreements[(agreements["status"] == "participating") & agreements["county_fips"].notna()]


def classify_287g(counties: pd.DataFrame, agreements: pd.DataFrame) -> pd.Series:
    current = in_force(agreements)
    jail = current[current["agency_type"].isin(JAIL_AGENCY_TYPES)]
    strongest = jail.assign(rank=jail["model"].map(MODEL_STRENGTH.index)).groupby("county_fips")["rank"].min()
    classes = pd.Series("none", index=counties["fips"].to_numpy(), name="class")
    others = set(current["county_fips"]) - set(strongest.index)
    classes[classes.index.isin(others)] = "other_agency"
    classes[strongest.index] = strongest.map(lambda rank: MODEL_STRENGTH[rank])
    return classes


def layer_287g(data: CompiledData) -> Layer:
    as_of = data.source("ice_287g_participating")["as_of"]
    return Layer("287g", N_("287(g) agreements"), as_of, CLASSES_287G,
                 classify_287g(data.counties, data.agreements))


def method_markdown() -> str:
    """The 287(g) layer's rules as shown on the Sources & method page, in the current language."""
    classes = "\n".join(f"- **{_(c.label)}**: {_(c.description)}" for c in CLASSES_287G)
    return f"{_(RULES_287G)}\n\n{classes}\n\n{_(PLACEMENT_287G)}"


def layer_287g_on(data: CompiledData, list_date: str) -> Layer:
    """The 287(g) layer as ICE's list of `list_date` stood (from the agreement history)."""
    history = data.agreement_history
    listed = history[history["listed_on"].fillna("").str.split(";").map(lambda dates: list_date in dates)]
    return Layer.with_title("287g", N_("287(g) agreements on ICE's list of {list_date}"), {"list_date": list_date},
                            list_date, CLASSES_287G,
                            classify_287g(data.counties, listed.assign(status="participating")))
