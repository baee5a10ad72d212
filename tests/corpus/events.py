"""Fictional events for the layout corpus, and the ways practitioners write dates and times.

Every person and place here is invented. Each layout draws its own events from a seeded
generator, so a layout's file and its ground truth are the same on every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

CHILD = "Kai"
ADULTS = ["Ms Lorna Vale", "Mr Dean Corrie", "maternal grandmother Mrs Ada Vale"]
EVENTS = [
    "Home visit by the allocated worker; {child} seen alone in his bedroom, presented as quiet",
    "Telephone call from {adult} reporting an argument at home the previous evening",
    "Strategy discussion held with police and health; agreed to proceed to section 47 enquiry",
    "{child} attended the emergency department with a bruise to the left forearm",
    "Initial child protection conference; {child} made subject to a plan under neglect",
    "Core group meeting held at the family home; the plan was reviewed with {adult}",
    "Police attended a reported domestic incident; DASH completed and graded medium risk",
    "School raised a concern: {child} arrived hungry and in the same clothes for a week",
    "Missed health appointment (was not brought); letter sent to {adult}",
    "Operation Encompass notification received by the designated safeguarding lead",
    "Unannounced visit: no answer at the door, curtains drawn, a neighbour said they were away",
    "Referral received from the GP about low mood of {adult} and its effect on the children",
    "Review health assessment completed; growth and development within expected range",
    "Housing officer visited about rent arrears and damp in the children's bedroom",
    "Probation supervision appointment; {adult} disclosed contact with the family",
    "Child in need meeting held at school with the class teacher and the family support worker",
]
CONTINUATIONS = [
    "the worker spoke with the class teacher afterwards and shared the safety plan",
    "advice was given about safe sleeping and the health visitor will visit again next week",
    "a follow-up letter was sent and the case was discussed in supervision",
]
OUTCOMES = ["NFA", "Referral to MASH", "Plan reviewed", "Visit again in 10 days", "Letter sent"]
PEOPLE = ["SW J. Marsh", "HV Priya Lund", "DS 4471 Okafor", "DSL Mrs Tern", "Dr A. Holloway"]
TYPES = ["Home visit", "Telephone", "Meeting", "Letter", "DA", "Attendance"]


@dataclass(frozen=True)
class Event:
    when: date
    at: time | None  # the time written down, if any
    approx_time: bool
    text: str
    outcome: str
    who: str
    kind: str
    ref: str


def make_events(
    seed: int, n: int, *, start: date = date(2020, 2, 3), times: bool = True
) -> list[Event]:
    """n events in date order, inside 2020-2022, each on its own day."""
    rnd = random.Random(seed)
    day = start + timedelta(days=rnd.randrange(0, 40))
    out = []
    for i in range(n):
        day += timedelta(days=rnd.randrange(3, 60))
        at = time(rnd.randrange(8, 19), rnd.choice([0, 5, 15, 20, 35, 40, 50])) if times else None
        text = rnd.choice(EVENTS).format(child=CHILD, adult=rnd.choice(ADULTS))
        out.append(
            Event(
                day,
                at if (times and i % 4 != 3) else None,  # some rows carry no time
                False,
                f"{text} ({i + 1})",
                rnd.choice(OUTCOMES),
                rnd.choice(PEOPLE),
                rnd.choice(TYPES),
                f"REF/{seed:02d}/{i + 101}",
            )
        )
    return out


def fmt_date(d: date, style: str) -> object:
    """A date as one agency or system writes it (text), or a datetime for a date cell."""
    months = "January February March April May June July August September October November December"
    name = months.split()[d.month - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d.day, "th")
    return {
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy_short": f"{d.day}.{d.month}.{d.year % 100:02d}",
        "d_mon_y": f"{d.day:02d}-{name[:3]}-{d.year % 100:02d}",
        "long": f"{d.day}{suffix} {name} {d.year}",
        "iso": d.isoformat(),
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "cell": datetime(d.year, d.month, d.day),
    }[style]


def fmt_time(t: time, style: str) -> object:
    h12 = t.hour % 12 or 12
    ampm = "am" if t.hour < 12 else "pm"
    return {
        "colon": f"{t.hour:02d}:{t.minute:02d}",
        "hrs": f"{t.hour:02d}{t.minute:02d}hrs",
        "dot_pm": f"{h12}.{t.minute:02d}{ampm}",
        "spaced_pm": f"{h12}:{t.minute:02d} {ampm.upper()}",
        "plain": f"{t.hour:02d}{t.minute:02d}",
        "cell": t,
    }[style]
