"""What a column holds, measured from a sample of its cells: the content half of deciding
its role (ingest/roles.py combines it with the header).

The measures are shares of the non-empty cells sampled: read as dates, as date-times, as
times of day, as Excel date numbers; text length and words; how many values repeat; how
many look like a person or role, a reference number or an agency's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import name_shaped
from ingest.dates import DateError, parse_date, parse_time_approx
from ingest.readers.base import cell_text
from ingest.unknowns import not_known

SAMPLE_ROWS = 400  # enough to see a column's habits; bounded so a big file costs nothing

# Words that make a short cell read as a person or their role.
_PERSON = re.compile(
    r"\b(sw|ssw|tm|iro|hv|sn|gp|dr|pc|ps|ds|dc|dsl|ddsl|senco|ewo|idva|oic|cpn|amhp|"
    r"nurse|midwife|worker|officer|manager|teacher|visitor|practitioner|consultant|"
    r"paramedic|clinician|head|lead|mrs?|ms|miss|mr|sgt|sergeant|constable|registrar)\b",
    re.IGNORECASE,
)
_INITIAL_NAME = re.compile(r"^(?:[A-Z]\.?\s?){1,2}[A-Z][a-z'’\-]+$")  # "J. Marsh", "AB Hale"
_REFERENCE = re.compile(r"^(?=.*\d)[A-Z0-9][A-Z0-9/\-_.#:]*$", re.IGNORECASE)
SERIAL_LOW, SERIAL_HIGH = 32874, 51502  # Excel's numbers for 1 Jan 1990 and 1 Jan 2041
_CLOCK_YEAR = re.compile(r"^(?:19|2[0-3])[0-5]\d$")  # "1935", "2110": a year and a time
_SERIAL_REF = re.compile(r"\d{3}")  # a run of digits: a reference's number
_OUTCOME_MARK = re.compile(r"(?:^|[\s.;,])(outcome|plan|action)\s*:", re.IGNORECASE)


@dataclass
class ColumnProfile:
    index: int
    values: int = 0  # non-empty cells sampled
    filled: float = 0.0  # share of sampled rows with a value
    date: float = 0.0  # read as a date (text, date cell, or an Excel number at half weight)
    datetime: float = 0.0  # a date with a time of day in the same cell
    time: float = 0.0  # a time of day that is not a date
    mean_len: float = 0.0
    mean_words: float = 0.0
    long: float = 0.0  # eight words or more
    distinct: float = 0.0  # distinct values / values
    n_distinct: int = 0
    person: float = 0.0
    reference: float = 0.0
    agency: float = 0.0
    marked_outcome: float = 0.0  # "Outcome:", "Plan:", "Action:" inside the text
    alone: float = 0.0  # filled where the row's other cells are all blank (a heading row)

    @property
    def text_score(self) -> float:
        """0..1: how much this reads as free text (long, varied, not dates or times)."""
        if not self.values:
            return 0.0
        length = min(1.0, self.mean_len / 45.0)
        variety = min(1.0, self.distinct * 1.6)
        return max(0.0, length * variety * (1.0 - max(self.date, self.time)))

    @property
    def category_score(self) -> float:
        """0..1: a short, repetitive set of values (a type, a category, a level)."""
        if self.values < 3 or self.mean_words > 4 or self.date > 0.5 or self.time > 0.5:
            return 0.0
        if self.n_distinct > 0.6 * self.values:  # a category repeats its values
            return 0.0
        return 1.0 - self.distinct * 0.5

    def describe(self) -> str:
        """The content in words, for the reason shown with the column's role."""
        if not self.values:
            return "empty"
        pct = lambda x: f"{round(100 * x)}%"  # noqa: E731
        if self.date >= 0.5:
            bits = f"{pct(self.date)} of cells read as dates"
            return bits + (f", {pct(self.datetime)} with a time" if self.datetime else "")
        if self.time >= 0.5:
            return f"{pct(self.time)} of cells read as times of day"
        if self.person >= 0.5:
            return f"{pct(self.person)} of cells name a person or role"
        if self.agency >= 0.5:
            return f"{pct(self.agency)} of cells name an agency"
        if self.reference >= 0.6:
            return f"{pct(self.reference)} of cells look like reference numbers"
        if self.category_score >= 0.5:
            return f"a short list of repeated values ({self.n_distinct} distinct)"
        return (
            f"text, {round(self.mean_len)} characters and {round(self.mean_words)} words "
            f"on average, {pct(self.distinct)} distinct"
        )


def sample(rows: list[list[object]]) -> list[list[object]]:
    """Up to SAMPLE_ROWS rows spread over the table (its start and then evenly)."""
    if len(rows) <= SAMPLE_ROWS:
        return rows
    head = rows[: SAMPLE_ROWS // 2]
    step = max(1, (len(rows) - len(head)) // (SAMPLE_ROWS // 2))
    return head + rows[len(head) :: step][: SAMPLE_ROWS // 2]


def is_date_value(value: object) -> tuple[bool, bool]:
    """(reads as a date, carries a time) for one cell; numbers never count here."""
    if isinstance(value, datetime):
        return True, value.time() != time(0)
    if isinstance(value, date):
        return True, False
    if not isinstance(value, str) or len(value) > 60 or value.count(" ") > 6:
        return False, False  # free text, not a date: skip the full reading
    try:
        iv = parse_date(value)
    except DateError:
        return False, False
    return iv is not None, iv is not None and iv.time is not None


def profile_columns(
    rows: list[list[object]], width: int, directory: AgencyDirectory
) -> list[ColumnProfile]:
    rows = sample(rows)
    profiles = [ColumnProfile(i) for i in range(width)]
    n_rows = max(1, len(rows))
    # rows of one filled cell (section headings, a continuation) in a table of several
    solo = [sum(1 for v in r if cell_text(v)) == 1 for r in rows] if width > 1 else []
    solo = solo if len(solo) - sum(solo) >= 2 else [False] * len(rows)
    for p in profiles:
        cells = [r[p.index] for r in rows if p.index < len(r)]
        texts: list[str] = []
        untyped: list[str] = []  # cells that read as neither a date nor a time
        dates = datetimes = times = 0.0
        serials = fractions = 0  # plain numbers in the range of Excel dates of a review
        clock_years = 0  # "1915", "2100": a year alone, or a 24-hour time without its colon
        for value in cells:
            text = cell_text(value)
            if not text:
                continue
            texts.append(text)
            is_date, has_time = is_date_value(value)
            if is_date and _CLOCK_YEAR.match(text):
                clock_years += 1
                continue
            if is_date:
                dates += 1
                datetimes += has_time
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                if serial_like(value):
                    serials += 1
                    fractions += not float(value).is_integer()
                    continue
                try:
                    if parse_date(value) is not None:
                        dates += 0.5  # an Excel date number, or a reference that looks like one
                        continue
                except DateError:
                    pass
            if isinstance(value, time) or (len(text) <= 20 and _reads_as_time(value)):
                times += 1
                continue
            untyped.append(text)
        dates, datetimes = _add_serials(dates, datetimes, serials, fractions)
        # Read with the rest of the column: among "0905", "1330" they are times; among
        # "Spring 2019", "12/03/2021" (or alone) they are years.
        if times > dates:
            times += clock_years
        else:
            dates += clock_years
        n = len(texts)
        p.values, p.filled = n, n / n_rows
        if not n:
            continue
        p.date, p.datetime, p.time = dates / n, datetimes / n, times / n
        if times >= 2:  # "N/K", "not recorded" between the times: the time left blank
            p.time = times / max(1, n - sum(1 for t in untyped if not_known(t)))
        words = [len(t.split()) for t in texts]
        p.mean_len = sum(map(len, texts)) / n
        p.mean_words = sum(words) / n
        p.long = sum(1 for w in words if w >= 8) / n
        distinct = set(texts)
        p.n_distinct, p.distinct = len(distinct), len(distinct) / n
        short = [t for t, w in zip(texts, words, strict=True) if w <= 6 and not _ref_shaped(t, w)]
        p.person = sum(1 for t in short if _PERSON.search(t) or _INITIAL_NAME.match(t)) / n
        # "1545" is a time before it is a reference number
        p.reference = sum(1 for t in untyped if len(t) <= 25 and _REFERENCE.match(t)) / n
        if p.n_distinct <= 60:  # an agency column repeats a few names; skip free text
            # by name, or by kind when written as a name: "Kelby Council Social Work Services"
            # counted on the entries' rows: "May 2018" section rows in it are no evidence
            paired = [
                cell_text(r[p.index])
                for r, one in zip(rows, solo, strict=True)
                if not one and p.index < len(r)
            ]
            paired = [t for t in paired if t] if any(solo) else texts
            if paired:
                named = (
                    t
                    for t in paired
                    if (w := len(t.split())) <= 6
                    and not _ref_shaped(t, w)
                    and _names_agency(t, directory)
                )
                p.agency = sum(1 for _ in named) / len(paired)
        p.marked_outcome = sum(1 for t in texts if _OUTCOME_MARK.search(t)) / n
    _mark_alone(rows, profiles)
    return profiles


def _ref_shaped(text: str, words: int) -> bool:
    """ "GP/68468", "ED-24031": a reference number, not a person or an agency, whatever
    letters it starts with."""
    return words == 1 and bool(_SERIAL_REF.search(text)) and bool(_REFERENCE.match(text))


def _mark_alone(rows: list[list[object]], profiles: list[ColumnProfile]) -> None:
    """Each column's share of filled cells that are the only filled cell of their row:
    a column in front of a table that holds only its section rows ("May 2018", "POLICE")
    is no field of the entries. Nothing is marked in a table of one filled column."""
    if sum(1 for p in profiles if p.values) < 2:
        return
    alone = [0] * len(profiles)
    for r in rows:
        filled = [i for i, v in enumerate(r[: len(profiles)]) if cell_text(v)]
        if len(filled) == 1:
            alone[filled[0]] += 1
    for p in profiles:
        p.alone = alone[p.index] / p.values if p.values else 0.0


def _names_agency(text: str, directory: AgencyDirectory) -> bool:
    return bool(directory.canonical(text) or (name_shaped(text) and directory.agency_of(text)))


def serial_like(value: object) -> bool:
    """A plain number (a General-format cell) that is an Excel date-time of the years a
    review covers (1990-2040): 45123.6041 is 14 July 2023 at 14:30."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and SERIAL_LOW <= value < SERIAL_HIGH
    )


def _add_serials(
    dates: float, datetimes: float, serials: int, fractions: int
) -> tuple[float, float]:
    """A column of such numbers is a date column when its numbers carry times of day (a
    fraction in a fifth of them or more: no reference number does that); whole numbers
    alone may be references, so they count at half weight."""
    if not serials:
        return dates, datetimes
    if fractions * 5 >= serials:
        return dates + serials, datetimes + fractions
    return dates + 0.5 * serials, datetimes


def _reads_as_time(value: object) -> bool:
    try:
        t, _ = parse_time_approx(value)
    except DateError:
        return False
    return t is not None
