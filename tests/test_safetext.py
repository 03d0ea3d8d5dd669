"""The one way out for data text: what plain() gives back shows as exactly the text, and none of it is markup.
Rendered with markdown-it (CommonMark plus GitHub's tables, strikethrough and bare-address links), the parser
family Streamlit's own renderer follows; the browser test of the hostile data copy checks Streamlit itself."""

import html
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lib.safetext import EMPTY, WORD_JOINER, fill, html_link, html_text, plain, web_link
from tests.hostile import PAYLOADS

RENDERER = MarkdownIt("gfm-like")
REAL_NAMES = [
    "Prince George's County",
    "Doña Ana County",
    "St. Mary Parish",
    "A&M",
    "$24,000 to $30,000",
    "Sheriff *Office*",
    "snake_case_name",
    "Unit [North]",
    "Miami-Dade County",
    "O'Brien County",
    "Texas A&M University Police (TX)",
    "100% (about 1/3)",
    "C:\\path",
    "a < b > c",
    "#1 Precinct",
]


def rendered_text(markdown: str) -> str:
    """The text a reader sees (joiners are invisible), failing on any element other than a paragraph."""
    out = RENDERER.render(markdown)
    tags = set(re.findall(r"</?([a-z0-9]+)", out))
    assert tags <= {"p", "br"}, f"{markdown!r} rendered elements {tags}: {out}"
    return html.unescape(re.sub(r"</?(p|br ?/?)>", "", out)).replace(WORD_JOINER, "").strip()


def words(text: str) -> list[str]:
    """Line breaks and runs of spaces read the same in a paragraph."""
    return text.split()


@pytest.mark.parametrize("name", REAL_NAMES)
def test_real_names_show_exactly_as_written(name):
    assert rendered_text(plain(name)) == name
    assert WORD_JOINER not in plain(name)  # nothing invisible is added to ordinary text either


@pytest.mark.parametrize("kind", PAYLOADS)
def test_every_payload_stays_text(kind):
    payload = PAYLOADS[kind]
    assert words(rendered_text(plain(payload))) == words(payload)


@pytest.mark.parametrize("text", [":smile:", ":material/home:", "http://e.vil", "www.e.vil", "x@e.vil", "a -> b"])
def test_patterns_matched_after_parsing_are_broken_by_an_invisible_joiner(text):
    """Streamlit turns these into emoji, icons, links and arrows in the parsed text, where escapes are gone."""
    unescaped = re.sub(r"\\(.)", r"\1", plain(text))
    assert WORD_JOINER in unescaped and unescaped.replace(WORD_JOINER, "") == text


@given(st.text())
def test_any_text_renders_as_itself_and_nothing_else(text):
    text = text.replace("\0", "\ufffd").replace(WORD_JOINER, "")  # as CommonMark reads a NUL; joiners are ours
    assert words(rendered_text(plain(text))) == words(text)


def test_fill_escapes_the_values_and_keeps_our_markdown():
    out = fill("**{county}** — {count}", county="[x](http://e.vil)", count=24000)
    shown = RENDERER.render(out).replace(WORD_JOINER, "").strip()
    assert shown == "<p><strong>[x](http://e.vil)</strong> — 24000</p>"


@pytest.mark.parametrize(
    "url, kept",
    [
        ("https://www.ice.gov/287g", True),
        ("http://example.org/a?b=c", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<b>", False),
        ("file:///etc/passwd", False),
        ("//e.vil/a", False),
        ("ftp://e.vil", False),
        ("", False),
        (None, False),
        (float("nan"), False),
        ("http://", False),
        (" javascript:alert(1)", False),
    ],
)
def test_only_web_links_are_kept(url, kept):
    assert (web_link(url) is not None) == kept


@pytest.mark.parametrize("empty", [None, float("nan"), pd.NA, "", "  "])
def test_an_empty_value_shows_as_a_dash_in_html_never_as_none(empty):
    assert html_text(empty) == EMPTY
    assert html_link(empty, "open") == EMPTY


@pytest.mark.parametrize("kind", PAYLOADS)
def test_every_payload_stays_text_in_html(kind):
    payload = PAYLOADS[kind]
    escaped = html_text(payload)
    assert "<" not in escaped and ">" not in escaped
    assert words(html.unescape(escaped)) == words(payload)


def test_only_an_http_address_becomes_an_html_link_and_its_quotes_are_escaped():
    assert html_link('https://example.org/a"b<c', "open <x>") == (
        '<a href="https://example.org/a&quot;b&lt;c" target="_blank" rel="noopener noreferrer">open &lt;x&gt;</a>'
    )
    assert html_link("javascript:alert(1)", "open") == EMPTY
