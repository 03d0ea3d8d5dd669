"""Each classification rule and each conflict case, on hand-made evidence."""

from dataclasses import replace

import pytest

from lib.classify import RULES, Conflict, classify, decide, rules_markdown
from lib.vocab import LOCAL_SCOPE as LOCAL
from lib.vocab import STATE_SCOPE as STATE
from tests.facts import fact


def test_no_evidence_is_unknown_never_refuses():
    assert decide([]).value == "unknown"
    assert classify([]).level == "unknown"


def test_context_rows_and_laws_not_in_force_set_nothing():
    preempts = fact(None, STATE)
    enjoined = fact("honors", STATE, in_force=False)
    result = decide([preempts, enjoined])
    assert result.value == "unknown"
    assert result.evidence == (preempts, enjoined)


def test_state_law_sets_the_indicator_without_local_evidence():
    law = fact("honors", STATE)
    assert decide([law]).decided_by is law


def test_local_evidence_within_the_law_is_more_specific():
    law = fact("limited", STATE, effective="2018-01-01")
    county = fact("refuses", LOCAL, effective="2011-10-18", basis="local policy")
    assert decide([law, county]).decided_by is county


def test_conflict_is_shown_and_the_documented_practice_decides_not_the_newer_date():
    ruling = fact("refuses", STATE, effective="2018-11-14", basis="case_law", summary="Wells v. DeMarco")
    # signed before the ruling, still on ICE's list of 2026: the practice is documented since the ruling
    agreement = replace(fact("honors", LOCAL, effective="2017-06-01"), as_of="2026-05-18")
    result = decide([ruling, agreement])
    assert result.decided_by is agreement and result.value == "honors"
    assert result.conflicts == (Conflict(ruling, agreement),)
    newer_agreement = replace(agreement, effective="2025-03-01")
    assert decide([ruling, newer_agreement]).conflicts == (Conflict(ruling, newer_agreement),)


def test_a_law_whose_date_is_not_known_does_not_beat_the_practice():
    law = fact("refuses", STATE, effective="")
    agreement = fact("honors", LOCAL, effective="2025-03-01")
    result = decide([law, agreement])
    assert result.decided_by is agreement and result.conflicts == (Conflict(law, agreement),)


def test_a_ruling_or_order_naming_the_agency_decides_over_its_agreement():
    ruling = fact("refuses", LOCAL, effective="2018-11-14", basis="case_law", summary="ruling naming the sheriff")
    agreement = fact("honors", LOCAL, effective="2025-03-01")
    result = decide([agreement, ruling])
    assert result.decided_by is ruling and result.value == "refuses" and not result.conflicts


def test_no_conflict_where_the_practice_stays_within_the_law():
    law = fact("limited", STATE, effective="2018-01-01")
    county = fact("refuses", LOCAL, effective="2011-10-18", basis="local policy")
    assert decide([law, county]).conflicts == ()


def test_a_practice_documented_only_before_a_law_requiring_holds_gives_way_to_it():
    law = fact("honors", STATE, effective="2017-09-01")
    county_limits = fact("limited", LOCAL, effective="2015-01-01", basis="local policy")
    result = decide([law, county_limits])
    assert result.value == "honors" and result.decided_by is law and not result.conflicts


def test_a_partnership_a_state_law_forbids_is_kept_and_named_as_a_conflict():
    ban = fact("refuses", STATE, indicator="287g", effective="2019-09-27", basis="ag_directive")
    agreement = fact("honors", LOCAL, indicator="287g", effective="2025-02-01")
    result = classify([], [agreement], partnership_laws=[ban, fact("limited", STATE, indicator="287g")])
    assert result.level == "partnership"
    assert result.conflicts == (Conflict(ban, agreement),) and result.marks == ("conflict",)
    assert classify([], [agreement], partnership_laws=[replace(ban, in_force=False)]).conflicts == ()


def test_a_task_force_is_a_mark_and_never_a_level():
    task_force = fact(None, LOCAL, indicator="287g", summary="sheriff: task force model")
    result = classify([], street=[task_force])
    assert result.level == "unknown" and result.marks == ("street_task_force",)
    assert result.street == (task_force,) and result.partnership == ()


def test_a_contract_used_occasionally_is_a_mark_and_never_a_level():
    contract = fact(None, LOCAL, indicator="ice_beds", basis="contract", summary="0.4 a day")
    result = classify([fact("honors", STATE)], occasional=[contract])
    assert result.level == "honors_holds" and result.marks == ("occasional_contract",)


def test_newest_local_evidence_decides_among_local_rows():
    policy = fact("refuses", LOCAL, effective="2011-10-18", basis="local policy")
    agreement = fact("honors", LOCAL, effective="2025-09-22")
    assert decide([policy, agreement]).decided_by is agreement


def test_partnership_is_the_top_level_whatever_the_indicators():
    agreement = fact("honors", LOCAL, effective="2025-01-01")
    assert classify([agreement], partnership=[agreement]).level == "partnership"


@pytest.mark.parametrize(
    ("holds", "notifications", "jail_access", "level"),
    [
        ("honors", None, None, "honors_holds"),
        ("limited", "refuses", "refuses", "limits_holds"),
        ("refuses", None, "honors", "refuses_holds_only"),
        ("refuses", "refuses", None, "refuses_holds_and_one"),
        ("refuses", "refuses", "refuses", "refuses_all"),
        (None, "refuses", "refuses", "unknown"),
    ],
)
def test_level_ladder(holds, notifications, jail_access, level):
    rows = [
        fact(value, indicator=name)
        for name, value in (("holds", holds), ("notifications", notifications), ("jail_access", jail_access))
        if value
    ]
    assert classify(rows).level == level


def test_draft_evidence_is_marked_and_can_be_left_out():
    draft_law = fact("honors", STATE, review="draft")
    with_drafts = classify([draft_law])
    assert with_drafts.level == "honors_holds" and with_drafts.rests_on_draft
    assert classify([draft_law], reviewed_only=True).level == "unknown"


def test_partnership_on_reviewed_evidence_is_not_draft():
    agreement = fact("honors")
    assert not classify([fact("honors", STATE, review="draft"), agreement], [agreement]).rests_on_draft


def test_the_rules_shown_on_the_sources_page_are_in_the_language_of_the_run(marked):
    assert rules_markdown() == RULES and "6. No evidence means unknown." in RULES
    with marked:
        assert rules_markdown() == f"«{RULES}»"
