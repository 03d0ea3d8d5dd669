"""The county page's "Why this color" tab: the indicators, the evidence behind them and the 287(g) agreements."""

import pandas as pd
import streamlit as st

from lib.countyfacts import capitalized, evidence_date, indicator_detail
from lib.explain import evidence_value_words
from lib.i18n import _
from lib.registry import VALUE_WORDS, indicator_name
from lib.safetext import plain, web_link
from lib.vocab import code_word


def indicator_summary(indicators: dict[str, dict]) -> None:
    for column, (name, record) in zip(st.columns(len(indicators)), indicators.items()):
        column.metric(
            plain(capitalized(_(indicator_name(name)))),
            _(VALUE_WORDS[record["value"]]),
            plain(indicator_detail(record)),
            delta_color="off",
            delta_arrow="off",
        )


def evidence_table(records: list[dict]) -> None:
    st.markdown(_("**Evidence** (the row that decides each indicator comes first)"))
    if not records:
        st.write(_("No evidence found for this county."))
        return
    table = pd.DataFrame(records)
    table["value"] = [evidence_value_words(record["indicator"], record["value"]) for record in records]
    table["indicator"] = table["indicator"].map(lambda name: _(indicator_name(name)))
    table["basis"] = table["basis"].map(code_word)
    table["as_of"] = table["as_of"].map(evidence_date)
    table["review_status"] = table["review_status"].map(code_word)
    table["url"] = table["url"].map(web_link)
    st.dataframe(
        table[["decides", "indicator", "value", "summary", "basis", "as_of", "review_status", "source", "url"]],
        column_config={
            "decides": st.column_config.CheckboxColumn(_("decides")),
            "indicator": _("indicator"),
            "value": _("value"),
            "basis": _("basis"),
            "as_of": _("as of"),
            "review_status": _("review"),
            "summary": st.column_config.TextColumn(_("evidence"), width="large"),
            "source": _("source"),
            "url": st.column_config.LinkColumn(_("link"), display_text=_("open")),
        },
        hide_index=True,
        width="stretch",
    )


def agreements_table(title: str, agreements: list[dict], empty: str) -> None:
    st.subheader(plain(title))
    if not agreements:
        st.write(plain(empty))
        return
    table = pd.DataFrame(agreements)[
        ["agency", "agency_type_label", "model_label", "status", "signed", "source_date", "source", "moa_url"]
    ]
    table["agency_type_label"] = table["agency_type_label"].map(_)
    table["model_label"] = table["model_label"].map(_)
    table["status"] = table["status"].map(code_word)
    table["moa_url"] = table["moa_url"].map(web_link)
    st.dataframe(
        table,
        column_config={
            "agency": _("agency"),
            "agency_type_label": _("agency type"),
            "model_label": _("model"),
            "status": _("status"),
            "signed": _("signed"),
            "source_date": _("ICE sheet of"),
            "source": _("source file"),
            "moa_url": st.column_config.LinkColumn(_("agreement (MOA)"), display_text="MOA"),
        },
        hide_index=True,
        width="stretch",
    )
