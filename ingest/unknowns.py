"""Cells that say a value was not known or not written down: "unknown", "N/K", "not
recorded", "time not known", "-", "?". In a time column they are the agency's way of
leaving the time blank, so they are read as no time (not an unreadable one) and they
are left out of the share of a column's cells that read as times: a column of times
with "not recorded" in half its rows is still the time column.

The form is a grammar, not a list of phrases: a negation and a word for knowing or
recording ("not known", "un-recorded", "never noted"), the usual short forms (N/K, N/A,
NK, unk, TBC) or a placeholder of dashes, dots or question marks.
"""

from __future__ import annotations

import functools
import re

_NOT_KNOWN = re.compile(
    r"""^\W*(?:
        (?:(?:time|date)\s+)?(?:not|un|never)[\s-]*
            (?:known|recorded|stated|given|noted|documented|available|specified|logged|
               entered|listed|captured|written|confirmed)
            (?:\s+(?:time|date))?
      | unknown\s+(?:time|date)
      | no\s+(?:time|date)(?:\s+(?:recorded|given|known|noted|stated|logged))?
      | n\s*/\s*[kar] | nk | n\.k\.? | unk | tbc | tba | untimed
      | [-–—?.x]{1,5}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


@functools.lru_cache(maxsize=2048)
def not_known(text: str) -> bool:
    """True for a cell that only says its value is not known ("N/K", "not recorded")."""
    return len(text) <= 30 and bool(_NOT_KNOWN.match(text.strip()))
