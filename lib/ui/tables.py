"""Tables more than one page shows: a titled table (the changes page), the laws of a state (the map's state view
and the county page)."""

import pandas as pd
import streamlit as st

from lib.vocab import code_word
from lib.i18n import _
from lib.registry import INDICATORS_BY_ID, indicator_name
from lib.safetext import fill, plain, web_link


def titled_table(title: str, note: str, table: pd.DataFrame) -> None:
    st.subheader(plain(title))
    st.caption(plain(note))
    st.dataframe(table, hide_index=True, width="stretch")


def state_law_table(state: str, laws: list[dict]) -> None:
    st.subheader(fill(_("State law in {state}"), state=state))
    if not laws:
        st.write(_("No state law on these practices in our data (which does not mean there is none)."))
        return
    table = pd.DataFrame(laws)[["indicator", "effect", "law_name", "effective_date", "status", "review_status",
                                "note", "url"]]
    table["indicator"] = table["indicator"].map(lambda name: _(indicator_name(name)) if name in INDICATORS_BY_ID
                                                else name)
    for column in ("effect", "status", "review_status"):
        table[column] = table[column].map(code_word)
    table["url"] = table["url"].map(web_link)
    st.dataframe(table,
                 column_config={"indicator": _("indicator"), "effect": _("effect"), "law_name": _("law name"),
                                "effective_date": _("effective date"), "status": _("status"),
                                "url": st.column_config.LinkColumn(_("link"), display_text=_("open")),
                                "note": st.column_config.TextColumn(_("what it does"), width="large"),
                                "review_status": _("review")},
                 hide_index=True, width="stretch")
