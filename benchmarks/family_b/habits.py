"""Each practitioner's own shorthand: per seed and agency, one way of writing each term.

The phrasebook writes terms one way; a habit rewrites them as this agency's author does in
this review ("domestic abuse" -> "DV", "strategy discussion" -> "strat", "telephone call"
-> "T/C"), so the same term reads differently across agencies and across seeds."""

from __future__ import annotations

import random
import re

# term as the phrasebook writes it -> the forms practitioners use (the first is the term)
TERMS: dict[str, tuple[str, ...]] = {
    "domestic abuse": ("domestic abuse", "DA", "DV", "domestic violence", "domestic"),
    "social worker": ("social worker", "SW", "allocated worker"),
    "strategy discussion": ("strategy discussion", "strat discussion", "strategy meeting", "strat"),
    "strategy meeting": ("strategy meeting", "strat meeting", "strategy discussion"),
    "child protection": ("child protection", "CP"),
    "core group": ("core group", "CG", "core grp"),
    "telephone call": ("telephone call", "T/C", "tel call", "phone call"),
    "home visit": ("home visit", "HV", "visit to the home", "H/V"),
    "was not brought": ("was not brought", "WNB", "was not brought (WNB)"),
    "Operation Encompass": ("Operation Encompass", "Op Encompass", "OE"),
    "emergency department": ("emergency department", "ED", "A&E"),
    "paediatric ED": ("paediatric ED", "PED", "children's ED", "A&E"),
    "initial child protection conference": ("initial child protection conference", "ICPC"),
    "review child protection conference": (
        "review child protection conference",
        "RCPC",
        "review conference",
    ),
    "child in need": ("child in need", "CIN"),
    "section 47": ("section 47", "s47", "s.47", "S47"),
    "child protection plan": ("child protection plan", "CP plan", "CPP"),
    "health visitor": ("health visitor", "HV"),
    "offender manager": ("offender manager", "OM"),
    "team manager": ("team manager", "TM"),
    "independent reviewing officer": ("independent reviewing officer", "IRO"),
    "safety plan": ("safety plan", "safety-plan", "safety planning"),
    "information": ("information", "info"),
    "appointment": ("appointment", "appt"),
    "received": ("received", "rec'd", "recvd"),
    "regarding": ("regarding", "re", "about"),
    "following": ("following", "after", "post"),
}
_ORDER = sorted(TERMS, key=len, reverse=True)  # longest first: "paediatric ED" before "ED"


class Habit:
    """One author's rewriting of the phrasebook's terms."""

    def __init__(self, rng: random.Random, keep: float = 0.45):
        self.forms: dict[str, str] = {}
        for term in _ORDER:
            forms = TERMS[term]
            # often the plain term; otherwise one of the shorthands, used throughout
            pick = forms[0] if rng.random() < keep else rng.choice(forms[1:])
            if pick != term:
                self.forms[term.casefold()] = pick
        terms = [t for t in _ORDER if t.casefold() in self.forms]
        self.pattern = (
            re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
            if terms
            else None
        )

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._swap, text)

    def _swap(self, m: re.Match) -> str:
        found = m.group(0)
        new = self.forms[found.casefold()]
        if found[0].isupper() and new[0].islower():  # the start of a sentence stays capital
            new = new[0].upper() + new[1:]
        return new
