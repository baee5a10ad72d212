"""Which agency a file comes from, from the best evidence it offers, said in words.

Order: an agency column (each row's own value, mapped by name and by kind: a named
primary school or academy is School, a named surgery is GP), then the title block, the
sheet name, a case-management system named in the title or the file name (CPOMS is
School, nDelius Probation, ...), and the file name last. The summary says which spoke.
"""

from __future__ import annotations

from pathlib import Path

from ingest.agencies import AgencyDirectory
from ingest.textnorm import norm_label
from ingest.titleblock import TitleBlock

_GENERIC_SHEETS = {"sheet", "chronology", "data", "export", "report", "table", "entries"}


def file_agency(
    name: str,
    title: TitleBlock,
    sheets: list[str],
    directory: AgencyDirectory,
) -> tuple[str | None, str, str]:
    """(agency or None, source, evidence in words) for the file as a whole."""
    agency, text = title.agency(directory)
    if agency:
        return agency, "title block", f"the title block says '{text}'"
    for sheet in sheets:
        key = norm_label(sheet)
        if not key or key.split()[0] in _GENERIC_SHEETS:
            continue
        if agency := directory.canonical(sheet):
            return agency, "sheet name", f"the sheet is named '{sheet}'"
    for line in title.lines:
        agency, system = directory.from_system(line)
        if agency:
            return agency, "system", f"the title names {system}, a {agency} system"
    stem = Path(name).stem
    agency, system = directory.from_system(stem)
    if agency:
        return agency, "system", f"the file name names {system}, a {agency} system"
    if agency := directory.from_file_name(stem):
        return (
            agency,
            "file name",
            f"only the file name '{name}' names it: nothing inside the file does",
        )
    return None, "", ""
