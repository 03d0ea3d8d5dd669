"""The national map: counties colored by the selected layer; a click opens the county page.
The layer, state, mode, list date and reviewed-only switch live in the URL, so a link reproduces the view."""

import streamlit as st
from streamlit_folium import st_folium

from lib.i18n import _
from lib.mapview import MAP_HEIGHT, NO_SHAPE_NOTE
from lib.presenter import focus_layer
from lib.safetext import plain
from lib.ui.cache import data_or_stop, layer, layer_287g_on
from lib.ui.mapwidgets import (
    about_the_colors,
    county_colors,
    county_map,
    history_control,
    legend,
    map_as_table,
    map_controls,
    map_region,
    open_clicked_county,
    state_panel,
)
from lib.ui.presenter import columns_for, focused_county, presenter_panel
from lib.ui.share import map_downloads, share_box
from lib.ui.state import current_view, presenting

data = data_or_stop()
# Every optional element sits in its own container, so the map keeps its place in the page: a map that moved
# would be mounted again from scratch (all its shapes resent) instead of recolored.
with st.container():
    view = current_view(data)
focus = focused_county(view)
with st.container():
    if not presenting():
        st.header(_("Local collaboration with ICE, county by county"))
layer_id, reviewed_only, state = map_controls(data, view)

# Beside the map (under it on a phone): the presenter's panel, the legend (unless a county is in focus: its card
# names the county's level and color), then the 287(g) list's time slider, the quick jumps and what the colors
# rest on. Nothing optional sits above the map, so switching layers never moves it.
map_column, side_column = st.columns(columns_for(focus) if presenting() else [8, 5])
legend_place = side_column.container()
with side_column:
    list_date = history_control(layer_id, view)
    region = map_region(data, state)
shown = layer_287g_on(list_date) if list_date else layer(layer_id, reviewed_only)
with legend_place:
    if presenting():
        presenter_panel(data, view, focus)
    if not focus:
        legend(data, shown, state)
with side_column:
    about_the_colors(shown)
    st.caption(plain(_(NO_SHAPE_NOTE)))
with map_column:
    clicked = st_folium(
        county_map(),
        key="county_map",
        height=MAP_HEIGHT,
        use_container_width=True,
        feature_group_to_add=[county_colors(shown, region), *([focus_layer(focus)] if presenting() else [])],
        returned_objects=["last_active_drawing"],
    )

open_clicked_county(clicked)
if state:
    state_panel(data, state, shown)
elif not presenting():
    map_as_table(data, shown)
if not presenting():
    map_downloads(data, shown, reviewed_only)
share_box(data, page="map")
