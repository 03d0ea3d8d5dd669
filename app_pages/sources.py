"""Sources & method: every source with its date, how the 287(g) rows were placed, and the rows we could not place."""

import pandas as pd
import streamlit as st

from lib import classify, evidence
from lib.explain import marks_markdown
from lib.i18n import _
from lib.layers import method_markdown
from lib.methodchange import latest_change, method_changes, method_changes_csv
from lib.safetext import fill, web_link
from lib.ui.cache import data_or_stop
from lib.ui.share import state_laws_download

data = data_or_stop()
report = data.build_report["agreements_287g"]

st.title(_("Sources & method"))
st.subheader(_("Sources"))
st.dataframe(
    pd.DataFrame(data.sources)[["title", "as_of", "publisher", "licence", "url", "retrieved_via"]].assign(
        url=lambda sources: sources["url"].map(web_link)
    ),
    column_config={
        "title": st.column_config.TextColumn(_("source"), width="large"),
        "as_of": _("as of"),
        "publisher": _("publisher"),
        "licence": _("licence"),
        "url": st.column_config.LinkColumn(_("official page")),
        "retrieved_via": _("retrieved via"),
    },
    hide_index=True,
    width="stretch",
)

st.subheader(_("How a county gets its level"))
st.markdown(classify.rules_markdown())
st.markdown(marks_markdown())
st.caption(_("The rules above are the documentation of the code that applies them (lib/classify.py)."))
changes = method_changes()
changed_on, changed_count = latest_change(changes)
st.markdown(
    fill(
        _(
            "**On {date} the method changed; {count} counties changed level because of the method, not because "
            "of a jail**: only the agency that runs the jail makes a partnership, a task force agreement alone no "
            "longer does, and an ICE detention contract counts where it held at least 1 person a day in the last "
            "full fiscal year."
        ),
        date=changed_on,
        count=f"{changed_count:,}",
    )
)
st.download_button(
    _("Counties the change of method moved (CSV)"),
    file_name=f"ice-collaboration-method-change-{changed_on}.csv",
    mime="text/csv",
    data=lambda: method_changes_csv(changes),
    on_click="ignore",
    key="download_method_changes",
)

st.subheader(_("How state laws are read"))
st.markdown(evidence.state_law_rules_markdown())
st.markdown(
    fill(
        _(
            "**{rows} state-law rows covering {states} of the 52 jurisdictions (50 states, DC and Puerto Rico): "
            "{checked} checked against the text (in {states_checked} jurisdictions), {drafts} drafts.**"
        ),
        **{name: f"{count:,}" for name, count in evidence.state_law_counts(data.state_laws).items()},
    )
)
state_laws_download(data)

st.subheader(_("How the 287(g) layer is made"))
st.markdown(method_markdown())
st.markdown(
    fill(
        _(
            "**287(g) rows placed on a county: {matched} of {placeable} ({rate})**, not counting statewide "
            "agencies and territories off the map."
        ),
        matched=f"{report['matched_rows']:,}",
        placeable=f"{report['placeable_rows']:,}",
        rate=f"{report['match_rate']:.1%}",
    )
)
st.dataframe(
    pd.DataFrame(report["by_agency_type"]).T.rename_axis(_("agency type")),
    column_config={"matched": _("matched"), "rows": _("rows")},
    width="stretch",
)

st.subheader(fill(_("Rows not placed on a county ({count})"), count=len(report["unmatched"])))
st.caption(
    _(
        "These agreements are on ICE's sheet but we could not tell which county the agency is in. "
        "They are not on the map."
    )
)
st.dataframe(
    pd.DataFrame(report["unmatched"]),
    hide_index=True,
    width="stretch",
    column_config={
        "agency": _("agency"),
        "agency_type": _("agency type"),
        "model": _("model"),
        "source_file": _("source file"),
        "source_row": _("row in the file"),
        "state_abbr": _("state"),
    },
)
