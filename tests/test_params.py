"""Hostile and malformed links: every parameter is validated, with a message and never an exception."""

from hypothesis import given
from hypothesis import strategies as st

from lib.params import parse_view

FIPS = {"06085", "48201"}
LAYERS = {"level", "287g"}
anything = st.one_of(st.none(), st.text(max_size=200), st.lists(st.text(max_size=50), max_size=3))


def test_good_values_pass_through():
    view = parse_view({"fips": "06085", "layer": "287g", "state": "tx", "lang": "es", "mode": "present"}, FIPS, LAYERS)
    assert (view.fips, view.layer, view.state, view.lang, view.mode, view.problems) == \
        ("06085", "287g", "TX", "es", "present", ())


def test_bad_values_are_dropped_with_a_message():
    view = parse_view({"fips": "<script>alert(1)</script>", "layer": "x", "state": "ZZ"}, FIPS, LAYERS)
    assert (view.fips, view.layer, view.state) == (None, None, None)
    assert len(view.problems) == 3
    assert all("<" not in problem for problem in view.problems)


@given(fips=anything, layer=anything, state=anything, lang=anything, mode=anything)
def test_any_query_gives_a_valid_view(fips, layer, state, lang, mode):
    query = {name: value for name, value in
             {"fips": fips, "layer": layer, "state": state, "lang": lang, "mode": mode}.items() if value is not None}
    view = parse_view(query, FIPS, LAYERS)
    assert view.fips in FIPS | {None}
    assert view.layer in LAYERS | {None}
    assert view.lang in ("en", "es") and view.mode in ("explore", "present")
    assert all(len(problem) < 200 and "<" not in problem for problem in view.problems)


def test_problems_are_written_in_the_language_of_the_run(marked):
    query = {"layer": "x"}
    assert parse_view(query, FIPS, LAYERS).problems == ("'x' is not a map layer; showing the default layer.",)
    with marked:
        assert parse_view(query, FIPS, LAYERS).problems == ("«'x' is not a map layer; showing the default layer.»",)
