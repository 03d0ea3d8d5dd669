"""Streamlit stays in the app's shell: only app.py, app_pages/ and lib/ui/ may import it, and within lib/ui/ only
cache.py caches. The rest of lib/ is plain Python that a test, the data build or a script can import and call
without a Streamlit run."""

import ast
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LIB = PROJECT_ROOT / "lib"
UI = LIB / "ui"
STREAMLIT_PACKAGES = {"streamlit", "streamlit_folium"}
CACHES = {"cache_resource", "cache_data"}


def imported_packages(tree: ast.AST) -> set[str]:
    """The top-level packages a module imports, wherever in the module the import is (a function's too)."""
    packages = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            packages |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            packages.add(node.module.split(".")[0])
    return packages


def streamlit_imports(source: str) -> set[str]:
    return imported_packages(ast.parse(source)) & STREAMLIT_PACKAGES


def caches_used(source: str) -> set[str]:
    """The Streamlit caches a module names (st.cache_resource, st.cache_data, or imported by name)."""
    tree = ast.parse(source)
    names = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
    return names & CACHES


def modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_no_module_outside_lib_ui_imports_streamlit():
    found = {
        str(path.relative_to(PROJECT_ROOT)): streamlit_imports(path.read_text(encoding="utf-8"))
        for path in modules(LIB)
        if UI not in path.parents
    }
    assert len(found) > 20, "too few modules found: has lib/ moved?"
    offending = {path: packages for path, packages in found.items() if packages}
    assert not offending, f"Streamlit belongs in lib/ui/, app.py or app_pages/: {offending}"


def test_only_the_cache_module_caches():
    found = {
        str(path.relative_to(PROJECT_ROOT)): caches_used(path.read_text(encoding="utf-8"))
        for path in modules(UI)
        if path != UI / "cache.py"
    }
    assert not {path: caches for path, caches in found.items() if caches}, found
    assert caches_used((UI / "cache.py").read_text(encoding="utf-8")) == {"cache_resource"}


@pytest.mark.parametrize(
    "source",
    [
        "import streamlit as st",
        "import streamlit.components.v1",
        "from streamlit import session_state",
        "from streamlit_folium import st_folium",
        "def later():\n    import streamlit",
    ],
)
def test_the_check_sees_every_way_of_importing_streamlit(source):
    assert streamlit_imports(source)


@pytest.mark.parametrize(
    "source",
    [
        "import pandas",
        "from lib.ui import cache",
        "from . import streamlit",
        "# import streamlit",
        "text = 'import streamlit'",
    ],
)
def test_the_check_ignores_what_is_not_an_import_of_streamlit(source):
    assert not streamlit_imports(source)


@pytest.mark.parametrize(
    "source, caches",
    [
        ("@st.cache_resource(show_spinner=False)\ndef f(): pass", {"cache_resource"}),
        ("from streamlit import cache_data", {"cache_data"}),
        ("st.cache_data.clear()", {"cache_data"}),
        ("st.session_state['cache_data'] = 1", set()),
    ],
)
def test_the_check_sees_a_cache(source, caches):
    assert caches_used(source) == caches
