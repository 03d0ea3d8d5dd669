"""A campaign part as DOCX: every block comes out as text, hostile text stays literal (no field, link or image
is made of it), and control characters a data file might carry do not break the file."""

import io
import zipfile

import docx

from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.word import part_docx
from tests.hostile import ALL_PAYLOADS, HOSTILE_HOST

PART = Part(
    "example",
    "A title",
    "Recommendation, not legal advice",
    (
        Heading("A heading"),
        Paragraph("A paragraph " + ALL_PAYLOADS + "\x00\x07 end"),
        Items(("first", "second")),
        Items(("tick me",), checkboxes=True),
        FillIn("Date"),
    ),
    ("a source, 2026-12-04",),
)


def test_every_block_is_in_the_document_as_text():
    document = docx.Document(io.BytesIO(part_docx(PART)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[:3] == ["A title", "Recommendation, not legal advice", "A heading"]
    assert texts[3].startswith("A paragraph ") and texts[3].endswith(" end") and "\x00" not in texts[3]
    assert "first" in texts and "second" in texts and "\u2610 tick me" in texts
    assert any(text.startswith("Date: ___") for text in texts) and texts[-1] == "a source, 2026-12-04"
    assert document.paragraphs[4].style.name == "List Bullet"


def test_hostile_text_makes_no_link_field_or_image():
    with zipfile.ZipFile(io.BytesIO(part_docx(PART))) as package:
        body = package.read("word/document.xml").decode()
        relations = package.read("word/_rels/document.xml.rels").decode()
        names = package.namelist()
    assert "<w:hyperlink" not in body and "<w:fldSimple" not in body and "<w:instrText" not in body
    assert HOSTILE_HOST not in relations
    assert not any(name.startswith("word/media/") for name in names)
    assert "&lt;script&gt;" in body  # the payload is there, as text
