"""Turning the compiled tables into dated evidence rows per county, and classifying every county.

Each table speaks its own words (a statute "forbids", a county "refuses", a 287(g) model); here they become
the three values the classification uses: honors, limited, refuses.

Every evidence row carries a summary a person reads, so the rows are built in the current language: the
functions below translate when called, and CountyEvidence (cached across sessions) keeps one set of rows per
language.
"""

import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from lib.classify import INDICATORS, LOCAL, STATE, Classification, Evidence, classify
from lib.data import CompiledData
from lib.i18n import N_, _, language
from lib.layers import AGENCY_TYPE_LABELS, JAIL_AGENCY_TYPES, MODEL_LABELS, in_force

STATE_LAW_VALUES = {"requires": "honors", "limits": "limited", "forbids": "refuses"}
LOCAL_POLICY_VALUES = {"honors": "honors", "notifies": "honors", "allows": "honors", "limits": "limited",
                       "refuses": "refuses"}
# 287(g) models under which the jail's own officers hold people for ICE and let ICE work in the jail.
JAIL_MODELS = ("jail_enforcement", "warrant_service")
# A facility counts as ICE detention now if it held at least one person a day on average in a recent year.
CURRENT_FISCAL_YEARS = ("FY26", "FY25")
MIN_CURRENT_ADP = 1.0
COUNTY_JAIL_CONTRACTS = {"county_jail_igsa": N_("an IGSA with ICE"),
                         "usms_iga": N_("a U.S. Marshals agreement ICE uses")}
# The summary of a county-run jail holding people for ICE, one whole sentence per kind of contract.
COUNTY_JAIL_SUMMARIES = {
    "county_jail_igsa": N_("{facility}: county-run jail holding people for ICE under an IGSA with ICE; {adp} ICE "
                           "detainees a day on average in {year} (county-run: {basis})"),
    "usms_iga": N_("{facility}: county-run jail holding people for ICE under a U.S. Marshals agreement ICE uses; "
                   "{adp} ICE detainees a day on average in {year} (county-run: {basis})"),
}
STATE_LAW_EFFECT_WORDS = {"requires": N_("requires it"), "limits": N_("limits it"), "forbids": N_("forbids it"),
                          "preempts_local_limits": N_("bars local limits on it (orders nothing by itself)"),
                          "silent": N_("does not address it")}
LAW_STATUS_WORDS = {"in_force": N_("in force"), "enjoined": N_("enjoined"), "repealed": N_("repealed")}
# A local policy's own word for what the jail does, as shown in its summary.
LOCAL_POLICY_EFFECT_WORDS = {"honors": N_("honors"), "notifies": N_("notifies"), "allows": N_("allows"),
                             "limits": N_("limits"), "refuses": N_("refuses"), "participates": N_("participates")}
AS_OF_LABEL = re.compile(r"^as of (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")


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
    effect_words = _(STATE_LAW_EFFECT_WORDS[effect])
    if status != "in_force":
        status_words = _(LAW_STATUS_WORDS[status]) if status in LAW_STATUS_WORDS else status.replace("_", " ")
        return _("{law}: {effect} — {status}").format(law=law_name, effect=effect_words, status=status_words)
    if effective:
        return _("{law}: {effect} (in force since {date})").format(law=law_name, effect=effect_words,
                                                                  date=effective)
    return f"{law_name}: {effect_words}"


def state_law_evidence(laws: pd.DataFrame) -> dict[str, list[Evidence]]:
    """Per state, the law rows for the three jail indicators (287(g) rows are shown, not classified)."""
    by_state: dict[str, list[Evidence]] = {}
    for row in laws[laws["indicator"].isin(INDICATORS)].itertuples():
        effective = _text(row.effective_date)
        by_state.setdefault(row.state_abbr, []).append(
            Evidence(
                indicator=row.indicator, value=STATE_LAW_VALUES.get(row.effect), scope=STATE, basis=row.basis,
                source=row.source, as_of=row.source_date, effective=effective,
                summary=law_summary(row.law_name, row.effect, row.status, effective),
                review_status=row.review_status, in_force=row.status == "in_force", url=_text(row.url) or None,
                effect=row.effect,
            )
        )
    return by_state


def local_policy_evidence(policies: pd.DataFrame) -> dict[str, list[Evidence]]:
    by_county: dict[str, list[Evidence]] = {}
    for row in policies[policies["indicator"].isin(INDICATORS)].itertuples():
        name = _text(row.policy_name) or _("local policy (no name given)")
        effect = _(LOCAL_POLICY_EFFECT_WORDS[row.effect]) if row.effect in LOCAL_POLICY_EFFECT_WORDS else row.effect
        by_county.setdefault(row.county_fips, []).append(
            Evidence(
                indicator=row.indicator, value=LOCAL_POLICY_VALUES[row.effect], scope=LOCAL, basis=row.basis,
                source=row.source, as_of=row.as_of_label, effective=_text(row.adopted_date) or row.source_date,
                summary=f"{row.jurisdiction}: {name} — {effect} ({as_of_text(row.as_of_label)})",
                review_status=row.review_status,
            )
        )
    return by_county


def agreement_evidence(agreements: pd.DataFrame) -> tuple[dict[str, list[Evidence]], dict[str, list[Evidence]]]:
    """(indicator evidence, partnership evidence) per county, from the jail agency's 287(g) agreements."""
    current = in_force(agreements)
    jail = current[current["agency_type"].isin(JAIL_AGENCY_TYPES)]
    evidence: dict[str, list[Evidence]] = {}
    partnership: dict[str, list[Evidence]] = {}
    for row in jail.itertuples():
        signed = _text(row.signed)
        names = dict(agency=row.agency, agency_type=_(AGENCY_TYPE_LABELS[row.agency_type]),
                     model=_(MODEL_LABELS[row.model]), date=row.source_date)
        if signed:
            summary = _("{agency} ({agency_type}): 287(g) {model}, signed {signed}; on ICE's list of {date}").format(
                signed=signed, **names)
        else:
            summary = _("{agency} ({agency_type}): 287(g) {model}; on ICE's list of {date}").format(**names)
        common = dict(scope=LOCAL, basis="agreement", source=f"ICE 287(g) list ({row.source_file})",
                      as_of=row.source_date, effective=signed or row.source_date, summary=summary,
                      url=_text(row.moa_url) or None)
        partnership.setdefault(row.county_fips, []).append(Evidence(indicator="287g", value="honors", **common))
        if row.model in JAIL_MODELS:
            for indicator in ("holds", "jail_access"):
                evidence.setdefault(row.county_fips, []).append(Evidence(indicator=indicator, value="honors",
                                                                         **common))
    return evidence, partnership


def current_detention(facilities: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Facilities in a county with ICE detention in a recent fiscal year: the latest such year and its ADP."""
    recent = population[population["fiscal_year"].isin(CURRENT_FISCAL_YEARS) & (population["adp"] >= MIN_CURRENT_ADP)]
    latest = recent.sort_values("fiscal_year").groupby("facility_id").tail(1)
    merged = facilities.merge(latest, on="facility_id", suffixes=("", "_population"))
    return merged[merged["county_fips"].notna()].sort_values(["county_fips", "facility_id"])


def is_county_jail_contract(facility) -> bool:
    return facility.run_by == "county" and facility.contract_type in COUNTY_JAIL_CONTRACTS


def detention_evidence(current: pd.DataFrame) -> tuple[dict[str, list[Evidence]], dict[str, list[Evidence]]]:
    """(indicator evidence, partnership evidence) per county from county-run jails holding people for ICE.
    Private and federal facilities are ICE detention in the county, not the jail's practice: they set nothing."""
    evidence: dict[str, list[Evidence]] = {}
    partnership: dict[str, list[Evidence]] = {}
    for facility in current.itertuples():
        if not is_county_jail_contract(facility):
            continue
        summary = _(COUNTY_JAIL_SUMMARIES[facility.contract_type]).format(
            facility=facility.name.title(), adp=f"{facility.adp:g}", year=facility.fiscal_year,
            basis=facility.run_by_basis)
        common = dict(scope=LOCAL, basis="contract", source=facility.source,
                      as_of=facility.source_date_population, effective=facility.source_date_population,
                      summary=summary, review_status=facility.review_status)
        partnership.setdefault(facility.county_fips, []).append(Evidence(indicator="ice_beds", value="honors",
                                                                         **common))
        evidence.setdefault(facility.county_fips, []).append(Evidence(indicator="jail_access", value="honors",
                                                                      **common))
    return evidence, partnership


@dataclass(frozen=True)
class CountyEvidence:
    """All counties' evidence, assembled once per language from the compiled data.

    One object serves every session (the app caches it), so the rows, whose summaries are in words, are kept
    per language: each call gets the rows of the language current at the call."""

    data: CompiledData

    @cached_property
    def current_detention(self) -> pd.DataFrame:
        return current_detention(self.data.detention_facilities, self.data.detention_population)

    @cached_property
    def _parts_by_language(self) -> dict[str, tuple]:
        return {}

    @property
    def _parts(self) -> tuple:
        lang = language()
        parts = self._parts_by_language.get(lang)
        if parts is None:  # two sessions may build the same language at once: both get equal rows
            agreements, agreement_partners = agreement_evidence(self.data.agreements)
            contracts, contract_partners = detention_evidence(self.current_detention)
            parts = (state_law_evidence(self.data.state_laws), local_policy_evidence(self.data.local_policies),
                     agreements, contracts, agreement_partners, contract_partners)
            self._parts_by_language[lang] = parts
        return parts

    def for_county(self, fips: str) -> tuple[list[Evidence], list[Evidence]]:
        """(indicator evidence, partnership evidence) for one county."""
        laws, policies, agreements, contracts, agreement_partners, contract_partners = self._parts
        state = self.data.counties_by_fips.loc[fips, "state_abbr"]
        rows = laws.get(state, []) + policies.get(fips, []) + agreements.get(fips, []) + contracts.get(fips, [])
        return rows, agreement_partners.get(fips, []) + contract_partners.get(fips, [])

    def classify(self, fips: str, reviewed_only: bool = False) -> Classification:
        rows, partnership = self.for_county(fips)
        return classify(rows, partnership, reviewed_only=reviewed_only)

    def classify_all(self, reviewed_only: bool = False) -> dict[str, Classification]:
        return {fips: self.classify(fips, reviewed_only) for fips in self.data.counties["fips"]}
