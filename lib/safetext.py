"""The one way out for text that comes from a data file or a URL: `plain()` makes it safe for every Streamlit call
that renders Markdown (titles, captions, markdown, write, alerts, labels, help), so that it shows exactly as written
and nothing in it becomes a link, an image, a colour, an icon, an emoji, a formula, a heading or HTML.

Three things are done, in this order:
1. Runs of spaces, tabs and line breaks become one space, as a paragraph shows them anyway: an indent or a blank
   line can then never start a code block, a list or a new paragraph.
2. Streamlit rewrites some patterns in the *parsed* text, where Markdown escapes no longer exist: emoji and icon
   shortcodes (`:smile:`, `:material/home:`), bare web and e-mail addresses (turned into links) and spaced arrows
   (` -> `, ` -- `). In those patterns only, an invisible WORD JOINER (U+2060) is put between two characters, which
   breaks the pattern and changes nothing a reader sees.
3. Every ASCII punctuation character gets a backslash. CommonMark lets any of them be escaped this way and shows
   the character itself (no backslash), so HTML tags and entities, links, images, emphasis, headings, tables, quotes,
   LaTeX (`$`) and Streamlit's `:red[...]` directives all stay literal text.

`fill()` puts such text into a translated template that may hold Markdown of our own (`**{county}**`).
`web_link()` keeps a link from a data file only when it is an http(s) address.

For the few places that build HTML (`st.html`: tables that wrap instead of scrolling), `html_text()` escapes a value
and `html_link()` makes an http(s) address a link; an empty value shows as EMPTY ("—"), never as "None".
"""

import html
import re
import string
from urllib.parse import urlsplit

WORD_JOINER = "\u2060"
_WHITESPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")
_ASCII_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
# Patterns Streamlit's Markdown plugins match in the parsed text, each with the place a word joiner breaks it.
_TEXT_LEVEL_PATTERNS = [
    re.compile(r"(:)(?=[\w+-][\w+/-]*:)"),  # emoji, :material/…: and :streamlit: shortcodes: after the first colon
    re.compile(r"(?i)(?<=[a-z])(:)(?=//)"),  # scheme://… autolinks: after the colon
    re.compile(r"(?i)(\bwww)(?=\.)"),  # www.… autolinks: after "www"
    re.compile(r"(@)"),  # e-mail autolinks: after the at sign
    re.compile(r"(?:(?<=\s)|^)(<|-|>|~)(?=[->=]+(?:\s|$))"),  # spaced arrows and dashes: ->, <-, <->, --, >=, <=, ~=
]


def plain(text: object) -> str:
    """`text` (any value; None is empty) as Markdown that Streamlit shows exactly as the text itself."""
    if text is None:
        return ""
    text = _WHITESPACE_RUN.sub(" ", str(text)).strip()
    for pattern in _TEXT_LEVEL_PATTERNS:
        text = pattern.sub(lambda match: match.group(1) + WORD_JOINER, text)
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def fill(template: str, **values: object) -> str:
    """A translated template (our own Markdown) with every value made plain."""
    return template.format(**{name: plain(value) for name, value in values.items()})


def web_link(url: object) -> str | None:
    """The address if it is an http(s) link with a host, else None: a link column or button shows nothing else."""
    if not isinstance(url, str):
        return None
    address = url.strip()
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    return address if parts.scheme.lower() in ("http", "https") and parts.netloc else None


EMPTY = "—"


def _is_empty(value: object) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())  # NaN != NaN


def html_text(value: object) -> str:
    """`value` as HTML text that shows exactly as written (runs of spaces as one); an empty value (None, NaN, pandas'
    NA, blank text) as EMPTY."""
    try:
        if _is_empty(value):
            return EMPTY
    except TypeError:  # pandas.NA has no truth value: it is empty
        return EMPTY
    return html.escape(_WHITESPACE_RUN.sub(" ", str(value)).strip())


def html_link(url: object, text: str) -> str:
    """A link to `url` showing `text` (escaped), if `url` is an http(s) address (web_link); else EMPTY."""
    address = web_link(url)
    if address is None:
        return EMPTY
    return (
        f'<a href="{html.escape(address, quote=True)}" target="_blank" rel="noopener noreferrer">{html_text(text)}</a>'
    )
