"""The county page's "What to ask for" tab: the recommendations, each with its target, reason and talking points."""

import streamlit as st

from lib.i18n import _
from lib.safetext import fill, plain


def asks_section(profile: dict) -> None:
    st.info(plain(profile["asks"]["label"]))
    for ask in profile["asks"]["items"]:
        with st.container(border=True):
            st.markdown(fill(_("**{ask}** — target: {target}"), ask=ask["title"], target=ask["target"]))
            st.write(plain(ask["detail"]))
            if ask["relies_on_law"]:
                st.caption(
                    fill(_("Because: {reason} · Relies on: {law}"), reason=ask["because"], law=ask["relies_on_law"])
                )
            else:
                st.caption(fill(_("Because: {reason}"), reason=ask["because"]))
            for point in ask["talking_points"]:
                st.markdown("- " + plain(point))
