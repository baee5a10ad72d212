"""Errors a person can act on: each names the file and, where known, sheet, row and column."""

from __future__ import annotations


class IngestError(Exception):
    """A file (or part of it) cannot be imported. The message says what to do about it."""

    def __init__(
        self,
        file_name: str,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file_name = file_name
        self.sheet = sheet
        self.row = row
        self.column = column
        self.detail = message
        super().__init__(self._render())

    def _render(self) -> str:
        where = [f"'{self.file_name}'"]
        if self.sheet:
            where.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.detail}"
