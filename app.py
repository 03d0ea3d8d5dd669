"""Entry point: page setup, shared sidebar and the page list. Pages hold no logic of their own."""

import streamlit as st

from lib.i18n import _
from lib.links import CAMPAIGN_URL_PATH, CONTRIBUTE_URL_PATH, COUNTY_URL_PATH
from lib.ui.search import page_has_its_own_search
from lib.ui.sidebar import sidebar
from lib.ui.state import apply_display_mode, apply_language

apply_language()  # first: every text below is in the language of this run
st.set_page_config(page_title=_("ICE collaboration — county explorer"), page_icon="🗺️", layout="wide")

navigation = st.navigation(
    [
        st.Page("app_pages/map.py", title=_("Map"), default=True),
        st.Page("app_pages/county.py", title=_("County"), url_path=COUNTY_URL_PATH),
        st.Page("app_pages/campaign.py", title=_("Campaign kit"), url_path=CAMPAIGN_URL_PATH),
        st.Page("app_pages/contribute.py", title=_("Contribute"), url_path=CONTRIBUTE_URL_PATH),
        st.Page("app_pages/compare.py", title=_("Compare"), url_path="compare"),
        st.Page("app_pages/changes.py", title=_("What changed"), url_path="changes"),
        st.Page("app_pages/sources.py", title=_("Sources & method"), url_path="sources"),
    ]
)
apply_display_mode()
sidebar(search=not page_has_its_own_search(navigation))  # one search box on every page
navigation.run()
