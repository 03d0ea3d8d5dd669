"""Plain words for a county's classification (lib/explain.py): why it has its color and the evidence under it,
on hand-made evidence, through the public functions only; a contract check on the committed data."""

import pytest

from lib.classify import classify
from lib.explain import (
    conflict_records,
    evidence_record,
    evidence_records,
    evidence_value_words,
    indicator_record,
    mark_records,
    why_this_color,
)
from lib.i18n import use_language
from lib.registry import LEVEL_INDICATORS
from lib.vocab import STATE_SCOPE as STATE
from tests.facts import fact
from tests.kinds import EVERY_KIND


@pytest.mark.parametrize(
    ("indicator", "value", "words"),
    [
        ("holds", "honors", "yes"),
        ("notifications", "limited", "limited"),
        ("jail_access", "refuses", "refuses"),
        ("holds", "unknown", "unknown"),
        ("287g", "honors", "yes"),
        ("ice_beds", "honors", "holds people for ICE"),
        ("holds", None, "context only"),
        ("ice_beds", None, "context only"),
    ],
)
def test_an_evidence_value_in_words(indicator, value, words):
    assert evidence_value_words(indicator, value) == words


def test_evidence_value_words_follow_the_language(marked):
    with marked:
        assert evidence_value_words("holds", "honors") == "«yes»"
        assert evidence_value_words("ice_beds", "honors") == "«holds people for ICE»"
        assert evidence_value_words("holds", None) == "«context only»"


def test_ice_beds_words_in_spanish_say_the_jail_holds_people_for_ice():
    with use_language("es"):
        assert evidence_value_words("ice_beds", "honors") == "retiene a personas para ICE"
        assert evidence_value_words("holds", None) == "solo contexto"


def test_evidence_record_keeps_every_field_and_an_empty_date_becomes_none():
    law = fact("honors", STATE, "2017-09-01", review="draft", summary="SB 4 (2017): requires it")
    record = evidence_record(law, decided=True)
    assert record == {
        "indicator": "holds",
        "value": "honors",
        "summary": "SB 4 (2017): requires it",
        "basis": "statute",
        "source": "test",
        "as_of": "2017-09-01",
        "effective": "2017-09-01",
        "review_status": "draft",
        "in_force": True,
        "url": None,
        "decides": True,
    }
    assert evidence_record(fact("honors", effective=""), decided=False)["effective"] is None


def test_indicator_record_names_the_deciding_evidence():
    law = fact("honors", STATE, "2017-09-01", review="draft")
    assert indicator_record(classify([law]), "holds") == {
        "value": "honors",
        "basis": "statute",
        "source": "test",
        "as_of": "2017-09-01",
        "review_status": "draft",
    }


def test_an_unknown_indicator_record_has_no_source():
    context = fact(None, STATE)  # a law that orders nothing decides nothing
    assert indicator_record(classify([context]), "holds") == {
        "value": "unknown",
        "basis": None,
        "source": None,
        "as_of": None,
        "review_status": None,
    }


def test_evidence_records_put_the_deciding_row_first_in_each_indicator_and_partnership_last():
    old_law = fact("limited", STATE, "2018-01-01", summary="old law")
    policy = fact("refuses", effective="2011-10-18", basis="local policy", summary="policy")
    older_context = fact(None, STATE, "2010-01-01", summary="context")
    access = fact("honors", effective="2025-01-01", indicator="jail_access", summary="access")
    agreement = fact("honors", effective="2025-01-01", indicator="287g", summary="agreement")
    classification = classify([old_law, policy, older_context, access], [agreement])
    records = evidence_records(classification)
    assert [(record["summary"], record["decides"]) for record in records] == [
        ("policy", True),
        ("context", False),
        ("old law", False),
        ("access", True),
        ("agreement", True),
    ]


def test_a_county_with_no_evidence_has_no_evidence_records():
    assert evidence_records(classify([])) == []


def test_why_a_county_with_no_evidence_is_unknown_never_says_it_refuses():
    sentence = why_this_color("Kings County", classify([]), "Unknown (blank): no evidence found")
    assert sentence == (
        "Kings County is shown as unknown: we found no statute, agreement, contract or local policy "
        "that says whether its jail honors ICE holds. That does not mean it refuses them."
    )


def test_why_a_partnership_names_its_first_reason_and_counts_the_others():
    agreements = [fact("honors", indicator="287g", summary=f"agreement {number}") for number in (1, 2, 3)]
    one = why_this_color("Harris County", classify([], agreements[:1]), "Formal partnership with ICE")
    assert one == "Harris County is shown as “Formal partnership with ICE” because of this: agreement 1."
    two = why_this_color("Harris County", classify([], agreements[:2]), "Formal partnership with ICE")
    assert two.endswith("because of this: agreement 1 (and 1 more).")
    three = why_this_color("Harris County", classify([], agreements), "Formal partnership with ICE")
    assert three.endswith("because of this: agreement 1 (and 2 more).")


def test_why_a_level_names_the_holds_evidence_and_the_other_indicators():
    law = fact("limited", STATE, "2019-10-01", summary="Public Act 19-20 (2019): limits it")
    access = fact("refuses", indicator="jail_access")
    sentence = why_this_color("Hartford County", classify([law, access]), "Limits ICE holds")
    assert sentence == (
        "Hartford County is shown as “Limits ICE holds” because of this: Public Act 19-20 (2019): "
        "limits it. Other indicators — release notifications: unknown; ICE access: refuses."
    )


def test_why_says_when_the_color_rests_on_draft_evidence():
    draft = fact("honors", STATE, review="draft", summary="SB 4 (2017): requires it")
    sentence = why_this_color("Harris County", classify([draft]), "Honors ICE holds")
    assert sentence.endswith("This rests on draft evidence that nobody has reviewed yet.")
    assert "draft" not in why_this_color("Harris County", classify([fact("honors", STATE)]), "Honors ICE holds")


@pytest.mark.parametrize(
    "classification",
    [
        classify([]),
        classify([fact("refuses", indicator=name) for name in LEVEL_INDICATORS]),
        classify([], [fact("honors", indicator="ice_beds")]),
    ],
    ids=["unknown", "refuses all", "partnership"],
)
def test_why_is_in_the_current_language_and_keeps_the_data_as_it_is(marked, classification):
    english = why_this_color("Doña Ana County", classification, "Some level")
    with marked:
        sentence = why_this_color("Doña Ana County", classification, "Some level")
    assert sentence != english and sentence.startswith("«") and "Doña Ana County" in sentence
    assert "«Some level»" in sentence or classification.level == "unknown"


@pytest.mark.parametrize("fips", EVERY_KIND, ids=EVERY_KIND.get)
def test_every_kind_of_county_in_the_committed_data_gets_a_reason_for_its_color(data, evidence, fips):
    name = data.counties_by_fips.loc[fips, "name"]
    classification = evidence.classify(fips)
    sentence = why_this_color(name, classification, "the level")
    decides = [record["decides"] for record in evidence_records(classification)]
    assert sentence.startswith(f"{name} is shown as ")
    if classification.level == "unknown":
        assert "That does not mean it refuses them." in sentence and not any(decides)
    else:
        assert "“the level” because of this: " in sentence and any(decides)


def test_why_names_a_conflict_with_both_sides_and_what_the_color_follows():
    ruling = fact("refuses", STATE, effective="2018-11-14", summary="Wells v. DeMarco (2018): forbids it")
    agreement = fact("honors", effective="2025-03-01", summary="Rensselaer County Sheriff's Office: 287(g)")
    result = classify([ruling, agreement], [agreement])
    why = why_this_color("Rensselaer County", result, "Formal partnership with ICE")
    assert (
        "Law and practice conflict: Wells v. DeMarco (2018): forbids it; yet Rensselaer County Sheriff's Office: "
        "287(g). The color follows the documented practice until a ruling or order names this agency or agreement."
    ) in why
    (record,) = conflict_records(result)
    assert record["indicator"] == "holds"
    assert (record["law"]["summary"], record["law"]["effective"]) == (ruling.summary, "2018-11-14")
    assert (record["practice"]["summary"], record["practice"]["effective"]) == (agreement.summary, "2025-03-01")
    assert [mark["id"] for mark in mark_records(result)] == ["conflict"]


def test_why_names_a_street_task_force_and_an_occasional_contract_as_marks_that_do_not_set_the_color():
    task_forces = [fact(None, indicator="287g", summary=f"Police {n}: task force") for n in (1, 2)]
    contract = fact(None, indicator="ice_beds", basis="contract", summary="County Jail: 0.4 a day")
    result = classify([], street=task_forces, occasional=[contract])
    why = why_this_color("Some County", result, "Unknown")
    assert why.startswith("Some County is shown as unknown")
    assert "ICE task force on the street: Police 1: task force (and 1 more). A task force agreement does not set" in why
    assert "ICE contract used occasionally: County Jail: 0.4 a day." in why
    assert [record["summary"] for record in evidence_records(result)] == [
        "Police 1: task force",
        "Police 2: task force",
        "County Jail: 0.4 a day",
    ]
    with use_language("es"):
        labels = [mark["label"] for mark in mark_records(result)]
    assert labels == ["Grupo de trabajo de ICE en la calle", "Contrato con ICE usado ocasionalmente"]
