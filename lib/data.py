"""Loading the compiled data in data/ (never the raw files). A missing or corrupt file raises DataFileError,
which names the file and the command that rebuilds it."""

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import pandera.errors

from lib import datasets
from lib.i18n import _
from lib.paths import DATA_DIR

REBUILD_COMMAND = "make data"


class DataFileError(Exception):
    """`message` is the whole sentence shown to a person, translated where the error is raised."""

    def __init__(self, path: Path, message: str):
        self.path = path
        super().__init__(message)


def _missing(path: Path) -> DataFileError:
    return DataFileError(path, _("{path}: file is missing. Rebuild the data with `{command}`.").format(
        path=path, command=REBUILD_COMMAND))


def _read_table(data_dir: Path, dataset: datasets.Dataset) -> pd.DataFrame:
    path = data_dir / dataset.file
    if not path.is_file():
        raise _missing(path)
    dtypes = {name: str for name, column in dataset.schema.columns.items() if str(column.dtype).startswith("str")}
    try:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
        return dataset.schema.validate(frame)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError,
            pandera.errors.SchemaError) as error:
        raise DataFileError(path, _("{path}: cannot be read ({error}). Rebuild the data with `{command}`.").format(
            path=path, error=f"{type(error).__name__}: {str(error)[:200]}", command=REBUILD_COMMAND)) from error


def _read_json(data_dir: Path, dataset: datasets.Dataset):
    path = data_dir / dataset.file
    if not path.is_file():
        raise _missing(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise DataFileError(path, _("{path}: is not valid JSON ({error}). Rebuild the data with `{command}`.").format(
            path=path, error=error, command=REBUILD_COMMAND)) from error


@dataclass(frozen=True)
class CompiledData:
    counties: pd.DataFrame
    agencies: pd.DataFrame
    agreements: pd.DataFrame
    state_laws: pd.DataFrame
    local_policies: pd.DataFrame
    detention_facilities: pd.DataFrame
    detention_population: pd.DataFrame
    state_governance: pd.DataFrame
    county_governance: pd.DataFrame
    states: pd.DataFrame
    county_topology: dict
    build_report: dict
    sources: list[dict]
    agreement_history: pd.DataFrame
    snapshot_counts: pd.DataFrame

    @cached_property
    def counties_by_fips(self) -> pd.DataFrame:
        return self.counties.set_index("fips", drop=False)

    def source(self, source_id: str) -> dict:
        return next(source for source in self.sources if source["id"] == source_id)


def load(data_dir: Path = DATA_DIR) -> CompiledData:
    return CompiledData(
        counties=_read_table(data_dir, datasets.COUNTIES),
        agencies=_read_table(data_dir, datasets.AGENCIES),
        agreements=_read_table(data_dir, datasets.AGREEMENTS_287G),
        state_laws=_read_table(data_dir, datasets.STATE_LAWS),
        local_policies=_read_table(data_dir, datasets.LOCAL_POLICIES),
        detention_facilities=_read_table(data_dir, datasets.DETENTION_FACILITIES),
        detention_population=_read_table(data_dir, datasets.DETENTION_POPULATION),
        state_governance=_read_table(data_dir, datasets.STATE_GOVERNANCE),
        county_governance=_read_table(data_dir, datasets.COUNTY_GOVERNANCE),
        states=_read_table(data_dir, datasets.STATES),
        county_topology=_read_json(data_dir, datasets.COUNTY_SHAPES),
        build_report=_read_json(data_dir, datasets.BUILD_REPORT),
        sources=_read_json(data_dir, datasets.SOURCES),
        agreement_history=_read_table(data_dir, datasets.AGREEMENT_HISTORY),
        snapshot_counts=_read_table(data_dir, datasets.SNAPSHOT_COUNTS),
    )
