"""A county page: its level and why, then who decides, where the money flows and what to ask for."""

import streamlit as st

from lib import ui
from lib.i18n import _
from lib.profile import UnknownCounty, county_profile, parse_fips

data = ui.data_or_stop()
try:
    fips = parse_fips(st.query_params.get("fips"), data)
except UnknownCounty as problem:
    st.title(_("County"))
    st.warning(_("{problem}. Search for a county instead:").format(problem=problem))
    ui.county_search_box("county_page_search")
    st.stop()

profile = county_profile(data, fips, ui.county_evidence())
level = ui.layer("level").legend_class(profile["level"])

county_name = f"{profile['name']}, {profile['state']}"
st.title(county_name)
st.caption(ui.county_facts_line(fips, profile))
st.page_link(ui.MAP_PAGE, label=_("← Back to the map"), query_params=ui.shared_params())
st.html(ui.class_badge(level, draft=profile["rests_on_draft_evidence"]))
ui.brief_downloads(data, fips)

evidence_tab, authority_tab, money_tab, history_tab, asks_tab = st.tabs(
    [_("Why this color"), _("Who decides"), _("Money"), _("History"), _("What to ask for (recommendations)")])
with evidence_tab:
    st.write(profile["why"])
    ui.indicator_summary(profile["indicators"])
    ui.evidence_table(profile["evidence"])
    ui.agreements_table(_("287(g) agreements of agencies in this county"), profile["agreements_287g"],
                        empty=_("ICE's lists name no agency in this county."))
    ui.agreements_table(_("Statewide agencies in {state} with 287(g) agreements").format(state=profile["state"]),
                        profile["statewide_agreements_287g"], empty=_("None on ICE's lists."))
    ui.state_law_table(profile["state"], profile["state_laws"])
with authority_tab:
    ui.authority_section(data, fips, profile)
with money_tab:
    ui.money_section(profile)
with history_tab:
    ui.history_section(data, fips)
with asks_tab:
    ui.asks_section(profile)
ui.share_box(data, page="county", county_name=county_name)
ui.correction_box(data, county_name, fips)
