"""The sidebar of every page."""

from datetime import date

import streamlit as st

from lib import data as compiled
from lib.freshness import stale_sources
from lib.i18n import _
from lib.links import SOURCES_PAGE
from lib.safetext import fill, plain
from lib.sources import LIST_SOURCE_287G
from lib.ui.cache import data
from lib.ui.search import county_search_box
from lib.ui.state import language_control, shared_params


def sidebar(search: bool = True, today: date | None = None) -> None:
    """The language, the search (unless the page is a search of its own), the date of the data in one short line
    with a link to every source's date (Sources & method), and a warning where a source is likely stale."""
    with st.sidebar:
        language_control()
        try:
            sources = data().sources
        except compiled.DataFileError:
            return  # the page itself explains the broken data
        if search:
            county_search_box()
        list_date = next(source["as_of"] for source in sources if source["id"] == LIST_SOURCE_287G)
        st.caption(fill(_("Data as of {date} (ICE's 287(g) list)."), date=list_date))
        st.page_link(SOURCES_PAGE, label=_("Sources & method"), query_params=shared_params())
        for stale in stale_sources(sources, today or date.today()):
            st.warning(plain(stale.message))
