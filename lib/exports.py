"""Downloads for journalists and presenters: the county table as CSV, one map layer as GeoJSON, and the
data dictionary with the licence notices that must travel with them.

Downloads are machine-readable and stay English whatever the language of the page (class labels, layer titles and
evidence are made in English here); only the app's buttons around them are translated.

CSVs are meant to be opened in spreadsheets, so every text cell that a spreadsheet could run as a formula is
neutralised (see neutralise_cell and csv_text, which every CSV the app offers goes through); numbers are left as
numbers.
"""

import json

import pandas as pd
from lib.data import CompiledData
from lib.evidence import CountyEvidence
from lib.layers import Layer
from lib.paths import app_data_dir
from lib.registry import AGREEMENT_287G, CLASSIFIED_IDS, ICE_BEDS, LAYER_IDS, LEVEL_LAYER

# A spreadsheet treats a cell starting with one of these as a formula (tab and carriage return can hide one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The layers whose date the CSV gives in a column of its own (the indicator layers share the level's).
DATED_LAYERS = (LEVEL_LAYER, AGREEMENT_287G, ICE_BEDS)

# The CSV's columns, each with its meaning: the single source for both the table and its dictionary.
CSV_COLUMNS = {
    "fips": "5-character county FIPS code, text (keep the leading zero when importing: read it as text)",
    "name": "County name with its Census suffix (County, Parish, city, Borough, ...)",
    "state": "State name",
    "state_abbr": "State postal code",
    "population": "Total population, ACS 5-year estimate (about 2014-2018), a number",
    **{column: definition for layer_id in LAYER_IDS for column, definition in (
        (layer_id, f"Class id on the map layer '{layer_id}'"),
        (f"{layer_id}_label", f"What the '{layer_id}' class means, as the map legend says it"),
        (f"{layer_id}_draft", f"True where the '{layer_id}' class rests on draft evidence nobody has reviewed"),
    )},
    **{column: definition for indicator in CLASSIFIED_IDS for column, definition in (
        (f"{indicator}_basis", f"Kind of evidence that decides '{indicator}' (statute, agreement, contract, "
                               "local policy); empty where none was found"),
        (f"{indicator}_source", f"Source of the evidence that decides '{indicator}'"),
        (f"{indicator}_as_of", "Date of that source ('as of 2015' marks facts from the 2015 toolkit)"),
    )},
    "level_list_as_of": "Date of ICE's 287(g) list the level layer uses",
    "287g_list_as_of": "Date of ICE's 287(g) participating list",
    "ice_beds_list_as_of": "Date of the newest ICE detention count the ICE beds layer uses",
}


def neutralise_cell(value):
    """A text cell a spreadsheet will show as text: a leading formula character gets a single quote before it.
    Anything that is not text (numbers, booleans, missing values) is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def county_table(evidence: CountyEvidence, layers: dict[str, Layer], reviewed_only: bool = False) -> pd.DataFrame:
    """One row per county: every layer's class, label and draft flag, and the evidence behind each indicator.

    `evidence` is in English (the source language), like every download; `reviewed_only` must be the one the
    layers were built with, so the evidence columns match the classes."""
    data = evidence.data
    table = data.counties_by_fips[["fips", "name", "state", "state_abbr", "population"]].copy()
    for layer_id in LAYER_IDS:
        layer = layers[layer_id]
        labels = {c.id: c.label for c in layer.classes}
        classes = layer.county_class.reindex(table.index)
        table[layer_id] = classes
        table[f"{layer_id}_label"] = classes.map(labels)
        table[f"{layer_id}_draft"] = [layer.is_draft(fips) for fips in table.index]
    classifications = evidence.classify_all(reviewed_only=reviewed_only)
    for indicator in CLASSIFIED_IDS:
        deciding = [classifications[fips].indicators[indicator].decided_by for fips in table.index]
        table[f"{indicator}_basis"] = [e.basis if e else None for e in deciding]
        table[f"{indicator}_source"] = [e.source if e else None for e in deciding]
        table[f"{indicator}_as_of"] = [e.as_of if e else None for e in deciding]
    for layer_id in DATED_LAYERS:
        table[f"{layer_id}_list_as_of"] = layers[layer_id].as_of
    return table[list(CSV_COLUMNS)].reset_index(drop=True)


def csv_text(table: pd.DataFrame) -> str:
    """Any table the app offers as CSV: every text cell neutralised (neutralise_cell), numbers written as they are.
    Every CSV download goes through here (tests/test_csv_downloads.py checks each download button).

    Rows end in CRLF (RFC 4180) because Python's CSV writer only quotes a cell holding a character of the row end:
    with bare LF rows, a carriage return inside a name would go out unquoted, a spreadsheet would start a new row
    there, and the text after it ('=1+1') would become a cell of its own, unneutralised."""
    return table.map(neutralise_cell).to_csv(index=False, lineterminator="\r\n")


def county_table_csv(evidence: CountyEvidence, layers: dict[str, Layer], reviewed_only: bool = False) -> bytes:
    """The county table as CSV, UTF-8 with a byte order mark so spreadsheets show names like Doña Ana right."""
    return csv_text(county_table(evidence, layers, reviewed_only)).encode("utf-8-sig")


def layer_geojson(data: CompiledData, layer: Layer) -> bytes:
    """One map layer as a GeoJSON FeatureCollection: every county's shape with its class on that layer (English,
    like the CSV: labels and title as the layer stores them)."""
    counties = data.counties_by_fips
    labels = {c.id: c.label for c in layer.classes}
    features = []
    for fips, geometry in data.county_geometries.items():
        class_id = layer.county_class[fips]
        features.append({
            "type": "Feature",
            "id": fips,
            "geometry": geometry,
            "properties": {"fips": fips, "name": counties.at[fips, "name"], "state": counties.at[fips, "state"],
                           "class": class_id, "class_label": labels[class_id], "draft": layer.is_draft(fips)},
        })
    # "layer" is a foreign member (RFC 7946, section 6.1): readers that do not know it ignore it.
    collection = {"type": "FeatureCollection",
                  "layer": {"id": layer.id, "title": layer.title, "as_of": layer.as_of},
                  "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def state_laws_csv(data: CompiledData) -> bytes:
    """The state-law table as CSV: every row with its effect, citation, the quote of its operative words, the page
    they were read on and when, and whether that was checked against the law's text (UTF-8 with a byte order mark,
    like the county table)."""
    return csv_text(data.state_laws).encode("utf-8-sig")


def data_dictionary_and_licence() -> str:
    """Plain text to ship with every download: what the columns mean, where the data comes from, licences. Read from
    the folder the app serves (ICE_MAP_DATA_DIR moves it), so the dictionary describes the data downloaded."""
    data_dir = app_data_dir()
    readme = (data_dir / "README.md").read_text(encoding="utf-8")
    sources = readme[readme.index("## Sources"):]
    licences = (data_dir / "LICENSES.md").read_text(encoding="utf-8")
    columns = "\n".join(f"- `{column}`: {definition}" for column, definition in CSV_COLUMNS.items())
    return (
        "# County table and map layers: data dictionary and licences\n\n"
        "Facts are as of their sources' dates, given in the columns and the table of sources below; "
        "'draft' marks evidence nobody has reviewed yet. Unknown means no evidence was found, not that a "
        "county does not collaborate.\n\n"
        "## county table (CSV)\n\n"
        "One row per county. Text cells that begin with = + - @, a tab or a carriage return get a leading single "
        "quote so that spreadsheets do not run them as formulas (as in every CSV the app offers).\n\n"
        f"{columns}\n\n"
        "## map layer (GeoJSON)\n\n"
        "County shapes (Census 2017, simplified; Falls Church city, VA, has none) with the properties fips, "
        "name, state, class, class_label and draft, as in the CSV. The member `layer` names the layer and its "
        "date.\n\n"
        f"{sources}\n"
        f"{licences}"
    )
