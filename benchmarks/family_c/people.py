"""Family C: the fictional family and places of one case, built from syllables.

Nothing here names a real person or place: every name is joined from syllables that
were picked to sound plausible in English and to match nobody in particular.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

_ON = ("Bra", "Cal", "Dor", "El", "Fen", "Gar", "Hol", "Ith", "Jas", "Kel", "Lor", "Mar")
_ON += ("Nev", "Or", "Pel", "Ros", "Sal", "Tam", "Ul", "Vin", "Wen", "Yar", "Zel", "Ash")
_MID = ("", "", "a", "e", "i", "o", "an", "el", "ri", "li")
_GIRL = ("a", "ie", "ette", "ina", "ys", "elle", "ah", "wen")
_BOY = ("an", "o", "en", "ick", "us", "ay", "on", "eth")
_SUR1 = ("Brin", "Cad", "Dun", "Fal", "Grim", "Hart", "Kest", "Lund", "Mor", "Pen", "Quil")
_SUR1 += ("Rad", "Stan", "Thorn", "Wick", "Yel", "Ash", "Bel", "Corr", "Dray")
_SUR2 = ("low", "wick", "by", "ford", "ley", "more", "ton", "ridge", "stow", "well", "ham")
_STREET = ("Close", "Road", "Street", "Avenue", "Way", "Crescent", "Lane", "Court")
_TOWN1 = ("Ast", "Bel", "Crow", "Dal", "Elm", "Fox", "Glen", "Hay", "Ivy", "Lark")
_TOWN2 = ("bury", "mouth", "field", "dale", "stead", "holme", "wood", "brook")


def _first(rng: random.Random, girl: bool) -> str:
    end = _GIRL if girl else _BOY
    return rng.choice(_ON) + rng.choice(_MID) + rng.choice(end)


def _surname(rng: random.Random) -> str:
    return rng.choice(_SUR1) + rng.choice(_SUR2)


@dataclass
class Person:
    key: str  # "mother", "partner", "father", "child1", ...
    first: str
    last: str
    dob: date
    role: str  # "mother", "partner", "father", "child"
    girl: bool = False

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initials(self) -> str:
        return self.first[0] + self.last[0]


@dataclass
class Family:
    mother: Person
    partner: Person
    father: Person
    children: list[Person]
    address: str
    town: str
    school: str
    surgery: str
    hospital: str
    nation: str = "England"  # "England", "Wales" or "Scotland": some words differ
    workers: dict[str, list[str]] = field(default_factory=dict)  # agency -> names

    @property
    def adults(self) -> list[Person]:
        return [self.mother, self.partner, self.father]

    def person(self, key: str) -> Person:
        for p in (*self.adults, *self.children):
            if p.key == key:
                return p
        raise KeyError(key)

    def kids_at(self, day: date, lo: float, hi: float) -> list[Person]:
        """The children aged between lo and hi years on `day`."""
        return [c for c in self.children if lo <= (day - c.dob).days / 365.25 < hi]


def make_family(rng: random.Random, start: date, end: date) -> Family:
    mum_last = _surname(rng)
    mother = Person("mother", _first(rng, True), mum_last, _dob(rng, start, 22, 36), "mother", True)
    partner = Person(
        "partner", _first(rng, False), _surname(rng), _dob(rng, start, 23, 40), "partner"
    )
    father = Person("father", _first(rng, False), _surname(rng), _dob(rng, start, 24, 42), "father")
    n_kids = rng.choice((2, 2, 3, 3, 4))
    kids: list[Person] = []
    for i in range(n_kids):
        girl = rng.random() < 0.5
        # the eldest at school age when the period starts, the youngest born in it at times
        if i == n_kids - 1 and rng.random() < 0.4:
            dob = start + timedelta(days=rng.randint(30, max(31, (end - start).days // 3)))
        else:
            dob = start - timedelta(days=int(365.25 * rng.uniform(0.5, 11)))
        last = father.last if rng.random() < 0.6 else mum_last
        kids.append(Person(f"child{i + 1}", _first(rng, girl), last, dob, "child", girl))
    kids.sort(key=lambda p: p.dob)
    for i, k in enumerate(kids):
        k.key = f"child{i + 1}"
    town = rng.choice(_TOWN1) + rng.choice(_TOWN2)
    address = f"{rng.randint(2, 98)} {rng.choice(_SUR1)}{rng.choice(_SUR2)} {rng.choice(_STREET)}"
    fam = Family(
        mother=mother,
        partner=partner,
        father=father,
        children=kids,
        address=address,
        town=town,
        school=f"{rng.choice(_TOWN1)}{rng.choice(_TOWN2)} Primary",
        surgery=f"{rng.choice(_SUR1)}{rng.choice(_SUR2)} Medical Practice",
        hospital=f"{town} General",
        nation=rng.choices(("England", "Wales", "Scotland"), (6, 2, 2))[0],
    )
    fam.workers = {
        "Children's Social Care": [_worker(rng) for _ in range(3)],
        "Police": [f"PC {rng.randint(1000, 9999)} {_surname(rng)}" for _ in range(4)],
        "Health Visiting": [_worker(rng) for _ in range(2)],
        "School": [_worker(rng) for _ in range(2)],
        "GP": [f"Dr {_surname(rng)}" for _ in range(3)],
        "Hospital": [f"Dr {_surname(rng)}" for _ in range(3)],
        "Probation": [_worker(rng) for _ in range(2)],
        "Housing": [_worker(rng) for _ in range(2)],
        "Domestic Abuse Service": [_worker(rng) for _ in range(2)],
        "Mental Health": [_worker(rng) for _ in range(2)],
        "Ambulance": [f"crew {rng.randint(100, 999)}" for _ in range(3)],
        "Midwifery": [_worker(rng) for _ in range(2)],
    }
    return fam


def _worker(rng: random.Random) -> str:
    return f"{_first(rng, rng.random() < 0.7)} {_surname(rng)}"


def _dob(rng: random.Random, start: date, lo: int, hi: int) -> date:
    return start - timedelta(days=int(365.25 * rng.uniform(lo, hi)))
