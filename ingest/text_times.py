"""A time of day written at the start of an entry's text: "1435hrs - Call from school",
"09:10 HV visit", "2.35pm: phone call". Read only from the very start of the text (never
from the middle of a sentence), and only in a form that cannot be a number or a date:
"14:35" / "14.35" (not followed by another separator and number, as in "14.05.2021"),
"1435hrs" / "1435 hrs", or a time with am/pm. A bare "1435" (a year? a count?) is read
only after an "@" or where the column's texts open with such times that are no year,
nor "12.50 paid" (a sum): "14.35" needs a separator or a capital after it ("14.35 - call",
"14.35 Call from school").
The text itself is kept as written.
"""

from __future__ import annotations

import datetime as dt
import re

_LEAD = re.compile(
    r"""\A\s*(?:at\s+|@\s*|(?:approx(?:imately)?\.?|around|about|circa|c\.)\s*)?
    (?:
        (?P<h>[0-9]{1,2})(?P<mark>[:.])(?P<m>[0-9]{2})
        (?:\s*[-\u2013\u2014]\s*[0-9]{1,2}[:.][0-9]{2})?  # "12:45-13:45": the start is read
        (?![0-9]|[:./-][0-9])
        \s*(?P<ap>[ap]\.?m\.?\b)?(?P<hrs>\s*(?:hrs?|hours)\b\.?)?
      | (?P<hhmm>[0-9]{3,4})\s*(?:hrs?|hours)\b\.?
      | (?P<h2>[0-9]{1,2})\s*(?P<ap2>[ap]\.?m\.?)(?![a-z])
    )
    (?P<sep>\s*[-\u2013\u2014:,;]\s*|\s+)(?=\S)""",
    re.IGNORECASE | re.VERBOSE,
)


_FIRST = frozenset("0123456789 @aAcC")
# "1435 - Call", "0911: Update", "@1006 Visit": four digits alone; read after an "@", or
# in a column whose texts start so with times that cannot be years (see bare_times)
_BARE = re.compile(
    r"\A\s*(?P<at>@\s*)?(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s*[-\u2013\u2014:,;]\s*|\s+)(?=\S)"
)
MIN_BARE = 2  # texts opening with a four-digit time that is no year, before all are read


def bare_times(texts: list[str]) -> bool:
    """Whether the texts of a column open with bare four-digit times ("0006 - Call",
    "1318 Call from ..."): two or more that cannot be a year (0000-1859, 2100-2359)."""
    found = 0
    for text in texts:
        m = _BARE.match(text) if text[:1].isdigit() else None
        if m is not None and not 1900 <= int(m["h"] + m["m"]) <= 2099:
            found += 1
            if found >= MIN_BARE:
                return True
    return False


def leading_time(text: str, bare: bool = False) -> dt.time | None:
    """The time of day that opens `text`, or None. With `bare`, four digits alone
    ("1435 - Call") are read as a time too (the column's other texts showed it)."""
    if not text or text[0] not in _FIRST:  # the usual entry: a word first, no time
        return None
    m = _LEAD.match(text)
    if m is None:
        b = _BARE.match(text)
        if b is not None and (bare or b["at"]):
            return dt.time(int(b["h"]), int(b["m"]))
        return None
    ap = m.group("ap") or m.group("ap2")
    # "12.50 paid towards the arrears", "3.75 per week": a sum, unless a separator or
    # a capital ("14.35 Call from school") says the number stands apart as a time
    if (
        m.group("mark") == "."
        and not (ap or m.group("hrs"))
        and not m.group("sep").strip()
        and not text[m.end()].isupper()
    ):
        return None
    if m.group("hhmm"):
        digits = m.group("hhmm")
        hour, minute = int(digits[:-2]), int(digits[-2:])
    elif m.group("h2"):
        hour, minute = int(m.group("h2")), 0
    else:
        hour, minute = int(m.group("h")), int(m.group("m"))
    if ap:
        if not 1 <= hour <= 12:
            return None
        pm = ap[0].lower() == "p"
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)
