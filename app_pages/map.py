"""The national map: counties colored by the selected layer; a click opens the county page.
The layer, state and mode live in the URL, so a link reproduces the view."""

import streamlit as st
from streamlit_folium import st_folium

from lib import ui
from lib.i18n import _
from lib.mapview import MAP_HEIGHT, NO_SHAPE_NOTE, legend_html
from lib.safetext import plain

data = ui.data_or_stop()
# Every optional element sits in its own container, so the map keeps its place in the page: a map that moved
# would be mounted again from scratch (all its shapes resent) instead of recolored.
with st.container():
    view = ui.current_view(data)
with st.container():
    if not ui.presenting():
        st.header(_("Local collaboration with ICE, county by county"))
layer_id, reviewed_only, state = ui.map_controls(data, view)
with st.container():
    list_date = ui.history_control(layer_id)
layer = ui.layer_287g_on(list_date) if list_date else ui.layer(layer_id, reviewed_only)
with st.container():
    map_view = ui.map_position(data, state)

map_column, legend_column = st.columns([5, 2] if ui.presenting() else [3, 1])
with map_column:
    height = MAP_HEIGHT["present" if ui.presenting() else "explore"]
    clicked = st_folium(ui.county_map(), key="county_map", height=height, use_container_width=True,
                        feature_group_to_add=ui.county_colors(layer, map_view),
                        returned_objects=["last_active_drawing"], **ui.view_arguments(map_view))
with legend_column:
    st.html(legend_html(layer))
    st.caption(plain(_(NO_SHAPE_NOTE)))
    if not ui.presenting():
        ui.county_search_box()

ui.open_clicked_county(clicked)
if state:
    ui.state_panel(data, state, layer)
elif not ui.presenting():
    ui.map_as_table(data, layer)
if not ui.presenting():
    ui.map_downloads(data, layer, reviewed_only)
ui.share_box(data, page="map")
