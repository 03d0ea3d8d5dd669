"""The ask rules: each fires on the evidence it names, never from a county's name, and fits the state's law.

The rules by state type (silence, mandate, pre-emption, restriction) are tested on hand-made fixtures; then
tests/asks_by_state.csv, a table written by hand from the rows of curation/state_laws.csv (for 14 states: per
indicator, and for 287(g) per kind of agency, how the state's law stands on the ask and the citations of the rows
it rests on), is compared with the asks generated for every county of those states.
"""

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from lib import registry
from lib.asks import NO_STATE_LAW_ROW, AskContext, county_asks, standing_words
from lib.classify import classify
from lib.evidence import CountyEvidence, state_law_evidence
from lib.i18n import use_language
from lib.profile import county_profile
from lib.vocab import (
    ASK_ALLOWED,
    ASK_ALREADY_REQUIRED,
    ASK_CHANGES,
    ASK_LIMITED,
    ASK_PREEMPTED,
    ASK_STANDINGS,
    CLOSE_LOOPHOLE,
    DEFEND_AND_MONITOR,
    END_AGREEMENT,
    END_PRACTICE,
    ENFORCE_STATE_LAW,
    FIND_OUT,
    FOLLOW_THE_MONEY,
    WHAT_REMAINS,
)
from lib.vocab import LOCAL_SCOPE as LOCAL
from tests.facts import fact

NO_AGREEMENTS = pd.DataFrame(columns=["agency", "agency_type", "model", "signed", "status", "source_date"])
NO_LAWS = pd.DataFrame(
    columns=[
        "state_abbr",
        "indicator",
        "effect",
        "law_name",
        "citation",
        "basis",
        "effective_date",
        "status",
        "binds_county_jails",
        "url",
        "source",
        "source_date",
        "review_status",
    ]
)
TABLE = Path(__file__).resolve().parent / "asks_by_state.csv"


def law(indicator, effect, name="Test Act (2020)", citation="Test Code §1", effective="2020-07-01", **overrides):
    """One row of the state-law table, checked against the text and in force unless told otherwise."""
    return {
        "state_abbr": "ZZ",
        "indicator": indicator,
        "effect": effect,
        "law_name": name,
        "citation": citation,
        "basis": "statute",
        "effective_date": effective,
        "status": "in_force",
        "binds_county_jails": True,
        "url": None,
        "source": "test",
        "source_date": "2026-12-02",
        "review_status": "checked_against_text",
        **overrides,
    }


def agreement(agency, agency_type, model="task_force", status="participating"):
    return {
        "agency": agency,
        "agency_type": agency_type,
        "model": model,
        "signed": "2025-01-02",
        "status": status,
        "source_date": "2026-05-18",
    }


def generated(laws=(), local=(), agreements=(), contracts=()):
    """The asks for a county of a made-up state with these laws, local facts, 287(g) agreements and contracts; its
    classification comes from the same law rows, as the app's does."""
    table = pd.DataFrame(list(laws), columns=NO_LAWS.columns) if laws else NO_LAWS
    evidence = state_law_evidence(table).get("ZZ", []) + list(local)
    frame = pd.DataFrame(list(agreements), columns=NO_AGREEMENTS.columns) if agreements else NO_AGREEMENTS
    context = AskContext(classify(evidence), frame, list(contracts), "the sheriff", "the board", "the city", table)
    return county_asks(context)


def by_id(asks):
    return {ask.id: ask for ask in asks}


def test_silent_state_nothing_known_asks_to_find_out_and_to_end_every_practice():
    asks = generated()
    assert [ask.id for ask in asks] == [
        "find_out_holds",
        "end_practice_holds",
        "find_out_notifications",
        "end_practice_notifications",
        "find_out_jail_access",
        "end_practice_jail_access",
    ]
    assert {ask.standing for ask in asks} == {ASK_ALLOWED}
    assert all(ask.relies_on_law is None for ask in asks)


def test_every_ask_declares_its_indicator_change_and_standing():
    asks = generated(
        [law("holds", "forbids"), law("ice_beds", "limits")],
        [fact("refuses", indicator="notifications")],
        [agreement("Y Police Department", "municipal")],
        ["Some County Jail: IGSA"],
    )
    assert asks
    for ask in asks:
        assert ask.indicator in registry.INDICATORS_BY_ID and ask.change in ASK_CHANGES, ask
        assert ask.standing in ASK_STANDINGS, ask


def test_mandate_state_replaces_the_holds_ask_with_what_remains_possible_naming_the_law():
    asks = by_id(generated([law("holds", "requires", "SB 4 (2017)", "Tex. Code Crim. Proc. art. 2.251", "2017-09-01")]))
    assert "end_practice_holds" not in asks
    remains = asks["what_remains_possible_holds"]
    assert (remains.change, remains.standing) == (WHAT_REMAINS, ASK_PREEMPTED)
    assert (
        remains.relies_on_law
        == "SB 4 (2017) (Tex. Code Crim. Proc. art. 2.251; in force since 2017-09-01): requires it"
    )
    assert remains.detail.startswith("State law bars the county from ending this: SB 4 (2017)")
    assert "What remains possible:" in remains.detail and "in a language they read" in remains.detail


def test_preemption_of_local_limits_on_jail_access_keeps_the_records_request():
    asks = by_id(generated([law("jail_access", "preempts_local_limits", effective=None)]))
    assert "end_practice_jail_access" not in asks and "find_out_jail_access" in asks
    remains = asks["what_remains_possible_jail_access"]
    assert remains.standing == ASK_PREEMPTED
    # A row without the date it took effect gives the date its text was read.
    assert "date in force not recorded, text read 2026-12-02" in remains.relies_on_law
    assert "end_practice_holds" in asks  # a law on one practice says nothing of another


def test_restriction_state_that_forbids_holds_gets_an_enforcement_ask():
    asks = by_id(generated([law("holds", "forbids", "SB 54 (2017)")]))
    enforce = asks["enforce_state_law_holds"]
    assert (enforce.change, enforce.standing) == (ENFORCE_STATE_LAW, ASK_ALREADY_REQUIRED)
    assert "SB 54 (2017)" in enforce.detail and "end_practice_holds" not in asks


def test_jail_honoring_holds_against_state_law_is_asked_to_follow_it():
    asks = by_id(generated([law("holds", "forbids", effective="2018-01-01")], [fact("honors", LOCAL, "2025-01-01")]))
    assert asks["enforce_state_law_holds"].detail.startswith("Evidence shows the jail still doing this")


def test_a_law_that_limits_a_practice_keeps_the_ask_and_names_the_floor():
    asks = by_id(generated([law("notifications", "limits", "TRUTH Act (2016)")]))
    ask = asks["end_practice_notifications"]
    assert ask.standing == ASK_LIMITED and "TRUTH Act (2016)" in ask.detail


def test_pending_laws_and_laws_binding_only_state_agencies_decide_nothing():
    asks = by_id(
        generated(
            [
                law("holds", "requires", status="pending"),
                law("notifications", "requires", binds_county_jails=False),
            ]
        )
    )
    assert asks["end_practice_holds"].standing == ASK_ALLOWED
    assert asks["end_practice_notifications"].standing == ASK_ALLOWED


def test_a_draft_law_is_named_as_a_draft():
    asks = by_id(generated([law("holds", "requires", review_status="draft")]))
    assert asks["what_remains_possible_holds"].relies_on_law.endswith("draft: not yet checked against the law's text")


def test_a_county_refusing_by_its_own_policy_gets_defend_and_monitor_asks_and_a_marshals_check():
    evidence = [fact("refuses", indicator=name) for name in ("holds", "notifications", "jail_access")]
    asks = generated(local=evidence)
    assert [ask.change for ask in asks] == [DEFEND_AND_MONITOR] * 3 + [CLOSE_LOOPHOLE]
    assert asks[-1].indicator == registry.ICE_BEDS and "U.S. Marshals" in asks[-1].detail


def test_city_287g_agreements_are_a_loophole_where_the_jail_refuses_holds():
    refusing = [fact("refuses")]
    city = [agreement("Y Police Department", "municipal")]
    loophole = next(ask for ask in generated(local=refusing, agreements=city) if ask.indicator == "287g")
    assert (loophole.change, loophole.target) == (CLOSE_LOOPHOLE, "the city")
    elsewhere = next(ask for ask in generated(agreements=city) if ask.indicator == "287g")
    assert elsewhere.change == END_AGREEMENT


def test_each_287g_agency_gets_its_own_ask_and_target_and_pending_ones_none():
    agreements = [
        agreement("X County Sheriff's Office", "sheriff", "jail_enforcement"),
        agreement("Y Police Department", "municipal"),
        agreement("Z Police Department", "municipal", status="pending"),
    ]
    ending = [ask for ask in generated(agreements=agreements) if ask.indicator == "287g"]
    assert [(ask.title, ask.target) for ask in ending] == [
        ("End the 287(g) agreement of X County Sheriff's Office", "the sheriff"),
        ("End the 287(g) agreement of Y Police Department", "the city"),
    ]


def test_a_duty_to_seek_287g_binds_the_sheriff_only():
    agreements = [agreement("X County Sheriff's Office", "sheriff"), agreement("Y Police Department", "municipal")]
    sheriff, city = [
        a for a in generated([law("287g", "requires_seeking_287g")], agreements=agreements) if a.indicator == "287g"
    ]
    assert (sheriff.change, sheriff.standing) == (WHAT_REMAINS, ASK_PREEMPTED)
    assert (city.change, city.standing) == (END_AGREEMENT, ASK_ALLOWED)


def test_a_287g_ban_makes_an_agreement_an_enforcement_ask():
    asks = generated([law("287g", "forbids")], agreements=[agreement("Y Police Department", "municipal")])
    ask = next(a for a in asks if a.indicator == "287g")
    assert (ask.change, ask.standing) == (ENFORCE_STATE_LAW, ASK_ALREADY_REQUIRED)


@pytest.mark.parametrize(
    "effect, change, standing",
    [
        (None, FOLLOW_THE_MONEY, ASK_ALLOWED),
        ("limits", FOLLOW_THE_MONEY, ASK_LIMITED),
        ("forbids", ENFORCE_STATE_LAW, ASK_ALREADY_REQUIRED),
        ("requires", WHAT_REMAINS, ASK_PREEMPTED),
    ],
)
def test_a_county_jail_contract_is_followed_as_the_state_law_allows(effect, change, standing):
    laws = [law("ice_beds", effect)] if effect else []
    ask = next(a for a in generated(laws, contracts=["Some County Jail: IGSA"]) if a.indicator == "ice_beds")
    assert (ask.change, ask.standing) == (change, standing)


def test_asks_in_spanish_call_a_detainer_a_request():
    with use_language("es"):
        asks = by_id(generated())
    holds = asks["end_practice_holds"]
    text = " ".join([holds.title, holds.detail, holds.because, *holds.talking_points])
    assert "solicitud" in text and "retención" in text
    assert not re.search(r"\borden(es)? de (retención|detención)", text, re.IGNORECASE)
    assert holds.title != "Stop holding people for ICE"
    assert asks["find_out_holds"].because.startswith("No encontramos evidencia")


def test_the_law_an_ask_relies_on_keeps_its_name_citation_and_date_in_spanish():
    with use_language("es"):
        asks = by_id(generated([law("holds", "requires", "SB 4 (2017)", "Art. 2.251", "2017-09-01")]))
    remains = asks["what_remains_possible_holds"]
    assert remains.relies_on_law.startswith("SB 4 (2017) (Art. 2.251; vigente desde 2017-09-01)")
    assert remains.detail.startswith("La ley estatal")


# The hand-written table against every county of its states.


def read_table() -> dict[tuple[str, str, str], dict]:
    with TABLE.open(encoding="utf-8") as file:
        return {(row["state_abbr"], row["indicator"], row["agency"]): row for row in csv.DictReader(file)}


def citations(row: dict) -> list[str]:
    return [citation.strip() for citation in row["rows_used"].split(" | ") if citation.strip()]


def test_the_table_covers_enough_states_and_cites_rows_that_exist(data):
    table = read_table()
    assert len({state for state, _, _ in table}) >= 12
    assert {row["standing"] for row in table.values()} == set(ASK_STANDINGS)
    laws = data.state_laws
    for (state, indicator, _agency), row in table.items():
        known = set(laws[(laws["state_abbr"] == state) & (laws["indicator"] == indicator)]["citation"])
        assert set(citations(row)) <= known, (state, indicator, row["rows_used"])
        assert (row["standing"] == ASK_ALLOWED) == (not citations(row)), (state, indicator)


# What each standing turns an ask into (a records request is allowed everywhere).
CHANGES_BY_STANDING = {
    ASK_PREEMPTED: {WHAT_REMAINS},
    ASK_ALREADY_REQUIRED: {ENFORCE_STATE_LAW, CLOSE_LOOPHOLE},
    ASK_LIMITED: {END_PRACTICE, END_AGREEMENT, DEFEND_AND_MONITOR, CLOSE_LOOPHOLE, FOLLOW_THE_MONEY},
    ASK_ALLOWED: {END_PRACTICE, END_AGREEMENT, DEFEND_AND_MONITOR, CLOSE_LOOPHOLE, FOLLOW_THE_MONEY},
}


def test_generated_asks_match_the_table_in_every_county_of_its_states(data):
    table = read_table()
    states = {state for state, _, _ in table}
    evidence = CountyEvidence.assemble(data)
    counties = data.counties[data.counties["state_abbr"].isin(states)]
    checked = 0
    for fips, state in zip(counties["fips"], counties["state_abbr"], strict=True):
        profile = county_profile(data, fips, evidence)
        jail = next(office["title"] for office in profile["authority"]["offices"] if office["role"] == "primary")
        for ask in profile["asks"]["items"]:
            if ask["change"] == FIND_OUT:
                assert ask["standing"] == ASK_ALLOWED, (fips, ask["id"])
                continue
            agency = "other" if ask["indicator"] == "287g" and ask["target"] != jail else "jail"
            row = table[(state, ask["indicator"], agency)]
            assert ask["standing"] == row["standing"], (fips, ask["id"], row)
            assert ask["change"] in CHANGES_BY_STANDING[row["standing"]], (fips, ask["id"])
            for citation in citations(row):
                assert citation in (ask["relies_on_law"] or ""), (fips, ask["id"], citation)
            checked += 1
    assert len(counties) > 900 and checked > len(counties)


def test_a_state_missing_from_the_law_table_is_not_called_one_where_the_county_may_decide():
    assert standing_words(ASK_ALLOWED, []) == NO_STATE_LAW_ROW
    assert standing_words(ASK_ALLOWED, [law(registry.HOLDS, "limits")]) == "the county may decide"
    assert standing_words(ASK_PREEMPTED, []) == "state law bars this locally"
