"""A county page: its level and why, then who decides, where the money flows and what to ask for."""

import streamlit as st

from lib import ui
from lib.i18n import _

data = ui.data_or_stop()
fips = ui.current_view(data).fips  # a bad code gets a plain "Link problem" message that never repeats it
if fips is None:
    st.title(_("County"))
    ui.county_search_box("county_page_search")
    st.stop()

ui.county_page(data, fips)
