"""Pieces of a row both row loops read (ingest/rowloop.py, row by row; ingest/rowfast.py,
column by column): the outcome a description's text marks, a time cell's reading, and the
joining of a continuation row to the entry above it."""

from __future__ import annotations

import re
from datetime import time

from ingest.dates import DateError, parse_time_approx
from ingest.header import continuation_text, not_entry_text
from ingest.records import SourceRecord

_OUTCOME_MARK = re.compile(r"(?:(?<=[\s.;,])|^)(outcome|plan|action)\s*:\s*", re.IGNORECASE)
_OUTCOME_ONLY = re.compile(r"(?:(?<=[\s.;,])|^)outcome\s*:\s*", re.IGNORECASE)
COMBINED = re.compile(r"\b(outcome|action|plan|result|response)", re.IGNORECASE)
MARKER_ONLY = re.compile(r"^[(\[]?\s*(cont(inued|['’]d|d)?|ctd)\s*\.?\s*[)\]]?\s*:?$", re.I)
CONTINUES_INTO = ("description", "outcome", "significance")  # fields a continuation fills


def split_outcome(text: str, combined: bool = True) -> tuple[str, str]:
    """("Visit done", "NFA") from "Visit done. Outcome: NFA"; the text itself when unmarked.
    Not `combined`: only "Outcome:" splits ("Plan:" and "Action:" stay in the text)."""
    m = _OUTCOME_MARK.search(text) if combined else _OUTCOME_ONLY.search(text)
    if m is None or m.start() == 0:
        return text, ""
    return text[: m.start()].rstrip(" .;,-–"), text[m.end() :].strip()


def read_time(value: object) -> tuple[time | None, bool, str | None]:
    """(time, approximate, None) or (None, False, why it cannot be read)."""
    try:
        t, approx = parse_time_approx(value)
    except DateError as exc:
        return None, False, str(exc)
    return t, approx, None


def continuation(
    texts: list[str],
    text_cols: set[int],
    last: SourceRecord,
    marked_date: bool,
    label_cols: set[int] | frozenset[int] = frozenset(),
    author_cols: set[int] | frozenset[int] = frozenset(),
) -> str | None:
    """The text to join to `last` when this undated row continues it, else None.
    `marked_date`: the date cell said "(cont.)". A short label in the type column beside
    the text ("History", "Examination", "Plan": a consultation over several rows) is kept
    in front of it. A name in the author column beside the text, and nothing else (no date,
    time, type or reference: "Manager's note - agree with the plan" | "C. Lomax"), is a
    note added to the entry by that person: joined with the name after it."""
    filled = [i for i, t in enumerate(texts) if t]
    author = ""
    authors = [i for i in filled if i in author_cols]
    if len(authors) == 1 and any(i in text_cols for i in filled):
        author = texts[authors[0]]
        filled.remove(authors[0])
    label = ""
    labels = [i for i in filled if i in label_cols]
    if len(labels) == 1 and len(filled) > 1 and len(texts[labels[0]].split()) <= 3:
        label = texts[labels[0]]
        filled.remove(labels[0])
    if not filled or author and (label or len(filled) > 1):
        return None  # a type or an outcome and a worker beside the text: an entry, undated
    first = texts[filled[0]]
    if len(filled) == 1 and not_entry_text(first):
        return None  # "Page 1 of 1", "January - June 2019" under the last entry: not its text
    by = f" ({author})" if author else ""
    marked = continuation_text(first)
    if marked is not None:
        return marked + by
    if marked_date and all(i in text_cols for i in filled):
        return first + by
    # Unmarked: text only in the entry's text columns, under a long entry, and itself
    # more than a word or two (a lone "Visit" with no date is an entry missing its date).
    if any(i not in text_cols for i in filled) or len(first.split()) < 4:
        return None
    if len(last.description) < 40:
        return None
    return (f"{label}: {first}" if label else first) + by


def join_continuation(
    last: SourceRecord, text: str, texts: list[str], desc_i: int, idx: dict, row_no: int
) -> None:
    texts_at = {idx[f] for f in CONTINUES_INTO if f in idx}
    filled = [i for i, t in enumerate(texts) if t and i in texts_at]
    target = filled[0] if filled else desc_i
    if target == idx.get("outcome"):
        last.outcome = f"{last.outcome} {text}".strip()
    elif target == idx.get("significance"):
        last.significance = f"{last.significance} {text}".strip()
    else:
        last.description = f"{last.description} {text}".strip()
    prov = last.provenance
    prov.continued_rows = (*prov.continued_rows, row_no)
    prov.raw[f"(row {row_no})"] = " | ".join(t for t in texts if t)
