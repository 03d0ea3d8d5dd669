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

from lib.classify import Classification
from lib.data import CompiledData
from lib.evidence import CountyEvidence
from lib.layers import Layer
from lib.paths import app_data_dir
from lib.registry import AGREEMENT_287G, CLASSIFIED_IDS, ICE_BEDS, LAYER_IDS, LEVEL_CLASSES, LEVEL_LAYER, VALUES

# A spreadsheet treats a cell starting with one of these as a formula (tab and carriage return can hide one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The layers whose date the CSV gives in a column of its own (the indicator layers share the level's).
DATED_LAYERS = (LEVEL_LAYER, AGREEMENT_287G, ICE_BEDS)
# What both downloads give of the evidence that decides an indicator (fields of lib.classify.Evidence).
EVIDENCE_FIELDS = ("basis", "source", "as_of", "review_status")

# The CSV's columns, each with its meaning: the single source for both the table and its dictionary.
CSV_COLUMNS = {
    "fips": "5-character county FIPS code, text (keep the leading zero when importing: read it as text)",
    "name": "County name with its Census suffix (County, Parish, city, Borough, ...)",
    "state": "State name",
    "state_abbr": "State postal code",
    "population": "Total population, ACS 5-year estimate (about 2014-2018), a number",
    **{
        column: definition
        for layer_id in LAYER_IDS
        for column, definition in (
            (layer_id, f"Class id on the map layer '{layer_id}'"),
            (f"{layer_id}_label", f"What the '{layer_id}' class means, as the map legend says it"),
            (f"{layer_id}_draft", f"True where the '{layer_id}' class rests on draft evidence nobody has reviewed"),
        )
    },
    **{
        column: definition
        for indicator in CLASSIFIED_IDS
        for column, definition in (
            (
                f"{indicator}_basis",
                f"Kind of evidence that decides '{indicator}' (statute, agreement, contract, "
                "local policy); empty where none was found",
            ),
            (f"{indicator}_source", f"Source of the evidence that decides '{indicator}'"),
            (f"{indicator}_as_of", "Date of that source ('as of 2015' marks facts from the 2015 toolkit)"),
            (
                f"{indicator}_review_status",
                "Whether that evidence was checked: draft (nobody has reviewed it), reviewed, or checked_against_text "
                "(read against the law's own text); empty where none was found",
            ),
        )
    },
    "level_list_as_of": "Date of ICE's 287(g) list the level layer uses",
    "287g_list_as_of": "Date of ICE's 287(g) participating list",
    "ice_beds_list_as_of": "Date of the newest ICE detention count the ICE beds layer uses",
}


# The GeoJSON's properties of each county, each with its meaning (the data dictionary lists them).
GEOJSON_PROPERTIES = {
    "fips": CSV_COLUMNS["fips"],
    "name": CSV_COLUMNS["name"],
    "state": CSV_COLUMNS["state"],
    "class": "Class id on this layer (the member `layer` names it)",
    "class_label": "What the class means, as the map legend says it",
    "draft": "True where the class rests on draft evidence nobody has reviewed",
    "level": CSV_COLUMNS[LEVEL_LAYER],
    "level_label": CSV_COLUMNS[f"{LEVEL_LAYER}_label"],
    "level_draft": CSV_COLUMNS[f"{LEVEL_LAYER}_draft"],
    "partnership_facts": "The facts that make a formal partnership with ICE (287(g) of the jail's agency, ICE beds "
    "in the county jail), each with its basis, source, as_of and review_status; empty where there is none",
    **{
        name: definition
        for indicator in CLASSIFIED_IDS
        for name, definition in (
            (indicator, f"Value of '{indicator}': one of {', '.join(VALUES)}"),
            *((f"{indicator}_{field}", CSV_COLUMNS[f"{indicator}_{field}"]) for field in EVIDENCE_FIELDS),
        )
    },
}


def neutralise_cell(value):
    """A text cell a spreadsheet will show as text: a leading formula character gets a single quote before it.
    Anything that is not text (numbers, booleans, missing values) is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _evidence_columns(classifications: dict[str, Classification], fips_order) -> dict[str, list]:
    """For each indicator, the basis, source, date and review status of the evidence that decides it, by county."""
    columns = {}
    for indicator in CLASSIFIED_IDS:
        deciding = [classifications[fips].indicators[indicator].decided_by for fips in fips_order]
        for field in EVIDENCE_FIELDS:
            columns[f"{indicator}_{field}"] = [getattr(e, field) if e else None for e in deciding]
    return columns


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
    for column, values in _evidence_columns(evidence.classify_all(reviewed_only=reviewed_only), table.index).items():
        table[column] = values
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


def layer_geojson(evidence: CountyEvidence, layer: Layer, reviewed_only: bool = False) -> bytes:
    """One map layer as a GeoJSON FeatureCollection: every county's shape with its class on that layer, and where
    each fact comes from: the county's level and whether it rests on draft evidence, the formal partnership that
    sets it (287(g) of the jail's agency, ICE beds in the county jail) and, for each indicator, its value and the
    basis, source, date and review status of the evidence that decides it (English, like the CSV; `reviewed_only`
    must be the one the layer was built with)."""
    data = evidence.data
    counties = data.counties_by_fips
    labels = {c.id: c.label for c in layer.classes}
    level_labels = {c.id: c.label for c in LEVEL_CLASSES}
    classifications = evidence.classify_all(reviewed_only=reviewed_only)
    shaped = list(data.county_geometries)
    evidence_columns = _evidence_columns(classifications, shaped)
    features = []
    for row, (fips, geometry) in enumerate(data.county_geometries.items()):
        class_id = layer.county_class[fips]
        classification = classifications[fips]
        features.append(
            {
                "type": "Feature",
                "id": fips,
                "geometry": geometry,
                "properties": {
                    "fips": fips,
                    "name": counties.at[fips, "name"],
                    "state": counties.at[fips, "state"],
                    "class": class_id,
                    "class_label": labels[class_id],
                    "draft": layer.is_draft(fips),
                    "level": classification.level,
                    "level_label": level_labels[classification.level],
                    "level_draft": classification.rests_on_draft,
                    "partnership_facts": [
                        {field: getattr(fact, field) for field in EVIDENCE_FIELDS}
                        for fact in classification.partnership
                    ],
                    **{
                        key: value
                        for indicator in CLASSIFIED_IDS
                        for key, value in (
                            (indicator, classification.indicators[indicator].value),
                            *(
                                (f"{indicator}_{field}", evidence_columns[f"{indicator}_{field}"][row])
                                for field in EVIDENCE_FIELDS
                            ),
                        )
                    },
                },
            }
        )
    # "layer" is a foreign member (RFC 7946, section 6.1): readers that do not know it ignore it.
    collection = {
        "type": "FeatureCollection",
        "layer": {"id": layer.id, "title": layer.title, "as_of": layer.as_of},
        "features": features,
    }
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
    sources = readme[readme.index("## Sources") :]
    licences = (data_dir / "LICENSES.md").read_text(encoding="utf-8")
    columns = "\n".join(f"- `{column}`: {definition}" for column, definition in CSV_COLUMNS.items())
    geojson_properties = "\n".join(f"- `{name}`: {definition}" for name, definition in GEOJSON_PROPERTIES.items())
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
        "County shapes (Census 2017, simplified; Falls Church city, VA, has none), each with the properties:\n\n"
        f"{geojson_properties}\n\n"
        "The member `layer` names the layer and its date.\n\n"
        f"{sources}\n"
        f"{licences}"
    )
