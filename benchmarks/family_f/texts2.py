# ruff: noqa: E501 - the phrasebook keeps one phrase a line
"""The phrasebook, continued: meetings and their satellites, visits, contacts, summaries."""

from __future__ import annotations

from .agencies import CSC, GP, HV, SCH
from .texts import ANY, TEXT, T

MEETING_DECISION = {
    "strategy": (
        "threshold met for s47 enquiries; joint visit to see {c}",
        "no s47; single agency assessment to continue",
        "s47 to proceed; ICPC to be convened",
    ),
    "core_group": (
        "plan reviewed; actions for home conditions set",
        "{m} to engage with the DA programme",
        "progress noted, school attendance improved",
    ),
    "cin_meeting": ("plan reviewed, actions updated", "step down to Early Help considered"),
    "taf_meeting": ("TAF plan reviewed", "family to be offered parenting course"),
    "marac": ("actions agreed: target hardening, flag on address", "IDVA to stay engaged"),
}


def _meeting(types, names):
    return {
        "actor": {
            CSC: T(
                types,
                tuple(f"{n} held{{place}}. Attended by {{who}}." for n in names)
                + tuple(f"{n} chaired by {{chair}}." for n in names),
                (
                    "Outcome: {dec}.",
                    "{m} attended and shared her views.",
                    "{p} did not attend.",
                    "Apologies from GP; report provided.",
                    "{c}'s wishes and feelings shared.",
                    "Next meeting date set.",
                ),
                tuple(f"{n} - {{dec_s}}" for n in names)
                + tuple(f"{n} held. {{who}}" for n in names),
                ("Minutes to follow", "Actions as per minutes", "Review in 4 weeks"),
            ),
            ANY: T(
                ("Meeting", "Multi-agency meeting") + tuple(types),
                tuple(f"Attended {n}{{place}}." for n in names)
                + tuple(f"{{me}} attended {n} regarding {{c}}." for n in names),
                (
                    "Outcome: {dec}.",
                    "Shared our concerns about {concern_s}.",
                    "Agreed to update {csc} weekly.",
                    "Report shared at the meeting.",
                ),
                tuple(f"Attd {n} - {{dec_s}}" for n in names)
                + tuple(f"{n} attended" for n in names),
                ("Actions noted", "Await minutes", ""),
            ),
        }
    }


TEXT.update(
    {
        "strategy": _meeting(("Strategy", "Strategy discussion"), ("{strat}",)),
        "icpc": _meeting(("ICPC", "Conference", "Child protection"), ("{mt}",)),
        "rcpc": _meeting(("RCPC", "Conference", "Review conference"), ("{mt}",)),
        "core_group": _meeting(("Core group", "CG"), ("Core group", "Core group meeting", "CG")),
        "cin_meeting": _meeting(("CIN", "CIN review"), ("{mt}",)),
        "taf_meeting": _meeting(("TAF", "Team around the family"), ("TAF meeting", "TAF review")),
        "marac": _meeting(("MARAC",), ("MARAC", "MARAC meeting")),
    }
)

TEXT.update(
    {
        "report": {
            "report": {
                ANY: T(
                    ("Report", "Conference report", "Professional report"),
                    (
                        "Report for {mt} {mdate} completed and sent to the conference team.",
                        "Written report submitted for {mt} ({mdate}).",
                        "Prepared report for {mt}; shared with {m} beforehand.",
                    ),
                    (
                        "Report highlights {concern_s}.",
                        "Chronology of contacts attached.",
                        "Agreed by line manager before sending.",
                    ),
                    ("Report sent for {mt} {mdate}", "{mt} report submitted"),
                )
            }
        },
        "minutes": {
            "actor": {
                ANY: T(
                    ("Minutes", "Admin"),
                    (
                        "Minutes of {mt} held {mdate} circulated to all attendees.",
                        "Minutes of the {mt} ({mdate}) sent out by business support.",
                    ),
                    ("Decisions recorded as agreed.", "Copy sent to {m}."),
                    ("Mins of {mt} {mdate} circulated", "{mt} minutes sent"),
                )
            },
            "told": {
                ANY: T(
                    ("Minutes", "Correspondence", "Email"),
                    (
                        "Minutes received for {mt} held {mdate}.",
                        "Received minutes of {mt} {mdate}; actions for us noted.",
                    ),
                    (
                        "Filed in the record.",
                        "Actions for this agency checked.",
                        "Minutes repeat the outcome: {dec_s}.",
                    ),
                    ("Mins rec'd - {mt} {mdate}", "{mt} minutes received"),
                )
            },
        },
        "outcome_letter": {
            "actor": {
                GP: T(
                    ("Letter", "Correspondence", "Scanned letter"),
                    (
                        "Letter from {csc} received: outcome of {mt} {mdate} - {dec}.",
                        "Conference outcome letter scanned: {mt} {mdate}, {dec}.",
                    ),
                    (
                        "Alert added to the record.",
                        "Coded on the clinical system.",
                        "Read by the safeguarding lead GP.",
                    ),
                    ("Letter: {mt} {mdate} outcome - {dec_s}", "{mt} outcome letter rec'd"),
                ),
                CSC: T(
                    ("Letter", "Correspondence"),
                    (
                        "Outcome letter for the {mt} {mdate} sent to the GP.",
                        "Letter to GP confirming the outcome of {mt} {mdate}: {dec}.",
                    ),
                    ("Copy on file.",),
                    ("Outcome ltr to GP - {mt} {mdate}",),
                ),
            },
        },
        "chaser": {
            "actor": {
                ANY: T(
                    ("Email", "Chaser", "Telephone"),
                    (
                        "Emailed {csc} to ask for the minutes of {mt} held {mdate}; not yet received.",
                        "Chased the minutes of the {mt} ({mdate}) with business support.",
                    ),
                    ("Told they will be sent this week.", "Second request."),
                    ("Chased mins of {mt} {mdate}", "Email - mins {mt} {mdate} outstanding"),
                )
            },
        },
        "home_visit": {
            "actor": {
                CSC: T(
                    ("Home visit", "Unannounced visit", "Statutory visit", "Joint visit"),
                    (
                        "Home visit to see {c}: {hvwhat}.",
                        "Unannounced visit to {home}; {hvwhat}.",
                        "Statutory visit: {hvwhat}.",
                    ),
                    (
                        "{c} seen alone in the bedroom.",
                        "Home conditions were poor: little food.",
                        "{m} was tearful.",
                        "{p} was present and left the room.",
                        "{c} said school was 'OK'.",
                        "Discussed the plan and the concerns with {m}.",
                    ),
                    ("HV - {hvwhat_s}", "Unannounced - {hvwhat_s}", "Stat visit: {hvwhat_s}"),
                    ("Continue plan", "Discuss in supervision", "Next visit in 10 days"),
                ),
                ANY: T(
                    ("Joint visit", "Home visit"),
                    (
                        "Joint visit with the social worker: {hvwhat}.",
                        "Joint home visit with {csc}; {hvwhat}.",
                    ),
                    ("{c} seen.", "Advice given."),
                    ("Jt visit w/ SW - {hvwhat_s}",),
                ),
            }
        },
        "hv_contact": {
            "actor": {
                HV: T(
                    ("Home visit", "Clinic", "Contact", "Telephone"),
                    (
                        "{hvt} for {s}. Growth on centile.",
                        "{hvt} completed at home with {m}.",
                        "Visit for {hvt}; {m} and {s} seen.",
                    ),
                    (
                        "EPDS score 9.",
                        "Safe sleep discussed.",
                        "Home cluttered but adequate.",
                        "{p} was at the address.",
                        "Weight 9.2kg, on 50th centile.",
                        "Was not brought to the last clinic.",
                    ),
                    ("{hvt_s} - seen, growth ok", "{hvt_s}, {m} + {s} seen", "{hvt_s} - WNB"),
                    ("Universal plus", "Review in 4 weeks", "Share with SW"),
                )
            }
        },
        "gp_appt": {
            "actor": {
                GP: T(
                    ("Consultation", "Face to face", "Telephone consult", "DNA"),
                    (
                        "Seen: {s} with {why}.",
                        "Consultation with {s}: {why}.",
                        "{s} was not brought to an appointment for {why}.",
                    ),
                    (
                        "Examination unremarkable.",
                        "Safety-netting advice given.",
                        "Mum attended with {s}.",
                        "Safeguarding alert on record noted.",
                    ),
                    ("{why_s}", "F2F - {why_s}", "WNB - {why_s}"),
                )
            }
        },
        "school_concern": {
            "actor": {
                SCH: T(
                    ("Safeguarding", "Welfare concern", "CPOMS"),
                    ("{seen_cap}.", "Reported to {dsl}: {seen}.", "Staff noted that {seen}."),
                    (
                        "Body map completed.",
                        "{m} phoned and gave an explanation.",
                        "Logged on CPOMS.",
                        "Discussed with {dsl}; no referral at this point.",
                    ),
                    ("{seen_s}", "CPOMS - {seen_s}", "{seen_s}, DSL aware"),
                    ("Monitor", "Speak to {m} at collection", "Consider referral"),
                )
            }
        },
        "school_attendance": {
            "actor": {
                SCH: T(
                    ("Attendance", "EWO"),
                    (
                        "Attendance letter sent to {m}: {c} at {pct}% this term.",
                        "Attendance meeting with {m}; {c} at {pct}%.",
                    ),
                    (
                        "Penalty notice warning given.",
                        "EWO to do home visit.",
                        "{m} said {c} had been unwell.",
                    ),
                    ("Attendance {pct}% - letter", "Attd mtg, {pct}%"),
                )
            },
            "told": {
                ANY: T(
                    ("Information", "Attendance"),
                    (
                        "School shared that {c}'s attendance is {pct}%.",
                        "Update from school: attendance {pct}%.",
                    ),
                    ("Will raise with {m}.",),
                    ("School: attd {pct}%",),
                )
            },
        },
        "prof_call": {
            "actor": {
                ANY: T(
                    ("Telephone", "Professional contact", "Email", "T/C"),
                    (
                        "Telephone call to {other} to discuss {concern_s}.",
                        "Call from {other} about {c}; {concern_s} discussed.",
                        "Spoke with {other} re {concern}.",
                    ),
                    (
                        "Agreed to share information.",
                        "Will update after next visit.",
                        "Consent to share confirmed.",
                    ),
                    ("T/C {other} re {concern_s}", "Tel from {other} - {concern_s}"),
                )
            }
        },
        "csc_internal": {
            "actor": {
                CSC: T(
                    ("Supervision", "Management decision", "Case note", "Assessment"),
                    (
                        "Case discussed in supervision with TM: {sup}.",
                        "Management oversight: {sup}.",
                        "{sup_cap}.",
                    ),
                    (
                        "Actions set for the next 4 weeks.",
                        "Rationale recorded.",
                        "Drift noted by the team manager.",
                    ),
                    ("Supervision - {sup}", "Mgmt decision: {sup}"),
                )
            }
        },
        "period_summary": {
            "summary": {
                ANY: T(
                    ("Summary", "Period summary"),
                    (
                        "During this period {n} contacts were offered; {k} were missed.",
                        "Summary of involvement over this period: {n} sessions, {k} not attended.",
                    ),
                    ("No new concerns were raised in this time.", "Engagement was inconsistent."),
                    ("Summary: {n} contacts, {k} DNA/WNB", "{n} sessions ({k} missed)"),
                )
            }
        },
    }
)

SUPERVISION = (
    "case allocated to a new social worker",
    "child and family assessment completed; recommend CIN",
    "decision to hold a strategy discussion",
    "case to step down to Early Help",
    "PLO legal planning meeting to be requested",
    "assessment extended beyond 45 days",
)
HV_WHAT = (
    ("{c} seen, home conditions adequate", "seen, home ok"),
    ("no answer, card left", "no access - card left"),
    ("{m} refused entry at the door", "refused entry"),
    ("{c} seen with {sib}; {m} reported {p} has moved back in", "seen, P back in home"),
    ("home conditions very poor, dog faeces on the floor", "poor home conditions"),
)
