"""The golden test: the refactor of issue 14 (an indicator registry, lib/ui.py split into a package, one vocabulary
module) must not change behaviour, so the app's outputs for a fixed sample of counties must stay the same, byte for
byte, as they were captured before it began.

Checked, for the 300 counties of tests/golden/sample.txt: every profile (as `python -m lib.profile` prints it) in
English and the first 30 in Spanish; every map layer's colors and labels as sent to the map, and its legend, in
both languages, from all evidence and reviewed evidence alone, and the 287(g) layer of every ICE list; the CSV and
GeoJSON downloads and the data dictionary; the texts of the first counties' briefs and of a few PDF briefs. Each
output is made by one function of tests/golden/outputs.py, which the capture calls too.

A failure names the first output that differs and where: for JSON the path of the first differing key, else the
first differing character. If the change is deliberate, capture the outputs again:

    python -m tests.golden.capture

Regenerating is only allowed for a deliberate behaviour change (a data rebuild is one too), named in the message of
the commit that regenerates, never to make a refactor pass.
"""

import json

import pytest

from tests.golden.capture import HEAD_CHARACTERS, read_expected, stored_record
from tests.golden.outputs import OUTPUT_GROUPS, GoldenInputs

CONTEXT = 60  # characters shown either side of a difference
SHOWN = 100  # characters shown of a differing value
NAMED = 10  # differing items named after the first


@pytest.fixture(scope="module")
def inputs() -> GoldenInputs:
    return GoldenInputs.load()


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[str, dict]]:
    return read_expected()


def shorten(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def key_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def json_difference(expected: object, actual: object, path: str = "$") -> str | None:
    """Where two JSON values first differ, in the expected value's order, or None if they do not."""
    if type(expected) is not type(actual):  # 1, 1.0 and true are equal in Python, not in the text
        return f"at {path}: expected {shorten(expected)}, got {shorten(actual)}"
    if isinstance(expected, dict):
        missing, added = [key for key in expected if key not in actual], [key for key in actual if key not in expected]
        if missing or added:
            return f"at {path}: keys missing {missing}, keys added {added}"
        if list(expected) != list(actual):
            return f"at {path}: the keys are in another order: {list(actual)}"
        pairs = [(key_path(path, key), expected[key], actual[key]) for key in expected]
        length_difference = None
    elif isinstance(expected, list):
        pairs = [(key_path(path, index), one, other) for index, (one, other) in enumerate(zip(expected, actual))]
        length_difference = (
            None if len(expected) == len(actual) else f"at {path}: expected {len(expected)} items, got {len(actual)}"
        )
    elif isinstance(expected, str):
        return None if expected == actual else f"at {path}, " + text_difference(expected, actual)
    else:
        return None if expected == actual else f"at {path}: expected {shorten(expected)}, got {shorten(actual)}"
    first = next((found for where, one, other in pairs if (found := json_difference(one, other, where))), None)
    return first or length_difference


def text_difference(expected: str, actual: str) -> str:
    """The first differing character (and its line, in a text of several lines), with the text around it."""
    index = next(
        (i for i, (one, other) in enumerate(zip(expected, actual)) if one != other), min(len(expected), len(actual))
    )
    details = []
    if "\n" in expected:
        line = expected.count("\n", 0, index) + 1
        details.append(f"line {line}")
    if len(expected) != len(actual):
        details.append(f"{len(expected):,} characters before, {len(actual):,} now")
    start = max(index - CONTEXT, 0)
    return (
        f"character {index:,}"
        + (f" ({'; '.join(details)})" if details else "")
        + f": expected {expected[start : index + CONTEXT]!r}, got {actual[start : index + CONTEXT]!r}"
    )


def difference(expected: dict, actual: dict) -> str | None:
    """How a recomputed output differs from its stored record (see tests/golden/capture.py), or None."""
    if "text" in expected and "text" in actual:
        if expected["text"] == actual["text"]:
            return None
        try:
            found = json_difference(json.loads(expected["text"]), json.loads(actual["text"]))
        except json.JSONDecodeError:
            found = None
        # The same JSON values written differently (spacing, escapes) show as a difference of the text.
        return found or "at " + text_difference(expected["text"], actual["text"])
    if "sha256" in expected and "sha256" in actual:
        if (expected["sha256"], expected["bytes"]) == (actual["sha256"], actual["bytes"]):
            return None
        sizes = f"{expected['bytes']:,} bytes before, {actual['bytes']:,} now"
        if expected["head"] != actual["head"]:
            return f"({sizes}) at " + text_difference(expected["head"], actual["head"])
        return f"({sizes}) the first {HEAD_CHARACTERS:,} characters are the same, the rest is not"
    return "it was stored whole and is now a digest, or the other way round (tests/golden/outputs.py, in_full)"


@pytest.mark.parametrize("group", OUTPUT_GROUPS)
def test_outputs_are_the_golden_ones(group, inputs, expected):
    before = expected.get(group, {})
    now = {output.name: stored_record(group, output) for output in OUTPUT_GROUPS[group](inputs)}
    missing, added = [item for item in before if item not in now], [item for item in now if item not in before]
    if missing or added:
        pytest.fail(
            f"{group}: outputs missing {missing[:NAMED]}, outputs added {added[:NAMED]}; capture again only "
            "for a deliberate change (see this module's docstring)",
            pytrace=False,
        )
    differing = {item: found for item in before if (found := difference(before[item], now[item]))}
    if differing:
        first, found = next(iter(differing.items()))
        others = ", ".join(list(differing)[1 : NAMED + 1]) + (", …" if len(differing) > NAMED + 1 else "")
        pytest.fail(
            f"{len(differing)} of {len(before)} {group} outputs differ from the golden capture. The first, "
            f"{first}, differs {found}"
            + (f"\nAlso differing: {others}" if others else "")
            + "\nThe refactor must not change behaviour; capture again only for a deliberate change "
            "(`python -m tests.golden.capture`, named in the commit message).",
            pytrace=False,
        )
