#!/usr/bin/env python
"""Write an independent evaluation set of fictional agency chronologies.

    /work/main/.venv/bin/python /work/heldout/make_files.py [--out /work/heldout]

Writes ~40 files into OUT/tune/ and ~40 different ones into OUT/holdout/, each with
NAME.truth.csv beside it.  Every person, place and organisation is invented.

Truth file columns:
  sheet   - sheet name (spreadsheets), "table N" (Word, 1-based table index), "" (CSV)
  row     - source row: spreadsheets = 1-based Excel row number of the sheet;
            CSV = 1-based CSV record number (header line = 1; a quoted cell holding
            line breaks does not add rows, as Excel shows it);
            Word = 1-based row of the table (its header row = 1).
  kind    - record | continuation | skip
  date    - ISO date start of the record ("March 2021" -> 2021-03-01, "w/c 08/03/2021"
            -> 2021-03-08)
  time    - HH:MM or empty
  agency  - agency as a reviewer would file it (one of the 14 canonical names)
  desc40  - first 40 characters of the description as the agency wrote it
  note    - for continuation rows the row they continue ("of N"); for skips what it is
"""

import argparse
import csv
import datetime as dt
import io
import os
import random

import docx
import openpyxl
import xlwt
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

CANON = [
    "Children's Social Care",
    "Police",
    "Health Visiting",
    "GP",
    "Hospital",
    "School",
    "Housing",
    "Probation",
    "Mental Health",
    "Ambulance",
    "Early Help",
    "Substance Misuse",
    "Youth Justice",
    "Voluntary Sector",
]

FIRST = [
    "Kayla",
    "Jordan",
    "Shannon",
    "Tyler",
    "Demi",
    "Callum",
    "Leanne",
    "Reece",
    "Amber",
    "Kieran",
    "Jade",
    "Connor",
    "Paige",
    "Liam",
    "Chantelle",
    "Darren",
    "Roxanne",
    "Dale",
    "Tasha",
    "Wayne",
    "Bethan",
    "Aled",
    "Priya",
    "Imran",
    "Zofia",
    "Marek",
    "Abena",
    "Kwame",
    "Ruth",
    "Owen",
    "Megan",
    "Harvey",
    "Isla",
    "Mason",
    "Skye",
    "Alfie",
]
SURN = [
    "Penhallow",
    "Cresswell",
    "Tillbury",
    "Okonjo",
    "Brannigan",
    "Fairweather",
    "Hallworth",
    "Quimby",
    "Stannard",
    "Wetherell",
    "Dunmore",
    "Kaczmarek",
    "Oyelaran",
    "Ellery",
    "Rookwood",
    "Marchbank",
    "Thistlewood",
    "Ambrose",
    "Varnham",
    "Colebrook",
    "Drysdale",
    "Fennimore",
    "Gorringe",
    "Hesketh-Lowe",
    "Innes-Barr",
    "Jellicoe",
]
TOWNS = [
    "Brindleham",
    "Ashmarsh",
    "Calderwick",
    "Fenmoor Cross",
    "Wrenfield",
    "Tallowgate",
    "Oakmire Heath",
    "Swallowmead",
    "Harrowdene Fold",
    "Nettlemire Vale",
    "Quillbrook",
    "Upper Quellington",
]
STREETS = [
    "Larkspur Close",
    "Bramble Way",
    "Cinder Lane",
    "Mossgate Road",
    "Pennyfield Court",
    "Heron Walk",
    "Gallows Hill Flats",
    "Tanner's Row",
    "Orchard Rise",
]


class Fam:
    def __init__(self, r):
        self.child = r.choice(
            [
                "Ellie-Mae",
                "Tyler-James",
                "Kacey",
                "Riley",
                "Skylar",
                "Jaxon",
                "Maisie",
                "Noah",
                "Lacey",
                "Bobby",
                "Summer",
                "Freddie",
            ]
        )
        self.csur = r.choice(SURN)
        self.ci = self.child[0] + self.csur[0]
        self.mum = r.choice(["Kayla", "Shannon", "Leanne", "Demi", "Jade", "Roxanne", "Tasha"])
        self.mumsur = self.csur
        self.partner = r.choice(["Dale", "Wayne", "Reece", "Darren", "Kieran", "Callum"])
        self.psur = r.choice([s for s in SURN if s != self.csur])
        self.sib = r.choice(["Archie", "Poppy", "Lily", "Kai", "Rosie"])
        self.town = r.choice(TOWNS)
        self.street = f"{r.randint(2, 88)} {r.choice(STREETS)}"
        self.dob = dt.date(r.randint(2012, 2019), r.randint(1, 12), r.randint(1, 28))


def person(r):
    return f"{r.choice(FIRST)} {r.choice(SURN)}"


# ---------------------------------------------------------------- content per agency
# each: list of (type, opening template); openings use {c} child, {m} mum, {p} partner,
# {s} sibling, {a} address, {t} town, {w} a colleague
CONTENT = {
    "Children's Social Care": (
        ["SW", "SSW", "TM", "IRO", "Family Support Worker"],
        [
            ("Home visit", "Home visit to {a}; {m} and {c} seen, {p} not present."),
            (
                "Unannounced visit",
                "Unannounced visit completed. No answer at the door despite lights on.",
            ),
            (
                "Strategy discussion",
                "Strategy discussion held with police and health regarding bruise to {c}'s cheek.",
            ),
            (
                "Referral",
                "Referral received from school via MASH reporting {c} disclosed being hit.",
            ),
            (
                "Case note",
                "Telephone call to {m} to arrange the next CIN meeting; she was hostile.",
            ),
            (
                "Supervision",
                "Case discussed in supervision with TM {w}; decision to progress to ICPC.",
            ),
            (
                "ICPC",
                "Initial child protection conference held; {c} made subject to a CP plan under neglect.",
            ),
            (
                "Core group",
                "Core group meeting. Attendance: HV, school, SW, {m}. {p} did not attend.",
            ),
            ("Assessment", "Child and family assessment completed and signed off by team manager."),
            ("Direct work", "Direct work session with {c} at school using three houses tool."),
            ("Email", "Email from health visitor advising {m} has missed two appointments."),
            (
                "Section 47",
                "Section 47 enquiry initiated following police notification of DA incident.",
            ),
            ("Contact", "Contact from anonymous neighbour concerned about shouting at {a}."),
            ("Legal planning", "Legal planning meeting; threshold for PLO not met at this time."),
        ],
    ),
    "Police": (
        ["PC", "DC", "DS", "PCSO", "Sgt"],
        [
            ("Domestic", "Call from {m} reporting {p} had kicked the front door in and left."),
            (
                "Concern for welfare",
                "Concern for safety call from neighbour at {a}: child heard screaming.",
            ),
            ("PPN", "PPN submitted for {c} following attendance at a domestic incident."),
            ("Crime", "Crime recorded: assault occasioning ABH, victim {m}, suspect {p} {ps}."),
            ("Arrest", "{p} {ps} arrested at {a} on suspicion of common assault."),
            ("ASB", "Report of youths causing damage to a car outside {a}; {c} named by caller."),
            (
                "Missing",
                "{c} reported missing by {m}; found two hours later at a friend's house in {t}.",
            ),
            ("Intel", "Intelligence log created: {p} believed to be dealing from the address."),
            (
                "DASH",
                "DASH completed with {m}, assessed as medium risk. She declined an IDVA referral.",
            ),
            ("Bail", "{p} released on police bail with conditions not to contact {m}."),
            (
                "Strategy",
                "Attended strategy discussion with CSC; agreed single agency police enquiry.",
            ),
            (
                "Breach",
                "Report that {p} attended {a} in breach of bail conditions; left before police arrival.",
            ),
        ],
    ),
    "Health Visiting": (
        ["HV", "CNN", "SN", "Staff Nurse"],
        [
            (
                "New birth visit",
                "New birth visit. {m} tearful, reports little sleep, baby feeding well.",
            ),
            ("6-8 week review", "6-8 week review completed at clinic; EPDS score 14, GP informed."),
            (
                "Telephone",
                "Telephone contact with {m}; she cancelled today's visit as {s} is unwell.",
            ),
            ("Home visit", "Home visit: home conditions poor, dog faeces on the kitchen floor."),
            (
                "WNB",
                "{c} was not brought to the 1 year review. Letter sent offering a new appointment.",
            ),
            ("Liaison", "Liaison with the GP practice regarding {c}'s missed immunisations."),
            (
                "Safeguarding supervision",
                "Safeguarding supervision: case discussed, plan to escalate concerns to CSC.",
            ),
            (
                "2-2.5 year review",
                "2-2.5 year review: ASQ completed, concerns about speech and language.",
            ),
            ("Antenatal contact", "Antenatal contact. {m} disclosed previous DA from ex-partner."),
            (
                "Drop in clinic",
                "{m} attended the drop in clinic for weighing; weight on the 9th centile.",
            ),
        ],
    ),
    "GP": (
        ["Dr", "ANP", "Practice Nurse", "HCA"],
        [
            ("Face to face", "{m} attended with {c}: cough and fever for 3 days, chest clear."),
            (
                "Telephone consultation",
                "Telephone consultation with {m} re low mood; sertraline started.",
            ),
            ("Did not attend", "{c} DNA for asthma review. Second DNA in 3 months."),
            ("Letter", "Letter received from ED: {c} attended with a head injury, fall from sofa."),
            (
                "Medication review",
                "Medication review for {m}; request for early repeat of diazepam refused.",
            ),
            ("Home visit", "Home visit requested by {m}, {c} vomiting; advised to attend UTC."),
            ("Immunisation", "Pre-school boosters given. {m} asked about nursery funding."),
            (
                "Safeguarding meeting",
                "Practice safeguarding meeting: {c} discussed, flagged as child in need.",
            ),
            ("Admin", "Report requested for child protection conference; completed by Dr {w}."),
        ],
    ),
    "Hospital": (
        ["Staff Nurse", "Dr", "Paediatric Registrar", "Safeguarding Nurse", "ENP"],
        [
            ("ED attendance", "{c} brought to ED by {m} with a burn to the left forearm."),
            (
                "ED attendance",
                "Attended ED with an injury to the right wrist after a reported fall.",
            ),
            (
                "Admission",
                "Admitted to the children's ward for observation after ingesting tablets.",
            ),
            ("Safeguarding referral", "Safeguarding referral made to CSC by the ED liaison nurse."),
            (
                "Paediatric review",
                "Reviewed by the paediatric registrar; injury consistent with the history given.",
            ),
            ("Maternity", "Booking appointment at 14 weeks. {m} disclosed cannabis use."),
            ("Discharge", "Discharged home with {m}; follow up with the GP in one week."),
            ("Outpatients", "{c} was not brought to the fracture clinic appointment."),
            ("Skeletal survey", "Skeletal survey completed; no further fractures identified."),
        ],
    ),
    "School": (
        ["DSL", "DDSL", "Class teacher", "SENCO", "Pastoral lead", "TA"],
        [
            ("Safeguarding", "{c} arrived at school hungry and in the same clothes as yesterday."),
            ("Disclosure", "{c} told class teacher that {p} shouted and threw a plate at Mummy."),
            (
                "Attendance",
                "{c} absent, no call from parent. First day calling and a home visit by EWO.",
            ),
            (
                "Operation Encompass",
                "Operation Encompass notification received from police re DA last night.",
            ),
            (
                "Physical injury",
                "Bruise noticed on {c}'s upper arm during PE, approx 3cm, yellowing.",
            ),
            ("Behaviour", "{c} became distressed at home time and refused to leave with {p}."),
            (
                "Parent contact",
                "{m} came into school upset, said she had been asked to leave the refuge.",
            ),
            ("Meeting", "TAF meeting held at school; attended by EH worker, {m} and school nurse."),
            ("Uniform/hygiene", "{c} has head lice again; letter sent home and uniform provided."),
            (
                "Late collection",
                "{c} not collected at 3.15pm. {m} arrived at 4.40pm smelling of alcohol.",
            ),
        ],
    ),
    "Housing": (
        ["Housing Officer", "Tenancy Support Officer", "Income Officer", "Repairs"],
        [
            ("Tenancy visit", "Tenancy visit to {a}; property cluttered, smoke alarm removed."),
            ("Rent arrears", "Rent arrears letter sent; arrears now £1,240.56."),
            ("ASB complaint", "Neighbour complaint of noise and shouting from {a} late at night."),
            (
                "Repairs",
                "Repairs operative reported a hole in the bedroom door consistent with a punch.",
            ),
            (
                "Homelessness",
                "{m} presented as homeless fleeing DA; placed in temporary accommodation in {t}.",
            ),
            ("Notice", "Notice of seeking possession served for rent arrears and ASB."),
            (
                "Telephone",
                "Telephone call from {m} requesting a move due to {p} knowing her address.",
            ),
        ],
    ),
    "Probation": (
        ["PO", "PSO", "SPO", "OM"],
        [
            (
                "Office visit",
                "Office visit - attended. {p} reports no contact with {m}, which is doubted.",
            ),
            ("Home visit", "Home visit to {p}'s bail address; room seen, no concerns."),
            ("Failed to attend", "Failed to attend appointment. Warning letter issued."),
            ("Risk assessment", "OASys review completed; risk to known adult assessed as high."),
            (
                "Domestic abuse enquiry",
                "Domestic abuse and safeguarding enquiries sent to police and CSC.",
            ),
            ("Programme", "Attended session 4 of Building Better Relationships; engaged well."),
            ("Recall", "Licence recall initiated after {p} was arrested for assaulting {m}."),
            ("MAPPA", "MAPPA level 1 review; no change in management level."),
        ],
    ),
    "Mental Health": (
        ["CPN", "Psychiatrist", "Support Worker", "AMHP", "Psychologist"],
        [
            (
                "Review",
                "Outpatient review with consultant; {m} reports improved mood on sertraline.",
            ),
            (
                "CPN visit",
                "CPN home visit to {m}; flat untidy, {c} present and appeared well cared for.",
            ),
            (
                "Crisis",
                "Crisis team contacted by {m} reporting thoughts of self harm; seen same day.",
            ),
            (
                "DNA",
                "{m} did not attend her appointment; a further appointment was offered by letter.",
            ),
            ("CAMHS", "CAMHS initial assessment with {c}; low mood and poor sleep reported."),
            ("Discharge", "Discharged from the CMHT back to GP care following non-engagement."),
            (
                "MHA assessment",
                "Mental Health Act assessment; {m} not detained, home treatment agreed.",
            ),
        ],
    ),
    "Ambulance": (
        ["Paramedic", "EMT", "Clinical Navigator"],
        [
            ("999 call", "999 call from {m}: {c} fitting and not responding properly."),
            (
                "See and treat",
                "Crew on scene. {p} with head laceration after an alleged fall; treated on scene.",
            ),
            ("Conveyed", "{c} conveyed to ED with a suspected fractured arm."),
            (
                "Hear and treat",
                "111 call transferred; {m} reports child with high temperature. Advice given.",
            ),
            (
                "Safeguarding",
                "Safeguarding referral raised by crew due to concerns about home conditions.",
            ),
            ("Police request", "Attended at request of police; {m} intoxicated with a cut hand."),
        ],
    ),
    "Early Help": (
        ["EH Worker", "Family Practitioner", "EH Coordinator", "Parenting Worker"],
        [
            ("Home visit", "Home visit to {m}; worked on a morning routine chart with {c}."),
            ("TAF", "Team Around the Family meeting; plan reviewed, attendance still a concern."),
            (
                "Assessment",
                "Early help assessment started with {m}, consent given for information sharing.",
            ),
            ("Parenting", "{m} attended week 3 of the parenting programme."),
            ("Step down", "Case stepped down from CSC to early help following CIN closure."),
            ("Telephone", "Telephone call with {m}; she said {p} has moved back in."),
            ("Closure", "Case closed to early help as {m} withdrew consent."),
        ],
    ),
    "Substance Misuse": (
        ["Keyworker", "Recovery Worker", "Prescriber", "Nurse"],
        [
            (
                "Keywork session",
                "Keywork session with {m}; reports using cannabis daily, no other drugs.",
            ),
            ("DNA", "{m} DNA'd her appointment. Text reminder had been sent."),
            ("Drug test", "Urine screen positive for cocaine and cannabis."),
            ("Prescribing review", "Prescribing review; methadone reduced to 40ml daily."),
            (
                "Assessment",
                "Comprehensive assessment completed with {p}; alcohol 70 units per week.",
            ),
            ("Group", "Attended the recovery group; spoke about relapse triggers."),
        ],
    ),
    "Youth Justice": (
        ["YJ Officer", "Case Manager", "YJ Nurse", "Reparation Worker"],
        [
            (
                "Supervision",
                "Supervision session with {c}; discussed the offence and victim awareness.",
            ),
            ("Court", "Youth court: referral order of 6 months made for criminal damage."),
            (
                "Missed appointment",
                "{c} missed his appointment; home visit made, {m} said he was asleep.",
            ),
            ("AssetPlus", "AssetPlus assessment completed; risk of serious harm medium."),
            ("Reparation", "Reparation session at the community garden, 2 hours completed."),
            ("Panel", "Referral order panel meeting; contract signed by {c} and {m}."),
        ],
    ),
    "Voluntary Sector": (
        ["Support Worker", "IDVA", "Outreach Worker", "Volunteer"],
        [
            ("Outreach", "Outreach visit to {m}; safety planning completed, she has a new phone."),
            ("Telephone", "Call from {m} saying {p} had been outside her house at 2am."),
            ("Group", "{m} attended the Freedom programme session 5."),
            ("Referral", "Referral received from police following a high risk DASH."),
            (
                "MARAC",
                "Case heard at MARAC; actions for the IDVA to support a non-molestation order.",
            ),
            ("Food bank", "Food bank voucher issued and £30 energy top up provided."),
        ],
    ),
}
FOLLOW = [
    "{m} said things were better and that {p} no longer visits.",
    "Advice given about safe sleeping and smoking in the home.",
    "Information shared with the allocated social worker by email.",
    "{c} presented as quiet and withdrawn, made little eye contact.",
    "Plan: review in two weeks.",
    "No concerns noted on this occasion.",
    "{m} became tearful when asked about money and said she had \u00a36 left until Friday.",
    "Discussed with the safeguarding lead who agreed to make a referral.",
    "The worker noted a strong smell of cannabis in the hallway.",
    "{p} was heard shouting in the background during the call.",
    "{c}'s sibling {s} was also seen and appeared well.",
    "Letter sent to confirm the next appointment.",
    "Outcome: NFA at this time.",
    "Records updated and the case flagged for review.",
    "{m} agreed to contact the GP about her mood.",
]
CONT = [
    "(cont.) {m} was advised of the next steps and given the duty number.",
    "Cont'd: worker waited outside for ten minutes before leaving a card.",
    "continued: it was agreed that the school would monitor attendance daily.",
    "{m} later rang back and apologised for her earlier behaviour on the phone.",
    "This was discussed with the manager on return to the office the same day.",
    "Further checks were made with the GP surgery and the school before closing.",
]


def fill(s, f, r):
    return s.format(
        c=f.child, m=f.mum, p=f.partner, ps=f.psur, s=f.sib, a=f.street, t=f.town, w=person(r)
    )


# ---------------------------------------------------------------- date / time styles
MON = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def render_date(d, style):
    """return (cell value, number format or None)"""
    if style == "dmy":
        return d.strftime("%d/%m/%Y"), None
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d:%y}", None
    if style == "dmy_dot_short":
        return f"{d.day}.{d.month}.{d:%y}", None
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y"), None
    if style == "d_mon_y":
        return d.strftime("%d-%b-%Y"), None
    if style == "d_mon_yy":
        return f"{d.day} {d:%b} {d:%y}", None
    if style == "ordinal":
        return f"{ordinal(d.day)} {MON[d.month - 1]} {d.year}", None
    if style == "dayname":
        return f"{d:%A} {d.day} {MON[d.month - 1]} {d.year}", None
    if style == "dayname_short":
        return f"{d:%a} {d:%d/%m/%Y}", None
    if style == "d_mon_dot":
        ab = "Sept" if d.month == 9 else MON[d.month - 1][:3]
        return f"{d.day} {ab}. {d.year}", None
    if style == "ord_mon_yy":
        ab = "Sept" if d.month == 9 else MON[d.month - 1][:3]
        return f"{ordinal(d.day)} {ab} {d:%y}", None
    if style == "iso":
        return d.isoformat(), None
    if style == "mdy":
        return f"{d.month}/{d.day}/{d.year}", None
    if style == "mdy0":
        return d.strftime("%m/%d/%Y"), None
    if style == "xl_date":
        return dt.datetime(d.year, d.month, d.day), "dd/mm/yyyy"
    if style == "xl_date2":
        return dt.datetime(d.year, d.month, d.day), "d-mmm-yy"
    if style == "xl_serial":
        return (d - dt.date(1899, 12, 30)).days, "General"
    raise ValueError(style)


def render_dt(d, t, style):
    """date and time in one cell; t may be None"""
    if style == "xl_datetime":
        return dt.datetime(d.year, d.month, d.day, *(t or (0, 0))), (
            "dd/mm/yyyy hh:mm" if t else "dd/mm/yyyy"
        )
    if style == "str_dt":
        return d.strftime("%d/%m/%Y") + (f" {t[0]:02d}:{t[1]:02d}" if t else ""), None
    if style == "str_dt_sec":
        return d.strftime("%d/%m/%Y") + (f" {t[0]:02d}:{t[1]:02d}:00" if t else " 00:00:00"), None
    if style == "us_dt":
        hh = t or (0, 0)
        h12 = hh[0] % 12 or 12
        return (
            f"{d.month}/{d.day}/{d.year} {h12}:{hh[1]:02d}:00 {'PM' if hh[0] >= 12 else 'AM'}",
            None,
        )
    if style == "iso_dt":
        return f"{d.isoformat()}T{(t or (0, 0))[0]:02d}:{(t or (0, 0))[1]:02d}:00", None
    if style == "at_text":
        return d.strftime("%d/%m/%Y") + (f" at {t[0]:02d}:{t[1]:02d}" if t else ""), None
    if style == "dash_pm":
        if not t:
            return d.strftime("%d/%m/%y"), None
        h12 = t[0] % 12 or 12
        return f"{d:%d/%m/%y} - {h12}.{t[1]:02d}{'pm' if t[0] >= 12 else 'am'}", None
    if style == "dayname_dt":
        return f"{d:%a} {d:%d/%m/%Y}" + (f" {t[0]:02d}:{t[1]:02d}" if t else ""), None
    if style == "xl_serial_dt":
        hh = t or (0, 0)
        return round((d - dt.date(1899, 12, 30)).days + (hh[0] * 60 + hh[1]) / 1440, 6), "General"
    if style == "dmy_at":
        return d.strftime("%d/%m/%Y") + (f" @ {t[0]:02d}{t[1]:02d}hrs" if t else ""), None
    raise ValueError(style)


def render_time(t, style):
    h, m = t
    h12 = h % 12 or 12
    ap = "pm" if h >= 12 else "am"
    if style == "colon":
        return f"{h:02d}:{m:02d}", None
    if style == "dotpm":
        return (f"{h12}.{m:02d}{ap}" if m else f"{h12}{ap}"), None
    if style == "approx":
        return f"approx {h12}{ap}", None  # truth: whole hour
    if style == "hhmm":
        return f"{h:02d}{m:02d}", None
    if style == "dot24":
        return f"{h:02d}.{m:02d}", None
    if style == "xl_time":
        return dt.time(h, m), "hh:mm"
    if style == "ampm":
        return f"{h12}:{m:02d} {ap.upper()}", None
    if style == "xl_fraction":
        return round((h * 60 + m) / 1440, 8), "General"
    if style == "sec":
        return f"{h:02d}:{m:02d}:00", None
    raise ValueError(style)


# ---------------------------------------------------------------- a sheet being built
class Sheet:
    def __init__(self, name):
        self.name = name
        self.rows = []  # (cells list, meta dict)
        self.merges = []  # (row0, col0, row1, col1) 0-based inclusive
        self.fmts = {}  # (r, c) -> number format
        self.ncols = 1
        self.bold = set()

    def add(self, cells, kind, **meta):
        meta["kind"] = kind
        self.rows.append((list(cells), meta))
        self.ncols = max(self.ncols, len(cells))
        return len(self.rows)  # 1-based row number


# ---------------------------------------------------------------- writers
def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for i, (cells, meta) in enumerate(sh.rows, start=1):
            for j, v in enumerate(cells, start=1):
                if v is None or v == "":
                    continue
                c = ws.cell(row=i, column=j, value=v)
                f = sh.fmts.get((i - 1, j - 1))
                if f:
                    c.number_format = f
                if isinstance(v, str) and "\n" in v:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
                if (i - 1) in sh.bold:
                    c.font = Font(bold=True)
        for r0, c0, r1, c1 in sh.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)


def write_xls(path, sheets):
    wb = xlwt.Workbook(encoding="utf-8")
    styles = {}

    def st(fmt):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf(num_format_str=fmt)
        return styles[fmt]

    for sh in sheets:
        ws = wb.add_sheet(sh.name[:31])
        merged_cells = set()
        for r0, c0, r1, c1 in sh.merges:
            cells = sh.rows[r0][0]
            ws.write_merge(r0, r1, c0, c1, cells[c0] if c0 < len(cells) else "")
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    merged_cells.add((rr, cc))
        for i, (cells, meta) in enumerate(sh.rows):
            for j, v in enumerate(cells):
                if v is None or v == "" or (i, j) in merged_cells:
                    continue
                f = sh.fmts.get((i, j))
                if f:
                    ws.write(i, j, v, st(f))
                else:
                    ws.write(i, j, v)
    wb.save(path)


def cell_text(v):
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%d/%m/%Y %H:%M") if (v.hour or v.minute) else v.strftime("%d/%m/%Y")
    if isinstance(v, dt.time):
        return v.strftime("%H:%M")
    return str(v)


def write_csv(path, sheet, encoding="utf-8", delimiter=",", bom=False, crlf=True):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    for cells, meta in sheet.rows:
        row = [cell_text(v) for v in cells]
        w.writerow(row)
    data = buf.getvalue()
    with open(path, "wb") as fh:
        if bom:
            fh.write(b"\xef\xbb\xbf")
        fh.write(data.encode(encoding, errors="replace"))


def write_docx(path, paras, tables, after=(), headings=False):
    """paras: list of (text, bold); tables: list of Sheet (table rows); after: paragraphs"""
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.size = Pt(9)
    for t, b in paras:
        p = d.add_paragraph()
        run = p.add_run(t)
        run.bold = b
    for k, sh in enumerate(tables):
        if (k or headings) and sh.name:
            d.add_paragraph(sh.name)
        ncol = sh.ncols
        tb = d.add_table(rows=0, cols=ncol)
        tb.style = "Table Grid"
        for i, (cells, meta) in enumerate(sh.rows):
            row = tb.add_row()
            for j in range(ncol):
                v = cells[j] if j < len(cells) else ""
                row.cells[j].text = cell_text(v)
        for r0, c0, r1, c1 in sh.merges:
            a = tb.cell(r0, c0)
            b = tb.cell(r1, c1)
            txt = a.text
            m = a.merge(b)
            m.text = txt
    for t, b in after:
        p = d.add_paragraph()
        p.add_run(t).bold = b
    d.save(path)


# ---------------------------------------------------------------- layout pools per half
POOLS = {
    "tune": {
        "date": [
            "Date",
            "Date of contact",
            "Event Date",
            "Date of event",
            "Contact Date",
            "Date of involvement",
        ],
        "time": ["Time", "Time of contact", "Start Time", "Time (24hr)"],
        "datetime": ["Date/Time", "Date & time", "Contact Date/Time", "Recorded Date Time"],
        "agency": ["Agency", "Source", "Agency / service", "Organisation"],
        "worker": ["Practitioner", "Worker", "Staff member", "Name of professional", "Author"],
        "type": ["Type", "Contact type", "Category", "Event type", "Method"],
        "desc": [
            "Details",
            "Description",
            "Summary of contact",
            "Event",
            "Notes",
            "What happened",
            "Details of involvement",
            "Chronology entry",
            "Contact / event details",
            "Summary of involvement and action taken",
        ],
        "outcome": ["Outcome", "Action taken", "Outcome / action", "Next steps"],
        "ref": ["Ref", "Reference", "Case no."],
        "recorded": ["Date recorded", "Entered on", "Input date"],
        "analysis": ["Analysis / comment", "Reviewer comment", "Significance"],
        "location": ["Location", "Venue"],
    },
    "holdout": {
        "date": [
            "When",
            "Date seen",
            "Entry date",
            "Date of intervention",
            "Activity date",
            "Dt.",
            "Date (dd/mm/yy)",
        ],
        "time": ["Approx time", "Hrs", "Time seen", "At"],
        "datetime": ["Timestamp", "When (date & time)", "Occurred", "Logged"],
        "agency": ["Service", "Who", "Team / agency", "From"],
        "worker": ["Seen by", "Officer", "Professional involved", "Completed by", "Clinician"],
        "type": ["Kind of contact", "Form", "Activity", "Contact made by", "Entry type"],
        "desc": [
            "Information",
            "Record of contact",
            "Account",
            "Narrative",
            "Key information",
            "Brief summary",
            "Text",
            "Significant event",
            "What was known / done",
            "Involvement (brief factual account)",
        ],
        "outcome": ["Result", "Decision", "Follow-up", "Actions agreed"],
        "ref": ["ID", "Log no.", "Record number"],
        "recorded": ["Keyed", "Date typed", "Created"],
        "analysis": ["Relevance to review", "Learning", "Comments (review team)"],
        "location": ["Where", "Place"],
    },
}

TITLES = {
    "tune": [
        lambda o, f, ag, per: [
            ["OFFICIAL - SENSITIVE"],
            [f"Agency: {o}"],
            [f"Child: {f.ci}"],
            [f"Period covered: {per}"],
        ],
        lambda o, f, ag, per: [
            [f"{o}"],
            [f"Chronology of involvement - Child {f.ci[0]}"],
            ["Completed by:", person(random.Random(len(o)))],
        ],
        lambda o, f, ag, per: [
            [
                "Learning Review: Child "
                + f.ci[0]
                + " ("
                + f.town
                + " Safeguarding Children Partnership)"
            ],
            ["Agency", o],
            ["Review period", per],
        ],
        lambda o, f, ag, per: [
            [f"{f.town} Borough Council"],
            ["Children and Families Directorate"],
            [f"CHRONOLOGY - {f.ci} DOB {f.dob:%d/%m/%Y}"],
        ],
        lambda o, f, ag, per: [],
        lambda o, f, ag, per: [
            ["OFFICIAL-SENSITIVE (when complete)"],
            [f"Name of agency: {o}   Author: {person(random.Random(3))}"],
        ],
    ],
    "holdout": [
        lambda o, f, ag, per: [
            [f"PROTECT - {o}"],
            [f"Subject: {f.child} {f.csur[0]}."],
            [f"From {per}"],
        ],
        lambda o, f, ag, per: [
            [f"Rapid Review {f.ci} - information return"],
            ["Organisation:", o],
            ["Date of birth:", f.dob.strftime("%d.%m.%Y")],
            ["Completed by:", person(random.Random(9))],
        ],
        lambda o, f, ag, per: [[f"{o} - safeguarding chronology"], ["CONFIDENTIAL"]],
        lambda o, f, ag, per: [
            [f"{f.town} Safeguarding Partnership"],
            [f"Child Safeguarding Practice Review 'Child {f.ci[1]}'"],
            [f"Return from: {o}", "", f"Dates: {per}"],
        ],
        lambda o, f, ag, per: [],
        lambda o, f, ag, per: [["Restricted"], [f"Service: {o}"], [f"Young person: {f.ci}"]],
    ],
}
FOOTERS = {
    "tune": [
        ["End of chronology"],
        ["Signed: ______________  Date: ____________"],
        ["Total entries: {n}"],
        ["Printed on 14/04/2022 by rgorringe"],
        ["Page 1 of 1"],
        ["OFFICIAL - SENSITIVE"],
    ],
    "holdout": [
        ["*** END OF REPORT ***"],
        ["Author signature:", "", "Date completed: 03/05/2022"],
        ["{n} records"],
        ["Report run 02/02/2023 09:14:55"],
        ["This document must not be shared outside the review panel."],
        ["Checked by line manager: yes"],
    ],
}

ORGS = {
    "Children's Social Care": [
        "{t} Council Children's Services",
        "Children's Social Care",
        "{t} Family Safeguarding Service",
        "CSC ({t})",
    ],
    "Police": [
        "{t} Constabulary",
        "{t} Police",
        "Kestrel Vale Constabulary",
        "Public Protection Unit",
    ],
    "Health Visiting": [
        "{t} 0-19 Service",
        "Health Visiting Service",
        "{t} Community Health NHS Trust (Health Visiting)",
    ],
    "GP": [
        "{t} Medical Practice",
        "Larkspur Surgery",
        "{t} Health Centre (GP)",
        "Dr Quimby & Partners",
    ],
    "Hospital": [
        "{t} General Hospital",
        "{t} Hospitals NHS Foundation Trust - Emergency Department",
        "Royal {t} Infirmary",
    ],
    "School": [
        "{t} Primary School",
        "St Wilfreda's C of E Academy",
        "{t} Infant and Nursery School",
    ],
    "Housing": ["{t} Homes", "{t} Housing Association", "{t} Council Housing Services"],
    "Probation": [
        "Probation Service ({t} PDU)",
        "The Probation Service",
        "{t} Probation Delivery Unit",
    ],
    "Mental Health": ["{t} Partnership NHS Trust (Adult Mental Health)", "CAMHS {t}", "{t} CMHT"],
    "Ambulance": ["{t} Ambulance Service NHS Trust", "Vale of Quillbrook Ambulance Service"],
    "Early Help": ["{t} Early Help Team", "Family Hub ({t})", "{t} Early Help Service"],
    "Substance Misuse": ["{t} Recovery Partnership", "Driftwood Lane Drug & Alcohol Service"],
    "Youth Justice": ["{t} Youth Justice Service", "{t} Youth Offending Team"],
    "Voluntary Sector": ["{t} Women's Aid", "Lanternfield DA Charity", "{t} Family Action Group"],
}
SHORT = {
    "Children's Social Care": "CSC",
    "Police": "Police",
    "Health Visiting": "HV",
    "GP": "GP",
    "Hospital": "ED",
    "School": "School",
    "Housing": "Housing",
    "Probation": "Probation",
    "Mental Health": "MH",
    "Ambulance": "Ambulance",
    "Early Help": "EarlyHelp",
    "Substance Misuse": "DrugAlcohol",
    "Youth Justice": "YJS",
    "Voluntary Sector": "WomensAid",
}
# how an agency column names other agencies in a multi-agency file
COLNAMES = {
    "Children's Social Care": ["CSC", "Children's Services", "Social Care", "MASH"],
    "Police": ["Police", "PPU", "Kestrel Vale Constabulary"],
    "Health Visiting": ["Health Visitor", "HV", "0-19 Service"],
    "GP": ["GP", "Larkspur Surgery"],
    "Hospital": ["A&E", "ED", "{t} General Hospital"],
    "School": ["School", "{t} Primary School", "School (DSL)"],
    "Housing": ["Housing", "{t} Homes"],
    "Probation": ["Probation", "NPS"],
    "Mental Health": ["CAMHS", "Adult Mental Health", "CMHT"],
    "Ambulance": ["Ambulance Service", "Paramedics"],
    "Early Help": ["Early Help", "Family Hub"],
    "Substance Misuse": ["Drug & alcohol service", "Substance Misuse"],
    "Youth Justice": ["YOT", "Youth Justice"],
    "Voluntary Sector": ["Women's Aid", "IDVA service"],
}


# ---------------------------------------------------------------- one file
class Plan:
    def __init__(self, **kw):
        self.__dict__.update(
            dict(
                agency="Police",
                fmt="xlsx",
                n=60,
                cols=None,
                date_style="dmy",
                time_style=None,
                dt_style=None,
                title=None,
                footer=True,
                spacers=0.0,
                cont=0.0,
                merged_title=False,
                cover=False,
                guidance=False,
                sheet="Chronology",
                mixed_approx=0.0,
                reverse=False,
                multi=False,
                desc_lines=False,
                sections=False,
                year_sheets=False,
                two_dates=False,
                ditto=False,
                enc="utf-8",
                delim=",",
                bom=False,
                gp_multirow=False,
                notes_row=False,
                pre_paras=None,
                name=None,
                cpoms=False,
                combined_outcome=False,
                time_blank=0.3,
                title_in_header_rows=False,
                blank_date_same_day=False,
                group_header=None,
                repeat_header=0,
                no_header=False,
                paragraphs=None,
                keyinfo=False,
                ranges=0.0,
                messy_dates=0.0,
                time_ranges=0.0,
                xl_mixed=0.0,
                bullets=False,
                blank_header=None,
                title_dates=False,
                date_headings=None,
                date_in_text=None,
                example_row=False,
                key_legend=False,
                agency_sections=False,
                gp_soap=None,
            )
        )
        self.__dict__.update(kw)


def gen_records(r, plan, fam, start, end, org):
    """list of record dicts in chronological order"""
    days = (end - start).days
    ds = sorted(start + dt.timedelta(days=r.randint(0, days)) for _ in range(plan.n))
    roles, bank = CONTENT[plan.agency] if not plan.multi else (None, None)
    recs = []
    used = set()
    for i, d in enumerate(ds):
        ag = plan.agency if not plan.multi else r.choice(plan.multi)
        roles, bank = CONTENT[ag]
        typ, opening = r.choice(bank)
        desc = fill(opening, fam, r)
        k = 0
        while desc[:40] in used and k < 0:
            desc = fill(r.choice(FOLLOW), fam, r) + " " + desc
            k += 1
        used.add(desc[:40])
        nfollow = r.choice([0, 1, 1, 2, 3])
        sep = "\n" if plan.desc_lines and r.random() < 0.6 else " "
        if plan.bullets:
            sep = "\n\u2022 " if r.random() < 0.7 else "\n- "
        for _ in range(nfollow):
            fs = fill(r.choice(FOLLOW), fam, r)
            if plan.enc == "cp1252" and r.random() < 0.5:
                fs = fs.replace("'", "\u2019") + " \u201cI\u2019m fine\u201d, she said."
            desc += sep + fs
        if plan.gp_soap:
            exam = r.choice(
                [
                    "Alert, interactive, obs normal.",
                    "Temp 38.1, chest clear, ears normal.",
                    "No bruising seen. Weight 12.4kg.",
                    "Not examined (telephone).",
                    "Mood low, no thoughts of self harm, good eye contact.",
                ]
            )
            pl = r.choice(
                [
                    "Safety net advice given.",
                    "Review 2/52.",
                    "Refer to paediatrics.",
                    "Discuss at practice safeguarding meeting.",
                    "Repeat prescription issued.",
                ]
            )
            labs = (
                ("History", "Examination", "Plan")
                if plan.gp_soap == "long"
                else ("Hx", "O/E", "Plan")
            )
            desc = f"{labs[0]}: {desc}\n{labs[1]}: {exam}\n{labs[2]}: {pl}"
        t = None
        if r.random() > plan.time_blank:
            t = (
                r.choice([8, 9, 9, 10, 11, 13, 14, 15, 16, 17, 19, 21, 23, 2]),
                r.choice([0, 5, 10, 15, 20, 30, 35, 45, 50]),
            )
        outcome = r.choice(
            [
                "NFA",
                "Referral to CSC",
                "Advice given",
                "Rebooked",
                "Monitor",
                "Shared with SW",
                "Letter sent",
                "",
            ]
        )
        rec = dict(
            date=d,
            time=t,
            agency=ag,
            type=typ,
            desc=desc,
            outcome=outcome,
            worker=f"{r.choice(roles)} {r.choice(FIRST)[0]}. {r.choice(SURN)}",
            ref=None,
            precision="day",
        )
        recs.append(rec)
    return recs


def build(plan, half, idx, outdir, seed):
    r = random.Random(seed)
    random.seed(seed)
    pool = POOLS[half]
    fam = Fam(r)
    y0 = r.randint(2018, 2021)
    start = dt.date(y0, r.randint(1, 6), 1)
    end = start + dt.timedelta(days=r.randint(300, 900))
    org = r.choice(ORGS[plan.agency]).format(t=fam.town) if not plan.multi else f"{fam.town} MASH"
    per = f"{start:%d/%m/%Y} to {end:%d/%m/%Y}"
    recs = gen_records(r, plan, fam, start, end, org)
    if plan.reverse:
        recs = recs[::-1]
    if plan.agency_sections:
        order = {a: i for i, a in enumerate(plan.multi)}
        recs.sort(key=lambda x: (order[x["agency"]], x["date"]))
    # references
    for i, rec in enumerate(recs):
        if plan.agency == "Police":
            rec["ref"] = (
                f"{r.randint(100, 999)}/{rec['date']:%y}"
                if half == "tune"
                else f"KV-{rec['date']:%Y%m%d}-{r.randint(1, 9999):04d}"
            )
        elif plan.agency == "Ambulance":
            rec["ref"] = f"INC{r.randint(1000000, 9999999)}"
        else:
            rec["ref"] = f"{r.choice('ABCDEFGH')}{r.randint(10000, 99999)}"

    if plan.paragraphs:
        return build_paragraph_doc(plan, half, recs, fam, org, per, outdir, r)
    # ---- columns
    cols = plan.cols or ["date", "time", "worker", "type", "desc", "outcome"]
    headers = []
    for c in cols:
        if isinstance(c, tuple):
            c, h = c
        else:
            h = r.choice(pool[c]) if c in pool else c
        headers.append((c, h))
    roles = [c for c, _ in headers]

    sh = Sheet(plan.sheet)
    # title block
    tpl = TITLES[half][plan.title if plan.title is not None else r.randrange(len(TITLES[half]))]
    tlines = tpl(org, fam, plan.agency, per)
    para_titles = []
    if plan.fmt == "docx":
        para_titles = [(" ".join(x for x in l if x), i == 0) for i, l in enumerate(tlines)]
        if plan.pre_paras:
            para_titles += [(p.format(o=org, c=fam.ci, per=per), False) for p in plan.pre_paras]
    else:
        if plan.title_dates:
            tlines = tlines + [
                [
                    "Date of request:",
                    (dt.date(end.year, 1, 1) + dt.timedelta(days=40)).strftime("%d/%m/%Y"),
                ],
                ["DOB:", fam.dob.strftime("%d/%m/%Y")],
                ["Date completed:", (end + dt.timedelta(days=60)).strftime("%d/%m/%Y")],
            ]
        for l in tlines:
            rn = sh.add(l, "skip", note="title block")
            sh.bold.add(rn - 1)
            if plan.merged_title and len(l) == 1:
                sh.merges.append((rn - 1, 0, rn - 1, max(3, len(headers) - 1)))
        if tlines:
            sh.add([], "blank", note="blank")
    # header
    if plan.fmt == "docx" and plan.title_in_header_rows:
        rn = sh.add(
            [f"Chronology: {org}"] + [""] * (len(headers) - 1), "skip", note="table title row"
        )
        sh.merges.append((rn - 1, 0, rn - 1, len(headers) - 1))
    if plan.blank_header:
        headers = [(c, "" if c == plan.blank_header else h) for c, h in headers]
    if plan.group_header:
        # a merged group header above the real header: [(label, span), ...]
        cells, spans, k = [], [], 0
        for lab, span in plan.group_header:
            cells += [lab] + [""] * (span - 1)
            if span > 1:
                spans.append((k, k + span - 1))
            k += span
        rn = sh.add(cells, "skip", note="group header")
        sh.bold.add(rn - 1)
        for a0, a1 in spans:
            sh.merges.append((rn - 1, a0, rn - 1, a1))
    if not plan.no_header:
        rn = sh.add([h for _, h in headers], "skip", note="header")
        sh.bold.add(rn - 1)
    if plan.example_row:
        ex = []
        for c in roles:
            ex.append(
                {
                    "date": "e.g. 01/01/2020" if half == "tune" else "dd/mm/yyyy",
                    "datetime": "e.g. 01/01/2020 10:00",
                    "time": "10:00",
                    "desc": (
                        "Example: Home visit to family, child seen and spoken to alone."
                        if half == "tune"
                        else "Describe the contact, who was present and what was decided"
                    ),
                    "worker": "Name / role",
                    "type": "Visit / call / meeting",
                    "outcome": "What happened next",
                }.get(c, "")
            )
        sh.add(ex, "skip", note="template example row")

    last_date_row = None
    prev_date = None
    year_cur = None
    sheets_extra = []
    for i, rec in enumerate(recs):
        d = rec["date"]
        prec = "day"
        if plan.year_sheets and year_cur is not None and d.year != year_cur:
            # new sheet per year (Word: a new table under a year heading)
            sheets_extra.append(sh)
            sh = Sheet(
                str(d.year) if plan.fmt != "docx" or half == "tune" else f"Entries for {d.year}"
            )
            rn = sh.add([h for _, h in headers], "skip", note="header")
            sh.bold.add(rn - 1)
        year_cur = d.year
        if plan.sections and (
            prev_date is None or (d.year, d.month >= 7) != (prev_date.year, prev_date.month >= 7)
        ):
            label = (
                f"{'January - June' if d.month < 7 else 'July - December'} {d.year}"
                if half == "tune"
                else f"--- Period {d.year}{'a' if d.month < 7 else 'b'} ---"
            )
            rn = sh.add([label], "skip", note="section heading")
            sh.merges.append((rn - 1, 0, rn - 1, len(headers) - 1))
        if plan.agency_sections and (i == 0 or recs[i - 1]["agency"] != rec["agency"]):
            lab = (
                rec["agency"].upper()
                if half == "tune"
                else f"{rec['agency']} - information provided"
            )
            rn = sh.add([lab], "skip", note="agency section heading")
            sh.merges.append((rn - 1, 0, rn - 1, len(headers) - 1))
            sh.bold.add(rn - 1)
        if plan.date_headings and (i == 0 or recs[i - 1]["date"] != d):
            hv, hf = render_date(d, plan.date_headings)
            rn = sh.add([hv], "skip", note="date heading")
            if hf:
                sh.fmts[(rn - 1, 0)] = hf
            sh.merges.append((rn - 1, 0, rn - 1, len(headers) - 1))
            sh.bold.add(rn - 1)
        if plan.repeat_header and i and i % plan.repeat_header == 0:
            if half == "tune":
                sh.add([h for _, h in headers], "skip", note="repeated header")
            else:
                sh.add([f"Page {i // plan.repeat_header + 1}"], "skip", note="page break line")
                sh.add([h for _, h in headers], "skip", note="repeated header")
        if plan.spacers and r.random() < plan.spacers:
            sh.add([], "blank", note="blank spacer")
        cells = []
        truth_time = None
        style = plan.date_style
        ditto_here = False
        if plan.ditto and prev_date == d:
            ditto_here = True
        approx_kind = None
        if plan.mixed_approx and r.random() < plan.mixed_approx and not ditto_here:
            approx_kind = r.choice(["month", "wc", "approx"])
        if approx_kind == "month":
            prec = "month"
            d = dt.date(d.year, d.month, 1)
        elif approx_kind == "wc":
            prec = "week"
            rec["date"] = d = d - dt.timedelta(days=d.weekday())
        for c in roles:
            v, fmt = "", None
            if c == "date":
                if ditto_here:
                    v = '"' if plan.ditto == "quote" else ("ditto" if plan.ditto == "word" else "")
                elif approx_kind == "month":
                    v = f"{MON[d.month - 1]} {d.year}"
                elif approx_kind == "wc":
                    v = f"w/c {d:%d/%m/%Y}"
                elif approx_kind == "approx":
                    v = f"approx {d:%d/%m/%Y}"
                elif plan.ranges and r.random() < plan.ranges:
                    e2 = d + dt.timedelta(days=r.randint(1, 9))
                    v = (
                        f"{d:%d/%m/%Y} - {e2:%d/%m/%Y}"
                        if half == "tune"
                        else f"{d.day}.{d.month}.{d:%y} to {e2.day}.{e2.month}.{e2:%y}"
                    )
                elif plan.messy_dates and r.random() < plan.messy_dates:
                    base = d.strftime("%d/%m/%Y")
                    v = (
                        r.choice(
                            [
                                f" {base} ",
                                f"{base}.",
                                f"{base} (letter)",
                                f"{base}*",
                                f"'{base}",
                                f"{base}\n",
                            ]
                        )
                        if half == "tune"
                        else r.choice(
                            [
                                f"{base}  ",
                                f"{base} - see note",
                                f"{base}?",
                                f"({base})",
                                f"{d.day}/{d.month}/{d.year}",
                                f"{d:%d/%m/%y}",
                            ]
                        )
                    )
                elif plan.xl_mixed and r.random() < plan.xl_mixed:
                    v = r.choice(
                        [
                            f"{d:%d/%m/%Y}",
                            f"{d.day}.{d.month}.{d:%y}",
                            f"{d.day} {MON[d.month - 1]} {d.year}",
                        ]
                    )
                else:
                    v, fmt = render_date(d, style)
            elif c == "time":
                if rec["time"] and prec == "day":
                    v, fmt = render_time(rec["time"], plan.time_style or "colon")
                    truth_time = rec["time"] if plan.time_style != "approx" else (rec["time"][0], 0)
                    if plan.time_ranges and r.random() < plan.time_ranges:
                        h2 = (rec["time"][0] + 1) % 24
                        v = (
                            f"{rec['time'][0]:02d}:{rec['time'][1]:02d}-{h2:02d}:{rec['time'][1]:02d}"
                            if half == "tune"
                            else f"{rec['time'][0]:02d}{rec['time'][1]:02d} - {h2:02d}{rec['time'][1]:02d}"
                        )
                        fmt = None
            elif c == "datetime":
                t = rec["time"] if prec == "day" else None
                if approx_kind == "month":
                    v = f"{MON[d.month - 1]} {d.year}"
                else:
                    v, fmt = render_dt(d, t, plan.dt_style)
                    truth_time = t
            elif c == "recorded":
                rd = d + dt.timedelta(days=r.choice([0, 0, 1, 2, 5, 14]))
                v, fmt = render_date(
                    rd,
                    style if not style.startswith("xl") or plan.fmt in ("xlsx", "xls") else "dmy",
                )
            elif c == "agency":
                v = r.choice(COLNAMES[rec["agency"]]).format(t=fam.town)
            elif c == "worker":
                v = rec["worker"]
            elif c == "type":
                v = rec["type"]
            elif c == "datedesc":
                ds, _ = render_date(d, plan.date_in_text)
                tpart = ""
                if rec["time"]:
                    truth_time = rec["time"]
                    tpart = (
                        f" {rec['time'][0]:02d}:{rec['time'][1]:02d}"
                        if half == "tune"
                        else f" ({rec['time'][0]:02d}{rec['time'][1]:02d}hrs)"
                    )
                v = (
                    f"{ds}{tpart} - {rec['desc']}"
                    if half == "tune"
                    else f"{ds}{tpart}: {rec['desc']}"
                )
            elif c == "desc":
                v = rec["desc"]
                if plan.combined_outcome and rec["outcome"]:
                    v += f"\nOutcome: {rec['outcome']}"
            elif c == "outcome":
                v = rec["outcome"]
            elif c == "ref":
                v = rec["ref"]
            elif c == "analysis":
                v = r.choice(
                    [
                        "",
                        "",
                        "Key practice episode - first disclosure.",
                        "Missed opportunity to share information with CSC?",
                        "Shows pattern of disguised compliance.",
                    ]
                )
            elif c == "location":
                v = r.choice(
                    [fam.street, "Office", "School", fam.town + " Health Centre", "Telephone"]
                )
            elif c == "child":
                v = f"{fam.child} {fam.csur}"
            elif c == "status":
                v = r.choice(["Open", "Closed", "Closed"])
            elif c == "blank":
                v = ""
            if fmt and plan.fmt not in ("xlsx", "xls"):
                v = cell_text(v) if not isinstance(v, int) else v
                fmt = None
            if fmt:
                sh.fmts[(len(sh.rows), len(cells))] = fmt
            cells.append(v)
        if plan.fmt not in ("xlsx", "xls") and "date" in roles:
            j = roles.index("date")
            if isinstance(cells[j], int):
                cells[j] = str(cells[j])
        desc40 = rec["desc"][:40]
        tt = f"{truth_time[0]:02d}:{truth_time[1]:02d}" if truth_time else ""
        if plan.gp_multirow:
            # first row: date + summary line; following rows: History / Examination / Plan
            parts = rec["desc"].split("\n") if "\n" in rec["desc"] else [rec["desc"]]
            di = roles.index("desc")
            cells[di] = parts[0]
            rn = sh.add(
                cells,
                "record",
                date=d.isoformat(),
                time=tt,
                agency=rec["agency"],
                desc40=parts[0][:40],
            )
            parent = rn
            for lab, txt in zip(
                ["History", "Examination", "Plan"],
                [fill(r.choice(FOLLOW), fam, r) for _ in range(3)],
            ):
                if r.random() < 0.3:
                    continue
                cc = [""] * len(roles)
                cc[roles.index("type")] = lab
                cc[di] = txt
                sh.add(cc, "continuation", note=f"of {parent}")
        else:
            rn = sh.add(
                cells, "record", date=d.isoformat(), time=tt, agency=rec["agency"], desc40=desc40
            )
        prev_date = d
        if plan.cont and r.random() < plan.cont and len(rec["desc"]) >= 40:
            cc = [""] * len(roles)
            cc[roles.index("desc")] = fill(r.choice(CONT), fam, r)
            sh.add(cc, "continuation", note=f"of {rn}")
        if plan.notes_row and i == len(recs) // 2:
            nd = d.strftime("%d/%m/%Y")
            sh.add(
                [f"NB: no records are held between {nd} and the next entry (system migration)."],
                "skip",
                note="note row",
            )
    sheets_extra.append(sh)
    last = sheets_extra[-1]
    if plan.key_legend:
        last.add([], "blank", note="blank")
        for kl in (
            (
                ["Key:"],
                ["HV = Health Visitor; SW = Social Worker; DNA = did not attend"],
                ["CIN = Child in Need; CP = Child Protection"],
            )
            if half == "tune"
            else (
                ["Abbreviations used"],
                ["TAF - Team Around the Family", "EH - Early Help"],
                ["WNB - was not brought"],
            )
        ):
            last.add(kl, "skip", note="key / legend")
    if plan.footer:
        fts = FOOTERS[half]
        k = r.sample(range(len(fts)), 2)
        if plan.fmt != "docx":
            last.add([], "blank", note="blank")
        for j in k:
            last.add([x.format(n=len(recs)) for x in fts[j]], "skip", note="footer")

    name = plan.name
    ext = {"csv": "csv", "docx": "docx", "xls": "xls", "xlsx": "xlsx"}[plan.fmt]
    path = os.path.join(outdir, f"{name}.{ext}")
    if plan.fmt == "xlsx" or plan.fmt == "xls":
        sheets = []
        if plan.cover:
            cv = Sheet("Cover" if half == "tune" else "Front sheet")
            cv.add([f"{fam.town} Safeguarding Children Partnership"], "skip")
            cv.add([f"Learning review - Child {fam.ci}"], "skip")
            cv.add(["Agency", org], "skip")
            cv.add(["Date requested", "01/03/2022"], "skip")
            cv.add(["Return by", "31/03/2022"], "skip")
            sheets.append(cv)
        if plan.guidance:
            gd = Sheet("Guidance" if half == "tune" else "How to complete")
            for line in [
                "Please record every contact with the child or family in the period.",
                "Use one row per contact. Enter dates as dd/mm/yyyy.",
                "Include the outcome of each contact and the name/role of the worker.",
                "Example: 01/01/2020 | Home visit | SW | Child seen alone",
            ]:
                gd.add([line], "skip")
            sheets.append(gd)
        sheets += sheets_extra
        (write_xlsx if plan.fmt == "xlsx" else write_xls)(path, sheets)
    elif plan.fmt == "csv":
        assert len(sheets_extra) == 1
        write_csv(
            path,
            sheets_extra[0],
            encoding=plan.enc,
            delimiter=plan.delim,
            bom=plan.bom,
            crlf=plan.enc != "utf-16",
        )
    elif plan.fmt == "docx":
        after = (
            [("Signature of author: ____________", False), (f"Date: {end:%d/%m/%Y}", False)]
            if plan.footer
            else []
        )
        # footers inside docx table: keep them as table rows (already added)
        tables = list(sheets_extra)
        if plan.keyinfo:
            ki = Sheet("")
            for kv in [
                ["Child's name", f"{fam.child} {fam.csur}"],
                ["Date of birth", fam.dob.strftime("%d/%m/%Y")],
                ["Address", f"{fam.street}, {fam.town}"],
                ["Agency", org],
                ["Author / role", person(r) + ", safeguarding lead"],
                ["Date completed", (end + dt.timedelta(days=30)).strftime("%d/%m/%Y")],
            ]:
                ki.add(kv, "skip")
            tables = [ki] + tables
        write_docx(path, para_titles, tables, after=after)
    # truth
    tpath = os.path.join(outdir, f"{name}.truth.csv")
    with open(tpath, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["sheet", "row", "kind", "date", "time", "agency", "desc40", "note"])
        for k, s in enumerate(sheets_extra):
            sname = (
                s.name
                if plan.fmt in ("xlsx", "xls")
                else (f"table {k + 1 + (1 if plan.keyinfo else 0)}" if plan.fmt == "docx" else "")
            )
            for i, (cells, meta) in enumerate(s.rows, start=1):
                if meta["kind"] == "blank":
                    continue
                w.writerow(
                    [
                        sname,
                        i,
                        meta["kind"],
                        meta.get("date", ""),
                        meta.get("time", ""),
                        meta.get("agency", ""),
                        meta.get("desc40", ""),
                        meta.get("note", ""),
                    ]
                )
    return path


def build_paragraph_doc(plan, half, recs, fam, org, per, outdir, r):
    """A Word chronology written as paragraphs, not a table (truth sheet 'paragraphs',
    row = 1-based index in python-docx's document.paragraphs)."""
    d = docx.Document()
    truth = []

    def para(text, bold=False, kind="skip", **meta):
        p = d.add_paragraph()
        p.add_run(text).bold = bold
        truth.append(dict(kind=kind, row=len(d.paragraphs), **meta))

    para(org, True, note="title")
    para(f"Chronology of involvement with {fam.ci} ({per})", True, note="title")
    para(
        "This chronology has been compiled from our case records for the learning review.",
        note="preamble",
    )
    for rec in recs:
        dd = rec["date"]
        t = rec["time"]
        tt = f"{t[0]:02d}:{t[1]:02d}" if t else ""
        if plan.paragraphs == "dash":
            ds, _ = render_date(dd, plan.date_style)
            ts = f" {t[0]:02d}:{t[1]:02d}" if t else ""
            para(
                f"{ds}{ts} \u2013 {rec['desc']}",
                kind="record",
                date=dd.isoformat(),
                time=tt,
                agency=rec["agency"],
                desc40=rec["desc"][:40],
            )
        else:  # a bold date line, then the text
            ds, _ = render_date(dd, plan.date_style)
            ts = f", {t[0] % 12 or 12}.{t[1]:02d}{'pm' if t[0] >= 12 else 'am'}" if t else ""
            para(
                ds + ts,
                True,
                kind="record",
                date=dd.isoformat(),
                time=tt,
                agency=rec["agency"],
                desc40=rec["desc"][:40],
            )
            para(rec["desc"], kind="continuation", note=f"of {len(d.paragraphs) - 1}")
    para("End of chronology.", note="footer")
    path = os.path.join(outdir, f"{plan.name}.docx")
    d.save(path)
    with open(
        os.path.join(outdir, f"{plan.name}.truth.csv"), "w", newline="", encoding="utf-8"
    ) as fh:
        w = csv.writer(fh)
        w.writerow(["sheet", "row", "kind", "date", "time", "agency", "desc40", "note"])
        for t in truth:
            w.writerow(
                [
                    "paragraphs",
                    t["row"],
                    t["kind"],
                    t.get("date", ""),
                    t.get("time", ""),
                    t.get("agency", ""),
                    t.get("desc40", ""),
                    t.get("note", ""),
                ]
            )
    return path


# ---------------------------------------------------------------- the plans
def plans_tune():
    P = Plan
    return [
        P(
            name="CSC_chronology_Child_K",
            agency="Children's Social Care",
            fmt="xlsx",
            n=120,
            cols=["date", "type", "worker", "desc", "outcome"],
            date_style="dmy",
            merged_title=True,
            cover=True,
            guidance=True,
            title=0,
            cont=0.08,
        ),
        P(
            name="Police_incident_log_KV",
            repeat_header=25,
            agency="Police",
            fmt="xlsx",
            n=80,
            cols=["ref", "date", "time", "type", "location", "desc", "worker"],
            date_style="xl_date",
            time_style="xl_time",
            title=5,
            reverse=True,
        ),
        P(
            name="HV_chron_return",
            agency="Health Visiting",
            fmt="docx",
            n=45,
            cols=["date", "worker", "type", "desc"],
            date_style="dmy_short",
            title=1,
            pre_paras=[
                "Please find below the health visiting chronology for {c} for the period {per}.",
                "Entries are taken from SystmOne and summarised by the named nurse.",
            ],
        ),
        P(
            name="GP_consultations_LM",
            agency="GP",
            fmt="xlsx",
            n=70,
            gp_soap="long",
            cols=["date", "worker", "type", "desc"],
            date_style="d_mon_y",
            title=1,
        ),
        P(
            name="ED_attendances",
            agency="Hospital",
            fmt="csv",
            n=40,
            cols=["datetime", "ref", "type", "desc", "outcome"],
            dt_style="at_text",
            title=4,
        ),
        P(
            name="CPOMS_export_Wrenfield",
            agency="School",
            fmt="csv",
            n=150,
            cols=[
                ("child", "Student"),
                ("desc", "Incident"),
                ("type", "Categories"),
                ("datetime", "Date/Time"),
                ("outcome", "Action taken"),
                ("worker", "Added by"),
                ("status", "Status"),
            ],
            dt_style="str_dt",
            title=4,
            footer=False,
            reverse=True,
            desc_lines=True,
        ),
        P(
            name="Housing_notes",
            agency="Housing",
            fmt="csv",
            enc="cp1252",
            n=35,
            cols=["date", "worker", "type", "desc"],
            date_style="dmy",
            title=4,
            footer=False,
        ),
        P(
            name="Probation_contact_log",
            agency="Probation",
            fmt="xlsx",
            n=200,
            cols=["date", "time", "type", "outcome", "worker", "desc"],
            date_style="xl_date2",
            time_style="colon",
            title=2,
        ),
        P(
            name="MH_progress_notes",
            bullets=True,
            agency="Mental Health",
            fmt="xlsx",
            n=60,
            cols=["datetime", "type", "worker", "desc"],
            dt_style="xl_datetime",
            title=0,
            desc_lines=True,
        ),
        P(
            name="Ambulance_calls",
            agency="Ambulance",
            fmt="csv",
            delim=";",
            n=25,
            cols=["ref", "date", "time", "type", "desc", "outcome"],
            date_style="dmy",
            time_style="sec",
            title=4,
        ),
        P(
            name="EarlyHelp_chronology",
            agency="Early Help",
            fmt="docx",
            n=30,
            cols=["date", "type", "desc", "outcome", "worker"],
            date_style="ordinal",
            title=3,
            pre_paras=["This chronology has been prepared for the learning review."],
        ),
        P(
            name="Substance_misuse_chron",
            agency="Substance Misuse",
            fmt="xls",
            n=55,
            cols=["date", "type", "worker", "desc"],
            date_style="xl_date",
            title=0,
        ),
        P(
            name="YJS_chronology",
            blank_header="time",
            agency="Youth Justice",
            fmt="xlsx",
            n=40,
            cols=["date", "time", "desc", "worker"],
            date_style="dmy_dot_short",
            time_style="dotpm",
            title=1,
            spacers=0.15,
        ),
        P(
            name="WomensAid_support_log",
            agency="Voluntary Sector",
            fmt="csv",
            enc="cp1252",
            n=28,
            cols=["date", "type", "desc"],
            date_style="d_mon_yy",
            title=4,
            footer=False,
        ),
        P(
            name="MASH_multiagency",
            agency="Children's Social Care",
            fmt="xlsx",
            n=140,
            multi=[
                "Children's Social Care",
                "Police",
                "Health Visiting",
                "School",
                "GP",
                "Early Help",
            ],
            cols=["date", "agency", "desc", "outcome", "analysis"],
            date_style="dmy",
            title=2,
            sections=True,
        ),
        P(
            name="Police_command_control_3500",
            agency="Police",
            fmt="xlsx",
            n=3500,
            cols=["ref", "datetime", "type", "desc", "worker"],
            dt_style="xl_datetime",
            title=4,
            footer=False,
        ),
        P(
            name="CSC_Mosaic_casenotes",
            agency="Children's Social Care",
            fmt="csv",
            n=220,
            cols=["ref", "date", "recorded", "type", "worker", "desc"],
            date_style="dmy",
            title=4,
            footer=False,
            desc_lines=True,
        ),
        P(
            name="School_safeguarding_log",
            messy_dates=0.12,
            agency="School",
            fmt="xlsx",
            n=65,
            cols=["date", "time", "desc", "outcome", "worker"],
            date_style="dmy",
            time_style="dotpm",
            title=1,
            cont=0.1,
            mixed_approx=0.08,
        ),
        P(
            name="HV_SystmOne_export_US",
            agency="Health Visiting",
            fmt="csv",
            n=90,
            cols=["datetime", "type", "worker", "desc"],
            dt_style="us_dt",
            title=4,
            footer=False,
        ),
        P(
            name="GP_EMIS_multirow",
            agency="GP",
            fmt="xlsx",
            n=50,
            gp_multirow=True,
            cols=["date", "type", "desc", "worker"],
            date_style="xl_date",
            title=0,
        ),
        P(
            name="Hospital_paeds_safeguarding",
            agency="Hospital",
            fmt="docx",
            n=35,
            cols=["date", "time", "type", "desc", "outcome"],
            date_style="dmy",
            time_style="colon",
            title=0,
            title_in_header_rows=True,
            pre_paras=["Summary of involvement: {o}", "Child: {c}"],
        ),
        P(
            name="Probation_nDelius",
            time_ranges=0.2,
            agency="Probation",
            fmt="csv",
            n=300,
            cols=["date", "time", "type", "outcome", "worker", "desc"],
            date_style="dmy",
            time_style="colon",
            title=4,
            footer=False,
        ),
        P(
            name="CSC_return_serials",
            title_dates=True,
            agency="Children's Social Care",
            fmt="xlsx",
            n=50,
            cols=["date", "desc", "worker", "outcome"],
            date_style="xl_serial",
            title=3,
        ),
        P(
            name="Police_PPU_chronology",
            agency="Police",
            fmt="docx",
            n=40,
            year_sheets=True,
            cols=["date", "ref", "desc"],
            date_style="dmy",
            title=0,
            pre_paras=["Police chronology compiled from Niche records by the review officer."],
        ),
        P(
            name="Mental_health_CAMHS",
            agency="Mental Health",
            fmt="xlsx",
            n=38,
            cols=["date", "worker", "desc", "type"],
            date_style="dayname",
            title=1,
            guidance=True,
            sheet="Chronology",
        ),
        P(
            name="Housing_ASB_log",
            xl_mixed=0.25,
            agency="Housing",
            fmt="xlsx",
            n=45,
            cols=["date", "time", "type", "desc", "outcome"],
            date_style="dmy",
            time_style="approx",
            title=0,
        ),
        P(
            name="EH_family_hub",
            agency="Early Help",
            fmt="csv",
            n=60,
            bom=True,
            cols=["date", "worker", "desc", "outcome"],
            date_style="iso",
            title=4,
            footer=False,
            combined_outcome=True,
        ),
        P(
            name="School_attendance_welfare",
            agency="School",
            fmt="xls",
            n=80,
            cols=["date", "desc", "type", "worker"],
            date_style="dmy",
            title=1,
            spacers=0.1,
            mixed_approx=0.1,
        ),
        P(
            name="Ambulance_ePCR",
            agency="Ambulance",
            fmt="xlsx",
            n=22,
            cols=["ref", "datetime", "desc", "outcome", "worker"],
            dt_style="dash_pm",
            title=0,
        ),
        P(
            name="YOT_contacts_2021",
            agency="Youth Justice",
            fmt="csv",
            n=70,
            cols=["date", "time", "type", "desc", "worker"],
            date_style="dmy",
            time_style="hhmm",
            title=4,
            footer=False,
        ),
        P(
            name="CSC_by_year",
            agency="Children's Social Care",
            fmt="xlsx",
            n=160,
            year_sheets=True,
            cols=["date", "type", "desc", "worker"],
            date_style="xl_date",
            title=4,
            footer=False,
        ),
        P(
            name="Police_ditto_dates",
            agency="Police",
            fmt="xlsx",
            n=90,
            ditto="quote",
            cols=["date", "time", "desc", "ref"],
            date_style="dmy",
            time_style="colon",
            title=0,
        ),
        P(
            name="GP_summary_letter_style",
            agency="GP",
            fmt="docx",
            n=25,
            desc_lines=True,
            cols=["date", "desc"],
            date_style="d_mon_y",
            title=1,
            pre_paras=["Dear Review Panel,", "Please see the GP records relating to {c} below."],
        ),
        P(
            name="HV_two_date_columns",
            agency="Health Visiting",
            fmt="xlsx",
            n=75,
            cols=["recorded", "date", "type", "desc", "worker"],
            date_style="dmy",
            title=0,
        ),
        P(
            name="Substance_misuse_semicolon",
            agency="Substance Misuse",
            fmt="csv",
            delim=";",
            enc="cp1252",
            n=45,
            cols=["date", "type", "desc", "worker"],
            date_style="dmy_dot",
            title=4,
            footer=False,
        ),
        P(
            name="VCS_family_support",
            agency="Voluntary Sector",
            fmt="xlsx",
            n=30,
            cols=["date", "desc"],
            date_style="dmy",
            title=5,
            mixed_approx=0.2,
            notes_row=True,
        ),
        P(
            name="Hospital_ED_big_export",
            agency="Hospital",
            fmt="csv",
            n=400,
            cols=["ref", "datetime", "type", "desc", "outcome", "worker"],
            dt_style="iso_dt",
            title=4,
            footer=False,
        ),
        P(
            name="CSC_continuations",
            agency="Children's Social Care",
            fmt="xlsx",
            n=55,
            cols=["date", "worker", "desc"],
            date_style="dmy",
            title=0,
            cont=0.3,
        ),
        P(
            name="School_DSL_word_return",
            agency="School",
            fmt="docx",
            n=50,
            cols=["date", "time", "desc", "outcome"],
            date_style="dmy",
            time_style="dotpm",
            title=2,
            mixed_approx=0.1,
            pre_paras=["Designated Safeguarding Lead return for the {per} period."],
        ),
        P(
            name="MH_adult_CMHT_serials",
            agency="Mental Health",
            fmt="xls",
            n=33,
            cols=["date", "time", "desc", "worker"],
            date_style="xl_date",
            time_style="xl_time",
            title=3,
        ),
        P(
            name="LA_template_two_row_header",
            agency="Children's Social Care",
            fmt="xlsx",
            n=85,
            cols=["date", "time", "worker", "agency", "desc", "outcome"],
            multi=["Children's Social Care", "Early Help", "Health Visiting", "Police"],
            group_header=[("Date and time", 2), ("Practitioner", 2), ("Event and outcome", 2)],
            date_style="xl_date",
            time_style="colon",
            title=2,
            merged_title=True,
        ),
        P(
            name="Police_narrative_paragraphs",
            agency="Police",
            fmt="docx",
            n=40,
            paragraphs="dash",
            date_style="dmy_dot",
        ),
        P(
            name="HV_keyinfo_tables",
            agency="Health Visiting",
            fmt="docx",
            n=34,
            keyinfo=True,
            cols=["date", "type", "desc", "worker"],
            date_style="dmy",
            title=4,
            pre_paras=["Health visiting chronology."],
        ),
        P(
            name="Hospital_admissions_ranges",
            agency="Hospital",
            fmt="xlsx",
            n=40,
            ranges=0.35,
            cols=["date", "type", "desc", "worker"],
            date_style="dmy",
            title=0,
        ),
        P(
            name="Early_help_no_header",
            agency="Early Help",
            fmt="csv",
            n=45,
            no_header=True,
            cols=["date", "worker", "desc"],
            date_style="dmy",
            title=4,
            footer=False,
        ),
        P(
            name="Hospital_UTF16_tab_export",
            agency="Hospital",
            fmt="csv",
            enc="utf-16",
            delim="\t",
            n=75,
            cols=["ref", "date", "time", "type", "desc", "outcome"],
            date_style="d_mon_dot",
            time_style="colon",
            title=4,
            footer=False,
        ),
        P(
            name="Police_custody_diary_headings",
            agency="Police",
            fmt="xlsx",
            n=70,
            date_headings="dayname",
            cols=["time", "desc", "worker"],
            time_style="colon",
            title=0,
        ),
        P(
            name="Housing_single_column_log",
            agency="Housing",
            fmt="xlsx",
            n=40,
            cols=[("datedesc", "Contact log")],
            date_in_text="dmy",
            title=1,
        ),
        P(
            name="CSC_template_example_row",
            agency="Children's Social Care",
            fmt="xlsx",
            n=48,
            example_row=True,
            key_legend=True,
            cols=["date", "type", "desc", "outcome", "worker"],
            date_style="dmy",
            title=3,
            guidance=True,
        ),
        P(
            name="MH_serial_fraction_times",
            agency="Mental Health",
            fmt="xlsx",
            n=44,
            cols=["date", "time", "type", "desc"],
            date_style="xl_serial",
            time_style="xl_fraction",
            title=2,
        ),
        P(
            name="Multiagency_sections_compiled",
            agency="Children's Social Care",
            fmt="xlsx",
            n=90,
            multi=["Police", "Health Visiting", "School", "GP"],
            agency_sections=True,
            cols=["date", "time", "desc", "worker"],
            date_style="dmy",
            time_style="colon",
            title=2,
        ),
    ]


def plans_holdout():
    P = Plan
    return [
        P(
            name="Childrens_Services_LCS_extract",
            agency="Children's Social Care",
            fmt="csv",
            n=260,
            cols=["ref", "recorded", "date", "worker", "type", "desc"],
            date_style="dmy_short",
            title=4,
            footer=False,
            desc_lines=True,
        ),
        P(
            name="Constabulary_occurrences",
            repeat_header=30,
            agency="Police",
            fmt="xlsx",
            n=110,
            cols=["datetime", "ref", "type", "desc", "outcome", "worker"],
            dt_style="dmy_at",
            title=0,
            merged_title=True,
        ),
        P(
            name="0-19_Service_chron",
            agency="Health Visiting",
            fmt="xlsx",
            n=85,
            cols=["worker", "date", "desc", "type"],
            date_style="dmy_dot",
            title=2,
            cover=True,
        ),
        P(
            name="Surgery_record_extract",
            agency="GP",
            fmt="docx",
            n=60,
            gp_soap="short",
            cols=["date", "worker", "desc"],
            date_style="dmy",
            title=1,
            pre_paras=[
                "Extract from the practice record prepared by the safeguarding lead GP.",
                "Consultations not relevant to safeguarding have been removed.",
            ],
        ),
        P(
            name="A&E_attendance_list",
            agency="Hospital",
            fmt="xlsx",
            n=48,
            cols=["ref", "date", "time", "desc", "type", "outcome"],
            date_style="xl_date",
            time_style="ampm",
            title=2,
        ),
        P(
            name="MyConcern_export",
            agency="School",
            fmt="csv",
            n=130,
            bom=True,
            cols=[
                ("ref", "Concern ID"),
                ("datetime", "Date of concern"),
                ("type", "Concern type"),
                ("desc", "Summary"),
                ("worker", "Reported by"),
                ("outcome", "Actions"),
            ],
            dt_style="str_dt_sec",
            title=4,
            footer=False,
        ),
        P(
            name="Tenancy_management_notes",
            messy_dates=0.15,
            agency="Housing",
            fmt="xlsx",
            n=70,
            cols=["date", "desc", "worker"],
            date_style="dayname_short",
            title=5,
            spacers=0.2,
        ),
        P(
            name="PDU_contacts",
            time_ranges=0.2,
            agency="Probation",
            fmt="csv",
            delim=";",
            n=180,
            cols=["date", "time", "outcome", "type", "desc", "worker"],
            date_style="dmy",
            time_style="dot24",
            title=4,
            footer=False,
        ),
        P(
            name="RiO_notes_export",
            agency="Mental Health",
            fmt="csv",
            n=120,
            desc_lines=True,
            cols=["datetime", "worker", "type", "desc"],
            dt_style="dayname_dt",
            title=4,
            footer=False,
            reverse=True,
        ),
        P(
            name="Ambulance_incidents_US",
            agency="Ambulance",
            fmt="csv",
            n=35,
            cols=["ref", "datetime", "desc", "type"],
            dt_style="us_dt",
            title=4,
            footer=False,
        ),
        P(
            name="Early_help_TAF_log",
            agency="Early Help",
            fmt="xlsx",
            n=66,
            cols=["date", "worker", "type", "desc", "outcome"],
            date_style="d_mon_yy",
            title=3,
            sections=True,
        ),
        P(
            name="Recovery_service_chron",
            agency="Substance Misuse",
            fmt="docx",
            n=40,
            cols=["date", "desc", "worker"],
            date_style="dmy_short",
            title=0,
            pre_paras=[
                "Information provided under the partnership's information sharing agreement."
            ],
        ),
        P(
            name="YOS_asset_contacts",
            agency="Youth Justice",
            fmt="xls",
            n=58,
            cols=["date", "type", "desc", "outcome"],
            date_style="xl_date",
            title=2,
        ),
        P(
            name="DA_charity_casework",
            agency="Voluntary Sector",
            fmt="xlsx",
            n=44,
            cols=["date", "time", "type", "desc"],
            date_style="dmy",
            time_style="approx",
            title=1,
            cont=0.15,
        ),
        P(
            name="Integrated_front_door",
            group_header=[("Agency", 1), ("Date / time", 2), ("Entry", 1), ("By", 1)],
            agency="Children's Social Care",
            fmt="xlsx",
            n=180,
            multi=[
                "Children's Social Care",
                "Police",
                "Hospital",
                "School",
                "Housing",
                "Probation",
                "Mental Health",
            ],
            cols=["agency", "date", "time", "desc", "worker"],
            date_style="xl_date",
            time_style="colon",
            title=3,
            spacers=0.05,
        ),
        P(
            name="Social_care_casenotes_4000",
            agency="Children's Social Care",
            fmt="csv",
            n=4000,
            cols=["date", "type", "worker", "desc", "ref"],
            date_style="dmy",
            title=4,
            footer=False,
        ),
        P(
            name="Police_vulnerability_log",
            agency="Police",
            fmt="docx",
            n=55,
            cols=["date", "time", "desc", "outcome", "ref"],
            date_style="d_mon_y",
            time_style="hhmm",
            title=2,
            pre_paras=["The following is a summary of police contacts with the family."],
        ),
        P(
            name="HV_record_blank_same_day",
            agency="Health Visiting",
            fmt="xlsx",
            n=60,
            ditto="blank",
            cols=["date", "time", "desc", "worker"],
            date_style="dmy",
            time_style="colon",
            title=0,
        ),
        P(
            name="Practice_nurse_and_GP",
            agency="GP",
            fmt="csv",
            enc="cp1252",
            n=50,
            cols=["date", "type", "worker", "desc"],
            date_style="ordinal",
            title=4,
            footer=False,
        ),
        P(
            name="Maternity_and_paeds",
            agency="Hospital",
            fmt="xls",
            n=40,
            cols=["date", "time", "worker", "desc"],
            date_style="dmy",
            time_style="colon",
            title=0,
            desc_lines=True,
        ),
        P(
            name="Primary_school_chron",
            agency="School",
            fmt="docx",
            n=70,
            cols=["date", "type", "desc", "worker", "outcome"],
            date_style="dmy_dot_short",
            title=3,
            mixed_approx=0.12,
            title_in_header_rows=True,
            pre_paras=["Chronology of significant events held by the school."],
        ),
        P(
            name="Housing_options_cp1252",
            agency="Housing",
            fmt="csv",
            enc="cp1252",
            delim=";",
            n=33,
            cols=["date", "desc", "type"],
            date_style="d_mon_y",
            title=4,
            footer=False,
        ),
        P(
            name="Probation_OM_return",
            title_dates=True,
            agency="Probation",
            fmt="xlsx",
            n=42,
            cols=["date", "desc", "worker", "analysis"],
            date_style="xl_serial",
            title=1,
            guidance=True,
        ),
        P(
            name="CAMHS_clinic_letters",
            agency="Mental Health",
            fmt="docx",
            n=26,
            desc_lines=True,
            cols=["date", "type", "desc"],
            date_style="ordinal",
            title=5,
            pre_paras=["CAMHS involvement with {c}."],
        ),
        P(
            name="Ambulance_PCR_summary",
            agency="Ambulance",
            fmt="xlsx",
            n=30,
            cols=["datetime", "ref", "outcome", "desc"],
            dt_style="xl_datetime",
            title=3,
        ),
        P(
            name="Family_Hub_semicolon",
            agency="Early Help",
            fmt="csv",
            delim=";",
            n=48,
            cols=["date", "desc", "worker"],
            date_style="dmy",
            title=4,
            footer=False,
            cont=0.1,
        ),
        P(
            name="Drug_alcohol_keywork",
            blank_header="time",
            agency="Substance Misuse",
            fmt="xlsx",
            n=90,
            cols=["date", "time", "desc", "outcome", "worker"],
            date_style="dmy_short",
            time_style="dotpm",
            title=0,
            reverse=True,
        ),
        P(
            name="Youth_justice_by_year",
            agency="Youth Justice",
            fmt="xlsx",
            n=120,
            year_sheets=True,
            cols=["date", "desc", "type", "worker"],
            date_style="dmy",
            title=4,
            footer=False,
        ),
        P(
            name="Voluntary_befriending",
            agency="Voluntary Sector",
            fmt="docx",
            n=22,
            cols=["date", "desc"],
            date_style="d_mon_yy",
            title=4,
            mixed_approx=0.2,
            pre_paras=[
                "Notes from our volunteer befriending service, typed up from paper records."
            ],
        ),
        P(
            name="Police_niche_US_export",
            agency="Police",
            fmt="csv",
            n=150,
            cols=["ref", "date", "time", "type", "desc", "worker"],
            date_style="mdy0",
            time_style="colon",
            title=4,
            footer=False,
        ),
        P(
            name="CSC_chron_two_dates",
            xl_mixed=0.25,
            agency="Children's Social Care",
            fmt="xlsx",
            n=95,
            cols=["date", "recorded", "worker", "desc", "outcome"],
            date_style="dmy",
            title=0,
            cover=True,
        ),
        P(
            name="Hospital_ED_SystemC",
            agency="Hospital",
            fmt="csv",
            n=210,
            cols=["datetime", "ref", "desc", "outcome", "worker", "type"],
            dt_style="iso_dt",
            title=4,
            footer=False,
        ),
        P(
            name="School_secondary_log",
            agency="School",
            fmt="xlsx",
            n=110,
            cols=["date", "time", "worker", "desc", "type"],
            date_style="xl_date2",
            time_style="xl_time",
            title=1,
            cont=0.1,
        ),
        P(
            name="GP_EMIS_problem_rows",
            agency="GP",
            fmt="xls",
            n=45,
            gp_multirow=True,
            cols=["date", "desc", "type", "worker"],
            date_style="dmy",
            title=3,
        ),
        P(
            name="HV_antenatal_to_2yr",
            agency="Health Visiting",
            fmt="docx",
            n=36,
            year_sheets=True,
            cols=["date", "time", "worker", "desc"],
            date_style="dmy",
            time_style="dotpm",
            title=1,
            pre_paras=["Key: HV = health visitor, CNN = community nursery nurse."],
        ),
        P(
            name="Adult_MH_crisis",
            bullets=True,
            agency="Mental Health",
            fmt="xlsx",
            n=28,
            cols=["date", "desc", "type"],
            date_style="dmy",
            title=0,
            notes_row=True,
            mixed_approx=0.15,
        ),
        P(
            name="CSC_dot_dates_quotes",
            agency="Children's Social Care",
            fmt="xlsx",
            n=80,
            ditto="word",
            cols=["date", "desc", "worker", "outcome"],
            date_style="dmy_dot_short",
            title=5,
        ),
        P(
            name="Substance_misuse_young_people",
            agency="Substance Misuse",
            fmt="csv",
            n=40,
            cols=["date", "time", "desc"],
            date_style="iso",
            time_style="colon",
            title=4,
            footer=False,
            combined_outcome=True,
        ),
        P(
            name="Probation_serials_big",
            agency="Probation",
            fmt="xlsx",
            n=400,
            cols=["date", "time", "type", "desc", "worker", "ref"],
            date_style="xl_serial",
            time_style="sec",
            title=2,
        ),
        P(
            name="Womens_refuge_support",
            agency="Voluntary Sector",
            fmt="xls",
            n=24,
            cols=["date", "worker", "desc"],
            date_style="d_mon_y",
            title=0,
            spacers=0.2,
        ),
        P(
            name="Befriending_diary_paragraphs",
            agency="Voluntary Sector",
            fmt="docx",
            n=30,
            paragraphs="boldline",
            date_style="dayname",
        ),
        P(
            name="School_keyinfo_return",
            agency="School",
            fmt="docx",
            n=44,
            keyinfo=True,
            cols=["date", "time", "desc", "worker"],
            date_style="dmy_short",
            time_style="dotpm",
            title=4,
        ),
        P(
            name="Inpatient_spells",
            agency="Hospital",
            fmt="xlsx",
            n=36,
            ranges=0.4,
            cols=["date", "desc", "type"],
            date_style="dmy",
            title=1,
        ),
        P(
            name="YOS_no_header_export",
            agency="Youth Justice",
            fmt="csv",
            n=52,
            no_header=True,
            cols=["date", "type", "desc", "worker"],
            date_style="d_mon_y",
            title=4,
            footer=False,
        ),
        P(
            name="CSC_group_header_return",
            agency="Children's Social Care",
            fmt="xls",
            n=64,
            cols=["date", "type", "desc", "outcome", "worker"],
            group_header=[("Contact", 2), ("Information", 2), ("Staff", 1)],
            date_style="xl_date",
            title=0,
        ),
        P(
            name="Social_care_unicode_export",
            agency="Children's Social Care",
            fmt="csv",
            enc="utf-16",
            delim="\t",
            n=66,
            cols=["date", "worker", "desc", "type"],
            date_style="ord_mon_yy",
            title=4,
            footer=False,
        ),
        P(
            name="ED_nursing_notes_by_day",
            agency="Hospital",
            fmt="xlsx",
            n=60,
            date_headings="d_mon_y",
            cols=["time", "desc", "worker"],
            time_style="ampm",
            title=1,
        ),
        P(
            name="Probation_single_column",
            agency="Probation",
            fmt="docx",
            n=35,
            cols=[("datedesc", "Record")],
            date_in_text="d_mon_y",
            title=0,
        ),
        P(
            name="EH_assessment_template",
            agency="Early Help",
            fmt="xls",
            n=38,
            example_row=True,
            key_legend=True,
            cols=["date", "desc", "worker", "outcome"],
            date_style="dmy",
            title=2,
        ),
        P(
            name="Police_storm_serial_datetimes",
            agency="Police",
            fmt="xlsx",
            n=120,
            cols=["ref", "datetime", "type", "desc"],
            dt_style="xl_serial_dt",
            title=0,
        ),
        P(
            name="Partnership_compiled_sections",
            agency="Children's Social Care",
            fmt="docx",
            n=60,
            multi=["Children's Social Care", "Mental Health", "Substance Misuse", "Housing"],
            agency_sections=True,
            cols=["date", "desc", "worker"],
            date_style="dmy",
            title=3,
        ),
        P(
            name="GP_fraction_times",
            agency="GP",
            fmt="xlsx",
            n=42,
            cols=["date", "time", "worker", "desc"],
            date_style="xl_date",
            time_style="xl_fraction",
            title=1,
        ),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()
    for half, plans, base in (("tune", plans_tune(), 1000), ("holdout", plans_holdout(), 5000)):
        od = os.path.join(a.out, half)
        os.makedirs(od, exist_ok=True)
        for f in os.listdir(od):
            os.remove(os.path.join(od, f))
        for i, p in enumerate(plans):
            path = build(p, half, i, od, base + i * 7)
            print(path)


if __name__ == "__main__":
    main()
