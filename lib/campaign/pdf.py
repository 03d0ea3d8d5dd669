"""Campaign parts as PDF pages (fpdf2), each part starting on a new page, with a footer on every page that names
the county, the date of the data and that the texts are recommendations, not legal advice.

Every text is drawn as plain text (fpdf2's markdown is never turned on), with the brief's fonts and text cleaner
(lib.brief), so a name such as "<b>x</b>" prints exactly as written."""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib.brief import (
    CONTROL_CHARACTERS,
    FALLBACK_FONT,
    FONT_DIR,
    FONT_FILES,
    LATIN1_STAND_INS,
    MUTED_COLOR,
    PAGE_FORMAT,
    RULE_COLOR,
    TEXT_COLOR,
    release_font_caches,
)
from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.i18n import _

MARGIN = 18  # mm: room to write in the margins of a printed page
LINE = 0.45  # mm of line per point of font size
BULLET, CHECKBOX = "•", "☐"
PLAIN_BULLET, PLAIN_CHECKBOX = "-", "[ ]"  # with the fallback font, which has neither glyph
FILL_IN_WIDTH = 90  # mm of line to write on
ITEM_INDENT, MARK_WIDTH = 2, 6  # mm
KEEP_WITH_NEXT = 30  # mm: a heading needs this much room below it on its page


class _PartsPDF(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="P", unit="mm", format=PAGE_FORMAT)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 10)
        self.unicode_font = all((FONT_DIR / name).is_file() for name in FONT_FILES.values())
        if self.unicode_font:
            for style, name in FONT_FILES.items():
                self.add_font("DejaVu", style, str(FONT_DIR / name))
        self.text_family = "DejaVu" if self.unicode_font else FALLBACK_FONT
        self.footer_text = self.clean(footer_text)

    def clean(self, text: object) -> str:
        text = CONTROL_CHARACTERS.sub(" ", str(text))
        if self.unicode_font:
            return text
        return text.translate(LATIN1_STAND_INS).encode("latin-1", "replace").decode("latin-1")

    def write_text(self, text: str, size: float = 10.5, style: str = "", color=TEXT_COLOR) -> None:
        self.set_font(self.text_family, style, size)
        self.set_text_color(*color)
        self.set_x(self.l_margin)
        self.multi_cell(0, size * LINE, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def write_item(self, mark: str, text: str, size: float = 10.5) -> None:
        """A list item with a hanging indent: the mark in the margin of the item, every line of its text aligned."""
        self.set_font(self.text_family, "", size)
        self.set_text_color(*TEXT_COLOR)
        margin = self.l_margin
        self.set_x(margin + ITEM_INDENT)
        self.cell(MARK_WIDTH, size * LINE, mark)
        self.set_left_margin(margin + ITEM_INDENT + MARK_WIDTH)
        try:
            self.multi_cell(0, size * LINE, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        finally:
            self.set_left_margin(margin)

    def footer(self) -> None:
        self.set_y(-(MARGIN + 1))
        self.set_font(self.text_family, "", 7.5)
        self.set_text_color(*MUTED_COLOR)
        page = self.clean(_("page {number}").format(number=self.page_no()))
        page_width = self.get_string_width(page) + 2
        top = self.get_y()
        self.multi_cell(self.epw - page_width, 3.2, self.footer_text, align="L")
        self.set_xy(self.w - self.r_margin - page_width, top)
        self.cell(page_width, 3.2, page, align="R")


def _draw_block(pdf: _PartsPDF, block) -> None:
    match block:
        case Heading(text):
            if pdf.get_y() > pdf.page_break_trigger - KEEP_WITH_NEXT:
                pdf.add_page()  # a heading at the foot of a page would be parted from what it heads
            pdf.ln(2.5)
            pdf.write_text(text, size=12, style="B")
            pdf.ln(0.8)
        case Paragraph(text):
            pdf.write_text(text)
            pdf.ln(1.5)
        case Items(texts, checkboxes):
            if pdf.unicode_font:
                mark = CHECKBOX if checkboxes else BULLET
            else:
                mark = PLAIN_CHECKBOX if checkboxes else PLAIN_BULLET
            for text in texts:
                pdf.write_item(mark, text)
                pdf.ln(0.8)
            pdf.ln(1)
        case FillIn(label):
            pdf.write_text(f"{label}:")
            y = pdf.get_y() + 5
            pdf.set_draw_color(*RULE_COLOR)
            pdf.line(pdf.l_margin, y, pdf.l_margin + FILL_IN_WIDTH, y)
            pdf.set_y(y + 2.5)


def parts_pdf(parts: list[Part], footer_text: str) -> bytes:
    """The parts as one PDF, each from a new page."""
    pdf = _PartsPDF(footer_text)
    try:
        for part in parts:
            pdf.add_page()
            pdf.write_text(part.title, size=16, style="B")
            pdf.ln(1)
            pdf.write_text(part.label, size=9, style="I", color=MUTED_COLOR)
            pdf.ln(2)
            for block in part.blocks:
                _draw_block(pdf, block)
            for source in part.sources:
                pdf.write_text(source, size=8, color=MUTED_COLOR)
        return bytes(pdf.output())
    finally:
        release_font_caches()
