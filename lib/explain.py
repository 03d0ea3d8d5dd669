"""Plain words for a county's classification: why it has its color, and the evidence under it."""

from typing import TypedDict

from lib.classify import Classification, Evidence
from lib.i18n import _, ngettext
from lib.registry import (
    CLASSIFIED_IDS,
    HOLDS,
    JAIL_ACCESS,
    NOTIFICATIONS,
    PARTNERSHIP,
    UNKNOWN,
    VALUE_WORDS,
    value_word,
)


def evidence_value_words(indicator: str, value: str | None) -> str:
    """An evidence row's value in the current language; a row that sets nothing (value None) is context only."""
    if value is None:
        return _("context only")
    return _(value_word(indicator, value))


class EvidenceRecord(TypedDict):
    """One evidence row as the profile (and its JSON) carries it."""

    indicator: str
    value: str | None
    summary: str
    basis: str
    source: str
    as_of: str
    effective: str | None
    review_status: str
    in_force: bool
    url: str | None
    decides: bool


class IndicatorRecord(TypedDict):
    """An indicator's value and the evidence that decided it (all None where nothing did)."""

    value: str
    basis: str | None
    source: str | None
    as_of: str | None
    review_status: str | None


def evidence_record(evidence: Evidence, decided: bool) -> EvidenceRecord:
    return {
        "indicator": evidence.indicator,
        "value": evidence.value,
        "summary": evidence.summary,
        "basis": evidence.basis,
        "source": evidence.source,
        "as_of": evidence.as_of,
        "effective": evidence.effective or None,
        "review_status": evidence.review_status,
        "in_force": evidence.in_force,
        "url": evidence.url,
        "decides": decided,
    }


def indicator_record(classification: Classification, indicator: str) -> IndicatorRecord:
    result = classification.indicators[indicator]
    deciding = result.decided_by
    return {
        "value": result.value,
        "basis": deciding.basis if deciding else None,
        "source": deciding.source if deciding else None,
        "as_of": deciding.as_of if deciding else None,
        "review_status": deciding.review_status if deciding else None,
    }


def evidence_records(classification: Classification) -> list[EvidenceRecord]:
    """Every evidence row, the deciding ones first within each indicator; partnership rows last."""
    records = []
    for indicator in CLASSIFIED_IDS:
        result = classification.indicators[indicator]
        ordered = sorted(result.evidence, key=lambda e: (e is not result.decided_by, e.effective), reverse=False)
        records += [evidence_record(e, e is result.decided_by) for e in ordered]
    records += [evidence_record(e, classification.level == PARTNERSHIP) for e in classification.partnership]
    return records


def why_this_color(county_name: str, classification: Classification, level_label: str) -> str:
    """One or two sentences a person can repeat: the color, and the evidence that decided it, in the current
    language. `level_label` may be the English label (it is translated here); evidence summaries are data."""
    level = _(level_label)
    if classification.level == PARTNERSHIP:
        first = classification.partnership[0]
        more = len(classification.partnership) - 1
        if more:
            sentence = ngettext(
                "{county} is shown as “{level}” because of this: {reason} (and {count} more).",
                "{county} is shown as “{level}” because of this: {reason} (and {count} more).",
                more,
            ).format(county=county_name, level=level, reason=first.summary, count=more)
        else:
            sentence = _("{county} is shown as “{level}” because of this: {reason}.").format(
                county=county_name, level=level, reason=first.summary
            )
    elif classification.level == UNKNOWN:
        sentence = _(
            "{county} is shown as unknown: we found no statute, agreement, contract or local policy that "
            "says whether its jail honors ICE holds. That does not mean it refuses them."
        ).format(county=county_name)
    else:
        holds = classification.indicators[HOLDS].decided_by
        values = {name: _(VALUE_WORDS[classification.indicators[name].value]) for name in (NOTIFICATIONS, JAIL_ACCESS)}
        sentence = _(
            "{county} is shown as “{level}” because of this: {reason}. Other indicators — release "
            "notifications: {notifications}; ICE access: {access}."
        ).format(
            county=county_name,
            level=level,
            reason=holds.summary,
            notifications=values[NOTIFICATIONS],
            access=values[JAIL_ACCESS],
        )
    if classification.rests_on_draft:
        sentence = _("{sentence} This rests on draft evidence that nobody has reviewed yet.").format(sentence=sentence)
    return sentence
