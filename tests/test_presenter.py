"""Presenter mode's plain parts: where the tour's keys lead, and the focus card (level, its unknown and draft states,
the why in one sentence, the top ask as a recommendation), escaped as HTML, in English and Spanish."""

import dataclasses
import json

import folium
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.evidence import CountyEvidence
from lib.i18n import use_language
from lib.presenter import TourPosition, card_html, focus_card, focus_layer
from lib.profile import county_profile
from lib.registry import LEVEL_CLASSES, PARTNERSHIP, UNKNOWN
from tests.hostile import ALL_PAYLOADS

STOPS = ("06085", "48201", "17031")


@pytest.fixture(scope="module")
def evidence(data) -> CountyEvidence:
    return CountyEvidence.assemble(data)


def card_of(data, evidence, fips):
    return focus_card(county_profile(data, fips, evidence), evidence.classify(fips))


def test_the_tour_steps_forward_and_back_and_stops_at_its_ends():
    overview = TourPosition(STOPS, None)
    assert (overview.next_stop, overview.previous_stop, overview.can_go_back, overview.progress()) == (
        "06085",
        None,
        False,
        "",
    )
    first, middle, last = (TourPosition(STOPS, fips) for fips in STOPS)
    assert (first.next_stop, first.previous_stop, first.can_go_back) == ("48201", None, True)  # back: the overview
    assert (middle.next_stop, middle.previous_stop, middle.progress()) == ("17031", "06085", "2 / 3")
    assert (last.next_stop, last.previous_stop) == (None, "48201")


def test_a_county_off_the_tour_starts_it_from_its_first_stop():
    elsewhere = TourPosition(STOPS, "36047")
    assert (elsewhere.index, elsewhere.next_stop, elsewhere.can_go_back) == (None, "06085", False)
    assert TourPosition((), "36047").next_stop is None


@given(stops=st.lists(st.sampled_from(["01001", "06085", "48201", "17031", "36047"]), unique=True, max_size=5))
def test_next_then_previous_comes_back(stops):
    for fips in stops[:-1]:
        following = TourPosition(tuple(stops), fips).next_stop
        assert TourPosition(tuple(stops), following).previous_stop == fips


def test_the_card_carries_the_level_its_color_and_the_top_ask(data, evidence):
    card = card_of(data, evidence, "48201")
    honors = next(c for c in LEVEL_CLASSES if c.id == card.level)
    assert (card.county, card.level_label, card.color) == ("Harris County, Texas", "Honors ICE holds", honors.color)
    assert card.why.startswith("Because of this: SB 4") and card.why.count(". ") == 0, card.why
    assert card.source.startswith("Source: ") and "(statute, " in card.source
    assert card.ask.endswith("— asked of: Sheriff")
    assert card.ask_label == "Top ask — a recommendation, not legal advice"
    assert not card.is_unknown and not card.rests_on_draft


def test_a_partnership_is_explained_by_the_agreement(data, evidence):
    fips = next(f for f in data.counties["fips"] if evidence.classify(f).level == PARTNERSHIP)
    card = card_of(data, evidence, fips)
    assert "287(g)" in card.why and "(agreement, " in card.source


def test_unknown_and_draft_are_states_of_their_own_on_the_card(data, evidence):
    unknown = next(f for f in data.counties["fips"] if evidence.classify(f).level == UNKNOWN)
    card = card_of(data, evidence, unknown)
    assert card.is_unknown and card.source is None
    assert "does not mean it refuses" in card.why
    assert "Unknown is not “no collaboration”" in card_html(card)
    draft = card_of(data, evidence, "06085")
    assert draft.rests_on_draft and "Draft: rests on evidence nobody has reviewed yet" in card_html(draft)
    assert "Draft:" not in card_html(card_of(data, evidence, "48201"))


def test_the_card_escapes_what_the_data_says(data, evidence):
    card = card_of(data, evidence, "48201")
    hostile = {"county": ALL_PAYLOADS, "why": ALL_PAYLOADS, "ask": ALL_PAYLOADS, "source": ALL_PAYLOADS}
    shown = card_html(dataclasses.replace(card, **hostile))
    assert "<script" not in shown and "<img" not in shown and "&lt;script&gt;" in shown


def test_the_card_in_spanish(data, evidence):
    with use_language("es"):
        card = card_of(data, evidence, "48201")
        shown = card_html(card_of(data, evidence, "06085"))
    assert card.level_label == "Cumple las solicitudes de retención de ICE"
    assert card.ask_label == "Petición principal: una recomendación, no es asesoría legal"
    assert card.why.startswith("Por esto: ")
    assert "Borrador:" in shown


@pytest.mark.parametrize("fips", ["06085", None])
def test_the_focus_layer_names_the_county_and_forwards_the_keys(fips):
    fmap = folium.Map(tiles=None)
    focus_layer(fips).add_to(fmap)
    script = fmap.get_root().render()
    assert f"const focus = {json.dumps(fips)};" in script
    assert "window.parent.presenterKey" in script
