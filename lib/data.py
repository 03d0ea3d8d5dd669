"""Loading the compiled data in data/ (never the raw files). A missing or corrupt file raises DataFileError,
which names the file and the command that rebuilds it.

One load is one build. `make data` swaps a whole new folder in while the app may be reading the old one, so load()
reads MANIFEST.json (the SHA-256 of every file, written last by the build) and the bytes of each file once, checks
each against the manifest, and parses those same bytes. A file of another build, or a folder caught in the middle
of the swap, fails the check or is missing: then the load reads everything again after a short pause, a few times,
before it names the file."""

import contextlib
import fcntl
import hashlib
import io
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import pandera.errors
import pydantic

from lib import datasets, shapes
from lib.i18n import _
from lib.paths import DATA_DIR

REBUILD_COMMAND = "make data"
# The first read and up to three more. The build swaps a whole folder in at once (lib/build/pipeline.py), so a read
# that met a swap finds one whole build when it reads again; a folder missing for a moment (moved by hand, or a swap
# on a system without an atomic exchange) is waited for as well.
READ_ATTEMPTS = 4
RETRY_PAUSE_SECONDS = 0.05


class DataFileError(Exception):
    """`message` is the whole sentence shown to a person, translated where the error is raised."""

    def __init__(self, path: Path, message: str):
        self.path = path
        super().__init__(message)


def _missing(path: Path) -> DataFileError:
    return DataFileError(
        path,
        _("{path}: file is missing. Rebuild the data with `{command}`.").format(path=path, command=REBUILD_COMMAND),
    )


def _unreadable(path: Path, reason: str) -> DataFileError:
    return DataFileError(
        path,
        _("{path}: cannot be read ({error}). Rebuild the data with `{command}`.").format(
            path=path, error=reason, command=REBUILD_COMMAND
        ),
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:  # the file, or the whole folder during a swap
        raise _missing(path) from error
    except OSError as error:
        raise _unreadable(path, f"{type(error).__name__}: {error}") from error


def _parse_json(path: Path, content: bytes, shape: type[pydantic.BaseModel]):
    """The JSON as parsed (plain lists and dicts, as the app uses them), once it has the shape the app reads."""
    try:
        parsed = json.loads(content)
    except ValueError as error:
        raise DataFileError(
            path,
            _("{path}: is not valid JSON ({error}). Rebuild the data with `{command}`.").format(
                path=path, error=error, command=REBUILD_COMMAND
            ),
        ) from error
    try:
        shape.model_validate(parsed)
    except pydantic.ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, problem['loc'])) or 'top level'}: {problem['msg']}" for problem in error.errors()[:3]
        )
        raise _unreadable(path, f"not shaped as expected: {problems}") from error
    return parsed


def _parse_table(path: Path, content: bytes, dataset: datasets.Dataset) -> pd.DataFrame:
    dtypes = {name: str for name, column in dataset.schema.columns.items() if str(column.dtype).startswith("str")}
    try:
        frame = pd.read_csv(io.BytesIO(content), dtype=dtypes, keep_default_na=False, na_values=[""])
        return dataset.schema.validate(frame)
    except (
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
        UnicodeDecodeError,
        ValueError,
        pandera.errors.SchemaError,
        pandera.errors.SchemaErrors,
    ) as error:
        raise _unreadable(path, f"{type(error).__name__}: {str(error)[:200]}") from error


def _read_one_build(data_dir: Path, names: Sequence[str]) -> dict[str, bytes]:
    manifest_path = data_dir / datasets.MANIFEST_FILE
    expected = _parse_json(manifest_path, _read_bytes(manifest_path), datasets.Manifest)["sha256"]
    contents = {}
    for name in names:
        path = data_dir / name
        if name not in expected:
            raise _unreadable(path, f"{datasets.MANIFEST_FILE} does not list it")
        content = _read_bytes(path)
        if hashlib.sha256(content).hexdigest() != expected[name]:
            raise _unreadable(
                path,
                f"it differs from {datasets.MANIFEST_FILE}: changed after the build, or replaced while it was read",
            )
        contents[name] = content
    return contents


@contextlib.contextmanager
def swap_lock(data_dir: Path, exclusive: bool) -> Iterator[None]:
    """Held shared while a load reads data/ and exclusive while the build swaps it, so no read ever meets a swap.
    The lock file sits beside the folder, since the folder itself is what is swapped. Where it cannot be made (a
    read-only checkout), loads go without it: the manifest check and the retries below still keep builds apart."""
    try:
        handle = open(data_dir.with_name(f".{data_dir.name}.lock"), "a")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield  # closing the file releases the lock


def read_build(data_dir: Path, names: Sequence[str]) -> dict[str, bytes]:
    """The bytes of each named file, all of the one build MANIFEST.json describes; read again if a rebuild got in
    the way, and a DataFileError naming the file once it still does not match."""
    for attempt in range(1, READ_ATTEMPTS + 1):
        try:
            with swap_lock(data_dir, exclusive=False):
                return _read_one_build(data_dir, names)
        except DataFileError:
            if attempt == READ_ATTEMPTS:
                raise
            time.sleep(RETRY_PAUSE_SECONDS)


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
    federal_lists: pd.DataFrame
    federal_list_coverage: pd.DataFrame
    county_statements: pd.DataFrame
    public_records_laws: pd.DataFrame
    state_law_penalties: pd.DataFrame

    @cached_property
    def counties_by_fips(self) -> pd.DataFrame:
        return self.counties.set_index("fips", drop=False)

    @cached_property
    def known_fips(self) -> frozenset[str]:
        """Every county's FIPS, for checking a link's county on every run without reading the table again."""
        return frozenset(self.counties["fips"])

    @cached_property
    def county_geometries(self) -> dict[str, dict]:
        """Every county's GeoJSON geometry by FIPS, decoded once (a third of a second) for all downloads and
        briefs."""
        return shapes.county_geometries(self.county_topology)

    @cached_property
    def _agency_rows_by_county(self) -> dict[str, pd.Index]:
        served = pd.Series(self.agencies["all_county_fips"].fillna("").str.split(";").to_numpy()).explode()
        return served.groupby(served).groups

    def agencies_serving(self, fips: str) -> pd.DataFrame:
        """The agencies serving a county by the FBI's list of the counties each serves, split once: split on every
        county page, that list took a third of the page's time."""
        return self.agencies.iloc[self._agency_rows_by_county.get(fips, [])]

    def source(self, source_id: str) -> dict:
        return next(source for source in self.sources if source["id"] == source_id)


# Each field of CompiledData and the file it is read from (JSON files with the shape the app reads).
TABLE_FIELDS = {
    "counties": datasets.COUNTIES,
    "agencies": datasets.AGENCIES,
    "agreements": datasets.AGREEMENTS_287G,
    "state_laws": datasets.STATE_LAWS,
    "local_policies": datasets.LOCAL_POLICIES,
    "detention_facilities": datasets.DETENTION_FACILITIES,
    "detention_population": datasets.DETENTION_POPULATION,
    "state_governance": datasets.STATE_GOVERNANCE,
    "county_governance": datasets.COUNTY_GOVERNANCE,
    "states": datasets.STATES,
    "agreement_history": datasets.AGREEMENT_HISTORY,
    "snapshot_counts": datasets.SNAPSHOT_COUNTS,
    "federal_lists": datasets.FEDERAL_LISTS,
    "federal_list_coverage": datasets.FEDERAL_LIST_COVERAGE,
    "county_statements": datasets.COUNTY_STATEMENTS,
    "public_records_laws": datasets.PUBLIC_RECORDS_LAWS,
    "state_law_penalties": datasets.STATE_LAW_PENALTIES,
}
JSON_FIELDS = {
    "county_topology": (datasets.COUNTY_SHAPES, datasets.CountyTopology),
    "build_report": (datasets.BUILD_REPORT, datasets.BuildReport),
    "sources": (datasets.SOURCES, datasets.Sources),
}
LOADED_FILES = (
    *(dataset.file for dataset in TABLE_FIELDS.values()),
    *(dataset.file for dataset, _shape in JSON_FIELDS.values()),
)


def load(data_dir: Path = DATA_DIR) -> CompiledData:
    contents = read_build(data_dir, LOADED_FILES)
    return CompiledData(
        **{
            field: _parse_table(data_dir / dataset.file, contents[dataset.file], dataset)
            for field, dataset in TABLE_FIELDS.items()
        },
        **{
            field: _parse_json(data_dir / dataset.file, contents[dataset.file], shape)
            for field, (dataset, shape) in JSON_FIELDS.items()
        },
    )
