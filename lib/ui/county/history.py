"""The county page's "History" tab: its agencies on each of ICE's 287(g) lists, and ICE detention by year."""

import streamlit as st

from lib import data as compiled
from lib.history import county_timeline, snapshot_dates
from lib.i18n import _
from lib.money import county_detention_population
from lib.safetext import fill, html_text
from lib.ui.tables import record_table, sub_line
from lib.vocab import AGENCY_TYPE_LABELS, MODEL_LABELS


def history_section(data: compiled.CompiledData, fips: str) -> None:
    """The county through time: its agencies on each ICE 287(g) list, and ICE's detention population."""
    timeline = county_timeline(data.agreement_history, fips)
    st.subheader(_("287(g) agreements on each of ICE's lists"))
    if timeline.empty:
        st.write(
            fill(
                _("No agency in this county is on any of ICE's lists we hold (2021-01-13 to {date})."),
                date=snapshot_dates(data.snapshot_counts)[-1],
            )
        )
    else:
        st.caption(
            _(
                "A list date is the date of ICE's list that names the agreement, not its signing date; an "
                "agreement missing from a later list is no longer listed, which does not say it ended."
            )
        )
        record_table(
            {
                "list_date": _("on ICE's list of"),
                "agency": _("agency"),
                "model": _("model"),
                "signed": _("signed (per ICE)"),
            },
            [
                {
                    "list_date": html_text(row.list_date),
                    "agency": html_text(row.agency)
                    + sub_line(html_text(_(AGENCY_TYPE_LABELS.get(row.agency_type, row.agency_type)))),
                    "model": html_text(_(MODEL_LABELS.get(row.model, row.model))),
                    "signed": html_text(row.signed),
                }
                for row in timeline.itertuples()
            ],
            "history",
        )
    population = county_detention_population(data, fips)
    st.subheader(_("ICE detainees held in the county, average per day, by fiscal year"))
    if population.empty:
        st.write(_("No facility in this county is on ICE's detention statistics or the daily counts we use."))
        return
    st.bar_chart(
        population,
        x="fiscal_year",
        y="adp",
        color="facility",
        x_label=_("fiscal year"),
        y_label=_("average daily ICE population"),
    )
    st.caption(
        _(
            "Sources: ICE detention statistics FY19-FY26; Deportation Data Project daily counts for jails "
            "missing from ICE's lists. Totals only: no breakdown by sex or age is published."
        )
    )
