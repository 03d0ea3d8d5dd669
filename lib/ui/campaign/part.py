"""One part of the campaign kit on the page: its label, its blocks and its sources, and its downloads as a Word
document and as text, made only when their button is clicked."""

import streamlit as st

from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.text import BLANK, part_text
from lib.campaign.word import part_docx
from lib.i18n import _
from lib.safetext import plain

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


def part_downloads(part: Part, file_stem: str) -> None:
    """The part as DOCX and as text, to edit before sending or printing."""
    word, text = st.columns(2)
    word.download_button(
        _("Download to edit (Word)"),
        # made when clicked, not on every run of the page: a DOCX takes about 25 ms to make
        data=lambda: part_docx(part),
        file_name=f"{file_stem}.docx",
        mime=DOCX_TYPE,
        on_click="ignore",
        key=f"{file_stem}-docx",
    )
    text.download_button(
        _("Download to edit (text)"),
        data=lambda: part_text(part),
        file_name=f"{file_stem}.txt",
        mime="text/plain",
        on_click="ignore",
        key=f"{file_stem}-txt",
    )
