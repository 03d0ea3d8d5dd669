"""MANIFEST.json: the SHA-256 of every other file in data/, deterministic, and written last by the build."""

import hashlib
import json
from pathlib import Path

from lib import datasets
from lib.build import pipeline
from lib.paths import DATA_DIR


def test_the_committed_manifest_lists_every_other_file_with_its_digest():
    listed = json.loads((DATA_DIR / datasets.MANIFEST_FILE).read_text(encoding="utf-8"))["sha256"]
    files = {path.name: path.read_bytes() for path in DATA_DIR.iterdir() if path.name != datasets.MANIFEST_FILE}
    assert listed == {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}


def test_the_manifest_is_sorted_and_depends_on_the_contents_alone():
    text = pipeline.manifest({"b.csv": b"2\n", "a.csv": b"1\n"})
    assert text == pipeline.manifest({"a.csv": b"1\n", "b.csv": b"2\n"})
    assert list(json.loads(text)) == ["sha256"]  # no date, no build time
    assert list(json.loads(text)["sha256"]) == ["a.csv", "b.csv"]
    assert text != pipeline.manifest({"a.csv": b"1\n", "b.csv": b"3\n"})


def test_the_build_writes_the_manifest_last_and_publishes_the_shapes(raw_dir, tmp_path, monkeypatch):
    written = []
    write_bytes = Path.write_bytes

    def recording_write(path, content):
        written.append(path.name)
        return write_bytes(path, content)

    monkeypatch.setattr(Path, "write_bytes", recording_write)
    files = pipeline.run(raw_dir, tmp_path / "data")
    data_files = [name for name in written if name in files]
    assert data_files[-1] == datasets.MANIFEST_FILE and sorted(data_files) == sorted(files)
    published = json.loads((tmp_path / "static" / "generated" / "published.json").read_text(encoding="utf-8"))
    assert len(published["current"]) == 2  # English and Spanish
    assert all((tmp_path / "static" / "generated" / name).is_file() for name in published["current"])


def test_the_data_readme_documents_the_manifest():
    assert f"### `{datasets.MANIFEST_FILE}`" in (DATA_DIR / "README.md").read_text(encoding="utf-8")
