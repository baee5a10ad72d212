"""Exports of a review: the integrated chronology (.xlsx, .csv), the learning review report
(.docx), the timeline figure (.png, .svg), and the publication copy of each (names and
identifiers replaced from the review's names list, checked before the file is let out).
"""

from .pseudonymise import NamesList, NamesListError, parse_names_csv, read_names_csv
from .service import FORMATS, ExportError, ExportRefused, ExportResult, export_review

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportRefused",
    "ExportResult",
    "NamesList",
    "NamesListError",
    "export_review",
    "parse_names_csv",
    "read_names_csv",
]
