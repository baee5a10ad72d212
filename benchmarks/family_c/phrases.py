"""Family C phrasebook: how each agency words an event, in its own shorthand.

`describe(...)` returns (description, outcome, contact type) for one agency's row about
one event. Each agency picks its own words for the same thing (TERMS), tells the facts it
would know (a PPN number for police, Operation Encompass for the school, the baby for the
health visitor) and, in narrative style, adds 0-5 sentences from its pools.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from benchmarks.family_c.people import Family
from benchmarks.family_c.story import (
    AMB,
    CSC,
    DAS,
    GP,
    HOSP,
    HSG,
    HV,
    MH,
    MW,
    POL,
    PROB,
    SCH,
    Event,
)

TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "ppn": {
        "*": ("PPN", "police notification", "DA notification"),
        CSC: ("PPN", "PPN1", "Police Protection Notice", "DA notification via MASH"),
        SCH: ("Operation Encompass notification", "Op Encompass", "OE call"),
        HV: ("DA notification", "PPN", "police DV notification"),
        PROB: ("police call-out info", "DA incident notification"),
    },
    "da": {
        "*": ("domestic abuse incident", "DA incident", "DV incident", "domestic"),
        POL: ("domestic incident", "DA incident", "domestic - verbal", "domestic abuse call"),
    },
    "strategy": {
        "*": ("strategy discussion", "strategy meeting", "strat disc", "strategy discussion (s47)"),
        POL: ("strategy discussion", "strat meeting with CSC"),
    },
    "s47_visit": {"*": ("s47 visit", "section 47 visit", "S47 joint visit", "CP enquiry visit")},
    "icpc": {"*": ("ICPC", "Initial Child Protection Conference", "initial CP conference", "ICPC")},
    "rcpc": {"*": ("RCPC", "Review Child Protection Conference", "review CP conf", "RCPC")},
    "core_group": {"*": ("core group", "Core Group meeting", "CG meeting", "core group mtg")},
    "cin_meeting": {"*": ("CIN meeting", "Child in Need review", "CIN review", "TAF meeting")},
    "marac": {"*": ("MARAC", "MARAC meeting", "Marac")},
    "home_visit": {
        "*": ("home visit", "HV", "visit to home"),
        CSC: ("home visit", "HV", "statutory visit", "SW visit"),
    },
    "ed": {
        "*": ("ED attendance notification", "A&E notification", "hospital liaison notification"),
        HOSP: ("ED", "A&E", "PED", "paediatric ED", "Emergency Department"),
        GP: ("A&E discharge letter", "ED attendance letter", "discharge summary from ED"),
        HV: ("ED liaison notification", "A&E attendance notification", "liaison form"),
    },
    "wnb": {
        "*": ("WNB", "was not brought", "DNA"),
        GP: ("WNB", "was not brought", "DNA appt"),
        HOSP: ("WNB", "was not brought to clinic", "DNA"),
    },
    "sw": {"*": ("SW", "social worker", "allocated SW")},
    "hv": {"*": ("HV", "health visitor", "HV team")},
}

_SENT: dict[str, dict[str, tuple[str, ...]]] = {
    "da": {
        POL: (
            "Officers attended {addr} at {time} following a call from {caller_txt}.",
            "Attended re {T_da}, {who} and {mum} arguing, children present.",
            "Call received {time} reporting shouting at the address; officers on scene.",
        ),
        "N": (
            "{T_ppn} received re {T_da} at home address on {eday}.",
            "Received {T_ppn} - police attended home {eday}, {who} and {mum}.",
            "{T_ppn}: police called to the family home overnight, children present.",
        ),
    },
    "strategy": {
        "*": (
            "{T_strategy} held with police and health re {kids}.",
            "{T_strategy} re {kids} - agencies shared information.",
            "Attended {T_strategy} regarding {kids}.",
        ),
    },
    "s47_visit": {
        "*": (
            "{T_s47_visit} to {kids}; children {seen}.",
            "{T_s47_visit} completed, {kids} {seen}.",
            "Joint visit under s47 - {kids} spoken to.",
        ),
    },
    "icpc": {"*": ("{T_icpc} held for {kids}.", "Attended {T_icpc} re {kids}.", "{T_icpc} today.")},
    "rcpc": {"*": ("{T_rcpc} held for {kids}.", "Attended {T_rcpc}.", "{T_rcpc} re {kids}.")},
    "core_group": {
        "*": ("{T_core_group} held.", "Attended {T_core_group} re {kids}.", "{T_core_group}.")
    },
    "cin_meeting": {"*": ("{T_cin_meeting} held at school.", "Attended {T_cin_meeting}.")},
    "marac": {
        "*": (
            "Case heard at {T_marac}; {mum} high risk victim.",
            "{T_marac} - {mum} discussed, actions agreed.",
            "Family discussed at {T_marac}.",
        )
    },
    "report_submitted": {
        "*": (
            "Report submitted for {meet}.",
            "{meet} report sent to CP chair.",
            "Written report completed for {meet} re {kids}.",
            "Agency report for {meet} emailed to conference admin.",
        ),
        "N": ("Report received for {meet}.", "Partner agency report for {meet} received."),
    },
    "minutes_received": {
        "*": (
            "Minutes received from {meet}.",
            "{meet} minutes received and filed.",
            "Received minutes of {meet} held on {mday}.",
            "Minutes of the {meet} scanned to record.",
        )
    },
    "outcome_letter": {
        "*": (
            "Outcome letter sent to parents following {meet}.",
            "Letter to {mum} confirming outcome of {meet}.",
            "{meet} outcome letter sent to family and agencies.",
        )
    },
    "home_visit": {
        "*": (
            "{announced} {T_home_visit} to {addr}; {kids} {seen}.",
            "{T_home_visit} - {kids} {seen}.",
            "Visited family at home. {kids} {seen}.",
        ),
    },
    "hv": {
        "*": (
            "{what} for {kids}; {seen}.",
            "{what} - {kids} {seen}, mum present.",
            "{T_hv} {what}. {kids} {seen}.",
        ),
        "N": ("HV contact letter received - {what} for {kids}.",),
    },
    "gp": {
        "*": (
            "Consultation with {dr}: {kids} seen re {reason}.",
            "{kids} attended surgery with mum - {reason}.",
            "F2F appt, {reason}. {kids} seen.",
        ),
        "N": ("GP letter re consultation for {reason}.",),
    },
    "gp_wnb": {
        "*": ("{kids} {T_wnb} to GP appointment ({reason}).", "{T_wnb} - {kids}, {reason} appt."),
        "N": ("Notified by GP that {kids} {T_wnb} to appointment.", "GP {T_wnb} letter re {kids}."),
    },
    "ed": {
        AMB: (
            "Conveyed {kids} to {hospital} - {complaint}.",
            "999 call {time}: {complaint}, transported to ED.",
        ),
        HOSP: (
            "{kids} attended {T_ed} at {time} with {complaint}.",
            "{T_ed} attendance: {kids}, presenting complaint {complaint}.",
            "Seen in {T_ed} - {complaint}, triage {time}.",
        ),
        "N": (
            "{T_ed} re {kids} attendance on {eday} - {complaint}.",
            "Received {T_ed}: {kids} attended {hospital} with {complaint}.",
        ),
    },
    "outpatient": {
        "*": ("{kids} {attended} {clinic} clinic.", "{clinic} outpatient appt - {attended}."),
        "N": ("Clinic letter: {kids} {attended} {clinic} appointment.",),
    },
    "school": {
        "*": (
            "{kids} {what_s} - {detail}.",
            "{what_s}: {kids}, {detail}.",
            "Logged on CPOMS: {kids} {what_s}; {detail}.",
        ),
        "N": ("School called re {kids} - {what_s}, {detail}.", "Email from DSL: {kids} {detail}."),
    },
    "referral": {
        "*": (
            "Referral made to MASH re {kids} - {concern}.",
            "MARF completed and sent to front door: {concern}.",
            "Referral to CSC regarding {concern}.",
        ),
        CSC: (
            "Contact received from {referrer} re {concern}.",
            "Referral from {referrer}: concerns re {concern}.",
            "MASH contact - {referrer} reporting {concern}.",
        ),
    },
    "referral_outcome": {
        "*": (
            "Outcome of contact: {decision}.",
            "MASH decision - {decision}. Referrer informed.",
            "Contact outcome {decision} agreed by TM.",
        ),
        "N": (
            "Feedback from MASH: {decision}.",
            "Outcome letter received from CSC - {decision}.",
            "Referral outcome received: {decision}.",
        ),
    },
    "probation": {
        "*": (
            "{what} with {ptn} - {attended}.",
            "PoP {ptn} {attended} {what}.",
            "Planned {what}; {attended}.",
        ),
        POL: ("Joint home visit with probation to {ptn}.",),
    },
    "housing": {
        "*": ("{what} - {mum}, {addr}.", "{what} re tenancy at {addr}.", "{what}."),
        "N": ("Housing officer advised of {what}.", "Email from housing officer re {what}."),
    },
    "mh": {
        "*": ("{what} with {mum}; {attended}.", "{mum} {attended} {what}.", "{what} - {attended}."),
        "N": ("Letter from CMHT re {what}.", "MH letter: {mum} {attended} {what}."),
    },
    "ambulance": {
        "*": ("999 call to {addr} - {what}, {conveyed}.", "Crew attended {kids}: {what}."),
        POL: ("Assisted ambulance at {addr}, {what}.",),
        HOSP: ("Brought in by ambulance with {what}.",),
        "N": ("Ambulance PRF received: {what}, {conveyed}.",),
    },
    "father": {
        "*": ("{what} - {dad} and {kids}.", "{what} with {dad}.", "{dad}: {what}."),
        PROB: ("{dad} mentioned {what} at supervision.",),
    },
    "midwife": {
        "*": ("{what} - {mum} {attended}.", "MW {what}; {attended}.", "{what}."),
        "N": ("Midwifery handover: {what}.", "Letter from midwife re {what}."),
    },
}

# Sentences an agency adds in narrative style, by the group of the event's kind.
_GROUP = {
    "da": "incident",
    "ed": "incident",
    "ambulance": "incident",
    "home_visit": "visit",
    "father": "visit",
    "s47_visit": "visit",
    "hv": "visit",
    "probation": "visit",
    "strategy": "meeting",
    "icpc": "meeting",
    "rcpc": "meeting",
    "core_group": "meeting",
    "cin_meeting": "meeting",
    "marac": "meeting",
    "report_submitted": "letter",
    "minutes_received": "letter",
    "outcome_letter": "letter",
    "referral": "referral",
    "referral_outcome": "referral",
}
_MORE: dict[str, dict[str, tuple[str, ...]]] = {
    POL: {
        "incident": (
            "DASH completed - {dash} risk.",
            "{who} {arrest_txt}.",
            "Injuries noted: {injury}.",
            "Occurrence ref {ref}.",
            "Children asleep upstairs, not spoken to.",
            "Body worn video recorded.",
            "Crime recorded, PPN submitted.",
            "Mum declined to make a statement.",
        ),
        "meeting": (
            "Police checks shared.",
            "Officer in case to follow up.",
            "Agreed joint s47 enquiry.",
            "Intelligence logged.",
        ),
        "*": ("Intelligence logged.", "Sgt informed.", "PNC checks completed."),
    },
    CSC: {
        "incident": (
            "Risk assessed as {dash}.",
            "To be allocated for assessment.",
            "Case discussed with TM.",
            "Information shared with school and health.",
            "Mum to be contacted re safety planning.",
        ),
        "visit": (
            "Mum was open with SW about the relationship.",
            "Home conditions poor; kitchen cluttered.",
            "Safety plan reviewed with mum.",
            "Next visit booked.",
            "Children's bedrooms seen.",
            "Partner not present during visit.",
        ),
        "meeting": (
            "Plan reviewed with the family.",
            "Actions agreed for all agencies.",
            "Mum attended; partner did not.",
            "Chaired by IRO.",
            "Next review booked.",
        ),
        "*": (
            "Case discussed with TM.",
            "Recorded on case notes.",
            "Information shared with school and health.",
        ),
    },
    SCH: {
        "*": (
            "Child's class teacher informed.",
            "DSL spoke with child; appeared settled.",
            "Logged on CPOMS.",
            "Attendance this term {pct}%.",
            "Mum called back at 3pm.",
            "Breakfast club offered.",
        ),
        "meeting": ("DSL attended.", "School report shared.", "Attendance this term {pct}%."),
    },
    HV: {
        "visit": (
            "Growth within normal limits.",
            "EPDS completed.",
            "Home conditions acceptable.",
            "Safe sleep advice given.",
            "Next contact in 4 weeks.",
        ),
        "*": (
            "Discussed with safeguarding lead.",
            "Information added to the child's record.",
            "Next contact in 4 weeks.",
        ),
    },
    GP: {
        "*": (
            "Safeguarding flag on record.",
            "Coded on the system.",
            "Letter scanned to notes.",
            "Safeguarding lead GP informed.",
        ),
        "incident": (
            "Plan: review in 2 weeks.",
            "Safeguarding flag on record.",
            "Letter scanned to notes.",
        ),
    },
    HOSP: {
        "incident": (
            "Safeguarding checklist completed.",
            "CP-IS checked.",
            "Discharged home with mum.",
            "Liaison form sent to HV/SN.",
            "Paediatric review requested.",
        ),
        "*": ("Hospital safeguarding team informed.", "Recorded on the EPR."),
    },
    "*": {
        "*": (
            "Information shared with the allocated SW.",
            "Discussed in supervision.",
            "Recorded on case notes.",
            "Contact details confirmed.",
        ),
    },
}

_FIELD = re.compile(r"{(\w+)}")
_SENTENCE_START = re.compile(r"(\. |^)([a-z])")
_SEEN = {
    "seen": ("seen", "seen and spoken to", "all seen"),
    "seen alone": ("seen alone", "seen on their own", "spoken to alone"),
    "not seen": ("not seen", "not seen - at nan's", "not seen, asleep"),
    "no access": ("no access", "NA - no answer at door", "no reply, card left"),
}
_SCHOOL_WHAT = {
    "absence": ("absent", "absent - no contact", "not in school"),
    "welfare call": ("welfare call made", "first day call", "welfare check"),
    "concern": ("concern logged", "safeguarding concern", "disclosure"),
    "late": ("late", "late after register", "arrived late"),
    "home visit": ("home visit by EWO", "attendance officer home visit"),
}


# Words that differ by nation (the case is set in England, Wales or Scotland).
NATION_TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Wales": {
        "ppn": ("PPN", "Public Protection Notice", "PPN (DA)"),
        "cin_meeting": ("Care and Support Plan review", "CASP review", "C&S plan meeting"),
    },
    "Scotland": {
        "strategy": ("IRD", "Inter-agency Referral Discussion", "IRD (police/SW/health)"),
        "icpc": ("CPPM", "initial CPPM", "Child Protection Planning Meeting"),
        "rcpc": ("review CPPM", "Review Child Protection Planning Meeting", "RCPPM"),
        "s47_visit": ("CP investigation visit", "joint investigative visit", "JII visit"),
        "ppn": ("police concern report", "VPD concern report", "iVPD notification"),
        "cin_meeting": ("child's plan meeting", "Child's Plan review", "GIRFEC meeting"),
    },
}
_RESPELL = (
    ("received", "recieved"),
    ("attended", "attented"),
    ("appointment", "appt"),
    ("meeting", "mtg"),
    ("telephone", "tel"),
    ("regarding", "re"),
    ("children", "childrens"),
    ("discussion", "discusion"),
    ("Received", "Rec'd"),
    ("conference", "conf"),
)


def _respell(text: str, rng: random.Random) -> str:
    found = [(a, b) for a, b in _RESPELL if a in text]
    if not found:
        return text
    a, b = rng.choice(found)
    return text.replace(a, b, 1)


def _agency_terms(key: str, agency: str) -> tuple[str, ...]:
    table = TERMS[key]
    return table.get(agency) or table["*"]


def _kids_text(ev: Event, fam: Family, agency: str, rng: random.Random) -> str:
    people = [fam.person(k) for k in ev.subjects]
    if agency == POL and rng.random() < 0.6:
        return ", ".join(f"{p.full} ({p.dob:%d/%m/%Y})" for p in people)
    if len(people) > 2 and rng.random() < 0.35:
        return "the children"
    if agency in (HOSP, GP) and rng.random() < 0.3:
        return " and ".join(p.initials for p in people)
    names = [p.first for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _meeting_name(kind: str, agency: str, rng: random.Random) -> str:
    return rng.choice(_agency_terms(kind, agency)) if kind in TERMS else kind.replace("_", " ")


def describe(
    ev: Event,
    agency: str,
    role: str,
    fam: Family,
    rng: random.Random,
    narrative: bool,
    meeting_day: date | None,
) -> tuple[str, str, str]:
    """(description, outcome, contact type) for `agency`'s row about `ev`."""
    f = ev.facts
    values: dict[str, str] = {k: v for k, v in f.items()}
    values["kids"] = _kids_text(ev, fam, agency, rng)
    values["mum"] = fam.mother.first if rng.random() < 0.7 else "mother"
    values["dad"] = fam.father.first if rng.random() < 0.6 else f"father {fam.father.full}"
    values["ptn"] = fam.partner.first if rng.random() < 0.6 else fam.partner.full
    who = fam.partner if f.get("who", "partner") == "partner" else fam.father
    values["who"] = who.first if rng.random() < 0.7 else f"{who.full} ({f.get('who', '')})"
    values["addr"] = fam.address if rng.random() < 0.6 else "the home address"
    values["time"] = f"{ev.at:%H:%M}" if ev.at else "unknown time"
    values["eday"] = f"{ev.day:%d/%m/%Y}" if rng.random() < 0.6 else f"{ev.day:%d.%m.%y}"
    values["mday"] = f"{meeting_day:%d/%m/%Y}" if meeting_day else ""
    values["hospital"] = fam.hospital
    values["dr"] = rng.choice(fam.workers[GP])
    values["pct"] = str(rng.randint(71, 96))
    values["arrest_txt"] = (
        "arrested and taken to custody"
        if f.get("arrest") == "yes"
        else (
            "left prior to police arrival"
            if rng.random() < 0.5
            else "not arrested, words of advice"
        )
    )
    seen = _SEEN.get(f.get("seen", "seen"), ("seen",))
    if len(ev.subjects) < 2:
        seen = tuple(s for s in seen if "all" not in s)
    values["seen"] = rng.choice(seen)
    caller = f.get("caller", "")
    values["caller_txt"] = caller if caller.startswith("anon") else "the " + caller
    values["what_s"] = rng.choice(_SCHOOL_WHAT.get(f.get("what", ""), ("noted",)))
    values["announced"] = f.get("announced", "").capitalize()
    if "to" in f:
        values["meet"] = _meeting_name(f["to"], agency, rng)
    nation = NATION_TERMS.get(fam.nation, {})
    for key in TERMS:
        values["T_" + key] = rng.choice(nation.get(key) or _agency_terms(key, agency))
    if ev.at is not None and ev.at.hour < 4 and role == "N" and rng.random() < 0.5:
        values["eday"] = f"{ev.day - timedelta(days=1):%d/%m/%Y} (overnight)"
    pool = _SENT[ev.kind]
    if role == "D":
        role = "P" if agency in pool or "*" in pool else "N"
    if role == "N" and "N" in pool:
        lead = pool["N"]
    else:
        lead = pool.get(agency) or pool.get("*") or pool.get("N") or next(iter(pool.values()))
    text = rng.choice(lead).format_map(values)
    text = text[0].upper() + text[1:]
    if narrative:
        group = _GROUP.get(ev.kind, "*")
        own = _MORE.get(agency, {})
        more = list(own.get(group) or own.get("*", ())) + list(_MORE["*"]["*"])
        more = [m for m in dict.fromkeys(more) if all(k in values for k in _FIELD.findall(m))]
        room = 5 - text.count(". ")  # at most 6 sentences in all
        k = min(len(more), room, rng.choice((0, 1, 1, 2, 2, 3, 4, 5)))
        text = " ".join([text, *(m.format_map(values) for m in rng.sample(more, k))])
    if rng.random() < 0.06:  # the agency's own spelling, or a slip
        text = _respell(text, rng)
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    outcome = ""
    if "outcome" in f:
        outcome = f["outcome"]
    elif "decision" in f:
        outcome = f["decision"]
    elif ev.kind == "da" and agency == POL:
        outcome = f"DASH {f['dash']}; " + ("arrest" if f["arrest"] == "yes" else "no arrest")
    etype = _contact_type(ev.kind, role)
    return text, outcome, etype


def _contact_type(kind: str, role: str) -> str:
    if role == "N":
        return "Notification" if kind not in ("referral",) else "Contact"
    return {
        "da": "Incident",
        "strategy": "Strategy Discussion",
        "s47_visit": "Visit",
        "icpc": "Conference",
        "rcpc": "Conference",
        "core_group": "Meeting",
        "cin_meeting": "Meeting",
        "marac": "Meeting",
        "home_visit": "Visit",
        "hv": "Health contact",
        "report_submitted": "Report",
        "minutes_received": "Correspondence",
        "outcome_letter": "Letter",
        "referral": "Referral",
        "referral_outcome": "Decision",
    }.get(kind, "Contact")


ALL = (CSC, POL, SCH, HV, GP, HOSP, PROB, HSG, DAS, MH, AMB, MW)
