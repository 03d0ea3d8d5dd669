"""Each classification rule and each conflict case, on hand-made evidence."""

import pytest

from lib.classify import RULES, classify, decide, rules_markdown
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


def test_conflict_latest_in_force_evidence_decides():
    law = fact("refuses", STATE, effective="2025-07-01")
    old_agreement = fact("honors", LOCAL, effective="2020-06-01")
    assert decide([law, old_agreement]).decided_by is law
    new_agreement = fact("honors", LOCAL, effective="2026-01-01")
    assert decide([law, new_agreement]).decided_by is new_agreement


def test_conflict_on_the_same_date_goes_to_the_law():
    law = fact("honors", STATE, effective="2020-01-01")
    county = fact("refuses", LOCAL, effective="2020-01-01")
    assert decide([law, county]).decided_by is law


def test_law_requiring_holds_is_a_floor():
    law = fact("honors", STATE, effective="2017-09-01")
    county_limits = fact("limited", LOCAL, effective="2015-01-01", basis="local policy")
    assert decide([law, county_limits]).value == "honors"


def test_newest_local_evidence_decides_among_local_rows():
    policy = fact("refuses", LOCAL, effective="2011-10-18", basis="local policy")
    agreement = fact("honors", LOCAL, effective="2025-09-22")
    assert decide([policy, agreement]).decided_by is agreement


def test_partnership_is_the_top_level_whatever_the_indicators():
    agreement = fact("honors", LOCAL, effective="2025-01-01")
    assert classify([agreement], partnership=[agreement]).level == "partnership"


@pytest.mark.parametrize(
    ("holds", "notifications", "jail_access", "level"),
    [("honors", None, None, "honors_holds"),
     ("limited", "refuses", "refuses", "limits_holds"),
     ("refuses", None, "honors", "refuses_holds_only"),
     ("refuses", "refuses", None, "refuses_holds_and_one"),
     ("refuses", "refuses", "refuses", "refuses_all"),
     (None, "refuses", "refuses", "unknown")],
)
def test_level_ladder(holds, notifications, jail_access, level):
    rows = [fact(value, indicator=name) for name, value in
            (("holds", holds), ("notifications", notifications), ("jail_access", jail_access)) if value]
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
    assert rules_markdown() == RULES and "5. No evidence means unknown." in RULES
    with marked:
        assert rules_markdown() == f"«{RULES}»"
