"""Meeting preparation: one for every office of the county's chart (city offices only where city police serve it),
questions that start with what is unknown, pushback answers that fit the state's law (a mandate state names its
law and the penalties in force; a state missing from the table says unknown, not silence), offices never people."""

import pytest

from lib.campaign.document import FillIn, Heading
from lib.campaign.meeting import UNKNOWN_QUESTIONS, meeting_prep, meeting_targets, questions_for
from lib.campaign.pushback import DETAINER_IS_A_REQUEST, NO_AGREEMENT_REQUIRED, pushbacks
from lib.campaign.text import part_text
from lib.profile import county_profile
from lib.registry import HOLDS, UNKNOWN
from lib.vocab import (
    CITY_COUNCIL_OFFICE,
    COUNTY_BOARD_OFFICE,
    IN_FORCE,
    JAIL_OPERATOR_OFFICE,
    POLICE_CHIEF_OFFICE,
    STATE_OFFICE,
)

HARRIS, SANTA_CLARA, MILWAUKEE = "48201", "06085", "55079"


@pytest.fixture(scope="module")
def harris(data, evidence):
    return county_profile(data, HARRIS, evidence)


def test_every_office_of_the_chart_gets_a_meeting_and_city_offices_need_city_police(data, evidence, harris):
    targets = meeting_targets(harris)
    assert targets[0] == JAIL_OPERATOR_OFFICE and STATE_OFFICE in targets and COUNTY_BOARD_OFFICE in targets
    assert POLICE_CHIEF_OFFICE in targets and CITY_COUNCIL_OFFICE in targets
    for target in targets:
        part = meeting_prep(harris, target)
        assert FillIn("Name of whoever holds this office now") in part.blocks
        assert "not legal advice" in part.label
    lonely = data.counties[~data.counties["fips"].isin(data.agencies["all_county_fips"].str[:5])]["fips"]
    alone = next(p for p in (county_profile(data, f, evidence) for f in lonely) if not p["authority"]["city_agencies"])
    assert POLICE_CHIEF_OFFICE not in meeting_targets(alone)


def test_unknown_practices_are_asked_about_first(harris):
    assert harris["indicators"]["notifications"]["value"] == UNKNOWN
    questions = questions_for(harris, JAIL_OPERATOR_OFFICE)
    unknown = [i for i, q in enumerate(questions) if q in {str(text) for text in UNKNOWN_QUESTIONS.values()}]
    assert unknown and unknown == list(range(len(unknown)))
    assert UNKNOWN_QUESTIONS[HOLDS] not in questions  # Texas law makes the jail honor holds: that is known


def test_a_mandate_state_answers_with_its_law_and_its_penalties_in_force(harris):
    answers = " ".join(f"{p.claim} {p.answer}" for p in pushbacks(harris))
    assert "Partly true here: SB 4 (2017)" in answers
    for penalty in harris["state_law_penalties"]:
        assert (penalty["citation"] in answers) == (penalty["status"] == IN_FORCE)
    assert "§752.0565" in answers and DETAINER_IS_A_REQUEST.url in answers
    assert "but state law here does" in answers  # SB 8 (2025) makes sheriffs seek a 287(g) agreement


def test_a_state_missing_from_the_table_is_unknown_not_silence(data, evidence):
    profile = county_profile(data, MILWAUKEE, evidence)
    assert not profile["state_laws"]
    answers = " ".join(p.answer for p in pushbacks(profile))
    assert "unknown, not silence" in answers and "We would be punished" not in answers
    assert NO_AGREEMENT_REQUIRED.words in answers


def test_state_legislators_get_general_preparation_only(data, evidence):
    profile = county_profile(data, SANTA_CLARA, evidence)
    part = meeting_prep(profile, STATE_OFFICE)
    headings = [block.text for block in part.blocks if isinstance(block, Heading)]
    assert not [heading for heading in headings if heading.startswith("What we know of")]
    assert "What we know of Santa Clara County" in part_text(meeting_prep(profile, JAIL_OPERATOR_OFFICE))


def test_where_state_law_forbids_the_practice_the_answer_turns_to_compliance(data, evidence):
    answers = " ".join(p.answer for p in pushbacks(county_profile(data, "17031", evidence)))
    assert "Here state law points the other way: " in answers and "TRUST" in answers


def test_penalties_read_only_from_drafts_are_put_as_a_possible_risk(data, evidence, harris):
    fulton = county_profile(data, "13121", evidence)
    assert fulton["state_law_penalties"] and all(p["review_status"] == "draft" for p in fulton["state_law_penalties"])
    (georgia,) = [p.answer for p in pushbacks(fulton) if "punished" in p.claim]
    assert georgia.startswith("This may be a real risk here, by readings of the law not yet checked")
    (texas,) = [p.answer for p in pushbacks(harris) if "punished" in p.claim]
    assert texas.startswith("This is a real risk here: ")
