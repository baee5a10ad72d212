"""The labelled model: real events, the rows agencies hold about them, and date helpers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta


@dataclass
class Event:
    id: int
    kind: str
    day: date
    time: time | None
    subjects: tuple[str, ...]  # first names of the people it is about
    facts: dict[str, str]
    recorders: tuple[str, ...] = ()  # canonical names of the agencies holding a row about it
    meeting: int | None = None  # a follow-up's meeting (report, minutes, outcome letter)
    trap_of: int | None = None  # an earlier look-alike event it must not be merged with


@dataclass
class Rec:
    """One agency's row (or split pair of rows) about an event."""

    agency: str  # key (habits.AGENCIES)
    told: str  # "P" own contact, "N" notification / letter about it, "D" a second row
    day: date  # the date the row carries
    tm: time | None = None
    follow: str = ""  # "R" report before a meeting, "F" other follow-up
    form: str = "day"  # "day", "month", "week"
    copy: str = ""  # for told "D": "dup" exact copy, "again" colleague's entry, "child"
    child: str = ""  # the child a per-child copy is about
    split: bool = False
    approx: bool = False  # a month-only date marked approximate


def add_wd(d: date, n: int) -> date:
    """n working days after d (n >= 0; 0 moves a weekend day to Monday)."""
    while d.weekday() >= 5:
        d += timedelta(days=1)
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _t(rng: random.Random, lo: int, hi: int) -> time:
    """A time between lo and hi o'clock, in five-minute steps."""
    m = rng.randrange(lo * 60, hi * 60, 5)
    return time(m // 60 % 24, m % 60)


OFFICE = (9, 17)
