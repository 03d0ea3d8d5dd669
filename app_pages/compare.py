"""Compare two to four counties side by side; neighbours and same-state peers are suggested."""

import streamlit as st

from lib.compare import MAX_COUNTIES, comparison_table, neighbours, same_state_peers
from lib.i18n import _
from lib.registry import LEVEL_LAYER
from lib.safetext import fill
from lib.ui.cache import data_or_stop, layer, profile_of
from lib.ui.comparewidgets import county_picker, suggestion_links

data = data_or_stop()
st.title(_("Compare counties"))
chosen = county_picker(data, MAX_COUNTIES)
if not chosen:
    st.info(_("Pick two to four counties (type to search)."))
    st.stop()

profiles = [profile_of(fips) for fips in chosen]
st.dataframe(comparison_table(profiles), width="stretch")
st.caption(
    _(
        "Each value keeps its basis and date; details and sources are on each county page. "
        "Recommendations are not legal advice."
    )
)

first = chosen[0]
levels = layer(LEVEL_LAYER).county_class
st.subheader(fill(_("Suggestions for {county}"), county=profiles[0]["name"]))
suggestion_links(_("Neighbours"), neighbours(data, first), chosen)
suggestion_links(_("Same state, same level"), same_state_peers(data, first, levels), chosen)
