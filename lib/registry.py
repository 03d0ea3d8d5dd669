"""Every indicator and every map layer, declared once (in the spirit of Datasette's registered facets).

An indicator is one thing a county's jail does or holds with ICE: honoring hold requests, telling ICE release
dates, letting ICE in, a 287(g) agreement, ICE beds. Its entry says every title it is shown under, its values
with their words, legend classes and colors, which evidence sets it, whether it has a map layer of its own and
which ask rules read it. classify, evidence, the map layers, explain, compare, asks, the exports and the brief
all read from here, so adding an indicator is one entry in INDICATORS, its curation rows, its translations and
its tests (CONTRIBUTING.md; tests/test_registry.py proves it with a fake indicator).

Texts are English, marked with N_: layers and legend classes are cached across sessions and translated with
`_()` where they are shown. The codes that are not about one indicator (statuses, bases, models, agency types)
are in lib/vocab.py.
"""

from dataclasses import dataclass, field

from lib import vocab
from lib.i18n import N_

# The values an indicator takes for one county, from most collaboration to least; unknown is no value on that
# scale but its own state (no evidence found, which never means "refuses").
HONORS, LIMITED, REFUSES = "honors", "limited", "refuses"
UNKNOWN = vocab.UNKNOWN
VALUES = (HONORS, LIMITED, REFUSES, UNKNOWN)
VALUE_WORDS = {HONORS: N_("yes"), LIMITED: N_("limited"), REFUSES: N_("refuses"), UNKNOWN: N_("unknown")}
COLLABORATION_RANK = {REFUSES: 0, LIMITED: 1, HONORS: 2}
# What a state law's effect sets (a law that only pre-empts local limits, or is silent, sets nothing).
STATE_LAW_VALUES = {vocab.REQUIRES: HONORS, vocab.LIMITS: LIMITED, vocab.FORBIDS: REFUSES}
# A local policy's own word for what the jail does, as its summary shows it.
LOCAL_POLICY_EFFECT_WORDS = {
    "honors": N_("honors"),
    "notifies": N_("notifies"),
    "allows": N_("allows"),
    "limits": N_("limits"),
    "refuses": N_("refuses"),
    "participates": N_("participates"),
}

# Colors: browns for collaboration, teals for refusal (ColorBrewer BrBG, color-blind safe); unknown is blank
# (white, on a tinted sea, in a legend that names it), which belongs to no scale. A mid grey was tried and
# rejected: simulated protanopia makes it nearly identical to the middle teal (tests/test_colors.py).
UNKNOWN_COLOR = "#ffffff"
HONORS_COLOR, LIMITED_COLOR, REFUSES_COLOR = "#bf812d", "#dfc27d", "#35978f"


@dataclass(frozen=True)
class LegendClass:
    """One class of a map layer. label and description are English (N_-marked): show them as _(label)."""

    id: str
    label: str
    description: str
    color: str


INDICATOR_UNKNOWN = LegendClass(
    UNKNOWN,
    N_("Unknown (blank): no evidence found"),
    N_("We found no evidence either way; this is not the same as refusing."),
    UNKNOWN_COLOR,
)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str  # in sentences and table cells: "ICE holds"
    # The jail is classified on it: every county gets one of VALUES (lib.classify), shown on the county page, in
    # Compare, the CSV and the brief. The others are facts that make a formal partnership.
    classified: bool = False
    title: str | None = None  # its own map layer's title, for a classified indicator
    compare_label: str | None = None  # its row in Compare
    practice: str | None = None  # how the "find out" ask names it
    legend: tuple[LegendClass, ...] = ()  # its map layer's classes (a classified indicator's value ids)
    value_words: dict[str, str] = field(default_factory=dict)  # where VALUE_WORDS would not say it right
    # How evidence maps to it:
    set_by_state_law: bool = False  # a state law's effect sets it (STATE_LAW_VALUES)
    state_law_rows: bool = False  # the state-law table has rows on it (shown with the state's laws)
    local_policy_effects: dict[str, str] = field(default_factory=dict)  # a local policy's word -> value
    set_by_jail_287g: bool = False  # a jail model 287(g) agreement of the jail's agency means it honors
    set_by_county_jail_contract: bool = False  # a county-run jail holding people for ICE means it honors
    ask_rules: tuple[str, ...] = ()  # the rules of lib.asks called with it, by name


def _yes_limited_refuses(
    yes: str, yes_means: str, limited: str, limited_means: str, refuses: str, refuses_means: str
) -> tuple[LegendClass, ...]:
    return (
        LegendClass(HONORS, yes, yes_means, HONORS_COLOR),
        LegendClass(LIMITED, limited, limited_means, LIMITED_COLOR),
        LegendClass(REFUSES, refuses, refuses_means, REFUSES_COLOR),
        INDICATOR_UNKNOWN,
    )


HOLDS, NOTIFICATIONS, JAIL_ACCESS, AGREEMENT_287G, ICE_BEDS, FEDERAL_LIST = (
    "holds",
    "notifications",
    "jail_access",
    "287g",
    "ice_beds",
    "federal_list",
)

# Each label and description is written whole, per indicator, so every language can word it its own way.
INDICATORS = (
    Indicator(
        HOLDS,
        N_("ICE holds"),
        classified=True,
        title=N_("ICE holds (detainers)"),
        compare_label=N_("Holds"),
        practice=N_("holds"),
        legend=_yes_limited_refuses(
            N_("Yes: honors ICE hold requests (detainers)"),
            N_("Evidence says the jail honors ICE hold requests (detainers)."),
            N_("Limited holds"),
            N_("The jail honors ICE hold requests (detainers) only in some cases."),
            N_("Refuses holds"),
            N_("Evidence says the jail refuses holds."),
        ),
        set_by_state_law=True,
        state_law_rows=True,
        local_policy_effects={"honors": HONORS, "limits": LIMITED, "refuses": REFUSES},
        set_by_jail_287g=True,
        ask_rules=("find_out", "stop_holds"),
    ),
    Indicator(
        NOTIFICATIONS,
        N_("release notifications"),
        classified=True,
        title=N_("Release notifications"),
        compare_label=N_("Notifications"),
        practice=N_("notifications"),
        legend=_yes_limited_refuses(
            N_("Yes: tells ICE when people are released"),
            N_("Evidence says the jail tells ICE when people are released."),
            N_("Limited release notifications"),
            N_("The jail tells ICE when people are released only in some cases."),
            N_("Refuses release notifications"),
            N_("Evidence says the jail refuses release notifications."),
        ),
        set_by_state_law=True,
        state_law_rows=True,
        local_policy_effects={"notifies": HONORS, "limits": LIMITED, "refuses": REFUSES},
        ask_rules=("find_out", "stop_notifications"),
    ),
    Indicator(
        JAIL_ACCESS,
        N_("ICE access"),
        classified=True,
        title=N_("ICE access to the jail"),
        compare_label=N_("Jail access"),
        practice=N_("jail access"),
        legend=_yes_limited_refuses(
            N_("Yes: lets ICE into the jail to question people"),
            N_("Evidence says the jail lets ICE into the jail to question people."),
            N_("Limited ICE access"),
            N_("The jail lets ICE into the jail to question people only in some cases."),
            N_("Refuses ICE access"),
            N_("Evidence says the jail refuses ICE access."),
        ),
        set_by_state_law=True,
        state_law_rows=True,
        local_policy_effects={"allows": HONORS, "limits": LIMITED, "refuses": REFUSES},
        set_by_jail_287g=True,
        set_by_county_jail_contract=True,
        ask_rules=("find_out", "stop_jail_access"),
    ),
    # A 287(g) agreement of the jail's agency: a partnership fact (and the 287(g) layer's subject). State laws
    # and local policies on 287(g) are shown with the state's laws; they do not classify the jail.
    Indicator(
        AGREEMENT_287G,
        "287(g)",
        state_law_rows=True,
        local_policy_effects={"participates": HONORS, "refuses": REFUSES},
        ask_rules=("end_287g",),
    ),
    # A county-run jail holding people for ICE: a partnership fact (and the ICE detention layer's subject). State
    # laws on ICE detention contracts are shown with the state's laws.
    Indicator(
        ICE_BEDS,
        N_("ICE beds in the county jail"),
        value_words={HONORS: N_("holds people for ICE")},
        state_law_rows=True,
        ask_rules=("follow_the_money", "marshals_loophole"),
    ),
    # A federal "sanctuary jurisdiction" list naming the county (lib/federal.py): a designation by the Justice
    # Department or Homeland Security, never evidence of what the jail does. Not classified, no map layer, no
    # evidence sets it, no ask reads it: it never colors a county.
    Indicator(FEDERAL_LIST, N_("federal 'sanctuary' lists")),
)
INDICATORS_BY_ID = {indicator.id: indicator for indicator in INDICATORS}
CLASSIFIED = tuple(indicator for indicator in INDICATORS if indicator.classified)
CLASSIFIED_IDS = tuple(indicator.id for indicator in CLASSIFIED)
# The indicators curated rows (state laws, local policies) may name.
CURATED_IDS = tuple(i.id for i in INDICATORS if i.state_law_rows or i.local_policy_effects)
STATE_LAW_IDS = tuple(i.id for i in INDICATORS if i.state_law_rows)
LOCAL_POLICY_EFFECTS = {i.id: tuple(i.local_policy_effects) for i in INDICATORS if i.local_policy_effects}
# The overall level is read from these three (lib.classify.level_of): holds first, then how many of the others
# are refused.
LEVEL_INDICATORS = (HOLDS, NOTIFICATIONS, JAIL_ACCESS)


def indicator_name(indicator_id: str) -> str:
    """An indicator's name (English, N_-marked); an id the registry does not know is shown as it is."""
    known = INDICATORS_BY_ID.get(indicator_id)
    return known.name if known else indicator_id


def value_word(indicator_id: str, value: str) -> str:
    """The English word (N_-marked) for an indicator's value."""
    known = INDICATORS_BY_ID.get(indicator_id)
    return (known.value_words.get(value) if known else None) or VALUE_WORDS[value]


# The overall level, from most to least collaboration; unknown is not a level but its own state, shown apart.
PARTNERSHIP, HONORS_HOLDS, LIMITS_HOLDS = "partnership", "honors_holds", "limits_holds"
REFUSES_HOLDS_ONLY, REFUSES_HOLDS_AND_ONE, REFUSES_ALL = "refuses_holds_only", "refuses_holds_and_one", "refuses_all"
LEVEL_CLASSES = (
    LegendClass(
        PARTNERSHIP,
        N_("Formal partnership with ICE"),
        N_(
            "The agency that runs the jail has a 287(g) jail enforcement or warrant service agreement, or the "
            "county jail held on average at least 1 person a day for ICE under a contract in the last full "
            "fiscal year. A task force agreement alone is not a partnership of the jail."
        ),
        "#8c510a",
    ),
    LegendClass(HONORS_HOLDS, N_("Honors ICE holds"), N_("The jail holds people for ICE when asked."), HONORS_COLOR),
    LegendClass(
        LIMITS_HOLDS, N_("Limits ICE holds"), N_("The jail honors ICE holds only in some cases."), LIMITED_COLOR
    ),
    LegendClass(
        REFUSES_HOLDS_ONLY,
        N_("Refuses holds"),
        N_("The jail refuses ICE holds; release notifications or jail access are not known to be refused."),
        "#80cdc1",
    ),
    LegendClass(
        REFUSES_HOLDS_AND_ONE,
        N_("Refuses holds and one more"),
        N_("The jail refuses ICE holds and either release notifications or ICE access."),
        REFUSES_COLOR,
    ),
    LegendClass(
        REFUSES_ALL,
        N_("Refuses holds, notifications and access"),
        N_("The jail refuses ICE holds, release notifications and ICE access to the jail."),
        "#01665e",
    ),
    LegendClass(
        UNKNOWN,
        N_("Unknown (blank): no evidence found"),
        N_("We found no statute, agreement, contract or local policy; this is not the same as no collaboration."),
        UNKNOWN_COLOR,
    ),
)
LEVELS = tuple(level.id for level in LEVEL_CLASSES)
# The refusal levels by how many of notifications and jail access are refused besides holds (0, 1 or 2).
REFUSAL_LEVELS = (REFUSES_HOLDS_ONLY, REFUSES_HOLDS_AND_ONE, REFUSES_ALL)

# Marks shown beside a county's level (in the tooltip, the why-this-color sentence and the profile); they never
# change the level.
STREET_TASK_FORCE_MARK, OCCASIONAL_CONTRACT_MARK, CONFLICT_MARK = (
    "street_task_force",
    "occasional_contract",
    "conflict",
)


@dataclass(frozen=True)
class Mark:
    """A mark beside the level. label and description are English (N_-marked)."""

    id: str
    label: str
    description: str


MARKS = (
    Mark(
        STREET_TASK_FORCE_MARK,
        N_("ICE task force on the street"),
        N_(
            "An agency in the county (any agency) has a 287(g) task force agreement: its officers enforce "
            "immigration law on the street. It says nothing about the jail and does not change the level."
        ),
    ),
    Mark(
        OCCASIONAL_CONTRACT_MARK,
        N_("ICE contract used occasionally"),
        N_(
            "The county jail held people for ICE under a contract, but fewer than 1 a day on average in the last "
            "full fiscal year (the number is shown): not counted as a partnership."
        ),
    ),
    Mark(
        CONFLICT_MARK,
        N_("Law and practice conflict"),
        N_(
            "A state law or ruling forbids or limits what an agreement, contract or policy here does. Both are "
            "shown with their dates; the color follows the documented practice until a ruling or order names "
            "the agency or agreement."
        ),
    ),
)
MARKS_BY_ID = {mark.id: mark for mark in MARKS}

# The 287(g) layer: purples (ColorBrewer, color-blind safe) for the jail's own agreements, from strongest to
# weakest; teal marks agreements of other agencies only; pale grey is "ICE lists no agreement".
OTHER_AGENCY_CLASS, NO_AGREEMENT_CLASS = "other_agency", "none"
CLASSES_287G = (
    LegendClass(
        vocab.JAIL_ENFORCEMENT,
        N_("Jail model (jail operator)"),
        N_("The agency that runs the jail has a 287(g) jail enforcement agreement."),
        "#3f007d",
    ),
    LegendClass(
        vocab.WARRANT_SERVICE,
        N_("Warrant service (jail operator)"),
        N_("The agency that runs the jail has a warrant service officer agreement, no jail model."),
        "#6a51a3",
    ),
    LegendClass(
        vocab.TASK_FORCE,
        N_("Task force only (jail operator)"),
        N_("The agency that runs the jail has a task force agreement only."),
        "#9e9ac8",
    ),
    LegendClass(
        OTHER_AGENCY_CLASS,
        N_("Other agencies only (city, county police...)"),
        N_("No agreement of the agency that runs the jail; another agency in the county has one."),
        "#1b9e9e",
    ),
    LegendClass(
        NO_AGREEMENT_CLASS,
        N_("No agreement on ICE's list"),
        N_("ICE's participating list names no agency in this county."),
        "#ececec",
    ),
)

# The ICE detention layer. A facility's contract is in use if it held at least one person a day for ICE on
# average in the last full fiscal year (lib.evidence.last_full_fiscal_year); under that, used occasionally.
MIN_CURRENT_ADP = 1.0
COUNTY_JAIL_BEDS, OTHER_FACILITY_BEDS, NO_BEDS_LISTED = "county_jail", "other_facility", "none_listed"
BEDS_CLASSES = (
    LegendClass(
        COUNTY_JAIL_BEDS,
        N_("County jail holds people for ICE"),
        N_(
            "A county-run jail held ICE detainees (1 or more a day on average) under an IGSA or U.S. "
            "Marshals agreement in the last full fiscal year."
        ),
        "#8c510a",
    ),
    LegendClass(
        OTHER_FACILITY_BEDS,
        N_("Other ICE detention in the county"),
        N_("A private, federal or other facility in the county held ICE detainees; the county jail is not known to."),
        "#dfc27d",
    ),
    LegendClass(
        NO_BEDS_LISTED,
        N_("No ICE detention listed"),
        N_(
            "No facility in the county is on ICE's statistics or the daily counts of the last full fiscal year "
            "with 1 or more ICE detainees a day."
        ),
        "#f5f5f5",
    ),
)


@dataclass(frozen=True)
class LayerSpec:
    """One choice of the map's layer menu. `indicator` is the classified indicator it shows, if it shows one."""

    id: str
    menu_title: str
    indicator: str | None = None


LEVEL_LAYER = "level"
LEVEL_LAYER_TITLE = N_("How far the jail collaborates with ICE")
TITLE_287G = N_("287(g) agreements")
# The layer menu, in its order; the id is what the URL carries (?layer=287g).
LAYERS = (
    LayerSpec(LEVEL_LAYER, N_("Overall level")),
    *(LayerSpec(indicator.id, indicator.title, indicator.id) for indicator in CLASSIFIED if indicator.legend),
    LayerSpec(AGREEMENT_287G, TITLE_287G),
    LayerSpec(ICE_BEDS, N_("ICE detention (beds)")),
)
LAYER_IDS = tuple(layer.id for layer in LAYERS)
LAYER_TITLES = {layer.id: layer.menu_title for layer in LAYERS}
