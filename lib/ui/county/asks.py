"""The county page's "What to ask for" tab: the recommendations, each with its target, how the state's law stands
on it, its reason, the laws it relies on and its talking points."""

import streamlit as st

from lib.asks import standing_words
from lib.i18n import _
from lib.safetext import fill, plain


def asks_section(profile: dict) -> None:
    st.info(plain(profile["asks"]["label"]))
    for ask in profile["asks"]["items"]:
        standing = standing_words(ask["standing"], profile["state_laws"])
        with st.container(border=True):
            st.markdown(
                fill(
                    _("**{ask}** — target: {target} · {state_law}"),
                    ask=ask["title"],
                    target=ask["target"],
                    state_law=standing,
                )
            )
            st.write(plain(ask["detail"]))
            # The asks fitted to a state's law name it in their text already; the caption does not repeat it.
            if ask["relies_on_law"] and ask["relies_on_law"] not in ask["detail"]:
                st.caption(
                    fill(_("Because: {reason} · Relies on: {law}"), reason=ask["because"], law=ask["relies_on_law"])
                )
            else:
                st.caption(fill(_("Because: {reason}"), reason=ask["because"]))
            for point in ask["talking_points"]:
                st.markdown("- " + plain(point))
