"""Copies of data/ that tests edit: an edited copy is signed again, as a build that wrote it would sign it, so the
app reads it instead of refusing it as a half-swapped folder. A small build (three rows a table) loads in a tenth
of the time of the whole data."""

import json
from pathlib import Path

import pandas as pd
import pytest

from lib import datasets
from lib.build.pipeline import manifest, write_atomically
from lib.paths import DATA_DIR

# The smallest valid topology: one county of one arc.
STAND_IN_TOPOLOGY = {
    "type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]}, "arcs": [[[0, 0], [1, 0], [-1, 1]]],
    "objects": {"counties": {"type": "GeometryCollection",
                             "geometries": [{"type": "Polygon", "id": "01001", "arcs": [[0]]}]}},
}
SMALL_TABLE_ROWS = 3


def sign(folder: Path) -> None:
    """Writes MANIFEST.json for the files now in `folder`."""
    contents = {path.name: path.read_bytes() for path in folder.iterdir() if path.name != datasets.MANIFEST_FILE}
    (folder / datasets.MANIFEST_FILE).write_text(manifest(contents), encoding="utf-8")


def small_files() -> dict[str, str]:
    """The files of data/ but MANIFEST.json, made small: each table's first rows, the stand-in topology."""
    files = {}
    for path in sorted(DATA_DIR.iterdir()):
        if path.name == datasets.MANIFEST_FILE:
            continue
        if path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False).head(SMALL_TABLE_ROWS)
            files[path.name] = frame.to_csv(index=False, lineterminator="\n")
        elif path.name == datasets.COUNTY_SHAPES.file:
            files[path.name] = json.dumps(STAND_IN_TOPOLOGY)
        else:
            files[path.name] = path.read_text(encoding="utf-8")
    return files


def signed(files: dict[str, str]) -> dict[str, str]:
    """The files in the order the build writes them: MANIFEST.json, which signs them all, last."""
    return {**files, datasets.MANIFEST_FILE: manifest({name: text.encode() for name, text in files.items()})}


def small_build(folder: Path, replaced: dict[str, str]) -> Path:
    """A small build written to `folder` as the build writes one, with the `replaced` files instead of its own.
    They are signed like the others, unless MANIFEST.json itself is replaced."""
    files = signed({**small_files(), **{name: text for name, text in replaced.items()
                                        if name != datasets.MANIFEST_FILE}})
    write_atomically({**files, **replaced}, folder)
    return folder


def assert_names_the_file_and_the_fix(error: pytest.ExceptionInfo, file: str) -> None:
    """A DataFileError raised by lib.data.load names the file and `make data`."""
    message = str(error.value)
    assert file in message and "make data" in message, message
    assert error.value.path.name == file
