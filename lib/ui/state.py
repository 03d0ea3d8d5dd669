"""The state of a run that lives in the URL: the view (layer, state, language, mode, the map's list date and
reviewed-only switch, and the county on the county page), the language of the run, and presenter mode with the
page styles that go with it."""

import streamlit as st

from lib import data as compiled
from lib import i18n
from lib.history import snapshot_dates
from lib.i18n import _
from lib.params import ViewParams, parse_view
from lib.registry import LAYER_TITLES
from lib.safetext import fill

SHARED_PARAMS = ("layer", "state", "lang", "mode")


def view_in_link(data: compiled.CompiledData) -> ViewParams:
    """The validated view from the URL, without a word about what was wrong with it."""
    query = {name: st.query_params.get_all(name) for name in st.query_params}
    return parse_view(query, data.known_fips, LAYER_TITLES, set(snapshot_dates(data.snapshot_counts)))


def current_view(data: compiled.CompiledData) -> ViewParams:
    """The validated view from the URL; a bad value is dropped from the URL with a visible, plain message that names
    the parameter and never shows the value (lib/params.py)."""
    view = view_in_link(data)
    for problem in view.problems:
        st.warning(fill(_("Link problem: {problem}"), problem=problem))
    for name in view.rejected:  # so links to other pages and the citation box carry only what was kept
        set_param(name, view.link_value(name))
    return view


def shared_params() -> dict[str, str]:
    """The view parameters a link to another page keeps."""
    return {name: st.query_params[name] for name in SHARED_PARAMS if name in st.query_params}


def set_param(name: str, value: str | None, default: str | None = None) -> None:
    """Writes a view parameter into the URL; None or the default value leaves it out, so a link stays short."""
    if value is None or value == default:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def chosen_language() -> str:
    """The language of this run: the sidebar switch when it exists (current on this very run), else the URL's
    `lang`, else English."""
    from_switch = st.session_state.get("lang")
    if from_switch in i18n.LANGUAGES:
        return from_switch
    from_url = st.query_params.get("lang")
    return from_url if from_url in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE


def apply_language() -> None:
    """Sets the language of this run; the app calls it before anything is shown."""
    i18n.set_language(chosen_language())


def language_control() -> None:
    """The language switch (top of the sidebar), written back into the URL so a link keeps the language."""
    chosen = st.segmented_control(
        _("Language · Idioma"),
        list(i18n.LANGUAGES),
        default=i18n.language(),
        required=True,
        format_func=lambda code: i18n.LANGUAGES[code],
        key="lang",
    )
    set_param("lang", chosen or i18n.language(), i18n.SOURCE_LANGUAGE)
    if i18n.language() != i18n.SOURCE_LANGUAGE:
        st.caption(_("Names, titles and notes copied from our sources stay in the language of the source (English)."))


def presenting() -> bool:
    """Presenter mode, from the map's switch when it is on screen (current on this very run), else from the URL."""
    if "presenting" in st.session_state:
        return bool(st.session_state["presenting"])
    return st.query_params.get("mode") == "present"


# Streamlit's own "Download as CSV" on every table writes cells as they are, a formula such as =HYPERLINK(…) in an
# agency name included, and 1.67 has no switch for it (streamlit/streamlit#8402): the app's own CSV buttons, which
# neutralise formulas (lib/exports.py), are the downloads offered.
NO_RAW_TABLE_DOWNLOAD_CSS = """<style>
[data-testid="stElementToolbar"] button[aria-label="Download as CSV"] {display: none !important;}
</style>"""


PRESENTER_CSS = """<style>
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"]
  {display: none !important;}
html, body, .stApp {font-size: 20px; color: #000;}
.block-container {padding-top: 0.5rem; padding-bottom: 0; max-width: 100%;}
div[data-testid="stVerticalBlock"] {gap: 0.4rem;}
h1, h2 {font-size: 2.2rem !important;}
.legend {font-size: 17px !important;} .legend li {margin: .15em 0 !important;}
/* The map takes the screen's height, less the controls above it (the map fills its frame: lib/mapview.py). */
iframe[title="streamlit_folium.st_folium"] {height: max(calc(100vh - 190px), 400px) !important;}
.stMain:has(div[data-testid="stSlider"]) iframe[title="streamlit_folium.st_folium"]
  {height: max(calc(100vh - 320px), 400px) !important;}  /* the 287(g) layer's list slider takes room above */
</style>"""


def apply_display_mode() -> None:
    st.html(NO_RAW_TABLE_DOWNLOAD_CSS)
    if presenting():
        st.html(PRESENTER_CSS)
