"""The national map: counties colored by the selected layer; a click opens the county page."""

import streamlit as st
from streamlit_folium import st_folium

from lib import ui
from lib.maplayers import LAYER_TITLES
from lib.mapview import NO_SHAPE_NOTE, QUICK_VIEWS, legend_html

data = ui.data_or_stop()

st.header("Local collaboration with ICE, county by county")
controls = st.columns([2, 2, 3])
layer_id = controls[0].selectbox("Color the map by", list(LAYER_TITLES), format_func=LAYER_TITLES.get,
                                 key="layer")
reviewed_only = controls[1].toggle("Reviewed evidence only", key="reviewed_only",
                                   help="Leave out evidence nobody has checked yet (the state-law and "
                                        "local-policy drafts). Counties that rest on it become unknown.")
layer = ui.layer(layer_id, reviewed_only)
controls[2].caption(ui.layer_caption(layer))

view = st.session_state.setdefault("map_view", QUICK_VIEWS["Lower 48"])
jump_columns = st.columns(len(QUICK_VIEWS) + 2)
for column, (label, target) in zip(jump_columns, QUICK_VIEWS.items()):
    if column.button(label, key=f"jump_{label}", width="stretch"):
        st.session_state["map_view"] = view = target

map_column, legend_column = st.columns([3, 1])
with map_column:
    clicked = st_folium(ui.county_map(), key="county_map", height=620, use_container_width=True,
                        feature_group_to_add=ui.county_colors(layer_id, reviewed_only),
                        returned_objects=["last_active_drawing"], center=view["center"], zoom=view["zoom"])
with legend_column:
    st.html(legend_html(layer))
    st.caption(NO_SHAPE_NOTE)
    ui.county_search_box()

feature = (clicked or {}).get("last_active_drawing") or {}
fips = (feature.get("properties") or {}).get("fips")
if fips:
    st.switch_page(ui.COUNTY_PAGE, query_params={"fips": fips})
