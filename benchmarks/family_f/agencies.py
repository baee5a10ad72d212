"""The agencies of a case, in the order a review would ask them, and each one's file."""

from __future__ import annotations

from dataclasses import dataclass

CSC = "Children's Social Care"
POL = "Police"
SCH = "School"
GP = "GP"
HOS = "Hospital"
HV = "Health Visiting"
AMB = "Ambulance"
MH = "Mental Health"
DAS = "Domestic Abuse Service"
HOU = "Housing"
SMS = "Substance Misuse Service"
PRO = "Probation"
YJ = "Youth Justice"
EH = "Early Help"
MW = "Midwifery"
SN = "School Nursing"
EY = "Early Years"
VS = "Voluntary Sector"

# First n of these make a case: the statutory three and the child's universal services first.
ORDER = (CSC, POL, SCH, GP, HOS, HV, AMB, MH, DAS, HOU, SMS, PRO, YJ, EH, MW, SN, EY, VS)
HEALTH = {GP, HOS, HV, AMB, MH, MW, SN}

# Practitioner titles each agency signs with.
TITLES = {
    CSC: ("SW", "SSW", "SW", "ASW", "TM"),  # the IRO chairs conferences; visits are SWs
    POL: ("PC", "DC", "DS", "PS"),
    SCH: ("DSL", "DDSL", "SENCO", "Class teacher", "Head", "Pastoral lead"),
    GP: ("Dr", "GP", "Practice nurse", "ANP"),
    HOS: ("ED nurse", "Dr", "Paed SpR", "Safeguarding nurse", "Triage RN"),
    HV: ("HV", "CNN", "SCPHN"),
    AMB: ("Paramedic", "EMT", "Crew"),
    MH: ("CPN", "Dr", "Psychologist", "Duty worker"),
    DAS: ("IDVA", "Outreach worker"),
    HOU: ("Housing officer", "TO", "Homeless officer"),
    SMS: ("Recovery worker", "Key worker", "Nurse prescriber"),
    PRO: ("PO", "PSO", "OM"),
    YJ: ("YJ worker", "Case manager"),
    EH: ("EH worker", "FSW", "Lead practitioner"),
    MW: ("MW", "CMW", "Safeguarding MW"),
    SN: ("SN", "SSN"),
    EY: ("Key person", "Manager", "DSL"),
    VS: ("Family support worker", "Volunteer", "Project worker"),
}


@dataclass(frozen=True)
class Layout:
    """One agency's file: its type, its columns in order (roles) and how it writes dates."""

    kind: str  # "xlsx" | "csv" | "docx"
    columns: tuple[str, ...]  # roles: date, time, datetime, type, desc, outcome, worker, ref
    usual: tuple[str, ...]  # headers as most agencies write them
    unusual: tuple[str, ...]  # headers nobody listed
    date_style: str  # see render.DATE_STYLES
    time_style: str = "colon"  # see render.TIME_STYLES
    title: bool = False  # a title block above the table
    excel_dates: bool = False  # xlsx date cells rather than text


LAYOUTS = {
    CSC: Layout(
        "xlsx",
        ("date", "type", "desc", "outcome", "worker"),
        ("Date", "Event type", "Details", "Action / Outcome", "Worker"),
        ("Recorded on", "Nature of involvement", "What happened", "Next steps agreed", "Who"),
        "excel",
        title=True,
        excel_dates=True,
    ),
    POL: Layout(
        "csv",
        ("datetime", "ref", "desc", "worker"),
        ("Date/Time", "Occurrence ref", "Summary", "Officer"),
        ("When reported", "URN", "Log narrative", "Entered by"),
        "slash",
        "colon",
    ),
    SCH: Layout(
        "docx",
        ("date", "desc", "outcome", "worker"),
        ("Date", "Concern / incident", "Action taken", "By whom"),
        ("Day", "What was seen or said", "What we did", "Staff"),
        "dots",
        title=True,
    ),
    GP: Layout(
        "csv",
        ("date", "desc", "worker"),
        ("Date", "Consultation / entry", "Clinician"),
        ("Entry date", "Record text", "Author"),
        "dmy_mon",
    ),
    HOS: Layout(
        "xlsx",
        ("date", "time", "type", "desc", "outcome", "worker", "ref"),
        ("Attendance date", "Time", "Department", "Clinical summary", "Action", "Staff", "MRN"),
        ("Seen", "Clock", "Area", "Presentation", "Disposal", "Seen by", "Hosp no"),
        "slash",
        "compact",
    ),
    HV: Layout(
        "docx",
        ("date", "type", "desc", "outcome", "worker"),
        ("Date", "Contact", "Summary of contact", "Plan", "HV"),
        ("Date of contact", "Where / how", "Assessment", "Agreed plan", "Practitioner"),
        "ordinal",
    ),
    AMB: Layout(
        "csv",
        ("date", "time", "ref", "desc", "worker"),
        ("Incident date", "Call time", "Incident no", "Crew notes", "Crew"),
        ("Job date", "Received", "CAD", "Clinical notes", "Attending"),
        "iso",
        "seconds",
    ),
    MH: Layout(
        "xlsx",
        ("date", "worker", "desc"),
        ("Date", "Clinician", "Note"),
        ("Date seen", "Professional", "Progress note"),
        "slash",
        excel_dates=True,
    ),
    DAS: Layout(
        "docx",
        ("date", "desc", "worker"),
        ("Date", "Contact and risk update", "IDVA"),
        ("When", "Case note", "Worker name"),
        "slash_short",
    ),
    HOU: Layout(
        "xlsx",
        ("date", "type", "desc", "worker"),
        ("Date", "Action type", "Notes", "Officer"),
        ("Action date", "Category", "Tenancy notes", "Officer name"),
        "dashes",
    ),
    SMS: Layout(
        "csv",
        ("date", "type", "desc", "worker"),
        ("Date", "Appointment type", "Session notes", "Worker"),
        ("Appt", "Contact kind", "Key work notes", "Recovery worker"),
        "slash",
    ),
    PRO: Layout(
        "csv",
        ("date", "type", "desc", "worker"),
        ("Contact date", "Contact type", "Entry", "Officer"),
        ("Date of contact", "Delius type", "Notes", "Responsible officer"),
        "slash",
    ),
    YJ: Layout(
        "xlsx",
        ("date", "desc", "outcome", "worker"),
        ("Date", "Intervention", "Outcome", "Case manager"),
        ("When", "Session", "Result", "Staff member"),
        "slash",
        excel_dates=True,
    ),
    EH: Layout(
        "docx",
        ("date", "type", "desc", "worker"),
        ("Date", "Type", "Summary", "Lead practitioner"),
        ("Date", "Kind", "Notes from contact", "Worker"),
        "slash",
    ),
    MW: Layout(
        "csv",
        ("date", "time", "desc", "worker"),
        ("Date", "Time", "Contact details", "Midwife"),
        ("Visit", "At", "Antenatal / postnatal notes", "MW"),
        "slash",
        "colon",
    ),
    SN: Layout(
        "docx",
        ("date", "desc", "worker"),
        ("Date", "Contact", "School nurse"),
        ("Seen on", "Entry", "Nurse"),
        "dots",
    ),
    EY: Layout(
        "xlsx",
        ("date", "desc", "outcome", "worker"),
        ("Date", "Observation / concern", "Action", "Staff"),
        ("Date", "What we noticed", "Follow-up", "Key person"),
        "slash",
        title=True,
    ),
    VS: Layout(
        "csv",
        ("date", "desc", "worker"),
        ("Date", "Session notes", "Worker"),
        ("Session", "Notes of work", "Volunteer / worker"),
        "dmy_mon",
    ),
}

FILE_STEM = {
    CSC: "csc_chronology",
    POL: "police_chronology",
    SCH: "school_chronology",
    GP: "gp_chronology",
    HOS: "hospital_chronology",
    HV: "hv_chronology",
    AMB: "ambulance_chronology",
    MH: "mental_health_chronology",
    DAS: "da_service_chronology",
    HOU: "housing_chronology",
    SMS: "substance_misuse_chronology",
    PRO: "probation_chronology",
    YJ: "youth_justice_chronology",
    EH: "early_help_chronology",
    MW: "midwifery_chronology",
    SN: "school_nursing_chronology",
    EY: "nursery_chronology",
    VS: "family_support_chronology",
}
