"""The declared shape of every file in data/ (lib/datasets.py): each JSON shape model and each table schema rejects
a file of the wrong shape, and the load names the file and the fix; the committed data has the declared shapes."""

import io
import json

import pandas as pd
import pytest

from lib import datasets
from lib.data import DataFileError, load
from lib.paths import DATA_DIR
from tests.datacopy import STAND_IN_TOPOLOGY, assert_names_the_file_and_the_fix, small_build, small_files

SOURCE = {"id": "x", "title": "t", "as_of": "2026", "publisher": "p", "licence": "l"}
MATCH_REPORT = {
    "rows": 1,
    "placeable_rows": 1,
    "matched_rows": 1,
    "match_rate": 1.0,
    "by_agency_type": {},
    "unmatched": [],
}
COUNTY = STAND_IN_TOPOLOGY["objects"]["counties"]["geometries"][0]


def without(shape: dict, key: str) -> dict:
    return {name: value for name, value in shape.items() if name != key}


def topology(**changes) -> str:
    return json.dumps({**STAND_IN_TOPOLOGY, **changes})


def counties(*geometries, collection="GeometryCollection") -> str:
    return topology(objects={"counties": {"type": collection, "geometries": list(geometries)}})


MAIN_COUNTY_REPORT = {"curated": 1, "first_listed": 0, "needs_curation": []}


def build_report(main_county: dict = MAIN_COUNTY_REPORT, **changes) -> str:
    return json.dumps({"agreements_287g": {**MATCH_REPORT, **changes}, "agency_main_county": main_county})


# Each shape model, by a file it rejects: (file, text).
BAD_SHAPES = {
    "Sources: not a list": (datasets.SOURCES.file, '{"a": 1}'),
    "Source: without its title": (datasets.SOURCES.file, json.dumps([without(SOURCE, "title")])),
    "Source: cadence as text": (datasets.SOURCES.file, json.dumps([{**SOURCE, "cadence_days": "7"}])),
    "Source: link as a number": (datasets.SOURCES.file, json.dumps([{**SOURCE, "url": 7}])),
    "BuildReport: empty": (datasets.BUILD_REPORT.file, "{}"),
    "MatchReport: match rate as text": (datasets.BUILD_REPORT.file, build_report(match_rate="99%")),
    "MatchReport: unmatched rows not a list": (datasets.BUILD_REPORT.file, build_report(unmatched={})),
    "AgencyTypeMatch: without its matched count": (
        datasets.BUILD_REPORT.file,
        build_report(by_agency_type={"sheriff": {"rows": 1}}),
    ),
    "MainCountyReport: agencies to curate not a list": (
        datasets.BUILD_REPORT.file,
        build_report(main_county={**MAIN_COUNTY_REPORT, "needs_curation": 0}),
    ),
    "CountyTopology: without objects": (datasets.COUNTY_SHAPES.file, json.dumps(without(STAND_IN_TOPOLOGY, "objects"))),
    "CountyTopology: not a topology": (datasets.COUNTY_SHAPES.file, topology(type="FeatureCollection")),
    "CountyTopology: arcs not quantized": (datasets.COUNTY_SHAPES.file, topology(arcs=[[[0.5, 0.25], [1, 0]]])),
    "Transform: a scale of three numbers": (
        datasets.COUNTY_SHAPES.file,
        topology(transform={"scale": [1, 1, 1], "translate": [0, 0]}),
    ),
    "Transform: without a translation": (datasets.COUNTY_SHAPES.file, topology(transform={"scale": [1, 1]})),
    "CountyObjects: without counties": (datasets.COUNTY_SHAPES.file, topology(objects={"states": {}})),
    "CountyCollection: not a geometry collection": (
        datasets.COUNTY_SHAPES.file,
        counties(COUNTY, collection="FeatureCollection"),
    ),
    "CountyGeometry: without its code": (datasets.COUNTY_SHAPES.file, counties(without(COUNTY, "id"))),
    "CountyGeometry: a code of four digits": (datasets.COUNTY_SHAPES.file, counties({**COUNTY, "id": "1001"})),
    "CountyGeometry: a point": (datasets.COUNTY_SHAPES.file, counties({**COUNTY, "type": "Point"})),
    "CountyGeometry: arcs as names": (datasets.COUNTY_SHAPES.file, counties({**COUNTY, "arcs": [["a"]]})),
    "Manifest: a hash that is no SHA-256": (datasets.MANIFEST_FILE, json.dumps({"sha256": {"counties.csv": "abc"}})),
    "Manifest: no hashes": (datasets.MANIFEST_FILE, "[]"),
}


def test_every_shape_model_has_a_case_it_rejects():
    declared = {
        name
        for name, value in vars(datasets).items()
        if isinstance(value, type)
        and issubclass(value, datasets.JsonShape | datasets.Sources)
        and value is not datasets.JsonShape
    }
    assert {case.split(":")[0] for case in BAD_SHAPES} == declared


@pytest.mark.parametrize("case", BAD_SHAPES)
def test_json_of_the_wrong_shape_names_the_file_and_the_fix(tmp_path, case):
    file, text = BAD_SHAPES[case]
    folder = small_build(tmp_path / "data", {file: text})
    with pytest.raises(DataFileError, match="not shaped as expected") as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, file)


def test_the_small_build_itself_loads(tmp_path):
    """The cases above fail for their one change only."""
    assert len(load(small_build(tmp_path / "data", {})).counties) == 3


def small_table(dataset: datasets.Dataset) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(small_files()[dataset.file]), dtype=str, keep_default_na=False)


def table_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


@pytest.mark.parametrize("dataset", datasets.TABLES, ids=lambda dataset: dataset.file)
def test_a_table_without_a_declared_column_names_the_file_and_the_fix(tmp_path, dataset):
    frame = small_table(dataset)
    column = frame.columns[-1]
    folder = small_build(tmp_path / "data", {dataset.file: table_text(frame.drop(columns=[column]))})
    with pytest.raises(DataFileError, match=f"SchemaError: column '{column}' not in dataframe") as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, dataset.file)


def test_a_table_with_a_column_its_schema_does_not_declare_names_the_file_and_the_fix(tmp_path):
    dataset = datasets.COUNTIES
    folder = small_build(tmp_path / "data", {dataset.file: table_text(small_table(dataset).assign(surprise="x"))})
    with pytest.raises(DataFileError) as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, dataset.file)


@pytest.mark.parametrize(
    ("dataset", "column", "value"),
    [
        (datasets.COUNTIES, "fips", "1001"),
        (datasets.AGREEMENTS_287G, "agency_type", "sherif"),
        (datasets.STATE_LAWS, "effective_date", "2017-9-1"),
        (datasets.DETENTION_POPULATION, "adp", "-1"),
    ],
)
def test_a_value_its_schema_rejects_names_the_file_and_the_fix(tmp_path, dataset, column, value):
    frame = small_table(dataset)
    frame.loc[0, column] = value
    folder = small_build(tmp_path / "data", {dataset.file: table_text(frame)})
    with pytest.raises(DataFileError) as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, dataset.file)
    assert column in str(error.value)


def test_the_committed_data_has_the_shapes_the_app_reads():
    load(DATA_DIR)  # raises DataFileError otherwise


def test_every_file_in_data_is_declared():
    documentation = {"README.md", "LICENSES.md", datasets.MANIFEST_FILE}
    assert {path.name for path in DATA_DIR.iterdir()} == {dataset.file for dataset in datasets.ALL} | documentation


def test_every_column_says_what_it_means_and_names_a_registered_source(data):
    registered = {source["id"] for source in data.sources} | {"this"}  # "this project's build"
    for dataset in datasets.TABLES:
        for name, column in dataset.schema.columns.items():
            assert column.description, f"{dataset.file}: {name} has no description"
            named = {part.split(" ")[0] for part in column.metadata["source"].split(", ")}
            assert named <= registered, f"{dataset.file}: {name} names unregistered sources {named - registered}"
