"""Downloads: the county table keeps FIPS as text and cannot carry a formula into a spreadsheet; the GeoJSON
layer has every drawn county with valid shapes; the dictionary names every column and the licences."""

import dataclasses
import io
import json
import shutil

import pandas as pd
import pytest
from shapely.geometry import shape

from lib import exports
from lib.evidence import CountyEvidence
from lib.i18n import use_language
from lib.paths import DATA_DIR
from lib.registry import CLASSIFIED_IDS, LAYER_IDS, UNKNOWN
from tests.datacopy import sign

GEOJSON_PROPERTIES = set(exports.GEOJSON_PROPERTIES)


def read_csv(content: bytes, **options) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), encoding="utf-8-sig", keep_default_na=False, **options)


@pytest.fixture(scope="module")
def table(evidence, layers) -> pd.DataFrame:
    return read_csv(exports.county_table_csv(evidence, layers), dtype=str)


def test_every_county_once_keyed_by_five_character_fips(data, table):
    assert list(table.columns) == list(exports.CSV_COLUMNS)
    assert table["fips"].str.fullmatch(r"\d{5}").all()
    assert table["fips"].is_unique
    assert set(table["fips"]) == set(data.counties["fips"])
    assert table.loc[table["fips"] == "01001", "name"].item() == "Autauga County"
    assert table.loc[table["fips"] == "35013", "name"].item() == "Doña Ana County"


def test_classes_match_the_layers(table, layers):
    by_fips = table.set_index("fips")
    for layer_id in LAYER_IDS:
        assert (by_fips[layer_id] == layers[layer_id].county_class.reindex(by_fips.index)).all(), layer_id


def test_numbers_stay_numbers(evidence, layers):
    typed = read_csv(exports.county_table_csv(evidence, layers), dtype={"fips": str})
    assert pd.api.types.is_integer_dtype(typed["population"])


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")'])
def test_formula_like_text_is_neutralised(text):
    assert exports.neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Harris County", "", "as of 2015", 5, -3, 2.5, True, None])
def test_other_values_are_unchanged(value):
    assert exports.neutralise_cell(value) is value


def test_formula_in_the_data_reaches_the_csv_neutralised(data, layers):
    names = {"01001": "=cmd|' /C calc'!A0", "01003": "+1", "01005": "-1", "01007": "@SUM(1)"}
    counties = data.counties.assign(name=data.counties["fips"].map(names).fillna(data.counties["name"]))
    hostile = dataclasses.replace(data, counties=counties)
    written = read_csv(exports.county_table_csv(CountyEvidence.assemble(hostile), layers), dtype=str).set_index("fips")[
        "name"
    ]
    for fips, name in names.items():
        assert written[fips] == "'" + name


@pytest.mark.parametrize("layer_id", ["level", "287g"])
def test_layer_geojson_has_every_drawn_county_with_valid_shapes(data, evidence, layers, layer_id):
    collection = json.loads(exports.layer_geojson(evidence, layers[layer_id]))
    assert collection["type"] == "FeatureCollection"
    assert collection["layer"]["id"] == layer_id
    features = collection["features"]
    assert len(features) >= 3100
    class_ids = {c.id for c in layers[layer_id].classes}
    for feature in features:
        properties = feature["properties"]
        assert set(properties) == GEOJSON_PROPERTIES
        assert len(properties["fips"]) == 5 and properties["class"] in class_ids
        assert isinstance(properties["draft"], bool)
        geometry = shape(feature["geometry"])
        assert geometry.is_valid and not geometry.is_empty, properties["fips"]
    assert {f["properties"]["fips"] for f in features} == set(data.counties["fips"]) - {"51610"}


def test_dictionary_names_every_column_and_the_licences():
    text = exports.data_dictionary_and_licence()
    for column in exports.CSV_COLUMNS:
        assert f"`{column}`" in text
    assert "## Sources" in text and "Licence notices" in text and "Michael Bostock" in text


def test_dictionary_is_read_from_the_folder_the_app_serves(tmp_path, monkeypatch):
    """ICE_MAP_DATA_DIR points the app at another data folder: the dictionary shipped with a download is that
    folder's, not the committed data/'s."""
    served = shutil.copytree(DATA_DIR, tmp_path / "data")
    readme = served / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("## Sources", "## Sources\n\nEdited copy.", 1), encoding="utf-8"
    )
    sign(served)
    monkeypatch.setenv("ICE_MAP_DATA_DIR", str(served))
    assert "Edited copy." in exports.data_dictionary_and_licence()


def test_downloads_stay_english_whatever_the_language(data, evidence, layers):
    """CSV and GeoJSON are machine-readable: the same bytes on a Spanish page as on an English one, from the
    Spanish page's evidence too."""
    english = exports.county_table_csv(evidence, layers), exports.layer_geojson(evidence, layers["level"])
    with use_language("es"):
        spanish_evidence = CountyEvidence.assemble(data)
        assert (
            exports.county_table_csv(spanish_evidence, layers),
            exports.layer_geojson(spanish_evidence, layers["level"]),
        ) == english


def test_every_county_in_the_geojson_carries_where_its_level_and_values_come_from(data, evidence, layers):
    """The level and each indicator value with the source, date and review status of the evidence that decides it,
    the same as the CSV's; a formal partnership with its own facts; draft stays visible."""
    features = {
        f["id"]: f["properties"] for f in json.loads(exports.layer_geojson(evidence, layers["level"]))["features"]
    }
    table = exports.county_table(evidence, layers).set_index("fips")
    santa_clara = features["06085"]
    assert santa_clara["level"] == table.at["06085", "level"] and santa_clara["level_draft"] is True
    assert santa_clara["holds_review_status"] == "draft" and santa_clara["holds_as_of"] == "as of 2015"
    assert santa_clara["holds_source"] == table.at["06085", "holds_source"]
    (partnership, *_others) = features["12099"]["partnership_facts"]
    assert set(partnership) == set(exports.EVIDENCE_FIELDS)
    assert partnership["source"] and partnership["as_of"] and partnership["review_status"]
    for fips, properties in features.items():
        for indicator in CLASSIFIED_IDS:
            for field in ("source", "as_of", "review_status"):
                in_csv = table.at[fips, f"{indicator}_{field}"]
                assert properties[f"{indicator}_{field}"] == (None if pd.isna(in_csv) else in_csv), (fips, field)
            if properties[indicator] != UNKNOWN:
                assert properties[f"{indicator}_source"] and properties[f"{indicator}_as_of"], (fips, indicator)


def test_the_dictionary_names_every_geojson_property():
    text = exports.data_dictionary_and_licence()
    for name in exports.GEOJSON_PROPERTIES:
        assert f"`{name}`" in text
