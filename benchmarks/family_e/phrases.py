"""Words for family E's rows: an event's facts, and each agency's text about it."""

from __future__ import annotations

import random
import re
from dataclasses import asdict
from datetime import date, timedelta
from functools import lru_cache

from . import texts as T
from .kinds import AMB, CSC, DAS, EH, GP, HOS, HSG, HV, MH, POL, PRB, SCH, SMS, YJ
from .names import Family
from .voices import ABBREV, SRC, VOICE

FACTS: dict[str, dict[str, tuple[str, ...]]] = {
    "da_incident": {
        "what": (
            "a verbal argument that turned physical",
            "an assault, pushed to the floor",
            "criminal damage to the front door",
            "threats made over the phone",
            "her phone smashed during an argument",
            "being held by the throat",
        ),
        "kids": ("present", "asleep upstairs", "at school", "present and crying", "at nan's"),
        "arrest": ("was arrested", "had left before police arrived", "was not arrested"),
        "dash": ("standard", "medium", "high"),
        "injury": (
            "a red mark to the neck",
            "no visible injury",
            "a cut lip",
            "bruising to her arm",
        ),
    },
    "home_visit": {
        "state": (
            "home cold and cluttered",
            "little food in the cupboards",
            "home tidy with food in",
            "dog mess on the kitchen floor",
            "Mum presented as flat and tired",
        ),
    },
    "school_concern": {
        "what": (
            "came to school hungry",
            "was in unwashed uniform and smelt",
            "had head lice again",
            "had no coat in the cold",
            "had a bruise on the forearm",
            "said mum was 'asleep all day'",
        ),
    },
    "gp_appt": {
        "comp": (
            "a chest infection",
            "an eczema flare",
            "a weight review",
            "ear pain",
            "missed jabs",
        ),
    },
    "injury_episode": {
        "comp": (
            "bruising to the left cheek",
            "a swollen right forearm",
            "a head injury after a reported fall",
            "a burn to the hand",
            "bruises to both upper arms",
            "not moving the left leg",
        ),
        "why": ("fell from the changing mat", "rolled off the bed", "was pushed by a sibling", "-"),
    },
    "overdose_episode": {
        "comp": ("an overdose of prescribed tablets", "intoxication and low mood", "self-harm"),
        "carer": ("maternal grandmother", "a neighbour", "her partner"),
    },
    "intox_episode": {
        "comp": ("found intoxicated in a park", "drunk and vomiting", "a cut head after a fight"),
    },
    "missing": {
        "found": (
            "found with older males in {town2}",
            "returned home at 02:00",
            "located at a friend's address",
            "found at the bus station",
        ),
        "hours": ("6", "9", "14", "20", "30"),
    },
    "prof_call": {
        "topic": (
            "attendance",
            "Mum's engagement",
            "a new partner at the address",
            "the upcoming conference",
            "a missed health appointment",
            "the housing situation",
            "a disclosure made in school",
        ),
    },
}
for _k, _opts in (("absence_call", "pct"), ("attendance_meeting", "pct")):
    FACTS[_k] = {"pct": tuple(str(p) for p in range(62, 90, 3))}

# How the other professional on a call is named.
OTHER = {
    CSC: ("the SW", "SW {sw}", "the duty social worker"),
    POL: ("PC {pc}", "the PPU", "the OIC"),
    SCH: ("the DSL", "{dsl} at school", "the head teacher"),
    GP: ("Dr {gp}", "the GP", "the practice"),
    HOS: ("the safeguarding nurse", "paeds liaison"),
    HV: ("the HV", "HV {hv}"),
    AMB: ("the ambulance safeguarding team",),
    MH: ("the CPN", "CPN {cpn}"),
    DAS: ("the IDVA", "IDVA {idva}"),
    HSG: ("the housing officer",),
    SMS: ("the recovery worker",),
    PRB: ("the PO", "probation"),
    YJ: ("the YJ worker",),
    EH: ("the family support worker",),
}


def facts_for(rng: random.Random, kind: str, only: tuple[str, ...] | None = None) -> dict:
    table = FACTS.get(kind, {})
    return {k: rng.choice(v) for k, v in table.items() if only is None or k in only}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def quote_date(rng: random.Random, d: date, written: date) -> str:
    """The incident's date as a notification quotes it, in one of many forms."""
    forms = [
        f"{d:%d/%m/%y}",
        f"{d.day}/{d.month}",
        f"{d:%d.%m.%Y}",
        f"{_ordinal(d.day)} {d:%B}",
        f"{d:%A} {d:%d/%m}",
        f"{d:%d-%b-%y}",
        f"{d.day}.{d.month}.{d:%y}",
    ]
    if written - d == timedelta(days=1):
        forms.append("last night" if rng.random() < 0.5 else "yesterday")
    if d.weekday() >= 5 and 0 < (written - d).days < 4:
        forms.append("over the weekend")
    return rng.choice(forms)


class _Slots(dict):
    def __missing__(self, key):  # a template naming an unknown slot is a bug: fail loudly
        raise KeyError(f"family_e template slot {{{key}}}")


def _fill(template: str, slots: dict) -> str:
    text = template.format_map(slots)
    return text[:1].upper() + text[1:] if text else text


def _pick(table: dict, agency: str) -> tuple[str, ...]:
    return table.get(agency) or table.get("*") or next(iter(table.values()))


def render(rng, fam: Family, event, draft, style: str, lead: str | None, others: list[str]):
    """(text, action, author) for one draft row. `lead` is the agency that first recorded
    the event itself; `others` the other agencies taking part (for calls)."""
    agency = draft.agency
    if event.facts.get("same") is not None:  # weekly visits in identical words
        rng = random.Random(f"family-e/same/{event.facts['same']}/{agency}")
    voice = VOICE[agency]
    base = {k: v for k, v in asdict(fam).items()}
    base.update(SURNAME=fam.surname.upper(), PSURNAME=fam.partner_surname.upper())
    base.update(psurname=fam.partner_surname, pcnum=str(100 + len(fam.pc) * 37 % 900))
    base.update(addr=fam.address, addr2=fam.address2)
    base["year"] = f"Y{2 + len(fam.child) % 8}"
    slots = _Slots(base)
    for key in ("C", "M", "P", "S"):
        slots[key] = rng.choice(voice[key]).format_map(base)
    if event.subject == "sibling":
        slots["C"] = slots["S"]
    at = draft.time or event.time
    slots["t"] = f"{at:%H:%M}" if at else "about midday"
    for key, value in event.facts.items():
        if isinstance(value, str):
            slots[key] = value.format_map(slots)
    slots.setdefault("why", "-")
    slots["why"] = "gave no explanation" if slots["why"] == "-" else slots["why"]
    by = rng.choice(voice["by"]).format_map(base)
    act = rng.choice(voice["act"]).format_map(slots) if rng.random() < 0.6 else ""
    short = style == "short"
    kind = event.kind
    if kind in T.FOLLOW:
        text = _followup(rng, slots, event, draft, short, lead)
    elif draft.told == "N":
        text = _notification(rng, slots, event, draft, short, lead)
    elif draft.told == "D":
        text = _second(rng, slots, event, short)
    else:
        text = _own(rng, slots, event, agency, short, others)
    if draft.late and not short:
        text = rng.choice(("Late entry: ", "LATE ENTRY - ", "(Entered late) ")) + text
    elif draft.late:
        text += f" (late entry re {event.day:%d/%m})"
    for word, other in _nation(fam.nation):
        text, act = word.sub(other, text), word.sub(other, act)
    text = text[:1].upper() + text[1:]
    if short and agency in ABBREV:
        for word, abbr in ABBREV[agency].items():
            text = re.sub(rf"\b{re.escape(word)}\b", abbr, text, flags=re.IGNORECASE)
    return text, act, by


@lru_cache(maxsize=8)
def _nation(nation: str) -> tuple[tuple[re.Pattern, str], ...]:
    table = T.JURISDICTION[nation]
    words = sorted(table, key=len, reverse=True)
    return tuple((re.compile(rf"\b{re.escape(w)}\b"), table[w]) for w in words)


def _sentences(rng, slots, first: str, details: tuple[str, ...]) -> str:
    """A narrative entry: the opening and 0-4 detail sentences (1-5 sentences in all)."""
    n = rng.choices((0, 1, 2, 3, 4), (2, 4, 4, 2, 1))[0]
    chosen = rng.sample(details, min(n, len(details)))
    return " ".join(_fill(s, slots) for s in [first, *chosen])


def _own(rng, slots, event, agency, short, others) -> str:
    kind = event.kind
    if kind == "note":
        return _fill(rng.choice(_pick(T.NOTE_KIND, agency) + T.NOTE_KIND["*"]), slots)
    if kind in ("prof_call",):
        other = others[0] if others else CSC
        slots["other"] = rng.choice(OTHER.get(other, ("a colleague",))).format_map(slots)
    if event.is_meeting:
        slots["meet"] = rng.choice(_pick(T.MEETING_NAME[kind], agency))
        slots["outcome"] = rng.choice(T.OUTCOMES[kind])
        if short:
            line = _fill(rng.choice(T.MEETING_SHORT["*"]), slots)
            details = T.TEXT.get(kind, {}).get("d", ())
            if details and rng.random() < 0.4:
                line += "; " + _fill(rng.choice(details), slots).rstrip(".").lower()
            return line
        opening = rng.choice(_pick(T.MEETING_OPEN, agency) + T.MEETING_OPEN["*"])
        return _sentences(rng, slots, opening, T.MEETING_DETAIL + T.TEXT[kind]["d"])
    table = T.TEXT[kind]
    if short:
        line = _fill(rng.choice(_pick(table["s"], agency)), slots)
        if table["d"] and rng.random() < 0.5:  # a clause of detail, squeezed onto the line
            line += "; " + _fill(rng.choice(table["d"]), slots).rstrip(".").lower()
        return line
    return _sentences(rng, slots, rng.choice(_pick(table["n"], agency)), table["d"])


def _second(rng, slots, event, short) -> str:
    kind = event.kind
    details = T.MEETING_DETAIL if event.is_meeting else T.TEXT.get(kind, {}).get("d", ())
    if event.is_meeting:
        slots.setdefault("outcome", rng.choice(T.OUTCOMES[kind]))
    if kind == "note" or not details:
        details = ("Further information added to the record.",)
    detail = _fill(rng.choice(details), slots)
    lead = rng.choice(("Cont. from previous entry: ", "Further to above - ", "Addendum: "))
    return ("(cont) " if short else lead) + detail


def _source(rng, slots, lead) -> str:
    return rng.choice(SRC.get(lead, ("partner agency",))) if lead else "partner agency"


def _note_class(event, agency: str, lead: str | None) -> str:
    if agency == SCH and event.kind == "da_incident":
        return "encompass"
    if lead == POL:
        return "police"
    return "hospital" if lead in (HOS, AMB) else "letter"


def _wrap(table: dict, agency: str, cls: str) -> tuple[str, ...]:
    return table.get((agency, cls)) or table.get((agency, "*")) or table[("*", "*")]


def _notification(rng, slots, event, draft, short, lead) -> str:
    agency = draft.agency
    slots["src"] = _source(rng, slots, lead)
    slots["inc"] = quote_date(rng, event.day, draft.day)
    gist = rng.choice(T.TEXT[event.kind]["gist"]) if event.kind in T.TEXT else "an incident"
    slots["gist"] = gist.format_map(slots)
    cls = _note_class(event, agency, lead)
    if short:
        return _fill(rng.choice(_wrap(T.NOTE_SHORT, agency, cls)), slots)
    first = rng.choice(_wrap(T.NOTE_WRAP, agency, cls))
    return _sentences(rng, slots, first, T.NOTE_DETAIL + T.TEXT.get(event.kind, {}).get("d", ()))


def _followup(rng, slots, event, draft, short, lead) -> str:
    meeting = event.facts["meeting_kind"]
    slots["meet"] = rng.choice(_pick(T.MEETING_NAME[meeting], draft.agency))
    slots["outcome"] = rng.choice(T.OUTCOMES[meeting])
    slots["mdate"] = quote_date(rng, event.facts["meeting_day"], draft.day)
    slots["src"] = _source(rng, slots, lead)
    table = T.FOLLOW[event.kind]
    if short:
        return _fill(rng.choice(table["s"]), slots)
    return _fill(rng.choice(table["P" if draft.told == "P" else "N"]), slots)


# who is on the other end when two agencies call each other (weights set once)
CALL_PAIRS = (
    (CSC, SCH, 5),
    (CSC, POL, 3),
    (CSC, GP, 3),
    (CSC, HV, 3),
    (SCH, HV, 1),
    (CSC, MH, 2),
    (GP, HV, 2),
    (POL, DAS, 2),
    (CSC, DAS, 2),
    (HSG, CSC, 1),
    (SMS, CSC, 1),
    (PRB, POL, 1),
    (YJ, CSC, 1),
    (EH, SCH, 2),
    (HOS, CSC, 1),
    (AMB, HOS, 1),
)
