"""The naive baseline for the benchmark: what a user following the folium and streamlit-folium docs writes.

The full us-atlas counties are read with geopandas, sent as GeoJSON in a folium.Choropleth colored by a value
column, and shown with st_folium's defaults. Three changes let it draw offline, as the app does, and nothing else
is tuned:
- Leaflet comes from the app's own copy in static/vendor instead of CDNs (and folium's other CDN assets, jQuery,
  Bootstrap and fonts, are dropped, as lib/mapview.py drops them);
- no tile layer (the app has none either);
- the Choropleth's legend is left out: it is a branca colormap, for which st_folium adds d3 from two CDNs.

Streamlit serves static/ from the main script's folder, so the benchmark runs a copy of this file placed next to
a link to the project's static/ (bench.run.baseline_script)."""

import folium
import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from lib.paths import default_raw_dir

COUNTIES = default_raw_dir() / "geo" / "us-atlas-3.0.1_counties-10m.topojson.json"
LOCAL_LEAFLET_JS = [("leaflet", "/app/static/vendor/leaflet/leaflet.js")]
LOCAL_LEAFLET_CSS = [("leaflet_css", "/app/static/vendor/leaflet/leaflet.css")]


@st.cache_data
def load_counties() -> gpd.GeoDataFrame:
    counties = gpd.read_file(COUNTIES, layer="counties")
    # A made-up value to color by, fixed per county (the docs' examples color by a column of the user's data).
    counties["value"] = counties["id"].astype(int) % 7
    return counties


def drop_cdn_assets(element) -> None:
    if hasattr(element, "default_js"):
        element.default_js = []
        element.default_css = []
    for child in element._children.values():
        drop_cdn_assets(child)


counties = load_counties()
fmap = folium.Map(location=(38.5, -96.0), zoom_start=4, tiles=None)
choropleth = folium.Choropleth(
    geo_data=counties.to_json(),
    data=counties,
    columns=["id", "value"],
    key_on="feature.properties.id",
    fill_color="YlOrRd",
    name="Counties",
    legend_name="Value",
)
del choropleth._children[choropleth.color_scale.get_name()]  # the legend: see the module docstring
choropleth.color_scale = None
choropleth.add_to(fmap)
drop_cdn_assets(fmap)
fmap.default_js = LOCAL_LEAFLET_JS
fmap.default_css = LOCAL_LEAFLET_CSS

st.title("US counties")
st_folium(fmap)
