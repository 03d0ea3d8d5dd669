"""A campaign document as plain structure, independent of where it is shown: the county page, a DOCX file and the
campaign packet's PDF all draw the same Part.

Texts are in the current language already. Texts that come from data (agency names, quotes, law names) are kept
as they are: each writer escapes them for its own format (lib.safetext on the page; DOCX and PDF draw plain
text, never markup)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Items:
    """A list; `checkboxes` for a checklist or a tracker a reader ticks on paper."""

    texts: tuple[str, ...]
    checkboxes: bool = False


@dataclass(frozen=True)
class FillIn:
    """A blank line for the reader to write on: a name, a date, an address. Targets are offices, never named
    people: the name of the person holding an office is written in by hand."""

    label: str


Block = Heading | Paragraph | Items | FillIn


@dataclass(frozen=True)
class Part:
    """One part of the campaign kit: its title, the label that says what kind of text it is (a recommendation, not
    legal advice, with the date of the law it relies on), its blocks, and the sources of the county facts it uses
    (each 'source, as of date')."""

    id: str
    title: str
    label: str
    blocks: tuple[Block, ...]
    sources: tuple[str, ...] = ()
