"""Writing data/: all or nothing, and never with a lower 287(g) match rate than the committed one."""

import json

import pytest

from lib.build import pipeline


def report(rate: float) -> str:
    return json.dumps({"agreements_287g": {"match_rate": rate}})


def test_write_replaces_the_folder_whole(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    (out / "stale.csv").write_text("old")
    pipeline.write_atomically({"a.csv": "new\n"}, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.csv"]
    assert not list(tmp_path.glob("data.tmp-*")) and not list(tmp_path.glob("data.old-*"))


def test_failed_write_leaves_previous_data(tmp_path, monkeypatch):
    out = tmp_path / "data"
    out.mkdir()
    (out / "a.csv").write_text("previous")
    files = {"a.csv": "new", "sub/b.csv": "cannot be written: its folder does not exist"}
    with pytest.raises(FileNotFoundError):
        pipeline.write_atomically(files, out)
    assert (out / "a.csv").read_text() == "previous"
    assert not list(tmp_path.glob("data.tmp-*"))


def test_lower_match_rate_stops_the_build(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    (out / "build_report.json").write_text(report(0.99))
    with pytest.raises(pipeline.MatchRateDropped, match="99.00% to 98.00%"):
        pipeline.check_match_rate({"build_report.json": report(0.98)}, out)
    pipeline.check_match_rate({"build_report.json": report(0.995)}, out)


def test_missing_raw_folder_is_named(tmp_path):
    with pytest.raises(pipeline.RawDataError, match="raw folder not found"):
        pipeline.run(tmp_path / "nowhere", tmp_path / "data")
