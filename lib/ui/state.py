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

SHARED_PARAMS = ("layer", "state", "lang", "mode", "tour")


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


# The map page on a laptop and a phone: the header, the controls, the map and its legend in the first screen. The
# map's frame takes the window's height less what sits above it (the map fills its frame: lib/mapview.py), and
# the lower 48 are fitted into it in the browser.
MAP_PAGE = '.stMain:has(iframe[title="streamlit_folium.st_folium"])'
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CONTROLS = 'div[data-testid="stHorizontalBlock"]:has(.st-key-layer)'  # the row of the map's menus and switches
MAP_PAGE_CSS = f"""<style>
{MAP_PAGE} .block-container {{padding-top: 3.75rem; padding-left: 2rem; padding-right: 2rem;}}
{MAP_PAGE} h2 {{font-size: 1.6rem; padding: 0 0 .25rem;}}
/* The quick jumps wrap in the legend's column rather than run out of it. */
{MAP_PAGE} [data-testid="stButtonGroup"] > div {{flex-wrap: wrap; row-gap: .25rem;}}
{MAP_FRAME} {{height: clamp(360px, calc(100vh - 200px), 1000px) !important;}}
/* A phone: the menus two by two and the switches side by side instead of one under another, a frame as tall as
   the lower 48 are at its width (about 0.54 of it, with a margin), and a legend of smaller type. */
@media (max-width: 640px) {{
  {MAP_PAGE} .block-container {{padding-left: 1rem; padding-right: 1rem;}}
  {MAP_PAGE} h2 {{font-size: 1.2rem;}}
  {CONTROLS} {{flex-wrap: wrap !important; gap: .5rem !important;}}
  {CONTROLS} > [data-testid="stColumn"]
    {{min-width: calc(50% - .25rem) !important; flex: 1 1 calc(50% - .25rem) !important;}}
  {CONTROLS} > [data-testid="stColumn"]:last-child {{flex-basis: 100% !important;}}
  {CONTROLS} > [data-testid="stColumn"]:last-child [data-testid="stVerticalBlock"]
    {{flex-direction: row; align-items: center; gap: 1.5rem;}}
  {MAP_FRAME} {{height: calc((100vw - 2rem) * 0.64) !important;}}
  {MAP_PAGE} .map-legend {{font-size: 14px;}}
}}
</style>"""

PRESENTER_CSS = f"""<style>
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"]
  {{display: none !important;}}
html, body, .stApp {{font-size: 20px; color: #000;}}
.block-container {{padding-top: 0.5rem; padding-bottom: 0; max-width: 100%;}}
div[data-testid="stVerticalBlock"] {{gap: 0.4rem;}}
h1, h2 {{font-size: 2.2rem !important;}}
/* Legend type a room can read: 28 px on a big screen (1920 x 1080), less where the legend's column is narrow. */
.map-legend {{font-size: 22px !important;}} .legend li {{margin: .15em 0 !important;}}
@media (min-width: 1600px) {{ .map-legend {{font-size: 28px !important;}} }}
/* The map takes the screen's height, less the controls above it. */
{MAP_FRAME} {{height: max(calc(100vh - 150px), 400px) !important;}}
</style>"""


def apply_display_mode() -> None:
    st.html(NO_RAW_TABLE_DOWNLOAD_CSS)
    st.html(PRESENTER_CSS if presenting() else MAP_PAGE_CSS)
