"""The county page's "Who decides" tab: the offices that decide on collaboration, and the city police agencies."""

import pandas as pd
import streamlit as st

from lib.authority import chart_dot, offices_table
from lib.i18n import _
from lib.safetext import fill
from lib.ui.cache import authority_chart_of


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
    st.graphviz_chart(chart_dot(chart, profile["name"]), width="stretch")
    st.caption(
        _(
            "The usual pattern in the state, with what is known to differ in this county. Draft: nobody has "
            "reviewed these rows yet. Cities: the police chief is usually appointed; the mayor or manager and "
            "the council control the police budget and rules."
        )
    )
    st.dataframe(offices_table(chart), hide_index=True, width="stretch")  # headers already in the language
    if chart.city_agencies:
        st.markdown(_("**City police agencies in the county** (FBI agency list; 287(g) from ICE's list)"))
        st.dataframe(
            pd.DataFrame(chart.city_agencies),
            hide_index=True,
            width="stretch",
            column_config={
                "agency": _("agency"),
                "fbi_data_year": _("FBI data year"),
                "has_287g": st.column_config.CheckboxColumn(_("287(g) agreement")),
            },
        )
    if chart.ice_field_office:
        st.write(fill(_("ICE field office (area of responsibility): {office}"), office=chart.ice_field_office))
    else:
        st.write(_("ICE field office (area of responsibility): unknown"))
