"""Sources & method: every source with its date, how the 287(g) rows were placed, and the rows we could not place."""

import pandas as pd
import streamlit as st

from lib import classify, ui
from lib.layers import method_markdown

data = ui.data_or_stop()
report = data.build_report["agreements_287g"]

st.title("Sources & method")
st.subheader("Sources")
st.dataframe(
    pd.DataFrame(data.sources)[["title", "as_of", "publisher", "licence", "url", "retrieved_via"]],
    column_config={"title": st.column_config.TextColumn("source", width="large"), "as_of": "as of",
                   "url": st.column_config.LinkColumn("official page")},
    hide_index=True, width="stretch",
)

st.subheader("How a county gets its level")
st.markdown(classify.__doc__)
st.caption("The rules above are the documentation of the code that applies them (lib/classify.py).")

st.subheader("How the 287(g) layer is made")
st.markdown(method_markdown())
st.markdown(f"**287(g) rows placed on a county: {report['matched_rows']:,} of {report['placeable_rows']:,} "
            f"({report['match_rate']:.1%})**, not counting statewide agencies and territories off the map.")
st.dataframe(pd.DataFrame(report["by_agency_type"]).T.rename_axis("agency type"), width="stretch")

st.subheader(f"Rows not placed on a county ({len(report['unmatched'])})")
st.caption("These agreements are on ICE's sheet but we could not tell which county the agency is in. "
           "They are not on the map.")
st.dataframe(pd.DataFrame(report["unmatched"]), hide_index=True, width="stretch")
