"""Fictional content for the third held-out set: names, places, agencies and entry wording.

Written without reading the importer. Every person and place is built from syllables.
"""

import datetime as dt

AGENCIES = [
    "Children's Social Care",
    "Early Help",
    "Youth Justice",
    "Voluntary Sector",
    "Police",
    "Health Visiting",
    "School Nursing",
    "GP",
    "Hospital",
    "Midwifery",
    "School",
    "Early Years",
    "Housing",
    "Probation",
    "Ambulance",
    "Mental Health",
    "Domestic Abuse Service",
    "Substance Misuse Service",
]

_ON = [
    "Bra",
    "Cal",
    "Dor",
    "El",
    "Fen",
    "Gar",
    "Hal",
    "Is",
    "Jor",
    "Kel",
    "Lor",
    "Mab",
    "Nor",
    "Os",
    "Per",
    "Quen",
    "Ros",
    "Sel",
    "Tam",
    "Ul",
    "Ver",
    "Wyn",
    "Yar",
    "Zel",
]
_MID = ["a", "e", "i", "o", "y", "ae", "ie", "ou"]
_END = [
    "na",
    "wen",
    "ric",
    "dan",
    "lyn",
    "ssa",
    "th",
    "ro",
    "mi",
    "ley",
    "ne",
    "x",
    "ton",
    "bel",
    "ly",
    "n",
    "ra",
    "vin",
]
_SUR1 = [
    "Ash",
    "Brack",
    "Carr",
    "Dun",
    "Elm",
    "Fald",
    "Grim",
    "Hart",
    "Ives",
    "Jess",
    "Kirr",
    "Lath",
    "Morr",
    "Nett",
    "Orr",
    "Pell",
    "Quill",
    "Rook",
    "Stave",
    "Thorn",
    "Upp",
    "Vell",
    "Wex",
    "Yell",
]
_SUR2 = [
    "ington",
    "by",
    "well",
    "ard",
    "ston",
    "ley",
    "er",
    "ock",
    "igan",
    "ett",
    "amore",
    "lin",
    "ridge",
    "ow",
    "iss",
]
_PL1 = [
    "Kest",
    "Marl",
    "Brend",
    "Hollin",
    "Ferrow",
    "Ashen",
    "Corve",
    "Tarr",
    "Wend",
    "Gallow",
    "Sorrel",
    "Pennick",
    "Ruth",
    "Lummer",
    "Otter",
    "Blay",
]
_PL2 = [
    "wick",
    "ford",
    "ham",
    "thorpe",
    "mouth",
    "bury",
    "leigh",
    "stead",
    "field",
    "combe",
    "wold",
    "borough",
]
_CY1 = ["Llanfy", "Pentre", "Aber", "Cwm", "Tre", "Bryn", "Glyn", "Rhyd"]
_CY2 = ["dwyn", "gelli", "sarn", "maen", "wern", "celyn", "hafod", "onnen"]
_SC1 = ["Kil", "Auch", "Drum", "Inver", "Bal", "Strath", "Glen", "Dal"]
_SC2 = ["tarvie", "muir", "lochan", "breck", "arroch", "carnie", "dounie", "fillan"]


def first(rng):
    return rng.choice(_ON) + rng.choice(_MID) + rng.choice(_END)


def surname(rng):
    return rng.choice(_SUR1) + rng.choice(_SUR2)


def place(rng, style="en"):
    if style == "cy":
        return rng.choice(_CY1) + rng.choice(_CY2)
    if style == "sc":
        return rng.choice(_SC1) + rng.choice(_SC2)
    return rng.choice(_PL1) + rng.choice(_PL2)


class Cast:
    """The family and the places of one fictional case."""

    def __init__(self, rng, style="en"):
        self.style = style
        fam = surname(rng)
        self.fam = fam
        self.c = first(rng)
        self.s = first(rng)
        self.m = first(rng)
        self.f = first(rng) + " " + surname(rng)
        self.town = place(rng, style)
        self.town2 = place(rng, style)
        self.street = (
            rng.choice(_SUR1)
            + rng.choice(["", "e"])
            + " "
            + rng.choice(["Road", "Close", "Street", "Avenue", "Lane", "Crescent", "Walk"])
        )
        self.house = rng.randint(2, 140)
        self.dob = dt.date(rng.randint(2012, 2019), rng.randint(1, 12), rng.randint(1, 28))
        self.sdob = self.dob + dt.timedelta(days=rng.randint(500, 1400))
        self.school = place(rng, style) + rng.choice(
            [" Primary School", " Academy", " C of E Primary", " Junior School", " Infant School"]
        )
        if style == "cy":
            self.school = "Ysgol Gynradd " + place(rng, "cy")
        if style == "sc":
            self.school = place(rng, "sc") + " Primary School"
        self.surgery = rng.choice(
            [
                place(rng, style) + " Surgery",
                place(rng, style) + " Medical Practice",
                place(rng, style) + " Health Centre",
                "The " + surname(rng) + " Practice (GP)",
            ]
        )
        self.hosp = place(rng, style) + rng.choice(
            [" General Hospital", " Royal Infirmary", " District Hospital", " University Hospital"]
        )
        self.nursery = rng.choice(
            [
                "Little " + first(rng) + "s Day Nursery",
                place(rng, style) + " Pre-school",
                "Busy Bees of " + place(rng, style) + " Nursery",
            ]
        )
        self.ref = f"{rng.randint(100000, 999999)}"

    def child_line(self):
        return f"{self.c} {self.fam}"


def labels(rng, agency, cast):
    """How a file names its own agency: specific organisations whose type is evident."""
    t = cast.town
    opts = {
        "Children's Social Care": [
            f"{t} Children's Services",
            f"{t} Council – Children's Social Care",
            f"Children's Social Work Team ({t})",
            f"{t} Safeguarding and Assessment Team (Children's Social Care)",
            "CSC Referral and Assessment",
        ],
        "Early Help": [
            f"{t} Early Help Service",
            f"Family Hub – Early Help ({t})",
            "Early Help Team",
            f"{t} Targeted Early Help",
        ],
        "Youth Justice": [
            f"{t} Youth Offending Team",
            f"{t} Youth Justice Service",
            "YOT",
            f"Youth Justice Team ({t})",
        ],
        "Voluntary Sector": [
            f"{place(rng)} Family Support (charity)",
            f"{first(rng)}'s Place Community Charity",
            f"{t} Young Carers (voluntary sector)",
        ],
        "Police": [
            f"{t} Police",
            f"{place(rng)}shire Constabulary",
            f"Police – Public Protection Unit ({t})",
            f"{t} Neighbourhood Policing Team (Police)",
        ],
        "Health Visiting": [
            f"{t} Health Visiting Team",
            f"0-19 Service – Health Visiting ({t})",
            "Health Visitor Service",
            f"{t} Health Visitors",
        ],
        "School Nursing": [
            f"{t} School Nursing Service",
            "School Nurse Team",
            f"0-19 School Nursing ({t})",
        ],
        "GP": [cast.surgery],
        "Hospital": [
            f"{cast.hosp}",
            f"Emergency Department, {cast.hosp}",
            f"Children's Ward, {cast.hosp}",
        ],
        "Midwifery": [
            f"{t} Community Midwives",
            f"Maternity Services, {cast.hosp}",
            f"{t} Midwifery Team",
        ],
        "School": [cast.school],
        "Early Years": [cast.nursery],
        "Housing": [
            f"{t} Housing Association",
            f"{t} Council Housing Options",
            f"{place(rng)} Homes Housing Association",
        ],
        "Probation": [
            f"{t} Probation Service",
            f"Probation Delivery Unit – {t}",
            f"{t} Probation Office",
        ],
        "Ambulance": [f"{place(rng)} Ambulance Service", f"{t} Ambulance Service NHS Trust"],
        "Mental Health": [
            f"{t} CAMHS",
            f"{t} Community Mental Health Team",
            f"Adult Mental Health Services ({t})",
            "Perinatal Mental Health Team",
        ],
        "Domestic Abuse Service": [
            f"{t} Domestic Abuse Service",
            f"{t} IDVA Service (domestic abuse)",
            f"{place(rng)} Women's Aid domestic abuse service",
        ],
        "Substance Misuse Service": [
            f"{t} Drug and Alcohol Service",
            f"{first(rng)} Recovery – Substance Misuse Service",
            f"{t} Substance Misuse Team",
        ],
    }
    return rng.choice(opts[agency])


# practitioner roles an agency's staff sign with
ROLES = {
    "Children's Social Care": ["SW", "Social Worker", "TM", "SSW", "IRO", "Duty SW"],
    "Early Help": ["EH Practitioner", "Family Worker", "EH Keyworker"],
    "Youth Justice": ["YOT Officer", "Case Manager", "YJ Worker"],
    "Voluntary Sector": ["Support Worker", "Project Worker", "Volunteer Coordinator"],
    "Police": ["PC", "DC", "DS", "PCSO", "Call handler"],
    "Health Visiting": ["HV", "Health Visitor", "Nursery Nurse (HV team)", "CNN"],
    "School Nursing": ["SN", "School Nurse", "Staff Nurse (SN team)"],
    "GP": ["GP", "Dr", "Practice Nurse", "ANP"],
    "Hospital": ["ED Doctor", "Paediatric Registrar", "Ward Nurse", "Hospital Safeguarding Nurse"],
    "Midwifery": ["MW", "Community Midwife", "Safeguarding Midwife"],
    "School": ["DSL", "DDSL", "Class teacher", "SENCO", "Head Teacher"],
    "Early Years": ["Key Person", "Nursery Manager", "Setting DSL"],
    "Housing": ["Housing Officer", "Tenancy Sustainment Officer", "Neighbourhood Officer"],
    "Probation": ["PO", "PSO", "Offender Manager", "Probation Practitioner"],
    "Ambulance": ["Paramedic", "EMT", "Clinical Hub"],
    "Mental Health": ["CPN", "Psychiatrist", "CAMHS Practitioner", "AMHP"],
    "Domestic Abuse Service": ["IDVA", "Outreach Worker", "DA Practitioner"],
    "Substance Misuse Service": ["Recovery Worker", "Keyworker", "Prescriber"],
}

TYPES = {
    "Children's Social Care": [
        "Contact",
        "Referral",
        "Home visit",
        "Strategy discussion",
        "S47",
        "CIN meeting",
        "ICPC",
        "Core group",
        "Supervision",
        "Case note",
    ],
    "Early Help": ["Home visit", "TAF meeting", "Telephone call", "Assessment", "Case closure"],
    "Youth Justice": ["Appointment", "Court", "Home visit", "Referral order panel"],
    "Voluntary Sector": ["Session", "Drop-in", "Telephone", "Group"],
    "Police": ["Incident", "Crime", "Intelligence", "PPN", "Arrest", "Welfare check"],
    "Health Visiting": [
        "New birth visit",
        "6-8 week review",
        "Home visit",
        "Clinic",
        "Telephone contact",
        "1 year review",
        "2 year review",
    ],
    "School Nursing": ["Drop-in", "Health review", "Telephone", "Home visit"],
    "GP": ["Face to face", "Telephone consultation", "Home visit", "Letter", "DNA", "Immunisation"],
    "Hospital": ["ED attendance", "Admission", "Outpatient", "Discharge", "WNB"],
    "Midwifery": ["Booking", "Antenatal contact", "Birth", "Postnatal visit", "DNA"],
    "School": ["Concern", "Attendance", "Meeting", "Phone call", "Operation Encompass"],
    "Early Years": ["Concern", "Attendance", "Parent meeting", "Incident"],
    "Housing": ["Visit", "Letter", "Complaint", "Notice", "Telephone"],
    "Probation": ["Office appointment", "Home visit", "Telephone", "Breach", "Risk review"],
    "Ambulance": ["999 call", "Conveyed", "Not conveyed", "Hear and treat"],
    "Mental Health": ["Appointment", "Assessment", "Telephone", "Discharge", "DNA"],
    "Domestic Abuse Service": ["Referral", "Safety planning", "Telephone", "MARAC"],
    "Substance Misuse Service": ["Keywork session", "Prescribing review", "Drug test", "DNA"],
}

# entry wording per agency; {c} child, {s} sibling, {m} mother, {f} partner, {school}, {gp},
# {hosp}, {addr}, {n}, {money}, {od} (another date quoted in the narrative)
TEXT = {
    "Children's Social Care": [
        "Contact received from {school} reporting that {c} [arrived without a coat|had marks on her arm|was hungry at breakfast club|was frightened to go home] and said there was no food at home.",
        "[Home visit by allocated social worker|Statutory visit by SW|Planned home visit|Announced visit by the duty worker]. {m} engaged well; home conditions poor, bedroom shared by {c} and {s}.",
        "Strategy discussion held with [police and health|the PPU and the named nurse|police, school and the GP] following disclosure by {c}. Agreed to progress to s47 enquiries.",
        "[Initial|Review] child protection conference. {c} and {s} [made subject to|remain subject to] child protection plans under the category of [neglect|emotional abuse].",
        "Unannounced visit to {addr}; [no answer|curtains closed, no answer|a male voice was heard but no one came to the door]. Card left asking {m} to make contact.",
        "Core group meeting held at [{school}|the family hub|the council offices]. {f} did not attend; written agreement reviewed with {m}.",
        "Child in need [meeting|review meeting]. Plan reviewed; {m} reported that she had paid £{money} towards arrears on {od}.",
        "[Manager's supervision|Case supervision with the TM|Group supervision]: case discussed, decision to step down to early help was not agreed.",
        "Section 20 discussed with {m} and declined. Legal planning meeting requested.",
        "Referral from [police|the school|the health visitor|an anonymous caller] following [domestic incident|concerns about home conditions]; NFA at front door as family known to early help.",
        "[Single assessment|Child and family assessment] completed: [outcome CIN plan|outcome step down to early help|recommendation for s47].",
        "[Telephone call|Email] from {m} asking for the social worker to call back about {f} returning home.",
        "Direct work session with {c} at school using [three houses|a worry tree|the wizard and fairy tool]; she drew {f} as a monster.",
        "[Case transferred|Case allocated] to a new social worker after [a period of sickness|the previous worker left].",
        "Written agreement signed by {m}: {f} not to stay overnight at the family home.",
    ],
    "Early Help": [
        "[Early help assessment started|EHA completed|Family star assessment completed] with {m} at home. Routines and school attendance discussed.",
        "TAF meeting at [{school}|the family hub]; attendance for {c} is 6{n}% this term. Parenting course offered.",
        "[Telephone call|Text message exchange|Catch-up call] with {m} who said {f} had moved back into the home on {od}.",
        "[Family worker visit|Keyworker home visit|Joint visit with the school]; food bank voucher given and £{money} hardship grant applied for.",
        "Case closed to early help as family disengaged after [three|two|four] missed appointments.",
        "Escalation to children's social care following {c}'s disclosure at the [family session|parenting group].",
        "[Bedtime routine|Behaviour chart|Morning routine] work with {m}; {c} now getting to school on time.",
        "Parenting group session [{n} of 10|attended|not attended]: {m} arrived late and left early.",
    ],
    "Youth Justice": [
        "Referral order panel attended by {s} and {m}; contract agreed with {n} hours reparation.",
        "[Appointment at YOT office|Supervision session|Reparation session] not attended. Text reminder had been sent the day before.",
        "[Home visit|Supervision at home]; {s} said he had been carrying cannabis for older boys and owed £{money}.",
        "Court appearance at [youth court|the magistrates' court]; {s} given a referral order for {n} months.",
        "Concern shared with police about possible criminal exploitation of {s}.",
        "[AssetPlus assessment|Risk and needs review] completed for {s}; safety and wellbeing rated [medium|high].",
        "Mentoring session with {s} at the [boxing club|youth centre]; he engaged for {n}0 minutes.",
    ],
    "Voluntary Sector": [
        "Young carers [session|group|activity day] attended by {c}; said she looks after {s} most evenings.",
        "[Drop-in|Advice session]: {m} asked for help with a debt letter of £{money}; signposted to advice service.",
        "[Telephone support call|Check-in call] with {m}; sounded low and said she had not slept since {od}.",
        "Group session; {c} presented as withdrawn and would not join in activities.",
        "[Holiday club|Breakfast club] place offered for {c} and {s}; {m} accepted.",
        "[Volunteer|Befriender] visit to {m}; flat was cold and she said the electric meter was empty.",
    ],
    "Police": [
        "Call received from [neighbour|a passer-by|{m}'s mother] reporting shouting and a child crying at {addr}. Officers attended.",
        "Domestic incident: {m} reported that {f} [pushed her into a door|threw a mug at her|took her phone]. DASH completed, assessed [medium|high] risk.",
        "PPN submitted for {c} and {s} following domestic incident; Operation Encompass notification sent.",
        "{f} arrested for [assault on {m}|criminal damage|breach of a non-molestation order]; released under investigation with bail conditions.",
        "Welfare check at {addr} requested by [children's services|the school|the health visitor]; {c} seen and appeared safe.",
        "Intelligence received that {f} was staying at the address despite conditions.",
        "Missing episode: {s} reported missing by {m} at 2215, found safe at [a friend's house|the park|his grandmother's].",
        "Crime recorded: criminal damage to the front door at {addr}; no suspect identified.",
        "[Stop search|Street encounter] involving {s} near the [bus station|retail park]; nothing found.",
        "Non-molestation order served on {f} at the [police station|custody suite].",
    ],
    "Health Visiting": [
        "[New birth visit|Primary visit] completed at home. {m} tired; feeding well; safe sleep advice given.",
        "6-8 week review. EPDS score {n}; {m} disclosed low mood and was advised to see her GP.",
        "[Home visit|Planned home visit|Targeted visit]: no access. Letter left offering a new appointment.",
        "[Clinic contact|Baby clinic|Weigh clinic]: {c} weighed; weight dropped from 50th to 9th centile since {od}.",
        "Telephone contact with {m}: she reported {f} had left and she was struggling with money.",
        "[2-2.5 year review|27 month review]; concerns about speech, referral to speech and language therapy.",
        "Joint visit with the social worker; home [cluttered and cold|smelled of cannabis|had dog faeces on the floor], no working heating.",
        "[1 year review|12 month review] completed; immunisations overdue, {m} said she would book them.",
        "Antenatal contact with {m}; routine enquiry about domestic abuse [not possible as {f} present|completed, no disclosure].",
        "[Listening visit|Promotional visit] for {m}; she cried and said {f} controls the money.",
    ],
    "School Nursing": [
        "School nurse [drop-in|clinic]: {c} attended with headaches and said she was worried about mum.",
        "Health review for {c}; height and weight recorded, enuresis discussed with {m}.",
        "Telephone call to {m} regarding missed dental appointments; advice given.",
        "Referral to CAMHS completed following disclosure of self-harm by {c}.",
        "[Health needs assessment|Year 6 health check] for {c}: head lice and tooth decay noted.",
        "Attended review child protection conference; report shared about {c}'s weight.",
    ],
    "GP": [
        "[Face to face consultation|Seen in surgery|Appointment with GP]: {m} presented with low mood and poor sleep. Sertraline started.",
        "[Telephone consultation|Phone call] re {c}: cough for a week, advice given, no safeguarding concerns noted.",
        "{c} not brought for [12 month immunisations|pre-school boosters|asthma review]. Letter sent to parent.",
        "Consultation with {m}; bruising to [left arm|right wrist|neck], said she walked into a door.",
        "Letter received from {hosp} re ED attendance for {s}; added to record.",
        "Review of {f}: alcohol use discussed, AUDIT score 1{n}; declined referral.",
        "[Child protection conference report|Report for the ICPC|Report for the strategy meeting] requested by CSC and submitted.",
        "[Medication review|Repeat prescription request] for {m}; diazepam declined, safety netting advice given.",
        "{s} seen with [a scald to the forearm|a head injury|a swollen finger]; explanation of the injury vague.",
        "Practice safeguarding meeting: family discussed, CP alert added to the records of {c} and {s}.",
    ],
    "Hospital": [
        "ED attendance: {s} brought by {m} with [a burn to the hand|a fractured wrist|a cut to the head]; explanation consistent.",
        "Admitted to the children's ward with [dehydration|bronchiolitis|a head injury]; discharged home after {n} days.",
        "Not brought to paediatric [outpatient|dietetics|audiology] appointment; second WNB letter sent to GP.",
        "ED attendance: {m} with [facial injury|a wrist injury|chest pain], said she fell. Routine enquiry not completed.",
        "Safeguarding referral made by ED nurse after {c} said daddy shouts a lot.",
        "Child protection medical for {c} at the [paediatric assessment unit|children's ward]; bruising felt to be non-accidental.",
        "[Paediatric liaison|Safeguarding team] review of attendances: {n} ED attendances for {s} in 12 months.",
    ],
    "Midwifery": [
        "[Booking appointment|Booking visit]: {m} 1{n} weeks pregnant; disclosed previous DA with another partner.",
        "[Antenatal contact|Antenatal clinic|Scan appointment] not attended; midwife telephoned and rebooked.",
        "Birth of baby at {hosp}; [normal delivery|emergency caesarean], baby weight 3.{n}kg.",
        "Postnatal visit day [5|3|10]: {m} and baby well; {f} present and answered for her.",
        "Pre-birth planning meeting with CSC; plan agreed for the baby's discharge.",
        "Antenatal contact at home; {m} said she smokes {n} cigarettes a day and the flat is damp.",
        "Safeguarding midwife [discussion|supervision]: concerns about late booking and missed scans.",
    ],
    "School": [
        "Concern logged by [class teacher|TA|lunchtime supervisor]: {c} said she had no breakfast and was hungry.",
        "Operation Encompass notification received; DSL spoke with {c} who was [quiet and tired|tearful|keen to talk].",
        "Attendance meeting with {m}; attendance 7{n}%. Fixed penalty warning explained.",
        "{c} arrived at school with a bruise to the [cheek|forehead|upper arm]; said she fell off her bike.",
        "Phone call to {m} as {c} not collected at 3.15pm; collected at 4.40pm by {f}.",
        "DSL referral to the MASH after {c} disclosed being [hit with a belt|locked in her room|left alone overnight].",
        "Uniform and lunch money concerns: {m} owes £{money} for school meals.",
        "[Pupil progress meeting|SEN review|Annual review]: {c} is working below age-related expectations.",
        "{c} absent [without explanation|again, first day call unanswered]; home visit by the attendance officer.",
        "[Head lice letter|Letter home] sent again; {c}'s hygiene discussed with {m} at the gate.",
    ],
    "Early Years": [
        "Key person noted {s} had [a nappy rash|a bruise on his shin|a soiled nappy] and had not been changed since arriving.",
        "{s} absent from nursery for {n} days in a row; no explanation from {m}.",
        "Parent meeting: {m} tearful, said she could not afford the £{money} fees this month.",
        "Incident form: {s} bit another child; {m} informed at collection.",
        "{s} collected by [an unknown adult|{f}, who smelled of alcohol|a 14-year-old cousin]; setting manager informed.",
        "[Two year progress check|Learning journey review] shared with {m}; speech delay noted.",
    ],
    "Housing": [
        "[Visit to|Tenancy visit at|Arrears visit to] {addr} about rent arrears of £{money}; {m} said the partner had left.",
        "Complaint from [neighbour|the flat upstairs|a resident] about noise and shouting at the property late at night.",
        "Notice seeking possession served for arrears; letter also sent to {m}.",
        "Repairs visit: [damp and mould|a broken window|no heating] in the children's bedroom, works ordered.",
        "Telephone call from {m} asking for an emergency move because of {f}.",
        "[Anti-social behaviour|Noise nuisance] warning letter sent to the household.",
        "Homeless application taken from {m}; placed in temporary accommodation at {town2}.",
    ],
    "Probation": [
        "[Office appointment|Supervision appointment|Induction] with {f}; discussed relationship with {m}, denied any contact.",
        "Home visit to {f}'s address; not present. Neighbour said he stays elsewhere.",
        "[Risk review|OASys review] completed; risk to known adult assessed as [high|medium].",
        "Breach action started after [two|three] missed appointments.",
        "Telephone call with {f}; he said he had been drinking again since {od}.",
        "[Domestic abuse enquiry|Safeguarding enquiry] to children's services about {f}'s contact with the children.",
        "Accredited programme session not attended by {f}; [no reason given|said he was working].",
    ],
    "Ambulance": [
        "999 call from {m}: {s} having [a seizure|breathing difficulties|a high fever]. Crew attended and conveyed to {hosp}.",
        "Crew attended {addr} for {m} following a [fall|collapse|assault]; injuries to the face, not conveyed.",
        "Hear and treat: caller reported child with high temperature; advice given.",
        "Safeguarding concern raised by crew about the condition of the home.",
        "[111 call|999 call] from a neighbour about {m} intoxicated with children present; police requested.",
    ],
    "Mental Health": [
        "Assessment of {m} by [perinatal mental health team|the crisis team|IAPT]; moderate depression, weekly CPN visits.",
        "CAMHS [choice appointment|initial assessment] for {c}: low mood and self-harm, placed on the waiting list.",
        "[Appointment|CPN visit|Outpatient review] not attended by {m}; telephone follow-up unanswered.",
        "Discharged from [CMHT|the perinatal team|CAMHS] to the GP after {n} months; relapse plan shared.",
        "Crisis call from {m}: thoughts of overdose, said the children were with {f}.",
        "Medication review with the psychiatrist; {m} reports she stopped her tablets on {od}.",
    ],
    "Domestic Abuse Service": [
        "Referral received from [police|the health visitor|the GP] for {m}; high risk DASH, IDVA allocated.",
        "[Safety planning call|Safety planning session] with {m}; she said {f} had been at the house on {od}.",
        "Case heard at MARAC; actions agreed for housing and police.",
        "[Outreach session|Support session]: {m} talked about financial control, given £{money} food voucher.",
        "[Attempted contact|Unsafe to call back]: phone answered by a man, IDVA ended the call.",
        "Target hardening at {addr} arranged; locks changed and a doorbell camera fitted.",
    ],
    "Substance Misuse Service": [
        "[Keywork session|Recovery session] with {f}: reports daily alcohol use, around 1{n} units a day.",
        "Prescribing review: methadone dose [reduced|increased]; {f} said children stay at weekends.",
        "Drug test [positive for cocaine|positive for benzodiazepines|negative]; discussed risk to the children.",
        "Did not attend [keywork session|group]; letter sent and probation informed.",
        "Hidden harm screening for {f}: {c} and {s} named as children in contact.",
        "Needle exchange visit by {f}; he said he was sleeping on a friend's sofa.",
    ],
}

# what Scottish and Welsh practitioners write that English ones do not (GIRFEC, the
# Children's Hearings System; the Social Services and Well-being (Wales) Act, Flying Start)
REGION_TEXT = {
    "sc": {
        "Children's Social Care": [
            "Inter-agency referral discussion (IRD) held with police and health; joint investigative interview agreed for {c}.",
            "Referral to the Children's Reporter on grounds of lack of parental care.",
            "Children's hearing: compulsory supervision order made, {c} to remain at home.",
            "Child protection planning meeting: {c}'s name placed on the child protection register.",
            "Child's Plan reviewed at the Team Around the Child meeting; {m} did not attend.",
        ],
        "School": [
            "Named Person (head teacher) raised a wellbeing concern for {c} using the SHANARRI indicators.",
            "Child's Plan meeting at school; {c}'s attendance is 6{n}% this session.",
        ],
        "Health Visiting": [
            "Named Person (health visitor) home visit; {c}'s weight faltering, wellbeing concern shared.",
            "Universal pathway 13-15 month visit: {m} declined the developmental check.",
        ],
        "Police": [
            "Concern report (child) submitted after officers attended a disturbance at {addr}."
        ],
    },
    "cy": {
        "Children's Social Care": [
            "Care and support assessment completed for {c} under the Social Services and Well-being (Wales) Act.",
            "Care and support plan reviewed with {m}; Welsh language preference recorded.",
            "Strategy discussion held under the Wales Safeguarding Procedures; s47 enquiries agreed.",
        ],
        "Health Visiting": [
            "Flying Start health visitor contact; {m} offered a place at the Flying Start childcare."
        ],
        "School": ["ALN review for {c}: individual development plan (IDP) updated with {m}."],
    },
}

# sentences a long narrative entry goes on with: other dates and money quoted inside
LONG = [
    "{m} said that on {od} she had paid £{money} to a man who lent her money, and she is frightened of him.",
    "She described the events of {od} again and said the police had not been called on that occasion.",
    "The worker noted that {c} had also been absent on {od} and the letter sent that day was not answered.",
    "The previous appointment on {od} was missed too; £{money} of vouchers remain unclaimed.",
    "{f} was heard in the background asking who was on the phone.",
    "The home smelled strongly of cannabis and there were empty cans in the kitchen.",
    "Plan: review in four weeks; information to be shared with the GP and the school.",
    '{c} said "mummy was crying again on {od}" and would not say more.',
]

CONT = [
    "Outcome: advice given and information shared with the allocated worker.",
    "(cont.) {m} was told the plan would be reviewed at the next meeting.",
    "... continued: {c} was spoken to alone and said she felt safe at home.",
    "Further information: this was discussed with the safeguarding lead the same day.",
    "Action – letter to be sent to the family and a copy to the GP.",
    "continued from above – {f} was not present during the visit.",
    "and the worker agreed to visit again within five working days.",
]

OUTCOMES = [
    "Advice given",
    "Referral to CSC",
    "Information shared with school",
    "No further action",
    "Follow-up visit booked",
    "Letter sent",
    "Discussed in supervision",
    "Passed to MASH",
    "Safeguarding lead informed",
    "Re-booked",
    "Case closed",
    "Plan reviewed",
]

ABBREV = [
    ("CSC", "Children's Social Care"),
    ("HV", "Health Visitor"),
    ("DNA", "Did not attend"),
    ("WNB", "Was not brought"),
    ("DSL", "Designated Safeguarding Lead"),
    ("TAF", "Team Around the Family"),
    ("PPN", "Public Protection Notice"),
    ("EPDS", "Edinburgh Postnatal Depression Scale"),
    ("MASH", "Multi-Agency Safeguarding Hub"),
    ("s47", "Section 47 enquiry"),
    ("IDVA", "Independent Domestic Violence Adviser"),
]
