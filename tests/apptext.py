"""What a reader sees of an element's Markdown source in AppTest: the app escapes every text from the data (lib/
safetext.plain), so tests compare the text with its escapes and invisible word joiners taken out."""

import re
from html.parser import HTMLParser

from lib.safetext import WORD_JOINER


def shown(markdown: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


class _RecordTableParser(HTMLParser):
    """The rows of the record tables (lib/ui/tables.record_table) in an HTML text: each a dict from the cell's label
    to the cell's text (its lines joined by " | "), with the table's classes."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[dict[str, str]]]] = []
        self.label: str | None = None
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and "record-table" in (attributes.get("class") or ""):
            self.tables.append((attributes["class"], []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append({})
        elif tag == "td":
            self.label, self.parts = attributes["data-label"], []
        elif tag == "div" and self.label is not None:
            self.parts.append(" | ")

    def handle_data(self, data):
        if self.label is not None:
            self.parts.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self.label is not None:
            self.tables[-1][1][-1][self.label] = "".join(self.parts).strip()
            self.label = None


def record_tables(app, name: str) -> list[list[dict[str, str]]]:
    """Every record table of the class `name` the app shows, as rows (see _RecordTableParser); header rows left out."""
    parser = _RecordTableParser()
    for element in app.get("html"):
        parser.feed(element.value)
    return [[row for row in rows if row] for classes, rows in parser.tables if name in classes.split()]
