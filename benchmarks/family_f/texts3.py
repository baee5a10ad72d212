# ruff: noqa: E501 - the phrasebook keeps one phrase a line
"""The phrasebook, continued: single-agency services and the people around the child."""

from __future__ import annotations

from .agencies import DAS, EH, EY, HOU, MH, MW, POL, PRO, SMS, SN, VS, YJ
from .texts import ANY, TEXT, T

TEXT.update(
    {
        "missing": {
            "actor": {
                POL: T(
                    ("Missing person", "MISPER", "Missing"),
                    (
                        "{s} reported missing by {m} at {t}; found {found}.",
                        "Missing from home report: {s} ({age}), last seen after school. Located {found}.",
                    ),
                    (
                        "Risk graded medium.",
                        "Safe and well check done.",
                        "Return home interview requested.",
                        "Second missing episode this month.",
                    ),
                    ("MISPER {s} - found {found}", "Missing {s}, located {found}, RHI req"),
                    ("Located", "RHI referral", "Filed"),
                )
            },
            "told": {
                ANY: T(
                    ("Missing notification", "Information"),
                    (
                        "Notified that {s} was reported missing {when}; found {found}.",
                        "Police notification: {s} missing {when}, since returned.",
                    ),
                    ("Return home interview to be offered.", "Discussed with {m}."),
                    ("Missing {when} - found {found}", "MISPER notif {when}"),
                )
            },
        },
        "partner_arrest": {
            "actor": {
                POL: T(
                    ("Arrest", "Custody", "Crime"),
                    (
                        "{s} arrested at {place} for {offence}.",
                        "{s} detained and interviewed re {offence}.",
                    ),
                    (
                        "Released under investigation.",
                        "Charged and remanded.",
                        "Bail conditions: not to contact {m}.",
                        "Custody record {crime}.",
                    ),
                    ("Arrest {s} - {offence}", "{s} arr'd {offence}, RUI"),
                )
            },
            "told": {
                ANY: T(
                    ("Information", "Police information", "Contact"),
                    (
                        "Informed that {s} was arrested {when} for {offence}.",
                        "Police shared that {s} was arrested {when} ({offence}).",
                    ),
                    ("Bail conditions noted.", "Risk assessment to be updated."),
                    ("{s} arrested {when} - {offence}", "Arrest of {s} {when}"),
                )
            },
        },
        "probation_contact": {
            "actor": {
                PRO: T(
                    ("Office appointment", "Home visit", "Telephone", "Failed to attend"),
                    (
                        "Supervision appointment with {s}: {prowhat}.",
                        "Reporting appointment - {prowhat}.",
                        "{s} did not attend his appointment; warning letter issued.",
                    ),
                    (
                        "Discussed his relationship with {m}.",
                        "Drug test negative.",
                        "Building Better Relationships programme discussed.",
                        "Licence conditions reviewed.",
                    ),
                    ("Supervision - {prowhat}", "FTA - warning letter", "Appt: {prowhat}"),
                )
            }
        },
        "mh_appt": {
            "actor": {
                MH: T(
                    ("Outpatient", "CPN visit", "Telephone", "CAMHS appointment"),
                    (
                        "Seen {s} in clinic: {mhwhat}.",
                        "CPN home visit to {s}; {mhwhat}.",
                        "Appointment with {s}: {mhwhat}.",
                    ),
                    (
                        "No thoughts of self-harm expressed.",
                        "Medication reviewed.",
                        "Safeguarding: children at home discussed.",
                        "Letter to GP to follow.",
                    ),
                    ("OPA - {mhwhat}", "CPN HV: {mhwhat}", "Appt - {mhwhat}"),
                )
            },
            "told": {
                ANY: T(
                    ("Letter", "Clinic letter"),
                    (
                        "Clinic letter from mental health services re {s}, seen {when}: {mhwhat}.",
                        "Letter received: {s} reviewed {when}.",
                    ),
                    ("Medication change noted.",),
                    ("MH clinic letter - seen {when}", "Letter: MH OPA {when}"),
                )
            },
        },
        "midwife_contact": {
            "actor": {
                MW: T(
                    ("Antenatal", "Booking", "Postnatal", "Home visit"),
                    (
                        "{mwwhat} with {s}.",
                        "Midwife contact: {mwwhat}.",
                        "{mwwhat}; {s} seen at home.",
                    ),
                    (
                        "Routine enquiry about DA asked: declined to answer with {p} present.",
                        "BP and urine normal.",
                        "Smoking cessation advice given.",
                    ),
                    ("{mwwhat}", "MW - {mwwhat}"),
                )
            }
        },
        "birth": {
            "actor": {
                ANY: T(
                    ("Birth", "Delivery", "Birth notification"),
                    (
                        "Baby born at {hosp} to {m}; SVD, well.",
                        "Birth of baby at 39 weeks; {m} and baby well.",
                    ),
                    ("Safeguarding plan in place on the ward.", "Discharged home day 2."),
                    ("Baby born - SVD, well", "Delivery - baby well"),
                )
            },
            "told": {
                ANY: T(
                    ("Birth notification", "Notification"),
                    (
                        "Birth notification received: baby born {when} to {m}.",
                        "Informed of the birth {when}.",
                    ),
                    ("New birth visit to be booked.", "Registered with the practice."),
                    ("Birth notif - born {when}", "Baby born {when}"),
                )
            },
        },
        "housing_contact": {
            "actor": {
                HOU: T(
                    ("Tenancy", "Homelessness", "ASB", "Repairs"),
                    ("{houwhat}.", "Housing officer contact with {m}: {houwhat}."),
                    (
                        "Rent arrears of GBP {arrears}.",
                        "Neighbour complaints about noise.",
                        "Referral to tenancy support.",
                    ),
                    ("{houwhat}", "Tenancy - {houwhat}"),
                )
            },
            "told": {
                ANY: T(
                    ("Information", "Housing"),
                    ("Housing informed us {when}: {houwhat}.", "Update from housing - {houwhat}."),
                    ("Will discuss with {m}.",),
                    ("Housing: {houwhat}",),
                )
            },
        },
        "sms_appt": {
            "actor": {
                SMS: T(
                    ("Key work", "DNA", "Prescribing", "Drug test"),
                    ("Key work session with {s}: {smswhat}.", "{s} seen for review; {smswhat}."),
                    ("Children discussed: says they are with {gm}.", "Next appointment booked."),
                    ("KW - {smswhat}", "Review - {smswhat}"),
                )
            }
        },
        "das_contact": {
            "actor": {
                DAS: T(
                    ("Outreach", "Telephone", "Safety planning"),
                    ("Contact with {s}: {daswhat}.", "Outreach session - {daswhat}."),
                    (
                        "Risk remains {dash}.",
                        "Safety plan updated.",
                        "Discussed the Freedom Programme.",
                    ),
                    ("T/C - {daswhat}", "Outreach: {daswhat}"),
                )
            }
        },
        "ey_session": {
            "actor": {
                EY: T(
                    ("Observation", "Concern", "Attendance"),
                    ("{eywhat}.", "Key person noticed {eywhat}."),
                    ("{m} informed at collection.", "Logged on the concern form."),
                    ("{eywhat}",),
                )
            }
        },
        "yj_contact": {
            "actor": {
                YJ: T(
                    ("Session", "Referral order", "Panel"),
                    ("Session with {s}: {yjwhat}.", "{yjwhat} with {s}."),
                    ("Victim awareness work started.", "Next session booked."),
                    ("Session - {yjwhat}",),
                )
            }
        },
        "vs_session": {
            "actor": {
                VS: T(
                    ("Session", "Home visit", "Group"),
                    ("Family support session with {m}: {vswhat}.", "Visit to {m}: {vswhat}."),
                    ("Food bank voucher given.", "{c} happy and chatty."),
                    ("Session - {vswhat}",),
                )
            }
        },
        "sn_contact": {
            "actor": {
                SN: T(
                    ("Drop-in", "Health assessment", "Contact"),
                    ("School nurse saw {s}: {snwhat}.", "{snwhat} (school nurse drop-in)."),
                    ("Health plan reviewed.", "Letter to parent."),
                    ("SN - {snwhat}",),
                )
            },
            "told": {
                ANY: T(
                    ("Health", "School nurse"),
                    ("School nurse saw {s} {when}: {snwhat}.",),
                    ("Noted.",),
                    ("SN saw {s} {when}",),
                )
            },
        },
        "eh_contact": {
            "actor": {
                EH: T(
                    ("Home visit", "Telephone", "Session"),
                    ("Early help visit to {m}: {ehwhat}.", "EH session - {ehwhat}."),
                    ("Family star completed.", "Parenting programme offered."),
                    ("EH HV - {ehwhat}", "Session: {ehwhat}"),
                )
            },
            "told": {
                ANY: T(
                    ("Information",),
                    ("Early help worker shared {when}: {ehwhat}.",),
                    ("Noted.",),
                    ("EH update {when}",),
                )
            },
        },
    }
)

# Words each of those kinds picks by the event's facts (index v).
MORE = {
    "found": ("at a friend's house", "in the town centre at 01:30", "at {gm}'s", "by the canal"),
    "offence": (
        "assault on {m}",
        "possession with intent",
        "breach of a non-molestation order",
        "theft from a shop",
        "drink driving",
    ),
    "prowhat": (
        "engaged well, employment discussed",
        "presented as under the influence",
        "disclosed relationship with {m} has resumed",
        "late; seen briefly",
    ),
    "mhwhat": (
        "mood low, sertraline increased",
        "anxiety; discharged back to GP",
        "self-harm by cutting discussed",
        "missed last two appointments",
    ),
    "mwwhat": (
        "Booking appointment at 10 weeks",
        "Antenatal check at 28 weeks",
        "Postnatal visit day 5",
        "Missed antenatal appointment",
    ),
    "houwhat": (
        "notice seeking possession served",
        "homelessness application taken",
        "repairs visit; damp in the children's bedroom",
        "ASB complaint from neighbour",
    ),
    "smswhat": (
        "positive for cocaine",
        "reports reduced drinking",
        "did not attend",
        "prescription collected; stable",
    ),
    "daswhat": (
        "safety plan reviewed",
        "says {p} has been outside the house",
        "declined further support",
        "refuge space discussed",
    ),
    "eywhat": (
        "{c} arrived with a nappy not changed since the morning",
        "{c} said 'daddy hurt mummy'",
        "{c} not attended for a week",
        "bruise on {c}'s forearm at drop-off",
    ),
    "yjwhat": ("referral order session", "missed session", "reparation work", "panel meeting"),
    "vswhat": ("budgeting support", "help with a housing form", "stay and play group attended"),
    "snwhat": (
        "headaches and poor sleep",
        "low mood and friendship worries",
        "enuresis",
        "weight below the 2nd centile",
    ),
    "ehwhat": (
        "routines and bedtimes discussed",
        "family star update",
        "school attendance plan",
        "{m} not in; card left",
    ),
}
