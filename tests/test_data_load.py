"""Loading data/: one load is one build, even while `make data` swaps the folder; a file that is missing or edited
after the build gives a DataFileError naming it and `make data`, and the page says so. Files of the wrong shape:
tests/test_datasets.py."""

import io
import json
import multiprocessing
import re
import shutil
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import data as compiled
from lib import datasets
from lib.build.pipeline import write_atomically
from lib.data import LOADED_FILES, DataFileError, load, read_build
from lib.paths import DATA_DIR
from tests.datacopy import assert_names_the_file_and_the_fix, sign, signed, small_files

APP = Path(__file__).resolve().parent.parent / "app.py"
STRESS_SECONDS = 30
STRESS_LOADS = 1000
# A whole load() runs pandera over 12 tables, about 0.2 s even for 3 rows; the other loads read and check the files
# exactly as load() does (read_build) and parse the two marked files.
WHOLE_LOAD_EVERY = 20


def stand_in_build(label: str) -> dict[str, str]:
    """A complete, small data folder as the build writes it (files in order, MANIFEST.json last). The label marks
    two files read far apart, counties.csv (first) and sources.json (last): a load whose two marks differ mixed
    two builds."""
    files = small_files()
    counties = pd.read_csv(io.StringIO(files[datasets.COUNTIES.file]), dtype=str, keep_default_na=False)
    counties.loc[0, "name"] = label
    files[datasets.COUNTIES.file] = counties.to_csv(index=False, lineterminator="\n")
    sources = json.loads(files[datasets.SOURCES.file])
    sources[0]["title"] = label
    files[datasets.SOURCES.file] = json.dumps(sources)
    return signed(files)


def marks(contents: dict[str, bytes]) -> set[str]:
    counties = contents[datasets.COUNTIES.file].decode().splitlines()[1]
    return {counties.split(",")[1], json.loads(contents[datasets.SOURCES.file])[0]["title"]}


def swap_builds_until(stop, swaps, out_dir: Path, builds: list[dict[str, str]]) -> None:
    """A stand-in `make data` in a tight loop, in its own process as the real one is."""
    while not stop.is_set():
        for files in builds:
            write_atomically(files, out_dir)
            with swaps.get_lock():
                swaps.value += 1


def test_loads_never_mix_two_builds_while_the_folder_is_swapped(tmp_path, monkeypatch):
    out = tmp_path / "data"
    builds = [stand_in_build("Build A"), stand_in_build("Build B")]
    write_atomically(builds[0], out)
    failed_reads = []  # reads that met a swap and were read again (none while the swap lock keeps them apart)
    read_once = compiled._read_one_build

    def counting_read(*arguments):
        try:
            return read_once(*arguments)
        except DataFileError as error:
            failed_reads.append(str(error))
            raise

    monkeypatch.setattr(compiled, "_read_one_build", counting_read)
    processes = multiprocessing.get_context("spawn")
    stop, swaps = processes.Event(), processes.Value("i", 0)
    swapper = processes.Process(target=swap_builds_until, args=(stop, swaps, out, builds), daemon=True)
    swapper.start()
    loads = whole_loads = mixed = failures = 0
    try:
        while swaps.value == 0 and swapper.is_alive():
            time.sleep(0.01)
        started = time.monotonic()
        while loads < STRESS_LOADS or time.monotonic() - started < STRESS_SECONDS:
            try:
                if loads % WHOLE_LOAD_EVERY == 0:
                    whole_loads += 1
                    data = load(out)
                    found = {data.counties.loc[0, "name"], data.sources[0]["title"]}
                else:
                    found = marks(read_build(out, LOADED_FILES))
            except DataFileError:
                failures += 1
            else:
                mixed += len(found) != 1
            loads += 1
    finally:
        stop.set()
        swapper.join(timeout=30)
    missing = sum("missing" in error for error in failed_reads)
    print(f"\n{loads} loads in {time.monotonic() - started:.1f} s ({whole_loads} whole), "
          f"{swaps.value} swaps, {mixed} mixed, {failures} failed; reads retried: {len(failed_reads)} "
          f"({missing} on a missing file or folder, {len(failed_reads) - missing} on a file not matching)")
    assert swapper.exitcode == 0, "the stand-in build failed"
    assert (mixed, failures) == (0, 0)
    assert swaps.value > loads, "the folder must have been swapped all through the loads for the test to mean anything"


def copy_of_data(folder: Path, replaced: dict[str, str]) -> Path:
    """data/ copied with some files replaced, and MANIFEST.json made to match them as a build that wrote them would."""
    shutil.copytree(DATA_DIR, folder)
    for name, text in replaced.items():
        (folder / name).write_text(text, encoding="utf-8")
    sign(folder)
    return folder


def test_a_file_edited_after_the_build_is_named(tmp_path):
    folder = copy_of_data(tmp_path / "data", {})
    with (folder / datasets.STATES.file).open("a", encoding="utf-8") as states:
        states.write("\n")
    with pytest.raises(DataFileError, match=f"differs from {datasets.MANIFEST_FILE}") as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, datasets.STATES.file)


@pytest.mark.parametrize("file", [datasets.MANIFEST_FILE, datasets.AGENCIES.file])
def test_a_missing_file_is_named(tmp_path, file):
    folder = copy_of_data(tmp_path / "data", {})
    (folder / file).unlink()
    with pytest.raises(DataFileError, match="file is missing") as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, file)


def test_a_file_the_manifest_does_not_list_is_named(tmp_path):
    folder = copy_of_data(tmp_path / "data", {})
    listed = json.loads((folder / datasets.MANIFEST_FILE).read_text())["sha256"]
    del listed[datasets.SNAPSHOT_COUNTS.file]
    (folder / datasets.MANIFEST_FILE).write_text(json.dumps({"sha256": listed}))
    with pytest.raises(DataFileError, match="does not list it") as error:
        load(folder)
    assert_names_the_file_and_the_fix(error, datasets.SNAPSHOT_COUNTS.file)


def test_a_folder_away_for_a_moment_is_read_when_it_is_back(tmp_path):
    """A folder moved away for a moment (by hand, or a swap without an atomic exchange): the load waits it out."""
    folder = copy_of_data(tmp_path / "data", {})
    away = folder.rename(tmp_path / "data.old")
    threading.Timer(compiled.RETRY_PAUSE_SECONDS, away.rename, [folder]).start()
    assert len(load(folder).counties) > 3000


def test_the_error_page_names_a_bad_sources_file(tmp_path, monkeypatch):
    from streamlit import cache_resource

    folder = copy_of_data(tmp_path / "data", {datasets.SOURCES.file: '{"a": 1}'})
    monkeypatch.setenv("ICE_MAP_DATA_DIR", str(folder))
    cache_resource.clear()
    try:
        app = AppTest.from_file(str(APP), default_timeout=60)
        app.switch_page("app_pages/county.py")
        app.query_params["fips"] = "06085"
        app.run()
        assert not app.exception, app.exception
        # As shown: the page escapes Markdown in the message (a backslash before punctuation, word joiners).
        shown = re.sub(r"\\(.)", r"\1", " ".join(error.value for error in app.error)).replace("\u2060", "")
        assert "sources.json" in shown and "make data" in shown and "not shaped as expected" in shown, shown
    finally:
        monkeypatch.delenv("ICE_MAP_DATA_DIR")
        cache_resource.clear()
