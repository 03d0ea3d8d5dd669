"""Shared fixtures: the compiled data, and the raw folder (which CI must have)."""

import os
from pathlib import Path

import pytest

from lib import data as compiled
from lib.paths import default_raw_dir


@pytest.fixture(scope="session")
def data() -> compiled.CompiledData:
    return compiled.load()


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The real raw folder; skipped with a reason on a laptop without it, a failure in CI."""
    path = default_raw_dir()
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"raw folder {path} is missing in CI")
        pytest.skip(f"raw folder {path} is not on this machine (set ICE_MAP_RAW_DIR)")
    return path
