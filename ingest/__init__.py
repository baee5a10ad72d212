"""Import agency chronologies (.xlsx, .csv, .docx) into canonical source records.

Knows nothing of matching, storage or Dash. The entry point is `import_file`.
"""

from ingest.errors import IngestError
from ingest.limits import Limits
from ingest.pipeline import import_file
from ingest.profiles import AgencyProfile, load_profile, save_profile

__all__ = ["AgencyProfile", "IngestError", "Limits", "import_file", "load_profile", "save_profile"]
