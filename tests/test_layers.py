"""The 287(g) layer's rules, on small hand-made tables."""

import pandas as pd

from lib.jails import county_operators
from lib.layers import CLASSES_287G, classify_287g, layer_287g, layer_287g_on, method_markdown
from lib.registry import CLASSIFIED

COUNTIES = pd.DataFrame({"fips": ["01001", "01003", "01005", "01007", "01009"]})
# Alabama as a mixed state: a sheriff or a county jail agency may run the jail (lib/jails.py).
OPERATORS = county_operators(
    COUNTIES.assign(state_abbr="AL"),
    pd.DataFrame({"state_abbr": ["AL"], "jail_operator": ["mixed"]}),
    pd.DataFrame(columns=["county_fips", "field", "value"]),
)


def agreement(fips, agency_type, model, status="participating"):
    return {
        "agency": f"{agency_type} {model}",
        "state_abbr": "AL",
        "county_fips": fips,
        "agency_type": agency_type,
        "model": model,
        "status": status,
    }


def test_the_jail_agency_strongest_model_wins_and_other_agencies_never_color_the_jail():
    agreements = pd.DataFrame(
        [
            agreement("01001", "sheriff", "task_force"),
            agreement("01001", "sheriff", "jail_enforcement"),
            agreement("01003", "municipal", "jail_enforcement"),
            agreement("01003", "other", "task_force"),
            agreement("01005", "county_jail", "warrant_service"),
            agreement("01005", "municipal", "jail_enforcement"),
            agreement("01007", "sheriff", "jail_enforcement", status="pending"),
            agreement(None, "state", "task_force"),
        ]
    )
    classes = classify_287g(COUNTIES, agreements, OPERATORS)
    assert classes.to_dict() == {
        "01001": "jail_enforcement",
        "01003": "other_agency",
        "01005": "warrant_service",
        "01007": "none",
        "01009": "none",
    }


def test_colors_are_distinct():
    colors = [c.color.lower() for c in CLASSES_287G]
    assert len(set(colors)) == len(colors)


def test_a_title_built_with_values_stays_english_and_translates_whole(data, marked, newest_287g_sheet_date):
    layer = layer_287g_on(data, newest_287g_sheet_date)
    title = f"287(g) agreements on ICE's list of {newest_287g_sheet_date}"
    assert layer.title == title
    assert layer.translated_title() == layer.title
    with marked:
        assert layer.translated_title() == f"«{title}»"
        assert layer_287g(data).translated_title() == "«287(g) agreements»"
    assert layer.title == title


def test_every_indicator_class_is_a_whole_text_per_indicator():
    labels = [c.label for indicator in CLASSIFIED for c in indicator.legend if c.id != "unknown"]
    assert len(set(labels)) == len(labels) == 9
    assert all("{" not in text for text in labels)


def test_method_markdown_is_in_the_current_language(marked):
    english = method_markdown()
    assert english.startswith("287(g) layer rules, in words:") and f"**{CLASSES_287G[0].label}**" in english
    with marked:
        assert method_markdown().startswith("«287(g) layer rules")
        assert f"**«{CLASSES_287G[0].label}»**" in method_markdown()
