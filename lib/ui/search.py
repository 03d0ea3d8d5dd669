"""The county search box of the sidebar, the map and the county page."""

import streamlit as st

from lib import search as county_search
from lib.i18n import _
from lib.links import COUNTY_PAGE
from lib.safetext import plain
from lib.ui.cache import search_index
from lib.ui.state import shared_params


def county_search_box(key: str = "county_search") -> None:
    """A search field; hits link to the county page."""
    query = st.text_input(_("Find a county, city or police department"), key=key,
                          placeholder=_("e.g. Santa Clara, Mesa AZ, Harris County Sheriff"))
    if not query:
        return
    hits = county_search.search(search_index(), query)
    if not hits:
        st.caption(_("No county or agency matches that name. Try fewer letters, or add the state: 'Mesa, AZ'."))
    for hit in hits:
        st.page_link(COUNTY_PAGE, label=plain(hit.label), query_params={"fips": hit.fips, **shared_params()})
