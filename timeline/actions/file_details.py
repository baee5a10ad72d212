"""What the importer learnt from one file, in words for the set-up page: how its dates were
read and why, its title block, why this agency, and the continuation rows joined to entries.

Built from the values the store keeps (migration 0005), never from the summary's prose.
No Dash here: web/setup_details.py draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

DATE_ORDERS = ("day-first", "month-first")  # what the lead may choose (or "" for the evidence)

TITLE_LABELS = {
    "agency": "Agency",
    "organisation": "Organisation",
    "child": "Child",
    "dob": "Date of birth (not an event)",
    "period": "Period covered",
    "completed_by": "Completed by",
    "date_completed": "Date completed",
    "marking": "Marking",
}

AGENCY_SOURCES = {
    "given": "given when the file was imported",
    "profile": "the agency's saved profile",
    "column": "an agency column in the file",
    "title block": "the file's title block",
    "sheet name": "the sheet's name",
    "system": "the case-management system named in the file",
    "file name": "the file name",
    "fallback: file name": "nothing in the file: the file name stands in",
}


@dataclass(frozen=True)
class JoinedRows:
    row: int  # the entry's own row
    continued: tuple[int, ...]  # the continuation rows joined to it
    text: str  # the start of the entry's description


@dataclass(frozen=True)
class FileDetails:
    date_order: str  # "day-first" | "month-first" | "mixed" | "" (imported before 0005)
    date_order_words: str  # the order and its evidence, for people
    date_override: str  # the order the lead chose ("" when the evidence decides)
    title_block: tuple[tuple[str, str], ...]  # (label, value)
    agency_source: str  # in words
    agency_evidence: str
    joined: tuple[JoinedRows, ...]


def date_order_words(f: dict) -> str:
    order, by = f.get("date_order") or "", f.get("date_order_by") or ""
    witness, note = f.get("date_order_witness") or "", f.get("date_order_note") or ""
    if not order:
        return "Not recorded for this import (imported before the date order was kept)." + (
            f" The import said: {note}" if note else ""
        )
    if by == "profile":
        return f"Read {order}, as set for this agency (its saved profile)."
    if order == "month-first":
        return (
            f"Read month-first: '{witness}' can only be a month-first date, and no date in "
            "the file can only be day-first."
        )
    if order == "mixed":
        return (
            f"Read day-first, but '{witness}' can only be month-first: dates that read both "
            "ways are flagged for review."
        )
    if witness:
        return f"Read day-first: '{witness}' can only be a day-first date."
    return "Read day-first, the default: no date in the file shows which order it uses."


def file_details(f: dict, records: list[dict], override: str | None = None) -> FileDetails:
    """`f` a source file as the store lists it, `records` its records, `override` the date
    order in the agency's saved profile (None or "" when none)."""
    block = f.get("title_block") or {}
    title = tuple(
        (TITLE_LABELS.get(k, k.replace("_", " ").capitalize()), str(v)) for k, v in block.items()
    )
    joined = tuple(
        JoinedRows(
            int(r["provenance"]["row"]),
            tuple(int(n) for n in r["provenance"].get("continued_rows") or ()),
            (r.get("description") or "")[:80],
        )
        for r in records
        if r["provenance"].get("continued_rows")
    )
    source = f.get("agency_source") or ""
    return FileDetails(
        f.get("date_order") or "",
        date_order_words(f),
        override if override in DATE_ORDERS else "",
        title,
        AGENCY_SOURCES.get(source, source),
        f.get("agency_evidence") or "",
        joined,
    )
