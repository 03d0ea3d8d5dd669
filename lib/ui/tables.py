"""Tables more than one page shows: a titled table (the changes page), the laws of a state (the map's state view
and the county page)."""

import pandas as pd
import streamlit as st

from lib.vocab import code_word
from lib.i18n import _
from lib.registry import STATE_LAW_IDS, indicator_name
from lib.safetext import fill, plain, web_link


def titled_table(title: str, note: str, table: pd.DataFrame) -> None:
    st.subheader(plain(title))
    st.caption(plain(note))
    st.dataframe(table, hide_index=True, width="stretch")


def state_law_table(state: str, laws: list[dict]) -> None:
    st.subheader(fill(_("State law in {state}"), state=state))
    unchecked = [indicator for indicator in STATE_LAW_IDS if indicator not in {law["indicator"] for law in laws}]
    if unchecked:
        st.caption(fill(_("Not checked yet for {state}: {indicators}. Not checked is not the same as silent."),
                        state=state, indicators=", ".join(_(indicator_name(name)) for name in unchecked)))
    if not laws:
        return
    table = pd.DataFrame(laws)[["indicator", "effect", "law_name", "citation", "quote", "effective_date", "status",
                                "review_status", "source_date", "url"]]
    table["indicator"] = table["indicator"].map(lambda name: _(indicator_name(name)))
    for column in ("effect", "status", "review_status"):
        table[column] = table[column].map(code_word)
    table["url"] = table["url"].map(web_link)
    st.dataframe(table,
                 column_config={"indicator": _("indicator"), "effect": _("effect"), "law_name": _("law name"),
                                "citation": _("citation"),
                                "quote": st.column_config.TextColumn(_("its operative words"), width="large"),
                                "effective_date": _("effective date"), "status": _("status"),
                                "review_status": _("review"), "source_date": _("read on"),
                                "url": st.column_config.LinkColumn(_("page read"), display_text=_("open"))},
                 hide_index=True, width="stretch")
