"""Turning the compiled tables into dated evidence rows per county, and classifying every county.

Each table speaks its own words (a statute "forbids", a county "refuses", a 287(g) model); here they become
the three values the classification uses: honors, limited, refuses.

Every evidence row carries a summary a person reads, so the rows are built in the current language: the
functions below translate when called, and a CountyEvidence holds one language's rows.
"""

import re
from dataclasses import dataclass, replace

import pandas as pd

from lib import registry
from lib.classify import Classification, Evidence, classify
from lib.data import CompiledData
from lib.i18n import N_, _, language
from lib.jails import county_operators, jail_operator_agreements
from lib.registry import HONORS, LOCAL_POLICY_EFFECT_WORDS, MIN_CURRENT_ADP, STATE_LAW_VALUES
from lib.sources import LIST_SOURCE_287G
from lib.vocab import (
    AGENCY_TYPE_LABELS,
    AGREEMENT,
    CHECKED_AGAINST_TEXT,
    CONTRACT,
    COUNTY_JAIL_CONTRACTS,
    COUNTY_JAIL_IGSA,
    IN_FORCE,
    JAIL_AGENCY_TYPES,
    JAIL_MODELS,
    LAW_STATUS_WORDS,
    LOCAL_SCOPE,
    MODEL_LABELS,
    PARTICIPATING,
    RUN_BY_COUNTY,
    STATE_LAW_EFFECT_PHRASES,
    STATE_SCOPE,
    TASK_FORCE,
    USMS_IGA,
)

# The summary of a county-run jail holding people for ICE, one whole sentence per kind of contract.
COUNTY_JAIL_SUMMARIES = {
    COUNTY_JAIL_IGSA: N_(
        "{facility}: county-run jail holding people for ICE under an IGSA with ICE; {adp} ICE "
        "detainees a day on average in {year} (county-run: {basis})"
    ),
    USMS_IGA: N_(
        "{facility}: county-run jail holding people for ICE under a U.S. Marshals agreement ICE uses; "
        "{adp} ICE detainees a day on average in {year} (county-run: {basis})"
    ),
}
AS_OF_LABEL = re.compile(r"^as of (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")


SET_BY_JAIL_287G = tuple(indicator.id for indicator in registry.CLASSIFIED if indicator.set_by_jail_287g)
SET_BY_COUNTY_JAIL_CONTRACT = tuple(
    indicator.id for indicator in registry.CLASSIFIED if indicator.set_by_county_jail_contract
)


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def as_of_text(label: object) -> str:
    """A source's "as of 2015" label in the current language; any other value as it is."""
    text = _text(label)
    match = AS_OF_LABEL.match(text)
    return _("as of {date}").format(date=match.group(1)) if match else text


def law_summary(law_name: str, effect: str, status: str, effective: str) -> str:
    """'SB 4 (2017): requires it (in force since 2017-09-01)', in the current language. The law's name comes
    first, before a colon, in every language (lib.asks reads it back from there)."""
    effect_words = _(STATE_LAW_EFFECT_PHRASES[effect])
    if status != IN_FORCE:
        status_words = _(LAW_STATUS_WORDS[status]) if status in LAW_STATUS_WORDS else status.replace("_", " ")
        return _("{law}: {effect} — {status}").format(law=law_name, effect=effect_words, status=status_words)
    if effective:
        return _("{law}: {effect} (in force since {date})").format(law=law_name, effect=effect_words, date=effective)
    return f"{law_name}: {effect_words}"


STATE_LAW_RULES = N_(
    "State laws, in words: each row of the state-law table is one statute, attorney general's directive, executive "
    "order or court ruling, with the words it rests on quoted from the page they were read on, that page's address "
    "and the date it was read. A row is *checked against the text* only where the quote is the law's own wording "
    "(or an official analysis of it); a row resting on a secondary summary is a *draft*. Only a law in force that "
    "binds county jails sets a county's indicator: requires → honors, limits → limited, forbids → refuses. A law "
    "that only bars local limits, or only makes sheriffs seek a 287(g) agreement, orders nothing by itself and sets "
    "nothing; pending, enjoined and repealed laws set nothing. A state and indicator without a row is *not "
    "checked*, never silent: silent is written only after the state's code and session laws were searched. Lists "
    "and drafts by others (the 2026 stance draft, the leads folder) told us where to look; they are never the "
    "source of a row."
)


def state_law_rules_markdown() -> str:
    """How state laws are read (STATE_LAW_RULES), in the current language, as Markdown."""
    return _(STATE_LAW_RULES)


def state_law_counts(laws: pd.DataFrame) -> dict[str, int]:
    """How much of the state-law table is checked against the text, for the Sources & method page."""
    checked = laws[laws["review_status"] == CHECKED_AGAINST_TEXT]
    return {
        "rows": len(laws),
        "checked": len(checked),
        "drafts": len(laws) - len(checked),
        "states": laws["state_abbr"].nunique(),
        "states_checked": checked["state_abbr"].nunique(),
    }


SET_BY_STATE_LAW = tuple(indicator.id for indicator in registry.CLASSIFIED if indicator.set_by_state_law)
# The facts of a formal partnership: a state law on them is shown, and where it forbids them it is a conflict.
PARTNERSHIP_FACTS = (registry.AGREEMENT_287G, registry.ICE_BEDS)


def state_law_evidence(laws: pd.DataFrame, indicators: tuple[str, ...] = SET_BY_STATE_LAW) -> dict[str, list[Evidence]]:
    """Per state, the law rows on `indicators`: by default those a state law sets (287(g) and detention-contract
    rows are read for their conflicts with a partnership, PARTNERSHIP_FACTS). A law binding only state agencies
    (an executive order for the state police) says nothing about a county's jail and is left out."""
    by_state: dict[str, list[Evidence]] = {}
    for row in laws[laws["indicator"].isin(indicators) & laws["binds_county_jails"]].itertuples():
        effective = _text(row.effective_date)
        by_state.setdefault(row.state_abbr, []).append(
            Evidence(
                indicator=row.indicator,
                value=STATE_LAW_VALUES.get(row.effect),
                scope=STATE_SCOPE,
                basis=row.basis,
                source=row.source,
                as_of=row.source_date,
                effective=effective,
                summary=law_summary(row.law_name, row.effect, row.status, effective),
                review_status=row.review_status,
                in_force=row.status == IN_FORCE,
                url=_text(row.url) or None,
                effect=row.effect,
            )
        )
    return by_state


def local_policy_evidence(policies: pd.DataFrame) -> dict[str, list[Evidence]]:
    by_county: dict[str, list[Evidence]] = {}
    for row in policies[policies["indicator"].isin(registry.CLASSIFIED_IDS)].itertuples():
        name = _text(row.policy_name) or _("local policy (no name given)")
        effect = _(LOCAL_POLICY_EFFECT_WORDS[row.effect]) if row.effect in LOCAL_POLICY_EFFECT_WORDS else row.effect
        by_county.setdefault(row.county_fips, []).append(
            Evidence(
                indicator=row.indicator,
                value=registry.INDICATORS_BY_ID[row.indicator].local_policy_effects[row.effect],
                scope=LOCAL_SCOPE,
                basis=row.basis,
                source=row.source,
                as_of=row.as_of_label,
                effective=_text(row.adopted_date) or row.source_date,
                summary=f"{row.jurisdiction}: {name} — {effect} ({as_of_text(row.as_of_label)})",
                review_status=row.review_status,
                documented=row.source_date,
            )
        )
    return by_county


def in_force(agreements: pd.DataFrame) -> pd.DataFrame:
    """The agreements on ICE's participating list that are placed on a county (pending ones color nothing)."""
    return agreements[(agreements["status"] == PARTICIPATING) & agreements["county_fips"].notna()]


def participating(agreements: pd.DataFrame) -> pd.DataFrame:
    """The agreements on ICE's participating list, placed or not (a regional jail authority is placed through
    its member counties, lib/jails.py)."""
    return agreements[agreements["status"] == PARTICIPATING]


@dataclass(frozen=True)
class AgreementRows:
    """Per county, what its 287(g) agreements are evidence of."""

    indicators: dict[str, list[Evidence]]  # the jail operator's jail or warrant service model: the jail's practice
    partnership: dict[str, list[Evidence]]  # the same agreements, as the facts of a formal partnership
    street: dict[str, list[Evidence]]  # task force models of any agency: ICE task force on the street
    other: dict[str, list[Evidence]]  # jail or warrant service models of agencies that do not run the county's jail


def _agreement_summary(row) -> str:
    signed = _text(row.signed)
    names = dict(
        agency=row.agency,
        agency_type=_(AGENCY_TYPE_LABELS[row.agency_type]),
        model=_(MODEL_LABELS[row.model]),
        date=row.source_date,
    )
    if signed:
        return _("{agency} ({agency_type}): 287(g) {model}, signed {signed}; on ICE's list of {date}").format(
            signed=signed, **names
        )
    return _("{agency} ({agency_type}): 287(g) {model}; on ICE's list of {date}").format(**names)


def _agreement_row(row, summary: str, value: str | None, list_page: str | None) -> Evidence:
    signed = _text(row.signed)
    return Evidence(
        indicator=registry.AGREEMENT_287G,
        value=value,
        scope=LOCAL_SCOPE,
        basis=AGREEMENT,
        source=f"ICE 287(g) list ({row.source_file})",
        as_of=row.source_date,
        effective=signed or row.source_date,
        summary=summary,
        url=_text(row.moa_url) or list_page,
    )


def _list_page(data: CompiledData) -> str | None:
    """The page of ICE's 287(g) lists, where the sources name it."""
    return next((source.get("url") for source in data.sources if source["id"] == LIST_SOURCE_287G), None)


def agreement_evidence(
    agreements: pd.DataFrame, operators: pd.DataFrame, list_page: str | None = None
) -> AgreementRows:
    """What each county's 287(g) agreements say: only the jail operator's jail or warrant service model sets the
    jail's indicators and makes a formal partnership; a task force model of any agency is the street mark; the
    jail models of other agencies are the county's other agreements, shown and never put on the jail. An agreement
    whose row links no agreement document links `list_page`, the page of ICE's lists."""
    current = participating(agreements)
    jail = jail_operator_agreements(current, operators)
    jail_models = jail[jail["model"].isin(JAIL_MODELS)]
    rows = AgreementRows({}, {}, {}, {})
    jail_keys = set(zip(jail_models["county_fips"], jail_models.index))
    for row in jail_models.itertuples():
        summary = _agreement_summary(row)
        if row.agency_type not in JAIL_AGENCY_TYPES:  # a metro police or a state system running the jail
            summary = _("{agreement} — the agency that runs the county's jail").format(agreement=summary)
        rows.partnership.setdefault(row.county_fips, []).append(_agreement_row(row, summary, HONORS, list_page))
        for indicator in SET_BY_JAIL_287G:
            rows.indicators.setdefault(row.county_fips, []).append(
                replace(_agreement_row(row, summary, HONORS, list_page), indicator=indicator)
            )
    placed = current[current["county_fips"].notna()]
    for row in placed.itertuples():
        if row.model == TASK_FORCE:
            summary = _("{agreement} — ICE task force on the street, not the jail").format(
                agreement=_agreement_summary(row)
            )
            rows.street.setdefault(row.county_fips, []).append(_agreement_row(row, summary, None, list_page))
        elif (row.county_fips, row.Index) not in jail_keys:
            summary = _("{agreement} — not the agency that runs the county's jail").format(
                agreement=_agreement_summary(row)
            )
            rows.other.setdefault(row.county_fips, []).append(_agreement_row(row, summary, None, list_page))
    return rows


def last_full_fiscal_year(population: pd.DataFrame) -> str:
    """The last federal fiscal year (October to September) that had ended by the newest count of the detention
    population: FY25 for counts of April 2026, whose FY26 numbers are the year so far."""
    newest = pd.Timestamp(population["source_date"].max())
    year = newest.year if newest.month >= 10 else newest.year - 1
    return f"FY{year % 100:02d}"


def detention_in(facilities: pd.DataFrame, population: pd.DataFrame, fiscal_year: str) -> pd.DataFrame:
    """Facilities placed on a county that held anybody for ICE in `fiscal_year`, with that year's ADP."""
    counted = population[(population["fiscal_year"] == fiscal_year) & (population["adp"] > 0)]
    merged = facilities.merge(counted, on="facility_id", suffixes=("", "_population"))
    return merged[merged["county_fips"].notna()].sort_values(["county_fips", "facility_id"])


def current_detention(facilities: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Facilities in use for ICE detention: at least MIN_CURRENT_ADP people a day on average in the last full
    fiscal year."""
    counted = detention_in(facilities, population, last_full_fiscal_year(population))
    return counted[counted["adp"] >= MIN_CURRENT_ADP]


def occasional_detention(facilities: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Facilities used for ICE detention occasionally: fewer than MIN_CURRENT_ADP a day in the last full year."""
    counted = detention_in(facilities, population, last_full_fiscal_year(population))
    return counted[counted["adp"] < MIN_CURRENT_ADP]


def is_county_jail_contract(facility) -> bool:
    return facility.run_by == RUN_BY_COUNTY and facility.contract_type in COUNTY_JAIL_CONTRACTS


def _contract_row(facility, value: str | None) -> Evidence:
    summary = _(COUNTY_JAIL_SUMMARIES[facility.contract_type]).format(
        facility=facility.name.title(),
        adp=f"{facility.adp:g}",
        year=facility.fiscal_year,
        basis=facility.run_by_basis,
    )
    if value is None:
        summary = _("{contract} — used occasionally (under 1 a day), not a partnership").format(contract=summary)
    return Evidence(
        indicator=registry.ICE_BEDS,
        value=value,
        scope=LOCAL_SCOPE,
        basis=CONTRACT,
        source=facility.source,
        as_of=facility.source_date_population,
        effective=facility.source_date_population,
        summary=summary,
        review_status=facility.review_status,
    )


def detention_evidence(current: pd.DataFrame) -> tuple[dict[str, list[Evidence]], dict[str, list[Evidence]]]:
    """(indicator evidence, partnership evidence) per county from county-run jails holding people for ICE.
    Private and federal facilities are ICE detention in the county, not the jail's practice: they set nothing."""
    evidence: dict[str, list[Evidence]] = {}
    partnership: dict[str, list[Evidence]] = {}
    for facility in current.itertuples():
        if not is_county_jail_contract(facility):
            continue
        row = _contract_row(facility, HONORS)
        partnership.setdefault(facility.county_fips, []).append(row)
        for indicator in SET_BY_COUNTY_JAIL_CONTRACT:
            evidence.setdefault(facility.county_fips, []).append(replace(row, indicator=indicator))
    return evidence, partnership


def occasional_contract_evidence(occasional: pd.DataFrame) -> dict[str, list[Evidence]]:
    """Per county, the county-run jails that held people for ICE under a contract, fewer than 1 a day on average:
    shown with their number, a mark and not a partnership; they set no indicator."""
    by_county: dict[str, list[Evidence]] = {}
    for facility in occasional.itertuples():
        if is_county_jail_contract(facility):
            by_county.setdefault(facility.county_fips, []).append(_contract_row(facility, None))
    return by_county


@dataclass(frozen=True)
class CountyEvidence:
    """All counties' evidence in one language, assembled once from the compiled data (`assemble`).

    Evidence rows carry summaries in words, so one object holds one language's rows; the app keeps one per
    language in its cache (lib/ui/cache.py) and passes it to the layers and the exports."""

    data: CompiledData
    language: str
    fiscal_year: str  # the last full fiscal year, which decides whether an ICE detention contract is in use
    current_detention: pd.DataFrame
    operators: pd.DataFrame  # who runs each county's jail (lib.jails.county_operators)
    laws: dict[str, list[Evidence]]  # by state
    partnership_laws: dict[str, list[Evidence]]  # by state: laws on 287(g) and ICE detention contracts
    policies: dict[str, list[Evidence]]  # the rest by county
    agreements: AgreementRows
    contracts: dict[str, list[Evidence]]
    contract_partners: dict[str, list[Evidence]]
    occasional: dict[str, list[Evidence]]

    @classmethod
    def assemble(cls, data: CompiledData) -> "CountyEvidence":
        """Every county's evidence, in the current language."""
        facilities, population = data.detention_facilities, data.detention_population
        detention = current_detention(facilities, population)
        operators = county_operators(data.counties, data.state_governance, data.county_governance)
        contracts, contract_partners = detention_evidence(detention)
        return cls(
            data,
            language(),
            last_full_fiscal_year(population),
            detention,
            operators,
            state_law_evidence(data.state_laws),
            state_law_evidence(data.state_laws, PARTNERSHIP_FACTS),
            local_policy_evidence(data.local_policies),
            agreement_evidence(data.agreements, operators, _list_page(data)),
            contracts,
            contract_partners,
            occasional_contract_evidence(occasional_detention(facilities, population)),
        )

    def for_county(self, fips: str) -> tuple[list[Evidence], list[Evidence]]:
        """(indicator evidence, partnership evidence) for one county."""
        state = self.data.counties_by_fips.loc[fips, "state_abbr"]
        rows = (
            self.laws.get(state, [])
            + self.policies.get(fips, [])
            + self.agreements.indicators.get(fips, [])
            + self.contracts.get(fips, [])
        )
        return rows, self.agreements.partnership.get(fips, []) + self.contract_partners.get(fips, [])

    def classify(self, fips: str, reviewed_only: bool = False) -> Classification:
        rows, partnership = self.for_county(fips)
        state = self.data.counties_by_fips.loc[fips, "state_abbr"]
        return classify(
            rows,
            partnership,
            reviewed_only=reviewed_only,
            partnership_laws=self.partnership_laws.get(state, []),
            street=self.agreements.street.get(fips, []),
            occasional=self.occasional.get(fips, []),
            other_agreements=self.agreements.other.get(fips, []),
        )

    def classify_all(self, reviewed_only: bool = False) -> dict[str, Classification]:
        return {fips: self.classify(fips, reviewed_only) for fips in self.data.counties["fips"]}
