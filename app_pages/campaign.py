"""A county's campaign kit: meeting preparation, talking points, a model policy, the public-records request, a
monitoring tracker and the whole packet as a PDF. Without a county in its link, a pointer to the county search."""

import streamlit as st

from lib.i18n import _
from lib.links import COUNTY_PAGE
from lib.ui.cache import data_or_stop
from lib.ui.campaign.page import campaign_page
from lib.ui.state import current_view, shared_params

data = data_or_stop()
fips = current_view(data).fips  # a bad code gets a plain "Link problem" message that never repeats it
if fips is None:
    st.title(_("Campaign kit"))
    st.write(_("Each county's page links to its campaign kit. Find your county first:"))
    st.page_link(COUNTY_PAGE, label=_("Find a county"), icon=":material/search:", query_params=shared_params())
else:
    campaign_page(data, fips)
