"""The contribute page: a document that shows what a county's jail or police do with ICE, sent for review, and a
receipt code to look its outcome up. The form asks for no name, email or phone and the app stores no IP address;
it says so, asks contributors to black out the names of detained people and their own, and warns that a
document's metadata can name its author. A contribution counts only once a reviewer accepts it."""

import secrets
from datetime import date

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from lib import data as compiled
from lib import i18n, registry
from lib.contrib.db import UPLOADS, contrib_dir, database_url
from lib.contrib.documents import Refused
from lib.contrib.submit import (
    CONTRIBUTED_INDICATORS,
    CONTRIBUTED_VALUES,
    MAX_TEXT,
    STATUS_WORDS,
    Contribution,
    status_of,
    submit,
)
from lib.i18n import N_, _
from lib.safetext import fill, plain
from lib.ui.cache import contributions_engine

SESSION_TOKEN = "contribution_session_token"
EARLIEST_POLICY_DATE = date(1990, 1, 1)
# What the document shows, in words that read as an answer to the form's question.
VALUE_ANSWERS = {
    registry.HONORS: N_("does it"),
    registry.LIMITED: N_("does it only in some cases"),
    registry.REFUSES: N_("refuses"),
}
PRIVACY = N_(
    "This form asks for no name, email address or telephone number, and the app does not store your IP address. "
    "Black out the names of detained people, and your own, before you upload. A PDF's hidden details (its "
    "properties) can name the person or office that made it: remove them or print the document to a new PDF."
)
EXAMPLES = (
    N_("A jail's written policy on ICE detainers or ICE access."),
    N_("A 287(g) agreement, or a contract to hold people for ICE or the U.S. Marshals Service."),
    N_("A public-records answer with counts of ICE requests."),
    N_("County board minutes or a resolution on the jail's work with ICE."),
)
LICENCE = N_(
    "What you type is published under CC0 (no rights reserved) once accepted; a document you upload is published "
    "only if a reviewer accepts it, and then only as a download."
)
UNAVAILABLE = N_(
    "The contributions database cannot be reached right now, so nothing was stored. Your answers are kept on this "
    "page: try sending again in a few minutes."
)


def _session_token() -> str:
    """A random value for this browser session, counted for the per-session limit: never an address."""
    return st.session_state.setdefault(SESSION_TOKEN, secrets.token_hex(16))


def _form(data: compiled.CompiledData, fips: str | None) -> None:
    counties = data.counties.sort_values(["state", "name"])
    names = dict(zip(counties["fips"], counties["name"] + ", " + counties["state"]))
    fips_list = list(names)
    with st.form("contribution", clear_on_submit=False, border=True):
        county = st.selectbox(
            _("County"), fips_list, index=fips_list.index(fips) if fips in names else None, format_func=names.get
        )
        indicators = st.multiselect(
            _("What the document is about"),
            CONTRIBUTED_INDICATORS,
            format_func=i18n.in_current_language(lambda i: _(registry.indicator_name(i))),
        )
        value = st.radio(
            _("What it shows the jail or police do"),
            CONTRIBUTED_VALUES,
            format_func=i18n.in_current_language(lambda v: _(VALUE_ANSWERS[v])),
            horizontal=True,
            index=None,
        )
        link = st.text_input(_("Link to the document (if it is online)"), max_chars=MAX_TEXT["link"])
        document = st.file_uploader(_("Or upload it as a PDF (at most 10 MB)"), type=["pdf"])
        # Streamlit's default earliest date is ten years back; a jail's policy can be older.
        policy_date = st.date_input(
            _("Date of the policy or document"), value=None, min_value=EARLIEST_POLICY_DATE, max_value=date.today()
        )
        page = st.text_input(_("Page"), max_chars=MAX_TEXT["page"])
        quote = st.text_area(_("The words that show it, copied from the document"), max_chars=MAX_TEXT["quote"])
        note = st.text_area(_("A note for the reviewer (optional)"), max_chars=MAX_TEXT["note"])
        sent = st.form_submit_button(_("Send for review"), type="primary")
    if not sent:
        return
    contribution = Contribution(
        county_fips=county or "",
        indicators=tuple(indicators),
        value=value or "",
        quote=quote,
        link=link.strip() or None,
        document=document.getvalue() if document else None,
        policy_date=policy_date.isoformat() if policy_date else None,
        page=page.strip() or None,
        note=note,
    )
    try:
        url = database_url()
        receipt = submit(
            contributions_engine(url), contrib_dir() / UPLOADS, contribution, _session_token(), data.known_fips
        )
    except Refused as refused:
        st.error(plain(_(refused.reason)))
        return
    except (SQLAlchemyError, OSError):
        st.error(plain(_(UNAVAILABLE)))
        return
    st.success(
        fill(
            _("Thank you. Your receipt code is **{receipt}**: keep it to look up the outcome on this page."),
            receipt=receipt,
        )
    )


def _status() -> None:
    receipt = st.text_input(_("Receipt code"), max_chars=20, key="contribution_receipt")
    if not receipt.strip():
        return
    try:
        status = status_of(contributions_engine(database_url()), receipt)
    except (SQLAlchemyError, OSError):
        st.error(plain(_(UNAVAILABLE)))
        return
    if status is None:
        st.warning(_("No contribution has this receipt code. Check the code and try again."))
    else:
        st.info(fill(_("Status: {status}"), status=_(STATUS_WORDS[status])))


def contribute_page(data: compiled.CompiledData, fips: str | None) -> None:
    st.title(_("Contribute evidence"))
    st.write(
        _(
            "No public dataset says, county by county, what each jail does with ICE. If you hold a document that "
            "shows it, send it here: a reviewer checks it before it counts, and until then it changes no color."
        )
    )
    st.info(plain(_(PRIVACY)))
    with st.expander(_("Good documents, and the licence")):
        for example in EXAMPLES:
            st.markdown("- " + plain(_(example)))
        st.caption(plain(_(LICENCE)))
    send, look_up = st.tabs([_("Send a document"), _("Look up a receipt")])
    with send:
        _form(data, fips)
    with look_up:
        _status()
