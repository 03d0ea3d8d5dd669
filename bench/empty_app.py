"""Streamlit's own floor for the benchmark: an app with one line of text (bench.browser.EMPTY_APP_TEXT)."""

import streamlit as st

st.write("Hello from an empty app.")
