"""The one error the build raises for bad input: it always names the file, and the row and column where known."""

from pathlib import Path


class RawDataError(Exception):
    def __init__(self, file: Path | str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.row, self.column = str(file), row, column
        where = [self.file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")
