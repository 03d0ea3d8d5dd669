"""Tables more than one page shows: a titled table (the changes page), the laws of a state (the map's state view
and the county page), and the table that wraps instead of scrolling (record_table), which the county page uses for
every table: on a wide screen its text wraps inside each cell, so every column stays in view; on a phone each row
becomes a card of labelled lines."""

import html

import pandas as pd
import streamlit as st

from lib.i18n import _
from lib.registry import STATE_LAW_IDS, indicator_name
from lib.safetext import fill, html_link, html_text, plain
from lib.vocab import code_word

# Below this width a record table shows each row as a card (the phone layout; the county page's charts switch at
# the same width).
NARROW_SCREEN_PX = 640
RECORD_TABLE_CSS = f"""<style>
.record-table {{width: 100%; border-collapse: collapse; font-size: 0.875rem; line-height: 1.35;}}
.record-table th, .record-table td {{text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #d0d3d9; overflow-wrap: break-word;}}
.record-table th {{background: #f0f2f6; font-weight: 600;}}
.record-table .record-sub {{color: #4a4f5a; font-size: 0.8rem; margin-top: .2rem; overflow-wrap: anywhere;}}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  .record-table thead {{display: none;}}
  .record-table tr {{display: block; border: 1px solid #d0d3d9; border-radius: .4rem; margin-bottom: .5rem;
    padding: .25rem .4rem;}}
  .record-table td {{display: block; border: none; padding: .12rem .1rem;}}
  .record-table td::before {{content: attr(data-label) ": "; font-weight: 600;}}
}}
</style>"""


def record_table_html(headers: dict[str, str], rows: list[dict[str, str]], name: str) -> str:
    """The HTML of a record table. `headers`: each column's key and its (translated) header; `rows`: each row's
    cells as HTML already made safe (lib.safetext.html_text / html_link, or our own markup around them). `name`
    (a class of the table) lets a browser test find it."""
    head = "".join(f"<th>{html.escape(header)}</th>" for header in headers.values())
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{html.escape(header, quote=True)}">{row[key]}</td>' for key, header in headers.items()
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="record-table {name}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def record_table(headers: dict[str, str], rows: list[dict[str, str]], name: str) -> None:
    """A table that wraps instead of scrolling sideways (see record_table_html)."""
    st.html(RECORD_TABLE_CSS + record_table_html(headers, rows, name))


def frame_table(table: pd.DataFrame, name: str) -> None:
    """A table whose column names are already the headers to show, as a record table (every cell escaped)."""
    headers = {str(column): str(column) for column in table.columns}
    rows = [{str(column): html_text(value) for column, value in row.items()} for row in table.to_dict("records")]
    record_table(headers, rows, name)


def labelled(label: str, value: str) -> str:
    """ "label: value" in a cell; `label` is our own text, `value` HTML already safe."""
    return f"{html.escape(label)}: {value}"


def sub_line(text: str) -> str:
    """A second, smaller line in a cell (the source and date under a row's text); `text` is HTML already safe."""
    return f'<div class="record-sub">{text}</div>'


def titled_table(title: str, note: str, table: pd.DataFrame) -> None:
    st.subheader(plain(title))
    st.caption(plain(note))
    st.dataframe(table, hide_index=True, width="stretch")


def state_law_table(state: str, laws: list[dict]) -> None:
    st.subheader(fill(_("State law in {state}"), state=state))
    unchecked = [indicator for indicator in STATE_LAW_IDS if indicator not in {law["indicator"] for law in laws}]
    if unchecked:
        st.caption(
            fill(
                _("Not checked yet for {state}: {indicators}. Not checked is not the same as silent."),
                state=state,
                indicators=", ".join(_(indicator_name(name)) for name in unchecked),
            )
        )
    if not laws:
        return
    headers = {
        "indicator": _("indicator"),
        "effect": _("effect"),
        "law": _("law"),
        "quote": _("its operative words"),
        "dates": _("dates"),
        "review_status": _("review"),
    }
    rows = [
        {
            "indicator": html_text(_(indicator_name(law["indicator"]))),
            "effect": html_text(code_word(law["effect"])),
            "law": html_text(law["law_name"])
            + sub_line(html_text(law["citation"]))
            + sub_line(html_text(law["source"]) + " · " + html_link(law["url"], _("open the page read"))),
            "quote": html_text(law["quote"]),
            "dates": labelled(_("effective"), html_text(law["effective_date"]))
            + sub_line(labelled(_("status"), html_text(code_word(law["status"]))))
            + sub_line(labelled(_("read on"), html_text(law["source_date"]))),
            "review_status": html_text(code_word(law["review_status"])),
        }
        for law in laws
    ]
    record_table(headers, rows, "state-laws")
