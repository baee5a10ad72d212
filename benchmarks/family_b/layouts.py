"""Each agency's file layout and its practitioners' ways of writing dates and times."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, time
from functools import cache, cached_property

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Layout:
    fmt: str  # csv | xlsx | docx
    file_name: str
    columns: tuple[tuple[str, str], ...]  # (header as written, field)
    date_style: str  # how a day is written (see fmt_day)
    month_style: str  # how a month-only date is written
    time_style: str = "colon"  # in a time column, or after the date when `combined`
    combined: bool = False  # date and time in one cell
    date_cells: bool = False  # xlsx: day dates as real Excel date cells
    title: tuple[str, ...] = ()  # rows above the header (xlsx, csv) / paragraphs (docx)
    sheet: str = ""
    quote_style: str = "dmy2"  # how dates are quoted inside the text
    entry_times: bool = False  # letters and notes carry the time they were typed in
    dividers: bool = False  # an "Academic year 2016/17" row before each school year
    repeat_header: int = 0  # the header again every n rows (a printed report's page header)

    @cached_property  # asked for every row
    def fields(self) -> tuple[str, ...]:
        return tuple(f for _, f in self.columns)


LAYOUTS = {
    "CSC": Layout(
        "xlsx",
        "Childrens Social Care chronology.xlsx",
        (
            ("Date of contact", "date"),
            ("Contact type", "type"),
            ("Details of contact", "desc"),
            ("Outcome / action", "outcome"),
            ("Worker", "pract"),
            ("Case note ID", "ref"),
        ),
        "dmy4",
        "long",
        title=("Chronology of involvement (fictional)", ""),
        sheet="Chronology",
        quote_style="dmy2",
    ),
    "POL": Layout(
        "csv",
        "Police chronology.csv",
        (
            ("Occurrence date", "date"),
            ("Time", "time"),
            ("Occurrence ref", "ref"),
            ("Summary", "desc"),
            ("Action taken", "outcome"),
            ("Officer", "pract"),
        ),
        "dmy4",
        "abbr",
        time_style="hhmm",
        quote_style="dmy4",
    ),
    "HV": Layout(
        "docx",
        "Health Visiting chronology.docx",
        (
            ("Date", "date"),
            ("Client", "subject"),
            ("Contact type", "type"),
            ("Entry", "desc"),
            ("Practitioner", "pract"),
        ),
        "dot2",
        "long",
        title=("0-19 service chronology",),
        quote_style="dot2",
    ),
    "SCH": Layout(
        "xlsx",
        "School safeguarding log.xlsx",
        (
            ("Date", "date"),
            ("Logged by", "pract"),
            ("Details", "desc"),
            ("Action taken", "outcome"),
        ),
        "dmy4",
        "short",
        date_cells=True,
        sheet="Log",
        quote_style="ord",
        dividers=True,
    ),
    "GP": Layout(
        "csv",
        "GP surgery chronology.csv",
        (("Date", "date"), ("Entry", "desc"), ("Clinician", "pract")),
        "mon2",
        "abbr",
        combined=True,
        quote_style="dmy4",
        entry_times=True,
    ),
    "HOS": Layout(
        "xlsx",
        "Hospital ED chronology.xlsx",
        (
            ("Attendance date/time", "date"),
            ("Patient", "subject"),
            ("Attendance no.", "ref"),
            ("Presenting complaint / notes", "desc"),
            ("Outcome", "outcome"),
            ("Staff", "pract"),
        ),
        "dmy4",
        "long",
        combined=True,
        date_cells=True,
        sheet="ED",
        quote_style="dmy4",
    ),
    "AMB": Layout(
        "csv",
        "Ambulance service chronology.csv",
        (
            ("Incident date", "date"),
            ("Time", "time"),
            ("Reference", "ref"),
            ("Notes", "desc"),
            ("Disposal", "outcome"),
        ),
        "dmy2",
        "abbr",
        time_style="colon",
        quote_style="dmy2",
    ),
    "PRO": Layout(
        "docx",
        "Probation chronology.docx",
        (("Date", "date"), ("Type of contact", "type"), ("Summary", "desc"), ("Officer", "pract")),
        "long",
        "long",
        quote_style="long",
    ),
    "DAS": Layout(
        "csv",
        "IDVA domestic abuse service chronology.csv",
        (("Date", "date"), ("Activity", "type"), ("Notes", "desc"), ("Worker", "pract")),
        "dmon",
        "long",
        quote_style="dmy2",
    ),
    "MH": Layout(
        "xlsx",
        "Mental health CMHT chronology.xlsx",
        (
            ("Date", "date"),
            ("Time", "time"),
            ("Clinician", "pract"),
            ("Note", "desc"),
            ("Plan", "outcome"),
        ),
        "dmy4",
        "short",
        time_style="ampm",
        sheet="Sheet1",
        quote_style="dmy4",
    ),
    "MW": Layout(
        "docx",
        "Midwifery chronology.docx",
        (("Date", "date"), ("Appointment", "type"), ("Details", "desc"), ("Midwife", "pract")),
        "dmy4",
        "long",
        quote_style="dmy2",
    ),
    "HOU": Layout(
        "csv",
        "Housing chronology.csv",
        (("Date", "date"), ("Officer", "pract"), ("Details", "desc")),
        "dmy4",
        "short",
        quote_style="dmy4",
    ),
}


# Other layouts the same agency sends in another review (picked per seed).
VARIANTS = {
    "CSC": replace(
        LAYOUTS["CSC"],
        columns=(
            ("Date", "date"),
            ("Summary of contact", "desc"),
            ("Type", "type"),
            ("Action / outcome", "outcome"),
            ("Ref", "ref"),
            ("Practitioner", "pract"),
        ),
        title=(),
        sheet="CSC",
        month_style="abbr",
    ),
    "POL": replace(
        LAYOUTS["POL"],
        fmt="xlsx",
        file_name="Police PPU chronology.xlsx",
        columns=(
            ("Date / time", "date"),
            ("Ref", "ref"),
            ("Details", "desc"),
            ("Outcome", "outcome"),
            ("Officer", "pract"),
        ),
        combined=True,
        time_style="hhmm",
        sheet="Police",
        title=("Police chronology - learning review (fictional data)",),
        repeat_header=40,
    ),
    "HV": replace(
        LAYOUTS["HV"],
        columns=(
            ("Date", "date"),
            ("Contact type", "type"),
            ("Narrative", "desc"),
            ("Name / designation", "pract"),
        ),
        date_style="dmy4",
        title=(),
    ),
    "SCH": replace(
        LAYOUTS["SCH"],
        fmt="csv",
        file_name="School chronology.csv",
        columns=(("Date", "date"), ("Details", "desc"), ("Action", "outcome"), ("Staff", "pract")),
        date_cells=False,
        date_style="dot2",
    ),
    "GP": replace(
        LAYOUTS["GP"],
        fmt="xlsx",
        file_name="GP practice chronology.xlsx",
        columns=(
            ("Date", "date"),
            ("Time", "time"),
            ("Clinician", "pract"),
            ("Entry", "desc"),
        ),
        combined=False,
        date_cells=True,
        sheet="Extract",
    ),
    "HOS": replace(
        LAYOUTS["HOS"],
        fmt="csv",
        file_name="Hospital chronology.csv",
        columns=(
            ("Date", "date"),
            ("Time", "time"),
            ("Attendance no.", "ref"),
            ("Presenting complaint / notes", "desc"),
            ("Outcome", "outcome"),
        ),
        combined=False,
        date_cells=False,
        date_style="mon2",
    ),
    "AMB": LAYOUTS["AMB"],
    "PRO": replace(LAYOUTS["PRO"], date_style="dmy4", quote_style="dmy2"),
    "DAS": replace(
        LAYOUTS["DAS"],
        fmt="docx",
        file_name="Domestic abuse service chronology.docx",
        columns=(("Date", "date"), ("Notes", "desc"), ("Worker", "pract")),
    ),
    "MH": LAYOUTS["MH"],
    "MW": LAYOUTS["MW"],
    "HOU": LAYOUTS["HOU"],
}


def choose_layouts(rng: random.Random, agencies: tuple[str, ...]) -> dict[str, Layout]:
    return {a: (LAYOUTS[a], VARIANTS[a])[rng.randrange(2)] for a in agencies}


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@cache  # a story has a few thousand days, written in a handful of styles
def fmt_day(d: date, style: str) -> str:
    if style == "dmy4":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "dot2":
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "mon2":
        return f"{d.day:02d}-{_MONTHS[d.month - 1][:3]}-{d.year % 100:02d}"
    if style == "long":
        return f"{_ord(d.day)} {_MONTHS[d.month - 1]} {d.year}"
    if style == "dmon":
        return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"
    if style == "wday":
        return f"{_DAYS[d.weekday()]} {d.day:02d}/{d.month:02d}/{d.year}"
    if style == "ord":  # in text only: "19th Sept 2020"
        mon = _MONTHS[d.month - 1]
        return f"{_ord(d.day)} {mon[:4] if mon == 'September' else mon[:3]} {d.year}"
    raise ValueError(style)


def fmt_month(d: date, style: str) -> str:
    name = _MONTHS[d.month - 1]
    if style == "long":
        return f"{name} {d.year}"
    if style == "abbr":
        return f"{name[:3]}-{d.year % 100:02d}"
    return f"{name[:3]} {d.year}"


def fmt_time(t: time, style: str) -> str:
    if style == "hhmm":
        return f"{t.hour:02d}{t.minute:02d}"
    if style == "hrs":
        return f"{t.hour:02d}{t.minute:02d}hrs"
    if style == "ampm":
        h = t.hour % 12 or 12
        return f"{h}.{t.minute:02d}{'am' if t.hour < 12 else 'pm'}"
    return f"{t.hour:02d}:{t.minute:02d}"


SEASONS = {
    3: "Spring",
    4: "Spring",
    5: "Spring",
    6: "Summer",
    7: "Summer",
    8: "Summer",
    9: "Autumn",
    10: "Autumn",
    11: "Autumn",
}
SEASON_START = {"Spring": 3, "Summer": 6, "Autumn": 9}
