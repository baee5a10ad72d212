"""Entries (the truth of one event) and the ways people and systems write their dates and times.

An entry's truth is fixed first (date start, precision, time); a rendering only writes it.
"""

import datetime as dt
from dataclasses import dataclass, field

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
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Entry:
    agency: str
    date: dt.date  # the truth's date (the start of what is known)
    precision: str  # day week month season year approximate range
    kind: str  # how the date is known: day, month, week, season, year, approx_day, ...
    time: str = ""  # HH:MM or ""
    text: str = ""
    end: dt.date | None = None  # ranges
    extra: dict = field(default_factory=dict)  # author, role, ref, outcome, type, entered...


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def draw_entry(rng, agency, day, partial_rate, time_rate, text):
    """the truth of one event on or about `day`"""
    r = rng.random()
    if r >= partial_rate:
        t = ""
        if rng.random() < time_rate:
            h = rng.choice(
                [8, 9, 9, 10, 10, 11, 12, 13, 14, 15, 15, 16, 17, 18, 19, 21, 22, 23, 0, 2]
            )
            t = f"{h:02d}:{rng.choice([0, 5, 10, 15, 20, 30, 35, 40, 45, 50, 55]):02d}"
            # a date-time cell at midnight means "no time": keep real events off 00:00
            t = "00:10" if t == "00:00" else t
        return Entry(agency, day, "day", "day", t, text)
    k = rng.choice(
        [
            "month",
            "month",
            "week",
            "season",
            "year",
            "approx_month",
            "approx_day",
            "approx_day",
            "range",
            "range",
            "early_month",
        ]
    )
    if k == "month":
        return Entry(agency, day.replace(day=1), "month", k, "", text)
    if k == "week":
        mon = day - dt.timedelta(days=day.weekday())
        return Entry(agency, mon, "week", k, "", text)
    if k == "season":
        m = rng.choice([3, 6, 9])
        return Entry(agency, dt.date(day.year, m, 1), "season", k, "", text)
    if k == "year":
        return Entry(agency, dt.date(day.year, 1, 1), "year", k, "", text)
    if k == "approx_month":
        return Entry(agency, day.replace(day=1), "approximate", k, "", text)
    if k == "early_month":
        return Entry(agency, day.replace(day=1), "approximate", k, "", text)
    if k == "approx_day":
        return Entry(agency, day, "approximate", k, "", text)
    end = day + dt.timedelta(days=rng.choice([1, 2, 3, 4, 6, 13]))
    return Entry(agency, day, "range", k, "", text, end=end)


# -- exact dates --------------------------------------------------------------------------


def fmt_day(d, style):
    """day-first (and a few unambiguous) text renderings of an exact date"""
    y2 = f"{d.year % 100:02d}"
    m3 = MONTHS[d.month - 1][:3]
    return {
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy_short": f"{d.day}/{d.month}/{y2}",
        "dmy_nopad": f"{d.day}/{d.month}/{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dot_short": f"{d.day}.{d.month}.{y2}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "d_mon_y2": f"{d.day:02d}-{m3}-{y2}",
        "d_MON_y": f"{d.day:02d}-{m3.upper()}-{d.year}",
        "d_mon_y": f"{d.day} {m3} {d.year}",
        "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        "ord": f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        "wk_ord": f"{DAYS[d.weekday()]} {ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        "wk_short": f"{DAYS[d.weekday()][:3]} {d.day:02d}/{d.month:02d}/{d.year}",
        "iso": d.isoformat(),
        "compact": f"{d.year}{d.month:02d}{d.day:02d}",
        "us_long": f"{m3} {d.day}, {d.year}",
    }[style]


def fmt_us(d, style):
    """month-first exports (US regional settings)"""
    return {
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "us_nopad": f"{d.month}/{d.day}/{d.year}",
        "us_dash": f"{d.month:02d}-{d.day:02d}-{d.year}",
    }[style]


# -- times --------------------------------------------------------------------------------


def fmt_time(t, style):
    h, m = int(t[:2]), int(t[3:])
    h12 = h % 12 or 12
    ap = "am" if h < 12 else "pm"
    return {
        "colon": f"{h:02d}:{m:02d}",
        "four": f"{h:02d}{m:02d}",
        "hrs": f"{h:02d}{m:02d}hrs",
        "hrs_sp": f"{h:02d}{m:02d} hrs",
        "hours": f"{h:02d}{m:02d} hours",
        "dot": f"{h:02d}.{m:02d}",
        "secs": f"{h:02d}:{m:02d}:00",
        "ampm_dot": f"{h12}.{m:02d}{ap}",
        "ampm_colon": f"{h12}:{m:02d} {ap.upper()}",
        "ampm_pdot": f"{h12}.{m:02d} {ap[0]}.m.",
        "approx": f"approx {h:02d}:{m:02d}",
        "range": f"{h:02d}:{m:02d}-{(h + 1) % 24:02d}:{m:02d}",
        "colon_hrs": f"{h:02d}:{m:02d}hrs",
    }[style]


def time_ok_for(style, t):
    """am/pm words on the hour read oddly at 00:xx; keep them for daytime"""
    return not (style.startswith("ampm") and t[:2] == "00")


# -- partial and uncertain dates ----------------------------------------------------------


def fmt_partial(e, rng, dstyle="dmy"):
    d = e.date
    mon = MONTHS[d.month - 1]
    if e.kind == "month":
        return rng.choice(
            [
                f"{mon} {d.year}",
                f"{mon[:3]}-{d.year % 100:02d}",
                f"{d.month:02d}/{d.year}",
                f"{mon[:3]} {d.year}",
            ]
        )
    if e.kind == "week":
        return rng.choice(["w/c ", "W/C ", "week commencing ", "Week beginning "]) + fmt_day(
            d, dstyle
        )
    if e.kind == "season":
        s = {3: "Spring", 6: "Summer", 9: "Autumn"}[d.month]
        return rng.choice([f"{s} {d.year}", f"{s.lower()} {d.year}", f"{s} of {d.year}"])
    if e.kind == "year":
        return rng.choice(
            [f"{d.year}", f"{d.year} (date unknown)", f"During {d.year}", f"Unknown date {d.year}"]
        )
    if e.kind == "approx_month":
        return rng.choice(
            [
                f"approx. {mon} {d.year}",
                f"Approx {mon[:3]} {d.year}",
                f"circa {mon} {d.year}",
                f"c. {mon} {d.year}",
                f"around {mon} {d.year}",
            ]
        )
    if e.kind == "early_month":
        return rng.choice([f"early {mon} {d.year}", f"Early {mon[:3]} {d.year}"])
    if e.kind == "approx_day":
        s = fmt_day(d, dstyle)
        return rng.choice(
            [f"?{s}", f"c. {s}", f"{s} (approx)", f"{s}?", f"approx {s}", f"{s} (tbc)"]
        )
    if e.kind == "range":
        a, b = e.date, e.end
        if a.month == b.month and rng.random() < 0.35:
            return f"{a.day}-{b.day} {MONTHS[a.month - 1]} {a.year}"
        sep = rng.choice([" - ", " to ", " – ", "-"])
        if rng.random() < 0.2:
            return f"between {fmt_day(a, 'ord')} and {fmt_day(b, 'ord')}"
        return fmt_day(a, dstyle) + sep + fmt_day(b, dstyle)
    raise ValueError(e.kind)


def date_text(e, rng, dstyle, us=False):
    """an entry's date as text (the time is not included)"""
    if e.kind != "day":
        return fmt_partial(e, rng, "dmy" if dstyle in ("compact", "us_long", "iso") else dstyle)
    return fmt_us(e.date, dstyle) if us else fmt_day(e.date, dstyle)


def background_date(rng):
    """a family-history event long before the review period, in a two-digit year"""
    y = rng.randint(1994, 2009)
    d = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
    return d, f"{d.day:02d}/{d.month:02d}/{y % 100:02d}"
