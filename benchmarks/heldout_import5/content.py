"""Fictional people, places and services, and what each agency writes.

Every name is built from syllables; none is meant to be a real person or place. National
bodies are named by their generic service words (health board, HSC trust, Heddlu), and the
places in front of them are invented.
"""

import random

_ON = ["Bra", "Cal", "Dun", "Fen", "Gar", "Hal", "Kel", "Lin", "Mar", "Nor", "Pen", "Ros"]
_ON += ["Tal", "Wen", "Ash", "Bel", "Cor", "Dra", "Elm", "Glen", "Har", "Lyn", "Mor", "Tre"]
_MID = ["", "", "ber", "den", "to", "ri", "wy", "lan", "mo", "ca", "ve"]
_END = ["ton", "ford", "by", "wick", "more", "field", "dale", "wyn", "ley", "stow", "hurst"]
_END += ["brae", "glas", "ock", "ness", "bridge", "thorpe"]
_FIRST = ["Aro", "Bel", "Cai", "Dai", "Efi", "Fen", "Gwi", "Ila", "Jas", "Kae", "Lio", "Mai"]
_FIRST += ["Nel", "Ori", "Pia", "Rho", "Sae", "Tam", "Una", "Vey", "Wyn", "Zel", "Cor", "Esi"]
_FEND = ["na", "ra", "lan", "ssa", "den", "ric", "lie", "nor", "by", "ya", "mi", "ren", "tha"]
_SUR = ["Tarrow", "Pellam", "Quist", "Brandel", "Corrin", "Dunnet", "Farrel", "Gossam"]
_SUR += ["Halvey", "Inchley", "Jessop", "Kirran", "Lomax", "Mabry", "Nettle", "Orrin"]
_SUR += ["Prowse", "Ruddock", "Saltern", "Tindle", "Varley", "Wexley", "Yarrow", "Ancell"]


def place(rng):
    return rng.choice(_ON) + rng.choice(_MID) + rng.choice(_END)


def first(rng):
    return rng.choice(_FIRST) + rng.choice(_FEND)


def surname(rng):
    s = rng.choice(_SUR)
    return s if rng.random() < 0.6 else s[:3] + rng.choice(["wick", "ley", "ton", "mer", "ell"])


def person(rng):
    return f"{first(rng)} {surname(rng)}"


def initial_name(rng):
    return f"{first(rng)[0]}. {surname(rng)}"


def refno(rng, style=None):
    style = style or rng.choice(["num", "alpha", "slash", "dash"])
    if style == "num":
        return str(rng.randint(100000, 9999999))
    if style == "alpha":
        return rng.choice("ABCDEFGHJKLMNPRSTW") + str(rng.randint(10000, 999999))
    if style == "slash":
        return f"{rng.randint(10, 99)}/{rng.randint(1000, 99999)}/{rng.randint(19, 24)}"
    return f"{rng.choice(['CR', 'OCC', 'INC', 'REF'])}-{rng.randint(100000, 999999)}"


# Canonical agency (a key of DEFAULT_AGENCIES) -> how each nation's services name it.
# {p} is a fictional place. "short" is a word a sheet name or file name would carry.
AGENCIES = {
    "Children's Social Care": dict(
        E=[
            "{p} Council Children's Social Care",
            "{p} Children's Services - Assessment Team",
            "{p} MASH (Children's Social Care)",
            "Children and Families Service, {p} Borough Council",
        ],
        W=[
            "{p} County Council Children's Services (Gwasanaethau Plant)",
            "{p} Council Social Services - Information, Advice and Assistance team",
        ],
        S=[
            "{p} Council Children and Families Social Work",
            "{p} Social Work Services (Children and Families)",
        ],
        N=[
            "{p} HSC Trust Gateway Service (Children's Social Work)",
            "{p} HSC Trust Family Intervention Team",
        ],
        short=["CSC", "Childrens Social Care", "Social Work", "Childrens Services", "CSD"],
        roles=["Social Worker", "Senior Practitioner", "Team Manager", "SW", "IRO", "Duty SW"],
    ),
    "Police": dict(
        E=[
            "{p} Constabulary Public Protection Unit",
            "{p} Police - MASH",
            "{p} Police Child Abuse Investigation Team",
        ],
        W=["Heddlu {p} Police - Public Protection", "Heddlu {p} Police MASH"],
        S=[
            "Police Scotland, {p} Division - Public Protection Unit",
            "Police Scotland Concern Hub ({p})",
        ],
        N=["PSNI {p} District - Public Protection Branch", "PSNI Central Referral Unit ({p})"],
        short=["Police", "PPU", "Constabulary", "Police_Niche", "Heddlu"],
        roles=["PC", "DC", "DS", "Police Officer", "OIC", "Concern Hub officer"],
    ),
    "Health Visiting": dict(
        E=[
            "{p} Community Health - Health Visiting Service",
            "{p} 0-19 Public Health Nursing - Health Visitors",
        ],
        W=[
            "{p} University Health Board - Health Visiting (Flying Start)",
            "{p} Health Board Health Visiting Service",
        ],
        S=["NHS {p} Health Board - Health Visiting (Named Person service)"],
        N=["{p} HSC Trust Health Visiting Service"],
        short=["Health Visiting", "HV", "Health Visitor"],
        roles=["Health Visitor", "HV", "Community Nursery Nurse", "Flying Start HV"],
    ),
    "School Nursing": dict(
        E=["{p} School Nursing Service", "{p} Public Health Nursing 5-19 (School Nurses)"],
        W=["{p} Health Board School Nursing Service"],
        S=["NHS {p} School Nursing Service"],
        N=["{p} HSC Trust School Health (School Nursing)"],
        short=["School Nursing", "School Nurse", "SN"],
        roles=["School Nurse", "SN", "School Staff Nurse"],
    ),
    "GP": dict(
        E=[
            "{p} Medical Practice (GP)",
            "{p} Surgery - General Practice",
            "The {p} Health Centre (GP surgery)",
        ],
        W=["{p} Medical Centre (General Practice)"],
        S=["{p} Medical Practice (GP)"],
        N=["{p} Health Centre GP Practice"],
        short=["GP", "Surgery", "GP_Practice", "General Practice"],
        roles=["GP", "Dr", "Practice Nurse", "GP Partner", "Salaried GP"],
    ),
    "Hospital": dict(
        E=["{p} General Hospital - Emergency Department", "{p} Royal Infirmary Paediatrics"],
        W=["{p} Hospital Emergency Unit ({p} University Health Board)"],
        S=["{p} Royal Hospital for Children - Emergency Department"],
        N=["{p} Area Hospital Emergency Department"],
        short=["ED", "Hospital", "Acute Trust", "A&E", "Paediatrics"],
        roles=["ED Consultant", "Paediatric Registrar", "Triage Nurse", "Paediatric Liaison Nurse"],
    ),
    "Midwifery": dict(
        E=["{p} Maternity Services - Community Midwifery"],
        W=["{p} Health Board Midwifery Services"],
        S=["NHS {p} Maternity Unit (Midwifery)"],
        N=["{p} HSC Trust Maternity Services"],
        short=["Midwifery", "Maternity", "MW"],
        roles=["Community Midwife", "MW", "Safeguarding Midwife"],
    ),
    "School": dict(
        E=["{p} Primary School", "{p} Academy", "{p} Church of England Junior School"],
        W=["Ysgol {p} (primary school)", "{p} High School"],
        S=["{p} Primary School", "{p} Academy (secondary)"],
        N=["{p} Primary School", "St {p}'s Primary School"],
        short=["School", "DSL", "Education_School", "Primary"],
        roles=["DSL", "DDSL", "Class Teacher", "Head Teacher", "Pastoral Lead", "SENCO"],
    ),
    "Early Years": dict(
        E=["{p} Day Nursery", "{p} Pre-School"],
        W=["Cylch Meithrin {p} (nursery)", "{p} Flying Start Childcare"],
        S=["{p} Early Learning and Childcare Centre"],
        N=["{p} Nursery School"],
        short=["Nursery", "Early Years", "Pre-School"],
        roles=["Nursery Manager", "Key Worker", "Room Leader", "Setting DSL"],
    ),
    "Early Help": dict(
        E=["{p} Early Help Service", "{p} Family Help Hub"],
        W=["{p} Families First Team Around the Family", "{p} Early Help Hub"],
        S=["{p} Family Support Service (early help)"],
        N=["{p} Family Support Hub (early help)"],
        short=["Early Help", "EH", "Family Support", "TAF"],
        roles=["Family Support Worker", "EH Practitioner", "Lead Professional", "TAF co-ordinator"],
    ),
    "Youth Justice": dict(
        E=["{p} Youth Justice Service", "{p} Youth Offending Team"],
        W=["{p} Youth Justice Service (YOS)"],
        S=["{p} Youth Justice Team"],
        N=["Youth Justice Agency, {p} area"],
        short=["Youth Justice", "YOT", "YJS"],
        roles=["YOT Officer", "Case Manager", "YJ Worker"],
    ),
    "Probation": dict(
        E=["Probation Service - {p} Probation Delivery Unit"],
        W=["Probation Service Wales - {p} PDU"],
        S=["{p} Council Justice Social Work (probation)"],
        N=["Probation Board NI - {p} office"],
        short=["Probation", "nDelius", "Justice SW"],
        roles=["Probation Officer", "PO", "PSO", "Offender Manager"],
    ),
    "Housing": dict(
        E=["{p} Homes (housing association)", "{p} Council Housing Options"],
        W=["{p} Council Housing Solutions"],
        S=["{p} Council Homelessness Service"],
        N=["Housing Executive {p} office"],
        short=["Housing", "Housing Options", "Homes"],
        roles=["Housing Officer", "Tenancy Officer", "Housing Options Adviser"],
    ),
    "Ambulance": dict(
        E=["{p} Ambulance Service NHS Trust"],
        W=["Welsh Ambulance Services ({p} locality)"],
        S=["Scottish Ambulance Service ({p} station)"],
        N=["NI Ambulance Service ({p} station)"],
        short=["Ambulance", "Ambulance Service", "Paramedic"],
        roles=["Paramedic", "EMT", "Clinical Hub"],
    ),
    "Mental Health": dict(
        E=["{p} CAMHS", "{p} Community Mental Health Team", "{p} Perinatal Mental Health Team"],
        W=["{p} Health Board CAMHS (Specialist CAMHS)"],
        S=["NHS {p} CAMHS"],
        N=["{p} HSC Trust CAMHS Step 3"],
        short=["CAMHS", "Mental Health", "CMHT"],
        roles=["CAMHS Practitioner", "CPN", "Consultant Psychiatrist", "Care Co-ordinator"],
    ),
    "Domestic Abuse Service": dict(
        E=["{p} Domestic Abuse Service (IDVA)", "{p} Women's Aid"],
        W=["{p} Women's Aid (IDVA service)"],
        S=["{p} Women's Aid"],
        N=["{p} Women's Aid Federation branch"],
        short=["IDVA", "Domestic Abuse", "Womens Aid"],
        roles=["IDVA", "Outreach Worker", "Refuge Worker"],
    ),
    "Substance Misuse Service": dict(
        E=["{p} Drug and Alcohol Recovery Service"],
        W=["{p} Substance Misuse Service (Area Planning Board)"],
        S=["{p} Alcohol and Drug Recovery Service"],
        N=["{p} Drug and Alcohol Service"],
        short=["Substance Misuse", "Drug and Alcohol", "Recovery Service"],
        roles=["Recovery Worker", "Keyworker", "Nurse Prescriber"],
    ),
    "Voluntary Sector": dict(
        E=["{p} Family Project (voluntary sector)", "{p} Young Carers (charity)"],
        W=["{p} Family Centre (third sector)"],
        S=["{p} Family Support Charity (third sector)"],
        N=["{p} Community Family Project (voluntary)"],
        short=["Voluntary Sector", "Charity", "Family Project"],
        roles=["Project Worker", "Volunteer Co-ordinator", "Support Worker"],
    ),
}

NATION_DOC = {
    "E": [
        "Child Safeguarding Practice Review",
        "Local Child Safeguarding Practice Review",
        "Rapid Review",
        "Learning Review",
    ],
    "W": [
        "Child Practice Review (Extended)",
        "Child Practice Review (Concise)",
        "Multi-Agency Professional Forum",
    ],
    "S": ["Learning Review", "Significant Case Review (Learning Review)", "Initial Case Review"],
    "N": ["Case Management Review", "Safeguarding Board NI Case Management Review"],
}


def agency_name(rng, canon, nation):
    opts = AGENCIES[canon].get(nation) or AGENCIES[canon]["E"]
    return rng.choice(opts).format(p=place(rng))


class Family:
    """The people of one review: a child, siblings, carers, a few professionals."""

    def __init__(self, rng):
        sur = surname(rng)
        self.child = first(rng)
        self.sib = first(rng)
        self.mother = first(rng)
        self.father = first(rng)
        self.partner = person(rng)
        self.sur = sur
        self.school = place(rng) + " " + rng.choice(["Primary", "Academy", "Junior School"])
        self.surgery = place(rng) + " Surgery"
        self.town = place(rng)
        self.letter = rng.choice("ABCDGJKLMRST")

    def slots(self, rng):
        return dict(
            c=rng.choice([self.child, f"Child {self.letter}", self.child, "C"]),
            s=self.sib,
            m=rng.choice(["Mother", "mum", f"{self.mother}", "M", "Ms " + self.sur]),
            f=rng.choice(["Father", "dad", self.father, "F"]),
            pt=rng.choice([self.partner, "mother's partner", "Mr " + surname(rng)]),
            sch=self.school,
            gp=self.surgery,
            w=person(rng),
            t=self.town,
        )


# What each agency writes: openings and continuations, combined at random.
# {d2} is another date written inside the narrative (the truth never takes it).
TEXT = {
    "Children's Social Care": [
        "Referral received from {sch} regarding bruising to {c}'s left arm",
        "Home visit by SW; {m} present, {c} seen alone in bedroom",
        "Strategy discussion held with police and health; threshold for s47 met",
        "Section 47 enquiry started; joint visit with police planned",
        "ICPC held. {c} made subject to a CP plan under the category of neglect",
        "Core group meeting; {m} did not attend, plan reviewed by professionals",
        "Child and family assessment completed; outcome step down to early help",
        "Unannounced visit - no access, card left at the door",
        "Contact from {m} requesting support with {c}'s behaviour",
        "Case transferred to long term team; new SW {w} allocated",
        "RCPC: plan to continue, concerns about home conditions remain",
        "CIN meeting held at {sch}; {f} attended by phone",
    ],
    "Police": [
        "999 call from neighbour reporting shouting at the address",
        "Officers attended; {m} had a red mark to her cheek, {pt} left prior to arrival",
        "DASH completed - assessed as medium risk",
        "PPN submitted to MASH regarding {c} and {s}",
        "Operation Encompass notification sent to {sch}",
        "{pt} arrested on suspicion of assault, later released under investigation",
        "Welfare check requested by CSC; no reply at the address",
        "Missing person report for {c}, found safe at a friend's address",
        "Intelligence report: {pt} seen at the address despite bail conditions",
        "Joint visit with SW as part of s47 enquiry",
    ],
    "Health Visiting": [
        "New birth visit; {m} reports feeding going well, EPDS score 9",
        "6-8 week review completed at clinic, weight on 50th centile",
        "Planned contact - {c} not brought to clinic (WNB), letter sent",
        "Home visit; home conditions cluttered, safe sleep advice given",
        "Telephone call with {m} who said she is struggling with her mood",
        "1 year review; {c} walking with support, immunisations up to date",
        "Liaison with GP about {m}'s low mood; GP to review",
        "2-2.5 year review - speech delay noted, referral to SALT",
        "Safeguarding supervision; case discussed, plan to increase visits",
    ],
    "School Nursing": [
        "Drop-in session; {c} disclosed worries about arguments at home",
        "Health needs assessment completed with {c}",
        "Enuresis clinic appointment, {c} did not attend",
        "Attended core group at {sch}; health plan updated",
        "Contact with {m} by phone to discuss {c}'s weight",
    ],
    "GP": [
        "Consultation: {m} with low mood, started on sertraline 50mg",
        "{c} seen with cough and fever, viral illness, safety-netting advice",
        "Did not attend appointment for {c}'s asthma review",
        "Letter received from ED re attendance of {c} with head injury",
        "Telephone consultation with {m}: anxiety, sleep poor",
        "Safeguarding code added to {c}'s record following CP conference",
        "Repeat prescription request, medication review due",
    ],
    "Hospital": [
        "{c} attended ED with {m}; reported fall from sofa, bruise to forehead",
        "Triage category 3; observations within normal limits",
        "Admitted to paediatric ward for observation, skeletal survey requested",
        "Paediatric liaison notified CSC of attendance",
        "Child protection medical completed by paediatric registrar",
        "Discharged home with {m}; advice given, GP letter sent",
    ],
    "Midwifery": [
        "Booking appointment at 10 weeks; {m} disclosed previous DA",
        "Antenatal appointment, {m} did not attend",
        "Pre-birth assessment referral made to CSC",
        "Delivered at 39 weeks, baby well, birth weight 3.2kg",
        "Postnatal visit day 5; feeding well, {pt} present throughout",
        "Safeguarding midwife attended pre-birth planning meeting",
    ],
    "School": [
        "{c} arrived late and hungry, breakfast provided",
        "Class teacher noticed bruise on {c}'s wrist; logged on CPOMS, DSL informed",
        "{c} absent, no reason given; first day calling completed, no answer",
        "Meeting with {m} about attendance, currently 81%",
        "Operation Encompass notification received from police",
        "DSL made referral to MASH following disclosure by {c}",
        '{c} said "dad shouted and threw a cup", account recorded verbatim',
        "SENCO meeting; EHCP needs assessment request discussed",
    ],
    "Early Years": [
        "{c} collected late by {pt}, not on the list of named adults",
        "Key worker noted nappy rash and soiled clothing on arrival",
        "{c} did not attend nursery all week, no contact from family",
        "Setting DSL shared concerns with HV by phone",
    ],
    "Early Help": [
        "Early help assessment started with {m}",
        "TAF meeting held at {sch}, plan agreed: routines, school attendance",
        "Home visit by family support worker, {m} engaged well",
        "Parenting programme session, {m} did not attend",
        "Case closed to early help - step up to CSC",
    ],
    "Youth Justice": [
        "{c} seen for first appointment following out of court disposal",
        "Referral order panel meeting; contract agreed",
        "{c} did not attend appointment, home visit made",
    ],
    "Probation": [
        "Supervision appointment with {pt}; discussed relationship with {m}",
        "Risk assessment (OASys) reviewed, risk to known adult assessed as high",
        "{pt} failed to attend, warning letter issued",
        "Domestic abuse safeguarding check requested from police and CSC",
    ],
    "Housing": [
        "Tenancy visit; property in poor condition, rent arrears of 1,240 pounds",
        "{m} presented as homeless; placed in temporary accommodation in {t}",
        "Anti-social behaviour complaint from neighbour about noise",
        "Repairs visit, officer noted no bed for {c}",
    ],
    "Ambulance": [
        "999 call: {m} reported {c} fitting; crew on scene in 11 minutes",
        "Crew attended {pt} intoxicated with head wound, conveyed to ED",
        "Safeguarding referral raised by crew regarding home conditions",
    ],
    "Mental Health": [
        "CAMHS choice appointment; {c} reports low mood and self-harm",
        "Referral to CAMHS received from GP, triaged as routine",
        "{m} seen by CPN, medication review, no current risk to children identified",
        "Care co-ordinator home visit; {m} tearful, reports {pt} controlling",
        "Discharged from CAMHS after two missed appointments",
    ],
    "Domestic Abuse Service": [
        "Referral received from police following high-risk DASH",
        "IDVA telephone contact with {m}; safety planning completed",
        "Case heard at MARAC; actions for housing and police",
        "{m} declined further support, case closed",
    ],
    "Substance Misuse Service": [
        "Assessment appointment with {f}; alcohol use 40 units per week",
        "Drug screen positive for cocaine, discussed with {f}",
        "{f} did not attend keyworker session",
        "Liaison with CSC: {f} engaging, reduction plan agreed",
    ],
    "Voluntary Sector": [
        "Young carers session; {c} spoke about looking after {m}",
        "Family project worker visited; food bank voucher provided",
        "Group session at the family centre, {c} attended with {s}",
    ],
}

MORE = [
    "Advice given and next visit booked.",
    "{m} said things were better at home since {pt} moved out.",
    "Information shared with the allocated SW by email.",
    "No concerns raised at this time.",
    "{c} appeared well presented and interacted appropriately.",
    "Plan: review in four weeks.",
    "{m} reported that on {d2} {pt} had returned to the house.",
    "Discussed with safeguarding lead, no further action.",
    "Previous incident on {d2} also noted.",
    "{c} was quiet and withdrawn throughout.",
    "Outcome recorded as NFA.",
    "Letter sent to {f} explaining the outcome.",
]

CONT = [
    "Further information: {m} later rang back to say she would attend.",
    "(cont.) {c} was seen again the following morning.",
    "Update added by {w}: referral acknowledged.",
    "Manager's note - agree with the plan above.",
    "{m} asked for the meeting to be moved to the afternoon.",
    "cont'd - discussed at team meeting, actions allocated.",
]

OUTCOMES = [
    "NFA",
    "Referral to MASH",
    "Advice given",
    "Letter sent",
    "Plan reviewed",
    "Information shared",
    "Further visit planned",
    "Closed",
    "Escalated to TM",
    "",
]
TYPES = [
    "Home visit",
    "Telephone call",
    "Meeting",
    "Letter",
    "Email",
    "Office visit",
    "Clinic",
    "Case note",
    "Strategy",
    "Incident",
    "Referral",
]
COMMENT = [
    "Missed opportunity to share with HV?",
    "Good practice - timely referral",
    "Father not considered",
    "Voice of the child recorded",
    "",
    "",
    "",
]


def text_for(rng, canon, fam, d2):
    sl = fam.slots(rng)
    sl["d2"] = d2
    t = rng.choice(TEXT[canon]).format(**sl)
    t = t[0].upper() + t[1:]
    if rng.random() < 0.6:
        t += ". " + rng.choice(MORE).format(**sl)
        if rng.random() < 0.25:  # case notes run long
            t += " " + " ".join(x.format(**sl) for x in rng.sample(MORE, rng.randint(2, 4)))
    elif not t.endswith("."):
        t += "."
    return t


def cont_text(rng, fam):
    sl = fam.slots(rng)
    return rng.choice(CONT).format(**sl)


def any_day(rng, year):
    """a random day-first date in `year` (dates of birth, print stamps, sign-offs)"""
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"


def new_rng(*parts):
    return random.Random("|".join(str(p) for p in parts))
