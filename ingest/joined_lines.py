"""Lines joined to the entry above: the date cell's continuation marker, and which joined
lines may be entries of their own (flagged for a person to check, never split)."""

from __future__ import annotations

import re

# A line that says it belongs to the entry: "Outcome: ...", "- bullet", "(see above)"
_PART = re.compile(r"^(?:[-–—•*(]|[A-Za-z][\w /]{0,20}:\s)")
MAX_DOUBT_WORDS = 20  # an entry of its own is short: a longer line is the entry going on


def may_be_entry(text: str, above: str) -> bool:
    """An undated line joined to the entry above that may be an entry whose date was left
    out: short, a sentence of its own (a capital after a line that ended one), not a
    labelled part ("Outcome: ..."). It is still joined; the entry is flagged to check."""
    return (
        text[:1].isupper()
        and above.rstrip()[-1:] in (".", "!", "?", ")")
        and len(text.split()) <= MAX_DOUBT_WORDS
        and not _PART.match(text)
    )


CONTINUED = "(cont.)"  # the date cell's continuation marker (ingest/rowloop.py joins the row)
