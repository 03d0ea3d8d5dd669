"""Entry point: page setup, shared sidebar and the page list. Pages hold no logic of their own."""

import streamlit as st

from lib import ui

st.set_page_config(page_title="ICE collaboration — county explorer", page_icon="🗺️", layout="wide")

navigation = st.navigation(
    [
        st.Page("app_pages/map.py", title="Map", default=True),
        st.Page("app_pages/county.py", title="County", url_path="county"),
        st.Page("app_pages/compare.py", title="Compare", url_path="compare"),
        st.Page("app_pages/changes.py", title="What changed", url_path="changes"),
        st.Page("app_pages/sources.py", title="Sources & method", url_path="sources"),
    ]
)
ui.apply_display_mode()
ui.sidebar()
navigation.run()
