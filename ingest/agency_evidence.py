"""Which agency a file comes from, from the best evidence it offers, said in words.

Order: an agency column (each row's own value, mapped by name and by kind: a named
primary school or academy is School, a named surgery is GP), then the title block, the
sheet name, a case-management system named in the title or the file name (CPOMS is
School, nDelius Probation, ...), and the file name last. The summary says which spoke.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import agency_kind, kind_scores
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
        if agency := sheet_agency(sheet, directory):
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
    own = title.fields.get("agency", "") or title.organisation
    # a name of a kind the vocabulary does not know: the agency's own name
    if own and not _PARTNERSHIP.search(own):
        return (
            own,
            "title block (own name)",
            f"the title block names '{own}', a kind of agency the directory does not "
            "know: filed under its own name (add it to the agency directory to map it)",
        )
    return None, "", ""


def sheet_agency(sheet: str, directory: AgencyDirectory) -> str | None:
    """The agency a sheet's name names ("Emergency Dept", "School nursing"), or None for a
    generic name ("Sheet1", "Chronology", "Export")."""
    key = norm_label(sheet)
    if not key or key.split()[0] in _GENERIC_SHEETS:
        return None
    return directory.canonical(sheet) or agency_kind(sheet, directory)[0]


def heading_agency(text: str, directory: AgencyDirectory, loose: bool = False) -> str | None:
    """The agency a section heading of a compiled chronology names: "POLICE", "Housing -
    information provided", "Ashmarsh Recovery Partnership (information return)"; None
    when the text is not a short heading naming one. `loose`: the file is already divided
    by agency headings, so a short line of the same shape whose kind words point to one
    agency at all ("DA outreach worker") heads the next section too."""
    # A heading written in capitals may be a service's full name ("NHS ... HEALTH BOARD -
    # HEALTH VISITING (NAMED PERSON SERVICE)"): nobody writes an entry's sentence so.
    caps = text.isupper()
    most = MAX_CAPS_WORDS if caps else 6
    if len(text.split()) > (MAX_CAPS_WORDS if caps else 8) or any(c.isdigit() for c in text):
        return None
    if loose and (found := _loose_heading(text, directory)):
        return found
    if found := directory.exact(text):
        return found
    head = _HEADING_TAIL.sub("", text).strip(" -–—:|")
    if head and head != text and (found := directory.exact(head)):
        return found
    head = head or text
    if (m := _KIND_AFTER.match(head)) and len(m[1].split()) <= most and _name_shaped(m[1]):
        return agency_kind(head, directory)[0]  # "Tarnwick Family Project (charity)"
    if len(head.split()) > most or not _name_shaped(head):
        return None  # "Seen by GP" is an entry without its date, not a heading
    return agency_kind(head, directory)[0]


MAX_CAPS_WORDS = 12  # words of a heading written in capitals
LOOSE_MIN = 0.5  # kind score a heading needs among other agency headings (MIN_SCORE alone)
MAX_LOOSE_WORDS = 5


def _loose_heading(text: str, directory: AgencyDirectory) -> str | None:
    """A heading-shaped line (a few words, no sentence end, no label) whose kind words
    name one agency, however weakly: "DA outreach worker" among "Constabulary" and
    "Early Years"; "Mum upset." or "Seen by: GP" are no headings."""
    words = text.split()
    if not words or len(words) > MAX_LOOSE_WORDS or text.rstrip()[-1] in ".!?:;," or ":" in text:
        return None
    if found := heading_agency(text, directory):
        return found
    scores, _ = kind_scores(text)
    ranked = sorted(scores.values(), reverse=True)
    if not ranked or ranked[0] < LOOSE_MIN or len(ranked) > 1 and ranked[0] - ranked[1] < 0.3:
        return None
    best = max(scores, key=scores.__getitem__)
    return directory.canonical(best) or best


def _name_shaped(text: str) -> bool:
    """Written as a name: every word capitalised, but for "and", "of", "the", "for"."""
    words = re.findall(r"[^\W\d_][\w'’&.-]*", text)
    return bool(words) and all(w[0].isupper() or w in ("and", "of", "the", "for") for w in words)


# The review's commissioning partnership or board, above every agency's return: no agency.
_PARTNERSHIP = re.compile(r"\bsafeguarding\b.*\b(partnership|board|arrangements)\b", re.I)

# What follows the agency's name in a heading: "- information provided", "(return)", ": entries"
# a name, then what kind of service it is in brackets: "Elmside Project (charity)"
_KIND_AFTER = re.compile(r"^([^()]+?)\s*\(([^()]{2,30})\)$")
_HEADING_TAIL = re.compile(
    r"\s*(?:[-–—:|]\s*|\()\s*(?:information|entries|records|contacts|involvement|return|"
    r"chronology|summary|section)\b.*$",
    re.IGNORECASE,
)
