"""Rebuilding from the raw folder gives the committed data/, byte for byte."""

from lib.build.pipeline import run
from lib.paths import DATA_DIR


def test_rebuild_equals_committed_data(raw_dir, tmp_path):
    out = tmp_path / "data"
    files = run(raw_dir, out)
    committed = sorted(path.name for path in DATA_DIR.iterdir())
    assert sorted(files) == committed
    for name in files:
        assert (out / name).read_bytes() == (DATA_DIR / name).read_bytes(), f"{name} differs from the committed file"
