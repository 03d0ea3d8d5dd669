"""A campaign part as a Word document (DOCX, python-docx), since organizers edit a letter before they send it.

Texts go in as plain runs, never markup; characters XML cannot hold (control characters a data file might carry)
are dropped, since python-docx refuses them."""

import io
import re

import docx
from docx.shared import Pt

from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.text import BLANK

# Characters XML 1.0 cannot hold: control characters other than tab, newline and carriage return, surrogates and
# the two non-characters at the end of the Basic Multilingual Plane.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CHECKBOX = "\u2610 "


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def part_docx(part: Part) -> bytes:
    """The part's title, label, blocks and sources as a DOCX file."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(_xml_safe(part.title), level=1)
    document.add_paragraph().add_run(_xml_safe(part.label)).italic = True
    for block in part.blocks:
        match block:
            case Heading(text):
                document.add_heading(_xml_safe(text), level=2)
            case Paragraph(text):
                document.add_paragraph(_xml_safe(text))
            case Items(texts, checkboxes):
                for text in texts:
                    if checkboxes:
                        document.add_paragraph(CHECKBOX + _xml_safe(text))
                    else:
                        document.add_paragraph(_xml_safe(text), style="List Bullet")
            case FillIn(label):
                document.add_paragraph(f"{_xml_safe(label)}: {BLANK}")
    for source in part.sources:
        document.add_paragraph().add_run(_xml_safe(source)).font.size = Pt(9)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
