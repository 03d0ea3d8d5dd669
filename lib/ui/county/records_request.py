"""The county page's public-records request: the letter, in a language the reader picks (Spanish first in Puerto
Rico, where the county's offices work in Spanish), shown on the page and offered as a text file to edit."""

import streamlit as st

from lib import i18n
from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.records_request import letter_language, records_request
from lib.campaign.text import BLANK, part_text
from lib.campaign.word import part_docx
from lib.i18n import LANGUAGES, _
from lib.safetext import plain
from lib.ui.cache import profile_in

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _show_block(block) -> None:
    match block:
        case Heading(text):
            st.markdown("#### " + plain(text))
        case Paragraph(text):
            st.write(plain(text))
        case Items(texts, checkboxes):
            for text in texts:
                st.markdown(("- [ ] " if checkboxes else "- ") + plain(text))
        case FillIn(label):
            st.write(plain(f"{label}: {BLANK}"))


def show_part(part: Part) -> None:
    st.info(plain(part.label))
    for block in part.blocks:
        _show_block(block)
    for source in part.sources:
        st.caption(plain(source))


def records_request_section(fips: str, state_abbr: str) -> None:
    st.subheader(_("A public-records request"))
    first = letter_language(state_abbr, i18n.language())
    languages = [first, *(lang for lang in LANGUAGES if lang != first)]
    lang = st.radio(
        _("Language of the letter"),
        languages,
        format_func=LANGUAGES.get,
        horizontal=True,
        key=f"records_request_language_{fips}",
    )
    with i18n.use_language(lang):
        part = records_request(profile_in(fips, lang))
    with st.expander(plain(part.title), expanded=False):
        show_part(part)
    word, text = st.columns(2)
    word.download_button(
        _("Download the letter to edit (Word)"),
        # made when clicked, not on every run of the page: a DOCX takes about 25 ms to make
        data=lambda: part_docx(part),
        file_name=f"records-request-{fips}-{lang}.docx",
        mime=DOCX_TYPE,
        on_click="ignore",
        key=f"records_request_docx_{fips}",
    )
    text.download_button(
        _("Download the letter to edit (text)"),
        part_text(part),
        file_name=f"records-request-{fips}-{lang}.txt",
        mime="text/plain",
        on_click="ignore",
        key=f"records_request_download_{fips}",
    )
