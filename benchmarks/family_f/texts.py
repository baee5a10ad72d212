# ruff: noqa: E501 - the phrasebook keeps one phrase a line
"""The phrasebook: what each agency writes about each kind of event, in its own words.

Each entry is (types, cores, extras, shorts, outcomes). A narrative row is one core and
some extras; a short row is one short line. Keys: kind -> perspective -> agency or "*".
Slots in braces are filled per row by voice.Slots and by the kind's facts (texts.facts).
"""

from __future__ import annotations

from .agencies import (
    AMB,
    CSC,
    DAS,
    EY,
    GP,
    HOS,
    HV,
    PRO,
    SCH,
)


def T(types, cores, extras=(), shorts=(), outcomes=("",)):  # noqa: N802 - a table row
    return (tuple(types), tuple(cores), tuple(extras), tuple(shorts), tuple(outcomes))


DA_WHAT = (
    (
        "a verbal argument between {m} and {p} was overheard by a neighbour, who rang 999",
        "verbal arg overheard by neighbour",
    ),
    ("{p} is alleged to have pushed {m} against a door frame", "{p} pushed {m} into door"),
    (
        "{m} reported that {p} grabbed her by the throat during an argument",
        "{m} alleges {p} grabbed her throat",
    ),
    (
        "{p} smashed the front window after {m} refused to let him in",
        "crim damage, window smashed by {p}",
    ),
    ("{m} rang to say {p} had arrived drunk and would not leave", "{p} drunk, refusing to leave"),
    (
        "{p} sent {m} threatening messages, in breach of his bail conditions",
        "threats by text, bail breach",
    ),
    (
        "{m} had a cut lip and said {p} had hit her; he had left before officers arrived",
        "{m} cut lip, {p} left scene",
    ),
    (
        "an argument about contact ended with {p} taking {m}'s phone and car keys",
        "arg re contact, {p} took phone/keys",
    ),
)
CONCERN = (
    ("a bruise to {c}'s cheek that {c} said happened at home", "bruise L cheek"),
    ("{c} saying {p} shouts and hits {m}", "disclosure re DA at home"),
    ("{c} arriving hungry and in the same clothes for a week", "neglect - hungry, unkempt"),
    ("{c}'s attendance, now below 80%", "attendance <80%"),
    ("{m} presenting as under the influence at collection", "M under influence at pick-up"),
    ("{c} disclosing that {p} locked {c} in a bedroom", "disclosure - locked in room"),
    (
        "poor home conditions seen on a visit (dog faeces, no food in the fridge)",
        "poor home conditions",
    ),
    ("{m}'s low mood and her saying she cannot cope with {kids}", "M low mood, not coping"),
)
INJURY = (
    ("head injury after a fall down the stairs", "HI - fall downstairs"),
    ("suspected ingestion of {m}'s tablets", "?ingestion of M's meds"),
    ("a burn to the right hand, said to be from the oven door", "burn R hand"),
    ("difficulty breathing (asthma), inhaler not collected", "asthma, SOB"),
    ("a swollen, painful wrist after a fall in the park", "?# wrist"),
    ("high temperature and vomiting for two days", "pyrexia + D&V"),
)
ICPC_DECISION = (
    ("{c} made subject to a {plan} under the category of neglect", "CPP - neglect"),
    ("{c} made subject to a {plan} under the category of emotional abuse", "CPP - emotional"),
    ("{c} made subject to a {plan} (physical abuse)", "CPP - physical"),
    ("threshold not met for a {plan}; to continue under a {cin}", "no CPP, CIN"),
)
RCPC_DECISION = (
    ("{plan} to continue, category unchanged", "plan continues"),
    ("{plan} ended; step down to {cin}", "plan ended - step down CIN"),
    ("{plan} to continue; PLO to be considered if no change", "CPP continues, ?PLO"),
)
HV_TYPE = (
    ("new birth visit", "NBV"),
    ("6-8 week review", "6-8wk"),
    ("1 year review", "1yr rev"),
    ("2-2.5 year review (ASQ completed)", "2-2.5yr ASQ"),
    ("targeted home visit", "THV"),
    ("clinic weigh", "clinic wt"),
)
GP_WHY = (
    ("cough and cold symptoms", "URTI"),
    ("eczema flare, emollients prescribed", "eczema"),
    ("low mood and poor sleep; EPDS/PHQ-9 discussed", "low mood"),
    ("review of ADHD medication", "ADHD med rev"),
    ("bruising on the shins noted, explained as football", "bruising shins - football"),
    ("request for sick note", "fit note"),
    ("immunisations due", "imms"),
)
SCHOOL_SEEN = (
    ("{c} came in upset and said {p} had shouted all night", "upset - shouting at home"),
    ("a mark on {c}'s neck was noticed in PE", "mark on neck in PE"),
    ("{c} was not collected until 16:40; {m} not answering", "late collection"),
    ("{c} said there was no food at home and asked for toast", "hungry, no food at home"),
    ("{c} hit another pupil and was removed from class", "behaviour - hit peer"),
    ("{m} came to reception shouting and smelling of alcohol", "M at reception, ?alcohol"),
)


def facts(kind: str, f: dict) -> dict[str, str]:
    """Kind-specific words fixed by the event's facts, shared by all its rows."""
    v, w, r = f["v"], f["w"], f["r"]
    out: dict[str, str] = {"dash": "high" if r < 0.2 else "medium" if r < 0.55 else "standard"}
    out["what"], out["what_s"] = DA_WHAT[v % len(DA_WHAT)]
    out["concern"], out["concern_s"] = CONCERN[v % len(CONCERN)]
    out["inj"], out["inj_s"] = INJURY[v % len(INJURY)]
    out["hvt"], out["hvt_s"] = HV_TYPE[v % len(HV_TYPE)]
    out["why"], out["why_s"] = GP_WHY[v % len(GP_WHY)]
    out["seen"], out["seen_s"] = SCHOOL_SEEN[v % len(SCHOOL_SEEN)]
    out["dec"], out["dec_s"] = (ICPC_DECISION if kind == "icpc" else RCPC_DECISION)[
        v % (4 if kind == "icpc" else 3)
    ]
    out["present"] = "the children were present" if w % 2 else "the children were asleep upstairs"
    out["present_s"] = "ch present" if w % 2 else "ch asleep"
    out["arrest"] = "arrested on suspicion of assault" if v % 4 == 0 else "not arrested"
    return out


ANY = "*"
TEXT = {
    "da_incident": {
        "actor": {
            ANY: T(
                ("DA incident", "Domestic", "DA - crime", "Domestic incident"),
                (
                    "Police called to {home}: {what}.",
                    "Attended DA at {home} where {what}.",
                    "Domestic incident reported by {m}: {what}.",
                ),
                (
                    "{present}.",
                    "DASH completed: {dash} risk.",
                    "{p} {arrest}.",
                    "Crime {crime} raised.",
                    "{ppn} submitted to {csc}.",
                    "Body-worn footage taken.",
                    "Safeguarding advice given to {m}.",
                    "{m} declined to support a prosecution.",
                ),
                (
                    "DA @ {home} - {what_s}. {present_s}. DASH {dash}.",
                    "DA inc: {what_s}; {ppn} sent",
                    "Domestic - {what_s}. DASH {dash}, {crime}",
                ),
                ("{ppn} to {front}", "Referral to IDVA", "Crime recorded, OIC allocated", "NFA"),
            )
        },
        "told": {
            CSC: T(
                ("Contact", "Police notification", "PPN"),
                (
                    "{ppn} received from {police} re DA incident {when}: {what}.",
                    "Notification via {front} of a domestic {when} at the family home; {what}.",
                ),
                (
                    "Police DASH {dash}.",
                    "{present}.",
                    "Crime ref {crime}.",
                    "Checks completed with HV and school.",
                    "Screened by MASH social worker.",
                    "Call to police logged at {t}.",
                ),
                ("{ppn} rec'd - DA {when}, {what_s}. DASH {dash}", "PPN: DA {when}, {dash} risk"),
                (
                    "NFA - info to universal services",
                    "Progress to assessment",
                    "Strategy discussion to be convened",
                    "Letter to {m} re support",
                ),
            ),
            SCH: T(
                ("Op Encompass", "Safeguarding", "Encompass call"),
                (
                    "Operation Encompass notification from police: domestic incident at home {when}.",
                    "Police rang the {dsl} under Operation Encompass re an incident {when}.",
                ),
                (
                    "{c} was in school and seemed settled.",
                    "Staff asked to keep a close eye on {c}.",
                    "Logged on CPOMS.",
                    "Class teacher informed.",
                ),
                ("Encompass - DA {when}. {c} monitored.", "Op Enc call rec'd re DA {when}"),
                ("Monitor in school", "Check-in with {c} by pastoral lead"),
            ),
            HV: T(
                ("DA notification", "Liaison", "Triage"),
                (
                    "DA notification via 0-19 triage: police attended {when}; {what}.",
                    "Police DA notification received {when}: {what}.",
                ),
                (
                    "{kids} on caseload.",
                    "Routine enquiry to be asked when {m} is seen alone.",
                    "Targeted contact planned.",
                    "DASH {dash}.",
                ),
                ("DA notif {when} - {what_s}. Targeted contact", "Police DA {when}, DASH {dash}"),
                ("Telephone {m} when safe", "Share with GP", "Universal plus"),
            ),
            GP: T(
                ("Correspondence", "Scanned document", "Safeguarding"),
                (
                    "Police DA notification scanned: incident {when}. For information.",
                    "Domestic abuse notification from {police}: {what_s} {when}.",
                ),
                (
                    "Read code added: domestic abuse.",
                    "Flag on family members' records.",
                    "DASH {dash}.",
                ),
                ("DA notif scanned - {when}", "Police DA notif {when} - {what_s}"),
            ),
            DAS: T(
                ("Referral", "New referral", "Telephone"),
                (
                    "Referral from police (DASH {dash}) after an incident {when}: {what}.",
                    "New referral following DA {when}; {what}.",
                ),
                (
                    "Attempted contact with {m} - no answer, text sent.",
                    "Spoke with {m}: safe to talk, safety plan started.",
                    "MARAC threshold considered.",
                ),
                ("Police ref DASH {dash} - DA {when}", "New ref: {what_s} ({when})"),
            ),
            PRO: T(
                ("Police information", "Risk", "Information"),
                (
                    "Police call-out {when} at {m}'s address involving PoP: {what}.",
                    "Informed of DA call-out {when}; PoP named as suspect.",
                ),
                ("Risk of serious harm to be reviewed.", "To be discussed at next supervision."),
                ("Police call-out {when} - {what_s}", "DA {when}, PoP suspect"),
            ),
            EY: T(
                ("Op Encompass", "Safeguarding"),
                ("Operation Encompass call: incident at home {when}. Key person informed.",),
                ("{c} seemed tired but settled.", "Logged on the concern form."),
                ("Op Enc call re DA {when}",),
            ),
            ANY: T(
                ("Information received", "Notification", "DA notification"),
                (
                    "Notification received from {police}: DA incident {when}, {what}.",
                    "Informed by {police} of a domestic incident {when} involving {m} and {p}.",
                ),
                (
                    "DASH {dash}.",
                    "{present}.",
                    "Will discuss at next contact.",
                    "Read and added to the record.",
                    "Ref {crime}.",
                ),
                ("DA notif {when} - {what_s}", "Police DA info {when}, DASH {dash}"),
                ("Noted", "Contact {m} to offer support", "Flag added to record"),
            ),
        },
    },
    "referral": {
        "actor": {
            CSC: T(
                ("Contact", "Referral"),
                (
                    "Contact received from {referrer} regarding {concern}.",
                    "{front} referral from {referrer}: {concern}.",
                ),
                (
                    "Parental consent obtained.",
                    "Previous history of DA noted.",
                    "Checks with police and health requested.",
                    "RAG rated amber.",
                ),
                ("Ref from {referrer} re {concern_s}", "Contact - {referrer}: {concern_s}"),
                (
                    "Progress to assessment",
                    "Strategy discussion",
                    "Step across to Early Help",
                    "NFA - advice to referrer",
                ),
            ),
            ANY: T(
                ("Referral", "Safeguarding referral", "MARF"),
                (
                    "Referral made to {front} regarding {concern}.",
                    "Concerns about {concern} referred to {csc} by phone and online form.",
                ),
                (
                    "{m} informed of the referral.",
                    "Referral form completed the same day.",
                    "Advised by the duty worker that it would be screened within 24 hours.",
                    "Discussed with {lead} before referring.",
                ),
                ("Ref to {front} re {concern_s}", "MASH referral - {concern_s}"),
                ("Awaiting outcome", "Chase outcome if nothing in 3 days", ""),
            ),
        },
    },
    "hospital_referral": {
        "actor": {
            HOS: T(
                ("Safeguarding team", "Safeguarding referral"),
                (
                    "Safeguarding referral to {front} following attendance: concerns re delay in "
                    "presentation and the account given.",
                    "Referral made to {csc} by the ED safeguarding nurse; the explanation did not "
                    "fit the injury.",
                ),
                (
                    "CP-IS checked: no plan.",
                    "Paediatric consultant aware.",
                    "{m} informed of referral.",
                ),
                ("S/g ref to {front} - explanation inconsistent", "Safeguarding referral to CSC"),
                ("Awaiting CSC response", "Copy to GP and HV"),
            ),
            CSC: T(
                ("Contact", "Hospital referral"),
                (
                    "Referral received from {hosp} safeguarding team about {c}'s presentation.",
                    "Contact from hospital: concerns about the account given for {c}'s injury.",
                ),
                ("Strategy discussion considered.", "Information gathered from GP."),
                ("Hosp s/g referral re {c}", "Ref from ED s/g nurse"),
                ("Strategy discussion", "Assessment", "NFA"),
            ),
        },
    },
    "ed_attendance": {
        "actor": {
            HOS: T(
                ("ED", "PED", "Paediatric ED", "A&E"),
                (
                    "{s} brought to ED by {m} with {inj}.",
                    "Attended {hosp}: {inj}.",
                    "Presented to paediatric ED with {inj}.",
                ),
                (
                    "Triage category 3.",
                    "Examined by the paediatric registrar.",
                    "Discharged home with advice.",
                    "Safeguarding checklist completed.",
                    "CP-IS check: no plan.",
                    "Discharge letter to GP and HV.",
                ),
                ("{inj_s}. D/C home", "ED attd - {inj_s}", "PED: {inj_s}, seen + d/c"),
                ("Discharged", "Admitted to ward", "Review in fracture clinic", "Letter to GP"),
            ),
            AMB: T(
                ("999 call", "Emergency"),
                (
                    "999 call from {m}: {inj}. Crew attended and conveyed to {hosp}.",
                    "Called to {home} for {inj}; patient conveyed.",
                ),
                (
                    "Obs within normal limits.",
                    "Home conditions noted as cluttered.",
                    "Safeguarding concern not raised.",
                ),
                ("999 - {inj_s}. Conveyed {hosp}", "Cat 2 - {inj_s}, conveyed"),
            ),
        },
        "told": {
            GP: T(
                ("Letter", "Discharge summary", "ED letter"),
                (
                    "ED discharge letter received: {s} attended {when} with {inj}.",
                    "A&E letter - seen {when} for {inj}, discharged.",
                ),
                (
                    "No safeguarding concerns noted by ED.",
                    "Read and filed by GP.",
                    "Added to problem list.",
                ),
                ("ED letter: {inj_s} ({when})", "A&E attd {when} - {inj_s}"),
            ),
            HV: T(
                ("Liaison", "ED notification"),
                (
                    "Paediatric liaison notification: {s} attended ED {when} with {inj}.",
                    "Liaison form received re ED attendance {when}.",
                ),
                ("Telephoned {m} to follow up.", "Will review at next contact."),
                ("Liaison - ED {when}, {inj_s}", "ED attd notif {when}"),
            ),
            ANY: T(
                ("Notification", "Information"),
                (
                    "Informed that {s} went to hospital {when} with {inj}.",
                    "{m} told us {s} had been at A&E {when} ({inj}).",
                ),
                ("No concerns raised.", "Will monitor."),
                ("Informed: A&E {when}, {inj_s}", "A&E {when} per {m}"),
            ),
        },
    },
}
