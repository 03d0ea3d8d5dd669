"""The project's codes and the words for them, each defined once: the FIPS pattern, review and agreement
statuses, what a law does and whether it is in force, the kinds of evidence (basis), 287(g) models, agency types,
detention contract types, who runs a jail and the roles of the offices that decide.

Codes are what the data files hold and the URL carries; the words are English, marked with N_ and translated
with `_()` where they are shown. The indicators, their values, the levels and the map layers are declared in
lib/registry.py, the languages in lib/i18n.py. tests/test_vocabulary.py fails when a code from here or from the
registry is typed as a literal anywhere else in lib/ or app_pages/.
"""

import re

import pandas as pd

from lib.i18n import N_, _

# A county is named by its 5-character FIPS code (state + county), kept as text: 06085, never 6085.
FIPS_REGEX = r"^\d{5}$"
FIPS_PATTERN = re.compile(FIPS_REGEX)

# Not known: a county's indicator value (lib.registry), who runs a facility, a state's governance pattern.
UNKNOWN = "unknown"

# Whether anybody has checked a row against its source: reviewed (a source we take as it is, such as ICE's own
# list), checked against the text (a state law's row whose operative words were read and quoted), or draft.
DRAFT, REVIEWED, CHECKED_AGAINST_TEXT = "draft", "reviewed", "checked_against_text"
NOT_DRAFT = (REVIEWED, CHECKED_AGAINST_TEXT)
REVIEW_WORDS = {DRAFT: N_("draft"), REVIEWED: N_("reviewed"), CHECKED_AGAINST_TEXT: N_("checked against the text")}

# Who may ask for public records under a state's law (data/public_records_laws.csv): anyone, only the state's
# residents or citizens, or residents of the United States (Pennsylvania).
ANY_PERSON, STATE_RESIDENTS, STATE_CITIZENS, US_RESIDENTS = (
    "any_person",
    "state_residents",
    "state_citizens",
    "us_residents",
)
REQUESTERS = (ANY_PERSON, STATE_RESIDENTS, STATE_CITIZENS, US_RESIDENTS)

# Which of ICE's two 287(g) lists names an agreement.
PARTICIPATING, PENDING = "participating", "pending"
AGREEMENT_STATUSES = (PARTICIPATING, PENDING)
AGREEMENT_STATUS_WORDS = {PARTICIPATING: N_("participating"), PENDING: N_("pending")}

# Whether a law (or ruling) applies today; a pending bill, or one whose enactment we could not confirm, sets nothing.
IN_FORCE, ENJOINED, REPEALED, LAW_PENDING = "in_force", "enjoined", "repealed", "pending"
LAW_STATUSES = (IN_FORCE, ENJOINED, REPEALED, LAW_PENDING, UNKNOWN)
LAW_STATUS_WORDS = {
    IN_FORCE: N_("in force"),
    ENJOINED: N_("enjoined"),
    REPEALED: N_("repealed"),
    LAW_PENDING: N_("pending, not in force"),
    UNKNOWN: N_("enactment not confirmed"),
}

# What a state law does to a practice: requires orders it; preempts_local_limits bars local limits without
# ordering it; limits / forbids restrict or bar it; requires_seeking_287g obliges sheriffs to seek (request, apply
# for) a 287(g) agreement, which makes no agreement by itself; silent: the state's code and session laws were
# searched and do not address it (what was searched is recorded).
REQUIRES, PREEMPTS_LOCAL_LIMITS, LIMITS, FORBIDS, REQUIRES_SEEKING_287G, SILENT = (
    "requires",
    "preempts_local_limits",
    "limits",
    "forbids",
    "requires_seeking_287g",
    "silent",
)
STATE_LAW_EFFECTS = (REQUIRES, PREEMPTS_LOCAL_LIMITS, LIMITS, FORBIDS, REQUIRES_SEEKING_287G, SILENT)
# The effect as a table shows it, and as a law's one-line summary says it.
STATE_LAW_EFFECT_WORDS = {
    REQUIRES: N_("requires"),
    PREEMPTS_LOCAL_LIMITS: N_("preempts local limits"),
    LIMITS: N_("limits"),
    FORBIDS: N_("forbids"),
    REQUIRES_SEEKING_287G: N_("required by state law to seek 287(g)"),
    SILENT: N_("silent"),
}
STATE_LAW_EFFECT_PHRASES = {
    REQUIRES: N_("requires it"),
    LIMITS: N_("limits it"),
    FORBIDS: N_("forbids it"),
    PREEMPTS_LOCAL_LIMITS: N_("bars local limits on it (orders nothing by itself)"),
    REQUIRES_SEEKING_287G: N_(
        "sheriffs are required by state law to seek a 287(g) agreement (which makes no agreement by itself)"
    ),
    SILENT: N_("does not address it"),
}

# The kind of evidence a fact rests on. A court ruling and an attorney general's directive are bases of their own.
STATUTE, CASE_LAW, AG_DIRECTIVE, EXECUTIVE_ORDER = "statute", "case_law", "ag_directive", "executive_order"
AGREEMENT, CONTRACT, LOCAL_POLICY, CONSTITUTION, REPORT = (
    "agreement",
    "contract",
    "local policy",
    "constitution",
    "report",
)
STATE_LAW_BASES = (STATUTE, CASE_LAW, AG_DIRECTIVE, EXECUTIVE_ORDER)
# A ruling or order: where one names a county's agency or agreement (a local row), it decides over that agency's
# own practice; a state-wide one that the practice goes beyond is a conflict, shown, and decides nothing.
RULING_BASES = (CASE_LAW, AG_DIRECTIVE, EXECUTIVE_ORDER)
BASIS_WORDS = {
    STATUTE: N_("statute"),
    CASE_LAW: N_("case law"),
    AG_DIRECTIVE: N_("attorney general's directive"),
    EXECUTIVE_ORDER: N_("executive order"),
    AGREEMENT: N_("agreement"),
    CONTRACT: N_("contract"),
    LOCAL_POLICY: N_("local policy"),
}
# What each kind of evidence is, in plain words (shown beside the basis).
BASIS_EXPLAINED = {
    STATUTE: N_("a law passed by the state legislature"),
    CASE_LAW: N_("a court ruling"),
    AG_DIRECTIVE: N_("guidance issued by the state's attorney general"),
    EXECUTIVE_ORDER: N_("an order of a governor or another executive"),
    AGREEMENT: N_("a signed agreement with ICE, on ICE's own list"),
    CONTRACT: N_("a contract to hold people for ICE or the U.S. Marshals"),
    LOCAL_POLICY: N_("a written policy of the county, its sheriff or its jail"),
}

# Whether evidence is about one county's jail or is a state's law for every county.
LOCAL_SCOPE, STATE_SCOPE = "local", "state"

# 287(g) models, strongest first.
JAIL_ENFORCEMENT, WARRANT_SERVICE, TASK_FORCE = "jail_enforcement", "warrant_service", "task_force"
MODELS = (JAIL_ENFORCEMENT, WARRANT_SERVICE, TASK_FORCE)
# The models under which the jail's own officers hold people for ICE and let ICE work in the jail.
JAIL_MODELS = (JAIL_ENFORCEMENT, WARRANT_SERVICE)
MODEL_LABELS = {
    JAIL_ENFORCEMENT: N_("jail enforcement model"),
    WARRANT_SERVICE: N_("warrant service officer model"),
    TASK_FORCE: N_("task force model"),
}
# Short, for "The 287(g) agreements here (jail enforcement, task force) …".
MODEL_SHORT_NAMES = {
    JAIL_ENFORCEMENT: N_("jail enforcement"),
    WARRANT_SERVICE: N_("warrant service"),
    TASK_FORCE: N_("task force"),
}
# ICE's sheet names the models in its own words.
ICE_MODEL_NAMES = {
    "Jail Enforcement Model": JAIL_ENFORCEMENT,
    "Warrant Service Officer": WARRANT_SERVICE,
    "Task Force Model": TASK_FORCE,
}

# The kinds of agencies on ICE's 287(g) list. State agencies are statewide and placed on no county.
# The federal "sanctuary jurisdiction" lists (data/federal_lists.csv): the Justice Department's of 2025-08-05,
# published whole, and Homeland Security's of 2025-05-29, withdrawn within days and rebuilt here from news pages
# for 11 states only. A list's entry is a federal designation, never evidence of what a jail does.
DOJ_LIST_2025, DHS_LIST_2025 = "doj_2025_08_05", "dhs_2025_05_29"
FEDERAL_LISTS = (DOJ_LIST_2025, DHS_LIST_2025)
# What a list's entry names: a state, a county, or a city (placed on the main county of its police).
LISTED_STATE, LISTED_COUNTY, LISTED_CITY = "state", "county", "city"
LISTED_KINDS = (LISTED_STATE, LISTED_COUNTY, LISTED_CITY)
# What a list says of one county: it names the county, names a city in it (and not the county), does not name it
# although the county's state was checked whole, or was not checked for the county's state.
COUNTY_LISTED, CITY_LISTED, NOT_LISTED, NOT_CHECKED = "county_listed", "city_listed", "not_listed", "not_checked"
FEDERAL_LIST_STATUS_WORDS = {
    COUNTY_LISTED: N_("the county is on the list"),
    CITY_LISTED: N_("a city in the county is on the list, the county is not"),
    NOT_LISTED: N_("not on the list"),
    NOT_CHECKED: N_("not checked: the list was not rebuilt for this state"),
}

# How an agency's main county was chosen (data/agencies.csv): the only county the FBI lists for it; for an agency
# in several, the county holding most of its residents in the 2020 Census (curation/agency_main_county.csv), or,
# where that table has no row, the county the FBI lists first, which says nothing about where most residents live.
ONLY_COUNTY, MOST_RESIDENTS_2020, FIRST_LISTED = "only_county", "most_residents_2020", "first_listed"
MAIN_COUNTY_BASES = (ONLY_COUNTY, MOST_RESIDENTS_2020, FIRST_LISTED)

SHERIFF, COUNTY_JAIL, MUNICIPAL, STATE_AGENCY, OTHER_AGENCY = "sheriff", "county_jail", "municipal", "state", "other"
AGENCY_TYPES = (SHERIFF, COUNTY_JAIL, MUNICIPAL, STATE_AGENCY, OTHER_AGENCY)
# The agencies that may run a county's jail. Whether one does is decided per county from who runs its jail
# (lib/jails.py): only that operator's agreements set the jail's indicators.
JAIL_AGENCY_TYPES = (SHERIFF, COUNTY_JAIL)
AGENCY_TYPE_LABELS = {
    SHERIFF: N_("sheriff"),
    COUNTY_JAIL: N_("county jail or corrections"),
    MUNICIPAL: N_("city or town"),
    STATE_AGENCY: N_("state agency (statewide)"),
    OTHER_AGENCY: N_("other local agency"),
}

# ICE detention: the kind of contract a facility holds people under, and who runs it.
COUNTY_JAIL_IGSA, USMS_IGA, PRIVATE_CONTRACT, FEDERAL_FACILITY, HOLD_ROOM, OTHER_CONTRACT = (
    "county_jail_igsa",
    "usms_iga",
    "private_contract",
    "federal",
    "hold_room",
    "other",
)
DETENTION_CONTRACT_TYPES = (COUNTY_JAIL_IGSA, USMS_IGA, PRIVATE_CONTRACT, FEDERAL_FACILITY, HOLD_ROOM, OTHER_CONTRACT)
# Contracts under which a county-run jail holds people for ICE.
COUNTY_JAIL_CONTRACTS = (COUNTY_JAIL_IGSA, USMS_IGA)
RUN_BY_COUNTY, RUN_BY_CITY, RUN_BY_STATE, RUN_BY_FEDERAL, RUN_BY_PRIVATE = (
    "county",
    "city",
    "state",
    "federal",
    "private",
)
DETENTION_RUN_BY = (RUN_BY_COUNTY, RUN_BY_CITY, RUN_BY_STATE, RUN_BY_FEDERAL, RUN_BY_PRIVATE, UNKNOWN)

# Who runs a county's jail (data/state_governance.csv: the usual pattern per state, county rows where a county
# differs). "mixed" and "unknown" describe a state only: a single county has one operator. A county jail authority
# is a public trust or authority of one county (Oklahoma's criminal justice authorities); a metro police
# department is a consolidated city-county police that runs the county's jail (Las Vegas Metro for Clark County).
COUNTY_CORRECTIONS_DEPARTMENT, REGIONAL_JAIL_AUTHORITY, STATE_UNIFIED_SYSTEM, ELECTED_JAILER, MIXED_OPERATORS = (
    "county_corrections_department",
    "regional_jail_authority",
    "state_unified_system",
    "elected_jailer",
    "mixed",
)
COUNTY_JAIL_AUTHORITY, METRO_POLICE = "county_jail_authority", "metro_police"
JAIL_OPERATORS = (
    SHERIFF,
    COUNTY_CORRECTIONS_DEPARTMENT,
    COUNTY_JAIL_AUTHORITY,
    METRO_POLICE,
    REGIONAL_JAIL_AUTHORITY,
    STATE_UNIFIED_SYSTEM,
    ELECTED_JAILER,
    MIXED_OPERATORS,
    UNKNOWN,
)
# The kind of agency on ICE's list that runs the jail, per operator; a metro police department and a regional
# authority are recognized by their name only (the county's jail_operator_name), a state system by the state's
# corrections agency. Mixed and unknown states accept a sheriff or a county jail, as ICE's list names them.
OPERATOR_AGENCY_TYPES = {
    SHERIFF: (SHERIFF,),
    COUNTY_CORRECTIONS_DEPARTMENT: (COUNTY_JAIL,),
    COUNTY_JAIL_AUTHORITY: (COUNTY_JAIL,),
    ELECTED_JAILER: (COUNTY_JAIL,),
    REGIONAL_JAIL_AUTHORITY: (),
    METRO_POLICE: (),
    STATE_UNIFIED_SYSTEM: (),
    MIXED_OPERATORS: JAIL_AGENCY_TYPES,
    UNKNOWN: JAIL_AGENCY_TYPES,
}
COUNTY_JAIL_OPERATORS = tuple(op for op in JAIL_OPERATORS if op not in (MIXED_OPERATORS, UNKNOWN))
GOVERNANCE_BASES = (STATUTE, CONSTITUTION, REPORT)

# The role of an office in a county's authority chart: the primary target runs the jail; secondary targets (the
# county board and executive) direct or fund it; the state can override; cities run their own police.
PRIMARY_ROLE, SECONDARY_ROLE, CITY_ROLE, STATE_ROLE = "primary", "secondary", "city", "state"
# Which office of the authority chart an office is, and the city offices that are not on it: the campaign kit
# prepares a meeting with each (lib.campaign.meeting).
JAIL_OPERATOR_OFFICE, COUNTY_BOARD_OFFICE, COUNTY_EXECUTIVE_OFFICE, STATE_OFFICE = (
    "jail_operator",
    "county_board",
    "county_executive",
    "state_government",
)
POLICE_CHIEF_OFFICE, CITY_COUNCIL_OFFICE = "police_chief", "city_council"
OFFICE_KINDS = (
    JAIL_OPERATOR_OFFICE,
    COUNTY_BOARD_OFFICE,
    COUNTY_EXECUTIVE_OFFICE,
    POLICE_CHIEF_OFFICE,
    CITY_COUNCIL_OFFICE,
    STATE_OFFICE,
)
ROLE_WORDS = {
    PRIMARY_ROLE: N_("primary"),
    SECONDARY_ROLE: N_("secondary"),
    CITY_ROLE: N_("city"),
    STATE_ROLE: N_("state"),
}

# Codes a table shows, in the reader's words (one dictionary for every table; unknown codes show as they are).
CODE_WORDS = {**REVIEW_WORDS, **AGREEMENT_STATUS_WORDS, **BASIS_WORDS, **STATE_LAW_EFFECT_WORDS, **LAW_STATUS_WORDS}


def code_word(code) -> str | None:
    """A code shown in a table (review status, agreement status, basis, effect of a law), in the reader's words;
    an empty cell stays empty."""
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return None
    return _(CODE_WORDS.get(code, code))


# How a state's law stands on an ask (lib.asks): the county may decide (allowed); the law already limits the
# practice, so the ask goes beyond a floor the law sets (limited); the law bars the county from making the change
# (preempted: it requires the practice or bars local limits on it); the law already orders the change, so the ask
# is to enforce it (already_required).
ASK_ALLOWED, ASK_LIMITED, ASK_PREEMPTED, ASK_ALREADY_REQUIRED = "allowed", "limited", "preempted", "already_required"
ASK_STANDINGS = (ASK_ALLOWED, ASK_LIMITED, ASK_PREEMPTED, ASK_ALREADY_REQUIRED)
ASK_STANDING_WORDS = {
    ASK_ALLOWED: N_("the county may decide"),
    ASK_LIMITED: N_("state law already limits this"),
    ASK_PREEMPTED: N_("state law bars this locally"),
    ASK_ALREADY_REQUIRED: N_("state law already requires this"),
}
# The change an ask requests: find out what the jail does, end a practice, an agreement or a contract, what
# remains possible where state law bars the change, enforce a state law, defend and monitor the county's own
# limits, close a loophole around them, follow the money of an ICE jail contract.
FIND_OUT, END_PRACTICE, END_AGREEMENT, WHAT_REMAINS, ENFORCE_STATE_LAW = (
    "find_out",
    "end_practice",
    "end_agreement",
    "what_remains_possible",
    "enforce_state_law",
)
DEFEND_AND_MONITOR, CLOSE_LOOPHOLE, FOLLOW_THE_MONEY = "defend_and_monitor", "close_loophole", "follow_the_money"
ASK_CHANGES = (
    FIND_OUT,
    END_PRACTICE,
    END_AGREEMENT,
    WHAT_REMAINS,
    ENFORCE_STATE_LAW,
    DEFEND_AND_MONITOR,
    CLOSE_LOOPHOLE,
    FOLLOW_THE_MONEY,
)

# Why a county changed level when the method changed (curation/method_changes.csv), not because of its jail.
TASK_FORCE_ONLY, NOT_THE_JAIL_OPERATOR, CONTRACT_NOT_IN_USE, JAIL_OPERATOR_FOUND = (
    "task_force_only",
    "not_the_jail_operator",
    "contract_not_in_use",
    "jail_operator_found",
)
METHOD_CHANGE_REASONS = (TASK_FORCE_ONLY, NOT_THE_JAIL_OPERATOR, CONTRACT_NOT_IN_USE, JAIL_OPERATOR_FOUND)
METHOD_CHANGE_REASON_WORDS = {
    TASK_FORCE_ONLY: N_("a 287(g) task force agreement alone is no longer a partnership of the jail"),
    NOT_THE_JAIL_OPERATOR: N_("the agreement is not the jail operator's (its agency runs no jail here)"),
    CONTRACT_NOT_IN_USE: N_("the ICE detention contract held under 1 a day in the last full fiscal year"),
    JAIL_OPERATOR_FOUND: N_(
        "the jail operator's agreement is now recognized (regional authority, metro police, state system)"
    ),
}
