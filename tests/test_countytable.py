from types import SimpleNamespace

import pandas as pd

from lib.countytable import counties_by_class
from lib.i18n import use_language
from lib.layers import Layer, LegendClass

CLASSES = (
    LegendClass("most", "Most", "Most collaboration.", "#000000"),
    LegendClass("some", "Some", "Some collaboration.", "#777777"),
    LegendClass("none", "None found", "No evidence found.", "#ffffff"),
)
DATA = SimpleNamespace(
    counties=pd.DataFrame(
        {
            "fips": ["01001", "01003", "02001", "02003", "02005"],
            "name": ["Alpha County", "Beta County", "Gamma Borough", "Zeta Borough", "Eta Borough"],
            "state_abbr": ["AL", "AL", "AK", "AK", "AK"],
            "population": [10, 20, 30, 40, 50],
        }
    )
)
LAYER = Layer(
    "test",
    "Test layer",
    "2026-05-18",
    CLASSES,
    county_class=pd.Series({"01001": "most", "01003": "none", "02001": "some", "02003": "most", "02005": "most"}),
    draft=pd.Series({"01001": False, "01003": False, "02001": True, "02003": False, "02005": False}),
)


def test_counties_run_from_most_collaboration_to_least_then_by_state_and_name():
    table = counties_by_class(DATA, LAYER)
    assert list(table.columns) == ["county", "state", "class", "draft evidence", "population", "county page"]
    assert table.values.tolist() == [
        ["Eta Borough", "AK", "Most", False, 50, "/county?fips=02005"],
        ["Zeta Borough", "AK", "Most", False, 40, "/county?fips=02003"],
        ["Alpha County", "AL", "Most", False, 10, "/county?fips=01001"],
        ["Gamma Borough", "AK", "Some", True, 30, "/county?fips=02001"],
        ["Beta County", "AL", "None found", False, 20, "/county?fips=01003"],
    ]


def test_one_state_keeps_its_counties_and_drops_the_state_column():
    table = counties_by_class(DATA, LAYER, "AL")
    assert list(table.columns) == ["county", "class", "draft evidence", "population", "county page"]
    assert list(table["county"]) == ["Alpha County", "Beta County"]


def test_links_keep_the_language_and_class_labels_stay_english_for_the_page_to_translate():
    with use_language("es"):
        table = counties_by_class(DATA, LAYER, "AK")
    assert list(table["county page"]) == [
        "/county?fips=02005&lang=es",
        "/county?fips=02003&lang=es",
        "/county?fips=02001&lang=es",
    ]
    assert list(table["class"]) == ["Most", "Most", "Some"]
