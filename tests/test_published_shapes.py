"""static/generated/: the county shapes the current data needs and the set before them stay; nothing else does,
and serving a page (publish_topology) never deletes anything."""

import dataclasses
import json
import shutil

from lib.mapview import (
    GENERATED_FOLDER,
    PUBLISHED_SETS,
    county_topology,
    publish_topology,
    refresh_at_server_start,
    refresh_generated,
)
from lib.paths import DATA_DIR


def published(static_dir) -> set[str]:
    return {path.name for path in (static_dir / GENERATED_FOLDER).glob("counties-*.json")}


def sets(static_dir) -> dict[str, list[str]]:
    return json.loads((static_dir / GENERATED_FOLDER / PUBLISHED_SETS).read_text(encoding="utf-8"))


def renamed(data, name: str):
    """The data with its first county renamed: other tooltips, so other shapes to publish."""
    counties = data.counties.copy()
    counties.loc[counties.index[0], "name"] = name
    return dataclasses.replace(data, counties=counties)


def test_refreshes_keep_the_current_and_the_previous_set(data, tmp_path):
    leftover = tmp_path / GENERATED_FOLDER / "counties-0123456789abcdef.json"
    leftover.parent.mkdir()
    leftover.write_text("{}")

    refresh_generated(data, tmp_path)
    first = set(sets(tmp_path)["current"])
    assert len(first) == 2 and published(tmp_path) == first, "one file per language; the leftover is gone"

    second_data = renamed(data, "Second County")
    refresh_generated(second_data, tmp_path)
    second = set(sets(tmp_path)["current"])
    assert second.isdisjoint(first) and published(tmp_path) == first | second

    refresh_generated(second_data, tmp_path)  # a restart on the same data
    assert published(tmp_path) == first | second and set(sets(tmp_path)["previous"]) == first

    refresh_generated(renamed(data, "Third County"), tmp_path)
    assert published(tmp_path) == second | set(sets(tmp_path)["current"])


def test_serving_a_page_only_adds_files(data, tmp_path):
    refresh_generated(data, tmp_path)
    before = published(tmp_path)
    url = publish_topology(county_topology(renamed(data, "Other County")), tmp_path)
    assert published(tmp_path) == before | {url.rsplit("/", 1)[1]}


def test_a_lost_record_keeps_only_the_current_set(data, tmp_path):
    refresh_generated(renamed(data, "Old County"), tmp_path)
    (tmp_path / GENERATED_FOLDER / PUBLISHED_SETS).write_text("{")
    refresh_generated(data, tmp_path)
    assert published(tmp_path) == set(sets(tmp_path)["current"]) and sets(tmp_path)["previous"] == []


def test_a_server_start_refreshes_and_broken_data_leaves_the_folder_alone(data, tmp_path):
    good = tmp_path / "data"
    shutil.copytree(DATA_DIR, good)
    refresh_at_server_start(good, tmp_path)
    assert published(tmp_path) == set(sets(tmp_path)["current"]) and len(published(tmp_path)) == 2

    broken = tmp_path / "broken"
    shutil.copytree(DATA_DIR, broken)
    (broken / "agencies.csv").unlink()
    before = published(tmp_path)
    refresh_at_server_start(broken, tmp_path / "other static")
    refresh_at_server_start(broken, tmp_path)
    assert published(tmp_path) == before and not (tmp_path / "other static").exists()
