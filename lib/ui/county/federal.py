"""The county page's federal lists and others' statements: claims with their caveats, apart from the evidence."""

import pandas as pd
import streamlit as st

from lib.data import CompiledData
from lib.federal import county_federal_lists, county_statements
from lib.i18n import _
from lib.safetext import fill, plain, web_link
from lib.vocab import FEDERAL_LIST_STATUS_WORDS


def federal_lists_section(data: CompiledData, fips: str, state: str) -> None:
    st.subheader(_("Federal 'sanctuary' lists (claims: they do not color the map)"))
    for listed in county_federal_lists(data, fips):
        title, caveat = listed["title"], listed["caveat"]  # English (N_): translated here
        status = FEDERAL_LIST_STATUS_WORDS[listed["status"]]
        st.markdown(fill(_("**{title}**: {status}"), title=_(title), status=_(status)))
        if listed["state_listed"]:
            st.markdown(fill(_("The list also names the state of {state}."), state=state))
        if listed["entries"]:
            table = pd.DataFrame(listed["entries"])
            table["source_urls"] = table["source_urls"].map(lambda urls: web_link(str(urls).split()[0]))
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                column_config={
                    "jurisdiction": _("as the list names it"),
                    "listed_as": _("listed as"),
                    "list_date": _("list date"),
                    "source_publisher": _("read in"),
                    "source_urls": st.column_config.LinkColumn(_("page read"), display_text=_("open")),
                    "note": _("caveat"),
                },
            )
        st.caption(plain(_(caveat)))

    statements = county_statements(data, fips)
    if statements:
        st.subheader(_("What others have said about this jail (claims, not policy)"))
        for statement in statements:
            st.markdown(fill(_("> {quote}"), quote=statement["quote"]))
            st.caption(
                fill(
                    _("{publisher}, {date}: {title}. Claim as the source words it: {claim}."),
                    publisher=statement["source_publisher"],
                    date=statement["claim_date"] or statement["source_date"] or _("date not given"),
                    title=statement["source_title"],
                    claim=statement["claim"],
                )
            )
            link = web_link(statement["source_url"])
            if link:
                st.link_button(_("Open the page"), link)
