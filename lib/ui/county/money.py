"""The county page's "Money" tab: ICE detention, what 287(g) commits an agency to, SCAAP, and a cost calculator."""

import pandas as pd
import streamlit as st

from lib.i18n import _
from lib.money import COST_ASSUMPTIONS, ESTIMATED_PAYMENT_COLUMN, detention_display, flow_diagram, yearly_local_cost
from lib.safetext import fill, plain
from lib.vocab import PARTICIPATING


def money_section(profile: dict) -> None:
    detention = pd.DataFrame(profile["money"]["detention"])
    st.subheader(_("ICE detention in the county"))
    if detention.empty:
        st.write(_("No facility in this county is on ICE's detention lists we use."))
    else:
        st.dataframe(
            detention_display(detention),
            hide_index=True,
            width="stretch",
            column_config={_(ESTIMATED_PAYMENT_COLUMN): st.column_config.NumberColumn(format="$%d")},
        )
        st.caption(
            _(
                "Average daily ICE population by fiscal year. An estimated payment is shown only where the "
                "2015 per diem is a single known rate, with its formula; otherwise 'rate unknown'."
            )
        )
    st.subheader(_("287(g): what the agreements commit the agency to"))
    commitments = profile["money"]["commitments_287g"]
    if not commitments:
        st.markdown("- " + _("No 287(g) agreement of an agency in this county."))
    for text in commitments.values():
        st.markdown("- " + plain(text))
    st.subheader("SCAAP")
    st.write(plain(profile["money"]["scaap"]))
    st.subheader(_("What collaboration costs the county (calculator)"))
    values = {}
    columns = st.columns(2)
    for index, assumption in enumerate(COST_ASSUMPTIONS):
        values[assumption.key] = columns[index % 2].number_input(
            plain(f"{_(assumption.label)} ({_(assumption.unit)})"),
            min_value=0.0,
            value=float(assumption.default),
            help=plain(_(assumption.source)),
            key=f"cost_{assumption.key}",
        )
    costs = yearly_local_cost(values)
    placeholders = [_(a.label) for a in COST_ASSUMPTIONS if a.is_placeholder and values[a.key] == a.default]
    st.metric(_("Estimated yearly cost (an estimate from the assumptions above)"), f"${costs['total']:,.0f}")
    if placeholders:
        st.warning(
            fill(
                _("Still placeholders, replace them with your county's figures: {assumptions}"),
                assumptions="; ".join(placeholders),
            )
        )
    agencies_287g = sorted({a["agency"] for a in profile["agreements_287g"] if a["status"] == PARTICIPATING})
    st.graphviz_chart(flow_diagram(profile["name"], detention, agencies_287g, costs), width="stretch")
