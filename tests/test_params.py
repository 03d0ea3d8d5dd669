"""Hostile and malformed links: every parameter is validated, with a message that names the parameter and never
repeats its value, and never an exception."""

import ast
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from lib.compare import MAX_COUNTIES
from lib.params import MAX_TOUR_STOPS, PARAMETERS, REVIEWED_ONLY, parse_view

FIPS = {"06085", "48201", "36047", "09003", "72127"}
LAYERS = {"level", "287g"}
LIST_DATES = {"2021-01-13", "2025-07-30", "2026-05-18"}
anything = st.one_of(st.none(), st.text(max_size=200), st.lists(st.text(max_size=50), max_size=3))
# ?compare= lists as links carry them: known and unknown codes, repeated, in any order, in one value or several.
compare_codes = st.lists(
    st.one_of(st.sampled_from(sorted(FIPS)), st.text(alphabet="0123456789x<*_[]():", max_size=7)), max_size=8
)
compare_lists = st.one_of(
    st.none(), compare_codes.map(",".join), st.lists(compare_codes.map(",".join), min_size=1, max_size=3)
)
# More known counties than a tour takes, for the cap.
MANY_FIPS = FIPS | {f"{number:05d}" for number in range(1001, 1001 + MAX_TOUR_STOPS)}
LONG_TOUR = sorted(MANY_FIPS)
tour_codes = st.lists(
    st.one_of(st.sampled_from(LONG_TOUR), st.text(alphabet="0123456789x<*_[]():", max_size=7)),
    max_size=MAX_TOUR_STOPS + 10,
)
tour_lists = st.one_of(st.none(), tour_codes.map(",".join), st.lists(tour_codes.map(",".join), min_size=1, max_size=3))
HOSTILE = "**bold** <script>alert(1)</script> [link](http://evil.example) :red[x]"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def message_shapes() -> set[str]:
    """Every problem parse_view can report, with its numbers as N: the messages cannot carry anything else."""
    every_bad = {name: "bad" for name in PARAMETERS}
    every_bad["compare"] = ",".join([*sorted(FIPS), "bad"])
    every_bad["tour"] = ",".join([*LONG_TOUR, "bad"])
    several_unknown = {"compare": "bad,worse", "tour": "bad,worse"}
    return {
        re.sub(r"\d+", "N", problem)
        for query in (every_bad, several_unknown)
        for problem in parse_view(query, MANY_FIPS, LAYERS, LIST_DATES).problems
    }


def test_good_values_pass_through():
    view = parse_view({"fips": "06085", "layer": "287g", "state": "tx", "lang": "es", "mode": "present"}, FIPS, LAYERS)
    assert (view.fips, view.layer, view.state, view.mode, view.problems) == ("06085", "287g", "TX", "present", ())


def test_an_empty_county_code_is_no_county_and_no_problem():
    view = parse_view({"fips": ""}, FIPS, LAYERS)
    assert (view.fips, view.problems, view.rejected) == (None, (), ())


def test_bad_values_are_dropped_with_a_message():
    view = parse_view({"fips": "<script>alert(1)</script>", "layer": "x", "state": "ZZ"}, FIPS, LAYERS)
    assert (view.fips, view.layer, view.state) == (None, None, None)
    assert len(view.problems) == 3
    assert all("<" not in problem for problem in view.problems)


# ?list= and ?reviewed= as links carry them: the real values, near misses and anything at all.
list_dates = st.one_of(
    anything, st.sampled_from(sorted(LIST_DATES)), st.sampled_from(["2021-1-13", " 2026-05-18 ", "2026-05-19"])
)
reviewed_switches = st.one_of(anything, st.sampled_from(["1", "", "0", "true", " 1"]))


@given(
    fips=anything,
    layer=anything,
    state=anything,
    lang=anything,
    mode=anything,
    compare=compare_lists,
    list_date=list_dates,
    reviewed=reviewed_switches,
    tour=tour_lists,
)
def test_any_query_gives_a_valid_view(fips, layer, state, lang, mode, compare, list_date, reviewed, tour):
    query = {
        name: value
        for name, value in {
            "fips": fips,
            "layer": layer,
            "state": state,
            "lang": lang,
            "mode": mode,
            "compare": compare,
            "list": list_date,
            "reviewed": reviewed,
            "tour": tour,
        }.items()
        if value is not None
    }
    view = parse_view(query, MANY_FIPS, LAYERS, LIST_DATES)
    assert view.fips in MANY_FIPS | {None}
    assert view.layer in LAYERS | {None}
    assert view.mode in ("explore", "present")
    assert view.list_date in LIST_DATES | {None}
    assert view.reviewed_only in (True, False)
    assert set(view.compare) <= MANY_FIPS and len(set(view.compare)) == len(view.compare) <= MAX_COUNTIES
    assert set(view.tour) <= MANY_FIPS and len(set(view.tour)) == len(view.tour) <= MAX_TOUR_STOPS
    assert {re.sub(r"\d+", "N", problem) for problem in view.problems} <= message_shapes()
    assert set(view.rejected) <= set(PARAMETERS)


@given(compare=compare_lists)
def test_compare_keeps_the_known_counties_once_in_order(compare):
    values = compare if isinstance(compare, list) else [compare or ""]
    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    view = parse_view({"compare": compare} if compare is not None else {}, FIPS, LAYERS)
    assert list(view.compare) == list(dict.fromkeys(code for code in codes if code in FIPS))[:MAX_COUNTIES]
    assert bool(view.problems) == (any(code not in FIPS for code in codes) or len(set(codes) & FIPS) > MAX_COUNTIES)


@given(list_date=list_dates)
def test_a_list_date_is_kept_only_when_it_is_one_of_the_lists(list_date):
    view = parse_view({"list": list_date} if list_date is not None else {}, FIPS, LAYERS, LIST_DATES)
    last = (list_date if isinstance(list_date, list) else [list_date])[-1:] if list_date is not None else []
    given_value = last[0].strip() if last else None
    assert view.list_date == (given_value if given_value in LIST_DATES else None)
    assert ("list" in view.rejected) == (given_value is not None and given_value not in LIST_DATES)
    assert view.link_value("list") == view.list_date


@given(reviewed=reviewed_switches)
def test_the_reviewed_switch_is_on_only_for_1(reviewed):
    view = parse_view({"reviewed": reviewed} if reviewed is not None else {}, FIPS, LAYERS, LIST_DATES)
    last = (reviewed if isinstance(reviewed, list) else [reviewed])[-1:] if reviewed is not None else []
    given_value = last[0].strip() if last else None
    assert view.reviewed_only == (given_value == REVIEWED_ONLY)
    assert ("reviewed" in view.rejected) == (given_value not in (None, "", REVIEWED_ONLY))
    assert view.link_value("reviewed") == (REVIEWED_ONLY if view.reviewed_only else None)


def test_without_known_lists_no_list_date_passes():
    view = parse_view({"list": "2021-01-13"}, FIPS, LAYERS)
    assert (view.list_date, view.rejected) == (None, ("list",))


@given(tour=tour_lists)
def test_a_tour_keeps_the_known_counties_once_in_order_up_to_its_cap(tour):
    values = tour if isinstance(tour, list) else [tour or ""]
    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    view = parse_view({"tour": tour} if tour is not None else {}, MANY_FIPS, LAYERS)
    known = list(dict.fromkeys(code for code in codes if code in MANY_FIPS))
    assert list(view.tour) == known[:MAX_TOUR_STOPS]
    assert bool(view.problems) == (any(code not in MANY_FIPS for code in codes) or len(known) > MAX_TOUR_STOPS)
    assert view.link_value("tour") == (",".join(view.tour) or None)


def test_a_tour_with_unknown_codes_keeps_the_rest_and_says_so_plainly():
    view = parse_view({"tour": f"06085,{HOSTILE},48201,06085"}, FIPS, LAYERS)
    assert view.tour == ("06085", "48201")
    assert view.problems == ("1 county code in the link's tour is not a county we know; it was left out.",)
    assert view.rejected == ("tour",) and view.link_value("tour") == "06085,48201"


def test_a_tour_longer_than_its_cap_stops_after_the_first_stops():
    view = parse_view({"tour": ",".join(LONG_TOUR)}, MANY_FIPS, LAYERS)
    assert view.tour == tuple(LONG_TOUR[:MAX_TOUR_STOPS])
    assert view.problems == (
        f"the link's tour has more than {MAX_TOUR_STOPS} counties; it stops after the first {MAX_TOUR_STOPS}.",
    )


def test_a_county_named_twice_is_compared_once():
    view = parse_view({"compare": "06085,06085"}, FIPS, LAYERS)
    assert (view.compare, view.problems) == (("06085",), ())


def test_a_mixed_list_keeps_the_good_codes_and_says_so_without_quoting_the_bad():
    view = parse_view({"compare": f"06085,{HOSTILE},48201,xx"}, FIPS, LAYERS)
    assert view.compare == ("06085", "48201")
    assert view.problems == ("2 county codes in the link's comparison are not counties we know; they were left out.",)
    assert view.rejected == ("compare",) and view.link_value("compare") == "06085,48201"


def test_more_counties_than_compared_keeps_the_first():
    view = parse_view({"compare": ",".join(sorted(FIPS))}, FIPS, LAYERS)
    assert view.compare == tuple(sorted(FIPS))[:MAX_COUNTIES]
    assert view.problems == (f"the link compares more than {MAX_COUNTIES} counties; showing the first {MAX_COUNTIES}.",)


def test_no_message_repeats_what_the_link_said():
    view = parse_view({name: HOSTILE for name in PARAMETERS}, FIPS, LAYERS, LIST_DATES)
    assert len(view.problems) == len(PARAMETERS) and set(view.rejected) == set(PARAMETERS)
    for problem in view.problems:
        assert not set("*<>[]:") & set(problem.replace("(e.g. TX)", "")), problem


def test_a_repeated_parameter_counts_by_its_last_value_as_streamlit_reads_it():
    assert parse_view({"layer": ["x", "287g"]}, FIPS, LAYERS).layer == "287g"
    view = parse_view({"layer": ["287g", "x"]}, FIPS, LAYERS)
    assert (view.layer, view.rejected) == (None, ("layer",))


def test_problems_are_written_in_the_language_of_the_run(marked):
    query = {"layer": "x"}
    assert parse_view(query, FIPS, LAYERS).problems == (
        "the map layer in the link is not one we have; showing the default layer.",
    )
    with marked:
        assert parse_view(query, FIPS, LAYERS).problems == (
            "«the map layer in the link is not one we have; showing the default layer.»",
        )


def query_parameters_read(path: Path) -> set[str]:
    """The names of the URL parameters a file reads: st.query_params[...], .get(...) and .get_all(...)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("query_params"):
            key = node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "get_all")
            and ast.unparse(node.func.value).endswith("query_params")
            and node.args
        ):
            key = node.args[0]
        else:
            continue
        if isinstance(key, ast.Constant):
            names.add(key.value)
    return names


def test_every_parameter_a_page_reads_is_validated():
    code = [PROJECT_ROOT / "app.py", *(PROJECT_ROOT / "app_pages").glob("*.py"), *(PROJECT_ROOT / "lib").rglob("*.py")]
    read = set().union(*(query_parameters_read(path) for path in code))
    unvalidated = read - set(PARAMETERS)
    assert read and not unvalidated, f"read from the URL but not validated in lib/params.py: {unvalidated}"
