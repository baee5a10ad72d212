"""Import agency chronologies (.xlsx, .csv, .docx) into canonical source records.

Knows nothing of matching, storage or Dash. The entry point is `import_file`.
"""

from typing import Any

from ingest.errors import IngestError
from ingest.limits import Limits

# The pipeline (readers: calamine, python-docx, openpyxl) is imported on first use, so code
# that needs only a submodule (the agency names for the settings, the record types for the
# store) does not load every reader; `python -m timeline user add` then starts faster.
_LAZY = {
    "import_file": "ingest.pipeline",
    "AgencyProfile": "ingest.profiles",
    "load_profile": "ingest.profiles",
    "save_profile": "ingest.profiles",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["AgencyProfile", "IngestError", "Limits", "import_file", "load_profile", "save_profile"]
