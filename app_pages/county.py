"""A county page: its level and why, then who decides, where the money flows and what to ask for."""

import streamlit as st

from lib.i18n import _
from lib.ui.cache import data_or_stop
from lib.ui.county.page import county_page
from lib.ui.search import county_search_box
from lib.ui.state import current_view

data = data_or_stop()
fips = current_view(data).fips  # a bad code gets a plain "Link problem" message that never repeats it
if fips is None:
    st.title(_("County"))
    county_search_box("county_page_search")
    st.stop()

county_page(data, fips)
