"""Generate the fictional sample review in sample_data/ (deterministic: fixed seed).

The case is invented: Maisie-Rose CALDERBANK (born 14/08/2019), her half-brother Tyler,
their mother Jade and Jade's partner Connor PRYCE, living in the fictional town of
Brackenford. Six agencies each wrote a chronology in their own layout; many real-world
events are recorded by two to four agencies in their own words and on their own dates.

Design: the story is a list of real-world events (`ev(...)`), each with one rendering per
agency that recorded it (`csc(...)`, `pol(...)`, `hv(...)`, `gp(...)`, `hosp(...)`,
`sch(...)`, and `da_incident(...)` for a police call-out and its PPN, Operation Encompass
and HV notifications); then one writer per file adds that agency's layout, junk rows and
problem rows, and records the row a user sees for every agency row in truth.csv.

Run: python sample_data/generate.py [OUTPUT_DIR]   (default: this folder)
"""

from __future__ import annotations

import csv
import random
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

SEED = 20211120
HERE = Path(__file__).resolve().parent

CSC_FILE = "Chronology - Childrens Services FINAL.xlsx"
CSC_SHEET = "CSC entries"
POLICE_FILE = "Police_chronology.csv"
HV_FILE = "hv chron v2.docx"
GP_FILE = "GP Surgery chronology.csv"
HOSP_FILE = "Hospital Trust - ED attendances.xlsx"
HOSP_SHEET = "ED attendances"
SCHOOL_FILE = "school_chron.xlsx"
SCHOOL_SHEET = "Safeguarding log"
HOUSING_FILE = "Housing chronology (Brackenford Homes).xlsx"
HOUSING_SHEET = "Sheet1"

CSC, POL, HV, GP, HOSP, SCH, HOUSING = (
    "Children's Social Care",
    "Police",
    "Health Visiting",
    "GP",
    "Hospital",
    "School",
    "Housing",
)


# --------------------------------------------------------------------------- model
@dataclass
class Entry:
    """One agency's row about an event. `cells` hold the non-date columns of its file."""

    agency: str
    when: date  # the date the agency wrote (used for sorting and for date cells)
    cells: dict[str, str]
    time: str = ""  # "HHMM" where the agency records a time
    date_text: str | None = None  # a text date that replaces the formatted `when`
    until: date | None = None  # end of a period (Housing's 'Date to')
    event_id: str = ""
    seq: int = 0


@dataclass
class Event:
    when: date
    entries: list[Entry] = field(default_factory=list)
    event_id: str = ""


EVENTS: list[Event] = []
_SEQ = [0]


def ev(when: date, *entries: Entry) -> Event:
    """Register a real-world event and the agency rows that describe it."""
    e = Event(when, list(entries))
    for entry in entries:
        _SEQ[0] += 1
        entry.seq = _SEQ[0]
    EVENTS.append(e)
    return e


def d(s: str) -> date:
    """'12/03/2021' -> date (day first, as every agency here writes)."""
    return datetime.strptime(s, "%d/%m/%Y").date()


def csc(when: str, event: str, outcome: str, worker: str, sig: str = "") -> Entry:
    cells = {"Event / Contact": event, "Outcome / Action": outcome, "Worker": worker}
    cells["Significance"] = sig
    return Entry(CSC, d(when), cells)


def pol(when: str, time: str, occ: str, officer: str, action: str, ref: str) -> Entry:
    cells = {"Occurrence": occ, "Officer": officer, "Action taken": action, "Ref": ref}
    return Entry(POL, d(when), cells, time=time)


def hv(when: str, ctype: str, summary: str, plan: str, prac: str, text: str | None = None):
    cells = {"Contact type": ctype, "Summary": summary, "Plan": plan, "Practitioner": prac}
    return Entry(HV, d(when), cells, date_text=text)


def gp(when: str, time: str, ctype: str, clin: str, details: str, action: str = "") -> Entry:
    cells = {"Type": ctype, "Clinician": clin, "Details": details, "Action": action}
    return Entry(GP, d(when), cells, time=time)


def hosp(when: str, time: str, patient: str, complaint: str, outcome: str, clin: str) -> Entry:
    cells = {"Patient": patient, "Presenting complaint": complaint, "Outcome": outcome}
    cells["Clinician"] = clin
    return Entry(HOSP, d(when), cells, time=time)


def sch(when: str, child: str, what: str, action: str, staff: str, text: str | None = None):
    cells = {"Pupil": child, "What happened": what, "Action": action, "Staff": staff}
    return Entry(SCH, d(when), cells, date_text=text)


def hsg(when: str, until: str | None, cat: str, notes: str, officer: str) -> Entry:
    """Housing writes a 'Date from' and an optional 'Date to' (a period, e.g. a stay)."""
    cells = {"Category": cat, "Notes": notes, "Officer": officer}
    return Entry(HOUSING, d(when), cells, until=d(until) if until else None)


def plus(when: str, days: int) -> str:
    return (d(when) + timedelta(days=days)).strftime("%d/%m/%Y")


# School holidays of the fictional Wyndale LA (inclusive), used for Operation Encompass.
HOLIDAYS = [
    ("18/02/2019", "22/02/2019"),
    ("08/04/2019", "22/04/2019"),
    ("27/05/2019", "31/05/2019"),
    ("24/07/2019", "03/09/2019"),
    ("28/10/2019", "01/11/2019"),
    ("20/12/2019", "03/01/2020"),
    ("17/02/2020", "21/02/2020"),
    ("06/04/2020", "17/04/2020"),
    ("25/05/2020", "29/05/2020"),
    ("22/07/2020", "02/09/2020"),
    ("26/10/2020", "30/10/2020"),
    ("19/12/2020", "01/01/2021"),
    ("15/02/2021", "19/02/2021"),
    ("29/03/2021", "09/04/2021"),
    ("31/05/2021", "04/06/2021"),
    ("21/07/2021", "01/09/2021"),
    ("25/10/2021", "29/10/2021"),
]


def next_school_day(when: str) -> str:
    day = d(when) + timedelta(days=1)
    while day.weekday() >= 5 or any(d(a) <= day <= d(b) for a, b in HOLIDAYS):
        day += timedelta(days=1)
    return day.strftime("%d/%m/%Y")


# --------------------------------------------------------------------------- people
MR, TY = "Maisie-Rose", "Tyler"
SW1, SW2, TM = "Amira Shah (SW)", "Gemma Rudd (SW)", "Paul Denning (TM)"
MASH_SW, IRO, FSW = "Kelly Birtwistle (MASH SW)", "Helen Bassey (IRO)", "Nadia Hussain (FSW)"
HV1, HV2, CNN = "L. Pickup HV", "S. Kaur HV", "B. Marland CNN"
HVSG = "J. Oduya, Named Nurse SG"
DR1, DR2, PN = "Dr R Okafor", "Dr H Lindqvist", "K Doyle (Practice Nurse)"
DSL, DDSL, NUR, CT = (
    "Mrs K Ainsworth (DSL)",
    "Mr D Ratcliffe (DDSL)",
    "Miss J Fenwick",
    "Mrs P Hale",
)
OFFICE = "Mrs L Shaw (office)"
PC1, PC2, PC3 = "PC 4471 HARGREAVES", "PC 2290 BIBI", "PC 3815 OKONJO"
PS1, DS1, DC1 = "PS 1120 LAMBERT", "DS 660 TOLAN (MASH)", "DC 1942 FERRIS"


# --------------------------------------------------------------------------- DA incidents
def da_incident(
    when: str,
    time: str,
    ref: str,
    officer: str,
    occ: str,
    action: str,
    dash: str,
    summary: str,
    csc_delay: int,
    csc_outcome: str,
    tyler_present: bool,
    hv_delay: int | None,
    worker: str = MASH_SW,
    encompass: bool = True,
) -> Event:
    """A domestic abuse call-out: police record it, CSC gets the PPN a day or more later,
    the school gets an Operation Encompass notice next school day, HV hears via MASH."""
    dd = d(when).strftime("%d/%m/%y")
    entries = [pol(when, time, occ, officer, action, ref)]
    entries.append(
        csc(
            plus(when, csc_delay),
            f"PPN received from police re DA incident {dd} at family home. {summary} DASH: {dash}.",
            csc_outcome,
            worker,
            "High" if dash.lower().startswith("high") else "Medium",
        )
    )
    if encompass:
        present = (
            "Tyler was present in the home at the time"
            if tyler_present
            else "Police state children were asleep upstairs"
        )
        entries.append(
            sch(
                next_school_day(when),
                TY,
                f"Operation Encompass notification from police - DA incident at home "
                f"{dd}. {present}.",
                "Logged on CPOMS. Class teacher informed to keep a gentle eye. "
                "DSL to check in with Tyler.",
                DSL,
            )
        )
    if hv_delay is not None:
        entries.append(
            hv(
                plus(when, hv_delay),
                "Notification",
                f"DA notification received via MASH (PPN {dd}). {summary}",
                "Records updated. Discuss at safeguarding supervision.",
                HV1 if d(when) < d("01/01/2021") else HV2,
            )
        )
    return ev(d(when), *entries)


# --------------------------------------------------------------------------- the case
def build_events(rng: random.Random) -> None:  # noqa: PLR0915 - it is the case's story
    # ---- 2017: history outside the review period (police only)
    ev(
        d("04/09/2017"),
        pol(
            "04/09/2017",
            "0215",
            "Historic: Connor PRYCE arrested for assault on then partner (Leanne WYATT) at "
            "Birchfield Rd, Brackenford. Facial injuries to IP.",
            "PC 1873 DUNNE",
            "Charged s47 ABH. Later convicted – 12 month community order, Probation supervision.",
            "OCC/17/08812",
        ),
    )
    ev(
        d("12/10/2016"),
        gp(
            "12/10/2016",
            "1110",
            "Face to face",
            DR1,
            "Jade: low mood, anxiety since split from Tyler's father. PHQ9 16.\n"
            "Took 12 paracetamol 2/52 ago, seen in ED at the time.",
            "Sertraline 50mg. Referred to IAPT. Review 2/52.",
        ),
    )

    # ---- pregnancy
    ev(
        d("17/01/2019"),
        gp(
            "17/01/2019",
            "0920",
            "Face to face",
            DR1,
            "Jade seen, UPT +ve, LMP 10/11/18. Planned pregnancy. Lives with partner Connor "
            "PRYCE and son Tyler (3).\nHx anxiety/low mood 2016, not on meds currently.",
            "Self-referral to midwifery. Folic acid advised.",
        ),
    )
    ev(
        d("07/02/2019"),
        hv(
            "14/02/2019",
            "Antenatal notification",
            "Notification of pregnancy from community MW (booking 07/02/19). EDD 17/08/19. "
            "Mother disclosed at booking that current partner 'has been in trouble with police "
            "over his ex'. No DA disclosed in current relationship.",
            "Antenatal contact to be offered at 28-32 weeks.",
            HV1,
        ),
        gp(
            "18/02/2019",
            "",
            "Letter",
            "Admin",
            "Letter from Wyndale maternity: booking 07/02/2019, G2 P1, EDD 17/08/2019. "
            "Social history: partner known to probation.",
            "Filed. Coded pregnancy.",
        ),
    )
    da_incident(
        "12/03/2019",
        "2247",
        "DA/19/01877",
        PC1,
        "Report from neighbour of shouting and banging at 14 Pennine Walk, Brackenford. "
        "Verbal argument between Jade CALDERBANK (21) and partner Connor PRYCE (26) over money "
        "– Connor says Jade "
        "spent £60 of rent money. Jade 17 wks pregnant. No injuries seen or disclosed. "
        "Tyler (3) in bed.",
        "DASH completed – standard risk. PPN submitted. Connor agreed to stay at his mum’s for "
        "the night. Advice given.",
        "standard",
        "Verbal argument, mother pregnant, no injuries.",
        2,
        "Information only. Letter to mother with DA support services. Info shared with HV and "
        "midwifery. NFA.",
        False,
        8,
    )
    ev(
        d("21/03/2019"),
        csc(
            "21/03/2019",
            "T/C from Probation OM Dean Whitlock re Connor PRYCE (community order for ABH on "
            "ex-partner). OM aware of new relationship and pregnancy; asks whether CSC involved.",
            "Advised PPN received 14/03/19, closed as information only. OM to share any "
            "concerns via MASH.",
            MASH_SW,
            "Medium",
        ),
    )
    ev(
        d("02/05/2019"),
        gp(
            "02/05/2019",
            "1540",
            "Face to face",
            DR2,
            "Jade, 25/40 pregnant. Low mood, tearful, poor sleep. Says 'things are tense at "
            "home, money is tight'. Denies thoughts of self-harm. Asked re safety at home - "
            "says she feels safe.",
            "Perinatal MH referral. Sertraline restarted after discussion. Review 2/52.",
        ),
    )
    ev(
        d("16/05/2019"),
        gp(
            "16/05/2019",
            "1000",
            "Telephone",
            DR2,
            "T/C Jade - mood slightly better on sertraline, no side effects.",
            "Continue. Perinatal MH appt awaited.",
        ),
    )
    da_incident(
        "27/05/2019",
        "1935",
        "DA/19/03311",
        PC2,
        "999 call from Jade CALDERBANK stating partner Connor PRYCE ‘kicked off’ after "
        "drinking, threw a plate which smashed on the kitchen wall. Jade 28 wks pregnant. "
        "Connor left prior to police arrival. Tyler (4) present, upset.",
        "DASH – medium. PPN. Connor located at 22 Cowley Rd and spoken to, denies. Words of "
        "advice. Crime of criminal damage recorded – Jade did not support.",
        "medium",
        "Connor threw plate after drinking, mother 28 weeks pregnant, Tyler present.",
        2,
        "MASH screened. Consent sought from mother to share – agreed. Referral to Early Help "
        "offered, declined by mother. Info to HV/MW. NFA to CSC.",
        True,
        9,
    )
    ev(
        d("24/06/2019"),
        hv(
            "24/06/2019",
            "Antenatal contact - home",
            "Antenatal contact at home, 32/40. Jade and Connor present. Preparing for baby, "
            "cot and pram in place. Discussed feeding, safe sleep, coping with crying (ICON). "
            "Routine enquiry re DA not asked as partner present.",
            "New birth visit after delivery. RE to be asked when Jade seen alone.",
            HV1,
        ),
    )
    ev(
        d("22/07/2019"),
        csc(
            "22/07/2019",
            "Early Help referral from midwife (Claire Beddoes) – concerns re two PPNs during "
            "pregnancy and mother's anxiety. Mother consents.",
            "Allocated to Early Help family worker. TAF to be arranged after baby born.",
            "Early Help Hub",
            "Medium",
        ),
    )
    ev(
        d("14/08/2019"),
        gp(
            "19/08/2019",
            "",
            "Letter",
            "Admin",
            "Birth notification: Maisie-Rose CALDERBANK born 14/08/2019 Wyndale General, "
            "SVD at 39+4, 3.21kg. Mother and baby discharged day 1.",
            "Baby registered at practice. Add to imms schedule.",
        ),
        hv(
            "16/08/2019",
            "Birth notification",
            "Birth notification received. Maisie-Rose born 14/08/19 SVD, 3.21kg, breast feeding.",
            "Book NBV.",
            "Admin",
        ),
        csc(
            "15/08/2019",
            "Early Help worker informed by MW that baby Maisie-Rose born 14/08/2019.",
            "TAF to be arranged for September.",
            "Early Help Hub",
        ),
    )
    ev(
        d("26/08/2019"),
        hv(
            "26/08/2019",
            "New birth visit",
            "NBV at home. Baby well, weight 3.10kg, feeding well (now mixed feeding). Jade "
            "tired, says Connor 'a great help'. Safe sleep discussed, Moses basket. Tyler at "
            "nan's. RE re DA asked as Jade seen alone - says things are 'much better now'.",
            "Universal plus. 6-8 week contact. Jade given DA helpline numbers discreetly.",
            HV1,
        ),
    )
    ev(
        d("04/09/2019"),
        sch(
            "04/09/2019",
            TY,
            "Tyler started Reception (Class R). Settled well. Mum mentioned new baby sister.",
            "None.",
            CT,
            text="Sept 2019",
        ),
    )
    ev(
        d("12/09/2019"),
        csc(
            "12/09/2019",
            "TAF meeting 1 at Ashby Fold Primary. Attended: mother, EH worker, HV, school "
            "DSL. Connor did not attend (working).",
            "TAF plan: parenting support, mother to self-refer to Wyndale DA service, "
            "budgeting support.",
            "Early Help Hub",
        ),
        hv(
            "12/09/2019",
            "TAF meeting",
            "Attended TAF at school. Jade engaged, says relationship is fine. Concerns re "
            "finances.",
            "HV to complete 6-8 week contact; share EPDS outcome with EH worker.",
            HV1,
        ),
        sch(
            "12/09/2019",
            TY,
            "TAF meeting held in school (Early Help). Mum attended.",
            "DSL to give Tyler 1:1 check-ins weekly.",
            DSL,
        ),
    )
    ev(
        d("23/09/2019"),
        gp(
            "23/09/2019",
            "1030",
            "Baby check",
            DR1,
            "6/52 baby check Maisie-Rose. Wt 4.3kg. Hips NAD, red reflex present, heart "
            "sounds normal. Mum: breast/bottle.",
            "Imms 8 wks booked.",
        ),
    )
    ev(
        d("23/09/2019"),
        gp(
            "23/09/2019",
            "1040",
            "Postnatal check",
            DR1,
            "Jade 6/52 PN check. Mood 'up and down'. On sertraline. Contraception discussed.",
            "Continue sertraline. Review 4/52.",
        ),
    )
    ev(
        d("01/10/2019"),
        hv(
            "01/10/2019",
            "6-8 week contact",
            "6-8 week review at home. Wt 4.45kg. EPDS 14 - Jade tearful, feels 'stuck in the "
            "house'. Connor present for part of visit, left when asked to speak to Jade "
            "alone. No DA disclosed.",
            "Letter to GP re EPDS. Listening visits x4 offered and accepted.",
            HV1,
        ),
        gp(
            "07/10/2019",
            "",
            "Letter",
            "Admin",
            "Letter from HV: EPDS 14 at 6-8 week contact. Listening visits arranged.",
            "For GP review - task to Dr Okafor.",
        ),
    )
    # listening visits: near-identical HV wording (hard negatives)
    for when in ("09/10/2019", "16/10/2019", "23/10/2019"):
        ev(
            d(when),
            hv(
                when,
                "Listening visit",
                "Listening visit at home. Jade seen alone, baby asleep. Mood "
                + rng.choice(["a little brighter", "low but coping", "about the same"])
                + ". Discussed routine and support from her mum.",
                "Next listening visit in 1/52.",
                HV1,
            ),
        )
    for when, tm, wk in (("09/10/2019", "0940", "8"), ("06/11/2019", "0950", "12")):
        ev(
            d(when),
            gp(
                when,
                tm,
                "Immunisation",
                PN,
                f"{wk} week immunisations given Maisie-Rose. No reactions. Brought by mum.",
                "Next imms booked.",
            ),
        )
    da_incident(
        "02/11/2019",
        "2310",
        "DA/19/07140",
        PC3,
        "Call from Jade reporting Connor had grabbed her by the throat during argument over "
        "his phone. Red marks to neck seen by officers. Baby Maisie-Rose (11 wks) and Tyler "
        "(4) in the address. Connor PRYCE arrested on suspicion of assault.",
        "DASH – medium (strangulation question answered yes). PPN. Connor interviewed, "
        "released under investigation. Photos taken. Referral to IDVA service.",
        "medium (strangulation)",
        "Connor grabbed mother by the throat, arrested. Baby and Tyler in the house.",
        1,
        "MASH RAG: Amber. Decision: referral to CSC assessment team for Child & Family "
        "assessment. Step up from Early Help.",
        True,
        4,
    )
    ev(
        d("05/11/2019"),
        csc(
            "05/11/2019",
            "MASH information sharing completed - police, health (HV), school, EH and "
            "probation checks.",
            "Threshold met for C&F assessment (s17). Allocated to SW Amira Shah.",
            MASH_SW,
            "High",
        ),
        hv(
            "05/11/2019",
            "T/C",
            "MASH health information request answered by T/C: EPDS 14, listening visits, "
            "imms up to date.",
            "Await outcome of MASH.",
            HV1,
        ),
        pol(
            "05/11/2019",
            "1015",
            "MASH police research completed for Maisie-Rose and Tyler CALDERBANK – 3 DA "
            "occurrences at address since 03/2019; Connor PRYCE previous ABH on ex-partner.",
            "MASH researcher",
            "Shared with MASH SW. Police view: risk escalating.",
            "MASH/19/5521",
        ),
    )
    ev(
        d("06/11/2019"),
        hv(
            "06/11/2019",
            "Listening visit",
            "Listening visit at home. Jade seen alone. Discussed incident 02/11 - Jade says "
            "Connor 'has calmed down' and is staying at his mum's while on bail. EPDS repeated "
            "= 11.",
            "Continue listening visits. Encourage contact with IDVA.",
            HV1,
        ),
    )
    ev(
        d("08/11/2019"),
        csc(
            "08/11/2019",
            "Initial home visit for C&F assessment. Jade, Tyler and Maisie-Rose seen. "
            "Home warm and tidy. Jade says Connor not living there at present.",
            "Written agreement discussed. Mother agreed to work with DA service.",
            SW1,
            "Medium",
        ),
    )
    ev(
        d("11/11/2019"),
        csc(
            "11/11/2019",
            "Tyler seen alone at school by SW. Tyler drew his family; said Connor 'shouts loud'.",
            "Views recorded for assessment.",
            SW1,
        ),
        sch(
            "11/11/2019",
            TY,
            "SW (Amira Shah) visited school to see Tyler in the nurture room.",
            "DSL present at start.",
            DSL,
        ),
    )
    ev(
        d("15/11/2019"),
        sch(
            "15/11/2019",
            TY,
            "Tyler very tired, fell asleep on carpet. Said baby cries 'all night' and "
            "'mummy was crying'.",
            "Logged. DSL informed SW by email.",
            CT,
        ),
        csc(
            "18/11/2019",
            "Email from school DSL: Tyler tired in class 15/11, said mother was crying.",
            "Noted for assessment. SW to discuss with mother at next visit.",
            SW1,
        ),
    )
    ev(
        d("21/11/2019"),
        csc(
            "21/11/2019",
            "Home visit. Connor present (bail conditions: not to contact Jade - Jade says "
            "police said he could visit the baby). SW explained concerns.",
            "SW to check bail conditions with police (OIC).",
            SW1,
            "High",
        ),
    )
    ev(
        d("22/11/2019"),
        csc(
            "22/11/2019",
            "T/C to police OIC re bail conditions.",
            "Connor RUI, not on bail - no conditions. Police say CPS decision awaited.",
            SW1,
        ),
        pol(
            "22/11/2019",
            "1105",
            "Call from SW Amira SHAH (CSC) asking about bail conditions for Connor PRYCE.",
            "DC 2210 MARSH",
            "Advised suspect released under investigation – no conditions. File with CPS.",
            "DA/19/07140",
        ),
    )
    ev(
        d("04/12/2019"),
        gp(
            "04/12/2019",
            "0915",
            "Immunisation",
            PN,
            "Maisie-Rose WNB for 16 week imms. Letter sent.",
            "Rebook. Inform HV.",
        ),
        hv(
            "09/12/2019",
            "Notification",
            "WNB notification from surgery - 16 week immunisations 04/12/19.",
            "Discuss with mother at next contact.",
            HV1,
        ),
    )
    ev(
        d("12/12/2019"),
        csc(
            "12/12/2019",
            "Home visit. Children seen. Connor present, engaged well, says he wants to do a "
            "perpetrator programme. Jade says 'we're fine now'.",
            "Assessment to recommend CIN plan.",
            SW1,
        ),
    )
    ev(
        d("16/12/2019"),
        gp(
            "16/12/2019",
            "1600",
            "Immunisation",
            PN,
            "16 week imms given (rebooked). Brought by dad.",
            "",
        ),
    )
    ev(
        d("19/12/2019"),
        csc(
            "19/12/2019",
            "C&F assessment completed and authorised by TM.",
            "Outcome: CIN plan (s17). Concerns: DA, maternal mental health, finances. "
            "First CIN meeting to be held in January.",
            TM,
            "High",
        ),
        hv(
            "23/12/2019",
            "Letter",
            "Outcome of C&F assessment received from CSC: CIN plan.",
            "HV to attend CIN meetings. Increase to Universal Partnership Plus.",
            HV1,
        ),
    )
    ev(
        d("04/01/2020"),
        hosp(
            "04/01/2020",
            "1812",
            MR,
            "Fall from sofa per mum. 4 month old. Small bruise (1cm) to L forehead. Alert, "
            "feeding.",
            "Examined, no neuro concerns. Head injury advice. Discharged home with mum.",
            "Dr S Mensah (ED)",
        ),
        gp(
            "08/01/2020",
            "",
            "Letter",
            "Admin",
            "ED discharge summary (Wyndale General) 04/01/20: Maisie-Rose, 4/12, fall from "
            "sofa, bruise L forehead. Discharged.",
            "Filed. No action.",
        ),
        hv(
            "13/01/2020",
            "Notification",
            "ED liaison notification: attendance 04/01/20, 'fall from sofa', bruise to "
            "forehead. Non-mobile baby.",
            "Discussed with Named Nurse - bruising in non-mobile infant; HV to inform SW.",
            HV1,
        ),
    )
    ev(
        d("14/01/2020"),
        csc(
            "14/01/2020",
            "CIN meeting 1. Attended: mother, Connor, SW, HV, school DSL, EH worker. HV "
            "raised ED attendance 04/01 (bruise, non-mobile baby).",
            "CIN plan agreed. SW to discuss bruise with mother - explanation accepted "
            "(fell from sofa). Review in 6 weeks.",
            SW1,
            "High",
        ),
        hv(
            "14/01/2020",
            "CIN meeting",
            "Attended CIN meeting. Raised ED attendance, bruise to forehead at 4/12. SW to "
            "follow up.",
            "HV contact monthly. Named Nurse informed.",
            HV1,
        ),
        sch(
            "14/01/2020",
            TY,
            "CIN meeting - DSL attended. Tyler's attendance 94%.",
            "Continue weekly check-ins.",
            DSL,
        ),
    )
    ev(
        d("16/02/2020"),
        hosp(
            "16/02/2020",
            "0342",
            MR,
            "Cough, wheeze, poor feeding 2 days. Sats 93% in air.",
            "Bronchiolitis. Admitted to paeds ward overnight for obs, discharged 17/02.",
            "Dr L Fairclough (Paeds)",
        ),
        gp(
            "20/02/2020",
            "",
            "Letter",
            "Admin",
            "Discharge letter paeds ward: bronchiolitis, admitted 16/02-17/02/2020. "
            "Parents attentive.",
            "Filed.",
        ),
    )
    ev(
        d("25/02/2020"),
        csc(
            "25/02/2020",
            "CIN meeting 2. Mother reports no further incidents. Connor attending "
            "'Change' programme (per Connor; not verified).",
            "Plan continues. SW to verify programme attendance with probation.",
            SW1,
        ),
        hv(
            "25/02/2020",
            "CIN meeting",
            "CIN meeting attended. Maisie-Rose weight on 50th centile. Jade's mood improved.",
            "Continue plan.",
            HV1,
        ),
        sch(
            "25/02/2020",
            TY,
            "CIN meeting - DSL attended.",
            "None new.",
            DSL,
        ),
    )
    ev(
        d("10/03/2020"),
        hv(
            "10/03/2020",
            "Home visit",
            "Targeted home visit. Maisie-Rose rolling, babbling. Jade tired.",
            "Review in 1 month.",
            HV1,
            text="March 2020",
        ),
    )
    ev(
        d("23/03/2020"),
        sch(
            "23/03/2020",
            TY,
            "School closed to most pupils (lockdown). Tyler offered a place as a vulnerable "
            "child (CIN) - mum declined, 'safer at home'.",
            "Weekly welfare phone calls to be made.",
            DSL,
        ),
        csc(
            "24/03/2020",
            "Covid-19 risk assessment completed. Family RAG amber. Visits to move to "
            "phone/video where possible.",
            "Fortnightly contact by phone/video. Doorstep visit monthly.",
            SW1,
        ),
    )
    # school welfare calls during lockdown (near-identical; hard negatives)
    for when in ("30/03/2020", "20/04/2020", "27/04/2020", "11/05/2020"):
        ev(
            d(when),
            sch(
                when,
                TY,
                "Welfare call to mum. "
                + rng.choice(
                    [
                        "All OK, Tyler doing some home learning.",
                        "Mum says all fine, no food concerns.",
                        "No answer first time, mum rang back. All OK.",
                    ]
                ),
                "Next call 1 week.",
                OFFICE,
            ),
        )
    ev(
        d("07/04/2020"),
        csc(
            "07/04/2020",
            "CIN meeting 3 held by telephone conference. Mother, SW, HV, school. Connor not "
            "present.",
            "Plan continues. Telephone contact fortnightly.",
            SW1,
        ),
        hv(
            "07/04/2020",
            "CIN meeting (tel)",
            "CIN meeting by phone. Jade coping, says lockdown is hard.",
            "HV contacts to be virtual.",
            HV1,
        ),
    )
    da_incident(
        "18/04/2020",
        "0105",
        "DA/20/02453",
        PC1,
        "Neighbour at 12 Pennine Walk reports screaming and a child crying. On arrival Jade "
        "CALDERBANK and Connor PRYCE both intoxicated, argument over Connor’s ex-partner "
        "messaging him. Both deny physical violence. Baby crying upstairs, Tyler awake on "
        "landing.",
        "DASH – standard (Jade answered ‘no’ to most questions). PPN. Connor left to stay at "
        "his mother’s address. Lockdown advice given.",
        "standard",
        "Both parents intoxicated, verbal argument. Children awake.",
        2,
        "Passed to allocated SW (open CIN). SW to discuss at next contact.",
        True,
        6,
        worker=SW1,
    )
    ev(
        d("21/04/2020"),
        csc(
            "21/04/2020",
            "T/C with mother re PPN 18/04. Mother says 'it was just an argument', Connor "
            "drinking more since furloughed.",
            "Advice re alcohol. Referral to Wyndale DA service re-offered - declined.",
            SW1,
        ),
    )
    ev(
        d("28/04/2020"),
        hv(
            "28/04/2020",
            "Video contact",
            "Video contact (WhatsApp). Maisie-Rose seen on screen, sitting with support. "
            "Jade low, EPDS 13. Connor in the background.",
            "GP to be informed of EPDS. Review 2/52.",
            HV1,
            text="approx. end April 2020",
        ),
    )
    da_incident(
        "09/05/2020",
        "1620",
        "DA/20/02977",
        PC2,
        "Call from Sandra CALDERBANK (Jade’s mum) saying Connor had pushed Jade into the "
        "door frame. Jade has bump to back of head, declined ambulance. Connor left before "
        "police arrived. Both children present.",
        "DASH – medium. PPN. Connor arrested 10/05 at 0940 for common assault. Jade "
        "provided statement then retracted on 12/05.",
        "medium",
        "Connor pushed mother into door frame, bump to head. Children present.",
        3,
        "SW informed. Strategy discussion not held - SW view that CIN plan sufficient; TM "
        "agreed. Safety plan updated.",
        True,
        5,
        worker=SW1,
    )
    ev(
        d("19/05/2020"),
        csc(
            "19/05/2020",
            "CIN meeting 4 (Teams). Discussed PPN 09/05. Mother states Connor has moved out. "
            "School concerned Tyler not accessing school.",
            "Plan continues. Mother to consider Tyler returning to school 01/06.",
            SW1,
            "High",
        ),
        hv(
            "19/05/2020",
            "CIN meeting (virtual)",
            "CIN meeting via Teams. HV shared EPDS 13. Maisie-Rose developing well.",
            "Continue monthly virtual contacts.",
            HV1,
        ),
        sch(
            "19/05/2020",
            TY,
            "CIN meeting on Teams - DSL attended. School asked for Tyler to return as "
            "vulnerable pupil.",
            "Mum to think about it.",
            DSL,
        ),
    )
    ev(
        d("01/06/2020"),
        sch(
            "01/06/2020",
            TY,
            "Tyler returned to school (Reception bubble). Quiet, clingy to staff.",
            "Monitor.",
            CT,
        ),
    )
    ev(
        d("27/06/2020"),
        hosp(
            "27/06/2020",
            "1129",
            MR,
            "Possible ingestion of mother's sertraline tablet (found chewing blister pack). "
            "10 month old. Alert, no symptoms.",
            "Observed 6 hrs (Toxbase). Safeguarding referral to MASH - medication left "
            "within reach, open CIN. Discharged with mum.",
            "ENP T Jowett",
        ),
        csc(
            "28/06/2020",
            "Referral from Wyndale General ED: Maisie-Rose possible ingestion of mother's "
            "sertraline 27/06. Observed 6 hours, well.",
            "Passed to SW. Home visit 29/06 to check medication storage.",
            MASH_SW,
            "High",
        ),
        gp(
            "01/07/2020",
            "",
            "Letter",
            "Admin",
            "ED letter 27/06/20: Maisie-Rose ? ingestion of sertraline, observed, well. "
            "Safeguarding referral made by ED.",
            "Coded. Flag to Dr Okafor (safeguarding lead GP).",
        ),
        hv(
            "02/07/2020",
            "Notification",
            "ED liaison: M-R attended 27/06 ?ingestion of mum's sertraline. Referred to MASH "
            "by ED.",
            "Home safety visit to be arranged.",
            HV1,
        ),
    )
    ev(
        d("29/06/2020"),
        csc(
            "29/06/2020",
            "Home visit (doorstep then inside). Medication now in locked box on top of "
            "fridge. Children seen, well.",
            "Home safety advice. No further action on ingestion.",
            SW1,
        ),
    )
    ev(
        d("07/07/2020"),
        hv(
            "07/07/2020",
            "Home visit",
            "Home safety visit. Medicine box seen. Stair gates fitted. Maisie-Rose crawling.",
            "1 year review due August.",
            HV1,
        ),
    )
    da_incident(
        "15/08/2020",
        "2150",
        "DA/20/05520",
        PC3,
        "Jade called 999 – Connor at the address, had been drinking, refused to leave, "
        "punched a hole in the bedroom door. No assault alleged. Children in bed.",
        "DASH – medium. PPN. Connor removed from address, no arrest (no offence disclosed). "
        "Damage est. £120.",
        "medium",
        "Connor refused to leave, punched door. Children in bed.",
        2,
        "SW to visit. TM review: consider strategy discussion if further incident.",
        False,
        7,
        worker=SW1,
        encompass=False,  # summer holidays: no school notice
    )
    ev(
        d("20/08/2020"),
        hv(
            "20/08/2020",
            "1 year review",
            "1 year review at clinic (Covid secure). ASQ-3 within range. Wt 9.1kg. Jade "
            "disclosed Connor 'back and forth'. Says she ends it and he comes back.",
            "Share with SW. Offer referral to IDVA.",
            HV1,
            text="w/c 17/08/2020",
        ),
    )
    ev(
        d("03/09/2020"),
        sch(
            "03/09/2020",
            TY,
            "Tyler started Year 1.",
            "",
            CT,
            text="Autumn 2020",
        ),
    )
    ev(
        d("08/09/2020"),
        csc(
            "08/09/2020",
            "CIN meeting 5. Connor attended. Says he completed 8 of 12 sessions of perpetrator "
            "programme. Probation OM sent apologies, report says order ended 06/2020.",
            "Plan continues. Consider step down at next meeting if no incidents.",
            SW1,
        ),
        hv(
            "08/09/2020",
            "CIN meeting",
            "Attended CIN meeting. Reported 1 yr review and Jade's disclosure re Connor coming "
            "and going.",
            "",
            HV1,
        ),
        sch("08/09/2020", TY, "CIN meeting - DSL attended.", "", DSL),
    )
    ev(
        d("14/09/2020"),
        sch(
            "14/09/2020",
            TY,
            "Tyler late x3 this week, arrived without breakfast.",
            "Breakfast club place offered. Mum to bring by 8.15.",
            OFFICE,
        ),
    )
    ev(
        d("02/10/2020"),
        csc(
            "02/10/2020",
            "Change of allocated social worker (SW Amira Shah leaving). Transfer visit.",
            "Case transferred to SW Gemma Rudd. Introductory visit booked.",
            TM,
        ),
    )
    ev(
        d("20/10/2020"),
        csc(
            "20/10/2020",
            "CIN meeting 6. No further incidents reported. Mother says Connor not living at "
            "address.",
            "TM decision: CIN continues 3 more months; step down to EH considered.",
            SW2,
        ),
        hv(
            "20/10/2020",
            "CIN meeting",
            "CIN meeting - HV attended by phone.",
            "Continue.",
            HV1,
        ),
    )
    ev(
        d("13/11/2020"),
        gp(
            "13/11/2020",
            "1435",
            "Telephone",
            DR2,
            "T/C Jade: anxiety worse, 'can't sleep', says partner 'drinks every night'. "
            "Not asked re safety at home.",
            "Sertraline increased to 100mg. Review 4/52.",
        ),
    )
    # The serious incident and the step up to child protection
    da_incident(
        "28/11/2020",
        "2340",
        "DA/20/08813",
        PS1,
        "Jade CALDERBANK assaulted by partner Connor PRYCE – punched to face x2 and "
        "kicked while on the floor in front of Tyler (5). Maisie-Rose (15 months) in cot. "
        "Facial swelling, cut to lip. Connor arrested at scene. Jade conveyed to ED by "
        "ambulance, children to maternal grandmother.",
        "DASH – HIGH (14 ticks). PPN. MARAC referral. Connor charged ABH, remanded for court "
        "30/11. Body worn video. Photos.",
        "HIGH (14 ticks)",
        "Mother punched and kicked in front of Tyler, Connor arrested.",
        2,
        "Passed to TM - strategy discussion to be held 30/11/2020.",
        True,
        3,
        worker=SW2,
    )
    ev(
        d("29/11/2020"),
        hosp(
            "29/11/2020",
            "0021",
            "Jade CALDERBANK (mother)",
            "Assault by partner. Facial injuries, lip laceration, tender ribs.",
            "Lip glued. CXR NAD. Discharged 0350. ED safeguarding form completed - children "
            "known to CSC.",
            "Dr S Mensah (ED)",
        ),
        gp(
            "01/12/2020",
            "",
            "Letter",
            "Admin",
            "ED letter re Jade: assault by partner 29/11/20, facial injuries, lip glued.\n"
            "Police involved.",
            "Flag DA on Jade's and children's records.",
        ),
    )
    ev(
        d("30/11/2020"),
        pol(
            "30/11/2020",
            "1000",
            "Strategy discussion re Maisie-Rose and Tyler CALDERBANK following DA/20/08813. "
            "Attended: DS TOLAN (police), SW G RUDD / TM P DENNING (CSC), HV L PICKUP "
            "(health).",
            DS1,
            "Agreed: s47 enquiries (single agency CSC, police to share). Joint visit not "
            "required. Police to seek bail conditions – no contact with Jade or the address.",
            "DA/20/08813",
        ),
        csc(
            "30/11/2020",
            "Strategy discussion (Teams). Police DS Tolan, HV, CSC. Escalating DA, 9 PPNs "
            "in 20 months, children present.",
            "Threshold for s47 met. S47 to commence. ICPC to be convened if concerns "
            "substantiated.",
            TM,
            "High",
        ),
        hv(
            "30/11/2020",
            "Strategy discussion",
            "Attended strategy meeting by phone as health rep. Shared 1yr review, EPDS history, "
            "ED attendance 04/01/20 (bruise) and ingestion 27/06/20.",
            "HV to contribute to s47. Inform GP.",
            HV1,
        ),
    )
    ev(
        d("30/11/2020"),
        pol(
            "30/11/2020",
            "1400",
            "Connor PRYCE appeared Wyndale Magistrates’ Court – ABH. Pleaded not guilty.",
            DC1,
            "Bailed to 14 Jan 2021 – conditions: not to contact Jade CALDERBANK, not to attend "
            "Pennine Walk.",
            "DA/20/08813",
        ),
    )
    ev(
        d("01/12/2020"),
        csc(
            "01/12/2020",
            "S47 home visit at maternal grandmother's. Children seen. Tyler said 'Connor "
            "hurt mummy's face'. Maisie-Rose no marks.",
            "Safety plan: Connor no contact (bail). Mother and children to stay with MGM for now.",
            SW2,
            "High",
        ),
    )
    ev(
        d("01/12/2020"),
        sch(
            "01/12/2020",
            TY,
            "Tyler told TA 'Connor hit mummy and there was blood'. Tearful.",
            "Written up verbatim. DSL passed to SW same day.",
            DDSL,
        ),
        csc(
            "01/12/2020",
            "Email from school DDSL: Tyler's disclosure in class today.",
            "Added to s47.",
            SW2,
        ),
    )
    ev(
        d("04/12/2020"),
        gp(
            "04/12/2020",
            "",
            "Letter",
            DR1,
            "S47 health information request from CSC - children and mother.",
            "Reply sent 08/12: DA history, sertraline, ED attendances x2 for M-R.",
        ),
        csc(
            "04/12/2020",
            "S47 information requests sent to GP, HV, school, police, probation.",
            "Returns by 09/12.",
            SW2,
        ),
    )
    ev(
        d("10/12/2020"),
        pol(
            "10/12/2020",
            "1000",
            "MARAC – case heard (DA/20/08813). IDVA Rachel MUNRO engaged with Jade.",
            "DA Coordinator",
            "Actions: police marker on address, IDVA support, housing to consider move.",
            "MARAC/20/311",
        ),
        csc(
            "10/12/2020",
            "MARAC held. CSC represented by MASH.",
            "Actions shared with SW.",
            MASH_SW,
        ),
        hv(
            "11/12/2020",
            "MARAC",
            "MARAC minutes received (meeting 10/12/20). Health actions: flag records.",
            "Flagged.",
            HVSG,
        ),
        gp(
            "14/12/2020",
            "",
            "Letter",
            "Admin",
            "MARAC notification (10/12/2020) for Jade CALDERBANK.",
            "MARAC alert added to Jade, Tyler and Maisie-Rose records.",
        ),
    )
    ev(
        d("14/12/2020"),
        csc(
            "14/12/2020",
            "S47 outcome: concerns substantiated - risk of significant harm (emotional harm "
            "from DA).",
            "ICPC requested.",
            TM,
            "High",
        ),
    )
    ev(
        d("21/12/2020"),
        csc(
            "21/12/2020",
            "ICPC (Teams). Chair: Helen Bassey IRO. Attended: mother, MGM, SW, TM, HV, "
            "school DSL, police (DS Tolan). GP report received. Connor excluded (bail).",
            "Both children made subject to CP plans - category emotional abuse. First core "
            "group 11/01/21.",
            IRO,
            "High",
        ),
        pol(
            "21/12/2020",
            "1000",
            "Attended ICPC for Tyler and Maisie-Rose CALDERBANK. Police report submitted.",
            DS1,
            "Children subject to CP plans (emotional). Police to update on court case.",
            "CP/20/1187",
        ),
        hv(
            "21/12/2020",
            "ICPC",
            "ICPC attended. CP plans for both children, category emotional abuse.",
            "HV to visit monthly. Core group member.",
            HV1,
        ),
        sch(
            "21/12/2020",
            TY,
            "ICPC - DSL attended (on Teams). Tyler and sister on CP plans.",
            "School report submitted. Tyler to attend school during lockdown as vulnerable.",
            DSL,
            text="21.12.20",
        ),
        gp(
            "21/12/2020",
            "",
            "Admin",
            "Admin",
            "ICPC - GP report sent 18/12/20, GP did not attend.",
            "CP codes added.",
        ),
    )
    da_incident(
        "10/01/2021",
        "1305",
        "DA/21/00214",
        PC2,
        "Report from Jade that Connor PRYCE had come to maternal grandmother’s address, "
        "shouting through the letterbox – breach of bail. Connor arrested nearby.",
        "Bail breach – remanded overnight, re-bailed same conditions. PPN. DASH – high "
        "(existing MARAC).",
        "High (MARAC open)",
        "Connor breached bail attending MGM's address, arrested.",
        1,
        "SW informed. Safety plan reviewed with mother.",
        True,
        5,
        worker=SW2,
    )
    # core groups: monthly, near-identical
    cg = [
        ("11/01/2021", "Safety plan reviewed. Mother engaging with IDVA."),
        ("08/02/2021", "Mother moved back to Pennine Walk with children."),
        ("08/03/2021", "Burn to Maisie-Rose's hand 02/03 discussed."),
        ("12/04/2021", "No new incidents. Connor's trial listed for June."),
        ("10/05/2021", "Mother says relationship with Connor ended."),
        ("14/06/2021", "Housing move completed 07/06."),
        ("12/07/2021", "Connor found not guilty 22/06. Mother denies contact."),
        ("09/08/2021", "Maisie-Rose to start nursery in September."),
    ]
    for when, note in cg:
        ents = [
            csc(
                when,
                f"Core group meeting (virtual). {note}",
                "CP plan reviewed, actions updated.",
                SW2,
                "Medium",
            ),
            hv(
                when,
                "Core group",
                f"Core group attended. {note}",
                "Actions as per CP plan.",
                HV2 if d(when) > d("01/03/2021") else HV1,
            ),
        ]
        if d(when).month != 8:
            ents.append(sch(when, TY, "Core group meeting - DSL attended.", "Update given.", DSL))
        ev(d(when), *ents)
    # statutory CP visits (every ~10 working days) - near-identical wording
    visits = [
        "04/01/2021",
        "18/01/2021",
        "01/02/2021",
        "16/02/2021",
        "23/03/2021",
        "06/04/2021",
        "20/04/2021",
        "04/05/2021",
        "18/05/2021",
        "01/06/2021",
        "21/06/2021",
        "05/07/2021",
        "19/07/2021",
        "02/08/2021",
        "16/08/2021",
        "31/08/2021",
    ]
    for when in visits:
        seen = rng.choice(
            [
                "Both children seen. Maisie-Rose seen playing, no marks observed.",
                "Both children seen. Maisie-Rose seen in cot, no marks observed.",
                "Children seen, Tyler seen alone in his bedroom.",
            ]
        )
        ev(
            d(when),
            csc(
                when,
                f"CP statutory visit. {seen} Home conditions adequate. Mother says Connor "
                "has not been to the house.",
                "CP plan progressing.",
                SW2,
                "Medium",
            ),
        )
    ev(
        d("14/01/2021"),
        pol(
            "14/01/2021",
            "1000",
            "Connor PRYCE – Magistrates sent case to Crown Court. Bail continued.",
            DC1,
            "Trial listed 21/06/2021 Wyndale Crown Court.",
            "DA/20/08813",
        ),
    )
    ev(
        d("25/01/2021"),
        hv(
            "25/01/2021",
            "Home visit",
            "CP home visit at MGM's. Maisie-Rose walking with support, 17 months. Jade "
            "engaging with IDVA, wants to go home.",
            "Handover to HV Sophie Kaur (caseload change).",
            HV1,
        ),
    )
    ev(
        d("11/02/2021"),
        hv(
            "11/02/2021",
            "Home visit (joint)",
            "Joint visit with SW at Pennine Walk - family moved back. Home clean. "
            "Maisie-Rose 2 small bruises on shins - walking, age appropriate.",
            "Continue monthly.",
            HV2,
        ),
        csc(
            "11/02/2021",
            "Joint visit with HV. Family back at Pennine Walk. Children seen.",
            "Mother reminded of safety plan, Connor not to visit.",
            SW2,
        ),
    )
    ev(
        d("02/03/2021"),
        hosp(
            "02/03/2021",
            "1740",
            MR,
            "Burn to R palm - touched hair straighteners per mum. 18 months. 2cm superficial "
            "partial thickness burn. Delay in presentation (~3hrs).",
            "Dressed. Paeds review (Dr Varga): explanation plausible but delay and CP plan - "
            "referral to CSC EDT. Discharged to mum. Burns clinic f/u.",
            "Dr A Varga (Paeds Cons)",
        ),
        csc(
            "02/03/2021",
            "EDT: call from Wyndale General paediatrician re burn to Maisie-Rose's hand. "
            "Child on CP plan.",
            "EDT checked home address, mother and children home. Passed to day team for "
            "strategy discussion.",
            "EDT SW",
            "High",
        ),
        gp(
            "05/03/2021",
            "",
            "Letter",
            "Admin",
            "ED discharge 02/03/21: burn R palm from hair straighteners, ref to CSC by "
            "paediatrician.",
            "Task to safeguarding lead GP.",
        ),
    )
    ev(
        d("03/03/2021"),
        csc(
            "03/03/2021",
            "Strategy discussion re burn. Police (DS Tolan), paediatrician Dr Varga, HV, SW.",
            "Agreed single agency s47 (CSC). Explanation consistent. Home visit today.",
            TM,
            "High",
        ),
        pol(
            "03/03/2021",
            "0930",
            "Strategy discussion – Maisie-Rose CALDERBANK burn to hand 02/03/2021.",
            DS1,
            "No police investigation – accidental per medical opinion. CSC to lead.",
            "CP/21/0233",
        ),
        hv(
            "03/03/2021",
            "Strategy discussion",
            "Strategy meeting (phone). Burn to hand – straighteners. HV to visit.",
            "Home safety visit this week.",
            HV2,
        ),
        hosp(
            "03/03/2021",
            "0930",
            MR,
            "Strategy discussion (paediatrician attended by phone) re burn 02/03.",
            "Medical opinion: mechanism consistent with history, delay noted.",
            "Dr A Varga (Paeds Cons)",
        ),
    )
    ev(
        d("03/03/2021"),
        csc(
            "03/03/2021",
            "S47 home visit. Straighteners seen on low bedside table. Mother tearful, "
            "explanation consistent.",
            "Home safety advice. S47 concluded 05/03 - accidental, CP plan continues.",
            SW2,
        ),
    )
    ev(
        d("05/03/2021"),
        hv(
            "05/03/2021",
            "Home visit",
            "Home safety visit. Straighteners now kept in wardrobe. Burn healing.",
            "",
            HV2,
            text="w/c 01/03/2021",
        ),
    )
    ev(
        d("09/03/2021"),
        hosp(
            "09/03/2021",
            "1000",
            MR,
            "Burns clinic follow up (R palm).",
            "Healing well. Discharged from burns clinic.",
            "Burns CNS",
        ),
    )
    ev(
        d("15/03/2021"),
        csc(
            "15/03/2021",
            "RCPC 1. Chair Helen Bassey IRO. Burn incident discussed.",
            "CP plans continue (emotional abuse). Next RCPC in 6 months.",
            IRO,
            "High",
        ),
        pol(
            "15/03/2021",
            "1000",
            "RCPC – police report submitted, not attended (no officer available).",
            DS1,
            "Plans continue.",
            "CP/20/1187",
        ),
        hv(
            "15/03/2021",
            "RCPC",
            "RCPC attended. Plans continue.",
            "Monthly HV visits.",
            HV2,
        ),
        sch(
            "15/03/2021",
            TY,
            "RCPC - DSL attended. Tyler's attendance 89%.",
            "",
            DSL,
        ),
        gp(
            "15/03/2021",
            "",
            "Admin",
            "Admin",
            "RCPC: GP report requested 08/03/21 - not returned in time.",
            "",
        ),
    )
    ev(
        d("20/04/2021"),
        gp(
            "20/04/2021",
            "0910",
            "Face to face",
            DR1,
            "Maisie-Rose: ear infection, temp 38.4. Mum brought.\nOE: R TM red, bulging.",
            "Amoxicillin 5/7.",
        ),
    )
    ev(
        d("10/05/2021"),
        gp(
            "10/05/2021",
            "1130",
            "Face to face",
            DR2,
            "Jade: review, mood OK. Says relationship over, has applied to housing for a "
            "move 'to get away from the area'.",
            "Housing support letter provided.",
        ),
    )
    ev(
        d("07/06/2021"),
        csc(
            "07/06/2021",
            "Family moved to Flat 3, Kestrel House, Mill Lane, Brackenford (housing "
            "association, DA priority).",
            "Address updated. Notify partners.",
            SW2,
        ),
        hv(
            "10/06/2021",
            "Change of address",
            "Notification of change of address to Kestrel House from CSC.",
            "Records updated. Visit at new address.",
            "Admin",
        ),
        sch(
            "08/06/2021",
            TY,
            "Mum informed school of new address (Kestrel House).",
            "SIMS updated.",
            OFFICE,
        ),
    )
    ev(
        d("22/06/2021"),
        pol(
            "22/06/2021",
            "1600",
            "Crown Court trial – Connor PRYCE found not guilty of ABH (Jade’s evidence "
            "inconsistent).",
            DC1,
            "Bail conditions lapse. Victim informed by OIC. Risk to be reviewed at MARAC.",
            "DA/20/08813",
        ),
        csc(
            "24/06/2021",
            "Police OIC informed SW that Connor found not guilty 22/06, bail conditions ended.",
            "Safety plan to be reviewed with mother.",
            SW2,
            "High",
        ),
    )
    ev(
        d("11/07/2021"),
        pol(
            "11/07/2021",
            "2015",
            "Concern for welfare – neighbour at Kestrel House reports young children left "
            "alone in flat. On arrival Jade present, says she ‘nipped to the shop’ for 10 "
            "mins. Male voice heard in the flat, Jade says it was the TV.",
            PC3,
            "Children seen and safe. Child Concern notification to MASH.",
            "CW/21/04410",
        ),
        csc(
            "13/07/2021",
            "Police child concern notification: children left alone at Kestrel House 11/07 "
            "(mother at shop ~10 mins). Male voice heard.",
            "SW to discuss with mother; query whether Connor visiting.",
            SW2,
            "High",
        ),
    )
    ev(
        d("14/07/2021"),
        hv(
            "14/07/2021",
            "Home visit",
            "Visit at Kestrel House. Man's trainers in hallway - Jade says her brother's. "
            "Maisie-Rose speech delayed, 10 words.",
            "Refer to SALT. Share trainers observation with SW.",
            HV2,
        ),
    )
    ev(
        d("06/09/2021"),
        csc(
            "06/09/2021",
            "RCPC 2. Chair Helen Bassey. Mother says no contact with Connor. No PPNs since "
            "February.",
            "Decision: CP plans ended, step down to CIN. School expressed concern - recorded "
            "as dissent.",
            IRO,
            "High",
        ),
        hv(
            "06/09/2021",
            "RCPC",
            "RCPC attended. CP plan ended - step down to CIN. HV agreed.",
            "HV contacts to universal plus. 2-2.5 year review due.",
            HV2,
        ),
        sch(
            "06/09/2021",
            TY,
            "RCPC - DSL attended. School did not agree with ending CP plan (Tyler talking "
            "about Connor taking them out in July, Connor at the gate in June).",
            "Dissent recorded by chair.",
            DSL,
        ),
        pol(
            "06/09/2021",
            "1000",
            "RCPC – police report submitted. Noted concern for welfare 11/07/21.",
            DS1,
            "CP plans ended.",
            "CP/20/1187",
        ),
    )
    ev(
        d("07/09/2021"),
        sch(
            "07/09/2021",
            MR,
            "Maisie-Rose started nursery (2 year old funded place), mornings.",
            "Key person Miss Fenwick.",
            NUR,
        ),
    )
    da_incident(
        "04/09/2021",
        "0030",
        "DA/21/06021",
        PC1,
        "Anonymous call re shouting at Flat 3 Kestrel House. On arrival Jade states she was "
        "alone and arguing on the phone. Officers noted a male jacket and two cans. Children "
        "asleep.",
        "DASH – refused. PPN submitted (standard). No male found.",
        "refused",
        "Shouting at flat, mother says she was on the phone. Male jacket seen.",
        3,
        "Received after RCPC 06/09 - not known to conference. Passed to SW for CIN.",
        False,
        8,
        worker=SW2,
    )
    ev(
        d("28/09/2021"),
        sch(
            "28/09/2021",
            MR,
            "Bruise (approx 2cm) to L cheek noticed at nursery. Mum says fell at the park.",
            "Body map completed. DSL T/C to SW.",
            NUR,
        ),
        csc(
            "28/09/2021",
            "T/C from school DSL: Maisie-Rose bruise to cheek, mum says fell at park.",
            "SW to visit. Not referred for strategy discussion (CIN, explanation plausible).",
            SW2,
            "High",
        ),
    )
    ev(
        d("05/10/2021"),
        csc(
            "05/10/2021",
            "CIN meeting 1 (post CP). Mother did not attend.",
            "Rearranged. SW to do unannounced visit.",
            SW2,
        ),
        hv("05/10/2021", "CIN meeting", "CIN meeting - mother DNA.", "", HV2),
        sch("05/10/2021", TY, "CIN meeting - mum did not come.", "", DSL),
    )
    ev(
        d("12/10/2021"),
        hv(
            "12/10/2021",
            "2-2.5 year review",
            "2 year review - WNB. No answer at door.",
            "Letter with new appointment.",
            HV2,
        ),
    )
    da_incident(
        "16/10/2021",
        "2230",
        "DA/21/07094",
        PC2,
        "Jade called police then said ‘it’s sorted’. Officers attended Kestrel House – "
        "Connor PRYCE present, says he is ‘just visiting the kids’. Jade has no visible "
        "injuries. Children asleep.",
        "DASH – medium. PPN. No offences. Connor left.",
        "medium",
        "Connor present at Kestrel House, mother called police then retracted.",
        3,
        "SW to discuss at CIN meeting.",
        False,
        9,
        worker=SW2,
    )
    ev(
        d("02/11/2021"),
        csc(
            "02/11/2021",
            "CIN meeting 2. Mother attended. Says Connor visits 'for the kids' only.",
            "Agreement: Connor not to stay overnight. Review 4 weeks.",
            SW2,
            "High",
        ),
        hv("02/11/2021", "CIN meeting", "CIN meeting attended.", "2 year review to rebook.", HV2),
        sch("02/11/2021", TY, "CIN meeting - DSL attended.", "", DSL),
    )
    ev(
        d("09/11/2021"),
        hv(
            "09/11/2021",
            "2-2.5 year review",
            "2 year review - WNB (second). Jade texted 'M-R poorly'.",
            "Inform SW and GP.",
            HV2,
        ),
    )
    ev(
        d("15/11/2021"),
        sch(
            "15/11/2021",
            MR,
            "Maisie-Rose absent from nursery all week. Mum says chicken pox.",
            "First day call made. Logged.",
            NUR,
            text="w/c 15/11/21",
        ),
    )
    # the harm
    ev(
        d("20/11/2021"),
        hosp(
            "20/11/2021",
            "0734",
            MR,
            "Brought by ambulance. Unresponsive episode at home per mother. GCS 9. Bruising "
            "to R ear and L upper arm.",
            "CT head: acute subdural haematoma. Transferred to PICU (regional centre). "
            "Police and CSC informed by ED consultant.",
            "Dr A Varga (Paeds Cons)",
        ),
        pol(
            "20/11/2021",
            "0850",
            "Referral from Wyndale General – Maisie-Rose CALDERBANK (2) with subdural "
            "haematoma and bruising, unexplained. Mother and Connor PRYCE at the address "
            "overnight.",
            DS1,
            "Crime recorded (GBH – child). Both adults arrested 20/11. Scene secured.",
            "CR/21/12200",
        ),
        csc(
            "20/11/2021",
            "EDT: referral from ED consultant - Maisie-Rose, head injury, subdural. Police "
            "informed.",
            "Tyler placed with MGM under police protection. Strategy discussion tomorrow.",
            "EDT SW",
            "High",
        ),
        gp(
            "22/11/2021",
            "",
            "Letter",
            "Admin",
            "Notification from hospital: Maisie-Rose admitted 20/11/21, head injury, PICU.",
            "Coded. Safeguarding lead informed.",
        ),
        hv(
            "22/11/2021",
            "Notification",
            "Informed by Named Nurse: M-R admitted PICU 20/11 with head injury.",
            "Chronology requested.",
            HVSG,
        ),
    )
    ev(
        d("21/11/2021"),
        pol(
            "21/11/2021",
            "1000",
            "Strategy discussion – Maisie-Rose CALDERBANK (PICU) and Tyler.",
            DS1,
            "Joint s47. Tyler to remain with MGM. Child protection medical for Tyler.",
            "CR/21/12200",
        ),
        csc(
            "21/11/2021",
            "Strategy discussion (Teams): police, CSC, paediatrician, Named Nurse.",
            "Joint s47 agreed. Legal planning meeting to be convened.",
            TM,
            "High",
        ),
        hosp(
            "21/11/2021",
            "1000",
            TY,
            "Strategy discussion - paediatrician attended for health.",
            "CP medical for Tyler arranged.",
            "Dr A Varga (Paeds Cons)",
        ),
    )
    ev(
        d("22/11/2021"),
        hosp(
            "22/11/2021",
            "1100",
            TY,
            "Child protection medical (s47).",
            "No injuries found. Tyler said 'Connor sleeps at ours'.",
            "Dr L Fairclough (Paeds)",
        ),
    )
    ev(
        d("22/11/2021"),
        sch(
            "22/11/2021",
            TY,
            "Tyler absent - DSL informed by SW he is staying with nan; Maisie-Rose in hospital.",
            "Support plan for Tyler on return.",
            DSL,
        ),
        csc(
            "22/11/2021",
            "T/C to school DSL to inform of Maisie-Rose's admission and Tyler's placement with "
            "MGM.",
            "School to provide support plan.",
            SW2,
        ),
    )


# Helpers to add filler that agencies record alone (GP, HV, school), spread over the years.
def build_single_agency(rng: random.Random) -> None:
    gp_rows = [
        (
            "05/02/2019",
            "1120",
            "Face to face",
            DR2,
            "Tyler: cough and cold 5/7, chest clear.",
            "Self care advice.",
        ),
        ("26/03/2019", "1010", "Face to face", DR1, "Jade: antenatal, heartburn.", "Gaviscon."),
        (
            "14/11/2019",
            "0930",
            "Telephone",
            DR1,
            "T/C Jade re EPDS 14 letter from HV. Low mood, coping with support of mum.",
            "Continue sertraline. Review 4/52.",
        ),
        (
            "13/01/2020",
            "1045",
            "Face to face",
            DR2,
            "Maisie-Rose: posseting after feeds, thriving.",
            "Reflux advice. Review PRN.",
        ),
        (
            "24/02/2020",
            "1110",
            "Face to face",
            DR2,
            "Jade: bruise L forearm, says 'walked into door'. Not asked re DA.",
            "No action.",
        ),
        (
            "17/03/2020",
            "0910",
            "Telephone",
            DR1,
            "Tyler: temp, cough. ?viral.",
            "Safety net advice.",
        ),
        (
            "05/05/2020",
            "1500",
            "Telephone",
            DR2,
            "Jade: HV letter EPDS 13. Mood low in lockdown. Partner 'drinking a lot'.",
            "Sertraline continued. IAPT self-referral.",
        ),
        (
            "25/08/2020",
            "0945",
            "Immunisation",
            PN,
            "Maisie-Rose 1 year imms (MMR, Hib/MenC, PCV, MenB) given.",
            "",
        ),
        (
            "12/10/2020",
            "0930",
            "Face to face",
            DR1,
            "Maisie-Rose: nappy rash, mum brought.",
            "Clotrimazole.",
        ),
        (
            "11/01/2021",
            "1000",
            "Telephone",
            DR1,
            "Jade: T/C after DA assault. Ribs still sore, sleeping badly, nightmares.",
            "Naproxen. IAPT re-referral. Aware of MARAC.",
        ),
        (
            "22/02/2021",
            "0915",
            "Face to face",
            DR2,
            "Tyler: bedwetting since Christmas (previously dry). Mum worried.",
            "Advice. Enuresis clinic referral if persists.",
        ),
        (
            "28/06/2021",
            "1050",
            "Telephone",
            DR1,
            "Jade: anxious after court outcome, 'he's out and he knows where we are'.",
            "Advised to speak to IDVA and SW. Sertraline continued.",
        ),
        (
            "18/08/2021",
            "0920",
            "Face to face",
            PN,
            "Maisie-Rose: 2 year check-in weight 12.1kg.",
            "",
        ),
        (
            "03/11/2021",
            "1635",
            "Telephone",
            DR2,
            "Mum rang: Maisie-Rose 'off her food', vomited x1, no temp.",
            "Advice, to bring in if not better. No f/u booked.",
        ),
    ]
    for when, tm, ctype, clin, det, act in gp_rows:
        ev(d(when), gp(when, tm, ctype, clin, det, act))
    hv_rows = [
        (
            "19/11/2019",
            "Listening visit",
            "Listening visit at home. Jade seen alone, baby asleep. Mood about the same. "
            "Discussed routine and support from her mum.",
            "Final listening visit.",
            None,
        ),
        ("03/02/2020", "Clinic", "Weighed at baby clinic. 6.9kg, 50th centile.", "", None),
        (
            "15/06/2020",
            "T/C",
            "Phone call to Jade - no answer. Text sent.",
            "Try again 1/52.",
            "approx. June 2020",
        ),
        ("14/10/2020", "T/C", "T/C Jade re MMR. Given 25/08.", "", None),
        (
            "23/04/2021",
            "Home visit",
            "CP home visit. Maisie-Rose well, climbing stairs. Jade engaging.",
            "Continue monthly.",
            None,
        ),
        (
            "24/05/2021",
            "Home visit",
            "CP home visit. Maisie-Rose well. Jade says no contact from Connor.",
            "Continue monthly.",
            None,
        ),
        (
            "19/08/2021",
            "Home visit",
            "CP home visit. Maisie-Rose 2 yrs, 12kg. Speech still limited, SALT waiting list.",
            "Continue monthly.",
            None,
        ),
    ]
    for when, ctype, summ, plan, text in hv_rows:
        prac = HV2 if d(when) > d("01/02/2021") else HV1
        ev(d(when), hv(when, ctype, summ, plan, prac, text=text))
    sch_rows = [
        (
            "11/02/2019",
            TY,
            "Tyler (nursery class) upset at drop off, clinging to mum.",
            "Key person to settle.",
            "Nursery staff",
            None,
        ),
        ("21/10/2019", TY, "Tyler said 'mummy was crying' at carpet time.", "Logged.", CT, None),
        (
            "07/01/2020",
            TY,
            "Tyler absent - no reason given.",
            "First day call - no answer.",
            OFFICE,
            None,
        ),
        ("08/01/2020", TY, "Tyler absent - mum says sickness bug.", "Authorised.", OFFICE, None),
        ("21/09/2020", TY, "Tyler late - arrived 9.25 with mum.", "Late mark.", OFFICE, None),
        (
            "28/09/2020",
            TY,
            "Tyler late - arrived 9.20 with mum.",
            "Late mark. Letter home.",
            OFFICE,
            None,
        ),
        (
            "09/11/2020",
            TY,
            "Tyler pushed another child, said 'I'll smash your face'.",
            "Restorative chat. Mum informed.",
            CT,
            None,
        ),
        (
            "01/02/2021",
            TY,
            "Attendance in lockdown (vulnerable pupil place): attending 3 days of 5.",
            "DSL to discuss with SW.",
            DSL,
            "Spring 2021",
        ),
        (
            "19/05/2021",
            TY,
            "Tyler drawing of 'daddy Connor' in the flat.",
            "Shared with SW by email.",
            CT,
            None,
        ),
        (
            "15/07/2021",
            TY,
            "Tyler said Connor 'took us to McDonalds'.",
            "Logged. DSL emailed SW.",
            DSL,
            None,
        ),
        (
            "14/09/2021",
            TY,
            "Tyler said 'Connor came for tea and mummy cried'.",
            "DSL passed to SW by phone.",
            DSL,
            None,
        ),
        (
            "12/10/2021",
            MR,
            "Maisie-Rose collected late from nursery (45 mins), mum not "
            "answering phone. Male collected (said he was 'dad').",
            "Not on collection list - DSL contacted mum, confirmed. Logged.",
            NUR,
            None,
        ),
    ]
    for when, child, what, act, staff, text in sch_rows:
        ev(d(when), sch(when, child, what, act, staff, text=text))


# --------------------------------------------------------------------------- writing
@dataclass
class Layout:
    """What a reviewer should find in one file, worked out as the file is written."""

    file: str
    sheet: str
    features: list[str]
    header_row: int
    physical_rows: int = 0
    skipped: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, row, why)
    problems: list[tuple[str, int, str]] = field(default_factory=list)
    truth: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, row, event)

    @property
    def data_rows(self) -> int:
        return len(self.truth)


def entries_for(agency: str) -> list[Entry]:
    rows = [en for e in EVENTS for en in e.entries if en.agency == agency]
    return sorted(rows, key=lambda en: (en.when, en.time or "0000", en.seq))


def first_index(rows: list[Entry], pred: Callable[[Entry], bool]) -> int:
    return next(i for i, en in enumerate(rows) if pred(en))


def fmt_time(hhmm: str, style: int) -> str:
    """GP systems and clerks write times several ways: 1435, 14:35, 2.35pm."""
    if not hhmm:
        return ""
    h, m = int(hhmm[:2]), int(hhmm[2:])
    if style == 0:
        return hhmm
    if style == 1:
        return f"{h:02d}:{m:02d}"
    suffix = "am" if h < 12 else "pm"
    return f"{(h - 1) % 12 + 1}.{m:02d}{suffix}"


def ordinal(n: int) -> str:
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def write_csc(out: Path) -> Layout:
    lay = Layout(
        CSC_FILE,
        CSC_SHEET,
        [
            "first sheet is a 'Cover' sheet; chronology on sheet 'CSC entries'",
            "4 title rows (row 1 merged A1:E1) above the header on row 5",
            "real Excel date cells (dd/mm/yyyy number format)",
            "blank row, a 'continued' row and a repeated header row in the middle",
        ],
        header_row=5,
    )
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover_lines = [
        "Wyndale Safeguarding Children Partnership",
        "Learning Review – Child M (Maisie-Rose)",
        "",
        "Agency: Brackenford Council – Children's Services",
        "Author: Paul Denning, Team Manager, Assessment & Intervention",
        "Date completed: 14/01/2022",
        "",
        "Instructions: please record significant events only, in date order, on the next "
        "sheet. Use dd/mm/yyyy. Significance: High / Medium / Low.",
        "Do not change the column headings.",
    ]
    for i, line in enumerate(cover_lines, start=1):
        cover.cell(row=i, column=1, value=line or None)
    cover["A1"].font = Font(bold=True, size=14)
    ws = wb.create_sheet(CSC_SHEET)
    header = ["Date", "Event / Contact", "Outcome / Action", "Worker", "Significance"]
    ws.append(["WYNDALE SAFEGUARDING CHILDREN PARTNERSHIP – LEARNING REVIEW: CHILD M"])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=13)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["Agency chronology: Children's Social Care (Brackenford Council)"])
    ws.append(["Period under review: 01/01/2019 to 22/11/2021"])
    ws.append(
        [
            "Subject: Maisie-Rose CALDERBANK (DOB 14/08/2019); sibling Tyler CALDERBANK "
            "(DOB 03/05/2015)"
        ]
    )
    ws.append(header)
    for c in ws[5]:
        c.font = Font(bold=True)
    for r in (2, 3, 4):
        lay.skipped.append((CSC_SHEET, r, "title row"))
    lay.skipped.insert(0, (CSC_SHEET, 1, "title row (merged A1:E1)"))
    lay.skipped.append((CSC_SHEET, 5, "header"))

    rows = entries_for(CSC)
    blank_at = first_index(rows, lambda en: en.when >= d("01/03/2020"))
    cont_at = first_index(rows, lambda en: en.when >= d("01/01/2021"))
    no_date = first_index(rows, lambda en: en.cells["Event / Contact"].startswith("S47 info"))
    future = first_index(
        rows, lambda en: en.when == d("20/04/2021") and en.cells["Event / Contact"][:2] == "CP"
    )
    for i, en in enumerate(rows):
        if i == blank_at:
            ws.append([None] * 5)
            lay.skipped.append((CSC_SHEET, ws.max_row, "blank row"))
        if i == cont_at:
            ws.append(["Chronology continued – 2021 (CP plan period)"])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
            lay.skipped.append((CSC_SHEET, ws.max_row, "'continued' row"))
            ws.append(header)
            lay.skipped.append((CSC_SHEET, ws.max_row, "repeated header"))
        value: object = en.when
        if i == no_date:
            value = None
        elif i == future:
            value = date(2031, 4, 20)  # typo for 2021
        elif en.date_text is not None:
            value = en.date_text
        ws.append([value] + [en.cells[h] for h in header[1:]])
        r = ws.max_row
        if isinstance(value, date):
            ws.cell(row=r, column=1).number_format = "dd/mm/yyyy"
        if i == no_date:
            lay.problems.append((CSC_SHEET, r, "no date (Date cell empty)"))
        if i == future:
            lay.problems.append((CSC_SHEET, r, "date in the future: 20/04/2031 (typo for 2021)"))
        if en.date_text == "TBC":
            lay.problems.append((CSC_SHEET, r, "unreadable date: 'TBC'"))
        lay.truth.append((CSC_SHEET, r, en.event_id))
    for col, width in zip("ABCDE", (12, 70, 60, 22, 12), strict=True):
        ws.column_dimensions[col].width = width
    lay.physical_rows = ws.max_row
    wb.save(out / CSC_FILE)
    return lay


def write_police(out: Path, rng: random.Random) -> Layout:
    lay = Layout(
        POLICE_FILE,
        "",
        [
            "cp1252 text, ';' delimiter, header on row 1",
            "date and time in one text cell (dd/mm/yyyy hh:mm)",
            "cp1252-only characters: £, ’ (curly apostrophe), – (en dash)",
            "one date written month-first (11/28/2020), so ambiguous dates here need a flag",
            "a blank row in the middle and a totals line at the end",
        ],
        header_row=1,
    )
    header = ["Date/Time", "Occurrence", "Officer", "Action taken", "Ref"]
    records: list[list[str]] = [header]
    lay.skipped.append(("", 1, "header"))
    rows = entries_for(POL)
    blank_at = first_index(rows, lambda en: en.when >= d("01/01/2021"))
    for i, en in enumerate(rows):
        if i == blank_at:
            records.append([""] * 5)
            lay.skipped.append(("", len(records), "blank row (;;;;)"))
        stamp = f"{en.when:%d/%m/%Y} {en.time[:2]}:{en.time[2:]}"
        if en.when == d("28/11/2020"):
            stamp = f"{en.when:%m/%d/%Y} {en.time[:2]}:{en.time[2:]}"
            lay.problems.append(("", len(records) + 1, f"month-first date '{stamp}'"))
        if en.when < d("01/01/2019"):
            lay.problems.append(("", len(records) + 1, "date before the review period (2017)"))
        records.append([stamp] + [en.cells[h] for h in header[1:]])
        lay.truth.append(("", len(records), en.event_id))
    records.append([f"Total records: {len(rows)}", "", "", "", ""])
    lay.skipped.append(("", len(records), "totals line"))
    with open(out / POLICE_FILE, "w", encoding="cp1252", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(records)
    lay.physical_rows = len(records)
    return lay


def write_gp(out: Path, rng: random.Random) -> Layout:
    lay = Layout(
        GP_FILE,
        "",
        [
            "UTF-8 with BOM, ',' delimiter, header on row 1",
            "quoted fields containing commas and line breaks (one record = one row)",
            "separate Date and Time columns; times as 1435, 14:35 or 2.35pm",
            "some dates with two-digit years and dots (12.3.21)",
        ],
        header_row=1,
    )
    header = ["Date", "Time", "Type", "Clinician", "Details", "Action"]
    records: list[list[str]] = [header]
    lay.skipped.append(("", 1, "header"))
    rows = entries_for(GP)
    dup_at = first_index(rows, lambda en: en.when == d("25/08/2020"))
    empty_at = first_index(rows, lambda en: en.when >= d("01/09/2021"))
    for i, en in enumerate(rows):
        if i == empty_at:
            records.append(["06/09/2021", "", "Admin", "Admin", "", ""])
            lay.problems.append(("", len(records), "empty description (Details blank)"))
            lay.truth.append(("", len(records), ""))
        short = rng.random() < 0.25
        when = f"{en.when.day}.{en.when.month}.{en.when:%y}" if short else f"{en.when:%d/%m/%Y}"
        rec = [when, fmt_time(en.time, rng.randrange(3))] + [en.cells[h] for h in header[2:]]
        records.append(rec)
        lay.truth.append(("", len(records), en.event_id))
        if en.when < d("01/01/2019"):
            lay.problems.append(("", len(records), "date before the review period (2016)"))
        if i == dup_at:
            records.append(list(rec))
            lay.problems.append(("", len(records), f"exact duplicate of row {len(records) - 1}"))
            lay.truth.append(("", len(records), en.event_id))
    with open(out / GP_FILE, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(records)
    lay.physical_rows = len(records)
    return lay


def write_hospital(out: Path, rng: random.Random) -> Layout:
    lay = Layout(
        HOSP_FILE,
        HOSP_SHEET,
        [
            "header on row 1 with its own vocabulary (Attendance date, Arrival time, "
            "Presenting complaint, Outcome, Clinician) and a Patient column",
            "dates stored as text: '12th March 2021', '12-Mar-21'",
            "a blank row in the middle and a source note below the table",
        ],
        header_row=1,
    )
    wb = Workbook()
    ws = wb.active
    ws.title = HOSP_SHEET
    header = [
        "Attendance date",
        "Arrival time",
        "Patient",
        "Presenting complaint",
        "Outcome",
        "Clinician",
    ]
    ws.append(header)
    lay.skipped.append((HOSP_SHEET, 1, "header"))
    rows = entries_for(HOSP)
    blank_at = first_index(rows, lambda en: en.when >= d("01/01/2021"))
    for i, en in enumerate(rows):
        if i == blank_at:
            ws.append([None] * 6)
            lay.skipped.append((HOSP_SHEET, ws.max_row, "blank row"))
        if en.date_text is not None:
            when = en.date_text
        elif rng.random() < 0.5:
            when = f"{ordinal(en.when.day)} {en.when:%B %Y}"
        else:
            when = f"{en.when.day:02d}-{en.when:%b-%y}"
        tm = f"{en.time[:2]}:{en.time[2:]}" if en.time else ""
        ws.append([when, tm] + [en.cells[h] for h in header[2:]])
        r = ws.max_row
        for c in ws[r][:2]:
            c.number_format = "@"
        if en.date_text == "unknown":
            lay.problems.append((HOSP_SHEET, r, "unreadable date: 'unknown'"))
        lay.truth.append((HOSP_SHEET, r, en.event_id))
    ws.append([None] * 6)
    ws.append(
        [
            "Source: ED/paediatric system extract 06/01/2022, P. Ellison, Named Nurse "
            "Safeguarding Children. Mother's attendance included where relevant."
        ]
    )
    lay.skipped.append((HOSP_SHEET, ws.max_row - 1, "blank row below the table"))
    lay.skipped.append((HOSP_SHEET, ws.max_row, "source note below the table"))
    lay.physical_rows = ws.max_row
    wb.save(out / HOSP_FILE)
    return lay


def write_school(out: Path) -> Layout:
    lay = Layout(
        SCHOOL_FILE,
        SCHOOL_SHEET,
        [
            "a note row, then a blank row, then the header on row 3",
            "columns When, Pupil, What happened, Action, Staff",
            "mostly Excel date cells; some text dates ('Spring 2021', 'Sept 2019', "
            "'w/c 15/11/21', '21.12.20')",
            "an academic-year divider row and a blank row in the middle",
            "Operation Encompass notices on the next school day after a police call-out",
        ],
        header_row=3,
    )
    wb = Workbook()
    ws = wb.active
    ws.title = SCHOOL_SHEET
    ws.append(
        [
            "Ashby Fold Primary School & Nursery – safeguarding log (CPOMS extract) for "
            "Tyler and Maisie-Rose CALDERBANK. Compiled by K Ainsworth (DSL) Jan 2022. "
            "Some dates approximate."
        ]
    )
    ws.append([])
    header = ["When", "Pupil", "What happened", "Action", "Staff"]
    ws.append(header)
    lay.skipped += [
        (SCHOOL_SHEET, 1, "note row"),
        (SCHOOL_SHEET, 2, "blank row"),
        (SCHOOL_SHEET, 3, "header"),
    ]
    rows = entries_for(SCH)
    divider_at = first_index(rows, lambda en: en.when >= d("01/09/2020"))
    blank_at = first_index(rows, lambda en: en.when >= d("01/06/2021"))
    for i, en in enumerate(rows):
        if i == divider_at:
            ws.append(["--- Academic year 2020/21 ---"])
            lay.skipped.append((SCHOOL_SHEET, ws.max_row, "academic-year divider row"))
        if i == blank_at:
            ws.append([None] * 5)
            lay.skipped.append((SCHOOL_SHEET, ws.max_row, "blank row"))
        value: object = en.date_text if en.date_text is not None else en.when
        ws.append([value] + [en.cells[h] for h in header[1:]])
        if isinstance(value, date):
            ws.cell(row=ws.max_row, column=1).number_format = "dd/mm/yyyy"
        lay.truth.append((SCHOOL_SHEET, ws.max_row, en.event_id))
    lay.physical_rows = ws.max_row
    wb.save(out / SCHOOL_FILE)
    return lay


def write_hv(out: Path, rng: random.Random) -> Layout:
    lay = Layout(
        HV_FILE,
        "table 1 / table 2",
        [
            "Word document: title and intro paragraphs before the table",
            "the table is split in two: a paragraph 'Chronology continued' and a second "
            "table that repeats the header",
            "text dates incl. partial forms (March 2020, w/c 17/08/2020, approx. June 2020)",
            "a blank row in table 1",
        ],
        header_row=1,
    )
    doc = Document()
    doc.add_heading("Health Visiting Chronology – Maisie-Rose CALDERBANK (DOB 14/08/2019)", 1)
    doc.add_paragraph(
        "Prepared for the Wyndale SCP learning review (Child M) by the 0-19 Public Health "
        "Nursing Service, Brackenford locality. Source: electronic health record. Entries "
        "for the antenatal period relate to the mother, Jade CALDERBANK."
    )
    doc.add_paragraph(
        "Abbreviations: HV health visitor, CNN community nursery nurse, EPDS "
        "Edinburgh Postnatal Depression Scale, WNB was not brought."
    )
    header = ["Date", "Contact type", "Summary", "Plan", "Practitioner"]
    rows = entries_for(HV)
    split_at = first_index(rows, lambda en: en.when >= d("01/01/2021"))
    blank_at = first_index(rows, lambda en: en.when >= d("01/07/2020"))
    bad_at = first_index(rows, lambda en: en.when == d("02/07/2020"))

    def new_table(name: str):
        t = doc.add_table(rows=1, cols=5)
        t.style = "Table Grid"
        for c, h in zip(t.rows[0].cells, header, strict=True):
            c.text = h
        lay.skipped.append((name, 1, "header" if name == "table 1" else "repeated header"))
        return t

    table, name = new_table("table 1"), "table 1"
    n_rows = 1
    for i, en in enumerate(rows):
        if i == split_at:
            lay.physical_rows += n_rows
            doc.add_paragraph("Chronology continued")
            table, name, n_rows = new_table("table 2"), "table 2", 1
        if i == blank_at:
            table.add_row()
            n_rows += 1
            lay.skipped.append((name, n_rows, "blank row"))
        when = en.date_text if en.date_text is not None else f"{en.when:%d/%m/%Y}"
        if en.date_text is None and rng.random() < 0.2:
            when = f"{en.when:%d.%m.%y}"  # some HVs type 14.02.19
        if i == bad_at:
            when = "31/06/2020"
        cells = table.add_row().cells
        n_rows += 1
        for c, v in zip(cells, [when] + [en.cells[h] for h in header[1:]], strict=True):
            c.text = v
        if i == bad_at:
            lay.problems.append((name, n_rows, "impossible date '31/06/2020'"))
        lay.truth.append((name, n_rows, en.event_id))
    lay.physical_rows += n_rows
    doc.add_paragraph("End of chronology. J. Oduya, Named Nurse Safeguarding Children.")
    doc.core_properties.created = datetime(2022, 1, 10, 9, 0)
    doc.core_properties.modified = datetime(2022, 1, 10, 9, 0)
    doc.core_properties.author = "J. Oduya"
    doc.save(out / HV_FILE)
    return lay


def pin_office_file(path: Path) -> None:
    """Make an xlsx/docx byte-stable: fixed zip entry times and document timestamps.

    openpyxl stamps the save time into docProps/core.xml and every zip entry, so without
    this the committed files would change on every run although their cells do not."""
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2022-01-10T09:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2022, 1, 10, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, data)


# --------------------------------------------------------------------------- KLOE, truth
KLOE = [
    (
        1,
        "Information sharing about domestic abuse",
        "How well did agencies share and act on information about domestic abuse in the "
        "household, including PPNs, Operation Encompass notices and MARAC?",
    ),
    (
        2,
        "Injuries to a non-mobile baby and a young child",
        "How did practitioners respond to the bruise at four months, the ingestion and the "
        "burn, and were child protection procedures for injuries followed?",
    ),
    (
        3,
        "The role of the mother's partner",
        "How well did agencies understand who was living in or visiting the household, and "
        "did they engage with Connor as a father and assess the risk he posed?",
    ),
    (
        4,
        "Stepping down from child protection",
        "Was the decision at the second review conference to end the child protection plans "
        "informed by all agencies' information, and how was the school's dissent handled?",
    ),
    (
        5,
        "The lived experience of the children",
        "How well did practitioners hear Tyler's voice and understand Maisie-Rose's daily "
        "life, including during the Covid-19 lockdowns?",
    ),
]


def assign_event_ids() -> None:
    EVENTS.sort(key=lambda e: e.when)
    for n, e in enumerate(EVENTS, start=1):
        e.event_id = f"E{n:03d}"
        for en in e.entries:
            en.event_id = e.event_id


def generate(out: Path) -> list[Layout]:
    EVENTS.clear()
    _SEQ[0] = 0
    rng = random.Random(SEED)
    build_events(rng)
    build_single_agency(rng)
    build_more(rng)
    build_housing()
    build_problem_events()
    assign_event_ids()
    out.mkdir(parents=True, exist_ok=True)
    layouts = [
        write_csc(out),
        write_police(out, random.Random(SEED + 1)),
        write_hv(out, random.Random(SEED + 2)),
        write_gp(out, random.Random(SEED + 3)),
        write_hospital(out, random.Random(SEED + 4)),
        write_school(out),
        write_housing(out),
    ]
    for name in (CSC_FILE, HV_FILE, HOSP_FILE, SCHOOL_FILE, HOUSING_FILE):
        pin_office_file(out / name)
    with open(out / "truth.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "sheet", "row", "event_id"])
        for lay in layouts:
            for sheet, row, eid in lay.truth:
                w.writerow([lay.file, sheet, row, eid])
    with open(out / "kloe.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["number", "title", "description"])
        w.writerows(KLOE)
    return layouts


def build_problem_events() -> None:
    """Single-agency events whose rows carry an unreadable date."""
    e = csc(
        "22/11/2021",
        "Legal planning meeting re Tyler and Maisie-Rose (PLO / care proceedings).",
        "Legal advice: threshold met, application for ICO for both children.",
        TM,
        "High",
    )
    e.date_text = "TBC"
    ev(d("23/11/2021"), e)
    h = hosp(
        "10/06/2021",
        "",
        MR,
        "Paediatric dietetics clinic (weight) - WNB.",
        "Discharged back to GP/HV after 2 WNB.",
        "Dietetics",
    )
    h.date_text = "unknown"
    ev(d("10/06/2021"), h)


def summary(layouts: list[Layout]) -> str:
    lines = []
    for lay in layouts:
        lines.append(f"## {lay.file}  sheet={lay.sheet!r}")
        lines.append(
            f"physical={lay.physical_rows} header_row={lay.header_row} data={lay.data_rows}"
        )
        lines.append("skipped: " + "; ".join(f"{s} r{r} {w}" for s, r, w in lay.skipped))
        lines.append("problems: " + "; ".join(f"{s} r{r} {w}" for s, r, w in lay.problems))
    n_events = len({eid for lay in layouts for _, _, eid in lay.truth if eid})
    multi = sum(1 for e in EVENTS if len({en.agency for en in e.entries}) > 1)
    lines.append(
        f"events={n_events} multi-agency={multi} "
        f"agency rows={sum(lay.data_rows for lay in layouts)}"
    )
    return "\n".join(lines)


def build_more(rng: random.Random) -> None:  # noqa: PLR0915
    """More of the story: further call-outs, hospital attendances, routine contacts."""
    da_incident(
        "21/12/2019",
        "2355",
        "DA/19/08390",
        PC3,
        "Jade CALDERBANK locked out of 14 Pennine Walk by partner Connor PRYCE after a "
        "Christmas night out, both drunk. Children inside with Connor; Jade kicking the door. "
        "Babysitter (Sandra CALDERBANK) had left at 2300.",
        "DASH – standard. PPN. Jade allowed back in, Connor to stay at mother’s. Words of "
        "advice to both re children’s welfare.",
        "standard",
        "Mother locked out by Connor, both drunk, children inside.",
        3,
        "Passed to allocated SW (CIN). Discuss at CIN meeting 14/01/20.",
        False,
        10,
        worker=SW1,
    )
    ev(
        d("17/01/2020"),
        pol(
            "17/01/2020",
            "1400",
            "DVDS (Clare’s Law) – right to know disclosure to Jade CALDERBANK re Connor "
            "PRYCE’s conviction for ABH on a previous partner. SW present.",
            "PC 5510 NAYLOR",
            "Disclosure made in person. Jade says she ‘already knew’. Safety advice given.",
            "DVDS/20/0041",
        ),
        csc(
            "17/01/2020",
            "SW attended police DVDS disclosure to mother at home.",
            "Mother says she already knew about Connor's conviction. Safety plan discussed.",
            SW1,
            "Medium",
        ),
    )
    ev(
        d("19/12/2019"),
        pol(
            "19/12/2019",
            "1130",
            "CPS decision on DA/19/07140 (assault on Jade 02/11/19) – no further action, "
            "victim withdrew support.",
            "DC 2210 MARSH",
            "Suspect informed. Victim informed by phone.",
            "DA/19/07140",
        ),
        csc(
            "23/12/2019",
            "Police update: CPS NFA re assault 02/11/2019 (Jade withdrew statement).",
            "Noted on file. SW to discuss with mother.",
            SW1,
        ),
    )
    ev(
        d("12/05/2020"),
        pol(
            "12/05/2020",
            "1600",
            "Jade CALDERBANK retracted her statement re common assault 09/05/20, says she "
            "fell against the door frame.",
            PC2,
            "NFA – evidential difficulties. Retraction statement taken. DASH refreshed.",
            "DA/20/02977",
        ),
        csc(
            "14/05/2020",
            "Police email: mother has retracted statement re 09/05; no charge.",
            "SW to raise at CIN meeting 19/05.",
            SW1,
        ),
    )
    da_incident(
        "30/07/2020",
        "2120",
        "DA/20/04960",
        PC1,
        "Call from neighbour at 16 Pennine Walk – loud argument, male voice shouting "
        "‘I’ll f***ing end you’. On arrival Connor PRYCE had left. Jade says argument about "
        "money, no assault. Children in bed.",
        "DASH – medium. PPN. Area search negative. Connor spoken to by phone.",
        "medium",
        "Loud argument, threats heard by neighbour, Connor left.",
        2,
        "SW informed (CIN). TM: no strategy discussion, continue CIN.",
        False,
        8,
        worker=SW1,
    )
    ev(
        d("01/12/2020"),
        pol(
            "01/12/2020",
            "1530",
            "Victim statement taken from Jade CALDERBANK at her mother’s address re "
            "DA/20/08813. Injury photos updated.",
            DC1,
            "VPS taken. Referral to IDVA confirmed.",
            "DA/20/08813",
        ),
    )
    ev(
        d("24/02/2021"),
        pol(
            "24/02/2021",
            "1045",
            "Jade CALDERBANK reports Connor PRYCE sending her Facebook messages asking to "
            "see Maisie-Rose – breach of bail conditions (no contact).",
            PC3,
            "Screenshots obtained. Connor arrested 25/02, charged with breach, bail "
            "continued with same conditions.",
            "DA/21/01390",
        ),
        csc(
            "26/02/2021",
            "PPN / police update: Connor messaging mother via Facebook in breach of bail. "
            "Arrested 25/02.",
            "SW spoke to mother - she reported it herself (protective). Share at core group.",
            SW2,
            "Medium",
        ),
    )
    ev(
        d("21/11/2021"),
        pol(
            "21/11/2021",
            "1530",
            "Jade CALDERBANK and Connor PRYCE interviewed under caution re injuries to "
            "Maisie-Rose. Both give no comment / prepared statements.",
            DC1,
            "Both released on bail – conditions not to contact Tyler unsupervised.",
            "CR/21/12200",
        ),
    )
    # hospital attendances seen by more than one agency
    ev(
        d("05/06/2019"),
        hosp(
            "05/06/2019",
            "2210",
            "Jade CALDERBANK (mother)",
            "Maternity assessment unit: 29/40, reduced fetal movements after 'slipping on the "
            "stairs'. Bruise R hip.",
            "CTG normal. Routine enquiry: denies DA. Discharged.",
            "MW on MAU",
        ),
        gp(
            "10/06/2019",
            "",
            "Letter",
            "Admin",
            "MAU letter 05/06/19: reduced FM after fall on stairs, CTG normal.",
            "Filed.",
        ),
        hv(
            "12/06/2019",
            "Notification",
            "Notification from MW: MAU attendance 05/06 after fall on stairs, bruise to hip, "
            "one week after PPN 27/05.",
            "Ask RE at antenatal contact.",
            HV1,
        ),
    )
    ev(
        d("14/10/2019"),
        hosp(
            "14/10/2019",
            "1705",
            TY,
            "4 yr old, laceration to forehead, fell against coffee table per mum.",
            "Steri-strips. Head injury advice. Discharged.",
            "ENP T Jowett",
        ),
        gp(
            "17/10/2019",
            "",
            "Letter",
            "Admin",
            "ED letter: Tyler, forehead laceration 14/10/19, steri-strips.",
            "Filed.",
        ),
        sch(
            "15/10/2019",
            TY,
            "Tyler came in with steri-strips on forehead. Mum said he fell on the coffee table.",
            "Logged. No further action.",
            CT,
        ),
    )
    ev(
        d("26/12/2020"),
        hosp(
            "26/12/2020",
            "1950",
            MR,
            "16 month old, fever 39.6, ?febrile convulsion at MGM's address.",
            "Febrile convulsion, viral illness. Obs 4 hrs, discharged. CP-IS flag noted - "
            "SW informed by email.",
            "Dr L Fairclough (Paeds)",
        ),
        gp(
            "30/12/2020",
            "",
            "Letter",
            "Admin",
            "ED letter 26/12/20: Maisie-Rose simple febrile convulsion, discharged.",
            "Filed. Sent to HV.",
        ),
        hv(
            "04/01/2021",
            "Notification",
            "ED liaison: M-R attended 26/12/20, febrile convulsion. CP-IS flag seen by ED.",
            "Fever advice at next visit.",
            HV1,
        ),
        csc(
            "29/12/2020",
            "Email from ED: Maisie-Rose attended 26/12 with febrile convulsion.",
            "Noted. No concerns re care.",
            "Duty SW",
        ),
    )
    ev(
        d("22/04/2021"),
        hosp(
            "22/04/2021",
            "2245",
            "Jade CALDERBANK (mother)",
            "Intentional overdose sertraline x 20 + alcohol, after argument 'on the phone'. "
            "Children with MGM.",
            "Medically fit 23/04. Seen by liaison psychiatry, referred to crisis team. "
            "Safeguarding referral re children.",
            "Dr S Mensah (ED)",
        ),
        csc(
            "23/04/2021",
            "Referral from hospital liaison psychiatry: mother took overdose 22/04. Children "
            "cared for by MGM.",
            "SW visited MGM. Children to stay with MGM until mother reviewed by crisis team.",
            SW2,
            "High",
        ),
        gp(
            "26/04/2021",
            "",
            "Letter",
            "Admin",
            "Liaison psychiatry letter: Jade, intentional OD sertraline 22/04/21. Crisis team f/u.",
            "Urgent GP review booked. Sertraline to weekly scripts.",
        ),
        hv(
            "27/04/2021",
            "Notification",
            "Informed by SW: Jade overdose 22/04, children at MGM.",
            "HV to visit MGM's.",
            HV2,
        ),
    )
    ev(
        d("07/08/2021"),
        hosp(
            "07/08/2021",
            "1315",
            MR,
            "Not using L arm after being swung by arms. Brought by dad (Connor).",
            "Pulled elbow, reduced in ED. Discharged to father.",
            "ENP T Jowett",
        ),
        gp(
            "11/08/2021",
            "",
            "Letter",
            "Admin",
            "ED letter 07/08/21: Maisie-Rose pulled elbow, reduced. Accompanied by father.",
            "Filed.",
        ),
        hv(
            "12/08/2021",
            "Notification",
            "ED liaison: M-R attended 07/08 with pulled elbow, reduced. Accompanied by father.",
            "Discuss at next visit.",
            HV2,
        ),
    )
    # GP practice safeguarding meetings with the HV: quarterly, near-identical
    for when in ("15/01/2021", "16/04/2021", "16/07/2021", "15/10/2021"):
        ev(
            d(when),
            gp(
                when,
                "1230",
                "Meeting",
                DR1,
                "Practice safeguarding meeting with HV. Children on CP/CIN list discussed: "
                "Tyler and Maisie-Rose CALDERBANK.",
                "No new actions.",
            ),
            hv(
                when,
                "GP liaison",
                "GP safeguarding meeting - family discussed.",
                "",
                HV2 if d(when) > d("01/02/2021") else HV1,
            ),
        )
    # CIN visits 2020 (CSC only, near-identical)
    for when, how in (
        ("10/02/2020", "Home visit"),
        ("16/03/2020", "Home visit"),
        ("28/04/2020", "Doorstep visit"),
        ("02/06/2020", "Doorstep visit"),
        ("23/07/2020", "Home visit"),
        ("18/08/2020", "Home visit"),
        ("28/09/2020", "Home visit"),
        ("06/11/2020", "Home visit"),
    ):
        note = rng.choice(
            [
                "Children seen. Mother presented well.",
                "Children seen. Mother tired but coping.",
                "Children seen, Maisie-Rose asleep.",
            ]
        )
        ev(
            d(when),
            csc(
                when,
                f"CIN visit ({how.lower()}). {note}",
                "CIN plan continues.",
                SW2 if d(when) > d("02/10/2020") else SW1,
            ),
        )
    # management oversight (CSC only)
    for when, text in (
        ("15/01/2020", "Supervision: CIN plan appropriate; SW to verify Connor's programme."),
        ("10/06/2020", "Supervision: 3 PPNs in CIN period. Decision: remain CIN."),
        ("15/10/2020", "Supervision on transfer: consider step down if no incidents."),
        ("12/05/2021", "Supervision: CP plan progressing; mother protective."),
        ("20/09/2021", "Supervision: CIN plan - PPN 04/09 noted, no escalation."),
    ):
        ev(d(when), csc(when, "Management oversight", text, TM))
    ev(
        d("22/06/2020"),
        csc(
            "22/06/2020",
            "T/C Probation OM re Connor PRYCE: community order completed 06/2020; attended 4 "
            "of 12 sessions of the DA programme (not 8 as he told CIN meeting).",
            "Probation case closed. SW to raise at CIN meeting.",
            SW1,
            "High",
        ),
    )
    ev(
        d("26/01/2021"),
        csc(
            "26/01/2021",
            "Family group conference at MGM's home. Mother, MGM, maternal aunt.",
            "Family plan: MGM to supervise any contact; Connor not to visit.",
            FSW,
            "Medium",
        ),
    )
    ev(
        d("23/06/2021"),
        sch(
            "23/06/2021",
            TY,
            "Connor PRYCE seen dropping Tyler at the gate with mum.",
            "DSL emailed SW same day.",
            DDSL,
        ),
        csc(
            "24/06/2021",
            "Email from school DDSL: Connor seen at school gate with mother and Tyler 23/06.",
            "SW to discuss with mother - she says he 'turned up'.",
            SW2,
            "High",
        ),
    )
    ev(
        d("15/07/2021"),
        csc(
            "16/07/2021",
            "Email from DSL: Tyler says Connor took them to McDonalds.",
            "SW to raise at core group / RCPC.",
            SW2,
        ),
    )
    ev(
        d("14/09/2021"),
        csc(
            "14/09/2021",
            "T/C from DSL: Tyler said 'Connor came for tea and mummy cried'.",
            "SW to explore at next CIN visit.",
            SW2,
            "High",
        ),
    )
    ev(
        d("10/09/2021"),
        sch(
            "10/09/2021",
            MR,
            "Nursery settling-in: mum and a man attended, introduced as 'Connor, her dad'.",
            "Key person noted. Not on collection list.",
            NUR,
        ),
    )
    for when, why in (
        ("27/09/2021", "No answer at door, curtains closed."),
        ("29/09/2021", "Mother and Maisie-Rose seen re bruise; explanation consistent."),
        ("12/10/2021", "No answer. Card left."),
        ("08/11/2021", "No answer. Text to mother - replied 'M-R poorly, come next week'."),
        ("16/11/2021", "No answer. Neighbour says 'he's always there'."),
    ):
        kind = "Home visit" if why.startswith("Mother") else "Unannounced visit - no access"
        ev(d(when), csc(when, f"{kind}. {why}", "Revisit.", SW2))
    ev(
        d("20/10/2021"),
        sch(
            "20/10/2021",
            TY,
            "Tyler attendance 86% this term. Attendance letter 1 sent.",
            "Referral to EWO if no improvement.",
            OFFICE,
        ),
    )
    ev(
        d("18/12/2019"),
        hv(
            "18/12/2019",
            "Home visit",
            "Home visit. WNB for 16 week imms discussed - rebooked 16/12, given. Jade says "
            "Connor 'much calmer'.",
            "Review at CIN meeting.",
            HV1,
            text="mid Dec 2019",
        ),
    )
    ev(
        d("08/12/2020"),
        hv(
            "08/12/2020",
            "Home visit",
            "Home visit at MGM's. Jade swollen lip healing. Maisie-Rose well. Tyler quiet.",
            "ICPC report submitted.",
            HV1,
        ),
    )
    ev(
        d("16/02/2021"),
        gp(
            "16/02/2021",
            "0910",
            "Face to face",
            DR2,
            "Maisie-Rose: 18 month, 2 small bruises to shins noted by mum, walking. "
            "Otherwise well.",
            "No concerns. CP plan - HV informed.",
        ),
    )


def find_event(pred: Callable[[Entry], bool]) -> Event:
    return next(e for e in EVENTS if any(pred(en) for en in e.entries))


def also(event: Event, entry: Entry) -> None:
    """Another agency's row about an event that is already in the story."""
    _SEQ[0] += 1
    entry.seq = _SEQ[0]
    event.entries.append(entry)


def build_housing() -> None:
    """Brackenford Homes (the landlord): tenancy, neighbour complaints, repairs, the move."""
    ho1, ho2, asb = "T. Greenhalgh (HO)", "M. Iqbal (HO)", "ASB team"
    ev(
        d("18/03/2019"),
        hsg(
            "18/03/2019",
            None,
            "Rent arrears",
            "14 Pennine Walk (sole tenant Jade CALDERBANK). "
            "Arrears £412.60. Arrears letter 1 sent.",
            ho1,
        ),
    )
    ev(
        d("05/08/2019"),
        hsg(
            "05/08/2019",
            None,
            "Neighbour complaint",
            "No.12 complains of shouting and doors slamming late at night from no.14.",
            asb,
        ),
    )
    ev(
        d("19/11/2019"),
        hsg(
            "19/11/2019",
            None,
            "Tenancy visit",
            "Tenancy audit. Jade, baby and partner Connor PRYCE present - Connor says he "
            "'stays some nights'. Advised to add to household if living there.",
            ho1,
        ),
    )
    also(
        find_event(lambda en: en.cells.get("Ref") == "DA/20/02453"),
        hsg(
            "20/04/2020",
            None,
            "Neighbour complaint",
            "No.12 reports police called to no.14 in early hours of Saturday 18/04 - screaming "
            "and a child crying.",
            asb,
        ),
    )
    ev(
        d("17/08/2020"),
        hsg(
            "17/08/2020",
            None,
            "Repair",
            "Repair job raised - bedroom door, hole in panel. Tenant says 'accidental'. "
            "Rechargeable repair.",
            "Repairs desk",
        ),
    )
    ev(
        d("28/11/2020"),
        hsg(
            "30/11/2020",
            "08/02/2021",
            "Occupancy",
            "Household staying with tenant's mother (Sandra CALDERBANK) following DA. Rent "
            "continues via UC. Property checked weekly.",
            ho2,
        ),
    )
    also(
        find_event(lambda en: en.cells.get("Event / Contact", "").startswith("MARAC held")),
        hsg(
            "10/12/2020",
            None,
            "MARAC",
            "MARAC attended (housing rep). Action: housing options interview, consider "
            "management move on DA grounds.",
            ho2,
        ),
    )
    ev(
        d("15/12/2020"),
        hsg(
            "15/12/2020",
            None,
            "Housing options",
            "Housing options interview with Jade. Management move application on DA grounds.",
            ho2,
        ),
    )
    ev(
        d("15/01/2021"),
        hsg(
            "15/01/2021",
            None,
            "Application",
            "Management move approved - Band A (DA). Areas: Brackenford north only.",
            ho2,
        ),
    )
    ev(
        d("10/05/2021"),
        hsg(
            "10/05/2021",
            None,
            "Offer",
            "Offer of Flat 3, Kestrel House, Mill Lane (2 bed). Viewed and accepted.",
            ho2,
        ),
    )
    also(
        find_event(
            lambda en: en.cells.get("Outcome / Action") == "Address updated. Notify partners."
        ),
        hsg(
            "07/06/2021",
            None,
            "Sign-up",
            "Tenancy sign-up Flat 3 Kestrel House, keys given. Household: Jade, Tyler, "
            "Maisie-Rose.",
            ho2,
        ),
    )
    ev(
        d("07/06/2021"),
        hsg(
            "14/06/2021",
            "07/06/2021",  # typo: the notice period ran 07/06 to 14/06
            "Tenancy end",
            "14 Pennine Walk - notice period, keys returned. Property void.",
            ho1,
        ),
    )
    ev(
        d("06/07/2021"),
        hsg(
            "06/07/2021",
            None,
            "Tenancy visit",
            "New tenancy settling-in visit. Jade and children seen. Men's toiletries in "
            "bathroom - Jade says her brother stays sometimes.",
            ho2,
        ),
    )
    also(
        find_event(lambda en: en.cells.get("Ref") == "CW/21/04410"),
        hsg(
            "12/07/2021",
            None,
            "Neighbour complaint",
            "Flat 2 reports children left alone in Flat 3 on Sunday evening (11/07), police "
            "called.",
            asb,
        ),
    )
    also(
        find_event(lambda en: en.cells.get("Ref") == "DA/21/06021"),
        hsg(
            "06/09/2021",
            None,
            "Neighbour complaint",
            "Flat 2 reports shouting from Flat 3 in early hours of Saturday, police attended.",
            asb,
        ),
    )
    ev(
        d("14/10/2021"),
        hsg(
            "14/10/2021",
            None,
            "Rent arrears",
            "Arrears £286. Neighbour says Connor PRYCE is living at Flat 3 (unauthorised "
            "occupant). Letter to tenant.",
            ho2,
        ),
    )
    ev(
        d("18/11/2021"),
        hsg(
            "18/11/2021",
            None,
            "Neighbour complaint",
            "Flat 2: child crying for long periods over several days, man shouting.",
            asb,
        ),
    )
    ev(
        d("22/11/2021"),
        hsg(
            "22/11/2021",
            None,
            "Information request",
            "Police request (DC Ferris) for occupancy details of Flat 3. Provided.",
            ho2,
        ),
        pol(
            "22/11/2021",
            "1120",
            "Enquiry with Brackenford Homes re occupants of Flat 3 Kestrel House.",
            DC1,
            "Tenancy in Jade’s sole name; landlord has neighbour reports Connor living there.",
            "CR/21/12200",
        ),
    )


def write_housing(out: Path) -> Layout:
    lay = Layout(
        HOUSING_FILE,
        HOUSING_SHEET,
        [
            "one sheet with the default name 'Sheet1', header on row 1, frozen and filtered",
            "two date columns: 'Date from' and 'Date to' (a period, usually empty), Excel "
            "date cells in d-mmm-yy format",
            "a 'Ref' column that is the same tenancy reference on every row",
        ],
        header_row=1,
    )
    wb = Workbook()
    ws = wb.active
    ws.title = HOUSING_SHEET
    header = ["Date from", "Date to", "Category", "Notes", "Officer", "Ref"]
    ws.append(header)
    ws.freeze_panes = "A2"
    lay.skipped.append((HOUSING_SHEET, 1, "header"))
    for en in entries_for(HOUSING):
        ref = "T/0412/14PW" if en.when < d("07/06/2021") else "T/2298/K3"
        ws.append([en.when, en.until] + [en.cells[h] for h in header[2:5]] + [ref])
        r = ws.max_row
        for col in (1, 2):
            ws.cell(row=r, column=col).number_format = "d-mmm-yy"
        if en.until is not None and en.until < en.when:
            lay.problems.append((HOUSING_SHEET, r, "'Date to' before 'Date from'"))
        lay.truth.append((HOUSING_SHEET, r, en.event_id))
    ws.auto_filter.ref = f"A1:F{ws.max_row}"
    lay.physical_rows = ws.max_row
    wb.save(out / HOUSING_FILE)
    return lay


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    print(summary(generate(target)))
