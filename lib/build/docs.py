"""data/README.md and data/LICENSES.md, generated from the dataset schemas and the source registry."""

from lib import datasets
from lib.sources import Registry

MANIFEST_DESCRIPTION = (
    "The SHA-256 of every other file in this folder, by file name (`{\"sha256\": {\"agencies.csv\": \"…\", …}}`), "
    "sorted and without a date, so the same files give the same manifest. The build writes it last, into the new "
    "folder it then swaps in. The app reads it first and checks every file it reads against it, so one load never "
    "mixes files of two builds: a file replaced by a rebuild while it was read is read again, and a file edited "
    "by hand stops the app with a message naming it and `make data`."
)


def _type_name(dtype: object) -> str:
    text = str(dtype)
    for prefix, name in (("str", "text"), ("int", "integer"), ("bool", "boolean"), ("float", "number")):
        if text.startswith(prefix):
            return name
    return text


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _cited(source: str, registry: Registry) -> list[str]:
    """The sources a field's `source` names, one by one, with a series cited for every sheet replaced by the entry of
    each of its sheets, oldest first (the Wayback captures, one source, once)."""
    cited = []
    for part in source.split(", "):
        if part.endswith(datasets.EVERY_SHEET):
            sheets = registry.sheets(part.removesuffix(datasets.EVERY_SHEET))
            cited += dict.fromkeys(sheet.source_id for sheet in sheets)
        else:
            cited.append(part)
    return cited


def data_readme(registry: Registry) -> str:
    by_id = {source["id"]: source for source in registry.published}
    lines = [
        "# Compiled data",
        "",
        "Written by `make data` (`python -m lib.build`) from the raw public files; do not edit by hand.",
        "Every fact carries the date of its source (`as_of`, `source_date`), never the build date.",
        "Keys: counties are always 5-character FIPS strings.",
        "These files hold names as their sources give them. Every CSV the app offers for download (the county table, "
        "What changed) puts a single quote (') before any text cell that begins with =, +, -, @, a tab or a carriage "
        "return, so a spreadsheet shows it as text and never runs it as a formula, and leaves numbers as they are.",
        "",
        "## Files",
        "",
    ]
    for dataset in datasets.ALL:
        lines += [f"### `{dataset.file}`", "", dataset.description, ""]
        if dataset.schema is None:
            continue
        lines += ["| field | type | description | source | as of |", "|---|---|---|---|---|"]
        for name, column in dataset.schema.columns.items():
            cited = _cited(column.metadata["source"], registry)
            # "ice_287g_participating (derived from ...)": the source's id comes first
            source_ids = [part.split(" ")[0] for part in cited]
            as_of = "; ".join(str(by_id[sid]["as_of"]) for sid in source_ids if sid in by_id) or "build"
            lines.append(
                f"| `{name}` | {_type_name(column.dtype)} | {_cell(column.description)} | {_cell(', '.join(cited))} "
                f"| {_cell(as_of)} |"
            )
        lines.append("")
    lines += [f"### `{datasets.MANIFEST_FILE}`", "", MANIFEST_DESCRIPTION, ""]
    lines += ["## Sources", "", "| id | source | publisher | as of | licence | file(s) |", "|---|---|---|---|---|---|"]
    for source in registry.published:
        title = f"[{source['title']}]({source['url']})" if source.get("url") else source["title"]
        lines.append(
            f"| `{source['id']}` | {_cell(title)} | {_cell(source['publisher'])} | {_cell(source['as_of'])} "
            f"| {_cell(source['licence'])} | {_cell(', '.join(source['files']))} |"
        )
    lines += ["", "Licence notices for third-party material are in `LICENSES.md`.", ""]
    return "\n".join(lines)


def licences(us_atlas_licence: str) -> str:
    return "\n".join(
        [
            "# Licence notices",
            "",
            "ICE, FBI and Census material is a work of the US federal government (public domain).",
            "Deportation Data Project material is CC0.",
            "",
            "## us-atlas 3.0.1 (county and state shapes, simplified here)",
            "",
            "```",
            us_atlas_licence.strip(),
            "```",
            "",
        ]
    )
