"""A section heading that names a period with a short label: "Entries for 2017",
"Contacts during spring 2021", "2019 involvement", "Year 2020 (continued)". The period is
read by the date grammar (a year, season, month or span, not a day); the label around it
is at most three words, each a word for a table's entries or a section of it, or a
linking word ("for", "during"): "Moved to Kelby in 2019" stays an entry missing its date.
Such a row heads the entries below it: it is skipped as a period heading, not quarantined.
"""

from __future__ import annotations

import re

from ingest.dates import DateError, parse_date

_COARSE = ("month", "season", "year", "range")
_WORDS = re.compile(r"\S+")
MAX_LABEL_WORDS = 3
# Words that label a section of a chronology, and the linking words between them.
_LABEL = re.compile(
    r"\W*(?:entries|entry|contacts?|events?|records?|involvement|activity|chronology|section|"
    r"period|year|calendar|academic|school|financial|term|quarter|part|summary|log|"
    r"notes|history|for|during|in|from|of|the|all|continued|cont(?:['’]?d)?|ctd|"
    r"phase|stage|episode|chapter|\d{1,2}|[ivx]{1,4})\W*",  # "Period 3: April 2020 - ..."
    re.IGNORECASE,
)
# A section numbered without a period: "Phase 2", "KEY PRACTICE EPISODE 3", "Part IV": a
# word for a part of the review's story, a number or letter, at most three words before
# ("Section 47" is no section of the table: an enquiry of the Children Act).
_NUMBERED = re.compile(
    r"(?:[^\W\d_]+\s+){0,3}(?:phase|stage|episode|chapter|part|period)\s+"
    r"(?:\d{1,2}|[ivx]{1,4}|[a-h])\W*",
    re.IGNORECASE,
)


def numbered_section(text: str) -> bool:
    """True for a short heading that numbers a section of the chronology."""
    return len(text) <= 40 and _NUMBERED.fullmatch(text.strip()) is not None


def labelled_period(text: str) -> bool:
    """True when the text is a period with a short label before or after it."""
    words = _WORDS.findall(text.strip(" -–—:|"))
    if not 2 <= len(words) <= 7 or len(text) > 60:
        return False
    for cut in range(1, min(MAX_LABEL_WORDS, len(words) - 1) + 1):
        for label, period in ((words[:cut], words[cut:]), (words[-cut:], words[:-cut])):
            if not all(_LABEL.fullmatch(w) for w in label):
                continue
            if _coarse(" ".join(period)):
                return True
    return False


def _coarse(text: str) -> bool:
    try:
        iv = parse_date(text.strip(" -–—:|()"))
    except DateError:
        return False
    return iv is not None and iv.precision in _COARSE and not iv.approximate
