"""Invented people and places, built from syllables so no real person is named."""

from __future__ import annotations

import random
from dataclasses import dataclass

_ONSET = ("b", "br", "c", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m")
_ONSET += ("n", "p", "r", "s", "st", "t", "tr", "v", "w")
_VOWEL = ["a", "e", "i", "o", "u", "ae", "ia", "ou"]
_CODA = ["", "", "n", "r", "l", "s", "th", "x", "nd", "rk"]
_SURNAME_TAIL = ["ow", "ett", "ick", "by", "ley", "more", "ton", "well", "ash", "an"]
_PLACE_TAIL = ["wick", "moor", "ham", "stow", "field", "dale", "brook", "gate", "combe"]
_SCHOOL = ("Primary School", "Academy", "Primary", "High School")
_HOSPITAL = ("General Hospital", "Royal Infirmary", "District Hospital")
_SURGERY = ("Medical Centre", "Surgery", "Health Centre")
_STREET = ["Road", "Close", "Street", "Way", "Drive", "Crescent", "Lane", "Court"]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSET) + rng.choice(_VOWEL) + rng.choice(_CODA)


def first_name(rng: random.Random) -> str:
    parts = [_syllable(rng) for _ in range(rng.choice((1, 2, 2)))]
    name = "".join(parts)
    if len(name) < 5:  # short syllable names are too often words ("Four", "Bin")
        name += rng.choice(("a", "ie", "o", "en", "ey"))
    return name.capitalize()


def surname(rng: random.Random) -> str:
    return (_syllable(rng) + rng.choice(_SURNAME_TAIL)).capitalize()


def place(rng: random.Random) -> str:
    return (_syllable(rng) + rng.choice(_PLACE_TAIL)).capitalize()


def address(rng: random.Random) -> str:
    return f"{rng.randint(1, 140)} {place(rng)} {rng.choice(_STREET)}"


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    role: str  # child, sibling, mother, father, partner, grandmother
    born: int  # year

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initials(self) -> str:
        return self.first[0] + self.last[0]


@dataclass(frozen=True)
class Family:
    child: Person
    siblings: tuple[Person, ...]
    mother: Person
    father: Person
    partner: Person
    grandmother: Person
    home: str
    town: str
    school: str
    hospital: str
    surgery: str

    def people(self) -> tuple[Person, ...]:
        return (self.child, *self.siblings, self.mother, self.father, self.partner)


def make_family(rng: random.Random, start_year: int) -> Family:
    last = surname(rng)
    dad_last = surname(rng) if rng.random() < 0.5 else last
    child = Person(first_name(rng), last, "child", start_year - rng.randint(0, 12))
    siblings = tuple(
        Person(first_name(rng), rng.choice((last, dad_last)), "sibling", child.born + d)
        for d in rng.sample((-6, -4, -2, 2, 3, 5), rng.choice((0, 1, 1, 2, 3)))
    )
    town = place(rng)
    return Family(
        child=child,
        siblings=siblings,
        mother=Person(first_name(rng), last, "mother", child.born - rng.randint(17, 36)),
        father=Person(first_name(rng), dad_last, "father", child.born - rng.randint(19, 40)),
        partner=Person(first_name(rng), surname(rng), "partner", child.born - rng.randint(16, 30)),
        grandmother=Person(first_name(rng), surname(rng), "grandmother", child.born - 50),
        home=address(rng),
        town=town,
        school=f"{place(rng)} {rng.choice(_SCHOOL)}",
        hospital=f"{town} {rng.choice(_HOSPITAL)}",
        surgery=f"{place(rng)} {rng.choice(_SURGERY)}",
    )


def worker(rng: random.Random, title: str) -> str:
    """A practitioner as chronologies sign them: 'SW K. Dornby', 'PC 4417 Venn'."""
    last = surname(rng)
    form = rng.random()
    if title in ("PC", "DC", "DS", "PS"):
        return f"{title} {rng.randint(1000, 9999)} {last}"
    if form < 0.4:
        return f"{title} {first_name(rng)[0]}. {last}"
    if form < 0.7:
        return f"{first_name(rng)} {last} ({title})"
    return f"{title} {first_name(rng)} {last}"
