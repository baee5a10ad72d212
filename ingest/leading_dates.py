"""Entries whose date is written at the start of their text: a single-column log
("12/03/2021 14:30 - Rent arrears letter sent"), or a Word chronology written as paragraphs
("11.05.2018 11:50 – Attended strategy discussion"). When no column of a table holds dates
but one column's cells mostly start with one, that column is split in two: the date (and
time) and the text after it. Every row keeps its place; nothing else changes.
"""

from __future__ import annotations

import re

from ingest.agencies import AgencyDirectory
from ingest.agency_evidence import heading_agency
from ingest.date_headings import heading_date
from ingest.dates import DateError, parse_date
from ingest.header import _is_section_heading, about_document
from ingest.joined_lines import CONTINUED, may_be_entry
from ingest.readers.base import RawTable, cell_text
from ingest.records import Issue, SourceRecord

_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"[A-Za-z]{3,9}\.?"
# "?06/01/2019", "approx. 12/03/2021", "c. June 2020": a date marked as approximate
_APPROX = r"(?:\?\s*|(?:approx(?:imately)?\.?|circa|c\.|about|around)\s+)?"
# "18/02/2022 (approx) : Seen at clinic": the marker after the date is part of it
_APPROX_AFTER = r"(?:\s*[(\[](?:approx(?:imately)?\.?|est(?:imated)?\.?|circa|c\.?|\?)[)\]])?"
_LEADING = re.compile(
    r"^\s*(?P<date>" + _APPROX + _WEEKDAY + r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s+|-)" + _MONTH + r",?(?:\s+|-)\d{2,4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})" + _APPROX_AFTER + r")"
    r"(?:,?\s*(?:at\s+|(?P<at>@)\s*)?\(?(?P<time>(?:(?:around|approx\.?|about|c\.)\s*)?"
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{4}\s*hrs?|"
    r"\d{1,2}\s*[ap]\.?m\.?|(?(at)\d{4}|(?!))|(?:[01]\d|2[0-3])[0-5]\d(?=\s+[A-Za-z])))\)?"
    # "22/10/2018 – 1625 – text": between two dashes after a day's date, four digits are
    # its time (a year never follows a whole date)
    r"|\s*[-–—]\s*(?P<dashed>\d{1,2}[:.]?\d{2})(?=\s*[-–—:|]))?"
    # the entry after a dash, colon, bar, comma ("18th April 2019, ICPC held") or a space
    r"\s*(?:[-–—:|]+\s*|,\s+|\s+)(?P<rest>\S.*)$",
    re.DOTALL | re.IGNORECASE,
)
# "2019 (date unknown) - ...": the writer says the day is not known (docs/dates.md reads it)
_UNKNOWN_DAY = r"(?:\s*[(\[](?:exact\s+)?(?:date|day)\s+(?:unknown|not\s+known)[)\]])?"
# A month or a year alone ("2022 : Ayla not brought", "approx. June 2020 - moved area"):
# read only with a dash, colon or bar after it, so "2019 was a hard year" stays text.
_LEADING_COARSE = re.compile(
    r"^\s*(?P<date>" + _APPROX + r"(?:" + _MONTH + r"\s+)?(?:19|20)\d{2}" + _UNKNOWN_DAY + r")"
    r"(?P<time>)(?P<dashed>)\s*[-–—:|]+\s*"
    # the text after it has words, and is not the rest of a span ("June 2019 - 2020",
    # "2019 - 3 May 2020"); it may start with a number ("c. June 2019 - 6-8 week review")
    r"(?P<rest>(?=[^\n]*[A-Za-z]{2})(?!(?:19|20)\d{2}\b|\d{1,2}[/.]\d|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{2,4})\S.*)$",
    re.DOTALL | re.IGNORECASE,
)
# Where a date written before the entry can end: a dash, bar, colon or comma with a space after it,
# a gap of two spaces, a tab or a line break ("May 2020  Early help assessment started").
_SEPARATOR = re.compile(r" ?[-–—|:]+\s+|,\s+|\s{2,}|[\t\n]")
_DIGIT = re.compile(r"\d")  # every date this tool reads has a year
MAX_HEAD = 48  # characters: the longest date wording ("between 3rd and 5th May 2022")
MIN_ENTRIES = 2  # cells that must start with a date before a column is split
SAMPLE = 2000  # cells of a column read to decide whether it holds dated text
MIN_SHARE = 0.5  # of the column's filled cells from the first dated one on (not the title)


def leading_date(text: str) -> tuple[str, str] | None:
    """("12/03/2021 14:30", "Rent arrears letter sent") when the text starts with a date
    that reads; None otherwise."""
    if text[:3].lower() == "on " and (narrated := _on_date(text)) is not None:
        return narrated
    if text[:1] in ("[", "(") and (bracketed := _bracketed(text)) is not None:
        return bracketed
    found = None
    m = _LEADING.match(text) or _LEADING_COARSE.match(text)
    if m is not None and _reads(m["date"]):
        found = m.start("rest"), m["date"] + (f" {m['time']}" if m["time"] else "")
        if m["time"] and _SUM.match(m["time"]) and _sum_follows(text, m):
            found = m.start("time"), m["date"]  # "12/03/2021 12.50 paid": a sum, no time
        if m["dashed"]:  # "– 1625 –" after the date: its time, when it reads as one
            when = f"{m['date']} {m['dashed']}"
            after = m.end("date") + len(_DASHES.match(text, m.end("date"))[0])
            found = (m.start("rest"), when) if _reads(when) else (after, m["date"])
    # Any wording the date reader knows ("early July 2021", "w/c 12/06/23", "between 3rd
    # and 5th May 2022", "Spring 2020") before a separator: the longest that reads wins,
    # so a range ("03/05/2022 - 05/05/2022 - ...") is not cut at its own dash.
    # (a date read, the text after it a word: done; a digit, or "to"/"until" and a digit,
    # after it may go on a range: "24/12/20 to 02/01/21 – ...")
    on = not found or text[found[0]].isdigit() or _RANGE_ON.match(text, found[0])
    digit = _DIGIT.search(text, 0, MAX_HEAD) if on else None
    for sep in _SEPARATOR.finditer(text, digit.end(), MAX_HEAD + 4) if digit else ():
        head = text[: sep.start()].strip()
        if (
            sep.end() > (found[0] if found else 0)
            and _DIGIT.search(" ".join(head.split()[-2:]))  # a date ends near its year
            and any(c.isalpha() for c in text[sep.end() :])
            and _reads(head)
        ):
            found = sep.end(), head
    if found is None:
        found = _year_then_capital(text) if digit else None
    if found is None:
        return None
    return found[1], text[found[0] :].strip()


_ON = re.compile(r"on\s+(?=\S)", re.IGNORECASE)


def _on_date(text: str) -> tuple[str, str] | None:
    """("18th April 2019", "ICPC held") from "On 18th April 2019, ICPC held": a sentence
    that opens with its day and a comma is an entry of a narrative diary. Without the comma
    ("On 23/9/19 Mr K returned") it is narration inside an entry, and stays text."""
    inner = text[_ON.match(text).end() :]
    found = leading_date(inner)
    if found is None or not found[1]:
        return None
    head = inner[: inner.rfind(found[1])].rstrip()
    return found if head.endswith(",") else None


_RANGE_ON = re.compile(r"(?:to|until|till|through|and)\s+\d", re.IGNORECASE)
# a space after a year, then a capital: "Summer 2019 SW Dale", "w/c 6th May 2020 Visit"
_YEAR_SPACE = re.compile(r"(?:(?<=\d{4})|(?<=[A-Za-z]{3}-\d{2})) (?=[A-Z])")  # "Jan-22 TSO"


_NARRATION = re.compile(r"(?:in|on|by|since|from|after|before|until|during|at)\s", re.I)


def _year_then_capital(text: str) -> tuple[int, str] | None:
    """A date in any wording the reader knows that ends with its year, a single space and
    then a capitalised word (an author, the entry): the longest that reads. A year followed
    by words in lower case ("2019 was hard") stays text, and so does a sentence opening
    with a preposition ("In May 2019 Mother had moved ...": narration within an entry)."""
    if _NARRATION.match(text):
        return None
    found = None
    for sep in _YEAR_SPACE.finditer(text, 0, MAX_HEAD + 1):
        if _reads(text[: sep.start()]):
            found = sep.end(), text[: sep.start()].strip()
    return found


_SUM = re.compile(r"\d{1,2}\.\d{2}$")
_DASHES = re.compile(r"[\s\-–—:|]*")


def _sum_follows(text: str, m: re.Match[str]) -> bool:
    """ "12.50" with only a space before a word in lower case: a sum ("12.50 paid towards
    the arrears"), as ingest/text_times.py reads it; a separator or a capital makes it a
    time ("12.50 - paid", "12.50 Call from school")."""
    return not text[m.end("time") : m.start("rest")].strip() and text[m.start("rest")].islower()


def _reads(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except DateError:
        return False


_CLOSE = {"[": "]", "(": ")"}


def _bracketed(text: str) -> tuple[str, str] | None:
    """("w/c 20/05/2019", "Review ...") from "[w/c 20/05/2019] Review ...": the whole text
    in the opening brackets is the date (with its time), in any form parse_date reads."""
    end = text.find(_CLOSE[text[0]], 1, 60)
    inner, rest = text[1:end].strip(), text[end + 1 :].strip(" -–—:|")
    if end < 0 or not rest or not any(c.isdigit() for c in inner):
        return None
    try:
        return (inner, rest) if parse_date(inner) is not None else None
    except DateError:
        return None


def split_leading_dates(raw: RawTable) -> tuple[RawTable, str] | None:
    """The table with its dated-text column split (and a note saying which), or None when
    no column's cells mostly start with a date.

    Running text (the table's only column with text: Word paragraphs, a one-column log) is
    split once two entries start with a date, however many lines each runs to; an undated
    line under an entry is marked "(cont.)" in the new date cell, which joins it to the
    entry (ingest/rowloop.py), unless it heads a section, names an agency or is a footer."""
    width = max((len(r) for r in raw.rows), default=0)
    filled = [c for c in range(width) if any(c < len(r) and cell_text(r[c]) for r in raw.rows)]
    running = len(filled) == 1
    best, best_count = -1, 0
    for c in filled:
        texts = [cell_text(r[c]) for r in raw.rows if c < len(r) and cell_text(r[c])]
        texts = texts[:SAMPLE]  # enough to choose the column; every row is split below
        dated = [leading_date(t) is not None for t in texts]
        count = sum(dated)
        below = len(texts) - dated.index(True) if count else 0
        share = 0.0 if running else MIN_SHARE * below
        if count >= MIN_ENTRIES and count >= share and count > best_count:
            best, best_count = c, count
    if best < 0:
        return None
    blank = "" if raw.all_text else None
    rows: list[list[object]] = []
    entry_open = False  # under an entry whose undated lines continue it (running text)
    sectioned = False  # an agency heading seen: the text is divided into agencies' parts
    above = ""  # the last line of the open entry
    doubtful: set[tuple[str, int]] = set()
    for r, pos in zip(raw.rows, raw.positions, strict=True):
        cells = list(r) + [blank] * (best + 1 - len(r))
        text = cell_text(cells[best])
        found = leading_date(text) or _coarse_before_capital(text)
        if found is None and not running and _DIGIT.search(text) and len(text) <= MAX_HEAD:
            # a cell of the split column holding only its date ("1 March 2011", no author)
            found = (text, "") if _reads(text) else None
        if found is not None:
            rows.append([*cells[:best], found[0], found[1], *cells[best + 1 :]])
            entry_open, above = running, found[1]
            continue
        mark = blank
        if entry_open and text:
            entry_open = _continues(text, sectioned)
            sectioned = sectioned or not entry_open and bool(heading_agency(text, _AGENCIES))
            mark = CONTINUED if entry_open else blank
            if entry_open and may_be_entry(text, above):
                doubtful.add(pos)
            above = text
        rows.append([*cells[:best], mark, *cells[best:]])
    split = RawTable(
        raw.label, rows, list(raw.positions), list(raw.notes), raw.all_text, list(raw.preamble)
    )
    split.doubtful_joins = doubtful
    note = (
        f"'{raw.label or 'the table'}': {best_count} entries start with their date in one "
        f"column (column {best + 1}): the date and the text after it were read apart"
    )
    if running:
        note += "; each undated line under an entry continues it"
    return split, note


# a sentence's opening words before a period, that only a separator makes a date's
_NARRATED = re.compile(
    r"(?:in|during|throughout|sometime|since|by|from|until|between|after|before)\s", re.I
)
_UNKNOWN_AFTER = re.compile(_UNKNOWN_DAY, re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w/.-])(?:19|20)\d{2}(?![\w/.-])")


def _coarse_before_capital(text: str) -> tuple[str, str] | None:
    """("Autumn 2018", "Safeguarding midwife discussion") in a column whose entries start
    with their date: a month, season or year written before the entry with only a space,
    read when the entry goes on with a capital ("May 2020 Early help assessment"). Alone,
    leading_date wants a separator there, so that "2019 was a hard year" stays text."""
    if _NARRATED.match(text):
        return None  # "In May 2019 Mum moved ...": a sentence that goes on, not a date
    for m in _YEAR.finditer(text, 0, MAX_HEAD):
        end = _UNKNOWN_AFTER.match(text, m.end()).end()  # "2024 (date unknown) YJ worker"
        rest = text[end:]
        if rest[:1] in (" ", "\t") and rest.strip()[:1].isupper() and _reads(text[:end]):
            return text[:end].strip(), rest.strip()
    return None


_AGENCIES = AgencyDirectory()


def _continues(text: str, sectioned: bool = False) -> bool:
    """An undated line of running text that goes on with the entry above: not a section
    heading ("2021", "January - June 2021", "--- 2021 ---"), a date heading, an agency's
    heading ("POLICE") or a footer ("End of chronology", "Signed: ____")."""
    return not (
        _is_section_heading(text)
        or heading_date([text], coarse=True)
        or about_document([text])
        or heading_agency(text, _AGENCIES, sectioned)
    )


def flag_doubtful_joins(records: list[SourceRecord], doubtful: set[tuple[str, int]]) -> None:
    """A warning on each entry that took in a line which may be an entry of its own
    (`may_be_entry`): the text is kept with it, and a person checks."""
    for record in records:
        prov = record.provenance
        rows = [n for n in prov.continued_rows if (prov.sheet, n) in doubtful]
        if rows:
            where = ", ".join(str(n) for n in rows)
            record.issues.append(
                Issue(
                    "joined_line",
                    f"the undated line at row {where} was joined to this entry: it may be an "
                    "entry of its own whose date was left out (check it)",
                )
            )
