"""Words for the fourth held-out set: fictional names, agency spellings, entry texts.

Written from general knowledge of how agencies in the four UK nations keep chronologies.
Every person and place is made up from syllables. Nothing here was copied from the
repository's importer, samples or the other held-out sets (see README.md).
"""

SYL1 = ["Bra", "Cor", "Dal", "Fen", "Gar", "Hol", "Jas", "Kel", "Lor", "Mab", "Nev", "Pel"]
SYL2 = ["an", "el", "in", "ory", "ua", "ette", "ie", "ion", "ara", "yn", "ric", "isa"]
SUR1 = ["Ash", "Brack", "Cull", "Dun", "Elm", "Farn", "Gild", "Hask", "Ivel", "Marr", "Quill"]
SUR2 = ["ridge", "ow", "enby", "stead", "ock", "iter", "ley", "mire", "worth", "ane", "ick"]
PLACE1 = ["Wend", "Harl", "Oster", "Carrow", "Bly", "Tarn", "Meld", "Skel", "Rook", "Vell"]
PLACE2 = ["moor", "field", "by", "dale", "ham", "mouth", "wick", "ton", "bridge", "holm"]

# canonical agency -> ways a reviewer sees it written, one list per half
LABELS = {
    "a": {
        "Children's Social Care": ["Children's Social Care", "CSC", "Social Care (MASH)"],
        "Police": ["Police", "PPU", "{place} Police"],
        "Health Visiting": ["Health Visiting", "HV", "0-19 Service (HV)"],
        "School Nursing": ["School Nursing", "School Nurse"],
        "GP": ["GP", "GP Practice", "{place} Surgery"],
        "Hospital": ["ED", "A&E", "{place} General Hospital"],
        "Midwifery": ["Midwifery", "Community Midwife"],
        "School": ["School", "{school} Primary School", "School DSL"],
        "Early Years": ["Nursery", "Early Years setting"],
        "Housing": ["Housing", "Housing Options"],
        "Probation": ["Probation", "Probation Service"],
        "Ambulance": ["Ambulance", "Ambulance Service"],
        "Mental Health": ["CAMHS", "Mental Health"],
        "Domestic Abuse Service": ["IDVA", "DA Service"],
        "Substance Misuse Service": ["Substance Misuse", "Drug & Alcohol Service"],
        "Early Help": ["Early Help", "EH"],
        "Youth Justice": ["Youth Justice", "YOT"],
        "Voluntary Sector": ["Voluntary Sector", "{place} Family Project (charity)"],
    },
    "b": {
        "Children's Social Care": ["CSD", "Childrens Services", "LA Social Work Team"],
        "Police": ["Constabulary", "Police - MASH", "{place} Constabulary"],
        "Health Visiting": ["Health Visitor", "HV team", "Public Health Nursing - HV"],
        "School Nursing": ["School Health", "School Nursing Team"],
        "GP": ["General Practice", "Primary Care", "{place} Medical Centre"],
        "Hospital": ["Emergency Department", "Paediatric ED", "{place} Royal Infirmary"],
        "Midwifery": ["Maternity", "MW"],
        "School": ["Education", "{school} Academy", "Academy (DSL)"],
        "Early Years": ["Pre-school", "Early Years"],
        "Housing": ["Housing Association", "Homelessness Team"],
        "Probation": ["Probation (OM)", "Probation Officer"],
        "Ambulance": ["Paramedics", "{place} Ambulance Service"],
        "Mental Health": ["CMHT", "Adult Mental Health", "Perinatal Mental Health"],
        "Domestic Abuse Service": ["Domestic Abuse Service", "DA outreach worker"],
        "Substance Misuse Service": ["Recovery Service (substance misuse)", "Drug and Alcohol"],
        "Early Help": ["Family Support - Early Help", "Early Help Hub"],
        "Youth Justice": ["YJS", "Youth Offending Service"],
        "Voluntary Sector": ["Third sector", "{place} Community Trust (voluntary)"],
    },
}

# systems named in titles or file names, with the agency they belong to
SYSTEMS = {
    "a": [
        ("Mosaic", "Children's Social Care"),
        ("Niche", "Police"),
        ("nDelius", "Probation"),
        ("RiO", "Mental Health"),
        ("CPOMS", "School"),
        ("EMIS", "GP"),
    ],
    "b": [
        ("Liquidlogic", "Children's Social Care"),
        ("SystmOne", "Health Visiting"),
        ("nDelius", "Probation"),
        ("CPOMS", "School"),
        ("EMIS Web", "GP"),
        ("RiO", "Mental Health"),
    ],
}

# (type, description, outcome); {c} child, {m} mother, {f} partner, {s} school, {w} worker,
# {sib} sibling, {pl} place. Long entries are split into continuation rows by the layouts.
TEXTS = {
    "Children's Social Care": [
        (
            "Contact",
            "Contact received from {s} regarding bruising to {c}'s upper arm. {c} said {f} "
            "grabbed her when she would not go to bed. Passed to MASH for information "
            "gathering.",
            "MASH checks requested",
        ),
        (
            "Strategy",
            "Strategy discussion held with police and health. Threshold for s47 enquiry met. "
            "Agreed joint visit with police today and child protection medical.",
            "s47 initiated",
        ),
        (
            "Home visit",
            "Unannounced home visit by SW {w}. {m} answered after several minutes. Home "
            "cluttered, little food in the fridge, {sib} in a wet nappy. {c} seen alone in "
            "her bedroom and spoke about shouting at night.",
            "Food bank voucher given",
        ),
        (
            "Conference",
            "Initial child protection conference. {c} and {sib} made subject to child "
            "protection plans under the category of neglect.",
            "CP plan; core group within 10 days",
        ),
        (
            "Core group",
            "Core group meeting. {m} attended, {f} did not. School reported improved "
            "attendance; HV reported missed appointment for {sib}.",
            "Plan reviewed",
        ),
        (
            "CIN",
            "Child in need meeting held at {s}. {m} agreed to engage with the parenting "
            "course and to register {sib} with a dentist.",
            "CIN plan continues",
        ),
        (
            "Case note",
            "Telephone call from {m} asking for help with electricity top-up. Advised to "
            "contact housing support worker; referral to crisis fund made.",
            "",
        ),
        (
            "Supervision",
            "Case discussed in supervision with TM. Concern about drift; agreed to consider "
            "legal planning meeting if no progress by the review conference.",
            "Legal gateway to be booked",
        ),
    ],
    "Police": [
        (
            "Incident",
            "Call from neighbour reporting shouting and banging at the address. Officers "
            "attended, {f} had left prior to arrival. {m} had a red mark to her cheek and "
            "declined to make a statement.",
            "DASH completed - medium risk",
        ),
        (
            "PPN",
            "Protection notice submitted for {c} and {sib} following domestic incident. "
            "Children were present in the house but asleep upstairs.",
            "Shared with MASH",
        ),
        (
            "Arrest",
            "{f} arrested on suspicion of assault (ABH) on {m}. Interviewed and released "
            "under investigation with conditions not to contact {m}.",
            "RUI; bail conditions",
        ),
        (
            "Welfare check",
            "Welfare check requested by CSC as family not seen for two weeks. Officers "
            "attended, all present and well, house cold.",
            "Update sent to CSC",
        ),
        (
            "Op Encompass",
            "Operation Encompass notification sent to {s} before the start of the school day.",
            "",
        ),
        (
            "Missing",
            "{c} reported missing by {m} after not returning from school. Located by patrol "
            "at {pl} park later that evening and returned home.",
            "Return interview requested",
        ),
    ],
    "Health Visiting": [
        (
            "Contact",
            "New birth visit to {sib}. Weight on the 9th centile. {m} tearful, EPDS score 14. "
            "{f} present and answered most questions for her.",
            "GP to review mood",
        ),
        (
            "DNA",
            "6-8 week review - no access. Card left. {m} did not answer the phone when "
            "called afterwards.",
            "Re-book",
        ),
        (
            "Review",
            "1 year review completed at clinic. Development within normal limits. {m} "
            "disclosed that {f} had moved back into the home.",
            "Shared with SW",
        ),
        (
            "Liaison",
            "Telephone liaison with the SW about the missed contacts and the state of the "
            "home at the last visit.",
            "",
        ),
        (
            "Contact",
            "2-2.5 year review. Speech delayed, few words. Home smelled of smoke, {sib} "
            "eating crisps for breakfast.",
            "Referral to speech and language therapy",
        ),
    ],
    "School Nursing": [
        (
            "Drop-in",
            "{c} attended the school nurse drop-in complaining of headaches and saying she "
            "was tired because of noise at home.",
            "Advice; letter to parent",
        ),
        (
            "Health review",
            "Health assessment for the CP plan. Height and weight on the 2nd centile. "
            "Dental decay noted.",
            "Dental referral",
        ),
    ],
    "GP": [
        (
            "Consultation",
            "{m} seen with low mood and poor sleep. Reports stress at home. Sertraline started.",
            "Review in 4 weeks",
        ),
        (
            "WNB",
            "{sib} was not brought to the booked immunisation appointment.",
            "Letter to parent",
        ),
        (
            "Consultation",
            "{c} seen with {m} for a chest infection. Child quiet and withdrawn, {m} said "
            "she is always like that with doctors.",
            "Antibiotics",
        ),
        (
            "Letter",
            "Request for a report for the child protection conference received and "
            "completed by the GP.",
            "",
        ),
    ],
    "Hospital": [
        (
            "Attendance",
            "{sib} brought to the emergency department by {m} with a burn to the left hand. "
            "Explanation: touched the oven door. Injury consistent with the account.",
            "Discharged; HV liaison form",
        ),
        (
            "Attendance",
            "{m} attended with a facial injury, said she fell down the stairs. Disclosed "
            "arguments with {f} when asked alone.",
            "IDVA referral offered, declined",
        ),
        (
            "Admission",
            "{c} admitted to the children's ward with an asthma attack. Inhaler technique "
            "poor and no preventer collected for months.",
            "Discharged after 2 nights",
        ),
        (
            "CP medical",
            "Child protection medical for {c}. Three bruises to the upper arm consistent "
            "with a grip.",
            "Findings to SW and police",
        ),
    ],
    "Midwifery": [
        (
            "Booking",
            "Late booking at 24 weeks. {m} disclosed previous involvement with children's "
            "services and smoking 10 a day.",
            "Referral to specialist midwife",
        ),
        (
            "Antenatal",
            "Antenatal appointment - not attended. Second missed appointment.",
            "Safeguarding midwife informed",
        ),
        (
            "Birth",
            "{sib} born by normal delivery at {pl} Hospital, weight 2.6kg. {f} present.",
            "Pre-birth plan followed",
        ),
    ],
    "School": [
        (
            "Concern",
            "{c} arrived late and hungry, said there was no food at home. Given breakfast "
            "club. Logged by class teacher.",
            "DSL informed",
        ),
        (
            "Attendance",
            "Attendance for the half term at 81%. Letter sent to {m} inviting her to an "
            "attendance meeting.",
            "Meeting arranged",
        ),
        (
            "Disclosure",
            "{c} told her teacher that {f} shouted at {m} and threw a plate. She said she "
            "hid under the bed with {sib}.",
            "Referral to CSC by DSL",
        ),
        (
            "Meeting",
            "DSL attended the core group meeting and shared improved attendance but "
            "continued concerns about hygiene.",
            "",
        ),
        (
            "Injury",
            "Mark seen on {c}'s neck during PE. {c} said the cat scratched her.",
            "Body map completed",
        ),
    ],
    "Early Years": [
        (
            "Concern",
            "{sib} collected late from nursery for the third time this month by an adult "
            "not on the collection list.",
            "Discussed with manager",
        ),
        (
            "Progress",
            "Two-year progress check shared with {m}. Delays in communication and personal care.",
            "",
        ),
    ],
    "Housing": [
        (
            "Tenancy",
            "Notice seeking possession served for rent arrears of £2,140 on the family's tenancy.",
            "Tenancy sustainment offered",
        ),
        (
            "Repairs",
            "Repairs visit: damp and mould in the children's bedroom, broken front door lock.",
            "Works ordered",
        ),
        (
            "Homeless",
            "{m} presented as homeless with both children after fleeing the address. "
            "Placed in temporary accommodation in {pl}.",
            "Emergency placement",
        ),
    ],
    "Probation": [
        (
            "Supervision",
            "Supervision appointment with {f}. Denied contact with {m}; later seen by OM "
            "outside the family home.",
            "Warning letter",
        ),
        (
            "Risk",
            "OASys risk assessment reviewed. Risk of serious harm to known adult assessed as high.",
            "MAPPA level 1",
        ),
        (
            "Failed",
            "{f} failed to attend supervision. Second missed appointment without "
            "acceptable reason.",
            "Breach considered",
        ),
    ],
    "Ambulance": [
        (
            "999",
            "999 call from {m}: {sib} having a seizure. Crew on scene in 11 minutes, child "
            "conveyed to hospital.",
            "Conveyed",
        ),
        (
            "Call",
            "Call to the address for an adult male with head injury after a fall; crew noted "
            "two children present and an argument ongoing.",
            "Safeguarding referral made",
        ),
    ],
    "Mental Health": [
        (
            "Assessment",
            "Initial assessment for {m}. Low mood, anxiety, history of self-harm in her "
            "teens. Protective factors: the children.",
            "Allocated CPN",
        ),
        (
            "CAMHS",
            "CAMHS triage for {c} following referral from school about low mood and not eating.",
            "Placed on waiting list",
        ),
        (
            "DNA",
            "{m} did not attend the CPN appointment. Telephone not answered.",
            "Letter offering a new appointment",
        ),
    ],
    "Domestic Abuse Service": [
        (
            "Referral",
            "Referral received following MARAC. IDVA spoke to {m} by phone; safety "
            "planning completed.",
            "Support accepted",
        ),
        (
            "MARAC",
            "Case heard at MARAC. Actions: target hardening at the address, police flag, "
            "school to be informed.",
            "Actions allocated",
        ),
        (
            "Contact",
            "IDVA unable to reach {m} after three attempts. Safe number no longer working.",
            "Case closed",
        ),
    ],
    "Substance Misuse Service": [
        (
            "Assessment",
            "{f} assessed at the recovery service for alcohol use; drinking up to two "
            "bottles of wine a day.",
            "Offered detox pathway",
        ),
        (
            "Review",
            "Key worker review. {f} says he has cut down; breathalyser reading 0.4.",
            "",
        ),
    ],
    "Early Help": [
        (
            "Assessment",
            "Early help assessment completed with {m}. Needs: routines, finances, support "
            "with {sib}'s sleep.",
            "TAF plan",
        ),
        (
            "TAF",
            "Team around the family meeting. {m} did not attend, school and HV present.",
            "Escalation to CSC discussed",
        ),
    ],
    "Youth Justice": [
        (
            "Intervention",
            "Out of court disposal meeting for {c}'s older brother; family circumstances "
            "discussed.",
            "Youth caution",
        ),
        (
            "Session",
            "Session with {c}'s brother at the youth centre. Says he stays away from home "
            "because of the arguments.",
            "",
        ),
    ],
    "Voluntary Sector": [
        (
            "Support",
            "Family support worker visit. Helped {m} with a benefits form; children's beds "
            "delivered from the furniture scheme.",
            "",
        ),
        (
            "Group",
            "{m} attended the parenting group at the community café for the first time and "
            "spoke about feeling alone.",
            "Buddy allocated",
        ),
    ],
}

NOTES = {
    "a": [
        "NB: records before 2019 are held on the paper file and are not included",
        "Note - the entries below were transferred from the previous system",
        "Information in italics has been provided by another agency",
    ],
    "b": [
        "PLEASE NOTE: this section summarised by the author",
        "(entries for the sibling are shown where relevant to the subject child)",
        "Gap in recording - practitioner on long-term leave",
    ],
}

# more entries, so that one agency's file does not repeat itself
MORE = {
    "School Nursing": [
        (
            "Referral",
            "Referral to the school nursing service from the GP about {c}'s weight loss over the last term.",
            "Appointment offered",
        ),
        (
            "Contact",
            "Telephone call to {m} to discuss bedwetting and sleep. {m} said {c} goes to bed after midnight.",
            "Sleep advice leaflet posted",
        ),
        (
            "Meeting",
            "School nurse attended the review conference and shared that {c} had missed the hearing test twice.",
            "",
        ),
    ],
    "GP": [
        (
            "Consultation",
            "{f} consulted about back pain and requested stronger painkillers; alcohol intake discussed and declined to answer.",
            "Declined referral",
        ),
        (
            "Telephone",
            "Telephone consultation with {m}: {sib} has had diarrhoea for three days, still feeding.",
            "Advice given",
        ),
        (
            "Safeguarding",
            "Practice safeguarding meeting. Family added to the vulnerable children register.",
            "Alert added to record",
        ),
    ],
    "Midwifery": [
        (
            "Postnatal",
            "Postnatal visit day 5. Baby feeding well, {m} anxious and not sleeping; partner not present.",
            "Handover to HV",
        ),
        (
            "Antenatal",
            "Antenatal appointment at 32 weeks. Domestic abuse routine enquiry could not be asked as {f} refused to leave the room.",
            "Flag on maternity record",
        ),
    ],
    "Early Years": [
        (
            "Injury",
            "{sib} arrived at nursery with a bruise to the forehead. {m} said he fell off the sofa.",
            "Recorded, DSL informed",
        ),
        (
            "Attendance",
            "{sib} has not attended nursery for two weeks; phone calls unanswered.",
            "Home visit requested",
        ),
        (
            "Meeting",
            "Nursery manager attended the TAF review and reported better routines at drop-off.",
            "",
        ),
    ],
    "Housing": [
        (
            "ASB",
            "Complaint from neighbours of noise and shouting late at night from the flat, third complaint this year.",
            "Warning letter",
        ),
        (
            "Visit",
            "Tenancy visit: property in poor condition, dog faeces in the garden, children's room without a bed.",
            "Referral to family support",
        ),
    ],
    "Probation": [
        (
            "Programme",
            "{f} started the Building Better Relationships programme; attended the first session only.",
            "",
        ),
        (
            "Home visit",
            "OM home visit to {f}'s registered address. Not present, neighbour said he stays with {m} most nights.",
            "Information shared with CSC",
        ),
    ],
    "Ambulance": [
        (
            "999",
            "999 call from a neighbour: woman injured in the street outside the property. {m} treated on scene.",
            "Refused conveyance",
        ),
        (
            "Call",
            "Call from {m}: {c} having difficulty breathing. Crew assessed, wheeze, nebuliser given.",
            "Conveyed to ED",
        ),
        (
            "Referral",
            "Crew completed a safeguarding referral: house very cold, no food seen, children in bed fully clothed.",
            "Referral sent to MASH",
        ),
    ],
    "Mental Health": [
        (
            "Review",
            "Outpatient review for {m}; reports voices at night and stopped her medication a month ago.",
            "Medication restarted",
        ),
        (
            "Crisis",
            "Crisis team contacted by {m} in distress. Home treatment offered, children with grandmother.",
            "Home treatment team",
        ),
    ],
    "Domestic Abuse Service": [
        (
            "Group",
            "{m} attended the recovery group session and spoke about the controlling behaviour of {f}.",
            "",
        ),
        (
            "Safety",
            "Safety plan reviewed. Locks changed, panic alarm fitted at the property.",
            "Plan updated",
        ),
    ],
    "Substance Misuse Service": [
        ("DNA", "{f} did not attend the key work appointment. Letter sent.", "Case to be reviewed"),
        (
            "Testing",
            "Urine screen for {f} positive for cocaine and cannabis.",
            "Shared with probation",
        ),
        (
            "Review",
            "Multi-agency review meeting attended by the key worker; {f} engaging sporadically.",
            "",
        ),
    ],
    "Early Help": [
        (
            "Visit",
            "Home visit by the EH worker. Bedtime routine chart agreed with {m}; house tidier.",
            "",
        ),
        (
            "Closure",
            "Case closed to early help after the plan outcomes were met; step down to universal services.",
            "Closed",
        ),
        (
            "Referral",
            "Request for early help support received from {s} about {c}'s attendance and behaviour.",
            "Allocated",
        ),
    ],
    "Youth Justice": [
        (
            "Referral",
            "Referral from police after {c}'s brother was found with a knife near {pl} station.",
            "Assessment booked",
        ),
        (
            "Assessment",
            "AssetPlus assessment completed; concerns about exploitation by older peers.",
            "NRM referral considered",
        ),
        ("DNA", "Brother missed the reparation session; {m} not answering calls.", "Home visit"),
    ],
    "Voluntary Sector": [
        (
            "Food",
            "Food parcel collected by {m} from the community pantry; mentioned the gas has been cut off.",
            "Signposted to energy grant",
        ),
        (
            "Referral",
            "Self-referral by {m} to the young carers project for {c}.",
            "Assessment visit",
        ),
        (
            "Session",
            "Young carers session: {c} quiet, said she looks after {sib} every evening.",
            "Shared with school",
        ),
    ],
    "Health Visiting": [
        (
            "Contact",
            "Antenatal contact at 30 weeks. {m} said the pregnancy was unplanned and she feels isolated.",
            "Universal plus offered",
        ),
        ("Clinic", "{sib} weighed at the baby clinic, dropped to the 2nd centile.", "GP referral"),
    ],
    "Police": [
        (
            "Intelligence",
            "Intelligence received that {f} is dealing drugs from the address.",
            "Recorded, no action",
        ),
        (
            "Incident",
            "Report of a verbal argument at the address; on arrival all calm, children asleep.",
            "No crimes disclosed",
        ),
    ],
    "Hospital": [
        (
            "Attendance",
            "{c} attended the ED with {f}: laceration to the forehead after falling off a scooter.",
            "Steri-strips; discharged",
        ),
    ],
    "School": [
        (
            "Exclusion",
            "{c} received a one-day suspension for hitting a peer at lunchtime.",
            "Reintegration meeting",
        ),
        (
            "Welfare",
            "{c} not collected at the end of the day; {m} arrived 45 minutes late smelling of alcohol.",
            "Logged, CSC informed",
        ),
    ],
    "Children's Social Care": [
        (
            "Assessment",
            "Child and family assessment completed. Outcome: child in need plan.",
            "CIN",
        ),
    ],
}
for _ag, _extra in MORE.items():
    TEXTS[_ag].extend(_extra)

# wording from the other nations: Scotland's IRD, concern reports and Named Person
for _ag, _extra in {
    "Children's Social Care": [
        (
            "IRD",
            "Inter-agency referral discussion between police, social work and health; joint investigative interview agreed for {c}.",
            "JII planned",
        ),
    ],
    "Police": [
        (
            "Concern",
            "Child concern report raised on the vulnerable persons database after {c} was found alone at the address.",
            "Shared with social work",
        ),
    ],
    "School": [
        (
            "Named Person",
            "Named Person (head teacher) met {m} to discuss wellbeing concerns; {c}'s attendance at 78%.",
            "Child's plan considered",
        ),
    ],
}.items():
    TEXTS[_ag].extend(_extra)
LABELS["a"]["Children's Social Care"].append("Social Work Services")
LABELS["b"]["Children's Social Care"].append("Gateway Team (HSC Trust)")
LABELS["b"]["Health Visiting"].append("Health Board - Health Visiting")
