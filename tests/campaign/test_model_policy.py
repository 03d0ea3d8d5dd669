"""The model policy builder: every provision marked by how the state's law stands on it, with the laws it rests on;
rules by kind of state (mandate, restriction, silence, pre-emption) on small fixtures; and, over every county of the
14 states of tests/asks_by_state.csv (the hand-written table the asks are checked against), the same standing as
that table."""

import csv
from pathlib import Path

from lib.campaign.model_policy import NOT_COVERED, PROVISIONS, model_policy, provision_standing
from lib.campaign.text import part_text
from lib.i18n import use_language
from lib.profile import county_profile
from lib.registry import AGREEMENT_287G, HOLDS, JAIL_ACCESS, NOTIFICATIONS, STATE_LAW_IDS
from lib.vocab import ASK_ALLOWED, ASK_ALREADY_REQUIRED, ASK_LIMITED, ASK_PREEMPTED

TABLE = Path(__file__).resolve().parent.parent / "asks_by_state.csv"
LAW = "Test Act (2020) (Test Code §1; in force since 2020-07-01)"


def profile_with(standings: dict[str, str], state_laws=({"source_date": "2026-12-02"},)) -> dict:
    """A profile with only what the model policy reads: each indicator's standing, resting on LAW where not allowed."""
    return {
        "name": "Test County",
        "state": "Teststate",
        "state_laws": list(state_laws),
        "standings": {
            indicator: {
                "standing": standings.get(indicator, ASK_ALLOWED),
                "laws": [] if standings.get(indicator, ASK_ALLOWED) == ASK_ALLOWED else [LAW],
            }
            for indicator in STATE_LAW_IDS
        },
    }


def marks(profile: dict) -> dict[str, str]:
    return {provision.id: provision_standing(profile, provision)[0] for provision in PROVISIONS}


def test_a_mandate_state_marks_the_practices_it_requires_preempted_and_warns_on_the_uncovered_ones():
    profile = profile_with({HOLDS: ASK_PREEMPTED, AGREEMENT_287G: ASK_PREEMPTED})
    assert marks(profile)["no_holds"] == ASK_PREEMPTED and marks(profile)["no_287g"] == ASK_PREEMPTED
    assert marks(profile)["no_release_notices"] == ASK_ALLOWED
    text = part_text(model_policy(profile))
    assert "Pre-empted: " + LAW in text and "What remains possible" not in text  # the ask's words, not the policy's
    assert "may reach this one" in text  # an uncovered provision in a state that bars local limits elsewhere


def test_a_restrictive_state_marks_what_it_already_requires_or_limits():
    profile = profile_with({HOLDS: ASK_ALREADY_REQUIRED, NOTIFICATIONS: ASK_LIMITED})
    assert marks(profile)["no_holds"] == ASK_ALREADY_REQUIRED and marks(profile)["no_release_notices"] == ASK_LIMITED
    text = part_text(model_policy(profile))
    assert "State law already requires this: " + LAW in text and "State law already limits this: " + LAW in text
    assert "may reach this one" not in text


def test_a_silent_state_allows_every_covered_provision_and_a_state_missing_from_the_table_is_unknown():
    silent = profile_with({}, state_laws=({"source_date": "2026-12-02", "indicator": "other"},))
    assert {mark for mark in marks(silent).values()} == {ASK_ALLOWED, NOT_COVERED}
    assert "it has no Teststate law in force on this" in part_text(model_policy(silent))
    missing = profile_with({}, state_laws=())
    assert set(marks(missing).values()) == {NOT_COVERED}
    text = part_text(model_policy(missing))
    assert "Our table has no law of Teststate yet: that is unknown, not silence." in text
    assert "no law of Teststate in our table yet (unknown, not silence)" in text


def test_chosen_provisions_only_and_every_one_marked(data, evidence):
    profile = county_profile(data, "48201", evidence)
    part = model_policy(profile, ["no_interviews", "public_reporting"])
    text = part_text(part)
    assert "Section 1. No ICE interviews without consent and counsel [Pre-empted]" in text
    assert "Section 2. Public reporting of ICE requests [Not in our table]" in text
    assert "No holds without a judicial warrant" not in text
    assert "not legal advice" in part.label and "Texas's laws as read on" in part.label
    assert "No provision chosen." in part_text(model_policy(profile, []))


def hand_table() -> dict[tuple[str, str], str]:
    with TABLE.open(encoding="utf-8") as file:
        return {
            (row["state_abbr"], row["indicator"]): row["standing"]
            for row in csv.DictReader(file)
            if row["agency"] == "jail"
        }


def test_the_hand_table_states_get_its_standings(data, evidence):
    """The standings are the state's, the same for each of its counties (lib.asks.standing reads the state's rows
    only; tests/test_asks.py checks the asks over all of them): one county per state is compared."""
    table = hand_table()
    for state in sorted({state for state, _indicator in table}):
        fips = data.counties[data.counties["state_abbr"] == state]["fips"].iloc[0]
        profile = county_profile(data, fips, evidence)
        for provision in PROVISIONS:
            if (state, provision.indicator) in table:
                # a state with no row in our law table (Michigan, Nevada, Pennsylvania) is unknown, not allowed
                expected = table[(state, provision.indicator)] if profile["state_laws"] else NOT_COVERED
                assert provision_standing(profile, provision)[0] == expected, (fips, provision.id)


def test_the_policy_in_spanish(data, evidence):
    with use_language("es"):
        text = part_text(model_policy(county_profile(data, "72127", evidence)))
    assert "no asesoría legal" in text and JAIL_ACCESS not in text
