"""How agencies write dates, times and shorthand: the surface of a row, not its meaning."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta

_ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def ordinal(d: int) -> str:
    return f"{d}{_ORD.get(d, 'th')}"


DATE_STYLES = {
    "excel": lambda d: d.strftime("%d/%m/%Y"),
    "slash": lambda d: d.strftime("%d/%m/%Y"),
    "slash_short": lambda d: d.strftime("%d/%m/%y"),
    "dots": lambda d: f"{d.day}.{d.month}.{d:%y}",
    "dmy_mon": lambda d: d.strftime("%d-%b-%Y"),
    "ordinal": lambda d: f"{ordinal(d.day)} {d:%B %Y}",
    "iso": lambda d: d.isoformat(),
    "dashes": lambda d: d.strftime("%d-%m-%Y"),
}

TIME_STYLES = {
    "colon": lambda t: t.strftime("%H:%M"),
    "compact": lambda t: t.strftime("%H%M"),
    "hrs": lambda t: t.strftime("%H%Mhrs"),
    "ampm": lambda t: f"{(t.hour % 12) or 12}.{t.minute:02d}{'am' if t.hour < 12 else 'pm'}",
    "seconds": lambda t: t.strftime("%H:%M:%S"),
}


def date_cell(d: date, style: str, form: str, span: int = 0) -> str | datetime:
    """The date cell of a row. `form`: day, month, approx, week, query, range."""
    if form == "month":
        return d.strftime("%B %Y") if d.day % 2 else d.strftime("%b-%y")
    if form == "approx":
        return f"approx. {d:%B %Y}" if d.day % 3 else f"c. {d:%d/%m/%Y}"
    if form == "week":
        monday = d - timedelta(days=d.weekday())
        return f"w/c {monday:%d/%m/%Y}"
    if form == "query":
        return f"?{d:%d/%m/%Y}"
    if form == "range":
        return f"{d:%d/%m/%Y} - {d + timedelta(days=span):%d/%m/%Y}"
    if style == "excel":
        return datetime(d.year, d.month, d.day)
    return DATE_STYLES[style](d)


def quote_date(rng: random.Random, d: date, told: date) -> str:
    """The event's date as a receiver quotes it in its text ('on 12.3.21', 'yesterday')."""
    gap = (told - d).days
    forms = [
        f"on {d:%d/%m/%Y}",
        f"on {d.day}.{d.month}.{d:%y}",
        f"on {ordinal(d.day)} {d:%B}",
        f"on {d:%A} {ordinal(d.day)}",
        f"on {d:%d/%m}",
        f"dated {d:%d-%b-%y}",
        f"({d:%d/%m/%y})",
    ]
    if gap == 1:
        forms += ["yesterday", "last night", "overnight"]
    elif 2 <= gap <= 6:
        forms += [
            f"on {d:%A}",
            "earlier this week" if told.weekday() > d.weekday() else "last week",
        ]
        if d.weekday() >= 5:
            forms.append("over the weekend")
    elif gap == 0:
        forms += ["today", "this morning", "earlier today"]
    elif gap > 6:
        forms += ["last week", f"earlier in {d:%B}" if told.month == d.month else "last month"]
    return rng.choice(forms)


def clock(t: time, style: str) -> str:
    return TIME_STYLES[style](t)


def shift(t: time, minutes: int) -> time:
    m = max(0, min(24 * 60 - 1, t.hour * 60 + t.minute + minutes))
    return time(m // 60, m % 60)


# Shorthand practitioners use when writing tersely (applied to the short style, and by
# some agencies always). Each pair is tried on its own with a probability.
SHORTHAND = [
    (r"\bmother\b", ("M", "mum", "Mo")),
    (r"\bMum\b", ("M", "mum")),
    (r"\bfather\b", ("F", "dad")),
    (r"\bpartner\b", ("P", "ptnr")),
    (r"\bsocial worker\b", ("SW",)),
    (r"\btelephone call\b", ("T/C", "tel call", "tc")),
    (r"\bphoned\b", ("T/C to", "tel'd", "rang")),
    (r"\bhome visit\b", ("HV", "h/v", "visit")),
    (r"\binformation\b", ("info",)),
    (r"\bregarding\b", ("re", "re:")),
    (r"\bwith\b", ("w/", "with")),
    (r"\bwithout\b", ("w/o",)),
    (r"\bno further action\b", ("NFA",)),
    (r"\bdomestic abuse\b", ("DA", "DV")),
    (r"\bchild protection\b", ("CP",)),
    (r"\bappointment\b", ("appt",)),
    (r"\bfollow up\b", ("f/u", "FU")),
    (r"\bhistory\b", ("hx", "Hx")),
    (r"\bbecause\b", ("as", "b/c")),
    (r"\bapproximately\b", ("approx", "~")),
    (r"\band\b", ("&", "+", "and")),
    (r"\bsafeguarding\b", ("s/g", "sfg", "safeguarding")),
    (r"\bdid not attend\b", ("DNA",)),
    (r"\bwas not brought\b", ("WNB",)),
    (r"\bdiscussed\b", ("d/w", "discussed")),
    (r"\breferral\b", ("ref", "referral")),
    (r"\bemailed\b", ("e-mailed", "email sent to", "emailed")),
]
_SHORTHAND = [(re.compile(p), subs) for p, subs in SHORTHAND]


def shorthand(rng: random.Random, text: str, rate: float) -> str:
    for pat, subs in _SHORTHAND:
        if rng.random() < rate and pat.search(text):
            text = pat.sub(lambda _m, s=subs: rng.choice(s), text)
    return text


def typo(rng: random.Random, text: str) -> str:
    """One slip of the keyboard in one longer word: a swap, a drop or a double."""
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.random()
    if kind < 0.4:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind < 0.7:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)
