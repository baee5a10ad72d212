"""Fictional people and places for family E, built from invented syllables.

Nothing here is a real person, school, surgery or town: every name is glued together
from the syllable lists below, which were made up for this family.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_FIRST_A = ("Ka", "Mi", "Lo", "Ta", "Re", "Jo", "Bri", "Ze", "Ar", "Ny", "Sa", "Eo", "Vi", "Ru")
_FIRST_B = ("ven", "lia", "rin", "sto", "mae", "dor", "lan", "issa", "rey", "ko", "bel", "nth")
_SUR_A = ("Quen", "Dras", "Vell", "Orm", "Tull", "Bresk", "Yarn", "Fenn", "Cobb", "Mirr", "Hask")
_SUR_B = ("ow", "ick", "andy", "ersh", "ullen", "ayne", "iter", "opp", "amere", "isk")
_PLACE_A = ("Vess", "Orlin", "Quarm", "Dunsk", "Pellow", "Skarn", "Thrave", "Ulver", "Brisk")
_PLACE_B = ("moor", "gate", "holm", "wick", "ey", "stow", "ridge", "mouth", "fold")
_STREET = ("Road", "Close", "Way", "Street", "Crescent", "Lane", "Gardens", "Walk")


def _first(rng: random.Random) -> str:
    return rng.choice(_FIRST_A) + rng.choice(_FIRST_B)


def _surname(rng: random.Random) -> str:
    return rng.choice(_SUR_A) + rng.choice(_SUR_B)


def _place(rng: random.Random) -> str:
    return rng.choice(_PLACE_A) + rng.choice(_PLACE_B)


@dataclass(frozen=True)
class Family:
    """The child, the household and the professionals around them (all invented)."""

    child: str  # first name
    surname: str
    sibling: str
    mother: str
    partner: str  # mother's new partner, first name
    partner_surname: str
    town: str  # the first authority's town
    town2: str  # the town they move to (house moves across authorities)
    address: str
    address2: str
    school: str
    surgery: str
    sw: str  # social worker's surname
    sw2: str  # the second social worker, after a transfer
    hv: str
    gp: str
    dsl: str
    pc: str
    cpn: str
    idva: str
    nurse: str
    nation: str = "england"  # england, wales, scotland, ni: the words practice uses there


def make_family(rng: random.Random) -> Family:
    surname = _surname(rng)
    partner_surname = _surname(rng)
    while partner_surname == surname:
        partner_surname = _surname(rng)
    firsts: list[str] = []
    while len(firsts) < 4:  # child, sibling, mother, partner: four different first names
        name = _first(rng)
        if name not in firsts:
            firsts.append(name)
    child, sibling, mother, partner = firsts
    town, town2 = _place(rng), _place(rng)
    while town2 == town:
        town2 = _place(rng)
    street = f"{rng.randint(2, 140)} {_surname(rng)} {rng.choice(_STREET)}"
    street2 = f"Flat {rng.randint(1, 30)}, {_surname(rng)} House"
    return Family(
        child=child,
        surname=surname,
        sibling=sibling,
        mother=mother,
        partner=partner,
        partner_surname=partner_surname,
        town=town,
        town2=town2,
        address=f"{street}, {town}",
        address2=f"{street2}, {town2}",
        school=f"{_place(rng)} {rng.choice(('Primary', 'Academy', 'Community School'))}",
        surgery=f"{_surname(rng)} {rng.choice(('Health Centre', 'Surgery', 'Medical Practice'))}",
        sw=_surname(rng),
        sw2=_surname(rng),
        hv=_surname(rng),
        gp=_surname(rng),
        dsl=_surname(rng),
        pc=_surname(rng),
        cpn=_surname(rng),
        idva=_surname(rng),
        nurse=_surname(rng),
        nation=rng.choices(("england", "wales", "scotland", "ni"), (6, 2, 1, 1))[0],
    )
