"""The 287(g) layer's rules, on small hand-made tables."""

import pandas as pd

from lib.layers import CLASSES_287G, classify_287g

COUNTIES = pd.DataFrame({"fips": ["01001", "01003", "01005", "01007", "01009"]})


def agreement(fips, agency_type, model, status="participating"):
    return {"county_fips": fips, "agency_type": agency_type, "model": model, "status": status}


def test_the_jail_agency_strongest_model_wins_and_other_agencies_never_color_the_jail():
    agreements = pd.DataFrame([
        agreement("01001", "sheriff", "task_force"),
        agreement("01001", "sheriff", "jail_enforcement"),
        agreement("01003", "municipal", "jail_enforcement"),
        agreement("01003", "other", "task_force"),
        agreement("01005", "county_jail", "warrant_service"),
        agreement("01005", "municipal", "jail_enforcement"),
        agreement("01007", "sheriff", "jail_enforcement", status="pending"),
        agreement(None, "state", "task_force"),
    ])
    classes = classify_287g(COUNTIES, agreements)
    assert classes.to_dict() == {"01001": "jail_enforcement", "01003": "other_agency", "01005": "warrant_service",
                                 "01007": "none", "01009": "none"}


def test_colors_are_distinct():
    colors = [c.color.lower() for c in CLASSES_287G]
    assert len(set(colors)) == len(colors)
