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


# An entry signed in its own text, on its last line: "Signed: A. Tarrow Health Visitor",
# "N. Nettle, GP": an initial and a surname, then the signer's role.
_SIGNED = re.compile(
    r"^(?:[Ss]igned(?:\s+by)?\s*:?\s*)?[A-Z]\.\s?[A-Z][\w'’-]+,?\s+(?P<role>\S.{1,40})$"
)
MIN_SIGNED = 3  # entries whose signatures' roles name the agency
MIN_SIGNED_SHARE = 0.6  # of the signatures whose role names an agency at all


def signature_agency(tables: list[Table], directory: AgencyDirectory) -> tuple[str, str] | None:
    """(agency, evidence) when the entries are signed at the end of their text and the
    signers' roles name one agency ("N. Nettle, GP", "Signed: W. Corrin Practice Nurse");
    a role naming none ("Dr") is no vote. None when too few signatures name one."""
    votes: dict[str, int] = {}
    seen: dict[str, str | None] = {}
    for table in tables:
        i = table.mapping.index_of("description")
        if i is None:
            continue
        for row in table.raw.rows[table.data_index :]:
            text = cell_text(row[i]) if i < len(row) else ""
            last = text.rsplit("\n", 1)[-1].strip() if "\n" in text else ""
            if not last or (m := _SIGNED.match(last)) is None:
                continue
            role = m["role"]
            if role not in seen:
                seen[role] = role_agency(role, directory)
            if found := seen[role]:
                votes[found] = votes.get(found, 0) + 1
    if not votes:
        return None
    best = max(votes, key=votes.__getitem__)
    if votes[best] < MIN_SIGNED or votes[best] < MIN_SIGNED_SHARE * sum(votes.values()):
        return None
    return best, f"{votes[best]} entries are signed by a role of {best}'s"
