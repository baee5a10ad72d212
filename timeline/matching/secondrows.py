"""Second rows of one agency for one event: an entry split over two rows.

The agency limit (one record per agency per event) keeps two incidents of one kind by
one agency apart; these are rows it would wrongly keep apart too. Read from the agency's
own file, never from the wording of other agencies' records: a continuation ("(cont)
Taken home.", "Further to above - ...", "Cont. from previous entry: ...", "Addendum:
...", "Update: ...") is the rest of the entry written just before it, the agency's
previous row of the same day in the same file. "Previous" is in the order the entries
were written: a file listed newest first (a police extract) has the head on the row
*below* its continuation. Two entries of one kind on one day in their own words (two
call-outs, two visits) are neither, and still meet the agency limit.

A row copied whole is ingest's `duplicate_row`, joined in `__init__._pasted_twice`.
Adjacent rows of one day in the same words that differ in another cell (the
practitioner, a reference) are not taken as copies: on family B's dense case 349 of
495 such pairs are two events (look-alikes of a busy review).
"""

from __future__ import annotations

import re

CONTINUES = re.compile(
    r"^\s*(?:"
    r"\(\s*cont(?:inued|'d|d)?\b"  # (cont) / (continued)
    r"|(?:further update|update|cont(?:inued|'d|d)?\.?|contd|addendum)\s*[:\-\u2013]"
    r"|cont(?:inued|'d|d)?\.?\s+from\s+(?:the\s+)?(?:previous|above|last|earlier)\b"
    r"|further\s+to\s+(?:the\s+)?(?:above|previous|last)\b"
    r"|addendum\b"
    r")",
    re.IGNORECASE,
)


def _files(prep) -> list[list[tuple[int, int]]]:  # noqa: ANN001
    """Each agency's rows per file and sheet, as (row number, record index), in row order."""
    rows: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for i, r in enumerate(prep.records):
        p = r.provenance
        rows.setdefault((r.agency, p.file_name, p.sheet), []).append((p.row, i))
    out = []
    for entries in rows.values():
        if len(entries) > 1:
            entries.sort()
            out.append(entries)
    return out


def _newest_first(prep, entries: list[tuple[int, int]]) -> bool:  # noqa: ANN001
    """True when the file lists its entries newest first (more steps back than forward)."""
    days = [prep.records[i].date.start for _, i in entries]
    back = sum(1 for x, y in zip(days, days[1:], strict=False) if y < x)
    forward = sum(1 for x, y in zip(days, days[1:], strict=False) if y > x)
    return back > forward


def split_entries(prep) -> list[tuple[int, int]]:  # noqa: ANN001
    """(head, continuation) pairs: a row opening with a continuation ("(cont)", "Further to
    above", "Addendum:") and the agency's previously written row of the same day in the
    same file, when that row is not itself a continuation: one event on two rows."""
    descriptions = {r.description for r in prep.records}
    opens = {d: CONTINUES.match(d or "") is not None for d in descriptions}
    if not any(opens.values()):
        return []
    out = []
    for entries in _files(prep):
        if not any(opens[prep.records[i].description] for _, i in entries):
            continue
        step = 1 if _newest_first(prep, entries) else -1  # where the previous entry is
        for k, (rc, c) in enumerate(entries):
            cont = prep.records[c]
            if not opens[cont.description] or not 0 <= k + step < len(entries):
                continue
            rh, h = entries[k + step]
            head = prep.records[h]
            if (
                abs(rh - rc) == 1
                and not opens[head.description]
                and (head.date.start, head.date.end) == (cont.date.start, cont.date.end)
            ):
                out.append((h, c))
    return out
