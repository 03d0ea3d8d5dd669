"""The county page's "Why this color" tab: the indicators, the evidence behind them and the 287(g) agreements. The
tables wrap instead of scrolling (lib.ui.tables.record_table): each row's source, link and date sit under its text."""

import streamlit as st

from lib.countyfacts import capitalized, evidence_date, indicator_detail
from lib.explain import evidence_value_words
from lib.i18n import _
from lib.money import MODEL_COMMITMENTS
from lib.registry import VALUE_WORDS, indicator_name
from lib.safetext import fill, html_link, html_text, plain
from lib.ui.tables import labelled, record_table, sub_line
from lib.vocab import BASIS_EXPLAINED, MODEL_LABELS, code_word


def indicator_summary(indicators: dict[str, dict]) -> None:
    for column, (name, record) in zip(st.columns(len(indicators)), indicators.items()):
        column.metric(
            plain(capitalized(_(indicator_name(name)))),
            _(VALUE_WORDS[record["value"]]),
            plain(indicator_detail(record)),
            delta_color="off",
            delta_arrow="off",
            help=plain(basis_gloss(record["basis"])),
        )


def basis_gloss(basis: str | None) -> str | None:
    """A basis in plain words: "statute: a law passed by the state legislature"; None without evidence."""
    if basis not in BASIS_EXPLAINED:
        return code_word(basis)
    return f"{code_word(basis)}: {_(BASIS_EXPLAINED[basis])}"


def evidence_table(records: list[dict]) -> None:
    st.markdown(_("**Evidence** (the row that decides each indicator comes first)"))
    if not records:
        st.write(_("No evidence found for this county."))
        return
    st.caption(
        _(
            'Each row: what it says, then its source, the link to it and its date. "Context only": the row sets '
            "no value itself; it is shown as background to the row that decides."
        )
    )
    headers = {
        "indicator": _("indicator"),
        "value": _("value"),
        "evidence": _("evidence, its source and date"),
        "basis": _("basis"),
        "review_status": _("review"),
    }
    rows = []
    for record in records:
        dates = labelled(_("as of"), html_text(evidence_date(record["as_of"])))
        if record["effective"]:
            dates += " · " + labelled(_("in effect since"), html_text(record["effective"]))
        rows.append(
            {
                "indicator": html_text(_(indicator_name(record["indicator"])))
                + (
                    sub_line("<strong>" + html_text(_("decides this indicator")) + "</strong>")
                    if record["decides"]
                    else ""
                ),
                "value": html_text(evidence_value_words(record["indicator"], record["value"])),
                "evidence": html_text(record["summary"])
                + sub_line(
                    labelled(_("source"), html_text(record["source"])) + " · " + html_link(record["url"], _("open"))
                )
                + sub_line(dates),
                "basis": html_text(code_word(record["basis"]))
                + (
                    sub_line(html_text(_(BASIS_EXPLAINED[record["basis"]])))
                    if record["basis"] in BASIS_EXPLAINED
                    else ""
                ),
                "review_status": html_text(code_word(record["review_status"])),
            }
        )
    record_table(headers, rows, "evidence")


def agreements_table(title: str, agreements: list[dict], empty: str) -> None:
    st.subheader(plain(title))
    if not agreements:
        st.write(plain(empty))
        return
    headers = {
        "agency": _("agency"),
        "model": _("model"),
        "status": _("status"),
        "source": _("source and date"),
    }
    rows = [
        {
            "agency": html_text(agreement["agency"]) + sub_line(html_text(agreement["agency_type_label"])),
            "model": html_text(agreement["model_label"]),
            "status": html_text(code_word(agreement["status"]))
            + sub_line(labelled(_("signed"), html_text(agreement["signed"]))),
            "source": labelled(_("ICE sheet of"), html_text(agreement["source_date"]))
            + sub_line(html_text(agreement["source"]))
            + sub_line(labelled(_("agreement (MOA)"), html_link(agreement["moa_url"], _("open")))),
        }
        for agreement in agreements
    ]
    record_table(headers, rows, "agreements")
    models = sorted({agreement["model"] for agreement in agreements} & set(MODEL_COMMITMENTS))
    for model in models:
        st.caption(fill(_("**{model}**: {meaning}"), model=_(MODEL_LABELS[model]), meaning=_(MODEL_COMMITMENTS[model])))
