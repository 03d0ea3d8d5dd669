"""Validating what arrives in the URL (?fips=…&layer=…&state=…&lang=…&mode=…&compare=…&list=…&reviewed=…
&tour=…), for every page.

Links are shared in articles and chats and may be mangled or hostile: every value is checked, a bad one is
dropped with a message a person can act on, and nothing from the URL reaches a page unchecked. A message names the
parameter, never its value, so no text, Markdown or HTML from a link is ever shown back.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from lib.compare import MAX_COUNTIES
from lib.i18n import LANGUAGES, _, ngettext
from lib.states import FIPS_BY_ABBR

MODES = ("explore", "present")
# ?reviewed=1: the map from reviewed evidence only; left out, all evidence.
REVIEWED_ONLY = "1"
# Every parameter a page reads from the URL, each validated by parse_view (tests/test_params.py checks the code
# reads no other). `list` is the date of the ICE 287(g) list the map's time slider shows.
PARAMETERS = ("fips", "layer", "state", "lang", "mode", "compare", "list", "reviewed", "tour")
# A presenter's tour (?tour=06085,48201,…) steps through at most this many counties: a meeting's worth, and a link
# that stays short enough to paste.
MAX_TOUR_STOPS = 30

Query = Mapping[str, str | list[str] | None]


@dataclass(frozen=True)
class ViewParams:
    fips: str | None = None
    layer: str | None = None
    state: str | None = None
    mode: str = "explore"
    compare: tuple[str, ...] = ()  # counties to compare, each once, in the link's order, at most MAX_COUNTIES
    list_date: str | None = None  # one of the known dates of ICE's 287(g) lists
    reviewed_only: bool = False
    problems: tuple[str, ...] = field(default=())
    rejected: tuple[str, ...] = field(default=())  # the parameters that held a bad value
    tour: tuple[str, ...] = ()  # presenter mode's counties to step through, each once, at most MAX_TOUR_STOPS

    def link_value(self, name: str) -> str | None:
        """What a clean link carries for parameter `name`; None where it is left out (missing or the default). The
        language is never carried from here: lib/ui.py reads it from the URL itself, once a bad one is dropped."""
        value = {
            "fips": self.fips,
            "layer": self.layer,
            "state": self.state,
            "lang": None,
            "mode": self.mode,
            "compare": ",".join(self.compare),
            "list": self.list_date,
            "reviewed": REVIEWED_ONLY if self.reviewed_only else None,
            "tour": ",".join(self.tour),
        }[name]
        return None if value in ("", "explore") else value


def _values(query: Query, name: str) -> list[str]:
    """Every value given for `name` (a parameter may be repeated), stripped."""
    given = query.get(name)
    if given is None:
        return []
    return [str(value).strip() for value in (given if isinstance(given, list) else [given])]


def parse_view(
    query: Query,
    known_fips: Collection[str],
    known_layers: Collection[str],
    known_list_dates: Collection[str] = (),
) -> ViewParams:
    """Clean view parameters from a query mapping (values may be lists); unknown keys are ignored. Problems are in
    the current language and never quote the link."""
    problems, rejected = [], []

    def checked(name: str, is_valid: Callable[[str], bool], problem: str) -> str | None:
        # A repeated parameter counts by its last value, as Streamlit's st.query_params.get reads it.
        value = (_values(query, name) or [None])[-1]
        if value is None or is_valid(value):
            return value
        problems.append(problem)
        rejected.append(name)
        return None

    # An empty county code is no county, as when the parameter is missing: the county page is then a search.
    fips = (
        checked(
            "fips",
            lambda value: value == "" or value in known_fips,
            _("the county code in the link is not a county we know; it was ignored."),
        )
        or None
    )
    layer = checked(
        "layer",
        lambda value: value in known_layers,
        _("the map layer in the link is not one we have; showing the default layer."),
    )
    state = checked(
        "state",
        lambda value: value.upper() in FIPS_BY_ABBR,
        _("the state in the link is not a state postal code (e.g. TX); showing the whole country."),
    )
    # An empty language or mode is the default, as when the parameter is missing. The language is only checked
    # here: lib/ui.py reads it (the sidebar switch wins over the link).
    checked(
        "lang",
        lambda value: value in ("", *LANGUAGES),
        _("the language in the link is not one we offer (en, es); showing English."),
    )
    mode = (
        checked(
            "mode",
            lambda value: value in ("", *MODES),
            _("the mode in the link is not one we have (present); showing the normal view."),
        )
        or "explore"
    )
    list_date = checked(
        "list",
        lambda value: value in known_list_dates,
        _("the date of ICE's 287(g) list in the link is not one of the lists we have; showing the newest list."),
    )
    # An empty switch is off, as when the parameter is missing.
    reviewed = checked(
        "reviewed",
        lambda value: value in ("", REVIEWED_ONLY),
        _("the reviewed-only switch in the link is neither on (1) nor off; showing all evidence."),
    )
    compare, compare_problems = _compared_counties(query, known_fips)
    problems += compare_problems
    if compare_problems:
        rejected.append("compare")
    tour, tour_problems = _tour_stops(query, known_fips)
    problems += tour_problems
    if tour_problems:
        rejected.append("tour")
    return ViewParams(
        fips,
        layer,
        state.upper() if state else None,
        mode,
        compare,
        list_date,
        reviewed == REVIEWED_ONLY,
        tuple(problems),
        tuple(rejected),
        tour,
    )


def _county_codes(query: Query, name: str) -> list[str]:
    """The codes of a list parameter (?compare=06085,48201, or repeated), stripped, empty ones dropped."""
    return [code.strip() for value in _values(query, name) for code in value.split(",") if code.strip()]


def _compared_counties(query: Query, known_fips: Collection[str]) -> tuple[tuple[str, ...], list[str]]:
    """?compare=06085,48201 (or repeated): the known counties, each once, in order, at most MAX_COUNTIES."""
    codes = _county_codes(query, "compare")
    known = [code for code in codes if code in known_fips]
    unique = list(dict.fromkeys(known))  # a county named twice is compared once
    problems = []
    unknown = len(codes) - len(known)
    if unknown:
        problems.append(
            ngettext(
                "{count} county code in the link's comparison is not a county we know; it was left out.",
                "{count} county codes in the link's comparison are not counties we know; they were left out.",
                unknown,
            ).format(count=unknown)
        )
    if len(unique) > MAX_COUNTIES:
        problems.append(
            _("the link compares more than {limit} counties; showing the first {limit}.").format(limit=MAX_COUNTIES)
        )
    return tuple(unique[:MAX_COUNTIES]), problems


def _tour_stops(query: Query, known_fips: Collection[str]) -> tuple[tuple[str, ...], list[str]]:
    """?tour=06085,48201 (or repeated): the known counties, each once, in order, at most MAX_TOUR_STOPS."""
    codes = _county_codes(query, "tour")
    unique = list(dict.fromkeys(code for code in codes if code in known_fips))  # a second visit is no new stop
    problems = []
    unknown = sum(code not in known_fips for code in codes)
    if unknown:
        problems.append(
            ngettext(
                "{count} county code in the link's tour is not a county we know; it was left out.",
                "{count} county codes in the link's tour are not counties we know; they were left out.",
                unknown,
            ).format(count=unknown)
        )
    if len(unique) > MAX_TOUR_STOPS:
        problems.append(
            _("the link's tour has more than {limit} counties; it stops after the first {limit}.").format(
                limit=MAX_TOUR_STOPS
            )
        )
    return tuple(unique[:MAX_TOUR_STOPS]), problems
