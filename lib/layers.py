"""Map color layers: each gives every county one class, and each class a label, a description and a color.

287(g) layer rules, in words: a county takes the strongest model held by the agency that runs its jail (the
sheriff, or a county jail or corrections department). Agreements of other agencies in the county (city
police, county police, constables) never color the county as if its jail had signed; they get their own
class. State agencies are statewide and color no county.
"""

from dataclasses import dataclass

import pandas as pd

from lib.data import CompiledData

JAIL_AGENCY_TYPES = ("sheriff", "county_jail")
MODEL_STRENGTH = ("jail_enforcement", "warrant_service", "task_force")  # strongest first
MODEL_LABELS = {
    "jail_enforcement": "jail enforcement model",
    "warrant_service": "warrant service officer model",
    "task_force": "task force model",
}
AGENCY_TYPE_LABELS = {
    "sheriff": "sheriff",
    "county_jail": "county jail or corrections",
    "municipal": "city or town",
    "state": "state agency (statewide)",
    "other": "other local agency",
}


@dataclass(frozen=True)
class LegendClass:
    id: str
    label: str
    description: str
    color: str


@dataclass(frozen=True)
class Layer:
    id: str
    title: str
    as_of: str
    classes: tuple[LegendClass, ...]
    county_class: pd.Series  # FIPS -> class id
    draft: pd.Series | None = None  # FIPS -> True where the class rests on draft (unreviewed) evidence

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
    LegendClass("jail_enforcement", "Jail model (sheriff or jail)",
                "The agency that runs the jail has a 287(g) jail enforcement agreement.", "#3f007d"),
    LegendClass("warrant_service", "Warrant service (sheriff or jail)",
                "The agency that runs the jail has a warrant service officer agreement, no jail model.", "#6a51a3"),
    LegendClass("task_force", "Task force only (sheriff or jail)",
                "The agency that runs the jail has a task force agreement only.", "#9e9ac8"),
    LegendClass("other_agency", "Other agencies only (city, county police...)",
                "No agreement of the sheriff or jail; another agency in the county has one.", "#1b9e9e"),
    LegendClass("none", "No agreement on ICE's list",
                "ICE's participating list names no agency in this county.", "#ececec"),
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
    return Layer("287g", "287(g) agreements", as_of, CLASSES_287G, classify_287g(data.counties, data.agreements))



def method_markdown() -> str:
    """The 287(g) layer's rules as shown on the Sources & method page (the module's own words, one source)."""
    classes = "\n".join(f"- **{c.label}**: {c.description}" for c in CLASSES_287G)
    rules = " ".join(line.strip() for line in __doc__.split("\n\n", 1)[1].splitlines())
    return (
        f"{rules}\n\n{classes}\n\nOnly agreements on ICE's *participating* list color the map; pending "
        "agreements are listed on the county page. Counties are placed by the county ICE names (misspellings "
        "corrected with the Deportation Data Project's list and our own), and city agencies without a county "
        "through the FBI's agency list."
    )


def layer_287g_on(data: CompiledData, list_date: str) -> Layer:
    """The 287(g) layer as ICE's list of `list_date` stood (from the agreement history)."""
    history = data.agreement_history
    listed = history[history["listed_on"].fillna("").str.split(";").map(lambda dates: list_date in dates)]
    return Layer("287g", f"287(g) agreements on ICE's list of {list_date}", list_date, CLASSES_287G,
                 classify_287g(data.counties, listed.assign(status="participating")))
