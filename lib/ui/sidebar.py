"""The sidebar of every page."""

from datetime import date

import streamlit as st

from lib import data as compiled
from lib.dataversion import CITED_SOURCES
from lib.freshness import stale_sources
from lib.i18n import _
from lib.safetext import fill, plain
from lib.ui.cache import data
from lib.ui.search import county_search_box
from lib.ui.state import language_control


def sidebar(search: bool = True, today: date | None = None) -> None:
    """The language, the search (unless the page is a search of its own), and the dates of the data every page draws
    on, with a warning where a source is likely stale."""
    with st.sidebar:
        language_control()
        try:
            sources = data().sources
        except compiled.DataFileError:
            return  # the page itself explains the broken data
        if search:
            county_search_box()
        dates = "; ".join(f"{s['title']}: {s['as_of']}" for s in sources if s["id"] in CITED_SOURCES)
        st.caption(fill(_("Data as of: {dates}. See *Sources & method*."), dates=dates))
        for stale in stale_sources(sources, today or date.today()):
            st.warning(plain(stale.message))
