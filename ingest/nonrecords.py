"""Rows that are not events and carry no date to quarantine them for: a subtotal ("Total
contacts 2022:" | 26, "Sub-total (2019)", "2023 total" | 823, "Entries for 2019: 6") and a
note written across the table in a column that holds no entry text ("Records for this
period were migrated from the old system; formatting may vary." in the date or reference
column). They are skipped with the reason, never quarantined as broken records and never
imported.
"""

from __future__ import annotations

import re

# A total's label: "Total", "Sub-total (2019)", "Total contacts 2022:", "2023 total",
# "Grand total", "Number of contacts: ", "Count" (with its count: "Count = 12").
_TOTAL_LABEL = re.compile(
    r"^(?:(?:sub[\s-]?|grand |running |year |annual )?totals?\b[\w\s()/:-]{0,30}|"
    r"[\w()/ -]{0,30}\b(?:sub[\s-]?)?totals?\W*|"
    r"(?:number|no\.?|count) of (?:contacts|entries|records|events|incidents|visits)\W*"
    r"[\w()/ -]{0,20}|count)$",
    re.IGNORECASE,
)
# With its count beside it, a label naming the rows counted: "Entries for 2019: 6",
# "Contacts in the period | 14", "Home visits (2020) = 3".
_COUNTED = re.compile(
    r"^[\w ]{0,15}\b(?:contacts|entries|records|events|incidents|visits|appointments|"
    r"referrals|attendances|episodes|sessions)\b[\w\s()/-]{0,30}$",
    re.IGNORECASE,
)
_COUNT = re.compile(r"^\(?\d{1,6}\)?$")
_COUNTED_NOUN = (
    r"contacts|entries|records|events|incidents|visits|appointments|referrals|attendances|"
    r"episodes|sessions"
)
# "Number of contacts in 2017: 6", "Sub-total (2023) = 4 contacts": a label and its count
_LABEL_COUNT = re.compile(
    r"^(?P<label>[^:=]*[^\W\d_][^:=]*?)\s*[:=]\s*(?P<count>\(?\d{1,6}\)?)"
    r"(?:\s+(?:" + _COUNTED_NOUN + r"))?$",
    re.IGNORECASE,
)
_DATE_LIKE = re.compile(
    r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3}"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def subtotal_reason(cells: list[str]) -> str | None:
    """A reason when the filled cells are a total's label and perhaps its count."""
    filled = [c for c in cells if c]
    if not 1 <= len(filled) <= 2:
        return None
    if len(filled) == 1 and (m := _LABEL_COUNT.match(filled[0])):
        filled = [m["label"], m["count"]]  # "Number of contacts in 2017: 6" in one cell
    labels = [c for c in filled if not _COUNT.match(c)]
    if len(labels) != 1 or len(labels[0]) > 45:
        return None
    counted = len(filled) == 2 and _COUNTED.match(labels[0])
    if not (_TOTAL_LABEL.match(labels[0]) or counted):
        return None
    if _DATE_LIKE.search(labels[0]):
        return None  # "Total loss of contact 12/03/2021" is an entry
    return f"subtotal row '{' | '.join(filled)[:40]}' (not an event)"


def stray_note(texts: list[str], text_cols: set[int]) -> str | None:
    """A reason when the row's only text is a sentence in a column that holds no entry text
    (the date, the reference): a note across the table, not an entry without its date."""
    filled = [i for i, t in enumerate(texts) if t]
    if len(filled) != 1 or filled[0] in text_cols:
        return None
    # "(entries for the sibling are shown where relevant)": a note in brackets
    text = texts[filled[0]].strip("()[] ")
    words = _WORD.findall(text)
    if len(words) < 6 or _DATE_LIKE.search(text) or not text[:1].isalpha():
        return None
    lower = sum(1 for w in words[1:] if w[0].islower())
    if lower < 0.6 * (len(words) - 1):
        return None  # a name or a heading, not a sentence
    return f"note row '{text[:40]}' (not an event)"


# "date of birth 03/03/2014", "DOB: 14.07.17", "d.o.b. 1 May 2016", "Sibling Arlo born 6th
# May 2016": a person's details
_BIRTH = re.compile(
    r"\b(?:date of birth|d\.?\s?o\.?\s?b\.?|born(?:\s+on)?)\s*[:\-–]?\s*"
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4})",
    re.IGNORECASE,
)


def birth_note(texts: list[str], date_index: int) -> str | None:
    """A reason when a row without a date of its own only gives someone's date of birth
    ("Sibling: R. Vale, DOB 14/07/2017"): the people the chronology is about, not an event.
    A birth that is an event carries its date in the date column, apart from its text; a
    row whose one cell is the whole note may have it in the date column ("Arlo DOB: ...")."""
    filled = [t for t in texts if t]
    if len(filled) != 1 or len(filled[0]) > 160 or not _BIRTH.search(filled[0]):
        return None
    return f"note row '{filled[0][:40]}' (a date of birth, not an event)"


# "Date of birth - Kelua", "DOB of R. Vale": the whole text labels a person's birth date
_BIRTH_LABEL = re.compile(
    r"^(?i:date of birth|d\.?\s?o\.?\s?b\.?)(?:\s*[:\-–]\s*|\s+)(?i:of\s+|for\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\.?$"
)


# "DOB of subject child (R. Vale)", "Date of birth for the baby": whose, in a few lower-case
# words after "of" or "for", then perhaps the name (in brackets or after a colon or dash)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_BIRTH_WHOSE = re.compile(
    r"^(?i:date of birth|d\.?\s?o\.?\s?b\.?)\s+(?i:of|for)\s+(?:[a-z]+\s+){0,2}[a-z]+"
    r"(?:\s*\(" + _NAME + r"\)|\s*[:,\-–]\s*" + _NAME + r"|\s+" + _NAME + r")?$"
)
# "Orla's date of birth", "T. Brannock DOB"
_BIRTH_OWNER = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:['’]s)?\s+(?i:date of birth|d\.?\s?o\.?\s?b\.?)$"
)


def birth_label(description: str) -> bool:
    """The entry's whole text only says whose date of birth its date is: a person's
    details written as a row, not an event (a birth as an event says what happened)."""
    text = description.strip().rstrip(".")
    return len(text) <= 60 and bool(
        _BIRTH_LABEL.match(text) or _BIRTH_OWNER.match(text) or _BIRTH_WHOSE.match(text)
    )
