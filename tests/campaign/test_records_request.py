"""The public-records request: each state's letter cites that state's law, says when the citation is a draft or
the law limits who may ask, asks for no record about a person, and comes in Spanish (Puerto Rico's first)."""

import pytest

from lib.campaign.document import FillIn, Items, Paragraph
from lib.campaign.records_request import RECORDS_ASKED_FOR, records_request
from lib.campaign.text import part_text
from lib.i18n import use_language
from lib.profile import county_profile
from lib.vocab import ANY_PERSON, CHECKED_AGAINST_TEXT, MUNICIPAL

DRAFT_WARNING = "Check this citation before sending"


@pytest.fixture(scope="module")
def one_county_per_state(data, evidence) -> dict[str, dict]:
    biggest = data.counties.sort_values("population", ascending=False).drop_duplicates("state_abbr")
    return {state: county_profile(data, fips, evidence) for fips, state in zip(biggest["fips"], biggest["state_abbr"])}


def test_every_state_letter_cites_its_own_law_and_says_if_it_is_a_draft(data, one_county_per_state):
    laws = data.public_records_laws.set_index("state_abbr")
    assert set(one_county_per_state) == set(laws.index)
    for state, profile in one_county_per_state.items():
        law = laws.loc[state]
        text = part_text(records_request(profile))
        assert f"{law['law_name']} ({law['citation']})" in text, state
        assert (DRAFT_WARNING in text) == (law["review_status"] != CHECKED_AGAINST_TEXT), state
        assert ("Before sending (remove this line): only" in text) == (law["requesters"] != ANY_PERSON), state
        assert law["url"] in text and profile["name"] in text


def test_the_letter_asks_for_every_kind_of_record_and_none_about_a_person(one_county_per_state):
    part = records_request(one_county_per_state["TX"])
    (asked,) = [block for block in part.blocks if isinstance(block, Items)]
    assert asked.texts[: len(RECORDS_ASKED_FOR)] == RECORDS_ASKED_FOR
    paragraphs = " ".join(block.text for block in part.blocks if isinstance(block, Paragraph))
    assert "I do not ask for records about any individual person" in paragraphs
    assert "fees be waived" in paragraphs
    # the sender's name is written in by hand, never asked for by the app
    assert "Name or organization" in [block.label for block in part.blocks if isinstance(block, FillIn)]
    assert "not legal advice" in part.label


def test_the_county_agreements_are_named_but_a_city_police_agreement_is_left_to_the_city(data, evidence):
    agreements = data.agreements
    county = agreements[agreements["agency_type"] != MUNICIPAL]["county_fips"].dropna().iloc[0]
    profile = county_profile(data, county, evidence)
    text = part_text(records_request(profile))
    for agreement in profile["agreements_287g"]:
        assert (agreement["agency"] in text) == (agreement["agency_type"] != MUNICIPAL), agreement["agency"]


def test_puerto_ricos_letter_in_spanish_cites_its_law_in_its_own_words(data, evidence):
    with use_language("es"):
        profile = county_profile(data, "72127", evidence)
        text = part_text(records_request(profile))
    assert "Solicitud de documentos públicos" in text and "solicitudes de retención" in text
    assert "Ley 141-2019" in text and "Recomendación, no asesoría legal" in text
