"""Presenter mode as a presentation tool, beside the map: a search that focuses a county, the focus card, the tour's
steps (?tour=06085,48201,…) and the keys a presentation clicker sends. The focused county lives in the URL's `fips`,
so a link opens the presenter on it."""

import html
from string import Template

import streamlit as st

from lib import data as compiled
from lib import search as county_search
from lib.i18n import _
from lib.params import ViewParams
from lib.presenter import TourPosition, card_html, focus_card
from lib.safetext import plain
from lib.ui.cache import county_evidence, profile_of, search_index
from lib.ui.state import presenting, set_param

SEARCH_KEY = "presenter_search"
PANEL_KEY = "presenter_panel"  # the keys below act only while this panel is on the page
NEXT_KEY, PREVIOUS_KEY, BACK_KEY = "presenter_next", "presenter_previous", "presenter_back"
SEARCH_HITS = 6
# The map's share of the width beside the presenter's panel: the card takes more room than the legend.
COLUMNS = {"overview": [5, 2], "focus": [3, 2]}

# The page's half of the keys (the map's own document forwards its keys here: lib/presenter.py). A key acts by
# pressing the panel's own buttons, so a key and a click do the same thing; nothing acts while a person types in a
# field, or with a modifier held (the browser's and Streamlit's own shortcuts).
KEYS_JS = Template("""<script>
if (!window.presenterKey) {
  const panel = () => document.querySelector(".st-key-$panel");
  const press = (key) => {
    const button = document.querySelector(".st-key-" + key + " button");
    if (button && !button.disabled) { button.click(); }
    return !!button;
  };
  const typing = (element) => !!element && (element.isContentEditable
      || element.tagName === "TEXTAREA" || element.tagName === "SELECT"
      || (element.tagName === "INPUT" && !["checkbox", "radio", "button"].includes(element.type)));
  const keyList = () => document.querySelector(".presenter-keys");
  window.presenterKey = function (event) {
    if (!panel() || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return false; }
    const onTour = !!document.querySelector(".st-key-$next");
    switch (event.key) {
      case "PageDown": case "ArrowRight": return onTour && press("$next");
      case "PageUp": case "ArrowLeft": return onTour && press("$previous");
      case "Escape":
        if (keyList() && keyList().classList.contains("open")) { keyList().classList.remove("open"); return true; }
        return press("$back");
      case "/": {
        const field = document.querySelector(".st-key-$search input");
        if (field) { field.focus(); }
        return !!field;
      }
      case "?":
        if (keyList()) { keyList().classList.toggle("open"); }
        return !!keyList();
    }
    return false;
  };
  document.addEventListener("keydown", (event) => {
    if (window.presenterKey(event)) { event.preventDefault(); event.stopPropagation(); }
  }, true);
}
</script>""").substitute(panel=PANEL_KEY, next=NEXT_KEY, previous=PREVIOUS_KEY, back=BACK_KEY, search=SEARCH_KEY)
KEY_LIST_CSS = """<style>
.presenter-keys {display: none; position: fixed; z-index: 1000; left: 2vw; bottom: 2vh; max-width: 45vw;
  background: #fff; color: #000; border: 3px solid #222; border-radius: .4em; padding: .6em 1em;
  font: clamp(18px, 1.4vw, 34px)/1.35 sans-serif; box-shadow: 0 .3em 1em rgba(0,0,0,.35);}
.presenter-keys.open {display: block;}
.presenter-keys dl {display: grid; grid-template-columns: auto 1fr; gap: .2em 1em; margin: .3em 0 0;}
.presenter-keys dt {font-weight: 700; white-space: nowrap;} .presenter-keys dd {margin: 0;}
.presenter-keys kbd {font: inherit; border: 1px solid #444; border-radius: .2em; padding: 0 .25em;}
</style>"""
# On the county page, presenter mode's type is as large as on the map's card: 28 px and more on a 1920-pixel screen.
COUNTY_PAGE_CSS = """<style>
.stMain .block-container {font-size: clamp(20px, 1.5vw, 36px);}
.stMain .block-container p, .stMain .block-container li, .stMain .block-container td,
.stMain .block-container [data-testid="stCaptionContainer"], .stMain .block-container button p,
.stMain .block-container [data-testid="stMarkdownContainer"] {font-size: clamp(20px, 1.5vw, 36px) !important;}
.stMain .block-container h1 {font-size: clamp(32px, 2.6vw, 60px) !important;}
.stMain .block-container h2, .stMain .block-container h3 {font-size: clamp(26px, 2vw, 48px) !important;}
</style>"""


def focused_county(view: ViewParams) -> str | None:
    """The county the presenter focuses on (validated with the link); None for the overview, and outside presenter
    mode, where the map page has no focus."""
    return view.fips if presenting() else None


def columns_for(focus: str | None) -> list[int]:
    return COLUMNS["focus" if focus else "overview"]


def _focus_on(fips: str | None) -> None:
    """A button's action: focus a county (None: back to the overview map) and empty the search."""
    set_param("fips", fips)
    st.session_state[SEARCH_KEY] = ""


def presenter_panel(data: compiled.CompiledData, view: ViewParams, focus: str | None) -> None:
    """Beside the map in presenter mode: the search, the tour's steps, the focused county's card, the keys."""
    with st.container(key=PANEL_KEY):
        _search()
        if view.tour:
            _tour_steps(TourPosition(view.tour, focus))
        if focus:
            st.html(card_html(focus_card(profile_of(focus), county_evidence().classify(focus))))
            st.button(_("Back to the map (Esc)"), key=BACK_KEY, on_click=_focus_on, args=(None,))
        st.caption(_("Press ? for the keys."))
        _keys()


def _search() -> None:
    query = st.text_input(
        _("Focus on a county"),
        key=SEARCH_KEY,
        placeholder=_("e.g. Santa Clara, Mesa AZ, Harris County Sheriff"),
        help=_("Press / to search from anywhere on the page."),
    )
    if not query:
        return
    hits = county_search.search(search_index(), query, limit=SEARCH_HITS)
    if not hits:
        st.caption(_("No county or agency matches that name. Try fewer letters, or add the state: 'Mesa, AZ'."))
    for number, hit in enumerate(hits):
        st.button(plain(hit.label), key=f"presenter_hit_{number}", on_click=_focus_on, args=(hit.fips,))


def _tour_steps(position: TourPosition) -> None:
    previous, progress, following = st.columns([2, 1, 2], vertical_alignment="center")
    previous.button(
        _("← Previous"),
        key=PREVIOUS_KEY,
        disabled=not position.can_go_back,
        on_click=_focus_on,
        args=(position.previous_stop,),
        width="stretch",
    )
    progress.markdown(plain(position.progress() or _("Tour")))
    following.button(
        _("Next →"),
        key=NEXT_KEY,
        disabled=position.next_stop is None,
        on_click=_focus_on,
        args=(position.next_stop,),
        width="stretch",
        type="primary",
    )


def _keys() -> None:
    """The list of keys (shown and hidden by ?) and the script that listens for them."""
    keys = [
        ("PageDown", "→", _("next county of the tour")),
        ("PageUp", "←", _("previous county; from the first, the whole map")),
        ("Esc", None, _("back to the map")),
        ("/", None, _("search for a county")),
        ("?", None, _("show or hide this list")),
    ]
    either = html.escape(_("or"))
    rows = "".join(
        f"<dt><kbd>{html.escape(key)}</kbd>"
        + (f" {either} <kbd>{html.escape(other)}</kbd>" if other else "")
        + f"</dt><dd>{html.escape(what)}</dd>"
        for key, other, what in keys
    )
    heading = html.escape(_("Presenter keys (a presentation clicker sends PageDown and PageUp)"))
    st.html(
        f'{KEY_LIST_CSS}<div class="presenter-keys" role="dialog" aria-label="{heading}"><strong>{heading}</strong>'
        f"<dl>{rows}</dl></div>"
    )
    st.html(KEYS_JS, unsafe_allow_javascript=True)


def county_page_type() -> None:
    """Large type on the county page in presenter mode."""
    st.html(COUNTY_PAGE_CSS)
