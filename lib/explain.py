"""Plain words for a county's classification: why it has its color, and the evidence under it."""

from typing import TypedDict

from lib.classify import Classification, Conflict, Evidence
from lib.i18n import _, ngettext
from lib.registry import (
    CLASSIFIED_IDS,
    HOLDS,
    JAIL_ACCESS,
    MARKS,
    MARKS_BY_ID,
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


class ConflictRecord(TypedDict):
    """A state law or ruling and the documented practice it forbids or limits, each as an evidence record."""

    indicator: str
    law: EvidenceRecord
    practice: EvidenceRecord


class MarkRecord(TypedDict):
    """A mark beside the level (lib.registry.MARKS), in the current language."""

    id: str
    label: str
    description: str


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
    shown_only = classification.street + classification.occasional + classification.other_agreements
    records += [evidence_record(e, False) for e in shown_only]
    return records


def conflict_records(classification: Classification) -> list[ConflictRecord]:
    """Every conflict between a law and the practice, both sides with their sources and dates."""
    return [
        {
            "indicator": conflict.practice.indicator,
            "law": evidence_record(conflict.law, False),
            "practice": evidence_record(conflict.practice, True),
        }
        for conflict in classification.conflicts
    ]


def mark_records(classification: Classification) -> list[MarkRecord]:
    """The county's marks, in the current language."""
    return [
        {"id": mark, "label": _(MARKS_BY_ID[mark].label), "description": _(MARKS_BY_ID[mark].description)}
        for mark in classification.marks
    ]


def marks_markdown() -> str:
    """The marks shown beside a level, each with its rule, for the Sources & method page (our words only)."""
    return "\n".join(f"- **{_(mark.label)}**: {_(mark.description)}" for mark in MARKS)


def conflict_sentence(conflict: Conflict) -> str:
    """One conflict in words: both sides, with the dates their summaries carry, and what the color follows."""
    return _(
        "Law and practice conflict: {law}; yet {practice}. The color follows the documented practice until a "
        "ruling or order names this agency or agreement."
    ).format(law=conflict.law.summary, practice=conflict.practice.summary)


def _first_and_count(rows: tuple[Evidence, ...]) -> str:
    more = len(rows) - 1
    if not more:
        return rows[0].summary
    return ngettext("{reason} (and {count} more)", "{reason} (and {count} more)", more).format(
        reason=rows[0].summary, count=more
    )


def marks_sentences(classification: Classification) -> list[str]:
    """The marks beside the level, each in a sentence that says it does not set the color."""
    sentences = []
    if classification.street:
        sentences.append(
            _("ICE task force on the street: {agreements}. A task force agreement does not set the color.").format(
                agreements=_first_and_count(classification.street)
            )
        )
    if classification.occasional:
        sentences.append(
            _("ICE contract used occasionally: {contracts}.").format(
                contracts=_first_and_count(classification.occasional)
            )
        )
    sentences += [conflict_sentence(conflict) for conflict in classification.conflicts]
    return sentences


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
    return " ".join([sentence, *marks_sentences(classification)])
