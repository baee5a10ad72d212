"""Labelled generator of realistic multi-agency chronologies (fictional) for the matcher.

Each real-world event is written by one or more of ten agencies in their own words,
abbreviations and habits: recording offsets of 0-3 days, partial dates (month, week
commencing), typos, times for police and hospital, notifications days later (PPN,
Operation Encompass, ED liaison, referral received) often quoting the event's date in
the text. Hard negatives are built in: weekly visits in identical words, monthly core
groups, repeated domestic-abuse call-outs, different events on the same day.

    records, truth = generate(n_events=300, seed=7)   # truth: record_id -> event id
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.records import DateInterval, Provenance, SourceRecord, stable_record_id  # noqa: E402

CSC, POL, HV, GP, HOSP, SCH, HOU, PROB, CAMHS, AMB = (
    "Children's Social Care",
    "Police",
    "Health Visiting",
    "GP",
    "Hospital",
    "School",
    "Housing",
    "Probation",
    "CAMHS",
    "Ambulance",
)
AGENCIES = [CSC, POL, HV, GP, HOSP, SCH, HOU, PROB, CAMHS, AMB]

# How late each agency tends to record (days, weights) and how often it writes partial dates.
OFFSETS = {
    CSC: ([0, 1, 2, 3], [60, 25, 10, 5]),
    POL: ([0, 1], [90, 10]),
    HV: ([0, 1, 2, 3], [65, 20, 10, 5]),
    GP: ([0, 1, 2], [80, 15, 5]),
    HOSP: ([0], [100]),
    SCH: ([0, 1, 2], [75, 20, 5]),
    HOU: ([0, 1, 2, 3], [50, 25, 15, 10]),
    PROB: ([0, 1, 2, 3], [60, 20, 15, 5]),
    CAMHS: ([0, 1, 2], [70, 20, 10]),
    AMB: ([0], [100]),
}
PARTIAL = {HOU: 0.15, CAMHS: 0.08, PROB: 0.06, HV: 0.05, SCH: 0.04, CSC: 0.03}
TIMED = {POL: 0.9, AMB: 0.95, HOSP: 0.85, CSC: 0.1, GP: 0.2}

INJURIES = [
    "head injury",
    "burn to hand",
    "bruising to arm",
    "fracture to wrist",
    "cut to forehead",
    "suspected ingestion of tablets",
    "scald to leg",
]
HEALTH_TOPICS = [
    "weight loss",
    "mother's low mood",
    "missed immunisations",
    "poor home conditions",
    "nappy rash and hygiene",
    "faltering growth",
    "speech delay",
]
SCHOOL_TOPICS = [
    "attendance",
    "child arriving hungry",
    "behaviour in class",
    "a disclosure about home",
    "unexplained bruise",
]
CATEGORIES = ["neglect", "emotional abuse", "physical abuse"]

# Texts of single-agency routine entries: identical wording across a series is the point.
ROUTINE = {
    CSC: [
        "Home visit - children seen",
        "Statutory visit, children seen alone",
        "Home visit. Mother and children present, home conditions poor",
        "Unannounced visit - no answer",
        "Supervision with TM, case discussed",
        "Case transferred to CIN team",
        "Letter sent to mother re plan",
        "Direct work session with child at school",
        "Assessment completed - NFA",
    ],
    POL: [
        "Missing episode reported, child located",
        "Concern for welfare call, words of advice",
        "Anti-social behaviour report at address",
        "Mother reported theft of phone",
    ],
    HV: [
        "Home visit. Baby weighed, mother low in mood",
        "HV home visit - weight on 9th centile",
        "Clinic attendance, baby weighed",
        "Home visit - no access",
        "EPDS completed, score 14",
        "8 week check - no concerns noted",
    ],
    GP: [
        "Seen in surgery with cough",
        "Child WNB for immunisations",
        "Mother seen re low mood, sertraline started",
        "Repeat prescription issued",
        "Appt - eczema review",
        "Child DNA appt",
    ],
    HOSP: ["Outpatient clinic appointment attended", "Child WNB to paediatric clinic"],
    SCH: [
        "Late to school, no uniform",
        "Attendance concerns - 82%",
        "Child absent, no reason given",
        "Mother spoken to at gate re lateness",
        "Fixed term exclusion 1 day",
    ],
    HOU: [
        "Rent arrears letter sent",
        "Housing officer visit re disrepair",
        "Notice seeking possession served",
        "Tenancy visit - property in poor condition",
    ],
    PROB: [
        "Supervision appointment attended",
        "PoP failed to attend supervision",
        "Supervision - discussed relationship with partner",
        "Home visit by OM",
    ],
    CAMHS: [
        "CAMHS appointment - mother DNA",
        "CAMHS assessment appt attended",
        "Letter sent offering CAMHS appointment",
    ],
    AMB: ["999 call - mother with chest pain, conveyed", "Ambulance called, no conveyance needed"],
}
# Series: an agency repeating the same entry at a fixed interval (weekly visits etc).
SERIES = [
    (CSC, "Home visit - children seen", 7),
    (CSC, "Statutory visit, children seen alone", 14),
    (HV, "Home visit. Baby weighed, mother low in mood", 7),
    (HV, "Clinic attendance, baby weighed", 14),
    (PROB, "Supervision appointment attended", 7),
    (GP, "Child WNB for immunisations", 28),
    (SCH, "Attendance concerns - 82%", 7),
]


# event id -> kind of the last generate() call (for looking at errors by kind)
EVENT_KINDS: dict[str, str] = {}


@dataclass
class Draft:
    agency: str
    text: str
    at: time | None = None
    lag: int = 0  # notification: days after the event (already in `day`)
    ref: date | None = None  # the earlier event a follow-up names as {d} (else its own)
    outcome: str = ""


def _fmt_text_date(rng: random.Random, d: date) -> str:
    style = rng.randrange(6)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d.day, "th")
    if style == 0:
        return f"{d.day}{suffix} {d.strftime('%B')}"
    if style == 1:
        return f"{d.day}/{d.month}"
    if style == 2:
        return d.strftime("%d/%m/%Y")
    if style == 3:
        return f"{d.day} {d.strftime('%b')}"
    if style == 5:
        return d.strftime("%d/%m/%y")
    return d.strftime("%d.%m.%y")


def _typo(rng: random.Random, text: str) -> str:
    words = text.split()
    idx = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]
    if not idx:
        return text
    i = rng.choice(idx)
    w = list(words[i])
    k = rng.randrange(1, len(w) - 1)
    op = rng.randrange(3)
    if op == 0:
        w[k], w[k + 1 if k + 1 < len(w) else k - 1] = w[k + 1 if k + 1 < len(w) else k - 1], w[k]
    elif op == 1:
        del w[k]
    else:
        w.insert(k, w[k])
    words[i] = "".join(w)
    return " ".join(words)


def _clock(rng: random.Random, lo: int = 0, hi: int = 24) -> time:
    return time(rng.randrange(lo, hi), rng.choice([0, 5, 10, 15, 20, 30, 35, 40, 45, 50]))


# Fictional families: each case has its own names, which every agency uses freely.
CHILDREN = ["Kayden", "Lola-Mae", "Riley", "Amelia-Rose", "Tommy", "Skye", "Ellis", "Poppy"]
MOTHERS = ["Shannon", "Kirsty", "Leanne", "Danielle", "Chelsea", "Toni"]
PARTNERS = ["Dean", "Jordan", "Lee", "Kyle", "Ashley", "Craig"]
SURNAMES = ["HOLROYD", "MCBRIDE", "TANSLEY", "OKAFOR", "BRIERLEY", "STANSFIELD"]

# Outcome/plan cells: generic phrases that recur across unrelated entries.
OUTCOMES = {
    CSC: ["Noted on file.", "SW to discuss with mother.", "Management oversight added.", "NFA."],
    POL: ["Words of advice given.", "Crime recorded.", "Logged.", "NFA."],
    HV: [
        "HV to visit in 2/52.",
        "Continue Universal Partnership Plus.",
        "Discuss at next contact.",
    ],
    GP: ["Filed.", "Coded.", "Review 4/52.", "Sent to HV."],
    HOSP: ["Discharged home.", "Safeguarding form completed.", "Obs 4 hrs, discharged."],
    SCH: ["Logged.", "DSL informed.", "Continue weekly check-ins.", "Logged on CPOMS."],
    HOU: ["Letter sent.", "Logged.", "Officer to follow up."],
    PROB: ["Recorded on nDelius.", "Risk reviewed."],
    CAMHS: ["Letter to GP.", "Added to waiting list."],
    AMB: ["Conveyed.", "Not conveyed."],
}
# Narrative entries: sentences of context an author adds after the entry's lead. Many
# name other kinds of event (an earlier incident, the next core group, a GP appointment):
# words in common that are not evidence of one event.
CONTEXT = [
    "History of DA incidents noted.",
    "Previous ED attendance discussed with mum.",
    "Core group due next month.",
    "Strategy discussion last month noted on file.",
    "Mum reports the children are sleeping better.",
    "Home conditions cluttered but adequate.",
    "Safety plan reviewed with mum.",
    "Child presented as happy and chatty.",
    "School attendance 91% this term.",
    "Partner not present.",
    "Mum has an appointment with the GP next week.",
    "Plan: continue weekly visits.",
    "Advised mum re safe sleeping.",
    "Concerns re cannabis use in the home noted.",
    "No injuries observed.",
    "Police involvement previously noted.",
    "Referral to early help to be considered.",
    "Mum says she has been feeling low since the last incident.",
    "Housing arrears discussed, mum to contact the landlord.",
    "Child not brought to last clinic appointment.",
    "Will update the social worker by telephone.",
    "CP plan remains in place.",
]
# Shorthand habits: whole words an author may abbreviate.
SHORTHAND = {
    "meeting": ["mtg"],
    "attended": ["att'd", "att"],
    "mother": ["mum", "M"],
    "social worker": ["SW"],
    "telephone": ["tel"],
    "discussed": ["disc"],
    "children": ["chn", "kids"],
    "police": ["pol"],
    "health visitor": ["HV"],
    "received": ["rec'd", "recd"],
    "incident": ["inc"],
}
# First-person openings some practitioners use.
FIRST_PERSON = {
    "Attended": ["I attended", "Writer attended", "HV attended"],
    "Home visit": ["I visited the home", "Visited home"],
    "Spoke to": ["I spoke to"],
    "Call from": ["I took a call from"],
}


def _voice(rng: random.Random, ag: str, text: str) -> str:
    """Per-author habits: first person, shorthand, names instead of roles."""
    if ag in (CSC, HV, SCH, PROB) and rng.random() < 0.2:
        for k, vs in FIRST_PERSON.items():
            if text.startswith(k):
                text = rng.choice(vs) + text[len(k) :]
                break
    if rng.random() < 0.25:
        for k, vs in SHORTHAND.items():
            if k in text and rng.random() < 0.6:
                text = text.replace(k, rng.choice(vs))
    return text


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.child = rng.choice(CHILDREN)
        self.mum = rng.choice(MOTHERS)
        self.partner = rng.choice(PARTNERS)
        self.surname = rng.choice(SURNAMES)
        self.crime_refs: dict[date, str] = {}  # incident date -> police reference

    def names(self, text: str) -> str:
        return (
            text.replace("{child}", self.child)
            .replace("{mum}", self.mum)
            .replace("{partner}", self.partner)
            .replace("{MUM}", f"{self.mum} {self.surname}")
            .replace("{PARTNER}", f"{self.partner} {self.surname}")
        )

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def notice_date(self, rng: random.Random, d: date, lag: int) -> str:
        if lag == 1 and rng.random() < 0.3:
            return "yesterday"
        return _fmt_text_date(rng, d)

    # --- multi-agency events: list of Draft (one per agency voice) -------------------------
    def strategy(self, d: date) -> list[Draft]:
        r = self.rng
        health = r.choice([HV, GP, HOSP])
        out = [
            Draft(
                CSC,
                self.pick(
                    [
                        "Strategy meeting - S47 enquiry agreed",
                        "Strategy discussion held with police and health, s.47 to be initiated",
                        "Strat disc - threshold met for section 47",
                        "Strategy meeting held. Agreed single agency s47 by CSC",
                        "Strategy discussion: agreed s47 enquiries, ICPC to be convened",
                    ]
                ),
            ),
            Draft(
                POL,
                self.pick(
                    [
                        "Strategy discussion held, police and CSC agreed s47",
                        "Strategy meeting attended by DS. Joint s47 agreed",
                        "Attended strat discussion with CSC re Child A",
                        "Strat disc - police to lead joint investigation",
                    ]
                ),
                at=_clock(r, 9, 17),
            ),
            Draft(
                health,
                self.pick(
                    [
                        "Attended strat disc re Child",
                        "Strategy discussion - health information shared",
                        "Participated in strategy meeting by phone",
                        "Contributed to strategy discussion, s47 agreed",
                    ]
                ),
            ),
        ]
        if r.random() < 0.3:
            out.append(
                Draft(
                    SCH,
                    self.pick(
                        [
                            "DSL attended strategy meeting",
                            "Strategy discussion - school info shared",
                        ]
                    ),
                )
            )
        return out

    def conference(self, d: date, review: bool, early: bool = False) -> list[Draft]:
        r = self.rng
        cat = r.choice(CATEGORIES)
        if review:
            csc = [
                f"RCPC held - CP plan to continue under {cat}",
                f"Review child protection conference: remain on CPP ({cat})",
                "RCPC - child removed from CP plan, step down to CIN",
            ]
            other = [
                "Attended RCPC",
                "RCPC - report submitted",
                "Review conference attended, plan continues",
                "Report sent to RCPC",
            ]
        else:
            csc = [
                f"ICPC held - child made subject to CP plan under category of {cat}",
                f"Initial child protection conference: CPP ({cat})",
                f"ICPC - children subject to child protection plans, {cat}",
            ]
            other = [
                "Attended ICPC, child placed on CP plan",
                "ICPC - report submitted, CPP agreed",
                f"Attended initial CP conference. Child subject to CPP - {cat}",
                "GP report sent to ICPC",
                "Initial conference attended, CP plan agreed",
            ]
        out = [Draft(CSC, self.pick(csc))]
        for ag in r.sample([POL, HV, GP, SCH, HOU, PROB], r.randint(1, 4)):
            own = [t for t in other if ("GP" in t) == (ag == GP) or "GP" not in t]
            out.append(Draft(ag, self.pick(own)))
        if early:
            # reports written for the conference, dated days before it: part of it
            name = "RCPC" if review else "ICPC"
            for dr in out[1:]:
                if r.random() < EARLY_REPORT:
                    dr.text = self.pick(
                        [f"Report for {name} completed and sent", f"{name} report submitted"]
                    )
                    dr.lag = -r.randint(1, 7)
        return out

    def core_group(self, d: date) -> list[Draft]:
        r = self.rng
        out = [
            Draft(
                CSC,
                self.pick(
                    [
                        "Core group meeting held",
                        "Core group. Plan reviewed",
                        "CG mtg - actions reviewed",
                        "Core group 3. Attended: mother, SW, HV, DSL, housing. Plan progressing",
                    ]
                ),
            )
        ]
        for ag in r.sample([HV, SCH, HOU, GP], r.randint(1, 3)):
            out.append(
                Draft(
                    ag,
                    self.pick(
                        [
                            "Core group.",
                            "Attended core group meeting",
                            "Core group meeting - plan progressing",
                            "Attended CG",
                        ]
                    ),
                )
            )
        return out

    def cin_meeting(self, d: date, recent: date | None = None) -> list[Draft]:
        r = self.rng
        out = [
            Draft(
                CSC,
                self.pick(
                    [
                        "CIN meeting held",
                        "Child in need review meeting",
                        "CIN review - plan updated",
                        "CIN meeting. Attended: mother, {partner}, SW, HV, school DSL, EH worker",
                        "CIN meeting 2. Attended: mother, SW, school DSL. Plan reviewed",
                    ]
                ),
            )
        ]
        if recent is not None and r.random() < 0.5:
            out[0].text += self.pick(
                [". Incident of {d} discussed", ". HV raised ED attendance {d}"]
            )
            out[0].ref = recent
        for ag in r.sample([HV, SCH, HOU], r.randint(1, 2)):
            out.append(
                Draft(
                    ag,
                    self.pick(
                        [
                            "Attended CIN meeting",
                            "CIN meeting at school",
                            "Child in Need meeting attended",
                            "CIN meeting - DSL attended. Attendance 94%",
                        ]
                    ),
                )
            )
        for dr in out:
            dr.text = self.names(dr.text)
        return out

    def da_incident(self, d: date) -> list[Draft]:
        r = self.rng
        at = _clock(r, 0, 24)
        # What happened, in words the notifications repeat (as a PPN copies the log).
        what = self.names(
            self.pick(
                [
                    "{partner} pushed mother into door frame, bump to head",
                    "both parents intoxicated, verbal argument, children awake",
                    "mother locked out by {partner}, both drunk, children inside",
                    "loud argument, threats heard by neighbour, {partner} left",
                    "{partner} punched mother to face, arrested",
                    "shouting at the flat, mother says she was on the phone",
                    "{partner} smashed mobile phone, children upstairs",
                    "neighbour reported screaming and a child crying",
                ]
            )
        )
        police = self.pick(
            [
                "Attended DA incident at home address, male arrested",
                "Domestic incident reported by neighbour, verbal argument, DASH medium",
                "Call to address re domestic, male left prior to arrival",
                "DV incident - mother assaulted by partner, DASH high",
                "Domestic - mother and partner arguing, children present, words of advice",
                "Call from neighbour: {what}. Officers attended",
                "{MUM} reports {what}",
                "Concern for welfare call to address: {what}",
            ]
        ).replace("{what}", what)
        outcome = r.choice(["DASH standard. PPN submitted.", "DASH medium. PPN.", "PPN submitted."])
        # a crime reference: quoted by some notifications and by later follow-ups too
        ref = f"DA/{d.year % 100:02d}/{r.randrange(1000, 99999):05d}"
        self.crime_refs[d] = ref
        if r.random() < REFERENCES:
            outcome += f" Ref {ref}."
        out = [Draft(POL, self.names(police), at=at, outcome=outcome)]
        lag = r.choice([1, 1, 2, 2, 3, 4, 5, 7])
        out.append(Draft(CSC, "", lag=lag))
        out[-1].text = self.pick(
            [
                "PPN received re DA incident on {d}",
                "Police notification received - domestic incident {d}",
                "PPN received from police: DA incident, children present",
                "Notification from police of domestic abuse incident on {d}",
                "MASH: PPN re domestic at home address",
                "PPN received from police re DA incident {d} at family home. {what}",
                "PPN received from police re DA incident {d} at family home. {what}",
            ]
        ).replace("{what}", what)
        if r.random() < REFERENCES * 0.6:
            out[-1].text += f" ({ref})"
        if r.random() < 0.7:
            out.append(
                Draft(
                    SCH,
                    self.pick(
                        [
                            "Op Encompass notification received",
                            "Operation Encompass notice re incident at home {d}",
                            "Encompass call from police - DA at home {d}",
                            "Operation Encompass - police informed school of DA incident",
                            "Operation Encompass notification from police - DA incident at "
                            "home {d}. {child} was present in the home",
                        ]
                    ),
                    lag=r.choice([1, 1, 2, 3, 3, 4, 6]),
                )
            )
        if r.random() < 0.4:
            out.append(
                Draft(
                    HV,
                    self.pick(
                        [
                            "PPN notification received re DA incident",
                            "Informed by MASH of DA incident on {d}",
                            "Notification of domestic abuse incident {d} received",
                            "DA notification received via MASH (PPN {d}). {what}",
                        ]
                    ).replace("{what}", what),
                    lag=r.choice([2, 3, 5, 7, 10]),
                )
            )
        if r.random() < 0.25:
            out.append(
                Draft(
                    PROB,
                    self.pick(
                        [
                            "Police notified of DA call-out involving PoP",
                            "Made aware of DA incident {d}, PoP arrested",
                        ]
                    ),
                    lag=r.choice([1, 2, 4, 6]),
                )
            )
        if r.random() < 0.2:
            out.append(
                Draft(
                    HOU,
                    self.pick(
                        [
                            "Neighbour reports police called to the property {d} - shouting",
                            "Complaint from neighbour: noise and shouting at the address, "
                            "police attended",
                        ]
                    ),
                    lag=r.choice([1, 2]),
                )
            )
        for dr in out:
            dr.text = self.names(dr.text)
        return out

    # --- hard negatives: different events that look like one ------------------------------
    def follow_up(self, d: date, ref: date, kind: str) -> list[Draft]:
        """A later event about an earlier incident, naming its date: not that incident."""
        r = self.rng
        if kind == "da":
            choice = r.randrange(6)
            if choice == 0:
                return [
                    Draft(
                        POL,
                        self.names(
                            "CPS decision re assault on {mum} {d}: no further action, "
                            "victim withdrew support"
                        ),
                        ref=ref,
                    ),
                    Draft(
                        CSC, "Police update: CPS NFA re assault {d}", ref=ref, lag=r.randint(0, 4)
                    ),
                ]
            if choice == 1:
                return [
                    Draft(
                        POL, self.names("{MUM} retracted her statement re incident {d}"), ref=ref
                    ),
                    Draft(
                        CSC,
                        "Police email: mother has retracted statement re {d}; no charge",
                        ref=ref,
                        lag=r.randint(0, 3),
                    ),
                ]
            one = self.pick(
                [
                    (
                        HV,
                        "Listening visit at home. Discussed incident {d} - mother says "
                        "{partner} has calmed down",
                    ),
                    (CSC, "Home visit. Discussed DA incident of {d} with mother, safety plan"),
                    (GP, "T/C {mum} after DA incident {d}. Low mood, sleeping badly"),
                    (SCH, "{child} said there was shouting at home at the weekend ({d})"),
                    (POL, "Victim statement taken from {MUM} re incident {d}"),
                    (CSC, "Safety planning session with mother following incident {d}"),
                ]
            )
            return [Draft(one[0], self.names(one[1]), ref=ref)]
        inj = getattr(self, "last_injury", "injury")
        if r.random() < 0.3:
            # a meeting that discusses the attendance: several agencies, the same date named
            return [
                Draft(CSC, f"Core group meeting. {inj} {{d}} discussed. Plan reviewed", ref=ref),
                Draft(HV, f"Core group attended. {inj} {{d}} discussed", ref=ref),
            ]
        one = self.pick(
            [
                (HV, f"Home visit. Discussed ED attendance {{d}}, {inj} healing"),
                (GP, f"Reviewed {{child}} following ED attendance {{d}}, {inj} healing well"),
                (HOSP, f"Clinic follow up ({inj} {{d}}). Healing well"),
                (CSC, f"Home visit. Mother explained the {inj} of {{d}}, no concerns"),
                (SCH, f"{{child}} in school with dressing, mum said {inj} at home"),
            ]
        )
        return [Draft(one[0], self.names(one[1]), ref=ref)]

    def follow_ups(self, d: date, kind: str) -> list[tuple[date, list[Draft]]]:
        """One to three later events about an incident, some naming its date, some not."""
        r = self.rng
        out = []
        for _ in range(r.choice([1, 1, 2, 3])):
            d2 = d + timedelta(days=r.choice([1, 2, 3, 5, 8, 13, 21, 34, 55]))
            drafts = self.follow_up(d2, d, kind)
            if d in self.crime_refs and drafts and r.random() < REFERENCES * 0.5:
                drafts[0].text += f" re {self.crime_refs[d]}"
            if r.random() < 0.3:
                for dr in drafts:
                    dr.text = dr.text.replace(" ({d})", "").replace(" {d}", "")
            out.append((d2, drafts))
        return out

    def victim_ed(self, d: date) -> list[Draft]:
        """The mother's own ED attendance after an assault: its own event (with its own
        letters), the day after the police call-out it resembles."""
        r = self.rng
        out = [
            Draft(
                HOSP,
                self.pick(
                    [
                        "Assault by partner. Facial injuries, lip laceration, tender ribs",
                        "Adult attendance: assaulted at home, bruising to face and arm",
                    ]
                ),
                at=_clock(r, 0, 6),
            )
        ]
        if r.random() < 0.7:
            out.append(
                Draft(
                    GP,
                    self.names(
                        self.pick(
                            [
                                "ED letter re {mum}: assault by partner {d}, facial injuries",
                                "A&E letter: {mum} attended {d} after assault, lip glued",
                            ]
                        )
                    ),
                    lag=r.choice([2, 3, 4, 5]),
                )
            )
        return out

    def distractor(self, ag: str) -> Draft:
        """An ordinary entry on a busy day: its own event, often in look-alike words."""
        texts = {
            CSC: [
                "Management oversight: plan appropriate, SW to verify progress",
                "Management oversight. Supervision: CIN plan appropriate",
                "Supervision: CP plan reviewed, core group actions on track",
                "C&F assessment completed and authorised by TM. Concerns: DA, maternal "
                "mental health",
                "Supervision: case discussed, DA risk reviewed",
                "Case note: chronology updated",
            ],
            POL: [
                "Intelligence log: {PARTNER} seen at the address",
                "{PARTNER} appeared at magistrates court, bailed",
            ],
            HV: [
                "Listening visit at home, {mum} seen alone",
                "Weight check at clinic, on 25th centile",
                "T/C from {mum} re feeding",
            ],
            GP: [
                "T/C {mum} re low mood, continue sertraline",
                "{child} seen with cough and fever, viral illness",
                "Repeat prescription sertraline",
            ],
            SCH: [
                "{child} tired in class, said mummy was crying",
                "Weekly check-in with {child}, settled",
                "{child} late, mum said overslept",
            ],
            HOU: ["Rent statement sent", "Repairs reported: front door"],
            HOSP: ["Outpatient appointment attended", "Dietetics clinic - WNB"],
            PROB: ["Supervision: {partner} discussed relationship", "Programme session attended"],
            CAMHS: ["Waiting list letter sent"],
            AMB: ["999 call - adult fall, not conveyed"],
        }
        return Draft(ag, self.names(self.pick(texts[ag])))

    def safeguarding_meeting(self, d: date) -> list[Draft]:
        return [
            Draft(
                GP,
                self.pick(
                    [
                        "Practice safeguarding meeting with HV. Children on CP list discussed",
                        "Safeguarding meeting at surgery with HV - family discussed",
                    ]
                ),
            ),
            Draft(
                HV,
                self.pick(
                    [
                        "GP safeguarding meeting - family discussed",
                        "Attended practice safeguarding meeting",
                    ]
                ),
            ),
        ]

    def info_request(self, d: date) -> list[Draft]:
        r = self.rng
        out = [
            Draft(
                CSC,
                self.pick(
                    [
                        "S47 information requests sent to GP, HV and school",
                        "Agency checks requested for s47 enquiry",
                    ]
                ),
            )
        ]
        for ag, texts in (
            (GP, ["S47 health information request from CSC", "Request for information from SW"]),
            (
                HV,
                ["Information request received from SW (s47)", "S47 checks - info shared with SW"],
            ),
            (SCH, ["Request from CSC for school information for s47", "S47 info sent to SW"]),
        ):
            if r.random() < 0.6:
                out.append(Draft(ag, self.pick(texts), lag=r.choice([0, 1, 1, 2, 3])))
        return out

    def house_move(self, d: date) -> list[Draft]:
        r = self.rng
        place = r.choice(["Flat 3 Kestrel House", "12 Alder Row", "Flat 7 Heron Court"])
        out = [
            Draft(HOU, f"Tenancy sign-up {place}, keys given"),
            Draft(CSC, f"Family moved to {place}. Address updated", lag=r.choice([0, 0, 1])),
        ]
        if r.random() < 0.5:
            out.append(Draft(SCH, f"Mum informed school of new address ({place})", lag=1))
        if r.random() < 0.5:
            out.append(Draft(HV, f"Notification of change of address to {place} from CSC", lag=3))
        return out

    def ed_attendance(self, d: date) -> list[Draft]:
        r = self.rng
        inj = r.choice(INJURIES)
        self.last_injury = inj
        at = _clock(r, 7, 23)
        out = [
            Draft(
                HOSP,
                self.pick(
                    [
                        f"Attended ED with {inj}",
                        f"Presented at A&E with mother - {inj}",
                        f"PED attendance: {inj}, explanation consistent",
                        f"Seen in emergency department, {inj}",
                    ]
                ),
                at=at,
            )
        ]
        if r.random() < 0.4:
            amb = time(max(at.hour - 1, 0), at.minute)
            out.append(
                Draft(
                    AMB,
                    self.pick(
                        [
                            f"999 call - child with {inj}, conveyed to ED",
                            f"Ambulance attended, child conveyed to hospital with {inj}",
                        ]
                    ),
                    at=amb,
                )
            )
        if r.random() < 0.7:
            out.append(
                Draft(
                    HV,
                    self.pick(
                        [
                            f"ED liaison notification: attended A&E on {{d}} with {inj}",
                            f"Notification from hospital liaison - seen in A&E on {{d}}, {inj}",
                            f"Liaison form received re ED attendance, {inj}",
                        ]
                    ),
                    lag=r.choice([2, 3, 4, 6, 8, 10]),
                )
            )
        if r.random() < 0.5:
            out.append(
                Draft(
                    GP,
                    self.pick(
                        [
                            f"A&E discharge summary received - seen {{d}} for {inj}",
                            f"Letter from ED: attended with {inj} on {{d}}",
                        ]
                    ),
                    lag=r.choice([3, 5, 7, 12]),
                )
            )
        if r.random() < 0.2:
            out.append(
                Draft(
                    CSC,
                    self.pick(
                        [
                            f"Contact from hospital re {inj}, seen in ED {{d}}",
                            f"Referral received from ED - {inj}",
                        ]
                    ),
                    lag=r.choice([0, 1, 2]),
                )
            )
        return out

    def professional_call(self, d: date) -> list[Draft]:
        r = self.rng
        kind = r.randrange(4)
        if kind == 3:
            # both sides of one call, each naming the other agency
            return [
                Draft(CSC, self.names("T/C to police re bail conditions for {partner}")),
                Draft(
                    POL,
                    self.names("Call from SW asking about bail conditions for {PARTNER}"),
                    at=_clock(r, 9, 17),
                ),
            ]
        if kind == 0:
            topic = r.choice(HEALTH_TOPICS)
            return [
                Draft(
                    HV,
                    self.pick(
                        [
                            f"Phoned GP surgery to share concerns about {topic}",
                            f"T/C to GP re concerns about {topic}",
                            f"Spoke to GP re {topic}",
                        ]
                    ),
                ),
                Draft(
                    GP,
                    self.pick(
                        [
                            f"Call from HV - worried re {topic}, appt offered",
                            f"Telephone call from health visitor re {topic}",
                            f"HV rang re {topic}",
                        ]
                    ),
                ),
            ]
        if kind == 1:
            topic = r.choice(SCHOOL_TOPICS)
            return [
                Draft(
                    CSC,
                    self.pick([f"T/C to school re {topic}", f"SW phoned DSL to discuss {topic}"]),
                ),
                Draft(
                    SCH,
                    self.pick(
                        [f"Call from SW re {topic}", f"DSL spoke to social worker about {topic}"]
                    ),
                ),
            ]
        topic = r.choice(["housing situation", "rent arrears", "overcrowding"])
        return [
            Draft(
                CSC,
                self.pick(
                    [f"Email to housing re {topic}", f"SW called housing officer re {topic}"]
                ),
            ),
            Draft(
                HOU,
                self.pick(
                    [
                        f"Call from social worker re {topic}",
                        f"Email received from SW regarding {topic}",
                    ]
                ),
            ),
        ]

    def referral(self, d: date) -> list[Draft]:
        r = self.rng
        src = r.choice([SCH, HV, GP, POL, HOU])
        topic = r.choice(
            [
                "bruising",
                "neglect concerns",
                "disclosure by child",
                "home conditions",
                "mother's mental health",
                "missed appointments",
            ]
        )
        short = {SCH: "school", HV: "HV", GP: "GP", POL: "police", HOU: "housing"}[src]
        return [
            Draft(
                src,
                self.pick(
                    [
                        f"Referral made to MASH re {topic}",
                        f"Referral to CSC - {topic}",
                        f"MASH referral submitted: {topic}",
                    ]
                ),
            ),
            Draft(
                CSC,
                self.pick(
                    [
                        f"Referral received from {short} re {topic}",
                        f"Contact received from {short} - {topic}",
                        f"MASH contact from {short}: {topic}",
                    ]
                ),
                lag=r.choice([0, 0, 1, 1, 2]),
            ),
        ]

    def joint_visit(self, d: date) -> list[Draft]:
        # Joint visits exist: a home visit recorded by two agencies is not always two visits.
        r = self.rng
        other = r.choice([POL, HV])
        csc = {
            POL: [
                "Joint home visit with police - children seen",
                "Joint visit with police to home address",
            ],
            HV: [
                "Joint visit with HV, home conditions discussed",
                "Joint home visit with health visitor",
            ],
        }[other]
        them = {
            POL: [
                "Joint visit with SW to home address",
                "Attended address with social worker, children seen",
                "Joint home visit with CSC",
            ],
            HV: ["Joint home visit with SW", "Home visit with social worker, baby weighed"],
        }[other]
        return [Draft(CSC, self.pick(csc)), Draft(other, self.pick(them))]

    def camhs(self, d: date) -> list[Draft]:
        return [
            Draft(
                CAMHS,
                self.pick(["CAMHS referral received from GP", "Referral from GP accepted"]),
                lag=self.rng.choice([2, 5, 9]),
            ),
            Draft(
                GP,
                self.pick(
                    ["Referral to CAMHS re low mood and self harm", "Referred to CAMHS - self harm"]
                ),
            ),
        ]

    def routine(self, d: date) -> list[Draft]:
        ag = self.rng.choice(AGENCIES)
        return [Draft(ag, self.pick(ROUTINE[ag]))]


EVENT_MIX = [
    ("routine", 30),
    ("series", 14),
    ("strategy", 4),
    ("icpc", 2),
    ("rcpc", 2),
    ("core_group", 5),
    ("cin", 3),
    ("da", 9),
    ("ed", 6),
    ("call", 8),
    ("referral", 6),
    ("camhs", 2),
    ("same_day", 4),
    ("joint_visit", 3),
    ("safeguarding_meeting", 2),
    ("info_request", 2),
    ("house_move", 1),
]
# Realism (share of events): a multi-agency event gets unrelated entries by other
# agencies within 0-2 days (busy days); a DA incident or ED attendance gets a later
# follow-up naming its date; a DA incident sends the mother to ED the next day.
BUSY_DAY = 0.45
FOLLOW_UP = 0.45
REFERENCES = 0.6  # police logs giving a crime reference (PPNs, follow-ups quote some)
PAPERWORK = 0.35  # a meeting followed by minutes received, chased, an outcome letter
EARLY_REPORT = 0.25  # an agency's conference report dated 1-7 days before the conference
MEETING_NAMES = {
    "strategy": ["strategy meeting", "strat disc", "strategy discussion"],
    "icpc": ["ICPC", "initial conference"],
    "rcpc": ["RCPC", "review conference"],
    "core_group": ["core group", "CG"],
    "cin": ["CIN meeting", "CIN review"],
}
PAPERWORK_TEXTS = [
    "Minutes of {m} received",
    "{m} minutes rec'd and filed",
    "Chased {m} minutes",
    "Minutes from {m} {d} received, uploaded to file",
    "Outcome letter sent to parents following {m}",
    "{m} outcome letter received",
    "Minutes of {m} circulated to agencies",
]
# follow-up event id -> the meeting's event id, of the last generate() call
EVENT_RELATIONS: dict[str, str] = {}
VICTIM_ED = 0.2


def generate(
    n_events: int = 300,
    seed: int = 0,
    *,
    start: date = date(2019, 1, 1),
    span_days: int | None = None,
    typo_rate: float = 0.1,
    n_records: int | None = None,
    realism: bool = True,
    narrative: float = 0.0,
) -> tuple[list[SourceRecord], dict[str, str]]:
    """Records of about `n_events` real events (or, given `n_records`, of as many events
    as make about that many records) and the truth (record_id -> event id).

    `realism=False` gives the earlier, easier generator (no busy days, follow-ups, names,
    shorthand, outcomes or the newer event kinds), kept to compare against. `narrative`:
    the share of entries given one to four sentences of context after their lead."""
    rng = random.Random(seed)
    g = Gen(rng)
    incidents: list[date] = []  # DA incidents and ED attendances so far (meetings cite them)
    span = span_days or max(365, int(n_events * 730 / 300))
    mix = EVENT_MIX if realism else EVENT_MIX[:-3]
    kinds, weights = zip(*mix, strict=True)
    events: list[tuple[str, date, list[Draft]]] = []

    relations: dict[int, int] = {}

    def paperwork(kind: str, d: date) -> None:
        """Minutes received, chased or circulated, an outcome letter: days or weeks after
        the meeting, by one of the agencies there. Related to it, not the same event."""
        if not realism or rng.random() >= PAPERWORK:
            return
        meeting = len(events) - 1
        involved = sorted({dr.agency for dr in events[meeting][2]})
        for _ in range(rng.choice([1, 1, 2])):
            d2 = d + timedelta(days=rng.choice([1, 2, 3, 5, 7, 10, 14, 21]))
            text = rng.choice(PAPERWORK_TEXTS).replace("{m}", rng.choice(MEETING_NAMES[kind]))
            text = text[0].upper() + text[1:]
            events.append(("meeting_follow_up", d2, [Draft(rng.choice(involved), text, ref=d)]))
            relations[len(events) - 1] = meeting

    def add(kind: str, d: date) -> None:
        if kind == "strategy":
            events.append((kind, d, g.strategy(d)))
            paperwork(kind, d)
        elif kind in ("icpc", "rcpc"):
            events.append((kind, d, g.conference(d, kind == "rcpc", early=realism)))
            paperwork(kind, d)
        elif kind == "cin":
            recent = [x for x in incidents if 0 < (d - x).days <= 21] if realism else []
            events.append((kind, d, g.cin_meeting(d, recent[-1] if recent else None)))
            paperwork(kind, d)
        elif kind == "info_request":
            events.append((kind, d, g.info_request(d)))
        elif kind == "house_move":
            events.append((kind, d, g.house_move(d)))
        elif kind == "ed":
            events.append((kind, d, g.ed_attendance(d)))
            incidents.append(d)
            if realism and rng.random() < FOLLOW_UP:
                for d2, drafts in g.follow_ups(d, "ed"):
                    events.append(("follow_up", d2, drafts))
        elif kind == "call":
            events.append((kind, d, g.professional_call(d)))
        elif kind == "referral":
            events.append((kind, d, g.referral(d)))
        elif kind == "camhs":
            events.append((kind, d, g.camhs(d)))
        elif kind == "joint_visit":
            events.append((kind, d, g.joint_visit(d)))
        else:
            events.append((kind, d, g.routine(d)))

    # One family has one plan at a time: two core groups (or conferences, strategy
    # discussions, CIN meetings) are never within ten days of each other.
    process_days: dict[str, list[date]] = {}

    def clashes(kind: str, days: list[date]) -> bool:
        if kind == "da":
            # call-outs to one family can come days apart, not twice on one day
            return any(abs((x - y).days) < 3 for x in days for y in process_days.get(kind, []))
        if kind not in ("strategy", "icpc", "rcpc", "core_group", "cin", "safeguarding_meeting"):
            return False
        return any(abs((x - y).days) < 10 for x in days for y in process_days.get(kind, []))

    counted = [0, 0]  # events counted so far, their records
    busy_done = [0]  # events already given their busy-day neighbours

    def busy_days() -> None:
        # Busy days: other agencies' ordinary entries around a multi-agency event.
        new = events[busy_done[0] :]
        for _kind, d, drafts in new:
            if len(drafts) < 2 or rng.random() >= BUSY_DAY:
                continue
            involved = [dr.agency for dr in drafts]
            for _ in range(rng.randint(1, 2)):
                ag = rng.choice(involved + AGENCIES[:7])
                day = d + timedelta(days=rng.choice([0, 0, 0, 1, 2]))
                events.append(("busy", day, [g.distractor(ag)]))
        busy_done[0] = len(events)

    def enough() -> bool:
        if realism:
            busy_days()
        if n_records is None:
            return len(events) >= n_events
        for _, _, ds in events[counted[0] :]:
            counted[1] += len({d.agency for d in ds})
        counted[0] = len(events)
        return counted[1] >= n_records

    while not enough():
        kind = rng.choices(kinds, weights)[0]
        d = start + timedelta(days=rng.randrange(span))
        if kind == "safeguarding_meeting":
            # quarterly practice meetings, the same words each time
            if not realism:
                continue
            days = [d + timedelta(days=91 * k) for k in range(rng.randint(2, 4))]
            if clashes(kind, days):
                continue
            process_days.setdefault(kind, []).extend(days)
            texts = g.safeguarding_meeting(d)
            for day in days:
                events.append((kind, day, [Draft(x.agency, x.text) for x in texts]))
            continue
        if kind == "core_group":
            offsets = [28 * k + rng.randint(0, 3) for k in range(rng.randint(2, 5))]
            days = [d + timedelta(days=o) for o in offsets]
        else:
            days = [d]
        if clashes(kind if kind != "same_day" else "strategy", days):
            continue
        process_days.setdefault(kind if kind != "same_day" else "strategy", []).extend(days)
        if kind == "series":
            ag, text, every = rng.choice(SERIES)
            for k in range(rng.randint(3, 8)):
                events.append(("series", d + timedelta(days=every * k), [Draft(ag, text)]))
        elif kind == "core_group":
            # Monthly core groups: the same agencies, the same words, a month apart.
            for day in days:
                events.append(("core_group", day, g.core_group(day)))
                paperwork("core_group", day)
        elif kind == "da":
            # Repeated call-outs to one address, days apart, in the same words.
            first = g.da_incident(d)
            if not realism:
                for dr in first:  # the earlier generator's wording only
                    dr.text = g.names(dr.text)
            events.append(("da", d, first))
            incidents.append(d)
            if realism and rng.random() < VICTIM_ED:
                events.append(("victim_ed", d + timedelta(days=1), g.victim_ed(d + timedelta(1))))
            if realism and rng.random() < FOLLOW_UP:
                for d2, drafts in g.follow_ups(d, "da"):
                    events.append(("follow_up", d2, drafts))
            d2 = d + timedelta(days=rng.randint(3, 12))
            if rng.random() < 0.35 and not clashes("da", [d2]):
                process_days["da"].append(d2)
                again = g.da_incident(d2)
                for a, b in zip(again, first, strict=False):
                    if a.agency == b.agency and rng.random() < 0.7:
                        a.text = b.text
                events.append(("da", d2, again))
        elif kind == "same_day":
            # Different events on one day, recorded by overlapping agencies.
            add("strategy", d)
            events.append(("routine", d, [Draft(CSC, g.pick(ROUTINE[CSC][:4]))]))
            add(rng.choice(["call", "referral", "ed"]), d)
        else:
            add(kind, d)

    records: list[SourceRecord] = []
    truth: dict[str, str] = {}
    seen: dict[tuple[str, str, str], int] = {}
    rows: dict[str, int] = {}
    for e_no, (_kind, d, drafts) in enumerate(events):
        used: set[str] = set()
        for dr in drafts:
            if dr.agency in used:  # one voice per agency per event in the truth
                continue
            used.add(dr.agency)
            rec = _record(rng, dr, d, typo_rate, seen, rows, realism, narrative)
            records.append(rec)
            truth[rec.record_id] = f"E{seed}-{e_no}"
    rng.shuffle(records)
    EVENT_KINDS.clear()
    EVENT_KINDS.update({f"E{seed}-{k}": kind for k, (kind, _, _) in enumerate(events)})
    EVENT_RELATIONS.clear()
    EVENT_RELATIONS.update({f"E{seed}-{k}": f"E{seed}-{m}" for k, m in relations.items()})
    return records, truth


def _record(
    rng: random.Random,
    dr: Draft,
    d: date,
    typo_rate: float,
    seen: dict,
    rows: dict,
    realism: bool = True,
    narrative: float = 0.0,
) -> SourceRecord:
    ag = dr.agency
    if dr.lag:
        day = d + timedelta(days=dr.lag)
    else:
        offs, wts = OFFSETS[ag]
        day = d + timedelta(days=rng.choices(offs, wts)[0])
    named = dr.ref or d
    text = dr.text.replace("{d}", g_notice(rng, named, (day - named).days))
    outcome = dr.outcome
    if realism:
        text = _voice(rng, ag, text)
        if narrative and rng.random() < narrative:
            lead = text if text.endswith(".") else text + "."
            text = " ".join([lead, *rng.sample(CONTEXT, rng.randint(1, 4))])
        if not outcome and rng.random() < 0.5:
            outcome = rng.choice(OUTCOMES[ag])
    if rng.random() < typo_rate:
        text = _typo(rng, text)
    if rng.random() < 0.08:
        text = text.lower()
    at = dr.at if dr.at and rng.random() < TIMED.get(ag, 0.0) + 0.05 else None
    if at is None and rng.random() < TIMED.get(ag, 0.0) * 0.3:
        at = _clock(rng, 8, 18)
    interval: DateInterval
    if rng.random() < PARTIAL.get(ag, 0.0):
        if rng.random() < 0.6:
            first = day.replace(day=1)
            nxt = (first + timedelta(days=32)).replace(day=1)
            interval = DateInterval(first, nxt - timedelta(days=1), "month")
        else:
            monday = day - timedelta(days=day.weekday())
            interval = DateInterval(monday, monday + timedelta(days=6), "week")
    else:
        interval = DateInterval(day, day, "exact" if at else "day", time=at)
    raw_date = interval.start.strftime("%d/%m/%Y")
    key = (ag, raw_date, text, outcome)
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    rid = stable_record_id(ag, [raw_date, text, outcome], occurrence)
    rows[ag] = rows.get(ag, 1) + 1
    prov = Provenance(
        f"{ag}.xlsx", "0" * 64, "Chronology", rows[ag], {"Date": raw_date, "Event": text}
    )
    return SourceRecord(rid, ag, interval, text, prov, outcome=outcome)


def g_notice(rng: random.Random, d: date, lag: int) -> str:
    if lag == 1 and rng.random() < 0.3:
        return "yesterday"
    return _fmt_text_date(rng, d)


def true_pairs(truth: dict[str, str]) -> set[tuple[str, str]]:
    """All pairs of records that describe one event."""
    by_event: dict[str, list[str]] = {}
    for rid, ev in truth.items():
        by_event.setdefault(ev, []).append(rid)
    out = set()
    for rids in by_event.values():
        rids.sort()
        for i in range(len(rids)):
            for j in range(i + 1, len(rids)):
                out.add((rids[i], rids[j]))
    return out


if __name__ == "__main__":
    recs, tr = generate(
        int(sys.argv[1]) if len(sys.argv) > 1 else 20, int(sys.argv[2]) if len(sys.argv) > 2 else 0
    )
    for r in sorted(recs, key=lambda r: (r.date.start, tr[r.record_id])):
        print(tr[r.record_id], r.date.start, r.date.precision, r.agency, "|", r.description)


# The plain per-agency CSV layout the UI bench and the ten-agency browser review import.
CSV_COLUMNS = {"Date": "date", "Time": "time", "Event": "description", "Outcome": "outcome"}


def write_agency_csvs(records: list[SourceRecord], folder: Path) -> list[Path]:
    """One "<agency> chronology.csv" per agency in `folder`, columns CSV_COLUMNS, dates
    day first: generated records as an agency would send them."""
    import csv

    by_agency: dict[str, list[SourceRecord]] = {}
    for r in records:
        by_agency.setdefault(r.agency, []).append(r)
    files = []
    for agency, recs in by_agency.items():
        path = folder / f"{agency} chronology.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(list(CSV_COLUMNS))
            for r in recs:
                when = f"{r.date.time:%H:%M}" if r.date.time else ""
                w.writerow([f"{r.date.start:%d/%m/%Y}", when, r.description, r.outcome])
        files.append(path)
    return files
