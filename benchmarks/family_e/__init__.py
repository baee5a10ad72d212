"""Family E: a fifth independent labelled matching family (issue 11).

Written without reading the matcher or the other families; see README.md.
"""

from .case import Case, Files, Row, generate, true_pairs, write_files
from .plan import Event

__all__ = ["Case", "Event", "Files", "Row", "generate", "true_pairs", "write_files"]
