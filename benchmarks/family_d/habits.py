"""Each agency's recording habits: its file layout and headers, how it writes dates and
times, how often it records late, by month only, or twice."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time

# key -> canonical agency name (ingest/agencies.py); the order is family D's own
AGENCIES = {
    "CSC": "Children's Social Care",
    "POL": "Police",
    "HV": "Health Visiting",
    "SCH": "School",
    "GP": "GP",
    "HOS": "Hospital",
    "PRO": "Probation",
    "HOU": "Housing",
    "MH": "Mental Health",
    "DAS": "Domestic Abuse Service",
    "AMB": "Ambulance",
    "MW": "Midwifery",
    "EH": "Early Help",
    "SMS": "Substance Misuse Service",
    "SN": "School Nursing",
    "EY": "Early Years",
    "VS": "Voluntary Sector",
    "YJ": "Youth Justice",
}
ORDER = list(AGENCIES)

# file names that say which agency sent them (the importer reads the agency from the name)
FILE_NAMES = {
    "CSC": "childrens_social_care_chronology",
    "POL": "police_chronology",
    "HV": "health_visiting_chronology",
    "SCH": "school_chronology",
    "GP": "gp_chronology",
    "HOS": "hospital_chronology",
    "PRO": "probation_chronology",
    "HOU": "housing_chronology",
    "MH": "mental_health_chronology",
    "DAS": "domestic_abuse_service_chronology",
    "AMB": "ambulance_chronology",
    "MW": "midwifery_chronology",
    "EH": "early_help_chronology",
    "SMS": "substance_misuse_service_chronology",
    "SN": "school_nursing_chronology",
    "EY": "early_years_chronology",
    "VS": "voluntary_sector_chronology",
    "YJ": "youth_justice_chronology",
}

# column roles: date, time, type, desc, outcome, prac, ref
_HEADERS = {
    "date": ["Date", "Date of contact", "Date of entry", "Event date"],
    "time": ["Time", "Time of contact"],
    "type": ["Contact type", "Type", "Event type"],
    "desc": ["Details", "Description", "Summary of contact", "Event details", "Narrative"],
    "outcome": ["Outcome", "Action taken", "Outcome / action", "Plan"],
    "prac": ["Practitioner", "Worker", "Completed by", "Staff member"],
    "ref": ["Reference", "Ref", "Case ref"],
}
_UNUSUAL = {
    "date": ["When", "Day recorded", "Dt"],
    "time": ["Hr", "Clock"],
    "type": ["Kind of involvement", "Category of entry"],
    "desc": ["What happened", "Information held", "Record"],
    "outcome": ["What we did next", "Response"],
    "prac": ["Who", "Recorded by whom"],
    "ref": ["Our number", "Log no."],
}

DATE_STYLES = ["dmy4", "dmy2", "dot2", "dmon2", "dmon4", "dmonth4", "ordinal"]
_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH = [
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
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_date(d: date, style: str) -> str:
    if style == "dmy4":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "dot2":
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "dmon2":
        return f"{d.day:02d}-{_MON[d.month - 1]}-{d.year % 100:02d}"
    if style == "dmon4":
        return f"{d.day} {_MON[d.month - 1]} {d.year}"
    if style == "dmonth4":
        return f"{d.day} {_MONTH[d.month - 1]} {d.year}"
    return f"{ordinal(d.day)} {_MONTH[d.month - 1]} {d.year}"


def write_month(d: date, approx: bool, rng: random.Random) -> str:
    """A month-only date cell, marked approximate or not."""
    if approx:
        return rng.choice(["approx. ", "c. ", "approx "]) + f"{_MONTH[d.month - 1]} {d.year}"
    if rng.random() < 0.6:
        return f"{_MONTH[d.month - 1]} {d.year}"
    return f"{_MON[d.month - 1]}-{d.year % 100:02d}"


def write_time(t: time, style: str) -> str:
    return f"{t.hour:02d}{t.minute:02d}" if style == "hhmm" else f"{t.hour:02d}:{t.minute:02d}"


def spoken_date(d: date, rng: random.Random, delay: int) -> str:
    """The event's date as a later entry quotes it in its text."""
    forms = [
        lambda: f"on {d.day:02d}/{d.month:02d}/{d.year}",
        lambda: f"on {d.day}.{d.month}.{d.year % 100:02d}",
        lambda: f"on {ordinal(d.day)} {_MONTH[d.month - 1]}",
        lambda: f"on {_DAYS[d.weekday()]} {d.day} {_MON[d.month - 1]}",
        lambda: f"dated {d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        lambda: f"on {d.day}/{d.month}",
    ]
    if delay == 1:
        forms.append(lambda: "yesterday")
    if 1 < delay < 7:
        forms.append(lambda: f"on {_DAYS[d.weekday()]}")
    if delay > 0 and d.weekday() >= 5:
        forms.append(lambda: f"over the weekend ({d.day:02d}/{d.month:02d})")
    return rng.choice(forms)()


def spoken_time(t: time, rng: random.Random) -> str:
    h12 = t.hour % 12 or 12
    ampm = "am" if t.hour < 12 else "pm"
    return rng.choice(
        [
            f"at {t.hour:02d}:{t.minute:02d}",
            f"at {t.hour:02d}{t.minute:02d}hrs",
            f"at approx {h12}.{t.minute:02d}{ampm}",
            f"at {t.hour:02d}{t.minute:02d}",
        ]
    )


@dataclass
class Habit:
    """One agency's way of keeping its chronology in this case."""

    key: str
    columns: list[str]  # roles in column order
    headers: list[str]
    unusual: list[str]
    date_style: str
    time_in: str  # "column", "date" (one cell), "none"
    time_style: str  # "colon", "hhmm"
    narrative: float  # in "mixed" style: chance an entry is narrative
    month_rate: float  # chance a record is written with its month only
    week_rate: float
    late_rate: float  # chance an own record is dated the day after the event
    dup_rate: float  # a second row of the same event (copy, colleague, per child)
    split_rate: float  # an entry split over two rows
    ref_prefix: str


# agency -> (time habit, narrative, month, week, late, dup, split)
_TRAITS = {
    "CSC": ("none", 0.85, 0.01, 0.0, 0.10, 0.05, 0.04),
    "POL": ("column", 0.25, 0.0, 0.0, 0.02, 0.03, 0.02),
    "HV": ("column", 0.75, 0.015, 0.0, 0.06, 0.03, 0.03),
    "SCH": ("none", 0.5, 0.02, 0.015, 0.04, 0.04, 0.02),
    "GP": ("date", 0.2, 0.05, 0.0, 0.01, 0.02, 0.015),
    "HOS": ("date", 0.3, 0.0, 0.0, 0.0, 0.02, 0.03),
    "PRO": ("none", 0.7, 0.03, 0.0, 0.08, 0.02, 0.02),
    "HOU": ("none", 0.4, 0.06, 0.02, 0.05, 0.02, 0.01),
    "MH": ("column", 0.7, 0.03, 0.0, 0.05, 0.02, 0.03),
    "DAS": ("none", 0.6, 0.03, 0.0, 0.05, 0.02, 0.02),
    "AMB": ("column", 0.1, 0.0, 0.0, 0.0, 0.01, 0.0),
    "MW": ("column", 0.6, 0.01, 0.0, 0.03, 0.02, 0.02),
}
_DEFAULT_TRAITS = ("none", 0.5, 0.02, 0.01, 0.05, 0.02, 0.02)
_REF = {"POL": "OP", "CSC": "LCS", "HOS": "ED", "AMB": "INC", "PRO": "CRN", "HOU": "TEN"}


def build_habit(key: str, rng: random.Random) -> Habit:
    time_in, narrative, month, week, late, dup, split = _TRAITS.get(key, _DEFAULT_TRAITS)
    cols = ["date"]
    if time_in == "column":
        cols.append("time")
    middle = ["type", "desc", "outcome", "prac"]
    if rng.random() < 0.4:
        middle.remove("outcome")
    if rng.random() < 0.5:
        middle.remove("type")
    if rng.random() < 0.3:  # some agencies put the worker first
        middle.remove("prac")
        middle.insert(0, "prac")
    cols += middle
    if key in _REF or rng.random() < 0.2:
        cols.append("ref")
    headers = [rng.choice(_HEADERS[c]) for c in cols]
    unusual = [rng.choice(_UNUSUAL[c]) for c in cols]
    # a date and time in one cell is a system export: numeric dates
    date_style = rng.choice(DATE_STYLES if time_in != "date" else ["dmy4", "dmy2", "dot2"])
    return Habit(
        key=key,
        columns=cols,
        headers=headers,
        unusual=unusual,
        date_style=date_style,
        time_in=time_in,
        time_style=rng.choice(["colon", "hhmm"]),
        narrative=narrative,
        month_rate=month,
        week_rate=week,
        late_rate=late,
        dup_rate=dup,
        split_rate=split,
        ref_prefix=_REF.get(key, key),
    )


# how an agency names itself at the top of its file (a title block above the header)
ORGANISATION = {
    "CSC": "{town} Council Children's Services",
    "POL": "{town} Constabulary - Public Protection Unit",
    "HV": "{town} Community Health - Health Visiting Team",
    "SCH": "{school}",
    "GP": "{surgery}",
    "HOS": "{hospital}",
    "PRO": "Probation Service - {town} PDU",
    "HOU": "{town} Homes",
    "MH": "{town} Community Mental Health Team",
    "DAS": "{town} Women's Aid (IDVA service)",
    "AMB": "Ambulance Service NHS Trust",
    "MW": "{hospital} Maternity Services",
    "EH": "{town} Early Help Service",
    "SMS": "{town} Drug and Alcohol Service",
    "SN": "{town} School Nursing Service",
    "EY": "{town} Day Nursery",
    "VS": "{town} Family Support Charity (voluntary sector)",
    "YJ": "{town} Youth Justice Service",
}


def title_block(key: str, fam, period, worker: str, rng: random.Random) -> list[str]:
    """The lines some agencies put above their table (none for most)."""
    if rng.random() >= 0.35:
        return []
    org = ORGANISATION[key].format(
        town=fam.town, school=fam.school, surgery=fam.surgery, hospital=fam.hospital
    )
    lines = [rng.choice(["Organisation: ", "Agency: ", ""]) + org]
    if rng.random() < 0.7:
        ch = fam.children[0]
        lines.append(
            f"Subject: {ch.full} (DOB {ch.dob:%d/%m/%Y})"
            if rng.random() < 0.5
            else "Child(ren): " + ", ".join(c.full for c in fam.children)
        )
    if rng.random() < 0.6:
        lines.append(f"Period covered: {period[0]:%d/%m/%Y} to {period[1]:%d/%m/%Y}")
    if rng.random() < 0.3:
        lines.append(f"Completed by: {worker}")
    return lines
