"""Turning the compiled tables into dated evidence rows per county, and classifying every county.

Each table speaks its own words (a statute "forbids", a county "refuses", a 287(g) model); here they become
the three values the classification uses: honors, limited, refuses.
"""

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from lib.classify import INDICATORS, LOCAL, STATE, Classification, Evidence, classify
from lib.data import CompiledData
from lib.layers import AGENCY_TYPE_LABELS, JAIL_AGENCY_TYPES, MODEL_LABELS, in_force

STATE_LAW_VALUES = {"requires": "honors", "limits": "limited", "forbids": "refuses"}
LOCAL_POLICY_VALUES = {"honors": "honors", "notifies": "honors", "allows": "honors", "limits": "limited",
                       "refuses": "refuses"}
# 287(g) models under which the jail's own officers hold people for ICE and let ICE work in the jail.
JAIL_MODELS = ("jail_enforcement", "warrant_service")
STATE_LAW_EFFECT_WORDS = {"requires": "requires it", "limits": "limits it", "forbids": "forbids it",
                          "preempts_local_limits": "bars local limits on it (orders nothing by itself)",
                          "silent": "does not address it"}


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def state_law_evidence(laws: pd.DataFrame) -> dict[str, list[Evidence]]:
    """Per state, the law rows for the three jail indicators (287(g) rows are shown, not classified)."""
    by_state: dict[str, list[Evidence]] = {}
    for row in laws[laws["indicator"].isin(INDICATORS)].itertuples():
        effective = _text(row.effective_date)
        by_state.setdefault(row.state_abbr, []).append(
            Evidence(
                indicator=row.indicator, value=STATE_LAW_VALUES.get(row.effect), scope=STATE, basis=row.basis,
                source=row.source, as_of=row.source_date, effective=effective,
                summary=f"{row.law_name}: {STATE_LAW_EFFECT_WORDS[row.effect]}"
                        + (f" (in force since {effective})" if effective and row.status == "in_force" else "")
                        + (f" — {row.status.replace('_', ' ')}" if row.status != "in_force" else ""),
                review_status=row.review_status, in_force=row.status == "in_force", url=_text(row.url) or None,
            )
        )
    return by_state


def local_policy_evidence(policies: pd.DataFrame) -> dict[str, list[Evidence]]:
    by_county: dict[str, list[Evidence]] = {}
    for row in policies[policies["indicator"].isin(INDICATORS)].itertuples():
        name = _text(row.policy_name) or "local policy (no name given)"
        by_county.setdefault(row.county_fips, []).append(
            Evidence(
                indicator=row.indicator, value=LOCAL_POLICY_VALUES[row.effect], scope=LOCAL, basis=row.basis,
                source=row.source, as_of=row.as_of_label, effective=_text(row.adopted_date) or row.source_date,
                summary=f"{row.jurisdiction}: {name} — {row.effect} ({row.as_of_label})",
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
        summary = (f"{row.agency} ({AGENCY_TYPE_LABELS[row.agency_type]}): 287(g) {MODEL_LABELS[row.model]}"
                   + (f", signed {signed}" if signed else "") + f"; on ICE's list of {row.source_date}")
        common = dict(scope=LOCAL, basis="agreement", source=f"ICE 287(g) list ({row.source_file})",
                      as_of=row.source_date, effective=signed or row.source_date, summary=summary,
                      url=_text(row.moa_url) or None)
        partnership.setdefault(row.county_fips, []).append(Evidence(indicator="287g", value="honors", **common))
        if row.model in JAIL_MODELS:
            for indicator in ("holds", "jail_access"):
                evidence.setdefault(row.county_fips, []).append(Evidence(indicator=indicator, value="honors",
                                                                         **common))
    return evidence, partnership


@dataclass(frozen=True)
class CountyEvidence:
    """All counties' evidence, assembled once from the compiled data."""

    data: CompiledData

    @cached_property
    def _parts(self):
        agreements, partnership = agreement_evidence(self.data.agreements)
        return (state_law_evidence(self.data.state_laws), local_policy_evidence(self.data.local_policies),
                agreements, partnership)

    def for_county(self, fips: str) -> tuple[list[Evidence], list[Evidence]]:
        """(indicator evidence, partnership evidence) for one county."""
        laws, policies, agreements, partnership = self._parts
        state = self.data.counties_by_fips.loc[fips, "state_abbr"]
        rows = laws.get(state, []) + policies.get(fips, []) + agreements.get(fips, [])
        return rows, partnership.get(fips, [])

    def classify(self, fips: str, reviewed_only: bool = False) -> Classification:
        rows, partnership = self.for_county(fips)
        return classify(rows, partnership, reviewed_only=reviewed_only)

    def classify_all(self, reviewed_only: bool = False) -> dict[str, Classification]:
        return {fips: self.classify(fips, reviewed_only) for fips in self.data.counties["fips"]}
