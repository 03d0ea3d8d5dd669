"""The counties a change of method moved (lib/methodchange.py, curation/method_changes.csv) and how the list is
made (scripts/method_change.py)."""

import pytest

from lib.classify import classify
from lib.i18n import use_language
from lib.methodchange import latest_change, method_changes, method_changes_csv
from lib.registry import LEVELS
from lib.vocab import FIPS_PATTERN, METHOD_CHANGE_REASONS
from scripts.method_change import reasons
from tests.facts import fact


def test_the_committed_list_names_each_county_once_with_known_levels_and_reasons(data):
    changes = method_changes()
    assert changes["fips"].map(FIPS_PATTERN.match).all() and changes["fips"].is_unique
    assert set(changes["fips"]) <= set(data.counties["fips"])
    assert set(changes["level_before"]) | set(changes["level_after"]) <= set(LEVELS)
    assert (changes["level_before"] != changes["level_after"]).all()
    assert {code for codes in changes["reasons"] for code in codes.split(";")} <= set(METHOD_CHANGE_REASONS)
    assert latest_change(changes) == ("2026-12-02", len(changes))


def test_the_download_says_levels_and_reasons_in_the_readers_language():
    changes = method_changes().head(3)
    english = method_changes_csv(changes).decode("utf-8-sig")
    assert "Formal partnership with ICE" in english and "partnership," not in english
    with use_language("es"):
        assert "Asociación formal con ICE" in method_changes_csv(changes).decode("utf-8-sig")


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("partnership", classify([], street=[fact(None, indicator="287g")]), "task_force_only"),
        (
            "partnership",
            classify([], street=[fact(None, indicator="287g")], other_agreements=[fact(None, indicator="287g")]),
            "not_the_jail_operator;task_force_only",
        ),
        ("partnership", classify([fact("honors", "state")]), "contract_not_in_use"),
        ("unknown", classify([], [fact("honors", indicator="287g")]), "jail_operator_found"),
    ],
)
def test_each_change_gets_the_reason_the_new_method_gives(before, after, expected):
    assert reasons(before, after) == expected


def test_a_change_the_method_does_not_explain_stops_the_script():
    with pytest.raises(ValueError):
        reasons("unknown", classify([fact("honors", "state")]))
