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


def app_data_dir() -> Path:
    """The compiled data the app serves; ICE_MAP_DATA_DIR points it elsewhere (tests of broken data use it)."""
    override = os.environ.get("ICE_MAP_DATA_DIR")
    return Path(override) if override else DATA_DIR
