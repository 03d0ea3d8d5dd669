"""A county page: profile, 287(g) agreements with their sources, and statewide agreements."""

import pandas as pd
import streamlit as st

from lib import ui
from lib.profile import UnknownCounty, county_profile, parse_fips

data = ui.data_or_stop()
try:
    fips = parse_fips(st.query_params.get("fips"), data)
except UnknownCounty as problem:
    st.title("County")
    st.warning(f"{problem}. Search for a county instead:")
    ui.county_search_box("county_page_search")
    st.stop()

profile = county_profile(data, fips)
layer = ui.layer("287g")
class_ = next(c for c in layer.classes if c.id == profile["class_287g"])

st.title(f"{profile['name']}, {profile['state']}")
st.caption(f"FIPS {fips} · population {profile['population']['value']:,} "
           f"({profile['population']['as_of']}) · ICE field office {profile['ice_field_office'] or 'unknown'}")
st.page_link(ui.MAP_PAGE, label="← Back to the map")

st.html(ui.class_badge(class_))
ui.agreements_table("287(g) agreements of agencies in this county", profile["agreements_287g"],
                    empty="ICE's lists name no agency in this county.")
ui.agreements_table(f"Statewide agencies in {profile['state']} with 287(g) agreements",
                    profile["statewide_agreements_287g"], empty="None on ICE's lists.")
