"""The county search: one box on every page, in the sidebar, except on the county page without a county, which is a
search page of its own (the sidebar then leaves its box out)."""

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from lib import data as compiled
from lib import search as county_search
from lib.i18n import _
from lib.links import COUNTY_PAGE, COUNTY_URL_PATH
from lib.safetext import plain
from lib.ui.cache import data, search_index
from lib.ui.state import shared_params, view_in_link

SIDEBAR_SEARCH, PAGE_SEARCH = "county_search", "county_page_search"  # the boxes' keys
# A hit's label names the county it leads to at its end ("… → Maricopa County"): it wraps instead of being cut.
HITS_WRAP_CSS = """<style>
[class*="st-key-search_hits"] [data-testid="stPageLink-NavLink"] span {white-space: normal; overflow: visible;}
</style>"""
# On a phone the sidebar covers the page. Streamlit's own page list closes it after a pick there; a hit is a link in
# the sidebar too, but Streamlit 1.67 leaves the sidebar open after it, and remembers a sidebar the reader opened over
# st.set_page_config(initial_sidebar_state="collapsed") (streamlit/streamlit#12065). So a pick presses the sidebar's
# own close button, as a reader would, below Streamlit's phone width (its "md" breakpoint).
HIT_CLOSES_SIDEBAR_JS = """<script>
if (!window.searchHitClosesSidebar) {
  window.searchHitClosesSidebar = true;
  document.addEventListener("click", (event) => {
    const hit = event.target.closest('[data-testid="stSidebar"] [class*="st-key-search_hits"] a');
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (hit && close && window.innerWidth < 768) { close.click(); }
  });
}
</script>"""


def page_has_its_own_search(page: StreamlitPage) -> bool:
    """The county page without a (known) county in its link: the search is the page."""
    if page.url_path != COUNTY_URL_PATH:
        return False
    try:
        return view_in_link(data()).fips is None
    except compiled.DataFileError:
        return False  # the page explains the broken data, and searches nothing


def county_search_box(key: str = SIDEBAR_SEARCH) -> None:
    """A search field; its hits link to the county page."""
    query = st.text_input(
        _("Find a county, city or police department"),
        key=key,
        placeholder=_("e.g. Santa Clara, Mesa AZ, Harris County Sheriff"),
    )
    st.html(HITS_WRAP_CSS)
    if key == SIDEBAR_SEARCH:
        st.html(HIT_CLOSES_SIDEBAR_JS, unsafe_allow_javascript=True)
    if not query:
        return
    hits = county_search.search(search_index(), query)
    if not hits:
        st.caption(_("No county or agency matches that name. Try fewer letters, or add the state: 'Mesa, AZ'."))
    with st.container(key=f"search_hits_{key}"):
        for hit in hits:
            st.page_link(COUNTY_PAGE, label=plain(hit.label), query_params={"fips": hit.fips, **shared_params()})
