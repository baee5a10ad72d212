"""Fictional content for the second held-out set: names, organisations and what each
agency writes. Everything is invented (syllable-built names, no real places)."""

SYL1 = [
    "Bral",
    "Cor",
    "Dun",
    "Fen",
    "Gar",
    "Hol",
    "Kel",
    "Lor",
    "Mar",
    "Nor",
    "Pel",
    "Quen",
    "Ros",
    "Sal",
    "Tarn",
    "Vel",
    "Wyn",
    "Yar",
    "Ash",
    "Brin",
    "Cald",
    "Ell",
    "Frith",
    "Ilm",
]
SYL2 = [
    "ford",
    "wick",
    "mere",
    "ton",
    "dale",
    "holt",
    "by",
    "stead",
    "ley",
    "combe",
    "marsh",
    "wold",
    "brook",
    "fell",
    "hurst",
    "gate",
]
FIRST = [
    "Ayla",
    "Brennic",
    "Caddy",
    "Dorin",
    "Elsa",
    "Farrow",
    "Gwenna",
    "Hollis",
    "Isla",
    "Jory",
    "Kenna",
    "Lowen",
    "Mabry",
    "Nell",
    "Orrin",
    "Perrin",
    "Quill",
    "Rhosyn",
    "Sorrel",
    "Tamsin",
    "Ulla",
    "Vashti",
    "Wren",
    "Yestin",
    "Zoé",
    "Anouk",
    "Bexley",
]

CANON = {
    "csc": "Children's Social Care",
    "police": "Police",
    "hv": "Health Visiting",
    "sn": "School Nursing",
    "gp": "GP",
    # the importer's broader kinds where they name the same service (see README)
    "ed": "Hospital",
    "paed": "Hospital",
    "mat": "Midwifery",
    "camhs": "Mental Health",
    "amh": "Mental Health",
    "amb": "Ambulance",
    "prob": "Probation",
    "yjs": "Youth Justice",
    "housing": "Housing",
    "eh": "Early Help",
    "school": "School",
    "ey": "Early Years",
    "sm": "Substance Misuse Service",
    "da": "Domestic Abuse Service",
    "vcs": "Voluntary Sector",
}


def place(rng):
    return rng.choice(SYL1) + rng.choice(SYL2)


def surname(rng):
    return rng.choice(SYL1) + rng.choice(["er", "ow", "en", "ick", "ley", "by", "ton", "is"])


def person(rng):
    return f"{rng.choice(FIRST)} {surname(rng)}"


class Cast:
    """the family and the professionals of one fictional case"""

    def __init__(self, rng):
        self.c = rng.choice(FIRST)
        self.fam = surname(rng)
        self.m = rng.choice(FIRST)
        self.p = rng.choice(FIRST)
        self.sib = rng.choice(FIRST)
        self.town = place(rng)
        self.st = f"{rng.randint(2, 88)} {place(rng)} Road"
        self.school = f"{place(rng)} {rng.choice(['Primary School', 'Academy', 'Junior School', 'C of E Primary'])}"
        self.surgery = f"{place(rng)} {rng.choice(['Medical Centre', 'Surgery', 'Health Centre'])}"
        self.nursery = f"{rng.choice(['Little', 'Acorn', 'Bright'])} {place(rng)} Nursery"
        self.pr = [person(rng) for _ in range(6)]
        self.council = f"{place(rng)} Council"


# per agency: (contact type, text, outcome). {c} child, {m} mother, {p} partner, {sib}
# sibling, {pr} a practitioner, {sch} school, {gp} surgery, {st} street, {n} a number
T = {
    "csc": [
        (
            "Contact",
            "Contact received from {sch} re {c} arriving hungry and in soiled uniform. Info gathered from HV and GP.",
            "Passed to assessment team",
        ),
        (
            "Home visit",
            "Announced home visit to {st}. {m} present with {c} and {sib}. Home cluttered, little food in fridge.",
            "Food bank voucher given",
        ),
        (
            "Strategy discussion",
            "Strategy discussion held with police DS {pr} and named nurse following bruise to {c}'s left cheek.",
            "s47 enquiry agreed",
        ),
        (
            "ICPC",
            "Initial child protection conference. {c} made subject of a CP plan under the category of neglect.",
            "Core group within 10 days",
        ),
        (
            "Core group",
            "Core group meeting. {m} did not attend; {p} attended briefly and left after {n} minutes.",
            "Plan reviewed",
        ),
        (
            "Supervision",
            "Case discussed in supervision with TM {pr}. Concerns about drift noted; PLO to be considered.",
            "Legal gateway booked",
        ),
        (
            "Unannounced visit",
            "Unannounced visit, no answer at the door. Neighbour said family had gone to {town} for the weekend.",
            "Letter left",
        ),
        (
            "CIN meeting",
            "CIN review meeting at {sch}. Attendance {n}%; {c} presents as withdrawn in class.",
            "Step down to early help discussed",
        ),
        (
            "Case note",
            "Telephone call from {m} who said {p} has moved back in. Advised this needs to be assessed.",
            "Manager informed",
        ),
    ],
    "police": [
        (
            "Domestic",
            "Call from neighbour at {st} reporting shouting and a child crying. Officers attended, {m} had a cut lip.",
            "DASH medium; PPN submitted",
        ),
        (
            "Concern for safety",
            "{c} found alone outside the shop on {town} High Street at 21:40, aged 6. Returned home to {p}.",
            "PPN to MASH",
        ),
        (
            "Crime",
            "Report of criminal damage to front door at {st}. {p} named as suspect, not present on arrival.",
            "Crime recorded",
        ),
        (
            "Intelligence",
            "Intelligence received that {p} is associating with known drug suppliers in {town}.",
            "Log updated",
        ),
        (
            "Arrest",
            "{p} arrested for assault on {m}. Interviewed, released on bail with conditions not to contact.",
            "Bail to {n}/03",
        ),
        (
            "Op Encompass",
            "Operation Encompass notification sent to {sch} regarding incident the previous evening.",
            "School informed",
        ),
        (
            "Missing",
            "{sib} reported missing by {m}. Located {n} hours later at a friend's address in {town}.",
            "Return interview requested",
        ),
    ],
    "hv": [
        (
            "New birth visit",
            "New birth visit to {sib}. {m} breastfeeding, EPDS score {n}. Discussed safe sleep.",
            "Universal plus",
        ),
        (
            "2 year review",
            "Two year review for {c} completed at home. ASQ shows concern in communication.",
            "Referral to SALT",
        ),
        (
            "Telephone",
            "T/C to {m}, no answer. Text message sent offering appointment at clinic.",
            "Rebook",
        ),
        (
            "Clinic",
            "Seen at {town} baby clinic, weight on 9th centile, {m} tired and tearful.",
            "Follow up in 2 weeks",
        ),
        (
            "WNB",
            "{c} WNB for 12 month review, second missed contact. Letter sent to {m}.",
            "Inform GP",
        ),
        (
            "Liaison",
            "Liaison with SW {pr} regarding home conditions and {m}'s low mood.",
            "Joint visit planned",
        ),
    ],
    "sn": [
        (
            "Drop in",
            "{c} attended school nurse drop in at {sch} complaining of headaches and not sleeping.",
            "Advice given",
        ),
        (
            "Health assessment",
            "Health needs assessment completed with {c}. Height and weight recorded; dental pain reported.",
            "Dentist letter",
        ),
        ("Meeting", "Attended CIN meeting at {sch}; school nurse report shared.", "Actions noted"),
        (
            "Enuresis clinic",
            "{c} seen at enuresis clinic. Bed wetting nightly since {p} moved back in.",
            "Review 6 weeks",
        ),
    ],
    "gp": [
        (
            "Consultation",
            "Seen with {m}. {c} has cough for {n} days, chest clear. Mum appears anxious and unkempt.",
            "Safety netting advice",
        ),
        ("DNA", "{c} was not brought to appointment for asthma review.", "Recall letter"),
        (
            "Letter in",
            "Letter received from {town} General ED re {c}'s attendance with scald to hand.",
            "Filed, coded",
        ),
        (
            "Telephone consultation",
            "Telephone consultation with {m}: low mood, not sleeping, {n} weeks. Sertraline started.",
            "Review 2/52",
        ),
        (
            "Safeguarding",
            "Safeguarding meeting at {gp} - family discussed with HV {pr}.",
            "Code added",
        ),
        (
            "Immunisation",
            "Pre-school booster not given, {m} declined today, will rebook.",
            "Rebook",
        ),
    ],
    "ed": [
        (
            "Attendance",
            "{c} brought to ED by {m} with burn to right forearm, said pulled kettle over. Delay of {n} hours.",
            "Discharged; HV liaison",
        ),
        (
            "Attendance",
            "{m} attended with facial injury, disclosed partner had pushed her. Declined IDVA referral.",
            "Safeguarding form",
        ),
        (
            "Attendance",
            "{sib} attended with ingestion of {m}'s tablets, found by {p}. Observed 4 hours.",
            "Paeds referral",
        ),
        (
            "Liaison",
            "Paediatric liaison nurse reviewed attendance and shared with GP and HV.",
            "CP-IS checked",
        ),
    ],
    "paed": [
        (
            "Outpatients",
            "Paediatric outpatient review of {c}'s faltering growth. Weight below 2nd centile.",
            "Admission for feeding",
        ),
        (
            "Admission",
            "{c} admitted to children's ward for observation after ED attendance; skeletal survey requested.",
            "Strategy with CSC",
        ),
        (
            "Child protection medical",
            "CP medical completed by Dr {pr}: three bruises on upper arm, pattern consistent with grip.",
            "Report to SW",
        ),
        (
            "Discharge",
            "Discharged home to {m} with follow up in clinic in 4 weeks.",
            "Letter to GP",
        ),
    ],
    "mat": [
        (
            "Booking",
            "Booking appointment at {n} weeks. {m} disclosed previous CSC involvement with {c}.",
            "Safeguarding midwife informed",
        ),
        (
            "Antenatal",
            "Antenatal contact, {m} alone. Routine enquiry about domestic abuse, said no concerns.",
            "Next appt 28 weeks",
        ),
        (
            "Birth",
            "{sib} born at {town} General by SVD, {m} and baby well.",
            "Discharge planning meeting",
        ),
        (
            "DNA",
            "{m} did not attend antenatal clinic, third missed appointment.",
            "Community MW to visit",
        ),
    ],
    "camhs": [
        (
            "Referral",
            "Referral received from GP for {c}: self harm, cutting to forearms, low mood.",
            "Choice appointment offered",
        ),
        (
            "Choice appointment",
            "Choice appointment with {c} and {m}. {c} described hearing arguments at night.",
            "Partnership work",
        ),
        (
            "DNA",
            "{c} did not attend partnership session. Second DNA; opt in letter sent.",
            "Discharge if no reply",
        ),
        (
            "Crisis",
            "Crisis team assessment at ED after {c} took overdose of paracetamol.",
            "Home treatment",
        ),
    ],
    "amh": [
        (
            "CPN visit",
            "CPN home visit to {m}. Mental state stable, compliant with medication. Children present.",
            "Next visit 2 weeks",
        ),
        (
            "Assessment",
            "Mental health assessment of {p} following police referral, paranoid ideation noted.",
            "Referred to CMHT",
        ),
        (
            "Telephone",
            "T/c from {m} asking for earlier appointment, struggling with voices.",
            "Duty worker to call",
        ),
    ],
    "amb": [
        (
            "999 call",
            "999 call from {m}: {c} fitting. Crew on scene {n} minutes, conveyed to {town} General.",
            "Conveyed",
        ),
        (
            "999 call",
            "Call to {st}, male intoxicated with head wound, children in the property.",
            "Safeguarding referral",
        ),
        (
            "111 call",
            "111 call re {sib} with high temperature, advised to attend urgent care.",
            "Advice given",
        ),
    ],
    "prob": [
        (
            "Supervision",
            "Supervision appointment with {p} (PoP). Reports living with sister, denies contact with {m}.",
            "Next appt 2 weeks",
        ),
        (
            "Home visit",
            "Home visit by PO {pr}; {p} found at {st} contrary to licence conditions.",
            "Recall considered",
        ),
        (
            "Enquiry",
            "Domestic abuse and safeguarding enquiries completed with police and CSC.",
            "Risk RoSH high",
        ),
        (
            "Failed appointment",
            "{p} failed to attend supervision, no acceptable reason given.",
            "Warning letter",
        ),
    ],
    "yjs": [
        (
            "Referral",
            "Referral received for {c}'s brother {sib} after out of court disposal for possession.",
            "Assessment",
        ),
        (
            "Session",
            "Session with {sib} at the YJS office on knife crime awareness. Engaged well.",
            "Next session",
        ),
        ("Panel", "Referral order panel, contract agreed with {sib} and {m}.", "Contract signed"),
    ],
    "housing": [
        (
            "Repairs",
            "Repairs visit to {st}: damp and mould in children's bedroom, broken window.",
            "Works order raised",
        ),
        (
            "Tenancy",
            "Tenancy visit; arrears of £{n}0 discussed with {m}. Property cluttered.",
            "Payment plan",
        ),
        (
            "ASB",
            "Complaint from neighbours about noise and a dog left barking at {st}.",
            "Warning letter",
        ),
        (
            "Homeless",
            "{m} presented as homeless with {c} after fleeing {p}. Placed in B&B in {town}.",
            "Temporary accommodation",
        ),
    ],
    "eh": [
        (
            "Assessment",
            "Early help assessment started with {m}. Routines and school attendance main worries.",
            "TAF to be arranged",
        ),
        ("TAF meeting", "TAF meeting at {sch}. {m} attended, {p} not invited.", "Plan agreed"),
        (
            "Home visit",
            "Family support worker visit, bedtime routine chart made with {c}.",
            "Weekly visits",
        ),
        (
            "Closure",
            "Case closed to early help, {m} disengaged after three missed visits.",
            "Closed",
        ),
    ],
    "school": [
        (
            "Welfare concern",
            "{c} said {p} shouted and threw a plate at mummy last night. Logged by class teacher.",
            "DSL informed",
        ),
        (
            "Attendance",
            "Attendance {n}%. Letter sent to {m}, meeting offered with EWO.",
            "Attendance panel",
        ),
        (
            "Physical injury",
            "Mark noticed on {c}'s neck at PE. {c} said the dog did it.",
            "Body map completed",
        ),
        (
            "DSL action",
            "DSL {pr} rang MASH to discuss the disclosure; advised to monitor.",
            "Recorded on MASH log",
        ),
        (
            "Op Encompass",
            "Operation Encompass notification received about incident at home on Saturday.",
            "Key adult check-in",
        ),
    ],
    "ey": [
        ("Attendance", "{c} absent from nursery all week, no contact from family.", "Welfare call"),
        (
            "Concern",
            "{c} arrived at {nursery} in wet nappy from previous night, very hungry at snack.",
            "DSL informed",
        ),
        (
            "Meeting",
            "Meeting with {m} about {c}'s speech, referral to SALT discussed.",
            "Referral made",
        ),
    ],
    "sm": [
        (
            "Assessment",
            "Comprehensive assessment with {p}: daily cannabis and weekend cocaine use.",
            "Key worker allocated",
        ),
        (
            "Key work",
            "Key work session, {p} reports reduced use, drug test positive for opiates.",
            "Script review",
        ),
        ("DNA", "{m} did not attend alcohol group for second week.", "Outreach call"),
    ],
    "da": [
        (
            "Referral",
            "IDVA referral received from police after high risk DASH for {m}.",
            "Contact within 24h",
        ),
        (
            "Contact",
            "IDVA spoke to {m} by phone, safety planning completed, target hardening requested.",
            "MARAC referral",
        ),
        (
            "MARAC",
            "Case heard at MARAC, actions for police, housing and school.",
            "Actions circulated",
        ),
    ],
    "vcs": [
        (
            "Food bank",
            "{m} collected food parcel at {town} community pantry with {c}.",
            "Signposted to CAB",
        ),
        (
            "Youth club",
            "{sib} attended youth club session, mentioned not wanting to go home.",
            "Worker to follow up",
        ),
        (
            "Befriending",
            "Home-Start volunteer visit, {m} struggling with the baby and lonely.",
            "Weekly visits",
        ),
    ],
}

SYSTEMS = {
    "csc": ["Mosaic", "LCS", "Liquidlogic", "Eclipse"],
    "police": ["Niche", "Athena", "PNC"],
    "gp": ["EMIS Web", "SystmOne"],
    "amh": ["RiO"],
    "camhs": ["RiO"],
    "prob": ["nDelius"],
    "school": ["CPOMS", "MyConcern"],
    "mat": ["BadgerNet"],
    "ed": ["Symphony"],
    "yjs": ["ChildView"],
    "hv": ["SystmOne"],
    "sn": ["SystmOne"],
}
