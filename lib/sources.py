"""The source registry (sources.yaml): every public source the data comes from, with its date and licence."""

from pathlib import Path

import yaml

from lib.paths import SOURCES_FILE


def load_registry(path: Path = SOURCES_FILE) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["sources"]
