"""The ask rules: each fires on the evidence it names, and never from a county's name."""

import re

import pandas as pd

from lib.asks import AskContext, county_asks
from lib.classify import classify
from lib.i18n import use_language
from lib.vocab import LOCAL_SCOPE as LOCAL
from lib.vocab import STATE_SCOPE as STATE
from tests.facts import fact

NO_AGREEMENTS = pd.DataFrame(columns=["agency", "agency_type", "model", "signed", "status", "source_date"])


def ask_ids(evidence, agreements=NO_AGREEMENTS, contracts=()):
    asks = county_asks(AskContext(classify(evidence), agreements, list(contracts), "the sheriff", "the county board",
                                  "the city"))
    return [ask.id for ask in asks]


def test_nothing_known_asks_to_find_out_and_for_every_practice():
    assert ask_ids([]) == ["find_out", "end_holds", "end_notifications", "end_jail_access"]


def test_a_county_refusing_everything_gets_no_jail_asks():
    evidence = [fact("refuses", indicator=name) for name in ("holds", "notifications", "jail_access")]
    assert ask_ids(evidence) == []


def test_state_mandate_changes_the_holds_ask_and_names_the_law():
    law = fact("honors", STATE, "2017-09-01", summary="SB 4 (2017): requires it")
    asks = county_asks(AskContext(classify([law]), NO_AGREEMENTS, [], "the sheriff", "the board", "the city"))
    mandate = next(ask for ask in asks if ask.id == "holds_under_state_mandate")
    assert mandate.relies_on_law == "SB 4 (2017), in force since 2017-09-01"
    assert "end_holds" not in [ask.id for ask in asks]


def test_jail_honoring_holds_against_state_law():
    evidence = [fact("refuses", STATE, "2018-01-01", summary="SB 54 (2017): forbids it"),
                fact("honors", LOCAL, "2025-01-01")]
    assert "holds_follow_state_law" in ask_ids(evidence)


def test_each_287g_agency_gets_its_own_ask_and_target():
    agreements = pd.DataFrame([
        {"agency": "X County Sheriff's Office", "agency_type": "sheriff", "model": "jail_enforcement",
         "signed": "2025-01-02", "status": "participating", "source_date": "2026-05-18"},
        {"agency": "Y Police Department", "agency_type": "municipal", "model": "task_force",
         "signed": None, "status": "participating", "source_date": "2026-05-18"},
        {"agency": "Z Police Department", "agency_type": "municipal", "model": "task_force",
         "signed": None, "status": "pending", "source_date": "2026-02-27"},
    ])
    asks = county_asks(AskContext(classify([]), agreements, [], "the sheriff", "the board", "the city"))
    ending = [ask for ask in asks if ask.id.startswith("end_287g")]
    assert [(ask.title, ask.target) for ask in ending] == [
        ("End the 287(g) agreement of X County Sheriff's Office", "the sheriff"),
        ("End the 287(g) agreement of Y Police Department", "the city")]


def test_jail_contract_triggers_follow_the_money():
    assert "follow_the_money" in ask_ids([], contracts=["Some County Jail: IGSA"])


def test_state_preemption_replaces_the_local_holds_ask():
    preempts = fact(None, STATE, "2010-07-29", summary="SB 1070 (2010): bars local limits on it",
                    effect="preempts_local_limits")
    ids = ask_ids([preempts])
    assert "holds_under_preemption" in ids and "end_holds" not in ids


def test_asks_in_spanish_call_a_detainer_a_request():
    with use_language("es"):
        asks = county_asks(AskContext(classify([]), NO_AGREEMENTS, [], "el alguacil", "la junta", "la ciudad"))
    holds = next(ask for ask in asks if ask.id == "end_holds")
    text = " ".join([holds.title, holds.detail, holds.because, *holds.talking_points])
    assert "solicitud" in text and "retención" in text
    assert not re.search(r"\borden(es)? de (retención|detención)", text, re.IGNORECASE)
    assert holds.title != "Stop holding people for ICE"
    assert next(ask for ask in asks if ask.id == "find_out").because.startswith("No encontramos evidencia")


def test_the_law_an_ask_relies_on_keeps_its_name_and_date_in_spanish():
    law = fact("honors", STATE, "2017-09-01", summary="SB 4 (2017): exige esta práctica")
    with use_language("es"):
        asks = county_asks(AskContext(classify([law]), NO_AGREEMENTS, [], "el alguacil", "la junta", "la ciudad"))
    mandate = next(ask for ask in asks if ask.id == "holds_under_state_mandate")
    assert mandate.relies_on_law == "SB 4 (2017), vigente desde 2017-09-01"
