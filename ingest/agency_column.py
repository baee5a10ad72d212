"""A column read as the agency column on its content alone, holding one value, when the
file itself names its agency: a "Contact type" of "ED attendance" in every row of a small
hospital file, or a "Service" of "Brackley Hospital" in a hospital's own file; or holding
several values that name no agency but the file's own (a hospital's departments: "ED",
"Paediatrics", "Safeguarding team").

Such a column says nothing per row that the file does not already say, or (when its one
value names another agency, a GP's file listing "ED attendance" letters) it says it
against the file's own evidence: it is read as what its header names (the contact type),
or kept as extra text, and the records take the file's agency. A column whose header
names the agency ("Agency", "Service / setting") stays the agency column, whatever it
holds; so does a column whose one value is another agency's name ("Police" in every row
of a file named after the hospital): its cells are the evidence, stronger than the file
name. With nothing else naming the agency the column is kept: it is the only signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import name_shaped
from ingest.readers.base import cell_text
from ingest.roles import header_prior

if TYPE_CHECKING:
    from ingest.tables import Table

_AGENCY_HEADERS = ("agency", "source")


def demote_single_value_agency(
    tables: list[Table], found: str | None, directory: AgencyDirectory
) -> list[str]:
    """Take the agency role from each such column; return a note for each."""
    notes: list[str] = []
    if not found:
        return notes
    for table in tables:
        i = table.mapping.index_of("agency")
        if i is None:
            continue
        col = table.mapping.columns[i]
        prior = header_prior(col.header)
        if col.how != "content" or prior[0] in _AGENCY_HEADERS:
            continue
        values = {cell_text(r[i]) for r in table.raw.rows[table.data_index :] if i < len(r)}
        values.discard("")
        other_field = prior[0] is not None and prior[1] >= 0.8
        if len(values) == 1:
            value = next(iter(values))
            named = directory.agency_of(value)
            if named != found and name_shaped(value) and not other_field:
                continue  # "Police" in every row: the rows' own agency, against the file name
        elif {directory.agency_of(v) for v in values} - {None} == {found}:
            # "ED", "Paediatrics", "Safeguarding team" in a hospital's own file: the
            # departments of the file's agency, no other agency named in any row
            value = ", ".join(sorted(values))
        else:
            continue
        taken = {c.field for c in table.mapping.columns if c.field}
        col.field = prior[0] if other_field and prior[0] not in taken else None
        col.how = prior[2] if col.field else "none"
        col.confidence = prior[1] if col.field else 0.0
        role = col.field.replace("_", " ") if col.field else "no role"
        col.reason = (
            f"{role}: only '{value[:30]}', which the file's own agency "
            f"({found}) outranks as the agency; kept with the record"
            + (f" as its {role}" if col.field else " as extra text")
        )
        notes.append(
            f"'{col.header}' holds only '{value[:30]}': not read as the agency column, the "
            f"file names its agency ({found})"
        )
    return notes
