"""What changed: 287(g) agreements added to, and no longer on, ICE's lists between two dates."""

import streamlit as st

from lib import history
from lib.i18n import _, ngettext
from lib.safetext import fill, plain
from lib.ui.cache import data_or_stop
from lib.ui.tables import titled_table
from lib.vocab import MODEL_LABELS

data = data_or_stop()
counts = data.snapshot_counts
dates = history.snapshot_dates(counts)

st.title(_("What changed on ICE's 287(g) lists"))
st.caption(plain(history.sheet_legend(counts)))

controls = st.columns(4)
chosen = [
    controls[0].selectbox(
        _("Compare ICE's list of"),
        dates,
        index=len(dates) - 2,
        key="changes_from",
        format_func=lambda date: history.sheet_label(counts, date),
    ),
    controls[1].selectbox(
        _("with ICE's list of"),
        dates,
        index=len(dates) - 1,
        key="changes_to",
        format_func=lambda date: history.sheet_label(counts, date),
    ),
]
state = controls[2].selectbox(
    _("State"),
    [None, *sorted(data.agreement_history["state_abbr"].unique())],
    format_func=lambda abbr: abbr or _("All states"),
    key="changes_state",
)
model = controls[3].selectbox(
    _("Model"),
    [None, *MODEL_LABELS],
    key="changes_model",
    format_func=lambda code: _(MODEL_LABELS[code]) if code else _("All models"),
)
if chosen[0] == chosen[1]:
    st.info(_("Pick two different lists to compare."))
    st.stop()
earlier, later = sorted(chosen)

st.markdown(
    fill(
        _("**Nationwide: {summary}** (counties where an agency on ICE's list is placed)."),
        summary=history.summary_line(counts, later, earlier),
    )
)
changes = history.changes_between(data.agreement_history, earlier, later, state, model)
st.download_button(
    _("Download these changes (CSV)"),
    history.changes_csv(changes, data.counties, counts),
    file_name=f"287g_changes_{earlier}_{later}.csv",
    mime="text/csv",
)

added = len(changes.added)
titled_table(
    ngettext(
        "Added: {count} agreement on ICE's list of {later} that its list of {earlier} does not have",
        "Added: {count} agreements on ICE's list of {later} that its list of {earlier} does not have",
        added,
    ).format(count=f"{added:,}", later=later, earlier=earlier),
    _(
        "'First on an ICE list of' is the first list we hold that names the agreement, not the day it was signed. "
        "'Between' and 'and' give the two consecutive lists between which it appeared."
    ),
    history.readable(changes.added, data.counties, counts),
)

dropped = len(changes.no_longer_listed)
titled_table(
    ngettext(
        "No longer on ICE's list as of {later}: {count} agreement on its list of {earlier}",
        "No longer on ICE's list as of {later}: {count} agreements on its list of {earlier}",
        dropped,
    ).format(count=f"{dropped:,}", later=later, earlier=earlier),
    _(
        "A list that no longer names an agreement does not say why. 'Between' and 'and' give the last list naming "
        "it and the next list, which does not."
    ),
    history.readable(changes.no_longer_listed, data.counties, counts),
)

if len(changes.only_between):
    between = len(changes.only_between)
    titled_table(
        ngettext(
            "On neither list, but listed in between: {count} agreement",
            "On neither list, but listed in between: {count} agreements",
            between,
        ).format(count=f"{between:,}"),
        _(
            "Only {monitor} saw these on ICE's list, at some point between the two lists given in 'between' and "
            "'and'; none of ICE's lists we hold names them. The monitor records no reliable date for them."
        ).format(monitor=_(history.MONITOR_NAME)),
        history.readable(changes.only_between, data.counties, counts),
    )

st.caption(
    _(
        "Agencies are matched across lists by name, state and model; where ICE changed a name or fixed a "
        "typo, the earlier names are shown. See Sources & method for the files."
    )
)
