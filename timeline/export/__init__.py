"""Exports of a review: the integrated chronology (.xlsx, .csv), the learning review report
(.docx), the timeline figure (.png, .svg), and the publication copy of each (names and
identifiers replaced from the review's names list, checked before the file is let out).
"""

from typing import Any

from .pseudonymise import NamesList, NamesListError, parse_names_csv, read_names_csv

_FROM_SERVICE = {
    "FORMATS",
    "ExportError",
    "ExportRefused",
    "ExportResult",
    "NoNamesList",
    "export_review",
}


def __getattr__(name: str) -> Any:
    # The exporter reads through the store, and the store checks the names list with
    # `pseudonymise`: importing the service only when asked keeps store -> export.pseudonymise
    # from becoming a cycle (store -> export -> store).
    if name in _FROM_SERVICE:
        from . import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "ExportError",
    "ExportRefused",
    "ExportResult",
    "NamesList",
    "NamesListError",
    "NoNamesList",
    "export_review",
    "parse_names_csv",
    "read_names_csv",
]
