"""The agency a practitioner's role names: "Health Visitor Wexby" is Health Visiting, "DC
4471 Okafor" Police, "Class teacher Marsh" School, "Community Midwife Hale" Midwifery.

An integrated chronology compiled without an agency column often names only the person
who wrote each entry. When the file as a whole does not say whose entries they are (no
agency named anywhere, or it says it is multi-agency) and the practitioner column's
roles name two agencies or more, each entry is filed under the agency its role names
(`agencies_by_role`). The role words are a prior, scored like agency_kinds: a role this
vocabulary lacks falls back on the kind words in the cell ("School Nurse Ives"), and an
entry whose role names nothing keeps the file's agency.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import agency_kind
from ingest.readers.base import cell_text
from ingest.textnorm import norm_label

if TYPE_CHECKING:
    from ingest.tables import Table
    from ingest.titleblock import TitleBlock

# role word or phrase (normalised) -> agency. Short forms count only as whole words.
_ROLES: dict[str, str] = {}


def _add(agency: str, *roles: str) -> None:
    for role in roles:
        _ROLES[role] = agency


_add(
    "Children's Social Care",
    "social worker",
    "sw",
    "ssw",
    "senior social worker",
    "duty sw",
    "duty social worker",
    "iro",
    "independent reviewing officer",
    "team manager",
    "tm",
    "cp chair",
    "child protection chair",
    "conference chair",
    "assessment worker",
)
_add("Health Visiting", "health visitor", "hv", "community nursery nurse", "nursery nurse", "cnn")
_add(
    "Police",
    "pc",
    "dc",
    "ds",
    "di",
    "ps",
    "sgt",
    "pcso",
    "police officer",
    "police constable",
    "detective",
    "detective constable",
    "detective sergeant",
    "sergeant",
    "inspector",
    "constable",
    "officer in case",
    "oic",
)
_add(
    "School",
    "teacher",
    "class teacher",
    "head teacher",
    "headteacher",
    "deputy head",
    "head of year",
    "dsl",
    "ddsl",
    "designated safeguarding lead",
    "senco",
    "ta",
    "teaching assistant",
    "attendance officer",
    "pastoral lead",
    "learning mentor",
)
_add("GP", "gp", "practice nurse", "general practitioner", "practice manager")
_add("Midwifery", "midwife", "community midwife", "safeguarding midwife", "specialist midwife")
_add("School Nursing", "school nurse", "school nursing")
_add(
    "Hospital",
    "paediatrician",
    "consultant paediatrician",
    "ed nurse",
    "ed consultant",
    "staff nurse",
    "ward sister",
    "triage nurse",
    "registrar",
)
_add("Ambulance", "paramedic", "emt", "ambulance crew", "ambulance technician")
_add("Probation", "probation officer", "probation practitioner", "offender manager", "pso")
_add("Youth Justice", "yot worker", "yot officer", "yjs worker", "youth justice worker")
_add(
    "Mental Health",
    "cpn",
    "psychiatrist",
    "psychologist",
    "camhs practitioner",
    "camhs worker",
    "camhs clinician",
    "mental health nurse",
    "amhp",
)
_add("Housing", "housing officer", "tenancy officer", "housing support officer")
_add("Domestic Abuse Service", "idva", "idva worker", "domestic abuse worker")
_add("Substance Misuse Service", "recovery worker", "drug worker", "substance misuse worker")
_add("Early Help", "early help worker", "family support worker", "ehw", "family practitioner")
_add("Early Years", "nursery practitioner", "key person", "nursery manager", "early years worker")

_LONGEST = max(len(r.split()) for r in _ROLES)
_DIGITS = re.compile(r"\d")


def role_agency(text: str, directory: AgencyDirectory) -> str | None:
    """The agency the role in a practitioner cell names, or None (a name alone, "Mother")."""
    words = _DIGITS.sub(" ", norm_label(text)).split()
    found = None
    for i in range(len(words)):  # the first role named, its longest wording
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            if (hit := _ROLES.get(" ".join(words[i : i + n]))) is not None:
                found = hit
                break
        if found:
            break
    found = found or agency_kind(text, directory)[0]
    return directory.canonical(found) or found if found else None


MIN_NAMED = 0.6  # share of the filled practitioner cells whose role names an agency
MIN_EACH = 2  # entries each of two agencies must have before the file counts as several


def agencies_by_role(cells: list[str], directory: AgencyDirectory) -> dict[str, int] | None:
    """{agency: entries} when the practitioner cells' roles name two agencies or more, each
    for at least MIN_EACH entries, and most cells name one; None otherwise (a single
    agency's own staff, or names without roles)."""
    # each distinct cell read once: a practitioner column repeats a few names thousands of
    # times, and reading every cell cost a 50,000-row CSV a third of its import time
    filled = Counter(cells)
    for blank in [c for c in filled if not c.strip()]:
        del filled[blank]
    if not filled:
        return None
    counts: dict[str, int] = {}
    for cell, n in filled.items():
        if agency := role_agency(cell, directory):
            counts[agency] = counts.get(agency, 0) + n
    named = sum(counts.values())
    several = sum(1 for n in counts.values() if n >= MIN_EACH) >= 2
    return counts if several and named >= MIN_NAMED * filled.total() else None


# A title or file name that says the file holds several agencies' entries.
_MULTI = re.compile(
    r"\b(multi[\s-]?agency|inter[\s-]?agency|integrated|combined|compiled|partnership)\b",
    re.IGNORECASE,
)


def says_multi_agency(texts: list[str]) -> bool:
    """The title lines or the file name call the chronology multi-agency or integrated."""
    return any(_MULTI.search(t) for t in texts)


def role_evidence(
    name: str, title: TitleBlock, tables: list[Table], source: str, directory: AgencyDirectory
) -> str:
    """The agencies the practitioners' roles name, in words ("Police 4, GP 3"), when the
    entries should be filed by them: nothing named the file's own agency, or it calls
    itself multi-agency or integrated, and the roles name several agencies. "" otherwise
    (an agency named by the title block, sheet or even only the file name is the file's)."""
    if source not in ("", "fallback: file name") and not says_multi_agency([*title.lines, name]):
        return ""
    cells = _practitioner_cells(tables)
    counts = agencies_by_role(cells, directory) if cells is not None else None
    if not counts:
        return ""
    return ", ".join(f"{a} {n}" for a, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def _practitioner_cells(tables: list[Table]) -> list[str] | None:
    """Every data row's practitioner cell, or None when a table has no practitioner column."""
    cells: list[str] = []
    for table in tables:
        i = table.mapping.index_of("practitioner")
        if i is None:
            return None
        if table.raw.all_text:  # a text table's cells are stripped once already
            rows = table.raw.stripped()[table.data_index :]
            cells.extend(r[i] for r in rows if i < len(r))
        else:
            rows = table.raw.rows[table.data_index :]
            cells.extend(cell_text(r[i]) for r in rows if i < len(r))
    return cells


MIN_OWN = 3  # entries whose roles must name the one agency before it is the file's


def one_agency_by_role(tables: list[Table], directory: AgencyDirectory) -> tuple[str, str] | None:
    """(agency, evidence in words) when nothing else named the file's agency and its
    practitioners' roles name one agency only ("Probation Officer", "HV J. Marsh"), for
    most entries: one agency's own staff wrote it. None otherwise: roles of several
    agencies (`agencies_by_role` files those per entry), or names without roles."""
    cells = _practitioner_cells(tables)
    if not cells:
        return None
    filled = Counter(c for c in cells if c.strip())
    counts: Counter[str] = Counter()
    for cell, n in filled.items():
        if agency := role_agency(cell, directory):
            counts[agency] += n
    if len(counts) != 1:
        return None
    (agency, n), total = counts.most_common(1)[0], filled.total()
    if n < MIN_OWN or n < MIN_NAMED * total:
        return None
    return agency, f"the practitioners' roles name only {agency} ({n} of {total} entries)"


MIN_SOURCE_AGENCIES = 0.6  # share of a source column's filled cells that name an agency


def source_as_agency(
    name: str, title: TitleBlock, tables: list[Table], found: str | None, directory: AgencyDirectory
) -> str:
    """In a multi-agency file without an agency column, a "Source (of information)" column
    whose cells name agencies ("Kelby Council Social Work Team", "Police - North
    Division") says whose entry each row is: it becomes the agency column, and its header
    is returned. In one agency's file (`found` names it and the file does not call itself
    multi-agency) a source column is where the information came from: left alone ("")."""
    if found and not says_multi_agency([*title.lines, name]):
        return ""
    adopted = ""
    for table in tables:
        i = table.mapping.index_of("source")
        if i is None or table.mapping.index_of("agency") is not None:
            continue
        cells = [cell_text(r[i]) for r in table.raw.rows[table.data_index :] if i < len(r)]
        filled = [c for c in cells if c]
        named = sum(1 for c in filled if directory.agency_of(c))
        if not filled or named < MIN_SOURCE_AGENCIES * len(filled):
            continue
        col = table.mapping.columns[i]
        col.field, col.how = "agency", "content"
        col.reason = (
            f"agency: {round(100 * named / len(filled))}% of cells name an agency, in a "
            f"multi-agency file (the header '{col.header}' names the source of information)"
        )
        adopted = col.header
    return adopted
