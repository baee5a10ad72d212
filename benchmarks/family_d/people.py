"""The family, the places and the workers of one case: all fictional.

Surnames and places are built from syllables so that no real person or place is named;
first names are ordinary ones (a first name alone names nobody)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

_GIRLS = [
    "Ava",
    "Mia",
    "Lily",
    "Isla",
    "Freya",
    "Poppy",
    "Ruby",
    "Evie",
    "Maisie",
    "Esme",
    "Nia",
    "Seren",
    "Cara",
    "Orla",
    "Aoife",
    "Skye",
    "Kacey",
    "Tia",
    "Leah",
    "Amber",
]
_BOYS = [
    "Kai",
    "Alfie",
    "Harley",
    "Mason",
    "Reggie",
    "Tommy",
    "Finley",
    "Ellis",
    "Rhys",
    "Callum",
    "Ewan",
    "Ronan",
    "Cian",
    "Jaxon",
    "Tyler",
    "Dylan",
    "Logan",
    "Brody",
    "Leon",
]
_WOMEN = [
    "Kayleigh",
    "Stacey",
    "Gemma",
    "Danielle",
    "Leanne",
    "Chantelle",
    "Rhian",
    "Kerry",
    "Nicola",
    "Siobhan",
    "Jodie",
    "Carys",
    "Shona",
    "Ashleigh",
    "Toni",
    "Natasha",
]
_MEN = [
    "Dean",
    "Wayne",
    "Craig",
    "Lee",
    "Jamie",
    "Darren",
    "Ryan",
    "Gareth",
    "Scott",
    "Liam",
    "Shaun",
    "Kieran",
    "Aaron",
    "Mark",
    "Stuart",
    "Connor",
]
_WORKER_FIRST = [
    "Ann",
    "Bethan",
    "Claire",
    "Dev",
    "Elin",
    "Femi",
    "Gill",
    "Hamid",
    "Irene",
    "Joy",
    "Kamal",
    "Lorna",
    "Morag",
    "Niall",
    "Olu",
    "Priya",
    "Rosa",
    "Sam",
    "Tom",
    "Una",
    "Viv",
    "Wendy",
    "Yusuf",
    "Zara",
]
# syllables chosen to build names that are not real places ("Dornhaven", "Kelvmoor")
_SYL_A = [
    "Brel",
    "Calv",
    "Dorn",
    "Fesk",
    "Garv",
    "Holv",
    "Kelv",
    "Lurn",
    "Morv",
    "Penv",
    "Quen",
    "Rusk",
    "Stav",
    "Telv",
    "Varn",
    "Wenk",
    "Yarv",
    "Zell",
    "Ornt",
    "Thrun",
]
_SYL_B = [
    "ock",
    "ett",
    "ley",
    "more",
    "wick",
    "by",
    "ton",
    "ard",
    "ish",
    "low",
    "ram",
    "well",
    "stead",
    "ney",
    "ling",
    "cott",
]
_STREET = ["Close", "Road", "Street", "Crescent", "Way", "Gardens", "Terrace", "Court"]
_SCHOOL = ["Primary", "Community Primary", "Academy", "CE Primary"]
_HOSPITAL = ["General Hospital", "Royal Infirmary", "University Hospital"]
_TOWN_END = ["bridge", "ham", "field", "mouth", "ford", "haven", "moor", "dale"]


def surname(rng: random.Random) -> str:
    return rng.choice(_SYL_A) + rng.choice(_SYL_B)


def town(rng: random.Random) -> str:
    return rng.choice(_SYL_A) + rng.choice(_TOWN_END)


@dataclass
class Person:
    first: str
    last: str
    dob: date
    role: str  # "mother", "partner", "father", "child"

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    def age(self, on: date) -> float:
        return (on - self.dob).days / 365.25

    def initials(self) -> str:
        return f"{self.first[0]}{self.last[0]}"


@dataclass
class Family:
    nation: str  # "England", "Wales", "Scotland", "Northern Ireland"
    mother: Person
    partner: Person
    father: Person
    children: list[Person]
    address: str
    town: str
    school: str
    surgery: str
    hospital: str
    partner_on_probation: bool
    mother_mental_health: bool
    substance_use: bool
    workers: dict[str, list[str]] = field(default_factory=dict)  # agency key -> names

    def children_on(self, day: date) -> list[Person]:
        return [c for c in self.children if c.dob <= day]

    def under5(self, day: date) -> list[Person]:
        return [c for c in self.children_on(day) if c.age(day) < 5]

    def school_age(self, day: date) -> list[Person]:
        return [c for c in self.children_on(day) if 4.4 <= c.age(day) < 16]


_WORKER_TITLES = {
    "CSC": ["SW", "SW", "SSW", "TM"],
    "POL": ["PC", "PC", "DC", "DS"],
    "HV": ["HV", "HV", "CNN"],
    "SCH": ["DSL", "DDSL", "Class teacher", "Head"],
    "GP": ["Dr", "Dr", "Practice nurse"],
    "HOS": ["Dr", "Staff nurse", "Sister"],
    "PRO": ["OM", "PO", "PSO"],
    "HOU": ["Housing officer", "Tenancy officer"],
    "MH": ["CPN", "Dr", "Crisis worker"],
    "DAS": ["IDVA", "Outreach worker"],
    "AMB": ["Paramedic", "EMT"],
    "MW": ["MW", "Community MW"],
    "EH": ["EH worker", "Family support worker"],
    "SMS": ["Recovery worker", "Key worker"],
    "SN": ["SN", "School nurse"],
    "EY": ["Nursery manager", "Key person"],
    "VS": ["Family support worker", "Volunteer"],
    "YJ": ["YOT officer", "Case manager"],
}


def build_family(rng: random.Random, period: tuple[date, date]) -> Family:
    start, end = period
    nation = rng.choices(["England", "Wales", "Scotland", "Northern Ireland"], [6, 2, 1.5, 1])[0]
    last = surname(rng)
    mother = Person(
        rng.choice(_WOMEN), last, start - timedelta(days=rng.randint(19, 34) * 365), "mother"
    )
    father = Person(
        rng.choice(_MEN),
        surname(rng),
        mother.dob - timedelta(days=rng.randint(-700, 2500)),
        "father",
    )
    partner = Person(
        rng.choice(_MEN),
        surname(rng),
        mother.dob + timedelta(days=rng.randint(-2500, 1500)),
        "partner",
    )
    n_children = rng.choices([1, 2, 3, 4], [2, 4, 3, 1])[0]
    span = (end - start).days
    children: list[Person] = []
    names: list[str] = []
    for i in range(n_children):
        # the youngest is sometimes born during the period (midwifery and HV then join)
        if i == n_children - 1 and rng.random() < 0.45:
            dob = start + timedelta(days=rng.randint(60, max(61, span - 400)))
        else:
            dob = start - timedelta(days=rng.randint(200, 365 * 11))
        pool = _GIRLS if rng.random() < 0.5 else _BOYS
        name = rng.choice([n for n in pool if n not in names])
        names.append(name)
        children.append(Person(name, last if rng.random() < 0.7 else father.last, dob, "child"))
    children.sort(key=lambda c: c.dob)
    place = town(rng)
    fam = Family(
        nation=nation,
        mother=mother,
        partner=partner,
        father=father,
        children=children,
        address=f"{rng.randint(2, 98)} {surname(rng)} {rng.choice(_STREET)}, {place}",
        town=place,
        school=f"{surname(rng)} {rng.choice(_SCHOOL)}",
        surgery=f"{surname(rng)} {rng.choice(['Medical Centre', 'Surgery', 'Health Centre'])}",
        hospital=f"{town(rng)} {rng.choice(_HOSPITAL)}",
        partner_on_probation=rng.random() < 0.55,
        mother_mental_health=rng.random() < 0.6,
        substance_use=rng.random() < 0.5,
    )
    for key, titles in _WORKER_TITLES.items():
        fam.workers[key] = [
            f"{rng.choice(titles)} {rng.choice(_WORKER_FIRST)} {surname(rng)}"
            for _ in range(rng.randint(2, 4))
        ]
    return fam
