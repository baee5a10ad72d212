# ruff: noqa: E501  (a phrasebook: entries read better whole than wrapped)
"""Each agency's own way of writing an entry, per kind of event and role.

An entry is `s` (short one-liners), `n` (the lead sentence of a narrative entry), `m`
(further sentences, 1-4 of them drawn) and `o` (the outcome / action). Placeholders:
C S M P X = child, sibling, mother, partner and the subject as this agency names them;
q = the event's date as this agency quotes it in text; t = its time; md = the meeting's
date quoted; W = what the notification is about, in this agency's words; others are
the event's facts (act, inj, risk, cause, ...). Written for this generator only."""

from __future__ import annotations

E = dict[str, tuple[str, ...]]


def e(s: str, n: str, m: str = "", o: str = "") -> E:
    """Entries separated by ' | ' so the book reads like the agency's own notes."""

    def split(text: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in text.split(" | ") if p.strip())

    return {"s": split(s), "n": split(n), "m": split(m), "o": split(o)}


# How each agency names the people (format fields of the family).
NAMES = {
    "POL": (
        "{child} {surname}",
        "{sibling} {surname}",
        "IP {mother} {surname}",
        "{partner} {partner_surname}",
    ),
    "CSC": ("{child}", "{sibling}", "Mum", "{partner}"),
    "HV": ("{child}", "{sibling}", "Mum", "Mum's partner"),
    "SCH": ("{child}", "{sibling} (sibling)", "Mum", "Mum's partner"),
    "GP": ("{child}", "{sibling}", "Mother", "Mr {partner_surname}"),
    "HOS": ("{child}", "{sibling}", "mother", "mother's partner"),
    "AMB": ("pt", "pt", "mother", "male at address"),
    "PRO": ("child {child}", "child {sibling}", "partner {mother}", "PoP"),
    "DAS": ("{child}", "{sibling}", "{mother}", "the perpetrator"),
    "MH": ("her child {child}", "her child {sibling}", "{mother}", "her partner"),
    "MW": ("{child}", "{sibling}", "{mother}", "partner {partner}"),
    "HOU": ("{child}", "{sibling}", "Ms {surname}", "Mr {partner_surname}"),
}

MEETING_NAME = {
    "strategy": ("strategy discussion", "strat meeting", "strategy meeting"),
    "icpc": ("ICPC", "initial child protection conference", "ICPC"),
    "rcpc": ("RCPC", "review child protection conference", "RCPC"),
    "core_group": ("core group", "core group meeting", "CG"),
    "cin_meeting": ("CIN meeting", "child in need review", "CIN review"),
    "taf_meeting": ("TAF meeting", "team around the family meeting", "TAF review"),
    "marac": ("MARAC", "MARAC meeting", "MARAC"),
}

# What a notification is about, in each agency's words.
WHAT = {
    "da_incident": {
        "CSC": "DA incident",
        "HV": "DV incident",
        "GP": "domestic violence incident",
        "SCH": "domestic incident at home",
        "DAS": "DA call-out",
        "PRO": "DA call-out involving PoP",
        "*": "domestic abuse incident",
    },
    "ed_attendance": {
        "GP": "A&E attendance",
        "HV": "ED attendance",
        "SCH": "hospital visit",
        "CSC": "ED attendance",
        "*": "emergency department attendance",
    },
    "wnb": {
        "GP": "WNB to {clinic}",
        "HV": "missed {clinic} appointment",
        "CSC": "missed health appointment",
        "*": "was not brought to {clinic}",
    },
    "da_disclosure": {"CSC": "disclosure of DA", "*": "disclosure of domestic abuse"},
    "school_concern": {"CSC": "concern ({topic})", "*": "concern raised by school"},
    "gp_appt": {"*": "GP appointment"},
    "hv_contact": {"*": "HV {review}"},
    "mh_contact": {"*": "mental health review"},
    "midwifery": {"*": "antenatal appointment"},
    "probation_contact": {"*": "probation supervision"},
    "housing": {"*": "housing visit"},
    "police_other": {"CSC": "police contact with {P}", "*": "police contact"},
    "marac": {"*": "MARAC"},
}

BOOK: dict[tuple[str, str, str], E] = {}


def add(agency: str, kind: str, role: str, entry: E) -> None:
    BOOK[(agency, kind, role)] = entry


# ------------------------------------------------------------------ Police
add(
    "POL",
    "da_incident",
    "P",
    e(
        "DA - {act}. DASH {risk}. PPN submitted | Domestic at address, {act}; suspect {arrest} |"
        " Call to domestic: {act}, {inj}. DASH {risk} | DA incident, IP {inj}. Children present |"
        " Domestic - verbal only, DASH {risk} | DA: {act} reported by {caller}",
        "Police attended {addr} at {t} following a call from {caller} reporting {act}. |"
        " Officers deployed at {t} to a domestic at the home address after {caller} called 999. |"
        " On {q} at {t} police were called to a domestic between {M} and {P}. |"
        " Domestic incident reported at {t}: {M} said {P} had {actv}.",
        "IP stated that {P} had been drinking. | {P} {arrest}. | IP had {inj}. |"
        " {present} | DASH risk assessment completed: {risk} risk. |"
        " Body-worn video captured. | IP declined to provide a statement. |"
        " Children seen by officers and appeared unharmed. | Previous DA history at this address. |"
        " Officers had also attended the address on {pv}. |"
        " IP said {P} had {actv}. | Neighbour reported hearing shouting for over an hour.",
        "PPN submitted to MASH | PPN to MASH, Op Encompass completed | Crime recorded, PPN"
        " submitted | Referred to IDVA service (high risk) | NFA by police, PPN to MASH",
    ),
)
add(
    "POL",
    "police_other",
    "P",
    e(
        "{pol_kind} - {P} | {pol_kind} re {P} | {pol_kind}: {P} {arrest}",
        "Officers attended the address at {t} for a {pol_kind} relating to {P}. |"
        " {pol_kind} carried out on {P} at {t}.",
        "{P} {arrest}. | No children present. | Information shared with offender manager. |"
        " Bail conditions not to attend the address were discussed.",
        "Intel log updated | Info to OM | Nothing further",
    ),
)
add(
    "POL",
    "strategy",
    "P",
    e(
        "Strategy discussion with CSC - s47 agreed | Strat meeting attended by DS, joint s47",
        "DS attended a strategy meeting with children's social care regarding {C}. |"
        " Strategy discussion held with CSC and health about {X}.",
        "Police checks shared. | Agreed that criteria for a joint section 47 enquiry were met. |"
        " Previous call-outs to the address summarised. | Single-agency police investigation to follow.",
        "Joint s47 agreed | Police to progress the investigation | Officer in case allocated",
    ),
)
add(
    "POL",
    "s47_visit",
    "P",
    e(
        "Joint visit with SW (s47) | Joint s47 home visit",
        "PC attended a joint visit with the social worker under section 47. |"
        " Joint s47 visit to the home with CSC.",
        "{C} spoken to in the presence of SW. | No disclosures made. | Home conditions noted.",
        "No further police action at this stage | Update to OIC",
    ),
)
add(
    "POL",
    "marac",
    "P",
    e(
        "MARAC - case heard | MARAC: case discussed, police actions set",
        "Case heard at MARAC. | Police representative presented the case at MARAC.",
        "History of call-outs shared. | Marker placed on the address. | Risk remains high.",
        "Flag on address | Police actions recorded",
    ),
)
add(
    "POL",
    "household_change",
    "P",
    e(
        "Intel: {P} {change} | Intelligence that {P} has {change}",
        "Intelligence received that {P} has {change}.",
        "Address records updated. | Information shared with CSC.",
        "",
    ),
)

# ------------------------------------------------------------------ Children's Social Care
add(
    "CSC",
    "da_incident",
    "N",
    e(
        "PPN rec'd re DA {q} | PPN received - DA incident {q}, {risk} risk | MASH: PPN re incident"
        " on {q} | Police notification DA {q} - screened",
        "PPN received from police regarding a DA incident on {q}. | MASH received a police"
        " notification dated {q} about domestic abuse at the home. | Police PPN for {q} reviewed in MASH.",
        "Police ref {ref}. | DASH recorded as {risk}. | {P} named as the alleged perpetrator. |"
        " Children were reported to be in the home. | Information shared with the allocated SW. |"
        " A PPN for {pv} is already on file. | Police noted {inj}. | The PPN describes {act}. |"
        " Checks completed with health and school. | Mum to be contacted by the SW.",
        "Passed to allocated SW | NFA - information only | Strategy discussion to be convened |"
        " Mum contacted, safety plan reviewed | Consent to share with school obtained",
    ),
)
add(
    "CSC",
    "strategy",
    "P",
    e(
        "Strategy discussion - s47 | Strat held, threshold met | Strategy meeting: s47 agreed |"
        " Strategy discussion - single agency",
        "Strategy discussion held regarding {X}, attended by police, health and CSC. |"
        " Strategy meeting chaired by the team manager. | A strategy discussion took place following the"
        " recent concerns.",
        "Agreed that the threshold for section 47 enquiries was met. | Police to complete checks. |"
        " Health to arrange a CP medical if needed. | Safety planning with Mum to continue. |"
        " School to be informed by the DSL route.",
        "s47 initiated | s47 to start; joint visit planned | Single-agency s47 | NFA after strategy",
    ),
)
add(
    "CSC",
    "s47_visit",
    "P",
    e(
        "s47 visit - children seen | Joint s47 HV with police | s47 home visit, {C} seen alone",
        "SW completed a section 47 visit to the home. | Joint visit with police as part of the section 47 enquiry.",
        "{C} was {seen}. | {C} presented as {mood}. | Mum engaged with the visit. |"
        " The home was cluttered but adequate. | Safety plan discussed.",
        "Continue s47 | s47 outcome: proceed to ICPC | Plan to see {S} at school",
    ),
)
add(
    "CSC",
    "icpc",
    "P",
    e(
        "ICPC - CP plan ({cat}) | ICPC held: subject to CP plan under {cat} | ICPC outcome - CPP {cat}",
        "Initial child protection conference held, chaired by {chair} (independent reviewing officer). | ICPC held at the"
        " council offices.",
        "Parents attended. | Reports received from health and school. | Police shared the DA"
        " history. | Decision: {C} to be made subject to a child protection plan under {cat}. |"
        " First core group to take place within 10 working days. | First core group arranged for {nx10}.",
        "CP plan - {cat} | Subject to CP plan | CP plan agreed, core group set",
    ),
)
add(
    "CSC",
    "rcpc",
    "P",
    e(
        "RCPC - {decision} CP plan | RCPC held, plan {decision} | Review conference: {decision}",
        "Review child protection conference held, chaired by {chair}. | RCPC held.",
        "Progress against the plan reviewed. | Mum reported that {P} no longer visits. |"
        " School reported improved attendance. | Health raised missed appointments. |"
        " The conference decided to {decision} the child protection plan. | Next review conference by {nx6}.",
        "CP plan to {decision} | Next RCPC in 6 months | Step down to CIN if plan ends",
    ),
)
add(
    "CSC",
    "core_group",
    "P",
    e(
        "Core group meeting | Core group held - plan reviewed | CG meeting, actions updated",
        "Core group meeting held. | Core group meeting held at the family home. |"
        " Core group held at school.",
        "Plan reviewed and actions updated. | Attendance was discussed. | Mum attended. |"
        " Next core group booked for {nx}. |"
        " Home conditions discussed. | Health updated on appointments. | No new concerns raised.",
        "Next core group booked | Actions updated | Plan continues",
    ),
)
add(
    "CSC",
    "cin_meeting",
    "P",
    e(
        "CIN meeting | CIN review held | CIN meeting - plan reviewed",
        "Child in need meeting held. | CIN review meeting with the family and professionals.",
        "CIN plan reviewed. | Mum engaging with support. | School update given. |"
        " Early help offer discussed.",
        "CIN plan continues | Consider step down to EH | Next CIN in 6 weeks",
    ),
)
add(
    "CSC",
    "marac",
    "P",
    e(
        "MARAC - CSC attended | Case heard at MARAC, CSC actions",
        "CSC attended MARAC where the case was heard. | MARAC held regarding Mum.",
        "Safety plan discussed. | IDVA allocated. | Children's plan shared.",
        "CSC actions noted | SW to update safety plan",
    ),
)
add(
    "CSC",
    "sw_home_visit",
    "P",
    e(
        "Home visit | Statutory visit - child seen | Home visit, children seen | SW visit",
        "Statutory home visit completed. | SW visited the family home. | Home visit by SW.",
        "{X} was {seen}. | {X} presented as {mood}. | Mum was present. | Bedroom seen. |"
        " The home was tidy. | Mum said {P} had not been at the home. | Safety plan reviewed.",
        "Next visit next week | Continue plan | Visit recorded",
    ),
)
add(
    "CSC",
    "referral",
    "P",
    e(
        "Contact received from {other} | Referral rec'd - {reason} | MASH contact: {reason}",
        "Contact received in MASH from {other} regarding {reason}. | Referral received"
        " from {other} raising {reason}.",
        "Checks requested from partner agencies. | Mum informed of the referral. |"
        " Previous involvement noted. | RAG rating amber.",
        "To assessment | Strategy discussion | NFA - signpost to EH | Allocated to SW",
    ),
)
add(
    "CSC",
    "household_change",
    "P",
    e(
        "{P} {change} | Mum reports {P} has {change}",
        "Mum informed the SW that {P} had {change}. | It is understood {P} has {change}.",
        "Mum was unclear about the date. | This has not been confirmed by other agencies.",
        "Police checks requested | Safety plan to be revisited",
    ),
)
add(
    "CSC",
    "*",
    "N",
    e(
        "Notification re {W} {q} | Info rec'd: {W} ({q}) | Email from {other} re {W} {q}",
        "Information received from {other} about {W} on {q}. | Notification received in"
        " MASH regarding {W} on {q}.",
        "Shared with the allocated SW. | Mum to be asked about this at the next visit. |"
        " Logged on the child's record.",
        "Passed to SW | For information | SW to follow up",
    ),
)
add(
    "CSC",
    "followup",
    "outcome_letter",
    e(
        "Outcome letter sent re {mt} {md} | {mt} outcome letter to parents",
        "Outcome letter following the {mt} on {md} sent to Mum and professionals.",
        "Letter confirms the decision and next steps.",
        "",
    ),
)

# ------------------------------------------------------------------ Health Visiting
add(
    "HV",
    "hv_contact",
    "P",
    e(
        "HV {review} - {X} | {review}: {X} seen, growth plotted | HV {review}, no concerns noted",
        "HV completed the {review} for {X}. | {review} undertaken at home by {hv}.",
        "Growth plotted on the centile chart. | Mum's EPDS score {epds}. | Development within"
        " normal range. | Routine enquiry about DA made, Mum alone. | Sleep and feeding"
        " discussed. | Home environment seen. | Next contact booked for {nx}.",
        "Universal plus | Review in 4 weeks | Continue universal offer | Refer to GP re weight",
    ),
)
add(
    "HV",
    "da_disclosure",
    "P",
    e(
        "Mum disclosed DA to HV | Routine enquiry - disclosure of DA",
        "During the contact Mum disclosed that {P} had been controlling and had {actv}.",
        "Mum said she did not want police involved. | Safety advice and helpline numbers given.",
        "Referral to MASH | Discussed with safeguarding lead",
    ),
)
add(
    "HV",
    "sw_home_visit",
    "P",
    e(
        "Joint visit with SW | JHV with social worker",
        "Joint home visit with the social worker.",
        "{X} was {seen}. | Home conditions noted.",
        "Continue HV contacts",
    ),
)
add(
    "HV",
    "*",
    "N",
    e(
        "Notification: {W} {q} | Notif rec'd re {W} on {q} | {W} notified ({q})",
        "Notification received regarding a {W} on {q}. | Information received from {other}"
        " about the {W} on {q}.",
        "Record updated. | Discussed with the safeguarding supervisor. | Contact with Mum planned.",
        "HV to follow up at next contact | Added to caseload review | Telephone call to Mum",
    ),
)

# ------------------------------------------------------------------ School
add(
    "SCH",
    "da_incident",
    "N",
    e(
        "Op Encompass notification rec'd ({q}) | Encompass - incident {q} | OE notif re {q}",
        "Operation Encompass notification received from police about an incident on {q}. |"
        " The DSL received an Operation Encompass call regarding {q}.",
        "{C} was checked in with by the learning mentor. | Class teacher informed. |"
        " This follows the notification about {pv}. |"
        " {C} appeared {mood} in class. | Log added to the safeguarding file.",
        "Monitor | Check-in with mentor | DSL to speak to Mum",
    ),
)
add(
    "SCH",
    "school_concern",
    "P",
    e(
        "{topic}: {detail} | Concern logged - {detail} | {topic} concern: {detail}",
        "Concern logged by the class teacher: {X} {detail}. | {X}: {detail}, and the DSL was informed.",
        "Attendance this term {pct}%. | Mum was spoken to at collection. | The EWO has been"
        " informed. | {X} was offered breakfast club.",
        "Monitor | Letter to parent | Referral to MASH | DSL to share with SW",
    ),
)
add(
    "SCH",
    "da_disclosure",
    "P",
    e(
        "Disclosure by {C} to TA | {C} disclosed arguments at home",
        "{C} told a teaching assistant that {P} had {actv}.",
        "Recorded verbatim on the safeguarding log. | The DSL spoke to {C}.",
        "Referral to MASH | DSL to call SW",
    ),
)
add(
    "SCH",
    "*",
    "N",
    e(
        "Info re {W} {q} | Told of {W} ({q}) | Mum reported {W} on {q}",
        "School informed of a {W} on {q}. | Mum told the office about a {W} on {q}.",
        "Class teacher made aware. | Logged on the safeguarding system.",
        "Monitor | DSL aware",
    ),
)

# ------------------------------------------------------------------ GP
add(
    "GP",
    "gp_appt",
    "P",
    e(
        "Seen - {complaint} | F2F appt, c/o {complaint} | Tel consult: {complaint}",
        "{X} seen in surgery with c/o {complaint}. | Appointment for {X}: {complaint}.",
        "O/E no acute concerns. | Hx of similar symptoms. | Advice given. | Safeguarding"
        " flag noted on the record.",
        "Review PRN | Rx issued | Safety-netting advice",
    ),
)
add(
    "GP",
    "core_group",
    "M",
    e(
        "Invited to core group - unable to attend | Core group invite, update sent by email",
        "GP invited to the core group; unable to attend, update emailed to SW.",
        "No new health concerns to share.",
        "",
    ),
)
add(
    "GP",
    "da_disclosure",
    "P",
    e(
        "Mum disclosed DA in consultation | DA disclosure during appt",
        "Mother disclosed in consultation that her partner had {actv}.",
        "Safety advice given. | IDVA details provided.",
        "Coded DA on record | Referral to MASH",
    ),
)
add(
    "GP",
    "*",
    "N",
    e(
        "Letter re {W} {q} | Letter rec'd: {W} on {q} | Notif {W} {q} - coded",
        "Letter received regarding {W} on {q}. | Notification from {other} re {W} dated {q}.",
        "Coded on the family records. | Read by the safeguarding lead GP. |"
        " Added to the problem list.",
        "Filed | Coded | For info",
    ),
)
add(
    "GP",
    "*",
    "R",
    e(
        "Report for {mt} {md} | GP report for {mt} - not attending",
        "GP report prepared for the {mt} on {md}; unable to attend. | Information shared for"
        " the {mt} on {md}.",
        "Report summarised the health history and missed appointments.",
        "Report sent",
    ),
)

# ------------------------------------------------------------------ Hospital
add(
    "HOS",
    "ed_attendance",
    "P",
    e(
        "ED - {cause} | PED attendance: {cause} ({how}) | Attended ED with {cause}",
        "{X} attended the paediatric ED at {t} with {cause} ({how}). | ED attendance at {t}:"
        " {cause}; history of {how}.",
        "Triaged category 3. | Seen by the registrar. | Safeguarding checklist completed. |"
        " CP-IS checked. | Explanation consistent with the injury. | Accompanied by {M}.",
        "Discharged home | Admitted to the ward | Safeguarding referral made | D/c with advice",
    ),
)
add(
    "HOS",
    "wnb",
    "P",
    e(
        "WNB - {clinic} | {X} WNB to {clinic} clinic",
        "{X} was not brought to the {clinic} appointment.",
        "Second missed appointment. | Letter to GP.",
        "Re-book | Discharge to GP",
    ),
)

# ------------------------------------------------------------------ Ambulance
add(
    "AMB",
    "ed_attendance",
    "P",
    e(
        "999 - {cause}, conveyed | Call {t}: {cause}, pt conveyed to ED",
        "999 call received at {t} reporting {cause}. | Crew dispatched at {t} to {cause}.",
        "Crew on scene within 15 minutes. | {how}. | Obs recorded. | Family member present.",
        "Conveyed to ED | Conveyed to PED",
    ),
)
add(
    "AMB",
    "da_incident",
    "P",
    e(
        "999 - assault at address, police on scene | Call {t}: DA assault",
        "999 call at {t} to an address where police were attending a domestic.",
        "Female patient with {inj}. | Declined conveyance.",
        "Treated at scene | Conveyed to ED",
    ),
)

# ------------------------------------------------------------------ Probation
add(
    "PRO",
    "probation_contact",
    "P",
    e(
        "Supervision - PoP attended | OM appt: PoP seen | Supervision session",
        "PoP attended supervision with {om}. | Supervision appointment at the probation office.",
        "PoP discussed his relationship with {M}. | Licence conditions reminded. |"
        " No concerns reported. | Drug test negative.",
        "Next appt in 2 weeks | Continue supervision",
    ),
)
add(
    "PRO",
    "household_change",
    "P",
    e(
        "PoP reports he has {change} | Address change: PoP {change}",
        "PoP informed OM that he has {change}.",
        "Home visit to be completed.",
        "Address checks requested",
    ),
)
add(
    "PRO",
    "*",
    "N",
    e(
        "Notified of {W} {q} | Police info: {W} on {q}",
        "OM notified of {W} on {q}.",
        "Discussed with the PoP at the next supervision.",
        "Risk reviewed",
    ),
)

# ------------------------------------------------------------------ Domestic Abuse Service
add(
    "DAS",
    "idva_contact",
    "P",
    e(
        "IDVA contact with {M} | Safety planning call | IDVA support session",
        "IDVA spoke with {M} by phone. | IDVA support session with {M}.",
        "Safety plan updated. | {M} said things were calmer. | Refuge option discussed.",
        "Continue support | Case open",
    ),
)
add(
    "DAS",
    "marac",
    "P",
    e(
        "MARAC - case heard | MARAC: actions agreed",
        "Case heard at MARAC; IDVA presented. | MARAC held.",
        "Risk remains high. | Actions set for partner agencies.",
        "Actions circulated",
    ),
)
add(
    "DAS",
    "*",
    "N",
    e(
        "Referral rec'd re {W} {q} | IDVA referral following {W} {q}",
        "Referral received following the {W} on {q}.",
        "Attempted contact with {M}.",
        "Allocated to IDVA",
    ),
)

# ------------------------------------------------------------------ Mental Health, Midwifery, Housing
add(
    "MH",
    "mh_contact",
    "P",
    e(
        "CPN visit - {M} | Perinatal MH review | CMHT appt",
        "CPN visited {M} at home. | Review appointment with {M}.",
        "Mood low but stable. | Medication reviewed. | Safeguarding discussed.",
        "Next review 4 weeks | Continue plan",
    ),
)
add(
    "MW",
    "midwifery",
    "P",
    e(
        "Antenatal appt | ANC - booking | Antenatal check",
        "Antenatal appointment with {M}. | Community midwife saw {M}.",
        "Routine enquiry re DA completed. | BP normal. | Growth scan booked.",
        "Next ANC in 2 weeks",
    ),
)
add(
    "HOU",
    "housing",
    "P",
    e(
        "Tenancy visit | Housing officer visit | Repairs inspection",
        "Housing officer visited {M}. | Tenancy visit to the property.",
        "Rent arrears discussed. | Damage to a door noted. | Neighbour complaints about noise.",
        "Follow-up letter | Repairs ordered",
    ),
)

# ------------------------------------------------------------------ partners at meetings
# Each agency's own way of noting a meeting it attended (P) or reported to (R).
_AT_MEETING = {
    "HV": e(
        "Attended {mt} - HV update given | {mt}: HV attended | HV at {mt}, health update",
        "HV attended the {mt} and shared the health report for {C} and {S}. |"
        " HV took part in the {mt} by phone and shared health information.",
        "Immunisations up to date. | Last HV contact summarised. | Concerns about Mum's low mood"
        " shared. | {C}'s weight is now on the 25th centile. | HV named as a core group member. |"
        " Missed clinic appointments discussed.",
        "HV to attend core groups | Increase to fortnightly contacts | Safeguarding supervision"
        " booked | Continue HV contacts",
    ),
    "SCH": e(
        "DSL attended {mt} | {mt} - school attended | {mt} - DSL present",
        "The DSL attended the {mt} and shared the school's report. |"
        " The DSL joined the {mt} by Teams and shared school information.",
        "Attendance figure shared: {pct}%. | Recent safeguarding logs shared. |"
        " {C}'s presentation in school described. | Breakfast club place confirmed. |"
        " No new concerns from school.",
        "Actions added to the safeguarding file | DSL to monitor | Update to head teacher",
    ),
    "POL": e(
        "Police attended {mt} | {mt} - police rep attended",
        "Police representative attended the {mt}.",
        "Call-outs to the address since the last meeting summarised. | Bail conditions shared.",
        "Police actions noted",
    ),
    "PRO": e(
        "OM attended {mt} | {mt} - OM attended re PoP | Attended {mt} (PoP's partner's children)",
        "OM attended the {mt} and shared the PoP's licence conditions. |"
        " Attended the {mt} to share probation information about the PoP.",
        "PoP compliance with supervision discussed. | Risk of serious harm to the partner rated"
        " {risk}. | Licence condition not to contact the children without CSC agreement noted.",
        "Actions recorded on the case | Update to SPO",
    ),
    "DAS": e(
        "IDVA attended {mt} | {mt} - IDVA present for {M}",
        "IDVA attended the {mt} to represent {M}'s views. | IDVA took part in the {mt}.",
        "Safety plan shared. | {M} has not wanted to engage in recent weeks. |"
        " Target hardening at the property discussed.",
        "IDVA actions noted | Continue support",
    ),
    "MH": e(
        "CPN attended {mt} | {mt} - CMHT attended",
        "CPN attended the {mt} and gave an update on {M}'s mental health.",
        "Medication compliance discussed. | Relapse indicators shared with the group.",
        "Continue CPA | Update to care coordinator",
    ),
    "HOS": e(
        "Paediatrician joined {mt} | {mt} - paed input",
        "Consultant paediatrician joined the {mt} and shared the medical findings.",
        "CP medical offered. | Injury pattern discussed. | Previous ED attendances listed.",
        "CP medical to be arranged | Paed actions noted",
    ),
    "HOU": e(
        "Housing attended {mt} | {mt} - housing officer present",
        "Housing officer attended the {mt}.",
        "Property security discussed. | Tenancy in Mum's sole name.",
        "Lock change offered",
    ),
}
for _agency, _entry in _AT_MEETING.items():
    for _kind in ("strategy", "icpc", "rcpc", "core_group", "cin_meeting", "taf_meeting", "marac"):
        BOOK.setdefault((_agency, _kind, "P"), _entry)

_REPORT = {
    "POL": e(
        "Police report for {mt} {md} | Conference report submitted - not attending |"
        " Police conference report ({md})",
        "Police conference report prepared for the {mt} on {md}, summarising the call-outs"
        " to the address. | Police report sent to the chair for the {mt} on {md}; no officer"
        " available to attend.",
        "DASH levels of each incident listed. | Current bail position included.",
        "Report sent to CP unit",
    ),
    "MH": e(
        "CPN report for {mt} {md} | CMHT report submitted for {mt}",
        "CPN report prepared for the {mt} on {md}; unable to attend.",
        "Report describes {M}'s engagement and current risk.",
        "Report emailed to the chair",
    ),
    "HOS": e(
        "Paed report for {mt} {md} | Hospital report to {mt}",
        "Paediatric report written for the {mt} on {md}.",
        "Report lists ED attendances in the last year.",
        "Report sent",
    ),
}
for _agency, _entry in _REPORT.items():
    for _kind in ("strategy", "icpc", "rcpc", "cin_meeting"):
        BOOK.setdefault((_agency, _kind, "R"), _entry)

# ------------------------------------------------------------------ notifications in detail
add(
    "GP",
    "ed_attendance",
    "N",
    e(
        "A&E letter: {X} attended {q} - {cause} | Discharge summary rec'd ({cause}, {q}) |"
        " ED d/c letter {q}",
        "Discharge letter received from the ED: {X} attended on {q} with {cause}. |"
        " A&E letter: {X} seen on {q} following {how}.",
        "No follow-up required by the practice. | Safeguarding concerns not raised by the"
        " hospital. | ED reference {ref}. | Read and coded by the GP.",
        "Filed | Coded | Reviewed by GP",
    ),
)
add(
    "GP",
    "wnb",
    "N",
    e(
        "Letter: {X} WNB {clinic} {q} | Hospital letter - WNB {clinic}",
        "Letter from the hospital: {X} was not brought to {clinic} on {q}.",
        "Second WNB this year. | Practice to contact Mum. | WNB coded.",
        "Filed | Practice nurse to call Mum",
    ),
)
add(
    "GP",
    "da_incident",
    "N",
    e(
        "Letter re DV incident {q} | MASH letter: DA incident {q} - children present |"
        " Police notif DV {q}",
        "Letter received from MASH about a domestic violence incident at the home on {q}. |"
        " Notification of DV incident dated {q} received from police.",
        "Mother and children coded as at risk of DA. | Alert added to the records. |"
        " {act} reported. | DASH {risk}.",
        "Coded | Filed | For info",
    ),
)
add(
    "HV",
    "da_incident",
    "N",
    e(
        "Notif: DV incident {q} | DV notification rec'd re {q} | Police notif - DA {q}",
        "Notification received of a DV incident at the home on {q}. |"
        " Police DV notification dated {q} received by the HV team.",
        "Children present at the time. | Mum to be seen alone at the next contact. |"
        " Discussed in safeguarding supervision. | DASH {risk}.",
        "HV to follow up at next contact | Telephone call to Mum",
    ),
)
add(
    "HV",
    "ed_attendance",
    "N",
    e(
        "ED attendance notif - {X} {q} | A&E notif: {cause} ({q}) | ED notification rec'd",
        "ED notification received: {X} attended on {q} with {cause}. |"
        " Paediatric liaison notification of an ED attendance on {q}.",
        "HV to discuss with Mum at the next contact. | No concerns raised by ED. |"
        " Explanation given: {how}.",
        "Follow-up call to Mum | Noted",
    ),
)
add(
    "SCH",
    "ed_attendance",
    "N",
    e(
        "Mum phoned - {X} in hospital {q} | Absence: {X} at A&E ({cause})",
        "Mum phoned the office to say {X} had been at hospital on {q} with {cause}.",
        "Absence authorised. | Class teacher informed.",
        "Monitor | Welfare check on return",
    ),
)
add(
    "CSC",
    "ed_attendance",
    "N",
    e(
        "Safeguarding referral from ED re {X} {q} | ED notification: {cause} ({q})",
        "ED safeguarding notification received: {X} attended on {q} with {cause}. |"
        " The hospital safeguarding team notified MASH of an attendance on {q}.",
        "Hospital ref {ref}. | Explanation given by Mum: {how}. | Allocated SW informed.",
        "SW to visit | Strategy discussion to be considered | Information only",
    ),
)
add(
    "PRO",
    "da_incident",
    "N",
    e(
        "Police info: DA call-out {q} involving PoP | Notified of DA {q}",
        "Police informed the OM of a DA call-out on {q} involving the PoP.",
        "Possible breach of licence considered. | Discussed with the PoP at the next supervision.",
        "Risk reviewed | SPO informed",
    ),
)

add(
    "HOS",
    "da_incident",
    "P",
    e(
        "Mother attended ED - assault by partner | ED: adult female, DA assault, {inj}",
        "{M} attended ED at {t} reporting an assault by her partner at home. |"
        " Adult ED attendance at {t} following a domestic assault.",
        "On examination {inj}. | Children at home with a relative. | Routine DA enquiry made. |"
        " Hospital IDVA informed.",
        "Discharged | Safeguarding referral made | Referred to hospital IDVA",
    ),
)

# ------------------------------------------------------------------ calls between professionals
_CALL = {
    "CSC": e(
        "T/C from {other} re {topic} | Tel call with {other}: {topic} | Email to {other} re {topic}",
        "SW took a telephone call from {other} about {topic}. | SW spoke with {other} by phone"
        " regarding {topic}.",
        "Information recorded on the child's file. | SW to update the TM. |"
        " Agreed to share the outcome at the next core group.",
        "Logged | SW to follow up | Shared with TM",
    ),
    "HV": e(
        "Tel call with {other} re {topic} | HV call to {other} - {topic} | HV email to {other}",
        "HV telephoned {other} about {topic}. | Telephone discussion with {other} about {topic}.",
        "Information shared with consent. | HV to review at the next contact.",
        "Record updated | Supervision",
    ),
    "SCH": e(
        "DSL phoned {other} - {topic} | Call with {other} re {topic} | Email from {other}",
        "The DSL phoned {other} to discuss {topic}. | The DSL received a call from {other} about"
        " {topic}.",
        "Logged on the safeguarding system. | Class teacher updated.",
        "Monitor | DSL aware",
    ),
    "GP": e(
        "Call from {other} - {topic} | Tel: {other} re {topic} | Email {other} re {topic}",
        "Telephone call from {other} regarding {topic}. | Spoke with {other} about {topic}.",
        "Information shared in line with the safeguarding policy. | Added to the records.",
        "For info | Task to safeguarding lead",
    ),
    "POL": e(
        "Contact with {other} re {topic} | Call log: {other}, {topic}",
        "Police contact with {other} regarding {topic}.",
        "Intel log updated.",
        "Logged",
    ),
}
for _agency, _entry in _CALL.items():
    BOOK.setdefault((_agency, "prof_call", "P"), _entry)

# ------------------------------------------------------------------ follow-ups in each agency's words
_FOLLOW = {
    ("SCH", "minutes_received"): e(
        "{mt} minutes rec'd ({md}) | Minutes from {mt} {md} saved to file",
        "Minutes of the {mt} on {md} received by the DSL and saved to the safeguarding file.",
        "Actions for school highlighted.",
        "",
    ),
    ("SCH", "minutes_chased"): e(
        "Chased {mt} minutes ({md}) | Email to SW - minutes of {mt} still awaited",
        "The DSL emailed the SW chasing the minutes of the {mt} held on {md}.",
        "School has not yet received them.",
        "",
    ),
    ("HV", "minutes_received"): e(
        "Minutes of {mt} {md} rec'd | {mt} minutes received - scanned to record",
        "Minutes of the {mt} held on {md} received and scanned onto the record.",
        "HV actions noted.",
        "",
    ),
    ("HV", "minutes_chased"): e(
        "{mt} minutes chased | Minutes outstanding - {mt} {md}",
        "HV emailed the CP admin team chasing the {mt} minutes from {md}.",
        "",
        "",
    ),
    ("GP", "minutes_received"): e(
        "Minutes - {mt} {md} | Scanned: {mt} minutes",
        "Minutes of the {mt} on {md} received and scanned to the child's record.",
        "Coded as CP plan.",
        "",
    ),
    ("POL", "minutes_received"): e(
        "{mt} minutes received | Minutes rec'd from CSC ({mt} {md})",
        "Minutes of the {mt} held on {md} received from CSC and attached to the log.",
        "",
        "",
    ),
}
for (_agency, _fu), _entry in _FOLLOW.items():
    BOOK.setdefault((_agency, "followup", _fu), _entry)

add(
    "CSC",
    "sw_home_visit",
    "joint",
    e(
        "Joint visit with HV | Home visit (joint with HV) | JHV - SW and HV",
        "Joint home visit with the health visitor. | SW and HV visited the family together.",
        "{X} was {seen}. | Mum was present. | Home conditions discussed. |"
        " Health and development discussed with Mum.",
        "Continue plan | Next joint visit in 4 weeks",
    ),
)

add(
    "CSC",
    "taf_meeting",
    "P",
    e(
        "TAF meeting | TAF review - EH plan updated | Team around the family mtg",
        "Team around the family meeting held, chaired by the early help worker. |"
        " TAF review meeting held at school.",
        "Early help plan reviewed. | Mum attended with {S}. | Parenting course discussed. |"
        " School and HV updates given. | Next TAF in 6 weeks.",
        "EH plan continues | Consider step up to CSC | Close to EH if progress holds",
    ),
)

# ------------------------------------------------------------------ any agency
GENERIC: dict[str, E] = {
    "P": e(
        "Attended {mt} | {mt} attended | {mt} - attended",
        "Attended the {mt} for {C}. | {mt} held; attended on behalf of the service.",
        "Update given. | Actions noted. | Concerns shared.",
        "Actions to complete | Update to manager",
    ),
    "R": e(
        "Report for {mt} {md} | Report prepared for {mt}",
        "Report prepared for the {mt} on {md}; not able to attend.",
        "Report shared with the chair.",
        "Report sent",
    ),
    "referral": e(
        "Referral to MASH - {reason} | MASH referral made",
        "Referral made to MASH regarding {reason}. | Contacted the front door to refer {reason}.",
        "Mum aware of the referral. | Consent obtained.",
        "Awaiting outcome",
    ),
    "call": e(
        "T/C with {other} re {topic} | Tel call to {other}: {topic} | Email from {other} re {topic}",
        "Telephone call with {other} about {topic}. | Spoke to {other} regarding {topic}.",
        "Information shared. | Agreed to keep in touch. | Concerns noted.",
        "Logged | For info",
    ),
    "disclosure": e(
        "Disclosure of DA by {M} | {M} disclosed abuse",
        "{M} disclosed that {P} had {actv}.",
        "Safety advice given.",
        "Referral to MASH",
    ),
    "household": e(
        "Told {P} has {change} | {P} {change} (reported)",
        "It was reported that {P} has {change}.",
        "Date not known.",
        "Noted",
    ),
    "minutes_received": e(
        "Minutes rec'd - {mt} {md} | {mt} minutes received | Minutes of {mt} ({md}) received",
        "Minutes of the {mt} held on {md} received and filed.",
        "Actions for this service noted.",
        "",
    ),
    "minutes_chased": e(
        "Minutes chased - {mt} {md} | Chased {mt} minutes",
        "Email to CSC chasing the minutes of the {mt} on {md}.",
        "No minutes yet received.",
        "",
    ),
    "report_submitted": e(
        "Report submitted for {mt} | Update submitted re {mt} {md}",
        "Report submitted to the chair for the {mt} on {md}.",
        "Report covers the period since the last meeting.",
        "",
    ),
    "outcome_letter": e(
        "Outcome letter sent re {mt} | {mt} outcome letter",
        "Outcome letter sent following the {mt} on {md}.",
        "",
        "",
    ),
    "wnb": e(
        "{X} WNB - {clinic} | DNA {clinic}",
        "{X} was not brought to the {clinic} appointment.",
        "Letter sent to Mum. | Safeguarding lead informed.",
        "Rebook",
    ),
    "other": e(
        "{kindname} | {kindname} recorded", "{kindname} for {X}.", "Noted on the record.", ""
    ),
}
