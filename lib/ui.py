"""The one module that talks to Streamlit outside pages/: cached data, shared sidebar and small shared widgets."""

import html

import pandas as pd
import streamlit as st

from lib import data as compiled
from lib import search as county_search
from lib.layers import LAYERS, Layer
from lib.mapview import build_base_map, layer_style

COUNTY_PAGE = "pages/county.py"
MAP_PAGE = "pages/map.py"


@st.cache_resource(show_spinner=False)
def data() -> compiled.CompiledData:
    return compiled.load()


def data_or_stop() -> compiled.CompiledData:
    """The compiled data, or an error page that names the broken file and the command that fixes it."""
    try:
        return data()
    except compiled.DataFileError as error:
        st.error(f"The app's data could not be loaded. {error}")
        st.stop()


@st.cache_resource(show_spinner=False)
def layer(layer_id: str) -> Layer:
    return LAYERS[layer_id](data())


@st.cache_resource(show_spinner=False)
def search_index() -> pd.DataFrame:
    return county_search.build_index(data())


def county_map():
    # Built anew on every run: st_folium renames the elements of the map it is given, so a cached map
    # object renders broken JavaScript the second time.
    return build_base_map(data())


def county_colors(layer_id: str):
    return layer_style(layer(layer_id))


def county_search_box(key: str = "county_search") -> None:
    """A search field; hits link to the county page."""
    query = st.text_input("Find a county, city or police department", key=key,
                          placeholder="e.g. Santa Clara, Mesa AZ, Harris County Sheriff")
    if not query:
        return
    hits = county_search.search(search_index(), query)
    if not hits:
        st.caption("No county or agency matches that name. Try fewer letters, or add the state: 'Mesa, AZ'.")
    for hit in hits:
        st.page_link(COUNTY_PAGE, label=hit.label, query_params={"fips": hit.fips})


def sidebar() -> None:
    with st.sidebar:
        county_search_box("sidebar_search")
        st.caption("Data from public sources: ICE's 287(g) lists, FBI agency list, Census boundaries. "
                   "See *Sources & method* for dates and caveats.")


def class_badge(legend_class) -> str:
    return (f'<div style="display:flex;gap:.6em;align-items:center;font-size:1.1rem">'
            f'<span style="width:1.6em;height:1.1em;background:{legend_class.color};border:1px solid #444"></span>'
            f"<strong>{html.escape(legend_class.label)}</strong> — {html.escape(legend_class.description)}</div>")


def agreements_table(title: str, agreements: list[dict], empty: str) -> None:
    st.subheader(title)
    if not agreements:
        st.write(empty)
        return
    table = pd.DataFrame(agreements)[["agency", "agency_type_label", "model_label", "status", "signed",
                                      "source_date", "source", "moa_url"]]
    st.dataframe(
        table,
        column_config={
            "agency_type_label": "agency type", "model_label": "model", "signed": "signed",
            "source_date": "ICE sheet of", "source": "source file",
            "moa_url": st.column_config.LinkColumn("agreement (MOA)", display_text="MOA"),
        },
        hide_index=True, use_container_width=True,
    )
