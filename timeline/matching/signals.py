"""What a record's words say beyond their similarity: event type, notification wording,
and dates written inside the text ("seen in A&E on 10/3")."""

from __future__ import annotations

import re
from datetime import date, timedelta

# Event types recognised from normalised text (after the glossary has run). A pair whose
# types are both known and disjoint is evidence against a match; shared types for it.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    # first: a visit two agencies made together is one event, unlike two home visits
    "joint visit": (
        "joint visit",
        "joint home visit",
        "visit joint",
        "visit with",
        "attend address with",
        # "Officers attended with CSC", "joint CP investigation visit"
        "attend with social",
        "attend with police",
        "joint child protection investigation",
    ),
    "strategy": ("strategy",),
    "initial conference": ("initial conference",),
    "review conference": ("review conference",),
    "core group": ("coregroup",),
    "child in need": ("child in need",),
    # multi-agency meetings other than the statutory ones above
    "meeting": (
        "safeguarding meeting",
        "team around family",
        "professionals meeting",
        "network meeting",
        "multi agency meeting",
        "marac",
        "exploitation meeting",
        "risk management meeting",
        # a child protection conference when a family on a plan moves in from another
        # authority: not an initial or a review one
        "transfer in conference",
    ),
    "domestic abuse": (
        "domestic",
        "encompass",
        "assault",
        "argument",
        "disturbance",
        "police notification",
        "marac",
        "dash risk",
        "punched",
        "pushed",
        "kicked",
        "shouting",
        "screaming",
        "threats",
        "smashed",
        "locked out",
        "neighbour",
        "police called",
        # a police call-out to the home, however the log words it: in a family's
        # chronology that is, far more often than not, the domestic incident
        "police attend",
        "police officer attend",
        "on scene",
        "call out",
        "attend home address",
        "attend the home address",
    ),
    "hospital": (
        "emergency department",
        "urgent care",
        "injury",
        "injuries",
        "fracture",
        "bruis",
        "admitted",
        "admission",
        "ward",
        "burn",
        "head injury",
    ),
    "telephone call": ("telephone call", "email", "spoke to", "spoke with"),
    "home visit": (
        "home visit",
        "unannounced visit",
        "visit to home",
        "visit at home",
        "joint visit",
        "attend address with",
    ),
    "not brought": ("not brought", "no access", "no answer"),
    # "Contact from ED re ...": in social care a contact is a referral received
    "referral": ("referral", "mash front door", "contact made", "contact receive", "contact from"),
    # letters between agencies: a request for information and its answer
    "information request": (
        "information request",
        "request for information",
        "info request",
        "request from",
        "agency checks",
        "checks requested",
        "info shared",
        "info sent",
        "information shared",
        "information sent",
        "health information",
    ),
    "arrest": ("arrest", "custody", "charged", "bail", "interview"),
    "housing": ("tenancy", "eviction", "arrears", "housing"),
    "house move": ("moved to", "new address", "change of address", "keys given", "sign up"),
    "probation": ("supervision", "probation", "licence"),
    "mental health": ("camhs", "mental health", "self harm", "overdose"),
    "school": ("exclusion", "excluded", "attendance", "late to school", "safeguarding lead"),
    "birth": ("birth", "born", "delivery", "antenatal"),
    "review": ("development review", "month review", "year review", "8 week", "new birth"),
    # a child reported missing (MFH: missing from home) and found or returned: the
    # episode the police log, the notice and the school's call about it describe
    # a child protection medical: the paediatrician's examination social care asks for
    "child protection medical": ("child protection medical", "skeletal survey"),
    "missing": ("missing from home", "reported missing", "missing episode", "missing person"),
}

# Kinds every agency records several times a week: sharing one is no evidence that two
# records describe one event (a call, a visit, a referral, no access).
GENERIC_TYPES = frozenset({"telephone call", "home visit", "not brought", "referral"})

# Specific subjects (an injury, a concern): two records of one event name the same one;
# "scald to leg" and "ingestion of tablets" on adjacent days are two attendances.
TOPICS: dict[str, tuple[str, ...]] = {
    "burn or scald": ("burn", "scald"),
    "fracture": ("fracture", "broken"),
    "bruising": ("bruis",),
    "head injury": ("head injury",),
    "cut": ("cut to", "laceration"),
    "ingestion": ("ingest", "tablets", "overdose"),
    "weight": ("weight", "growth", "centile"),
    "mood": ("low mood", "mental health", "depress", "postnatal"),
    "immunisations": ("immunis", "vaccin"),
    "home conditions": ("home conditions", "hygiene", "nappy", "disrepair", "poor condition"),
    "speech": ("speech",),
    "attendance": ("attend school", "attendance concern", "late to school", "lateness", "absent"),
    "hunger": ("hungry", "food"),
    "behaviour": ("behaviour",),
    "disclosure": ("disclos",),
    "self harm": ("self harm",),
    "housing": ("arrears", "overcrowd", "housing situation", "tenancy", "eviction"),
    "missed appointments": ("missed appointment",),
}

_TOPIC_PATTERNS = {
    name: re.compile("|".join(rf"\b{re.escape(k)}" for k in keys)) for name, keys in TOPICS.items()
}

_TYPE_PATTERNS = {
    name: re.compile("|".join(rf"\b{re.escape(k)}" for k in keys))
    for name, keys in EVENT_TYPES.items()
}

# Wording of a record of being told about an event (after the glossary has run).
_NOTIFICATION = re.compile(
    r"\bpolice notification\b|\bencompass\b|\bnotification\b|\bnotif\b|\bnotifn\b|\bliaison\b"
    r"|\b(receive|receipt)\b.{0,40}\b(referral|information|report|letter|discharge|"
    r"notification|email|summary|minutes|update|correspondence)\b"
    r"|\b(referral|information|report|letter|discharge summary|notification|email|"
    r"correspondence)\b.{0,20}\breceive\b"
    r"|\bmade aware\b|\badvised that\b|\bletter from\b|\bdischarge summary\b|\bupdate from\b"
    r"|\bfeedback from\b"
    r"|\breferral from\b"
)


# Who a text names (after the glossary has run): a record that names the other record's
# agency ("letter from ED", "T/C to police", "email from school") is half of an exchange.
AGENCY_KINDS: dict[str, tuple[str, ...]] = {
    # "Ref to duty": the social care duty team takes the referrals
    "social care": (
        "social worker",
        "social care",
        "mash front door",
        "team manager",
        "duty team",
        "duty social worker",
        "to duty",
    ),
    "police": ("police",),
    "health visiting": ("health visitor", "health visiting"),
    "gp": ("general practitioner", "surgery"),
    "hospital": ("emergency department", "hospital", "paediatric", "liaison", "ward"),
    "school": ("school", "safeguarding lead", "teacher", "nursery"),
    "housing": ("housing", "landlord", "tenancy officer"),
    "probation": ("probation",),
    "camhs": ("camhs",),
    "ambulance": ("ambulance", "paramedic"),
}
_AGENCY_PATTERNS = {
    name: re.compile("|".join(rf"\b{re.escape(k)}" for k in keys))
    for name, keys in AGENCY_KINDS.items()
}
# an agency's own name -> its kind ("Brackenford Homes" is housing, "Wyndale General" a
# hospital only when the name says so)
_AGENCY_NAME_WORDS = (
    ("social", "social care"),
    ("police", "police"),
    ("health visit", "health visiting"),
    ("camhs", "camhs"),
    ("gp", "gp"),
    ("general practi", "gp"),
    ("surgery", "gp"),
    ("hospital", "hospital"),
    ("school", "school"),
    ("housing", "housing"),
    ("homes", "housing"),
    ("probation", "probation"),
    ("ambulance", "ambulance"),
)


def agencies_named(normalised: str) -> frozenset[str]:
    """Agency kinds a normalised text names."""
    return frozenset(n for n, pat in _AGENCY_PATTERNS.items() if pat.search(normalised))


# An agency that exists for one kind of event: what its records are about when their
# words name no specific kind ("High risk referral in - incident on 30/09", a domestic
# abuse service's; "Safety plan reviewed with mum").
_AGENCY_SPECIALISMS = (
    ("domestic abuse", "domestic abuse"),
    ("domestic violence", "domestic abuse"),
    ("idva", "domestic abuse"),
    ("women's aid", "domestic abuse"),
)


def agency_specialism(agency: str) -> str | None:
    """The kind of event an agency's name says all its work is about, if any."""
    low = agency.casefold()
    return next((kind for word, kind in _AGENCY_SPECIALISMS if word in low), None)


def agency_kind(agency: str) -> str | None:
    """The kind of agency an agency's name denotes, if recognised."""
    low = agency.casefold()
    return next((kind for word, kind in _AGENCY_NAME_WORDS if word in low), None)


def event_types(normalised: str) -> frozenset[str]:
    """Event types a normalised text mentions (possibly several, possibly none)."""
    return frozenset(name for name, pat in _TYPE_PATTERNS.items() if pat.search(normalised))


def topics(normalised: str) -> frozenset[str]:
    """Specific subjects (injury, concern) a normalised text names."""
    return frozenset(name for name, pat in _TOPIC_PATTERNS.items() if pat.search(normalised))


def is_notification(normalised: str) -> bool:
    """True when the text records being told about an event rather than the event."""
    return _NOTIFICATION.search(normalised) is not None


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A full stop after the date ends the sentence ("... on 30/04/2022."): only a separator
# followed by another digit continues the number.
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?(?![\d/-]|\.\d)")
_WORDED = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+({_MONTH_ALT})\b\.?(?:[\s,-]+(\d{{4}}))?",
    re.IGNORECASE,
)
_OVERNIGHT = re.compile(r"\bover\s?night\b|\bnight of\b", re.IGNORECASE)
_WEEKDAYS = re.compile(r"\b(yesterday|last night|previous day|day before)\b", re.IGNORECASE)
# "over the weekend", "at the weekend": the Saturday and Sunday before the record
_WEEKEND = re.compile(r"\b(?:over|at|during)\s+the\s+weekend\b", re.IGNORECASE)
# "incident on Saturday", "seen last Tuesday": the latest such day before the record's
# own (1-7 days back: a day named on its own day would be "today"). Not when a date
# follows ("on Tuesday 12 Mar": that date is read), nor "next Monday" (a plan).
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAMED_DAY = re.compile(
    r"\b(?:on|last|since|over)\s+(?:the\s+)?(" + "|".join(_DAY_NAMES) + r")\b(?!\s*\d)"
    r"(?:\s+(?:night|evening|morning|afternoon))?",
    re.IGNORECASE,
)


def _resolve(day: int, month: int, year: int | None, anchor: date) -> date | None:
    """A day-first date; a missing year is the one that puts it nearest before `anchor`."""
    try:
        if year is not None:
            if year < 100:
                year += 2000
            return date(year, month, day)
        candidates = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                candidates.append(date(y, month, day))
            except ValueError:
                continue
    except ValueError:
        return None
    if not candidates:
        return None
    # Text dates refer back to the event being reported: prefer the nearest date not
    # more than a few days after the record's own date.
    before = [c for c in candidates if c <= anchor + timedelta(days=3)]
    pool = before or candidates
    return min(pool, key=lambda c: abs((anchor - c).days))


# A date of birth is no event's date: "DOB 14/11/2022", "born 14.11.22", and a full date
# in brackets after a person's name ("Braanah Hartlow (14/11/2022)", the police habit);
# a baby's birthday falls within weeks of the record and would read as a quoted date.
_DOB = re.compile(
    r"\b(?:dob|d\.o\.b\.?|date of birth|born(?:\s+on)?)\s*[:\-]?\s*"
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
    r"|\b([A-Z][a-z'\-]+)\s*\(\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*\)",
    re.IGNORECASE,
)
# Capitalised words that name things, not people ("Conference (12/03/2021)"): the
# bracketed date after them is an event's date.
_NOT_NAMES = frozenset(
    [
        "conference",
        "meeting",
        "discussion",
        "incident",
        "visit",
        "call",
        "referral",
        "notification",
        "letter",
        "report",
        "assessment",
        "appointment",
        "attendance",
        "review",
        "plan",
        "group",
        "strategy",
        "marac",
        "icpc",
        "rcpc",
        "cin",
        "ppn",
        "clinic",
        "contact",
        "mash",
        "police",
        "school",
        "hospital",
        "gp",
        "ed",
    ]
)


def _without_birthdays(text: str) -> str:
    def blank(m: re.Match[str]) -> str:
        if m.group(1) is None:
            word = m.group(2)
            # only a capitalised name ("Hartlow"), never a thing or an all-caps acronym
            if not (word[:1].isupper() and word[1:].islower()) or word.casefold() in _NOT_NAMES:
                return m.group(0)
        return " " * len(m.group(0))

    return _DOB.sub(blank, text)


def text_dates(text: str, anchor: date, *, max_days: int = 120) -> list[date]:
    """Dates written in a record's text, day first, within `max_days` of its own date.

    "notification of the incident on 2nd March", "seen in A&E on 10/3": the year, when
    absent, is taken from the record's own date. "yesterday" counts as the day before,
    "on Saturday" as the latest Saturday before it. Dates of birth are not read.
    """
    found: set[date] = set()
    text = _without_birthdays(text)

    def add(d: date | None, m: re.Match[str]) -> None:
        if d is None:
            return
        found.add(d)
        # "on 31/01/2023 (overnight)": a night runs into the next day, which another
        # agency (the ED's triage at 02:00, the police log) gives as the date
        if _OVERNIGHT.search(text, max(0, m.start() - 20), m.end() + 20):
            found.add(d + timedelta(days=1))

    for m in _NUMERIC.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        year = int(m.group(3)) if m.group(3) else None
        add(_resolve(day, month, year, anchor), m)
    for m in _WORDED.finditer(text):
        day = int(m.group(1))
        month = _MONTHS[m.group(2).casefold()]
        year = int(m.group(3)) if m.group(3) else None
        if 1 <= day <= 31:
            add(_resolve(day, month, year, anchor), m)
    if _WEEKDAYS.search(text):
        found.add(anchor - timedelta(days=1))
    if _WEEKEND.search(text):
        sunday = anchor - timedelta(days=(anchor.weekday() + 1) % 7)
        found.update((sunday - timedelta(days=1), sunday))
    for m in _NAMED_DAY.finditer(text):
        back = (anchor.weekday() - _DAY_NAMES.index(m.group(1).casefold())) % 7 or 7
        add(anchor - timedelta(days=back), m)
    return sorted(d for d in found if abs((d - anchor).days) <= max_days)


def reported_dates(ordinals: list[int], own_end: int, written_before: bool) -> list[int]:
    """The text dates that can be the day of the event a record reports: a date after the
    record's own ("Next CG booked for 16/04/15") is a plan, and would tie this month's
    core group to next month's, unless the record is written before its event (a report
    for a conference names the conference's day)."""
    if written_before:
        return ordinals
    return [d for d in ordinals if d <= own_end + 1]


# --- one scan per text for every keyword list above (prepare reads thousands of texts) ---
def _keyword_facts() -> tuple[re.Pattern[str], dict[str, tuple[frozenset, frozenset, frozenset]]]:
    """A single pattern of every keyword, each found at every word start (a lookahead,
    so overlapping keywords are all seen) and mapped to what the separate patterns
    would have found inside it."""
    keys = {k for table in (EVENT_TYPES, TOPICS, AGENCY_KINDS) for ks in table.values() for k in ks}
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    pattern = re.compile(rf"(?=\b({alternation}))")
    facts = {}
    for k in keys:
        facts[k] = (
            frozenset(n for n, p in _TYPE_PATTERNS.items() if p.search(k)),
            frozenset(n for n, p in _TOPIC_PATTERNS.items() if p.search(k)),
            frozenset(n for n, p in _AGENCY_PATTERNS.items() if p.search(k)),
        )
    return pattern, facts


_ALL_KEYS, _KEY_FACTS = _keyword_facts()


# A meeting named as a plan ("MASH decision: strategy discussion to be convened", "ICPC
# to be arranged") is not a record of that meeting: the decision is an event of its own.
# (The typo repair may have read "convened" as "conveyed".)
_PLANNED = re.compile(
    r"\b(?:strategy|initial conference|review conference|coregroup|child in need|marac"
    r"|conference|meeting)(?: meeting| discussion)?\s+(?:to be|will be|is to be|being)\s+"
    r"(?:convened|conveyed|convene|arranged|arrange|held|hold|booked|book|organised|"
    r"scheduled|set up)\b"
)


def without_plans(normalised: str) -> str:
    """The text without the meetings it names as plans ("strategy to be convened")."""
    return _PLANNED.sub("plan", normalised) if " be" in normalised else normalised


def text_facts(normalised: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(event types, topics, agency kinds named) of a normalised text in one scan; the
    same as event_types(), topics() and agencies_named() called one by one. A meeting
    named as a plan is not read (`without_plans`)."""
    types: set[str] = set()
    subjects: set[str] = set()
    named: set[str] = set()
    normalised = without_plans(normalised)
    for m in _ALL_KEYS.finditer(normalised):
        t, s, a = _KEY_FACTS[m.group(1)]
        types |= t
        subjects |= s
        named |= a
    return frozenset(types), frozenset(subjects), frozenset(named)


# --- reference numbers: a crime, case or incident number two records both quote ---------
_REFERENCE = re.compile(
    r"(?<![\w/.-])(?:[A-Za-z]{1,6}[ /-]?)?\d{2,4}[/-]\d{3,8}(?![\w/-])(?!\.\d)"
    r"|(?<![\w/.-])[A-Za-z]{2,6}-?\d{4,10}(?![\w/-])(?!\.\d)"
)
_FIVE_DIGITS = re.compile(r"\d[\d/ -]{3,}\d")  # cheap test before the full pattern
_DATE_LIKE = re.compile(r"^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$")


def references(*texts: str) -> frozenset[str]:
    """Reference numbers in the texts ("DA/20/08813", "CP/20/1187", "INC-44712"), keyed by
    their digits (five or more) so "DA/20/08813" and "ref 20/08813" agree. Dates are not
    references."""
    out = set()
    for text in texts:
        if not text or not _FIVE_DIGITS.search(text):
            continue
        for m in _REFERENCE.finditer(text):
            token = m.group(0)
            if _DATE_LIKE.match(token.strip()):
                continue
            digits = "".join(c for c in token if c.isdigit())
            if len(digits) >= 5:
                out.add(digits)
    return frozenset(out)


# --- boilerplate: the sentences an agency's system or habit adds to many entries ---------
_SENTENCE = re.compile(r"(?<=[a-z0-9)'\"])[.!?;]\s+(?=[A-Z])")
_KEY = re.compile(r"[^a-z0-9]+")
BOILERPLATE_MIN = 5  # records
BOILERPLATE_SHARE = 0.01  # ... or this share of the review's records, whichever is more


def without_boilerplate(descriptions: list[str]) -> list[str]:
    """Each description without the sentences after its first that many of the review's
    entries repeat word for word ("Information shared with the allocated SW.", "Recorded
    on case notes.", "Strategy discussion last month noted on file."): they say nothing
    about which event an entry records, yet their words name kinds of event and make
    unrelated entries alike. The first sentence says what the entry is and always stays;
    a sentence with a date or a number in it rarely repeats and stays too."""
    # each distinct description split once (entries repeat word for word); the
    # sentences are still counted once per entry that has them
    split = {d: _SENTENCE.split(d.strip()) if d else [d] for d in set(descriptions)}
    keys = {
        d: {_KEY.sub(" ", p.casefold()).strip() for p in parts[1:]} for d, parts in split.items()
    }
    counts: dict[str, int] = {}
    for d in descriptions:
        for key in keys[d]:
            counts[key] = counts.get(key, 0) + 1
    least = max(BOILERPLATE_MIN, int(BOILERPLATE_SHARE * len(descriptions)))
    common = {k for k, c in counts.items() if c >= least and k}
    if not common:
        return descriptions
    out_of = {}
    for d, parts in split.items():
        if len(parts) < 2:
            out_of[d] = d
            continue
        kept = [parts[0]] + [
            p for p in parts[1:] if _KEY.sub(" ", p.casefold()).strip() not in common
        ]
        out_of[d] = d if len(kept) == len(parts) else ". ".join(kept)
    return [out_of[d] for d in descriptions]
