"""Copies of data/ that tests edit: an edited copy is signed again, as a build that wrote it would sign it, so the
app reads it instead of refusing it as a half-swapped folder."""

from pathlib import Path

from lib import datasets
from lib.build.pipeline import manifest


def sign(folder: Path) -> None:
    """Writes MANIFEST.json for the files now in `folder`."""
    contents = {path.name: path.read_bytes() for path in folder.iterdir() if path.name != datasets.MANIFEST_FILE}
    (folder / datasets.MANIFEST_FILE).write_text(manifest(contents), encoding="utf-8")
