"""Shared fixtures: the compiled data, the raw folder (which CI must have), and a stand-in Spanish catalog."""

import gettext
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from lib import data as compiled
from lib import i18n
from lib.contrib.db import CONTRIB_DIR_VARIABLE
from lib.evidence import CountyEvidence
from lib.layers import Layer, build_layers
from lib.paths import default_raw_dir

# No property test has a time limit: speed is measured by `make bench`, and on a shared, busy machine Hypothesis's
# default deadline (200 ms per example) fails tests whose code is right.
settings.register_profile("no_deadline", deadline=None)
settings.load_profile("no_deadline")

# Contributions made by tests (and by the app servers the browser tests start) go to a throwaway folder, never to
# the project's var/.
os.environ.setdefault(CONTRIB_DIR_VARIABLE, tempfile.mkdtemp(prefix="contributions-"))


@pytest.fixture(scope="session")
def data() -> compiled.CompiledData:
    return compiled.load()


@pytest.fixture(scope="session")
def evidence(data) -> CountyEvidence:
    """Every county's evidence in English, as the app's cache holds it for English pages."""
    return CountyEvidence.assemble(data)


@pytest.fixture(scope="session")
def layers(evidence) -> dict[str, Layer]:
    return build_layers(evidence)


@pytest.fixture(scope="session")
def newest_287g_sheet_date(data) -> str:
    """The date of ICE's newest 287(g) sheet in the committed data, as the source registry gives it."""
    return data.source("ice_287g_participating")["as_of"]


@pytest.fixture(scope="session")
def oldest_287g_list_date(data) -> str:
    """The date of the oldest ICE 287(g) list in the committed data (the first Wayback capture), from the source
    registry ("2021-01-13 to …")."""
    return re.match(r"\d{4}-\d{2}-\d{2}", data.source("ice_287g_wayback")["as_of"]).group()


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The real raw folder; skipped with a reason on a laptop without it, a failure in CI."""
    path = default_raw_dir()
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"raw folder {path} is missing in CI")
        pytest.skip(f"raw folder {path} is not on this machine (set ICE_MAP_RAW_DIR)")
    return path


class StandInSpanish(gettext.NullTranslations):
    """Spanish replaced by each English text between two marks: a test sees which texts went through the catalog,
    and that they did so when shown, in the language of the run."""

    def __init__(self, before: str, after: str):
        super().__init__()
        self.before, self.after = before, after

    def gettext(self, message):
        return f"{self.before}{message}{self.after}"

    def ngettext(self, singular, plural, count):
        return self.gettext(singular if count == 1 else plural)


@pytest.fixture
def stand_in_spanish(monkeypatch):
    """Returns a function that makes StandInSpanish(before, after) the "es" catalog, and a context to use it in."""

    def install(before: str = "«", after: str = "»"):
        monkeypatch.setattr(
            i18n,
            "translations",
            lambda lang: StandInSpanish(before, after) if lang == "es" else gettext.NullTranslations(),
        )
        return i18n.use_language("es")

    return install


@pytest.fixture
def marked(stand_in_spanish):
    """`with marked:` runs in a Spanish where every text reads «English»."""
    return stand_in_spanish()
