"""What changed: 287(g) agreements added to, and no longer on, ICE's lists between two dates."""

import streamlit as st

from lib import history, ui
from lib.layers import MODEL_LABELS

data = ui.data_or_stop()
counts = data.snapshot_counts
dates = history.snapshot_dates(counts)

st.title("What changed on ICE's 287(g) lists")
st.caption(history.sheet_legend(counts))

controls = st.columns(4)
chosen = [
    controls[0].selectbox("Compare ICE's list of", dates, index=len(dates) - 2, key="changes_from",
                          format_func=lambda date: history.sheet_label(counts, date)),
    controls[1].selectbox("with ICE's list of", dates, index=len(dates) - 1, key="changes_to",
                          format_func=lambda date: history.sheet_label(counts, date)),
]
state = controls[2].selectbox("State", [None, *sorted(data.agreement_history["state_abbr"].unique())],
                              format_func=lambda abbr: abbr or "All states", key="changes_state")
model = controls[3].selectbox("Model", [None, *MODEL_LABELS], key="changes_model",
                              format_func=lambda code: MODEL_LABELS[code] if code else "All models")
if chosen[0] == chosen[1]:
    st.info("Pick two different lists to compare.")
    st.stop()
earlier, later = sorted(chosen)

st.markdown(f"**Nationwide: {history.summary_line(counts, later, earlier)}** (counties where an agency on ICE's "
            "list is placed).")
changes = history.changes_between(data.agreement_history, earlier, later, state, model)
st.download_button("Download these changes (CSV)", history.changes_csv(changes, data.counties, counts),
                   file_name=f"287g_changes_{earlier}_{later}.csv", mime="text/csv")

st.subheader(f"Added: {history.agreements_phrase(len(changes.added))} on ICE's list of {later} that its list of "
             f"{earlier} does not have")
st.caption("'First on an ICE list of' is the first list we hold that names the agreement, not the day it was "
           "signed. 'Between' and 'and' give the two consecutive lists between which it appeared.")
st.dataframe(history.readable(changes.added, data.counties, counts), hide_index=True, width="stretch")

st.subheader(f"No longer on ICE's list as of {later}: {history.agreements_phrase(len(changes.no_longer_listed))} "
             f"on its list of {earlier}")
st.caption("A list that no longer names an agreement does not say why. 'Between' and 'and' give the last list "
           "naming it and the next list, which does not.")
st.dataframe(history.readable(changes.no_longer_listed, data.counties, counts), hide_index=True, width="stretch")

if len(changes.only_between):
    st.subheader(f"On neither list, but listed in between: {history.agreements_phrase(len(changes.only_between))}")
    st.caption(f"Only {history.MONITOR_NAME} saw these on ICE's list, at some point between the two lists given in "
               "'between' and 'and'; none of ICE's lists we hold names them. The monitor records no reliable date "
               "for them.")
    st.dataframe(history.readable(changes.only_between, data.counties, counts), hide_index=True, width="stretch")

st.caption("Agencies are matched across lists by name, state and model; where ICE changed a name or fixed a "
           "typo, the earlier names are shown. See Sources & method for the files.")
