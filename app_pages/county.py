"""A county page: its level and why, then who decides, where the money flows and what to ask for. Without a county
in its link (the page list's "County"), a search for one."""

import streamlit as st

from lib.i18n import _
from lib.ui.cache import data_or_stop
from lib.ui.county.page import county_page
from lib.ui.presenter import county_page_type
from lib.ui.search import PAGE_SEARCH, county_search_box
from lib.ui.state import current_view, presenting

data = data_or_stop()
if presenting():
    county_page_type()
fips = current_view(data).fips  # a bad code gets a plain "Link problem" message that never repeats it
if fips is None:
    st.title(_("Find a county"))
    st.write(
        _(
            "Look up a county, or a city or police department in it, to see how far its jail works with ICE and "
            "the evidence behind it."
        )
    )
    county_search_box(PAGE_SEARCH)
else:
    county_page(data, fips)
