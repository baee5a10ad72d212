"""Dates, times and people for the fourth held-out set: each renderer returns what is
written in the file together with what a reviewer reads from it (the truth)."""

import datetime as dt

MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = [
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
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAYNAME = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


# full-date notations, day first unless the name says otherwise
DATE_STYLES = {
    "d/m/Y": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "d/m/y": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    "j/n/Y": lambda d: f"{d.day}/{d.month}/{d.year}",
    "j.n.y": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",
    "d.m.Y": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "d-M-y": lambda d: f"{d.day:02d}-{MON[d.month - 1]}-{d.year % 100:02d}",
    "d-M-Y": lambda d: f"{d.day:02d}-{MON[d.month - 1]}-{d.year}",
    "jS F Y": lambda d: f"{ordinal(d.day)} {MONTH[d.month - 1]} {d.year}",
    "D j M Y": lambda d: f"{DOW[d.weekday()]} {d.day} {MON[d.month - 1]} {d.year}",
    "l jS F Y": lambda d: f"{DAYNAME[d.weekday()]} {ordinal(d.day)} {MONTH[d.month - 1]} {d.year}",
    "j F Y": lambda d: f"{d.day} {MONTH[d.month - 1]} {d.year}",
    "j M y": lambda d: f"{d.day} {MON[d.month - 1]} {d.year % 100:02d}",
    "Y-m-d": lambda d: d.isoformat(),
    "d-m-Y": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "Ymd": lambda d: f"{d.year}{d.month:02d}{d.day:02d}",
    # month first: an export from a system or a PC set to US settings
    "m/d/Y": lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    "n/j/Y": lambda d: f"{d.month}/{d.day}/{d.year}",
}
MONTH_FIRST = {"m/d/Y", "n/j/Y"}


def date_text(d, style):
    return DATE_STYLES[style](d)


def h12(t, sep=".", space=""):
    h = t.hour % 12 or 12
    ap = "am" if t.hour < 12 else "pm"
    return f"{h}{sep}{t.minute:02d}{space}{ap}"


TIME_STYLES = {
    "H:M": lambda t: f"{t:%H:%M}",
    "HMhrs": lambda t: f"{t:%H%M}hrs",
    "HM hrs": lambda t: f"{t:%H%M} hrs",
    "h.Mpm": lambda t: h12(t),
    "h:M PM": lambda t: h12(t, ":", " ").upper(),
    "@HM": lambda t: f"@{t:%H%M}",
    "HM": lambda t: f"{t:%H%M}",
    "H.M": lambda t: f"{t:%H.%M}",
    "H:M:S": lambda t: f"{t:%H:%M:%S}",
}


def time_text(t, style):
    return TIME_STYLES[style](t)


def approx_time(t, rng, half):
    """'approx 3pm' and the like: the truth is the hour given"""
    t = dt.time(t.hour, 0)
    h = t.hour % 12 or 12
    ap = "am" if t.hour < 12 else "pm"
    forms = (
        [f"approx {h}{ap}", f"approx. {t:%H:%M}", f"around {h}{ap}"]
        if half == "a"
        else [f"c.{t:%H%M}", f"approx {t:%H%M}hrs", f"about {h}{ap}"]
    )
    return rng.choice(forms), t


SEASON = {"Spring": 3, "Summer": 6, "Autumn": 9}


def partial(d, kind, rng, half, style):
    """a date written with less than a day's precision: (text, truth start, precision)"""
    if kind == "month":
        forms = (
            [f"{MONTH[d.month - 1]} {d.year}", f"{MON[d.month - 1]}-{d.year % 100:02d}"]
            if half == "a"
            else [f"{MON[d.month - 1]} {d.year}", f"{d.month:02d}/{d.year}"]
        )
        return rng.choice(forms), d.replace(day=1), "month"
    if kind == "season":
        name = rng.choice(sorted(SEASON))
        forms = [f"{name} term {d.year}", f"{name} {d.year}"]
        if half == "b":
            forms = [f"{name} {d.year}", f"{name} Term {d.year}", f"{name.lower()} {d.year}"]
        return rng.choice(forms), dt.date(d.year, SEASON[name], 1), "season"
    if kind == "week":
        mon = d - dt.timedelta(days=d.weekday())
        forms = (
            [
                f"w/c {date_text(mon, 'd/m/Y')}",
                f"w/c {ordinal(mon.day)} {MONTH[mon.month - 1]} {mon.year}",
            ]
            if half == "a"
            else [f"W/C {date_text(mon, 'd.m.Y')}", f"week commencing {date_text(mon, 'd/m/y')}"]
        )
        return rng.choice(forms), mon, "week"
    if kind == "year":
        return (
            (str(d.year) if half == "a" else f"{d.year} (date unknown)"),
            d.replace(month=1, day=1),
            "year",
        )
    if kind == "approx":
        full = date_text(d, style if style in DATE_STYLES and style not in MONTH_FIRST else "d/m/Y")
        opts = (
            [
                (f"approx. {MONTH[d.month - 1]} {d.year}", d.replace(day=1)),
                (f"c. {full}", d),
                (f"?{full}", d),
            ]
            if half == "a"
            else [
                (f"circa {MON[d.month - 1]} {d.year}", d.replace(day=1)),
                (f"{full}?", d),
                (f"approx {full}", d),
            ]
        )
        text, start = rng.choice(opts)
        return text, start, "approximate"
    if kind == "range":
        end = d + dt.timedelta(days=rng.randint(1, 9))
        s = style if style in DATE_STYLES and style not in MONTH_FIRST else "d/m/Y"
        sep = " - " if half == "a" else " to "
        if half == "b" and rng.random() < 0.4:
            sep = " – "
        return f"{date_text(d, s)}{sep}{date_text(end, s)}", d, "range"
    raise ValueError(kind)


def person(rng, syl1, syl2):
    return rng.choice(syl1) + rng.choice(syl2)


def surname(rng, s1, s2):
    return rng.choice(s1) + rng.choice(s2)
