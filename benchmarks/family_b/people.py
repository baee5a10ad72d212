"""The invented family and the professionals around it (no real people or places).

Surnames, streets and the school are built from syllables chosen to be unlike real
names; first names are ordinary given names, paired with invented surnames."""

from __future__ import annotations

import random
from dataclasses import dataclass

_FIRST_GIRL = (
    "Kaylee",
    "Jodie",
    "Marnie",
    "Tyra",
    "Leanne",
    "Shania",
    "Roxanne",
    "Demi",
    "Carys",
    "Paige",
    "Tamsin",
    "Elin",
    "Ruby",
    "Nyla",
    "Imogen",
    "Freya",
)
_FIRST_BOY = (
    "Jayden",
    "Kieran",
    "Tyler",
    "Rhys",
    "Callum",
    "Dean",
    "Lewis",
    "Brandon",
    "Corey",
    "Ashton",
    "Reece",
    "Ellis",
    "Finn",
    "Kai",
    "Declan",
    "Owain",
)
_ADULT_M = ("Darren", "Wayne", "Lee", "Craig", "Jason", "Gary", "Shaun", "Liam", "Dale")
_STAFF = (
    "Morwen",
    "Ilsa",
    "Bryony",
    "Petra",
    "Gideon",
    "Anwen",
    "Tobias",
    "Saskia",
    "Rowan",
    "Hester",
    "Ivo",
    "Delphine",
    "Marek",
    "Orla",
    "Lorcan",
    "Yvaine",
)
_SYL_A = (
    "Quell",
    "Yarr",
    "Varn",
    "Pryll",
    "Tamsk",
    "Ulve",
    "Zenn",
    "Brisk",
    "Dovv",
    "Jessa",
    "Orrin",
    "Kelv",
    "Mabb",
    "Skarr",
    "Wenn",
    "Fross",
    "Glimm",
    "Heff",
)
_SYL_B = ("mere", "wick", "stead", "gate", "hollow", "thorpe", "lowe", "ridge", "brook")
_STREET = ("Road", "Close", "Avenue", "Crescent", "Walk", "Gardens", "Lane", "Court")


def _surname(rng: random.Random) -> str:
    return rng.choice(_SYL_A) + rng.choice(_SYL_B)


@dataclass(frozen=True)
class Family:
    surname: str
    child: str  # the child the review is about
    child_sex: str  # "f" | "m"
    sibling: str
    sibling_sex: str
    mother: str
    partner: str  # mother's partner, not the children's father
    partner_surname: str
    street: str
    town: str
    school: str
    sw: str  # allocated social worker
    hv: str
    gp: str
    om: str  # partner's offender manager
    idva: str
    chair: str  # conference chair
    dsl: str

    @property
    def address(self) -> str:
        return f"{self.street}, {self.town}"


def make_family(rng: random.Random) -> Family:
    csex, ssex = rng.choice("fm"), rng.choice("fm")
    child = rng.choice(_FIRST_GIRL if csex == "f" else _FIRST_BOY)
    sib_pool = [n for n in (_FIRST_GIRL if ssex == "f" else _FIRST_BOY) if n != child]
    staff = rng.sample(_STAFF, 8)
    staff_surnames = [_surname(rng) for _ in staff]
    names = [f"{a} {b}" for a, b in zip(staff, staff_surnames, strict=True)]
    town = rng.choice(_SYL_A) + rng.choice(_SYL_B)
    return Family(
        surname=_surname(rng),
        child=child,
        child_sex=csex,
        sibling=rng.choice(sib_pool),
        sibling_sex=ssex,
        mother=rng.choice(("Leanne", "Kerry", "Danielle", "Stacey", "Gemma", "Nicola", "Jade")),
        partner=rng.choice(_ADULT_M),
        partner_surname=_surname(rng),
        street=f"{rng.randint(2, 140)} {rng.choice(_SYL_A)}{rng.choice(_SYL_B)} "
        f"{rng.choice(_STREET)}",
        town=town,
        school=f"{rng.choice(_SYL_A)}{rng.choice(_SYL_B)} Primary",
        sw=names[0],
        hv=names[1],
        gp=f"Dr {staff_surnames[2]}",
        om=names[3],
        idva=names[4],
        chair=names[5],
        dsl=names[6],
    )
