"""Every county, every language: all 3,220 county pages render through the county page's own sections, inside a
real Streamlit script run (AppTest) on the committed data, and every brief's and campaign kit's texts are built (the
meeting preparation for every office) — each county once, the languages in turn, so that both are drawn within CI's
time. A stratified sample of counties goes through the whole app, on its county page and its campaign page, and gets
its brief as a PDF; the map page is opened on every layer and state. `pytest -m slow` puts every county through the
whole app, on both pages, and draws every PDF.

The work is spread over worker processes, one per core (at most MAX_WORKERS): pages of different counties share
nothing, and rendering is CPU-bound. Each test reports how much it rendered and how long it took.
"""

import atexit
import inspect
import os
import shutil
import tempfile
import textwrap
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import pypdfium2
import pytest
import streamlit.logger
from streamlit.testing.v1 import AppTest

from lib.authority import county_governance
from lib.brief import DETAIL_LEVELS, brief_content, county_brief, data_version
from lib.campaign.meeting import meeting_prep, meeting_targets
from lib.campaign.packet import campaign_parts
from lib.campaign.text import part_text
from lib.data import CompiledData, load
from lib.evidence import CountyEvidence
from lib.explain import evidence_value_words
from lib.i18n import LANGUAGES, language, use_language
from lib.layers import build_layers
from lib.links import COUNTY_URL_PATH
from lib.paths import PROJECT_ROOT
from lib.profile import county_profile
from lib.registry import INDICATORS_BY_ID, LAYER_TITLES
from lib.ui.county import page as county_page_module
from tests.test_app_smoke import run_page

COUNTY_PAGE = "app_pages/county.py"
CAMPAIGN_PAGE = "app_pages/campaign.py"
CAMPAIGN_TABS = 6
MAP_PAGE = "app_pages/map.py"
MAX_WORKERS = 4
TIMEOUT = 60  # seconds for one page
COUNTY_TABS = 5
# Counties the other tests single out: sheriff-run, state-run (CT), a NYC borough, the Aleutians, Puerto Rico,
# Falls Church (no shape), Doña Ana, and the one with the longest 287(g) list.
SPECIAL_COUNTIES = ("06085", "48201", "36047", "09003", "02016", "72127", "51610", "35013", "12099")


# --- Work done in the worker processes (module-level functions: a spawned worker imports them by name) ---


@cache
def compiled_data() -> CompiledData:
    return load()


def county_evidence() -> CountyEvidence:
    """Every county's evidence in the current language, assembled once per language and worker (as the app's
    cache keeps it)."""
    return _county_evidence(language())


@cache
def _county_evidence(lang: str) -> CountyEvidence:
    with use_language(lang):
        return CountyEvidence.assemble(compiled_data())


def county_sections_script() -> None:
    """The script AppTest runs: the county page's own sections for the county in session state."""
    import traceback
    from pathlib import Path

    import streamlit as st

    from lib import i18n
    from lib.ui.cache import data
    from lib.ui.county.page import county_sections

    i18n.set_language(st.session_state["lang"])
    # st.page_link only links to registered pages, found beside the script (app_pages/ links to the app's own).
    st.navigation(
        [st.Page(path) for path in sorted((Path(__file__).parent / "app_pages").glob("*.py"))], position="hidden"
    )
    st.session_state["traceback"] = None
    try:
        county_sections(data(), st.session_state["fips"])
    except Exception:
        st.session_state["traceback"] = traceback.format_exc()


@cache
def county_sections_app_path() -> Path:
    """county_sections_script as a script file, in a folder of this process where app_pages/ is the app's."""
    folder = Path(tempfile.mkdtemp(prefix="county-sections-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    (folder / "app_pages").symlink_to(PROJECT_ROOT / "app_pages", target_is_directory=True)
    script = folder / "county_sections.py"
    script.write_text(
        textwrap.dedent(inspect.getsource(county_sections_script)) + "\ncounty_sections_script()\n", encoding="utf-8"
    )
    return script


def shown_problem(app: AppTest) -> str | None:
    """What went wrong on a rendered page: an exception or an error message shown, else None."""
    problems = [f"exception: {element.message}" for element in app.exception]
    problems += [f"error shown: {element.value}" for element in app.error]
    return "; ".join(problems) or None


def render_county_sections(lang: str, counties: list[str]) -> dict[str, str]:
    """Problems by county (FIPS) on each county's page body, rendered through the page's own sections."""
    app = AppTest.from_file(str(county_sections_app_path()), default_timeout=TIMEOUT)
    app.session_state["lang"] = lang
    problems = {}
    for fips in counties:
        app.session_state["fips"] = fips
        app.run()
        problem = app.session_state["traceback"] or shown_problem(app)
        if problem:
            problems[fips] = problem
    return problems


def _render_pages(page: str, tabs: int, lang: str, counties: list[str]) -> dict[str, str]:
    """Problems by county on its `page` in the whole app (app.py: navigation, sidebar, the page), which must show
    `tabs` tabs."""
    problems = {}
    for fips in counties:
        app = run_page(page, fips=fips, lang=lang)
        problem = shown_problem(app)
        if not problem and len(app.tabs) != tabs:
            problem = f"{len(app.tabs)} tabs instead of {tabs}"
        if problem:
            problems[fips] = problem
    return problems


def render_county_pages(lang: str, counties: list[str]) -> dict[str, str]:
    return _render_pages(COUNTY_PAGE, COUNTY_TABS, lang, counties)


def render_campaign_pages(lang: str, counties: list[str]) -> dict[str, str]:
    return _render_pages(CAMPAIGN_PAGE, CAMPAIGN_TABS, lang, counties)


def render_map_views(lang: str, views: list[tuple[str, str | None]]) -> dict[str, str]:
    """Problems by view (layer and state) on the map page."""
    problems = {}
    for layer, state in views:
        app = run_page(MAP_PAGE, layer=layer, lang=lang, **({"state": state} if state else {}))
        problem = shown_problem(app)
        if problem:
            problems[f"{layer}/{state or 'US'}"] = problem
    return problems


def build_brief_contents(lang: str, counties: list[str]) -> dict[str, str]:
    """Problems by county in building its brief's texts at every detail level, and its campaign kit's texts with
    the meeting preparation for every office."""
    data, problems = compiled_data(), {}
    version = data_version(data)
    with use_language(lang):
        for fips in counties:
            try:
                profile = county_profile(data, fips, county_evidence())
                contents = [brief_content(profile, version, detail) for detail in DETAIL_LEVELS]
                if any(content.title != f"{profile['name']}, {profile['state']}" for content in contents):
                    problems[fips] = "the brief does not name the county"
                if not all(profile["name"] in part_text(part) for part in campaign_parts(profile)):
                    problems[fips] = "a part of the campaign kit does not name the county"
                if not all(part_text(meeting_prep(profile, kind)) for kind in meeting_targets(profile)):
                    problems[fips] = "a meeting preparation is empty"
            except Exception:
                problems[fips] = traceback.format_exc()
    return problems


def draw_briefs(lang: str, counties: list[str]) -> dict[str, str]:
    """Problems by county in drawing its brief: it must be one page that names the county."""
    data, problems = compiled_data(), {}
    level_layer = build_layers(county_evidence())["level"]
    with use_language(lang):
        for fips in counties:
            try:
                document = pypdfium2.PdfDocument(county_brief(data, fips, level_layer, county_evidence()))
                try:
                    pages, text = len(document), document[0].get_textpage().get_text_range()
                finally:
                    document.close()
                name = data.counties_by_fips.loc[fips, "name"]
                if pages != 1 or name not in " ".join(text.split()):
                    problems[fips] = f"{pages} pages; names the county: {name in text}"
            except Exception:
                problems[fips] = traceback.format_exc()
    return problems


# --- The tests ---


def quiet_streamlit() -> None:
    """A worker's Streamlit logs errors only: its output is not captured, and every AppTest session state read from
    outside the script run warns that it has no script run context."""
    streamlit.logger.set_log_level("error")


@pytest.fixture(scope="session")
def workers() -> Iterator[ProcessPoolExecutor]:
    # Spawned, not forked: this process runs AppTest threads, and a fork copies none of them but all their locks.
    count = min(len(os.sched_getaffinity(0)), MAX_WORKERS)
    with ProcessPoolExecutor(count, mp_context=get_context("spawn"), initializer=quiet_streamlit) as pool:
        yield pool


@pytest.fixture
def report(request) -> Callable[[str], None]:
    """Writes a line to the terminal whether or not output is captured."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    terminal = request.config.pluginmanager.get_plugin("terminalreporter")

    def write(line: str) -> None:
        with capture.global_and_fixture_disabled():
            terminal.write_line(line)

    return write


def every_language(items: list) -> dict[str, list]:
    return {lang: items for lang in LANGUAGES}


def one_language_each(items: list) -> dict[str, list]:
    """The items shared out between the languages in turn: each language is drawn, each item once."""
    return {lang: items[index :: len(LANGUAGES)] for index, lang in enumerate(LANGUAGES)}


def in_workers(
    pool: ProcessPoolExecutor,
    work: Callable[[str, list], dict[str, str]],
    items_by_language: dict[str, list],
    chunk: int,
) -> dict[str, str]:
    """`work(lang, chunk of items)` for every language's items in chunks, spread over the workers; problems by
    'lang item'."""
    jobs = {
        pool.submit(work, lang, items[start : start + chunk]): lang
        for lang, items in items_by_language.items()
        for start in range(0, len(items), chunk)
    }
    return {f"{jobs[job]} {item}": problem for job in jobs for item, problem in job.result().items()}


def check(problems: dict[str, str], what: str) -> None:
    keys = ", ".join(list(problems)[:20]) + (", …" if len(problems) > 20 else "")
    shown = "\n\n".join(f"{key}: {problem}" for key, problem in list(problems.items())[:3])
    assert not problems, f"{len(problems)} {what} failed ({keys}); the first:\n{shown}"


def timed(
    report: Callable[[str], None],
    what: str,
    items_by_language: dict[str, list],
    run: Callable[[dict[str, list]], dict[str, str]],
) -> dict[str, str]:
    start = time.perf_counter()
    problems = run(items_by_language)
    counts = ", ".join(f"{len(items)} in {lang}" for lang, items in items_by_language.items())
    report(f"{what}: {counts}, in {time.perf_counter() - start:.0f} s, {len(problems)} failed")
    return problems


def most_populous_of_each(kinds: pd.Series, biggest_first: list[str]) -> set[str]:
    """The most populous county of each kind; `kinds` gives a county's kind by FIPS."""
    first: dict[str, str] = {}
    for fips in biggest_first:
        first.setdefault(kinds[fips], fips)
    return set(first.values())


def stratified_sample(data: CompiledData, layers: dict) -> list[str]:
    """Counties of every kind: every county with ICE detention (a county jail holding people for ICE, or another
    facility), the most populous county of every state and of every level, every county with governance rows of its
    own (the jail operators that differ from the state's), and the counties other tests single out."""
    detention = layers["ice_beds"].county_class
    biggest_first = list(data.counties.sort_values("population", ascending=False)["fips"])
    return sorted(
        set(detention[detention != "none_listed"].index)
        | most_populous_of_each(data.counties_by_fips["state_abbr"], biggest_first)
        | most_populous_of_each(layers["level"].county_class, biggest_first)
        | set(data.county_governance["county_fips"])
        | set(SPECIAL_COUNTIES)
    )


@pytest.fixture(scope="module")
def sample(data, layers) -> list[str]:
    return stratified_sample(data, layers)


def test_the_sample_has_every_kind_of_county(data, sample, report, layers):
    detention, levels = layers["ice_beds"].county_class, layers["level"].county_class
    assert set(detention[detention != "none_listed"].index) <= set(sample)
    assert set(data.counties_by_fips.loc[sample, "state_abbr"]) == set(data.counties["state_abbr"])
    assert set(levels[sample]) == set(levels)
    every_operator = set(data.state_governance["jail_operator"]) | set(
        data.county_governance.query("field == 'jail_operator'")["value"]
    )
    assert {county_governance(data, fips)["jail_operator"]["value"] for fips in sample} == every_operator
    assert len(sample) >= 150
    report(
        f"sample: {len(sample)} counties: {(detention[sample] == 'county_jail').sum()} whose county jail holds "
        f"people for ICE, {(detention[sample] == 'other_facility').sum()} with other ICE detention, and every "
        f"state, level and jail operator ({', '.join(sorted(every_operator))})"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_indicator_in_the_evidence_has_a_name_and_words(data, lang):
    with use_language(lang):
        evidence = CountyEvidence.assemble(data)
        rows = [row for fips in data.counties["fips"] for part in evidence.for_county(fips) for row in part]
        unregistered = {row.indicator for row in rows} - set(INDICATORS_BY_ID)
        assert not unregistered, f"indicators in the evidence that lib/registry.py does not declare: {unregistered}"
        assert all(evidence_value_words(row.indicator, row.value) for row in rows)


def test_every_county_page_renders_the_languages_in_turn(data, workers, report):
    counties = list(data.counties["fips"])
    problems = timed(
        report,
        "county pages (the page's sections)",
        one_language_each(counties),
        lambda items: in_workers(workers, render_county_sections, items, chunk=100),
    )
    check(problems, "county pages")


def test_every_brief_text_is_built_the_languages_in_turn(data, workers, report):
    counties = list(data.counties["fips"])
    problems = timed(
        report,
        "brief texts (every detail level)",
        one_language_each(counties),
        lambda items: in_workers(workers, build_brief_contents, items, chunk=200),
    )
    check(problems, "briefs")


def test_the_sample_renders_through_the_whole_app(sample, workers, report):
    problems = timed(
        report,
        "county pages of the sample (whole app)",
        every_language(sample),
        lambda items: in_workers(workers, render_county_pages, items, chunk=20),
    )
    check(problems, "county pages")


def test_the_samples_campaign_pages_render_the_languages_in_turn(sample, workers, report):
    problems = timed(
        report,
        "campaign pages of the sample (whole app)",
        one_language_each(sample),
        lambda items: in_workers(workers, render_campaign_pages, items, chunk=20),
    )
    check(problems, "campaign pages")


def test_the_sample_gets_one_page_pdf_briefs(sample, workers, report):
    """Each county's PDF in one language (the texts of every brief in both are built above): a PDF costs ten
    county pages."""
    problems = timed(
        report,
        "PDF briefs of the sample",
        one_language_each(sample),
        lambda items: in_workers(workers, draw_briefs, items, chunk=20),
    )
    check(problems, "briefs")


def test_the_map_renders_every_layer_and_state(data, workers, report):
    """Each view in one language: a state view differs from another only by its data, which no language changes."""
    views = [(layer, state) for layer in LAYER_TITLES for state in [None, *data.states["state_abbr"]]]
    problems = timed(
        report,
        "map views (every layer × every state and the whole country)",
        one_language_each(views),
        lambda items: in_workers(workers, render_map_views, items, chunk=20),
    )
    check(problems, "map views")


@pytest.mark.slow
def test_every_county_renders_through_the_whole_app(data, workers, report):
    counties = list(data.counties["fips"])
    problems = timed(
        report,
        "county pages (whole app)",
        every_language(counties),
        lambda items: in_workers(workers, render_county_pages, items, chunk=50),
    )
    check(problems, "county pages")


@pytest.mark.slow
def test_every_campaign_page_renders_through_the_whole_app(data, workers, report):
    counties = list(data.counties["fips"])
    problems = timed(
        report,
        "campaign pages (whole app)",
        every_language(counties),
        lambda items: in_workers(workers, render_campaign_pages, items, chunk=50),
    )
    check(problems, "campaign pages")


@pytest.mark.slow
def test_every_county_gets_a_one_page_pdf_brief(data, workers, report):
    counties = list(data.counties["fips"])
    problems = timed(
        report, "PDF briefs", every_language(counties), lambda items: in_workers(workers, draw_briefs, items, chunk=50)
    )
    check(problems, "briefs")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_county_that_cannot_be_shown_gets_a_plain_page_and_the_search(monkeypatch, lang):
    def broken(*args, **kwargs):
        raise RuntimeError("a section broke")

    monkeypatch.setattr(county_page_module, "money_section", broken)
    app = run_page(COUNTY_PAGE, fips="12011", lang=lang)
    assert not app.exception
    assert "Broward County" in app.title[0].value
    assert len(app.error) == 1 and "a section broke" not in app.error[0].value
    assert not app.tabs, "the part drawn before the error is gone"
    app.sidebar.text_input(key="county_search").input("Mesa, AZ").run()
    assert any("Maricopa County" in link.proto.label for link in app.sidebar.get("page_link"))
    # On a phone the sidebar is closed: the page links to the county search page too.
    (search_link,) = app.main.get("page_link")
    assert search_link.proto.page == COUNTY_URL_PATH and "fips" not in search_link.proto.query_string
