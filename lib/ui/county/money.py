"""The county page's "Money" tab: ICE detention, what 287(g) commits an agency to, SCAAP, and a cost calculator."""

import pandas as pd
import streamlit as st

from lib.i18n import _
from lib.money import (
    CITY_BUDGET,
    CITY_COSTS_NOTE,
    COST_ASSUMPTIONS,
    DETENTION_COLUMNS,
    ESTIMATED_PAYMENT_COLUMN,
    budget_of,
    flow_diagram,
    yearly_local_cost,
)
from lib.safetext import fill, html_text, plain
from lib.ui.tables import labelled, record_table, sub_line
from lib.vocab import PARTICIPATING


def detention_table(rows: list[dict]) -> None:
    """The county's detention facilities, one row each: the fiscal years' populations in one cell, the source and
    date under the estimate, so that the table wraps instead of scrolling."""

    def column_header(column: str) -> str:
        return _(DETENTION_COLUMNS[column])

    cells = []
    for row in rows:
        years = [column for column in row if column not in DETENTION_COLUMNS]  # the fiscal years ("FY25")
        populations = " · ".join(f"{year}: {row[year]:g}" for year in years if pd.notna(row[year]))
        payment = row[ESTIMATED_PAYMENT_COLUMN]
        cells.append(
            {
                "facility": html_text(row["facility"])
                + sub_line(html_text(row["contract"]))
                + sub_line(labelled(column_header("run by"), html_text(row["run by"]))),
                "population": html_text(populations),
                "per diem": html_text(row["per diem 2015 (as written)"])
                + sub_line(labelled(column_header("guaranteed minimum"), html_text(row["guaranteed minimum"]))),
                "payment": html_text(f"${payment:,.0f}" if pd.notna(payment) else None)
                + sub_line(html_text(row["estimate"])),
                "source": html_text(row["source"])
                + sub_line(labelled(column_header("as of"), html_text(row["as of"]))),
            }
        )
    headers = {
        "facility": column_header("facility"),
        "population": _("ICE detainees per day, average, by fiscal year"),
        "per diem": column_header("per diem 2015 (as written)"),
        "payment": column_header(ESTIMATED_PAYMENT_COLUMN),
        "source": column_header("source"),
    }
    record_table(headers, cells, "detention")


def money_section(profile: dict) -> None:
    detention = pd.DataFrame(profile["money"]["detention"])
    st.subheader(_("ICE detention in the county"))
    if detention.empty:
        st.write(_("No facility in this county is on ICE's detention lists we use."))
    else:
        detention_table(profile["money"]["detention"])
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
    participating = [a for a in profile["agreements_287g"] if a["status"] == PARTICIPATING]
    agencies_287g = sorted({(a["agency"], a["agency_type"]) for a in participating})
    if any(budget_of(agency_type) == CITY_BUDGET for _agency, agency_type in agencies_287g):
        st.markdown("- " + plain(_(CITY_COSTS_NOTE)))
    st.subheader("SCAAP")
    st.write(plain(profile["money"]["scaap"]))
    st.subheader(_("What collaboration costs the county (calculator)"))
    st.caption(
        _(
            "This app holds no figure of this county's own for these costs, so every box starts empty and no "
            "total is shown until each one holds your county's figure (the help of each box gives an example). "
            "Name where your figures come from and their date: the total is shown with it."
        )
    )
    values = {}
    columns = st.columns(2)
    for index, assumption in enumerate(COST_ASSUMPTIONS):
        values[assumption.key] = columns[index % 2].number_input(
            plain(f"{_(assumption.label)} ({_(assumption.unit)})"),
            min_value=0.0,
            value=None,
            help=plain(_(assumption.example)),
            key=f"cost_{assumption.key}",
        )
    figures_source = st.text_input(
        _("Where your figures come from (source and date)"),
        key="cost_source",
        placeholder=_("for example: county budget 2025, jail's public records response of March 2026"),
    )
    costs = yearly_local_cost(values)
    missing = [_(assumption.label) for assumption in COST_ASSUMPTIONS if values[assumption.key] is None]
    if missing or not figures_source.strip():
        st.info(
            fill(
                _("No total yet: still to enter: {missing}."),
                missing="; ".join(missing + ([] if figures_source.strip() else [_("the source of your figures")])),
            )
        )
        costs = None
    else:
        st.metric(_("Yearly cost from the figures you entered"), f"${costs['total']:,.0f}")
        st.caption(
            fill(
                _("Figures from: {source}. An estimate from them, not a figure this app holds."), source=figures_source
            )
        )
    st.graphviz_chart(flow_diagram(profile["name"], detention, agencies_287g, costs), width="stretch")
