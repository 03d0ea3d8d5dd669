"""The county page's "Who decides" tab: the offices that decide on collaboration, and the city police agencies. The
chart is drawn twice, wide and narrow (top-down, short lines); the page's style shows the one that fits the screen."""

import streamlit as st

from lib.authority import chart_dot, offices_table
from lib.countyfacts import FACTS_EXPLAINED
from lib.i18n import _
from lib.safetext import fill, html_text, plain
from lib.ui.cache import authority_chart_of
from lib.ui.tables import frame_table, record_table

# The keys of the two containers of the chart (Streamlit gives each the class st-key-<key>; page.py's style hides one).
WIDE_CHART_KEY, NARROW_CHART_KEY = "authority_chart_wide", "authority_chart_narrow"


def authority_section(fips: str, profile: dict) -> None:
    chart = authority_chart_of(fips)
    st.markdown(
        fill(
            _("**Main target: {office}** ({selection}) — {powers}"),
            office=chart.primary.title,
            selection=chart.primary.selection,
            powers=chart.primary.powers,
        )
    )
    for key, narrow in ((WIDE_CHART_KEY, False), (NARROW_CHART_KEY, True)):
        with st.container(key=key):
            st.graphviz_chart(chart_dot(chart, profile["name"], narrow=narrow), width="stretch")
    st.caption(
        _(
            "The usual pattern in the state, with what is known to differ in this county. Draft: nobody has "
            "reviewed these rows yet. Cities: the police chief is usually appointed; the mayor or manager and "
            "the council control the police budget and rules."
        )
    )
    frame_table(offices_table(chart), "offices")  # headers already in the language
    if chart.city_agencies:
        st.markdown(_("**City police agencies in the county** (FBI agency list; 287(g) from ICE's list)"))
        record_table(
            {"agency": _("agency"), "fbi_data_year": _("FBI data year"), "has_287g": _("287(g) agreement")},
            [
                {
                    "agency": html_text(city["agency"]),
                    "fbi_data_year": html_text(city["fbi_data_year"]),
                    "has_287g": html_text(_("yes") if city["has_287g"] else _("no agreement")),
                }
                for city in chart.city_agencies
            ],
            "cities",
        )
    office = chart.ice_field_office
    st.markdown(
        fill(_("ICE field office (area of responsibility): {office}"), office=office)
        if office
        else _("ICE field office (area of responsibility): unknown"),
        help=plain(_(FACTS_EXPLAINED)),
    )
