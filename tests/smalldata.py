"""Compiled data made in a test from a few hand-made rows: the tables a rule reads, every other one empty.

Each table has the columns of its schema (lib.datasets), so a row gives only the fields the test is about; the
other cells are empty (NaN), as an empty cell of data/ loads."""

from dataclasses import fields

import pandas as pd

from lib.data import JSON_FIELDS, TABLE_FIELDS, CompiledData


def table(name: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """The CompiledData table `name` (e.g. "counties") holding `rows`, with every column of its schema."""
    columns = list(TABLE_FIELDS[name].schema.columns)
    frame = pd.DataFrame(rows or [])
    unknown = set(frame.columns) - set(columns)
    assert not unknown, f"{TABLE_FIELDS[name].file} has no column {sorted(unknown)}"
    return frame.reindex(columns=columns)


def compiled(**tables: list[dict]) -> CompiledData:
    """CompiledData with the given tables (lists of row dicts), every other table empty; no shapes or sources."""
    unknown = set(tables) - set(TABLE_FIELDS)
    assert not unknown, f"CompiledData has no table {sorted(unknown)}"
    no_files = {"county_topology": {}, "build_report": {}, "sources": []}
    assert set(no_files) == set(JSON_FIELDS) == {field.name for field in fields(CompiledData)} - set(TABLE_FIELDS)
    return CompiledData(**{name: table(name, tables.get(name)) for name in TABLE_FIELDS}, **no_files)
