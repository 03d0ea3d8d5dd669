"""Where the project's files live. The raw folder can be moved with ICE_MAP_RAW_DIR or --raw."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
SOURCES_FILE = PROJECT_ROOT / "sources.yaml"
STATIC_DIR = PROJECT_ROOT / "static"


def default_raw_dir() -> Path:
    override = os.environ.get("ICE_MAP_RAW_DIR")
    return Path(override) if override else PROJECT_ROOT.parent / "shared" / "data" / "raw"
