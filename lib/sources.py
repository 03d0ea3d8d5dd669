"""The source registry (sources.yaml): every public source the data comes from, with its date and licence, and the
limits `make update` (lib/build/update.py) applies to what it downloads."""

from pathlib import Path

import yaml

from lib.paths import SOURCES_FILE


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_registry(path: Path = SOURCES_FILE) -> list[dict]:
    return _load(path)["sources"]


def load_update_settings(path: Path = SOURCES_FILE) -> dict:
    """The top-level `update:` block: allowed hosts and the limits on downloads and new sheets."""
    return _load(path)["update"]
