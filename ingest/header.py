"""Find the header row, and tell data rows from rows that are not data.

Agencies put titles, blank rows and notes above the header, and repeat the header or
write "continued" where a table breaks over a page. Those rows are skipped and reported
with their row numbers; every other row is data (a record or a quarantined row).
"""

from __future__ import annotations

import re

from ingest.agencies import AgencyDirectory
from ingest.agency_evidence import heading_agency
from ingest.colprofile import is_date_value, serial_like
from ingest.columns import header_fields
from ingest.dates import DateError, parse_date
from ingest.nonrecords import subtotal_reason
from ingest.period_labels import labelled_period, numbered_section
from ingest.readers.base import cell_text
from ingest.textnorm import norm_label
from ingest.titleblock import is_title_row, title_pair

HEADER_SEARCH_ROWS = 30
# Rows with one text only that are about the table, not events in it. Anything else with
# one cell (e.g. an event whose date was left out) is data, and gets quarantined.
_CONTINUED = re.compile(r"^.{0,40}\b(continued|cont['’]?d|contd)\b.{0,60}$", re.IGNORECASE)
_DIVIDER = re.compile(
    r"^([-=*_#~–—]{2,}.*[-=*_#~–—]{2,}|((academic|school|financial) )?year:? \d{4}\S*)$",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^(totals?( \w+)?|sources?|notes?|nb|end of (the )?chronology|compiled by|"
    r"prepared by|completed by|authors?|authored by|written by|key|"
    r"(reviewer|author|editor|compiler|panel)['’]?s? notes?)\b\s*[:\-–]",
    re.IGNORECASE,
)
# A sign-off: "Author signature:", "Checked by line manager: yes", "Date signed:"
_SIGN_OFF = re.compile(
    r"^(([a-z'’]+ ){0,2}signature( of [\w ]{1,30})?|signed( by)?|"
    r"date signed|(checked|approved|authori[sz]ed|verified|countersigned|quality assured)"
    r"( by)?( [\w ]{1,30})?)\s*([:\-–]|_{3,}|\.{3,}|…)",  # "Signed ......  Date: ..."
    re.IGNORECASE,
)
# A statement about the document: "This document must not be shared outside the panel."
_STATEMENT = re.compile(
    r"^(this|the) (document|chronology|report|return|information|record|extract|summary)s?\b"
    r".{0,60}\b(confidential|shared?|disclos\w*|circulat\w*|distribut\w*|compiled|prepared|"
    r"copied|not (be|to be))\b.*$",
    re.IGNORECASE,
)
# A template's example line: "dd/mm/yyyy", "DD.MM.YY", "hh:mm".
_PLACEHOLDER = re.compile(
    r"^(d{1,2}|m{1,3}|y{2,4}|h{1,2})([./\- :](d{1,2}|m{1,3}|y{2,4}|h{1,2})){1,4}$", re.I
)


# Page furniture and footers: about the document, never an event.
_FURNITURE = re.compile(
    r"^[\[(]?(end of (the )?(chronology|report|document|entries|record)|page \d+( of \d+)?|"
    r"[-–—]+ ?\d+ ?[-–—]+|"  # "- 2 -": a page number between dashes
    r"\d+ of \d+|printed (on|by|at)\b.*|"
    r"printed:? \d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b.*|"
    r"(report )?(generated|run|produced) (on|by)\b.*|"
    r"(report|document|extract|export|data) (generated|run|produced|printed|extracted|"
    r"exported|created)\b.{0,40}\d.*|"
    r"total (number of )?(entries|records|rows|events)\b.*|"
    r"official[\s\-–]*sensitive([\s:\-–\[(]+(personal|commercial|locsen))?"
    # the marking's handling instruction: "OFFICIAL SENSITIVE - do not forward"
    r"([\s:\-–]+(do not|not for|not to be)\b[\w\s]{0,40})?|"
    # "Confidential: contains third-party information", "RESTRICTED - not for onward
    # disclosure": another marking, with what it asks of the reader
    r"(confidential|restricted|secret|protect(ed)?)[\s:\-–]+(do not|not for|not to be|"
    r"contains?|includes?)\b[\w\s'’-]{0,50}|"
    r"\d+ (entries|records|rows|events|contacts)( (shown|listed|returned|found|in total))?|"
    r"[*\-=_ ]*end[*\-=_ ]*|no further entries\b.*)\W*$",
    re.IGNORECASE,
)
# "(cont.) the worker spoke...", "Cont'd: ...", "continued: ...": the rest of the entry above.
CONTINUATION = re.compile(
    r"^\s*[(\[]?\s*(cont(inued|['’]d|d)?|ctd)\s*\.?\s*[)\]]?\s*[:\-–.]?\s*(?=\S)",
    re.IGNORECASE,
)


def _furniture_row(row: list[object]) -> bool:
    """Blank, or one text that is a footer or note."""
    filled = [t for t in map(cell_text, row) if t]
    return not filled or (len(set(filled)) == 1 and is_furniture(filled[0]))


# A form's line to fill in: labels with blanks after them ("Signed: ______  Date: ______",
# "Signature ............ Role ............"): a sign-off, never an event.
_BLANKS = re.compile(r"_{3,}|\.{5,}|…{2,}")
# An abbreviations key under a table: "HV = Health Visitor; SW = Social Worker".
_ABBREVIATION = re.compile(r"(?:^|[;,]\s*)[A-Z][A-Za-z&/]{0,9}\s*=\s*[^;,=]{2,60}")
# "SW - social worker; IRO - independent reviewing officer": a short form in capitals, a
# dash, and words whose initials spell it (so "Mum - upset, Dad - not present" is text).
_DASHED = re.compile(r"(?:^|[;,]\s*)([A-Z][A-Z&/]{1,7})\s+[-–]\s+([^;,=]{2,60})")


def _spelled(abbr: str, meaning: str) -> bool:
    """The abbreviation's letters, in order, among the initials of the meaning's words."""
    initials = iter(w[0] for w in re.findall(r"[^\W\d_]+", meaning.casefold()))
    return all(ch in initials for ch in abbr.casefold() if ch.isalpha())


def _spelled_all(abbr: str, meaning: str) -> bool:
    """Every letter of the abbreviation starts a word of the meaning, the first the first."""
    words = re.findall(r"[^\W\d_]+", meaning.casefold())
    letters = [ch for ch in abbr.casefold() if ch.isalpha()]
    return bool(words) and words[0][0] == letters[0] and _spelled(abbr, meaning)


# A pointer to the key or glossary: "Abbreviations: see the glossary sheet"; or its heading.
_KEY_NOTE = re.compile(
    r"^((abbreviations?( used)?|glossary|key to abbreviations)\s*[:\-–]|"
    r"(abbreviations?( used)?|glossary( of terms)?|key to abbreviations)\W*$)",
    re.I,
)
# "Autumn term 2021", "Spring half term 2022": a school term heading reads as its season.
_TERM = re.compile(r"\b(half[\s-]?)?term\b", re.IGNORECASE)


_EXAMPLE = re.compile(r"^(e\.\s?g\.?|eg\b|example\b)", re.IGNORECASE)
_COARSE = ("month", "season", "year", "range")


def _is_period_heading(text: str) -> bool:
    """A row holding only a month, season, year or span ("January - June 2019"): a
    section heading of the table, not an entry (a lone day date stays an entry)."""
    if not any(c.isalpha() for c in text) and "-" not in text and len(text) != 4:
        return False
    text = _TERM.sub(" ", text) if "erm" in text else text
    try:
        iv = parse_date(text)
    except DateError:
        return False
    return iv is not None and iv.precision in _COARSE and not iv.approximate


def _is_section_heading(text: str) -> bool:
    """A period alone, or with a short label: "Entries for 2017" (ingest/period_labels.py)."""
    return _is_period_heading(text) or labelled_period(text) or numbered_section(text)


def is_form_line(text: str) -> bool:
    """Labels and blanks only, ending with a blank ("... Date: ____"): at most a few words,
    no digits."""
    text = text.strip()
    ends = [m.end() for m in _BLANKS.finditer(text)]
    if not ends or ends[-1] != len(text):
        return False
    rest = _BLANKS.sub(" ", text)
    return not any(c.isdigit() for c in rest) and len(re.findall(r"[^\W\d_]+", rest)) <= 8


def is_abbreviation_key(text: str) -> bool:
    """Two or more "ABBR = meaning" pairs and nothing else: a key to the table's shorthand."""
    pairs = _ABBREVIATION.findall(text)
    if len(pairs) >= 2 and sum(map(len, pairs)) >= len(text.strip()) - 2:
        return True
    if " - " not in text and " – " not in text:
        return False
    dashed = list(_DASHED.finditer(text))
    if len(dashed) == 1 and len(dashed[0][0]) >= len(text.strip()) - 1:
        # one line of a key written one per row: "TAF - Team Around the Family"
        abbr, meaning = dashed[0][1], dashed[0][2]
        return len(abbr) >= 2 and len(meaning.split()) <= 6 and _spelled_all(abbr, meaning)
    return (
        len(dashed) >= 2
        and sum(len(m[0]) for m in dashed) >= len(text.strip()) - 2
        and all(_spelled(m[1], m[2]) for m in dashed)
    )


def is_furniture(text: str) -> bool:
    """A footer, page number or note about the table: never an event's text."""
    return bool(
        _FURNITURE.match(text)
        or _NOTE.match(text)
        or _STATEMENT.match(text)
        or _SIGN_OFF.match(text)
        or _DIVIDER.match(text)
        or is_form_line(text)
        or is_abbreviation_key(text)
    )


def not_entry_text(text: str) -> bool:
    """A lone text under an entry that is never more of its text: a footer or note
    (`is_furniture`), or a section heading ("January - June 2019", "Entries for 2019")."""
    return is_furniture(text) or _is_section_heading(text)


def _about_document(text: str) -> bool:
    """A footer, note, sign-off, key line or title line ("Date completed: ..."): text about
    the document. An event's date cell is none of these."""
    return bool(is_furniture(text) or _KEY_NOTE.match(text) or title_pair([text]) is not None)


def about_document(texts: list[str]) -> bool:
    """Every filled cell of a row is about the document (a footer of one or two cells)."""
    filled = [t for t in texts if t]
    return bool(filled) and len(filled) <= 2 and all(map(_about_document, filled))


def continuation_text(text: str) -> str | None:
    """The entry's text after a continuation marker, or None when there is no marker or
    too little text after it to be the rest of an entry."""
    m = CONTINUATION.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    return rest if len(rest.split()) >= 3 else None


def _dated(value: object, serials: bool) -> bool:
    return is_date_value(value)[0] or (serials and serial_like(value))


def _dated_column(row: list[object], serials: bool = False) -> int | None:
    """The first cell that reads as a date, in a row with at least one more value."""
    filled = [i for i, v in enumerate(row) if cell_text(v)]
    if len(filled) < 2:
        return None
    for i in filled:
        if _dated(row[i], serials):
            return i
    return None


def data_start(rows: list[list[object]], limit: int = HEADER_SEARCH_ROWS) -> int:
    """The index of the first row of dated entries (confirmed by the rows after it), or -1.

    When no cell reads as a date, plain numbers that are Excel date-times (45123.6041 in a
    General-format cell) are taken as the dates instead: a second pass, so a reference
    number never beats a real date column."""
    for serials in (False, True):
        for r in range(min(len(rows), limit + 1)):
            col = _dated_column(rows[r], serials)
            if col is None or is_title_row(rows[r]):
                continue
            # one-cell lines (an entry's text running on, a section heading) confirm nothing
            after = [row for row in rows[r + 1 : r + 8] if _confirms(row)][:3]
            hits = sum(1 for row in after if col < len(row) and _dated(row[col], serials))
            if not after or hits >= 1:
                return r
    return -1


def _confirms(row: list[object]) -> bool:
    return not _furniture_row(row) and sum(1 for v in row if cell_text(v)) >= 2


def locate_header(
    rows: list[list[object]], limit: int = HEADER_SEARCH_ROWS
) -> tuple[int, int, str]:
    """(header row index or -1, first data row index or -1, how it was found).

    A row naming known fields is the header when it comes before the dated rows;
    otherwise the short, undated row just above the first dated rows is; a table with
    neither has no header, and its columns are read from their content alone."""
    syn_index, score = find_header(rows, limit)
    start = data_start(rows, limit)
    if syn_index >= 0 and (start < 0 or syn_index < start):
        # A header of two rows ("Agency | Date / time" over "Service | Date of contact"):
        # the lower one, as specific, is the columns' header; the upper is a title line.
        below = syn_index + 1
        if (
            below < len(rows)
            and (start < 0 or below < start)
            and not any(is_date_value(v)[0] for v in rows[below])
            and (
                (lower := header_fields(rows[below])) >= max(2, score)
                or lower >= 1
                and _group_over_names(rows[syn_index], rows[below])
            )
        ):
            return below, below + 1, "the lower of two header rows names known fields"
        return syn_index, syn_index + 1, "the header row names known fields"
    if start < 0:
        return -1, -1, ""
    for j in range(start - 1, max(-1, start - 6), -1):  # past blank and section rows
        row = rows[j]
        filled = [cell_text(v) for v in row if cell_text(v)]
        if not filled or _section_row(filled) or _agency_row(filled):
            continue  # "January - December 2019", "POLICE" between the header and its entries
        undated = not any(is_date_value(v)[0] for v in row if cell_text(v))
        short = all(len(t) <= 80 for t in filled)
        if len(filled) >= 2 and undated and short and not is_title_row(row):
            # rows between (blank, a section) are the table's own: read, not title rows
            return j, j + 1, "the header is the row above the first dated entries"
        break
    return -1, start, "no header row: every column read from its content"


def _group_over_names(upper: list[object], lower: list[object]) -> bool:
    """A group row ("Record | Staff | Event | | Record") over the columns' names ("Kind |
    Source agency | Day of contact | Hrs | Key information"): the upper row leaves a column
    blank or repeats a group, the lower names every column, each in a few words."""
    top = [cell_text(v) for v in upper]
    names = [cell_text(v) for v in lower]
    groups = [t for t in top if t]
    span = max((i for i, t in enumerate(names) if t), default=-1) + 1
    return (
        len(groups) < span
        and all(names[:span])
        and (len(set(groups)) < len(groups) or "" in top[:span])
        and all(len(t.split()) <= 5 for t in names[:span])
    )


def _agency_row(filled: list[str]) -> bool:
    """One text naming an agency: a compiled chronology's section heading ("Paramedics")."""
    return len(filled) == 1 and bool(heading_agency(filled[0], _AGENCIES))


_AGENCIES = AgencyDirectory()


def _section_row(filled: list[str]) -> bool:
    """One text that heads a section of the table: a period or a divider."""
    return len(filled) == 1 and bool(_DIVIDER.match(filled[0]) or _is_period_heading(filled[0]))


def find_header(
    rows: list[list[object]], limit: int = HEADER_SEARCH_ROWS, min_score: int = 2
) -> tuple[int, int]:
    """(index of the most header-like row among the first `limit`, its score); (-1, 0) if
    none names at least `min_score` fields."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:limit]):
        score = header_fields(row)
        if score > best_score:
            best, best_score = index, score
    return (best, best_score) if best_score >= min_score else (-1, 0)


def header_key(row: list[object]) -> tuple[str, ...]:
    return tuple(norm_label(cell_text(v)) for v in row)


def classify_row(texts: list[str], header: tuple[str, ...], date_index: int) -> str | None:
    """A reason to skip the row (given as stripped cell texts), or None when it is data.

    Runs once per row, so the common case (a data row) is decided with cheap tests."""
    filled = len(texts) - texts.count("")
    if filled == 0:
        return "blank row"
    if filled <= 2:
        if reason := subtotal_reason(texts):
            return reason
        distinct = {t for t in texts if t}
        if len(distinct) == 1:
            text = next(iter(distinct))
            if _CONTINUED.match(text):
                return f"'{text[:40]}' row (table continues)"
            if _DIVIDER.match(text):
                return f"section divider '{text[:40]}'"
            if _NOTE.match(text):
                return f"note row '{text[:40]}' (not an event)"
            if _FURNITURE.match(text) or _STATEMENT.match(text):
                return f"page furniture or footer '{text[:40]}' (not an event)"
            if is_form_line(text) or _SIGN_OFF.match(text):
                return f"sign-off or form line '{text[:40]}' (not an event)"
            if is_abbreviation_key(text) or _KEY_NOTE.match(text):
                return f"key to abbreviations '{text[:40]}' (not an event)"
            if _is_section_heading(text):
                return f"period heading '{text[:40]}' (a section row of the table)"
        elif len(distinct) == 2 and all(map(is_form_line, distinct)):
            shown = " ".join(t for t in texts if t)
            return f"sign-off or form line '{shown[:40]}' (not an event)"
        elif len(distinct) == 2 and all(map(_about_document, distinct)):
            # "Author signature:" | "Date completed: 03/05/2022"; two lines of a key
            shown = " | ".join(t for t in texts if t)
            return f"footer or key line '{shown[:40]}' (not an event)"
    # A repeated header repeats the date column's header: a date cell never starts with one.
    date_text = texts[date_index] if date_index < len(texts) else ""
    if date_text[:1] in "eE" and _EXAMPLE.match(date_text):
        return f"template example row '{date_text[:40]}' (not an event)"
    if date_text[:1] in "dDmMyY" and _PLACEHOLDER.match(date_text):
        return f"template example row '{date_text[:40]}' (not an event)"
    if not date_text or date_text[0].isdigit() or norm_label(date_text) != header[date_index]:
        return None
    key = tuple(norm_label(t) for t in texts)
    named = [(i, h) for i, h in enumerate(header) if h]
    same = sum(1 for i, h in named if i < len(key) and key[i] == h)
    if same >= max(2, int(0.8 * len(named))):
        return "repeated header row"
    return None
