"""The kinds of event family E knows, and which agencies take part in each.

A kind says who records the event as their own contact (`parts`: agency, probability),
who is told about it afterwards by a notification or letter (`notes`: agency,
probability, fewest and most days later) and whether it is a meeting (meetings get
reports written before them and follow-ups after them, which are events of their own).
"""

from __future__ import annotations

from dataclasses import dataclass

CSC = "Children's Social Care"
POL = "Police"
SCH = "School"
GP = "GP"
HOS = "Hospital"
HV = "Health Visiting"
AMB = "Ambulance"
MH = "Mental Health"
DAS = "Domestic Abuse Service"
HSG = "Housing"
SMS = "Substance Misuse Service"
PRB = "Probation"
YJ = "Youth Justice"
EH = "Early Help"
MW = "Midwifery"
SN = "School Nursing"
EY = "Early Years"
VS = "Voluntary Sector"

# The fixed order n_agencies takes its first agencies from (CSC and Police first).
ORDER = (CSC, POL, SCH, GP, HOS, HV, AMB, MH, DAS, HSG, SMS, PRB, YJ, EH, MW, SN, EY, VS)


@dataclass(frozen=True)
class Kind:
    name: str
    strand: str
    parts: tuple[tuple[str, float], ...]
    notes: tuple[tuple[str, float, int, int], ...] = ()
    meeting: bool = False
    timed: float = 0.3  # probability that the event has a time of day
    subject: str = "child"  # child, sibling, mother, partner
    weekday: bool = False  # only on a school day / office day
    followup: bool = False  # a meeting's follow-up or a report before it (events of their own)


def _k(name, strand, parts, notes=(), **kw) -> Kind:
    return Kind(name, strand, tuple(parts), tuple(notes), **kw)


_ALL = [
    # domestic abuse with a new partner
    _k(
        "da_incident",
        "da",
        [(POL, 1.0)],
        [
            (CSC, 0.9, 1, 5),
            (SCH, 0.75, 0, 1),
            (HV, 0.35, 2, 7),
            (GP, 0.35, 2, 7),
            (DAS, 0.45, 1, 4),
        ],
        timed=0.95,
        subject="mother",
    ),
    _k("idva_call", "da", [(DAS, 1.0)], timed=0.5, subject="mother"),
    _k("bail_check", "da", [(POL, 1.0)], [(DAS, 0.4, 0, 3), (CSC, 0.3, 1, 4)], subject="partner"),
    _k("probation_appt", "da", [(PRB, 1.0)], timed=0.4, subject="partner"),
    _k(
        "marac",
        "da",
        [(POL, 0.95), (DAS, 0.95), (CSC, 0.9), (HV, 0.5), (GP, 0.35), (HSG, 0.4), (MH, 0.35)]
        + [(SCH, 0.3), (PRB, 0.5), (HOS, 0.25)],
        meeting=True,
        timed=0.5,
        weekday=True,
        subject="mother",
    ),
    # neglect and school absence
    _k("home_visit", "neglect", [(CSC, 1.0), (EH, 0.12), (HV, 0.12)], timed=0.5),
    _k("no_access", "neglect", [(CSC, 1.0)], timed=0.6),
    _k("hv_no_access", "neglect", [(HV, 1.0)], timed=0.4),
    _k("school_concern", "neglect", [(SCH, 1.0)], timed=0.4, weekday=True),
    _k("absence_call", "neglect", [(SCH, 1.0)], timed=0.5, weekday=True),
    _k(
        "attendance_meeting",
        "neglect",
        [(SCH, 1.0), (EH, 0.6), (CSC, 0.4), (SN, 0.3)],
        meeting=True,
        weekday=True,
    ),
    _k("school_referral", "neglect", [(SCH, 1.0), (CSC, 1.0)], timed=0.4, weekday=True),
    _k("eh_session", "neglect", [(EH, 1.0)], timed=0.3),
    _k("foodbank", "neglect", [(VS, 1.0), (EH, 0.2)]),
    _k("gp_appt", "neglect", [(GP, 1.0)], timed=0.6),
    _k("sn_contact", "neglect", [(SN, 1.0), (SCH, 0.3)], weekday=True),
    # an infant's unexplained injury
    _k("antenatal", "infant", [(MW, 1.0), (HV, 0.15)], subject="mother", timed=0.4),
    _k("new_birth_visit", "infant", [(HV, 1.0)], [(GP, 0.3, 1, 6)], subject="sibling"),
    _k("hv_review", "infant", [(HV, 1.0)], timed=0.3, subject="sibling"),
    _k("ey_session", "infant", [(EY, 1.0)], weekday=True),
    _k(
        "injury_episode",
        "infant",
        [(HOS, 1.0), (AMB, 0.75)],
        [(GP, 0.85, 1, 5), (HV, 0.6, 2, 7), (SCH, 0.25, 1, 4)],
        timed=1.0,
        subject="sibling",
    ),
    _k("hospital_referral", "infant", [(HOS, 1.0), (CSC, 1.0)], timed=0.6, subject="sibling"),
    _k(
        "strategy",
        "infant",
        [(CSC, 1.0), (POL, 0.95), (HOS, 0.5), (HV, 0.5), (GP, 0.4), (SCH, 0.4)],
        meeting=True,
        timed=0.6,
    ),
    _k("s47_visit", "infant", [(CSC, 1.0), (POL, 0.7)], timed=0.6),
    _k("cp_medical", "infant", [(HOS, 1.0), (CSC, 0.6)], timed=0.6, subject="sibling"),
    # statutory meetings (any strand)
    _k(
        "icpc",
        "cp",
        [(CSC, 1.0), (POL, 0.8), (SCH, 0.8), (GP, 0.45), (HV, 0.7), (HOS, 0.25), (MH, 0.5)]
        + [(DAS, 0.4), (EH, 0.4), (SMS, 0.4), (HSG, 0.2), (PRB, 0.3), (YJ, 0.3), (EY, 0.3)],
        meeting=True,
        timed=0.5,
        weekday=True,
    ),
    _k(
        "core_group",
        "cp",
        [(CSC, 1.0), (SCH, 0.8), (HV, 0.6), (EH, 0.5), (MH, 0.3), (SMS, 0.3), (DAS, 0.3)]
        + [(GP, 0.1), (EY, 0.3), (SN, 0.2)],
        meeting=True,
        timed=0.4,
        weekday=True,
    ),
    _k(
        "rcpc",
        "cp",
        [(CSC, 1.0), (POL, 0.6), (SCH, 0.8), (GP, 0.35), (HV, 0.6), (MH, 0.4), (DAS, 0.3)]
        + [(EH, 0.3), (SMS, 0.3), (PRB, 0.2), (YJ, 0.2), (EY, 0.2)],
        meeting=True,
        timed=0.5,
        weekday=True,
    ),
    _k(
        "cin_meeting",
        "cp",
        [(CSC, 1.0), (SCH, 0.7), (HV, 0.4), (EH, 0.5), (GP, 0.1), (YJ, 0.2)],
        meeting=True,
        weekday=True,
    ),
    _k("closure_letter", "cp", [(CSC, 1.0)], [(GP, 0.5, 1, 6), (SCH, 0.4, 1, 5)], weekday=True),
    # parental mental health and substance misuse
    _k("cmht_appt", "mh", [(MH, 1.0)], timed=0.5, subject="mother"),
    _k("gp_mum", "mh", [(GP, 1.0)], timed=0.6, subject="mother"),
    _k("sms_appt", "mh", [(SMS, 1.0)], timed=0.5, subject="mother"),
    _k(
        "overdose_episode",
        "mh",
        [(HOS, 1.0), (AMB, 0.9), (POL, 0.25)],
        [(GP, 0.85, 1, 5), (MH, 0.6, 1, 4), (CSC, 0.5, 1, 5)],
        timed=1.0,
        subject="mother",
    ),
    _k(
        "welfare_check",
        "mh",
        [(POL, 1.0)],
        [(CSC, 0.6, 1, 4), (MH, 0.3, 1, 5)],
        timed=0.9,
        subject="mother",
    ),
    _k("prof_call_mh", "mh", [(MH, 1.0), (CSC, 1.0)], timed=0.5, weekday=True, subject="mother"),
    # adolescent exploitation and missing episodes
    _k(
        "missing",
        "exploit",
        [(POL, 1.0)],
        [(CSC, 0.8, 1, 3), (SCH, 0.3, 1, 3), (YJ, 0.3, 1, 4)],
        timed=1.0,
    ),
    _k("rhi", "exploit", [(VS, 0.7), (CSC, 0.6), (EH, 0.3)], timed=0.3),
    _k(
        "exploitation_meeting",
        "exploit",
        [(CSC, 1.0), (POL, 0.9), (SCH, 0.6), (YJ, 0.6), (MH, 0.4), (VS, 0.4), (HSG, 0.1)],
        meeting=True,
        weekday=True,
    ),
    _k(
        "exclusion",
        "exploit",
        [(SCH, 1.0)],
        [(CSC, 0.5, 1, 5), (YJ, 0.4, 1, 5), (EH, 0.3, 1, 6)],
        weekday=True,
    ),
    _k("yj_session", "exploit", [(YJ, 1.0)], timed=0.4),
    _k("camhs_appt", "exploit", [(MH, 1.0)], timed=0.5),
    _k(
        "intox_episode",
        "exploit",
        [(HOS, 1.0), (AMB, 0.8), (POL, 0.2)],
        [(GP, 0.8, 1, 5), (CSC, 0.5, 1, 4), (SCH, 0.2, 1, 4)],
        timed=1.0,
    ),
    _k("stop_check", "exploit", [(POL, 1.0)], [(CSC, 0.5, 1, 3)], timed=0.9),
    # house moves across authorities
    _k("housing_visit", "move", [(HSG, 1.0), (CSC, 0.2)], timed=0.3),
    _k("eviction_letter", "move", [(HSG, 1.0)], [(CSC, 0.6, 1, 6), (SCH, 0.2, 2, 7)]),
    _k("homeless_app", "move", [(HSG, 1.0), (CSC, 0.3)], timed=0.3, weekday=True),
    _k(
        "transfer_in",
        "move",
        [(CSC, 1.0), (SCH, 0.5), (HV, 0.4), (HSG, 0.3)],
        meeting=True,
        weekday=True,
    ),
    _k("school_move", "move", [(SCH, 1.0)], [(CSC, 0.5, 1, 5), (EH, 0.2, 1, 5)], weekday=True),
    _k("gp_registration", "move", [(GP, 1.0)], [(HV, 0.5, 2, 7)]),
    # calls between two professionals and single-agency notes (busy days)
    _k("prof_call", "any", [], timed=0.6, weekday=True),
    _k("note", "any", [], timed=0.2),
    # a meeting's reports and follow-ups
    _k("report", "followup", [], followup=True, weekday=True),
    _k("minutes", "followup", [], followup=True, weekday=True),
    _k("outcome_letter", "followup", [], followup=True, weekday=True),
    _k("minutes_chased", "followup", [], followup=True, weekday=True),
]

KINDS: dict[str, Kind] = {k.name: k for k in _ALL}

# Kinds a strand's episodes are drawn from, with weights (set once by judgement).
STRAND_KINDS: dict[str, tuple[tuple[str, int], ...]] = {
    "da": (("da_incident", 6), ("idva_call", 4), ("bail_check", 2), ("probation_appt", 2)),
    "neglect": (
        ("home_visit", 6),
        ("no_access", 2),
        ("hv_no_access", 1),
        ("school_concern", 4),
        ("absence_call", 4),
        ("school_referral", 1),
        ("eh_session", 3),
        ("foodbank", 1),
        ("gp_appt", 3),
        ("sn_contact", 1),
    ),
    "infant": (
        ("antenatal", 1),
        ("new_birth_visit", 1),
        ("hv_review", 4),
        ("ey_session", 2),
        ("s47_visit", 1),
        ("gp_appt", 2),
    ),
    "mh": (
        ("cmht_appt", 4),
        ("gp_mum", 3),
        ("sms_appt", 3),
        ("welfare_check", 2),
        ("prof_call_mh", 2),
    ),
    "exploit": (
        ("missing", 5),
        ("yj_session", 3),
        ("camhs_appt", 3),
        ("stop_check", 2),
        ("exclusion", 1),
    ),
    "move": (
        ("housing_visit", 3),
        ("eviction_letter", 1),
        ("homeless_app", 1),
        ("school_move", 1),
        ("gp_registration", 1),
    ),
}

STRANDS = ("neglect", "exploit", "infant", "mh", "da", "move")
