"""The real events of one child's case story, and which agencies record each of them.

An `Event` is what happened; each `(agency, role, lag)` in `recorders` becomes one
chronology row (two when the agency splits it). Roles: P = the agency's own contact
(same day), N = a notification or letter about it (days later), R = a report written
for a conference (days before), M = recorded with a month-only date, F = a follow-up
(minutes received, outcome letter ...), which is an event of its own, related to its
meeting."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

AGENCIES = {  # code -> the canonical name ingest/agencies.py files it under
    "CSC": "Children's Social Care",
    "POL": "Police",
    "HV": "Health Visiting",
    "SCH": "School",
    "GP": "GP",
    "HOS": "Hospital",
    "AMB": "Ambulance",
    "PRO": "Probation",
    "DAS": "Domestic Abuse Service",
    "MH": "Mental Health",
    "MW": "Midwifery",
    "HOU": "Housing",
}
ORDER = tuple(AGENCIES)  # n_agencies takes the first n

MEETINGS = ("strategy", "icpc", "rcpc", "core_group", "cin_meeting", "taf_meeting", "marac")


@dataclass(slots=True)
class Event:
    eid: str
    kind: str
    day: date
    time: time | None
    subject: str  # child | sibling | mother | partner
    facts: dict[str, object] = field(default_factory=dict)
    recorders: list[tuple[str, str, int]] = field(default_factory=list)
    related_to: str | None = None
    end_day: date | None = None  # an admission over several days


# kind -> weight, anchors (the first present records it, or a random one when `pick`),
# others: (agency, role, probability, lag lo, lag hi), weekdays only, subjects
_R = tuple[str, str, float, int, int]
SPEC: dict[str, tuple[float, tuple[str, ...], tuple[_R, ...], bool, dict[str, float]]] = {
    "da_incident": (
        8,
        ("POL",),
        (
            ("CSC", "N", 0.85, 1, 5),
            ("SCH", "N", 0.5, 1, 3),
            ("HV", "N", 0.35, 2, 7),
            ("GP", "N", 0.3, 2, 7),
            ("DAS", "N", 0.25, 2, 7),
            ("PRO", "N", 0.3, 1, 7),
            ("AMB", "P", 0.15, 0, 0),
            ("HOS", "P", 0.08, 0, 0),
        ),
        False,
        {"mother": 1},
    ),
    "da_disclosure": (
        1.5,
        ("HV", "GP", "SCH", "MW", "MH"),
        (("CSC", "N", 0.6, 0, 2),),
        True,
        {"mother": 0.7, "child": 0.3},
    ),
    "strategy": (
        2.5,
        ("CSC",),
        (
            ("POL", "P", 0.9, 0, 0),
            ("HV", "P", 0.5, 0, 0),
            ("HOS", "P", 0.25, 0, 0),
            ("SCH", "P", 0.4, 0, 0),
            ("GP", "R", 0.25, 0, 0),
        ),
        True,
        {"child": 0.8, "sibling": 0.2},
    ),
    "s47_visit": (
        1.5,
        ("CSC",),
        (("POL", "P", 0.5, 0, 0),),
        True,
        {"child": 0.85, "sibling": 0.15},
    ),
    "icpc": (
        0.6,
        ("CSC",),
        (
            ("HV", "P", 0.8, 0, 0),
            ("SCH", "P", 0.7, 0, 0),
            ("POL", "R", 0.5, -5, -1),
            ("GP", "R", 0.7, -7, -1),
            ("PRO", "P", 0.4, 0, 0),
            ("DAS", "P", 0.3, 0, 0),
            ("MH", "R", 0.3, -6, -1),
            ("HOS", "R", 0.15, -7, -2),
        ),
        True,
        {"child": 1},
    ),
    "rcpc": (
        1.2,
        ("CSC",),
        (
            ("HV", "P", 0.7, 0, 0),
            ("SCH", "P", 0.65, 0, 0),
            ("POL", "R", 0.35, -5, -1),
            ("GP", "R", 0.6, -7, -1),
            ("PRO", "P", 0.35, 0, 0),
            ("DAS", "P", 0.25, 0, 0),
            ("MH", "R", 0.25, -6, -1),
        ),
        True,
        {"child": 1},
    ),
    "core_group": (
        5,
        ("CSC",),
        (
            ("HV", "P", 0.7, 0, 0),
            ("SCH", "P", 0.7, 0, 0),
            ("GP", "M", 0.35, 0, 0),
            ("PRO", "P", 0.3, 0, 0),
            ("DAS", "P", 0.25, 0, 0),
            ("MH", "P", 0.2, 0, 0),
        ),
        True,
        {"child": 1},
    ),
    "cin_meeting": (
        2,
        ("CSC",),
        (("SCH", "P", 0.6, 0, 0), ("HV", "P", 0.5, 0, 0), ("GP", "R", 0.2, -5, -1)),
        True,
        {"child": 1},
    ),
    "taf_meeting": (
        1.2,
        ("CSC",),
        (("SCH", "P", 0.7, 0, 0), ("HV", "P", 0.6, 0, 0), ("GP", "R", 0.15, -5, -1)),
        True,
        {"child": 0.8, "sibling": 0.2},
    ),
    "marac": (
        0.8,
        ("DAS", "POL"),
        (
            ("POL", "P", 0.9, 0, 0),
            ("CSC", "P", 0.8, 0, 0),
            ("HV", "P", 0.5, 0, 0),
            ("PRO", "P", 0.5, 0, 0),
            ("GP", "N", 0.4, 2, 7),
            ("SCH", "N", 0.3, 1, 5),
            ("HOU", "P", 0.3, 0, 0),
            ("MH", "P", 0.2, 0, 0),
        ),
        True,
        {"mother": 1},
    ),
    "sw_home_visit": (
        13,
        ("CSC",),
        (("HV", "P", 0.08, 0, 0),),
        True,
        {"child": 0.85, "sibling": 0.15},
    ),
    "hv_contact": (8, ("HV",), (("GP", "N", 0.12, 2, 7),), True, {"child": 0.6, "sibling": 0.4}),
    "gp_appt": (
        7,
        ("GP",),
        (("HV", "N", 0.1, 1, 6),),
        True,
        {"child": 0.35, "sibling": 0.25, "mother": 0.3, "partner": 0.1},
    ),
    "ed_attendance": (
        3.5,
        ("HOS",),
        (
            ("AMB", "P", 0.45, 0, 0),
            ("GP", "N", 0.75, 1, 7),
            ("HV", "N", 0.4, 1, 7),
            ("SCH", "N", 0.2, 1, 3),
            ("CSC", "N", 0.25, 0, 2),
        ),
        False,
        {"child": 0.55, "sibling": 0.3, "mother": 0.15},
    ),
    "wnb": (
        3.5,
        ("HOS", "HV", "GP"),
        (("GP", "N", 0.5, 2, 7), ("HV", "N", 0.3, 2, 7), ("CSC", "N", 0.15, 1, 5)),
        True,
        {"child": 0.65, "sibling": 0.35},
    ),
    "school_concern": (
        5,
        ("SCH",),
        (("CSC", "N", 0.35, 0, 2), ("HV", "N", 0.05, 1, 5)),
        True,
        {"child": 0.75, "sibling": 0.25},
    ),
    "referral": (
        2,
        ("SCH", "HV", "GP", "POL", "HOS", "MW", "HOU", "MH"),
        (("CSC", "P", 1.0, 0, 1),),
        True,
        {"child": 0.8, "sibling": 0.2},
    ),
    "prof_call": (5, (), (), True, {"child": 0.8, "sibling": 0.1, "mother": 0.1}),
    "probation_contact": (4.5, ("PRO",), (("CSC", "N", 0.12, 0, 3),), True, {"partner": 1}),
    "mh_contact": (3, ("MH",), (("GP", "N", 0.5, 2, 7),), True, {"mother": 1}),
    "idva_contact": (2.5, ("DAS",), (), True, {"mother": 1}),
    "housing": (1.5, ("HOU",), (("CSC", "N", 0.3, 0, 3),), True, {"mother": 1}),
    "midwifery": (
        1.5,
        ("MW",),
        (("GP", "N", 0.3, 2, 7), ("HV", "N", 0.4, 2, 7)),
        True,
        {"mother": 1},
    ),
    "household_change": (
        0.8,
        ("CSC",),
        (
            ("HV", "P", 0.5, 0, 0),
            ("PRO", "P", 0.5, 0, 0),
            ("POL", "P", 0.2, 0, 0),
            ("GP", "P", 0.2, 0, 0),
            ("SCH", "P", 0.2, 0, 0),
        ),
        True,
        {"partner": 1},
    ),
    "police_other": (
        2.5,
        ("POL",),
        (("PRO", "N", 0.5, 0, 3), ("CSC", "N", 0.3, 1, 4)),
        False,
        {"partner": 1},
    ),
}
FOLLOWUP_SHARE = 0.12
# Kinds that happen at an agency that may not be in the review (an ED attendance known from
# the discharge letter and the HV's notification only).
HEARD_OF = {"ed_attendance"}
PICK_ANCHOR = {"da_disclosure", "referral", "wnb"}  # a random present anchor, not the first
_TRIGGERED = {
    "strategy": ("da_incident", "ed_attendance", "referral", "da_disclosure"),
    "s47_visit": ("strategy",),
}


def weekday(d: date) -> date:
    """The next working day (letters, meetings and visits are not dated at weekends, nor on
    Christmas Day, Boxing Day or New Year's Day)."""
    while d.weekday() >= 5 or (d.month, d.day) in _CLOSED:
        d += timedelta(days=1)
    return d


_CLOSED = {(12, 25), (12, 26), (1, 1)}


def _windows(rng: random.Random, t0: date, t1: date) -> tuple[list, list]:
    """CP-plan and CIN periods across the story (meetings and visits happen inside them)."""
    cp: list[tuple[date, date]] = []
    cin: list[tuple[date, date]] = []
    span = (t1 - t0).days
    cur = t0 + timedelta(days=int(span * rng.uniform(0.1, 0.2)))
    while cur < t1:
        a = cur + timedelta(days=rng.randint(60, 150))
        cin.append((cur, min(a, t1)))
        b = a + timedelta(days=rng.randint(270, 540))
        if a < t1:
            cp.append((a, min(b, t1)))
        cur = b + timedelta(days=rng.randint(60, 200))
    return cp or [(t0, t1)], cin or [(t0, t1)]


def _gaps(t0: date, t1: date, taken: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The parts of [t0, t1] outside every window (early help happens there)."""
    out, cur = [], t0
    for a, b in sorted(taken):
        if a > cur + timedelta(days=14):
            out.append((cur, a - timedelta(days=1)))
        cur = max(cur, b + timedelta(days=1))
    if cur + timedelta(days=14) < t1:
        out.append((cur, t1))
    return out or [(t0, t1)]


def _later(windows: list[tuple[date, date]], days: int) -> list[tuple[date, date]]:
    """The windows from `days` after each start (those long enough); all of them if none."""
    later = [(a + timedelta(days=days), b) for a, b in windows if (b - a).days > days + 14]
    return later or windows


def _spread(rng: random.Random, n: int, windows: list[tuple[date, date]]) -> list[date]:
    """n dates evenly spread over the union of windows, with a little jitter."""
    lengths = [max(1, (b - a).days) for a, b in windows]
    total = sum(lengths)
    out = []
    for i in range(n):
        pos = (i + 0.5 + rng.uniform(-0.2, 0.2)) * total / n
        for (a, _b), ln in zip(windows, lengths, strict=True):
            if pos < ln:
                out.append(a + timedelta(days=int(pos)))
                break
            pos -= ln
        else:
            out.append(windows[-1][1])
    return out


def _time_for(kind: str, rng: random.Random) -> time | None:
    if kind in ("da_incident", "police_other"):
        h = rng.choice((0, 1, 2, 17, 18, 19, 20, 21, 22, 23, 23, 14, 11))
        return time(h, rng.randrange(60))
    if kind == "ed_attendance":
        return time(rng.randrange(24), rng.randrange(60))
    if kind in MEETINGS or kind == "s47_visit":
        return time(rng.choice((9, 10, 11, 13, 14, 15)), rng.choice((0, 0, 30)))
    if kind in ("sw_home_visit", "hv_contact", "prof_call", "gp_appt", "probation_contact"):
        return time(rng.randint(9, 16), rng.choice((0, 10, 15, 20, 30, 40, 45, 50)))
    return None


def plan_events(
    rng: random.Random, n_events: int, present: tuple[str, ...], t0: date, t1: date
) -> list[Event]:
    """Exactly n_events real events (follow-ups included), each with its recorders."""
    kinds = {k: s for k, s in SPEC.items() if _available(k, s, present)}
    n_fu = int(n_events * FOLLOWUP_SHARE) if any(k in kinds for k in MEETINGS) else 0
    n_base = n_events - n_fu
    wsum = sum(s[0] for s in kinds.values())
    counts = {k: int(n_base * s[0] / wsum) for k, s in kinds.items()}
    order = sorted(kinds, key=lambda k: -kinds[k][0])
    i = 0
    while sum(counts.values()) < n_base:  # rounding: top up the commonest kinds
        counts[order[i % len(order)]] += 1
        i += 1
    cp, cin = _windows(rng, t0, t1)
    span = (t1 - t0).days
    events: list[Event] = []
    by_kind: dict[str, list[Event]] = {}

    def add(kind: str, day: date) -> Event:
        weekdays = kinds[kind][3]
        day = min(max(day, t0), t1)
        if weekdays:
            day = weekday(day)
        subj = kinds[kind][4]
        subject = rng.choices(list(subj), weights=list(subj.values()))[0]
        ev = Event("", kind, day, _time_for(kind, rng), subject)
        events.append(ev)
        by_kind.setdefault(kind, []).append(ev)
        return ev

    def uniform() -> date:
        return t0 + timedelta(days=rng.randrange(span + 1))

    for kind in order:
        n = counts[kind]
        if kind == "da_incident":  # call-outs come in runs, two or three days apart
            while n > 0:
                size = min(n, rng.choice((1, 1, 1, 2, 2, 3)))
                # half of them in the months before a plan: what escalated the case
                start = rng.choice(cp)[0]
                day = start - timedelta(days=rng.randrange(180)) if rng.random() < 0.5 else t0
                if day <= t0:  # not before the story starts (nor piled up on its first day)
                    day = uniform()
                for _ in range(size):
                    add(kind, day)
                    day += timedelta(days=rng.choice((2, 2, 3, 3, 1)))
                n -= size
        elif kind in ("core_group", "rcpc", "sw_home_visit"):
            # a plan starts at its ICPC: core groups follow it, the first review ~3 months on
            after = {"core_group": 12, "rcpc": 80, "sw_home_visit": 3}[kind]
            inside = _later(cp, after)
            for d in _spread(rng, n, inside):
                add(kind, d)
        elif kind == "icpc":
            starts = [a + timedelta(days=rng.randint(0, 10)) for a, _ in cp][:n]
            for d in starts + _spread(rng, n - len(starts), cp):
                add(kind, d)
        elif kind == "cin_meeting":
            for d in _spread(rng, n, cin):
                add(kind, d)
        elif kind == "taf_meeting":  # early help: before and between the statutory plans
            for d in _spread(rng, n, _gaps(t0, t1, cp + cin)):
                add(kind, d)
        elif kind not in _TRIGGERED:
            for _ in range(n):
                add(kind, uniform())
    for kind in ("strategy", "s47_visit"):  # after what prompted them, when there is one
        for _ in range(counts.get(kind, 0)):
            triggers = [e for t in _TRIGGERED[kind] for e in by_kind.get(t, ())][:5000]
            if triggers:
                add(kind, rng.choice(triggers).day + timedelta(days=rng.randint(1, 4)))
            else:
                add(kind, uniform())

    # Look-alikes on purpose: an HV visit on a social worker's visit day, and a sibling's
    # GP appointment on the child's day, are separate contacts.
    visits = by_kind.get("sw_home_visit", [])
    for ev in by_kind.get("hv_contact", []):
        if visits and rng.random() < 0.2:
            ev.day = rng.choice(visits).day
    appts = by_kind.get("gp_appt", [])
    for ev in appts:
        if len(appts) > 1 and rng.random() < 0.15:
            ev.day = rng.choice(appts).day
    events.sort(key=lambda e: (e.day, e.kind))
    pro_start = t0 + timedelta(days=int(span * rng.uniform(0.2, 0.6)))
    for ev in events:
        _facts(ev, rng, pro_start)
        ev.recorders = _recorders(ev, kinds[ev.kind], present, rng)
    events += _followups(rng, n_fu, by_kind, present, kinds, t0, pro_start)
    events.sort(key=lambda e: (e.day, e.kind))  # stable: ties keep their planned order
    prev: date | None = None
    for ev in events:  # a run of call-outs: the later ones mention the one before
        if ev.kind == "da_incident":
            if prev is not None and (ev.day - prev).days <= 14:
                ev.facts["prev"] = prev
            prev = ev.day
    for i, ev in enumerate(events):
        ev.eid = f"ev{i:05d}"
    for ev in events:
        if isinstance(ev.related_to, Event):
            ev.related_to = ev.related_to.eid
    return events


_CALLERS = ("CSC", "HV", "SCH", "GP", "POL", "PRO", "DAS", "MH", "MW", "HOS")


def _available(kind: str, spec: tuple, present: tuple[str, ...]) -> bool:
    if kind == "prof_call":
        return len(present) >= 2
    if kind in HEARD_OF:
        return any(a in present for a in spec[1]) or any(o[0] in present for o in spec[2])
    return any(a in present for a in spec[1])


def _recorders(ev: Event, spec: tuple, present: tuple[str, ...], rng: random.Random) -> list:
    if ev.kind == "prof_call":
        callers = [a for a in present if a in _CALLERS] or list(present)
        a, b = rng.sample(callers, 2) if len(callers) >= 2 else rng.sample(present, 2)
        if "CSC" in present and "CSC" not in (a, b) and rng.random() < 0.6:
            b = "CSC"
        ev.facts["caller"], ev.facts["callee"] = a, b
        return [(a, "P", 0), (b, "P", 0)]
    anchors = [a for a in spec[1] if a in present]
    if anchors:
        anchor = rng.choice(anchors) if ev.kind in PICK_ANCHOR else anchors[0]
        out = [(anchor, "P", 0)]
    else:  # the agency it happened at is not in the review: known from the others' letters
        anchor, out = spec[1][0], []
    for agency, role, p, lo, hi in spec[2]:
        if agency == anchor or agency not in present or rng.random() >= p:
            continue
        if ev.kind == "da_incident" and agency == "PRO" and not ev.facts.get("on_licence"):
            continue
        out.append((agency, role, rng.randint(lo, hi)))
    if not out:
        agency, role, _p, lo, hi = next(o for o in spec[2] if o[0] in present)
        out.append((agency, role, rng.randint(lo, hi)))
    ev.facts["anchor"] = anchor
    return out


_ACTS = (  # (what it is called, what he did)
    ("a verbal argument", "shouted at her and called her names"),
    ("pushing and shoving", "pushed her into the kitchen worktop"),
    ("an assault", "grabbed her by the arms"),
    ("criminal damage", "thrown a mug at the wall"),
    ("damage to the bedroom door", "kicked the bedroom door in"),
    ("an assault", "slapped her across the face"),
    ("threats by text", "sent her threatening texts"),
    ("an assault", "pulled her hair"),
    ("criminal damage", "smashed her phone"),
    ("an assault", "held her against the wall"),
)
_INJ = (
    "no visible injuries",
    "no visible injuries",
    "redness to left cheek",
    "bruising to upper arms",
    "a cut lip",
    "scratches to the neck",
    "swelling above the eye",
)
_CAUSE = (
    ("head injury", "fall from the sofa"),
    ("burn", "touched the oven door"),
    ("possible ingestion", "found with mother's tablets"),
    ("fever", "high temperature"),
    ("wrist injury", "fell off the trampoline"),
    ("scald", "cup of tea pulled over"),
    ("breathing difficulty", "wheeze and cough"),
    ("laceration", "cut on broken glass"),
    ("vomiting", "unwell for two days"),
    ("bruising", "bruise to the cheek"),
)
_CAT = ("neglect", "emotional abuse", "physical abuse")
_HV_REVIEWS = (
    "new birth visit",
    "6-8 week review",
    "1 year review",
    "2-2.5 year review",
    "routine home visit",
    "clinic weigh-in",
    "targeted home visit",
)
_SCHOOL = (
    ("attendance", "has missed several days this half term"),
    ("presentation", "arrived hungry and unkempt"),
    ("behaviour", "dysregulated in class"),
    ("injury", "had a bruise on the upper arm"),
    ("late", "late every day this week"),
    ("comment", "said mum and partner were shouting"),
)
_WNB_CLINIC = (
    "paediatric outpatients",
    "audiology",
    "dental",
    "speech and language",
    "immunisations",
    "eye clinic",
)


def _defaults(f: dict, rng: random.Random) -> None:
    """Every fact a phrase may name, so any agency can mention any detail."""
    f["act"], f["actv"] = rng.choice(_ACTS)
    f["inj"] = rng.choice(_INJ)
    f["risk"] = rng.choice(("standard", "medium", "high"))
    f["caller"] = "mother"
    f["arrest"] = "was not arrested"
    f["present"] = "The child was present."
    f["cause"], f["how"] = rng.choice(_CAUSE)
    f["cat"] = rng.choice(_CAT)
    f["decision"] = "continue"
    f["review"] = rng.choice(_HV_REVIEWS)
    f["epds"] = rng.randint(4, 19)
    f["topic"], f["detail"] = rng.choice(_SCHOOL)
    f["pct"] = rng.randint(71, 92)
    f["clinic"] = rng.choice(_WNB_CLINIC)
    f["complaint"] = "a routine review"
    f["change"] = "moved into the family home"
    f["reason"] = "neglect concerns"
    f["pol_kind"] = "welfare check"


def _facts(ev: Event, rng: random.Random, pro_start: date) -> None:
    f = ev.facts
    k = ev.kind
    _defaults(f, rng)
    f["on_licence"] = ev.day >= pro_start  # the partner is on licence from then on
    if k in ("da_incident", "police_other"):
        f["ref"] = f"OC/{ev.day.year % 100:02d}/{rng.randint(10000, 99999)}"
        f["act"], f["actv"] = rng.choice(_ACTS)
        f["inj"] = rng.choice(_INJ)
        f["risk"] = rng.choice(("standard", "standard", "medium", "medium", "high"))
        f["caller"] = rng.choice(
            ("mother", "a neighbour", "the child", "mother", "an anonymous caller")
        )
        f["arrest"] = rng.choice(
            ("was arrested", "had left before police arrived", "was not arrested", "was arrested")
        )
        f["present"] = rng.choice(
            (
                "Both children were present at the time.",
                "The child was present at the time.",
                "The children were asleep upstairs.",
            )
        )
        f["pol_kind"] = rng.choice(
            ("welfare check", "arrest on warrant", "bail check", "arrest for breach of bail")
        )
    elif k == "ed_attendance":
        f["ref"] = f"ED{ev.day.year % 100:02d}{rng.randint(100000, 999999)}"
        f["cause"], f["how"] = rng.choice(_CAUSE)
        if rng.random() < 0.2:
            ev.end_day = ev.day + timedelta(days=rng.randint(1, 4))
    elif k in ("icpc", "rcpc"):
        f["cat"] = rng.choice(_CAT)
        f["decision"] = rng.choice(("continue", "continue", "end")) if k == "rcpc" else "plan"
    elif k == "hv_contact":
        f["review"] = rng.choice(_HV_REVIEWS)
        f["epds"] = rng.randint(4, 19)
    elif k == "school_concern":
        f["topic"], f["detail"] = rng.choice(_SCHOOL)
        f["pct"] = rng.randint(71, 92)
    elif k == "wnb":
        f["clinic"] = rng.choice(_WNB_CLINIC)
    elif k == "gp_appt":
        f["complaint"] = rng.choice(
            (
                "cough",
                "eczema",
                "ear pain",
                "low mood",
                "rash",
                "poor sleep",
                "back pain",
                "constipation",
                "headaches",
            )
        )
    elif k == "household_change":
        f["change"] = rng.choice(
            ("moved into the family home", "moved out", "returned to the home")
        )
    elif k == "prof_call":
        f["topic"] = rng.choice(
            (
                "attendance",
                "the last home visit",
                "the safety plan",
                "missed health appointments",
                "the recent police call-out",
                "the partner's contact with the children",
            )
        )
    elif k == "referral":
        f["reason"] = rng.choice(
            (
                "neglect concerns",
                "a disclosure by the child",
                "domestic abuse concerns",
                "an unexplained bruise",
            )
        )
    f["mood"] = rng.choice(("settled", "quiet", "chatty", "withdrawn", "tired"))
    f["seen"] = rng.choice(("seen alone", "seen with mum", "seen alone", "not seen - at nursery"))


_FU = {  # meeting kind -> follow-up kinds that make sense after it
    "strategy": ("minutes_received", "minutes_chased"),
    "icpc": ("minutes_received", "outcome_letter", "minutes_chased", "report_submitted"),
    "rcpc": ("minutes_received", "outcome_letter", "minutes_chased", "report_submitted"),
    "core_group": ("minutes_received", "report_submitted", "minutes_chased"),
    "cin_meeting": ("minutes_received", "outcome_letter"),
    "taf_meeting": ("minutes_received",),
    "marac": ("minutes_received", "report_submitted"),
}
_FU_LAG = {
    "minutes_received": (2, 10),
    "minutes_chased": (6, 14),
    "outcome_letter": (1, 5),
    "report_submitted": (1, 7),
}


def _followups(rng, n_fu, by_kind, present, kinds, t0, pro_start) -> list[Event]:
    meetings = [e for k in MEETINGS for e in by_kind.get(k, ())]
    out: list[Event] = []
    used: set[tuple[int, str, str]] = set()
    tries = 0
    while len(out) < n_fu and meetings and tries < n_fu * 20:
        tries += 1
        m = rng.choice(meetings)
        fu = rng.choice(_FU[m.kind])
        attending = [
            a for a, role, _ in m.recorders if role in ("P", "R") and a != m.facts["anchor"]
        ]
        if fu == "outcome_letter":
            agency = m.facts["anchor"]
        elif fu == "report_submitted":  # by an agency that also recorded the meeting itself
            cands = [a for a, role, _ in m.recorders if role == "P" and a != m.facts["anchor"]]
            if not cands:
                continue
            agency = rng.choice(cands)
        else:
            cands = attending or [a for a in ("HV", "SCH", "GP", "POL") if a in present]
            if not cands:
                continue
            agency = rng.choice(cands)
        key = (id(m), fu, agency)
        if key in used:
            continue
        used.add(key)
        lo, hi = _FU_LAG[fu]
        lag = rng.randint(lo, hi)
        if fu == "report_submitted" and m.kind in ("icpc", "rcpc"):
            lag = -lag  # a report goes to the chair before the conference
        facts: dict[str, object] = {}
        _defaults(facts, rng)
        facts.update(
            fu=fu, meeting=m.kind, mday=m.day, anchor=agency, on_licence=False, mood="", seen=""
        )
        ev = Event(
            "",
            "followup",
            weekday(m.day + timedelta(days=lag)),
            None,
            m.subject,
            facts,
            [(agency, "F", 0)],
        )
        ev.related_to = m  # replaced by the id once ids are given
        out.append(ev)
    while len(out) < n_fu:  # not enough meetings to follow up: single-agency contacts instead
        kind = next(
            k
            for k in (
                "gp_appt",
                "hv_contact",
                "sw_home_visit",
                "probation_contact",
                "idva_contact",
                "school_concern",
                "da_incident",
            )
            if k in kinds
        )
        ev = Event("", kind, t0 + timedelta(days=rng.randrange(365)), _time_for(kind, rng), "child")
        ev.subject = next(iter(kinds[kind][4]))
        _facts(ev, rng, pro_start)
        ev.recorders = _recorders(ev, kinds[kind], present, rng)
        out.append(ev)
    return out
