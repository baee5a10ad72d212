"""How each agency names people, meetings and other agencies, in each UK nation."""

from __future__ import annotations

import random

from .agencies import (
    AMB,
    CSC,
    DAS,
    EH,
    EY,
    GP,
    HEALTH,
    HOS,
    HOU,
    HV,
    MH,
    MW,
    POL,
    PRO,
    SCH,
    SMS,
    SN,
    VS,
    YJ,
)
from .people import Family, Person

NATIONS = ("England",) * 6 + ("Wales",) * 2 + ("Scotland", "Northern Ireland")

# Practice words that differ by nation (England's first; the others replace them).
TERMS = {
    "England": {
        "strategy": ("strategy discussion", "strat", "strategy meeting"),
        "icpc": ("ICPC", "initial child protection conference", "initial CP conference"),
        "rcpc": ("RCPC", "review child protection conference", "review conference"),
        "cin_meeting": ("CIN meeting", "child in need review", "CIN review"),
        "plan": ("child protection plan", "CP plan", "CPP"),
        "cin": ("child in need plan", "CIN plan", "s17 plan"),
        "front": ("MASH", "the front door", "MASH"),
        "police": ("police", "Police", "PPU"),
        "ppn": ("PPN", "police protection notice", "DA notification"),
        "dsl": ("DSL", "DSL", "DDSL"),
        "ambulance": ("ambulance", "999 crew", "paramedics"),
        "csc": ("CSC", "children's services", "social care"),
    },
    "Wales": {
        "icpc": ("ICPC", "initial child protection conference", "initial conference"),
        "cin_meeting": ("care and support plan review", "C&S plan review", "CASP review"),
        "cin": ("care and support plan", "C&S plan", "CASP"),
        "front": ("IAA", "the IAA team", "IAA"),
        "dsl": ("DSP", "designated safeguarding person", "DSP"),
        "ambulance": ("WAST crew", "ambulance", "paramedics"),
    },
    "Scotland": {
        "strategy": ("IRD", "inter-agency referral discussion", "IRD"),
        "icpc": ("CPPM", "child protection planning meeting", "initial CPPM"),
        "rcpc": ("review CPPM", "review child protection planning meeting", "RCPPM"),
        "cin_meeting": ("Child's Plan meeting", "child's plan review", "CP meeting"),
        "plan": ("child protection plan", "CP register", "child protection register"),
        "cin": ("Child's Plan", "child's plan", "GIRFEC plan"),
        "front": ("duty social work", "the duty team", "SW duty"),
        "police": ("Police Scotland", "police", "PS"),
        "ppn": ("concern report", "police concern report", "VPD report"),
        "dsl": ("CP coordinator", "child protection co-ordinator", "CPC"),
        "ambulance": ("SAS crew", "ambulance", "paramedics"),
        "csc": ("social work", "SW services", "children and families SW"),
    },
    "Northern Ireland": {
        "icpc": ("ICPCC", "initial child protection case conference", "initial case conference"),
        "rcpc": ("RCPCC", "review case conference", "review CPCC"),
        "cin_meeting": ("family support review", "LAC/CIN review", "UNOCINI review"),
        "plan": ("child protection plan", "CP register", "child protection register"),
        "cin": ("family support plan", "UNOCINI plan", "family support plan"),
        "front": ("Gateway", "Gateway team", "Gateway"),
        "police": ("PSNI", "police", "PSNI"),
        "ppn": ("PSNI referral", "police referral", "PSNI notification"),
        "dsl": ("designated teacher", "DT for CP", "deputy DT"),
        "ambulance": ("NIAS crew", "ambulance", "paramedics"),
        "csc": ("Trust social services", "FIT", "social services"),
    },
}


def term(nation: str, key: str, rng: random.Random) -> str:
    forms = TERMS[nation].get(key) or TERMS["England"][key]
    return rng.choice(forms)


# How agency X names agency Y in its text.
AGENCY_WORDS = {
    CSC: ("CSC", "social care", "children's services", "SW", "the social worker"),
    POL: ("police", "Police", "PPU", "PC"),
    SCH: ("school", "School", "the DSL", "school DSL"),
    GP: ("GP", "the GP", "surgery", "GP practice"),
    HOS: ("hospital", "ED", "the hospital", "paediatrics"),
    HV: ("HV", "health visitor", "health visiting", "0-19 team"),
    AMB: ("ambulance", "paramedics", "ambulance service"),
    MH: ("CAMHS/AMHS", "mental health", "CMHT", "the CPN"),
    DAS: ("IDVA", "DA service", "the IDVA", "outreach"),
    HOU: ("housing", "Housing", "housing officer"),
    SMS: ("substance misuse service", "drug and alcohol service", "recovery worker"),
    PRO: ("probation", "the OM", "Probation"),
    SN: ("school nurse", "SN", "school nursing"),
    EH: ("early help", "EH worker", "the early help team"),
    EY: ("nursery", "the nursery", "EY setting"),
    YJ: ("YJS", "youth justice", "the YOT worker"),
    MW: ("midwife", "community midwife", "midwifery"),
    VS: ("family support project", "the charity worker", "family support"),
}

# Whom a practitioner talks a worry through with before acting.
LEADS = {
    SCH: ("{dsl}", "the head", "{dsl}"),
    CSC: ("the team manager", "TM", "the senior SW"),
    POL: ("the sergeant", "PPU", "the DS"),
    HOU: ("the team leader", "line manager"),
    DAS: ("the senior IDVA", "line manager"),
}
HEALTH_LEADS = ("the named nurse", "the safeguarding lead", "the safeguarding team")


def agency_word(agency: str, rng: random.Random) -> str:
    return rng.choice(AGENCY_WORDS.get(agency, (agency.lower(), agency)))


def person_ref(p: Person, agency: str, rng: random.Random, fam: Family) -> str:
    """The person as this agency writes them: Police capitalise surnames, health says Mum."""
    x = rng.random()
    if agency == POL:
        tag = {"mother": "IP", "partner": "SUSPECT", "father": "SUSPECT"}.get(p.role, "")
        name = f"{p.first} {p.last.upper()}"
        if x < 0.5:
            return f"{tag} {name}".strip()
        return name if x < 0.8 else f"{name} (b. {p.born})"
    if p.role == "mother":
        if agency in HEALTH and agency not in (MH,):
            return rng.choice(("Mum", "mum", "mother", "Mum", f"{p.first}"))
        if agency == DAS:
            return rng.choice(("client", p.first, "the client", "service user"))
        if agency == SMS and x < 0.6:
            return rng.choice(("SU", p.first, "client"))
        if agency == MH:
            return rng.choice(("pt", p.first, "patient", f"Ms {p.last}"))
        return rng.choice(("Mother", "mum", p.first, f"{p.first} (mother)", f"Ms {p.last}"))
    if p.role in ("partner", "father"):
        title = "Mr " + p.last
        if agency == PRO:
            return rng.choice(("PoP", title, p.first, "Mr " + p.last))
        if agency == DAS:
            return rng.choice(("alleged perpetrator", "perp", p.first, title))
        if p.role == "father":
            return rng.choice(("Father", "dad", title, f"{p.first} (father)"))
        return rng.choice(
            ("mother's partner", title, f"{p.first} (mum's partner)", "partner", p.first)
        )
    if agency in (GP, HOS, AMB) and x < 0.4:
        return rng.choice(("pt", "child", "the child", p.first))
    if agency == HV and x < 0.3:
        return rng.choice(("baby", "child", p.first))
    if agency == CSC and x < 0.15:
        return p.initials
    if agency in (SCH, SN) and x < 0.2:
        return f"{p.first} {p.last[0]}"
    return p.first


def subject_person(fam: Family, subject: str, v: int) -> Person:
    if subject == "sibling" and fam.siblings:
        return fam.siblings[v % len(fam.siblings)]
    return {
        "mother": fam.mother,
        "partner": fam.partner,
        "father": fam.father,
    }.get(subject, fam.child)


class Slots(dict):
    """The words a template may name, each drawn on first use for one row."""

    def __init__(self, rng, fam, agency, nation, ev, extra):
        super().__init__(extra)
        self.rng, self.fam, self.agency, self.nation, self.ev = rng, fam, agency, nation, ev

    def __missing__(self, key: str) -> str:
        rng, fam, ag = self.rng, self.fam, self.agency
        subj = subject_person(fam, self.ev.subject, self.ev.facts["w"])
        man = fam.partner if self.ev.facts["v"] % 3 else fam.father
        value = {
            "c": lambda: person_ref(fam.child, ag, rng, fam),
            "C": lambda: (
                fam.child.full if ag != POL else f"{fam.child.first} {fam.child.last.upper()}"
            ),
            "s": lambda: person_ref(subj, ag, rng, fam),
            "m": lambda: person_ref(fam.mother, ag, rng, fam),
            "p": lambda: person_ref(man, ag, rng, fam),
            "sib": lambda: person_ref(fam.siblings[0] if fam.siblings else fam.child, ag, rng, fam),
            "kids": lambda: "the children" if fam.siblings else person_ref(fam.child, ag, rng, fam),
            "gm": lambda: rng.choice(("maternal grandmother", "MGM", "nan", fam.grandmother.first)),
            "home": lambda: rng.choice((fam.home, "the home address", "the family home", "home")),
            "school": lambda: rng.choice((fam.school, "school")),
            "hosp": lambda: rng.choice((fam.hospital, "ED", "A&E", "hospital")),
            "surgery": lambda: fam.surgery,
            "front": lambda: term(self.nation, "front", rng),
            "police": lambda: term(self.nation, "police", rng),
            "csc": lambda: term(self.nation, "csc", rng),
            "ppn": lambda: term(self.nation, "ppn", rng),
            "dsl": lambda: term(self.nation, "dsl", rng),
            "plan": lambda: term(self.nation, "plan", rng),
            "cin": lambda: term(self.nation, "cin", rng),
            "amb": lambda: term(self.nation, "ambulance", rng),
            "strat": lambda: term(self.nation, "strategy", rng),
            "lead": lambda: rng.choice(
                LEADS.get(ag) or (HEALTH_LEADS if ag in HEALTH else ("my manager", "line manager"))
            ),
        }.get(key)
        if value is None:
            raise KeyError(key)
        out = value()
        self[key] = out  # one name per row: a row does not call mum three things
        return out


# Agencies whose staff write tersely whatever the house style.
TERSE = {GP: 0.6, AMB: 0.7, HOS: 0.5, POL: 0.4, SMS: 0.3, HOU: 0.3, MW: 0.4, SN: 0.3, HV: 0.2}
