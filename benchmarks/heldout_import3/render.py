"""Entries of one fictional chronology and how practitioners and systems write their dates.

An Entry is the truth (date, precision, time, agency, description); the render functions
give the text or cell a file holds for it.
"""

import datetime as dt
import re

from content import CONT, LONG, OUTCOMES, REGION_TEXT, ROLES, TEXT, TYPES, surname

MONTHS = [
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
CY_MONTHS = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]
SEASON_START = {"Spring": 3, "Summer": 6, "Autumn": 9}
DASH = " – "


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


class Entry:
    def __init__(self, d, prec, t, agency, label, text, outcome, who, etype):
        self.d, self.prec, self.t = d, prec, t
        self.end = None
        self.agency, self.label = agency, label
        self.text, self.outcome, self.who, self.etype = text, outcome, who, etype
        self.conts = []
        self.partial_text = None  # how a partial date is written (set by make_entries)


def fill(tpl, cast, rng, other_date):
    # "[a|b|c]": the writer picks one wording
    tpl = re.sub(r"\[([^\]]*)\]", lambda m: rng.choice(m.group(1).split("|")), tpl)
    addr = f"{cast.house} {cast.street}, {cast.town}"
    return tpl.format(
        c=cast.c,
        s=cast.s,
        m=cast.m,
        f=cast.f,
        school=cast.school,
        town2=cast.town2,
        gp=cast.surgery,
        hosp=cast.hosp,
        addr=addr,
        n=rng.randint(3, 9),
        money=rng.choice(["12.50", "40", "6.75", "150", "23.99", "300", "1,240"]),
        od=other_date,
    )


def make_entries(
    rng,
    cast,
    agencies,
    n,
    start,
    end,
    partial=0.0,
    time_rate=0.5,
    conts=0.0,
    month_first=False,
    welsh=False,
    labels=None,
    long=0.0,
    breaks=False,
    style="en",
):
    """n entries, date ordered, spread over [start, end]; labels: agency -> shown name"""
    span = (end - start).days
    days = sorted(rng.sample(range(span), n))
    out = []
    used, used40 = set(), set()
    for k, off in enumerate(days):
        d = start + dt.timedelta(days=off)
        ag = (
            agencies[k % len(agencies)]
            if len(agencies) > 1 and k < len(agencies)
            else rng.choice(agencies)
        )
        od = d - dt.timedelta(days=rng.randint(3, 60))
        od_text = (
            f"{MONTHS[od.month - 1]} {od.day}"
            if month_first
            else rng.choice(
                [
                    f"{od:%d/%m/%Y}",
                    f"{ordinal(od.day)} {MONTHS[od.month - 1]}",
                    f"{od.day}.{od.month}.{od:%y}",
                ]
            )
        )
        # a file rarely says the same thing twice: retry until the first 40 characters are new
        for _ in range(20):
            texts = REGION_TEXT.get(style, {}).get(ag, []) + TEXT[ag]
            pool = [t for t in texts if t not in used] or texts
            tpl = rng.choice(pool)
            text = fill(tpl, cast, rng, od_text)
            if " ".join(text.split())[:40] not in used40:
                break
        used.add(tpl)
        used40.add(" ".join(text.split())[:40])
        if long and rng.random() < long:
            more = [fill(x, cast, rng, od_text) for x in rng.sample(LONG, rng.randint(2, 3))]
            text += ("\n" if breaks and rng.random() < 0.5 else " ") + " ".join(more)
        t = None
        if rng.random() < time_rate:
            t = dt.time(
                rng.choice([7, 8, 9, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 23]),
                rng.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]),
            )
        who = rng.choice(ROLES[ag]) + " " + surname(rng)
        e = Entry(
            d,
            "day",
            t,
            ag,
            (labels or {}).get(ag, ag),
            text,
            rng.choice(OUTCOMES),
            who,
            rng.choice(TYPES[ag]),
        )
        if partial and rng.random() < partial and not month_first:
            set_partial(e, rng, welsh)
        if conts and rng.random() < conts:
            e.conts = [fill(rng.choice(CONT), cast, rng, od_text)]
            if rng.random() < 0.25:
                e.conts.append(fill(rng.choice(CONT), cast, rng, od_text))
        out.append(e)
    return out


def set_partial(e, rng, welsh=False):
    d = e.d
    kinds = ["month", "month", "season", "year", "approx_month", "approx_day", "week", "range"]
    if welsh:
        kinds = ["month", "week", "range", "approx_day"]
    k = rng.choice(kinds)
    mon = (CY_MONTHS if welsh else MONTHS)[d.month - 1]
    e.t = None
    if k == "month":
        e.d, e.prec = d.replace(day=1), "month"
        e.partial_text = (
            rng.choice([f"{mon} {d.year}", f"{mon[:3]} {d.year}", f"{d:%m/%Y}"])
            if not welsh
            else f"{mon} {d.year}"
        )
    elif k == "season":
        s = rng.choice(list(SEASON_START))
        e.d, e.prec = dt.date(d.year, SEASON_START[s], 1), "season"
        e.partial_text = f"{s} {d.year}"
    elif k == "year":
        e.d, e.prec = dt.date(d.year, 1, 1), "year"
        e.partial_text = rng.choice([f"{d.year}", f"During {d.year}"])
    elif k == "approx_month":
        e.d, e.prec = d.replace(day=1), "approximate"
        e.partial_text = rng.choice(
            [f"approx. {mon} {d.year}", f"c. {mon} {d.year}", f"around {mon} {d.year}"]
        )
    elif k == "approx_day":
        e.prec = "approximate"
        e.partial_text = rng.choice(
            [f"?{d:%d/%m/%Y}", f"{d:%d/%m/%Y} (approx)", f"circa {d:%d/%m/%Y}"]
        )
    elif k == "week":
        d = d - dt.timedelta(days=d.weekday())
        e.d, e.prec = d, "week"
        e.partial_text = (
            f"wythnos yn dechrau {d.day} {mon} {d.year}"
            if welsh
            else rng.choice(
                [
                    f"w/c {d:%d/%m/%Y}",
                    f"W/C {d.day}.{d.month}.{d:%y}",
                    f"week commencing {ordinal(d.day)} {mon} {d.year}",
                ]
            )
        )
    elif k == "range":
        e.prec = "range"
        e.end = d + dt.timedelta(days=rng.randint(1, 9))
        en = e.end
        e.partial_text = (
            f"{d.day} {mon} {d.year} - {en.day} {(CY_MONTHS if welsh else MONTHS)[en.month - 1]} {en.year}"
            if welsh
            else rng.choice(
                [
                    f"{d:%d/%m/%Y} - {en:%d/%m/%Y}",
                    f"{d:%d/%m/%y} to {en:%d/%m/%y}",
                    f"between {d:%d/%m/%Y} and {en:%d/%m/%Y}",
                ]
            )
        )


def day_text(d, style):
    m = MONTHS[d.month - 1]
    return {
        "dmy4": f"{d:%d/%m/%Y}",
        "dmy2": f"{d:%d/%m/%y}",
        "dmy1": f"{d.day}/{d.month}/{d.year}",
        "dot": f"{d.day}.{d.month}.{d:%y}",
        "dotpad": f"{d:%d.%m.%Y}",
        "dmon": f"{d.day:02d}-{m[:3]}-{d:%y}",
        "long": f"{ordinal(d.day)} {m} {d.year}",
        "plain": f"{d.day} {m} {d.year}",
        "dash": f"{d:%d-%m-%Y}",
        "iso": d.isoformat(),
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "mdy1": f"{d.month}/{d.day}/{d.year}",
        "dayname": f"{d:%a} {d.day} {m[:3]} {d.year}",
        "cy": f"{d.day} {CY_MONTHS[d.month - 1]} {d.year}",
        "mon": f"{d.day} {m[:3]} {d.year}",
        "fullday": f"{d:%A} {ordinal(d.day)} {m} {d.year}",
    }[style]


def time_text(t, style):
    h, mi = t.hour, t.minute
    h12 = h % 12 or 12
    ap = "am" if h < 12 else "pm"
    return {
        "colon": f"{h:02d}:{mi:02d}",
        "hhmm": f"{h:02d}{mi:02d}",
        "hrs": f"{h:02d}{mi:02d}hrs",
        "hrs2": f"{h:02d}:{mi:02d} hrs",
        "dot": f"{h:02d}.{mi:02d}",
        "ampm": f"{h12}.{mi:02d}{ap}",
        "ampm2": f"{h12}:{mi:02d} {ap.upper()}",
        "sec": f"{h:02d}:{mi:02d}:00",
        "h": f"{h:02d}{mi:02d}h",
        "approx": f"approx {h:02d}:{mi:02d}",
        "ampm3": f"{h12}:{mi:02d}:00 {ap.upper()}",
    }[style]


NO_TIME = ["", "", "", "N/K", "-", "unknown", "not recorded"]


def desc_of(e):
    return " ".join(e.text.split())
