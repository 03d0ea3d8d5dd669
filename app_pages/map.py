"""The national map: counties colored by the selected layer; a click opens the county page.
The layer, state and mode live in the URL, so a link reproduces the view."""

import streamlit as st
from streamlit_folium import st_folium

from lib.i18n import _
from lib.mapview import MAP_HEIGHT, NO_SHAPE_NOTE
from lib.safetext import plain
from lib.ui.cache import data_or_stop, layer, layer_287g_on
from lib.ui.mapwidgets import (
    county_colors,
    county_map,
    history_control,
    legend,
    map_as_table,
    map_controls,
    map_position,
    open_clicked_county,
    state_panel,
    view_arguments,
)
from lib.ui.share import map_downloads, share_box
from lib.ui.state import current_view, presenting

data = data_or_stop()
# Every optional element sits in its own container, so the map keeps its place in the page: a map that moved
# would be mounted again from scratch (all its shapes resent) instead of recolored.
with st.container():
    view = current_view(data)
with st.container():
    if not presenting():
        st.header(_("Local collaboration with ICE, county by county"))
layer_id, reviewed_only, state = map_controls(data, view)
with st.container():
    list_date = history_control(layer_id, view)
shown = layer_287g_on(list_date) if list_date else layer(layer_id, reviewed_only)
with st.container():
    map_view = map_position(data, state)

map_column, legend_column = st.columns([5, 2] if presenting() else [3, 1])
with map_column:
    height = MAP_HEIGHT["present" if presenting() else "explore"]
    clicked = st_folium(
        county_map(),
        key="county_map",
        height=height,
        use_container_width=True,
        feature_group_to_add=county_colors(shown, map_view),
        returned_objects=["last_active_drawing"],
        **view_arguments(map_view),
    )
with legend_column:
    legend(data, shown, state)
    st.caption(plain(_(NO_SHAPE_NOTE)))

open_clicked_county(clicked)
if state:
    state_panel(data, state, shown)
elif not presenting():
    map_as_table(data, shown)
if not presenting():
    map_downloads(data, shown, reviewed_only)
share_box(data, page="map")
