"""The agency a chronology's sign-off names, when nothing above the entries does.

An agency's return often names itself only at its foot: "Completed by: J. Marsh,
Designated Safeguarding Lead, Harlow Vale Academy", "Signed: K. Dunn (Probation
Officer)". Those lines are skipped as rows (they are no events), but the organisation or
the role in them says whose entries the file holds. Read only when the title block, sheet
name, system and file name are silent: a prior, never a gate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import agency_kind
from ingest.header import about_document
from ingest.readers.base import cell_text
from ingest.role_agencies import role_agency

if TYPE_CHECKING:
    from ingest.tables import Table

TAIL = 8  # rows at the foot of each table read for a sign-off
_PARTS = re.compile(r"[,;()\n]| - | – ")


def signoff_agency(tables: list[Table], directory: AgencyDirectory) -> tuple[str, str] | None:
    """(agency, evidence in words) from a footer or sign-off line at a table's foot that
    names an organisation or a role; None when none does."""
    for table in tables:
        for row in table.raw.rows[table.data_index :][-TAIL:]:
            texts = [t for t in map(cell_text, row) if t]
            if not texts or len(texts) > 2 or not about_document(texts):
                continue
            for text in texts:
                value = text.split(":", 1)[-1]  # "Completed by: ..." -> what it names
                for part in (p.strip() for p in _PARTS.split(value)):
                    found = (
                        directory.exact(part)
                        or agency_kind(part, directory)[0]
                        or role_agency(part, directory)
                    )
                    if found and len(part) >= 3:
                        return found, f"the sign-off at the foot names '{part}' ('{text[:60]}')"
    return None
