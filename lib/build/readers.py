"""Reading raw files and checking them against their declared schemas.

Every failure becomes a RawDataError naming the file, and the row and column as a person would find them
in a spreadsheet (row 1 is the header).
"""

from pathlib import Path

import openpyxl
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from lib.build.errors import RawDataError

HEADER_ROWS = 1


def spreadsheet_row(index: int) -> int:
    """The spreadsheet row of a frame index (the header is row 1), as validate reports it."""
    return int(index) + HEADER_ROWS + 1


def require_file(path: Path) -> Path:
    if not path.is_file():
        raise RawDataError(path, "file is missing (check the raw folder, or pass --raw)")
    return path


def read_csv(path: Path, encoding: str = "utf-8") -> pd.DataFrame:
    require_file(path)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding=encoding)
    except UnicodeDecodeError as error:
        raise RawDataError(path, f"is not valid {encoding} text ({error.reason} at byte {error.start})") from error
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise RawDataError(path, f"cannot be read as CSV: {error}") from error


def read_sheet_with_links(path: Path, link_column: str) -> pd.DataFrame:
    """The first sheet of a workbook as text cells, plus the hyperlink target of `link_column` (ICE's MOA links)."""
    require_file(path)
    try:
        book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken or non-xlsx file
        raise RawDataError(path, f"cannot be opened as an .xlsx workbook ({type(error).__name__}: {error})") from error
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    if not rows:
        raise RawDataError(path, "the sheet is empty")
    header = [str(cell.value).strip() if cell.value is not None else "" for cell in rows[0]]
    records = []
    for row in rows[1:]:
        if all(cell.value is None for cell in row):
            continue
        record = {name: cell.value for name, cell in zip(header, row) if name}
        if link_column in header:
            link_cell = row[header.index(link_column)]
            record[f"{link_column}_url"] = link_cell.hyperlink.target if link_cell.hyperlink else None
        record["_row"] = row[0].row
        records.append(record)
    if not records:
        raise RawDataError(path, "the sheet has a header but no rows")
    return pd.DataFrame.from_records(records)


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path) -> pd.DataFrame:
    """Check a raw table against its schema; the first failure is reported with file, row and column."""
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        raise _first_failure(errors.failure_cases, frame, path) from errors
    except SchemaError as error:
        raise RawDataError(path, str(error)) from error


def _first_failure(cases: pd.DataFrame, frame: pd.DataFrame, path: Path) -> RawDataError:
    case = cases.iloc[0]
    column = case.get("column")
    check = str(case.get("check"))
    if check.startswith("column_in_dataframe"):
        return RawDataError(path, f"required column '{case.get('failure_case')}' is missing or renamed")
    index = case.get("index")
    row = None
    if index is not None and not pd.isna(index):
        row = int(frame.loc[index, "_row"]) if "_row" in frame.columns else spreadsheet_row(index)
    return RawDataError(path, f"value {case.get('failure_case')!r} fails check {check}", row=row, column=column)
