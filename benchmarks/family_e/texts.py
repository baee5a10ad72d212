"""Family E's phrasebook: what each agency writes about each kind of event.

TEXT[kind] holds `gist` (a neutral phrase a notification quotes), `n` (an agency's
narrative opening sentence; "*" for any agency), `s` (its one-line entry) and `d`
(detail sentences any recorder may add). Facts ({what}, {comp}, ...) come from
phrases.FACTS so every agency recording one event tells the same story in its own words.
"""

from __future__ import annotations

from .kinds import AMB, CSC, DAS, EH, GP, HOS, HSG, HV, MH, POL, PRB, SCH, VS, YJ

TEXT: dict[str, dict] = {
    "da_incident": {
        "gist": ("domestic incident at the home address: {what}", "DA incident ({what})"),
        "n": {
            POL: (
                "Call to police at {t} reporting {what} at {addr}.",
                "Officers attended {addr} following a 999 call from {M} reporting {what}.",
                "Domestic incident: {M} reports {what} by {P}.",
                "Third party call from a neighbour at {t}: shouting and banging at {addr}.",
                "Officers deployed to a domestic at {addr}; {M} disclosed {what}.",
            ),
        },
        "s": {
            POL: ("DA @ {addr}. {what}. DASH {dash}. {P} {arrest}.", "Dom inc - {what} - {kids}")
        },
        "d": (
            "{C} was {kids}.",
            "{P} {arrest}.",
            "DASH completed with {M}: {dash} risk.",
            "{M} had {injury}.",
            "{M} did not support a prosecution at this time.",
            "Neighbours reported shouting for about an hour before the call.",
        ),
    },
    "idva_call": {
        "gist": ("contact from the IDVA", "IDVA support call"),
        "n": {
            DAS: (
                "Telephone call with {M} to review the safety plan.",
                "IDVA {idva} spoke to {M} by phone following the recent police call-out.",
                "Outreach call to {M}; she was able to talk safely as {P} was out.",
            ),
        },
        "s": {DAS: ("T/C to client - safety plan r/v", "Call w/ {M}: support re {P}")},
        "d": (
            "{M} said {P} has been texting her repeatedly.",
            "Discussed the option of a non-molestation order.",
            "Sanctuary scheme referral offered; {M} to think about it.",
            "{M} feels the children are affected by the arguments.",
        ),
    },
    "bail_check": {
        "gist": ("{P} bail conditions", "bail check on {P}"),
        "n": {
            POL: (
                "Bail check at {addr}: {P} not present at the time of the visit.",
                "Officers conducted a bail compliance check; {P} found at the address.",
            ),
        },
        "s": {POL: ("Bail chk {addr} - {P} present, breach", "Bail compliance visit, no breach")},
        "d": (
            "Conditions are not to contact {M} or attend {addr}.",
            "{M} said she let him in to see the children.",
            "Breach reported to the OIC.",
        ),
    },
    "probation_appt": {
        "gist": ("probation supervision of {P}",),
        "n": {
            PRB: (
                "Supervision appointment with {P}.",
                "{P} reported as instructed; discussed his current relationship.",
                "Office appointment: {P} attended late.",
            ),
        },
        "s": {PRB: ("Supervision - {P} attended", "Appt kept, relationship disclosure discussed")},
        "d": (
            "{P} disclosed he is staying most nights at {addr}.",
            "Domestic abuse enquiry made with police.",
            "Relationship work to start next month.",
        ),
    },
    "marac": {
        "gist": ("MARAC", "the MARAC meeting"),
        "n": {
            "*": (
                "Case heard at MARAC.",
                "{M} discussed at the MARAC today as a high-risk case.",
                "Attended MARAC where the recent incidents involving {P} were shared.",
            ),
        },
        "s": {"*": ("MARAC - case heard, actions agreed", "MARAC mtg: {M}, high risk")},
        "d": (
            "Actions agreed: flag on the address, IDVA to continue support.",
            "Information shared about {P}'s previous relationships.",
            "Housing to consider a management move.",
        ),
    },
    "home_visit": {
        "gist": ("home visit",),
        "n": {
            CSC: (
                "Home visit to {addr}.",
                "Statutory visit completed; {C} seen alone in the bedroom.",
                "Visited the family home; Mum and {C} present.",
                "Planned CIN visit. {M} answered the door after several knocks.",
                "Visit to see {C} as per the plan; {P} was in the front room.",
                "Home visit completed. Spoke with {C} in the kitchen away from Mum.",
            ),
            EH: ("Joint home visit with the SW.", "Attended the home alongside the allocated SW."),
            HV: ("Joint visit with the social worker to see {S}.",),
        },
        "s": {"*": ("HV {addr} - {C} seen, {state}", "Home visit: {state}")},
        "d": (
            "The {state}.",
            "{C} said school was 'alright' and he likes his teacher.",
            "Mum said money has been tight since the benefits were stopped.",
            "Bedroom had a mattress on the floor with no bedding.",
            "Mum agreed to attend the food bank on Friday.",
            "The washing machine is still broken and clothes were piled in the hall.",
            "{C} showed me his room; he said he shares the bed with his brother.",
            "Mum declined to let me see upstairs, saying it was 'a mess'.",
        ),
    },
    "no_access": {
        "gist": ("no access visit",),
        "n": {
            CSC: (
                "Unannounced visit to {addr}: no answer.",
                "Attempted home visit, no access. Curtains closed; a card was left.",
            ),
        },
        "s": {CSC: ("NAV - card left", "Unannounced HV, no reply")},
        "d": (
            "A neighbour said she had seen Mum earlier that morning.",
            "Text message sent to Mum asking her to make contact.",
            "Will try again later in the week.",
        ),
    },
    "hv_no_access": {
        "gist": ("HV no access visit",),
        "n": {HV: ("Planned contact: no access.", "Visited for the development review; no reply.")},
        "s": {HV: ("NA visit, card left", "No access - 2nd attempt")},
        "d": ("Letter sent offering a clinic appointment.", "GP informed of no access."),
    },
    "school_concern": {
        "gist": ("concern raised by school: {C} {what}",),
        "n": {
            SCH: (
                "{C} {what}.",
                "Class teacher reported to the DSL that {C} {what}.",
                "Concern logged: {C} {what}.",
                "TA noticed at lunchtime that {C} {what}.",
                "Reported to the safeguarding team by the class teacher: {C} {what}.",
            ),
        },
        "s": {SCH: ("Welfare concern - {what}", "{C} {what}; DSL inf")},
        "d": (
            "Breakfast club place offered.",
            "{C} said 'mum was asleep so I got myself ready'.",
            "Spare uniform given from the school stock.",
            "This is the third concern of this type this half term.",
        ),
    },
    "absence_call": {
        "gist": ("first day absence call",),
        "n": {
            SCH: (
                "{C} absent today; first day call made to Mum at {t}.",
                "{C} not in school. Attendance officer rang Mum twice with no answer.",
                "No reason given for {C}'s absence; text sent to Mum at {t}.",
                "{C} marked absent (code O); first day calling, message left.",
            ),
        },
        "s": {SCH: ("Abs - 1st day call, no reply", "Absent, M said ill ({pct}% att)")},
        "d": (
            "Attendance for the year is now {pct}%.",
            "Mum later texted to say {C} had a sore throat.",
            "No reason given for the absence.",
        ),
    },
    "attendance_meeting": {
        "gist": ("attendance meeting",),
        "n": {
            "*": (
                "Attendance support meeting held in school with Mum.",
                "Meeting in school about {C}'s attendance ({pct}%).",
            ),
        },
        "s": {"*": ("Att mtg - {pct}%, plan agreed", "Attendance panel meeting")},
        "d": (
            "Parenting contract discussed.",
            "Mum said {C} is anxious about coming in.",
            "A part-time timetable was not agreed.",
        ),
    },
    "school_referral": {
        "gist": ("referral from school",),
        "n": {
            SCH: ("DSL made a referral to the MASH about {C}.", "Referral to children's services."),
            CSC: (
                "Contact received from {school} regarding {C}.",
                "Referral from the school DSL received into the front door.",
            ),
        },
        "s": {SCH: ("Referral to MASH", "Ref to CSC made by DSL"), CSC: ("Contact from sch",)},
        "d": (
            "Concerns are cumulative neglect and poor attendance.",
            "Mum is aware of the referral.",
            "Threshold discussion with the duty manager.",
        ),
    },
    "eh_session": {
        "gist": ("early help session",),
        "n": {EH: ("Family support session at home.", "Key work session with Mum at the centre.")},
        "s": {EH: ("FSW session - routines", "EH visit, bedtime routine work")},
        "d": ("Worked on morning routines.", "Mum engaged well today.", "Budget planner started."),
    },
    "foodbank": {
        "gist": ("food bank voucher",),
        "n": {VS: ("Food parcel collected by Mum.", "Mum attended the community pantry.")},
        "s": {VS: ("Food parcel given", "Pantry visit")},
        "d": ("Mum said this was the third week without gas credit.",),
    },
    "gp_appt": {
        "gist": ("GP appointment",),
        "n": {
            GP: (
                "{C} seen with {M} for {comp}.",
                "Face-to-face appointment for {C}: {comp}.",
                "Telephone consultation with {M} about {C}: {comp}.",
                "{C} brought by {M} for {comp}; seen by the practice nurse first.",
                "Urgent same-day appointment for {C}, {comp}.",
            ),
        },
        "s": {GP: ("{C}: {comp} - seen w/ mum", "Appt ({C}): {comp}")},
        "d": ("Examined, no concerns noted.", "Advised to return if not improving."),
    },
    "sn_contact": {
        "gist": ("school nurse contact",),
        "n": {"*": ("School nurse drop-in with {C}.", "School nurse saw {C} in school.")},
        "s": {"*": ("SN drop-in", "SN review: weight")},
        "d": ("Weight below the 2nd centile.", "Head lice treatment given to Mum."),
    },
    "antenatal": {
        "gist": ("antenatal appointment",),
        "n": {"*": ("Antenatal appointment with {M}.", "Booking appointment; {M} attended alone.")},
        "s": {"*": ("AN appt", "Booking - attended")},
        "d": ("Routine enquiry about domestic abuse made.", "{M} declined the flu vaccine."),
    },
    "new_birth_visit": {
        "gist": ("new birth visit",),
        "n": {HV: ("New birth visit to {S}.", "Primary birth visit at home.")},
        "s": {HV: ("NBV - {S}", "New birth contact")},
        "d": ("Safe sleep advice given.", "Mum's EPDS score 14.", "Feeding well."),
    },
    "hv_review": {
        "gist": ("HV review",),
        "n": {
            HV: (
                "Development review for {S}.",
                "Clinic contact: {S} weighed.",
                "Home contact to review {S}'s feeding and weight.",
                "Targeted visit as agreed at the core group; {S} seen awake.",
            )
        },
        "s": {HV: ("Dev r/v - {S}", "Clinic wt")},
        "d": ("Growth along the 25th centile.", "Mum looked tired and flat.", "Home noisy."),
    },
    "ey_session": {
        "gist": ("nursery",),
        "n": {"*": ("{C} collected late from nursery.", "Nursery: {C} arrived without a nappy.")},
        "s": {"*": ("Late collection", "Arrived hungry")},
        "d": ("Manager spoke to Mum at the door.",),
    },
    "injury_episode": {
        "gist": ("ED attendance with {comp}", "{S} to A&E with {comp}"),
        "n": {
            AMB: (
                "999 call at {t}: {S} with {comp}.",
                "Crew attended {addr} to an infant with {comp}.",
            ),
            HOS: (
                "{S} brought to ED at {t} with {comp}.",
                "Attended the paediatric ED with {comp}.",
                "ED attendance: {comp}; explanation given was that {S} {why}.",
            ),
        },
        "s": {
            AMB: ("999 - infant, {comp}, conv to ED", "Call {t}: {comp}"),
            HOS: ("ED att {t} - {comp}", "PED: {comp}"),
        },
        "d": (
            "Mum said {S} {why}.",
            "The history was inconsistent with the injury.",
            "{P} was present and answered most questions.",
        ),
    },
    "hospital_referral": {
        "gist": ("safeguarding referral from ED",),
        "n": {
            HOS: ("Safeguarding referral made to the MASH regarding {S}.",),
            CSC: ("Referral received from the hospital about {S} ({comp}).",),
        },
        "s": {HOS: ("Ref to MASH re injury",), CSC: ("Contact from ED re {S}",)},
        "d": ("Referrer concerned about {comp}.", "Child to stay on the ward pending checks."),
    },
    "strategy": {
        "gist": ("strategy discussion",),
        "n": {
            "*": (
                "Strategy discussion held.",
                "Strategy meeting: threshold for s47 enquiries met.",
                "Took part in a strategy discussion by video call.",
            ),
        },
        "s": {"*": ("Strat - s47 agreed", "Strategy disc: s47, joint")},
        "d": (
            "Decision: single agency s47 led by CSC.",
            "Police to consider a criminal investigation.",
        ),
    },
    "s47_visit": {
        "gist": ("s47 visit",),
        "n": {
            CSC: ("Joint s47 visit with police to {addr}.", "s47 home visit, children seen."),
            POL: ("Joint visit with SW as part of s47 enquiries.", "Officers attended with CSC."),
        },
        "s": {"*": ("s47 visit - joint", "Jt visit w/ SW")},
        "d": ("Both children seen and spoken with.", "Mum agreed to a safety plan."),
    },
    "cp_medical": {
        "gist": ("child protection medical",),
        "n": {
            HOS: ("Child protection medical completed by the consultant paediatrician.",),
            CSC: ("Attended the CP medical for {S}.",),
        },
        "s": {"*": ("CP medical", "CP med - findings")},
        "d": ("Skeletal survey requested.", "Findings consistent with a non-accidental injury."),
    },
    "prof_call": {
        "gist": ("call between professionals",),
        "n": {
            "*": (
                "Telephone call with {other} about {topic}.",
                "Spoke to {other} by phone regarding {topic}.",
                "Call from {other} to discuss {topic}.",
                "Returned a call from {other} about {topic}.",
                "Rang {other}; discussed {topic}.",
            ),
        },
        "s": {"*": ("T/C w/ {other} re {topic}", "Call {other} - {topic}")},
        "d": ("Agreed to keep each other updated.", "Information shared with consent."),
    },
    "cmht_appt": {
        "gist": ("CMHT appointment",),
        "n": {
            MH: (
                "Appointment with {M}.",
                "Home visit to {M} by the CPN.",
                "Outpatient review.",
                "Depot given; {M} spoke about sleeping poorly since the move.",
                "Telephone review with {M} as she could not get to clinic.",
            )
        },
        "s": {MH: ("CPN visit", "OPA: mood low")},
        "d": (
            "Mood described as 'up and down'.",
            "Medication adherence poor.",
            "No thoughts of harm.",
        ),
    },
    "gp_mum": {
        "gist": ("GP review of mother",),
        "n": {GP: ("Review of {M}'s low mood.", "Medication review with {M}.")},
        "s": {GP: ("Mood r/v - sertraline", "Meds review")},
        "d": ("Asked about the children: she said they are fine.", "Fit note issued."),
    },
    "sms_appt": {
        "gist": ("substance misuse appointment",),
        "n": {"*": ("Key work session with {M}.", "{M} attended for a script review.")},
        "s": {"*": ("Keywork", "Script r/v")},
        "d": ("Reports using cannabis most evenings.", "Alcohol use increased at weekends."),
    },
    "overdose_episode": {
        "gist": ("{M} taken to hospital after {comp}",),
        "n": {
            AMB: ("999 call: {M} with {comp}.", "Crew attended {addr}; adult female, {comp}."),
            HOS: ("{M} brought in by ambulance with {comp}.", "ED attendance: {comp}."),
            POL: ("Police attended with ambulance to {addr}: {comp}.",),
        },
        "s": {"*": ("{comp} - conv ED", "ED: {comp}")},
        "d": ("The children were left with {carer}.", "Psychiatric liaison review requested."),
    },
    "welfare_check": {
        "gist": ("concern for welfare of {M}",),
        "n": {POL: ("Concern for welfare call: {M} not answering.", "Welfare check at {addr}.")},
        "s": {POL: ("CFW - {M} found safe", "Welfare check @ {addr}")},
        "d": ("{M} intoxicated but safe.", "Children present and asleep."),
    },
    "prof_call_mh": {
        "gist": ("call between CPN and SW",),
        "n": {
            MH: ("Telephone call with the SW about {M}.", "Call to CSC to share risk information."),
            CSC: ("T/C from CPN {cpn} about Mum's mental health.", "Call with Mum's CPN."),
        },
        "s": {"*": ("T/C CPN/SW", "Call re mum's MH")},
        "d": ("Agreed to share the care plan.",),
    },
    "missing": {
        "gist": ("{C} reported missing, {found}",),
        "n": {
            POL: (
                "{C} reported missing by {M} at {t}.",
                "Missing person report: {C} did not return home.",
                "{M} rang at {t} to say {C} had not come back from school.",
                "Missing episode: {C} last seen leaving the house at lunchtime.",
            ),
        },
        "s": {POL: ("MFH - {C}, {found}", "Missing: {found}")},
        "d": ("{C} was {found}.", "Missing for about {hours} hours.", "Risk graded medium."),
    },
    "rhi": {
        "gist": ("return home interview",),
        "n": {"*": ("Return home interview with {C}.", "RHI completed at school.")},
        "s": {"*": ("RHI done", "RHI - declined to talk")},
        "d": ("{C} would not say where he had been.", "Mentioned new 'friends' from {town2}."),
    },
    "exploitation_meeting": {
        "gist": ("exploitation risk meeting",),
        "n": {"*": ("Child exploitation risk meeting.", "Multi-agency exploitation meeting.")},
        "s": {"*": ("CE mtg", "Exploitation mtg")},
        "d": ("Risk assessed as significant.", "Disruption plan agreed."),
    },
    "exclusion": {
        "gist": ("fixed-term exclusion",),
        "n": {SCH: ("{C} excluded for 3 days.", "Suspension after a fight in the yard.")},
        "s": {SCH: ("FTE 3 days", "Suspension")},
        "d": ("Mum was called to collect {C}.",),
    },
    "yj_session": {
        "gist": ("YJ session",),
        "n": {YJ: ("Session with {C}.", "Home visit to {C}.")},
        "s": {YJ: ("YJ session", "Visit")},
        "d": ("{C} engaged for 20 minutes.",),
    },
    "camhs_appt": {
        "gist": ("CAMHS appointment",),
        "n": {MH: ("CAMHS appointment with {C}.", "Choice appointment.")},
        "s": {MH: ("CAMHS appt", "Choice appt")},
        "d": ("Low mood and poor sleep.",),
    },
    "intox_episode": {
        "gist": ("{C} to ED, {comp}",),
        "n": {
            AMB: ("999 call: teenager {comp}.",),
            HOS: ("{C} brought to ED at {t}, {comp}.",),
            POL: ("Police attended: {C} {comp}.",),
        },
        "s": {"*": ("{comp} - ED", "ED: {comp}")},
        "d": ("{C} was with two older males.", "Discharged to Mum in the early hours."),
    },
    "stop_check": {
        "gist": ("{C} stopped by police",),
        "n": {POL: ("{C} stopped with older males in {town2}.", "Stop check on {C}.")},
        "s": {POL: ("Stop chk - {C}", "Stop/search")},
        "d": ("Cash found on him.", "Taken home."),
    },
    "housing_visit": {
        "gist": ("housing visit",),
        "n": {HSG: ("Tenancy visit to {addr}.", "Visit about rent arrears.")},
        "s": {HSG: ("Tenancy visit", "Arrears visit")},
        "d": ("Arrears now over £1,200.", "Property in poor condition."),
    },
    "eviction_letter": {
        "gist": ("notice seeking possession from housing",),
        "n": {HSG: ("Notice seeking possession served.", "NOSP letter sent to the tenant.")},
        "s": {HSG: ("NOSP served", "NOSP sent")},
        "d": ("Court date to follow.",),
    },
    "homeless_app": {
        "gist": ("homelessness application",),
        "n": {"*": ("Homelessness assessment with {M}.", "Homeless application taken.")},
        "s": {"*": ("Homeless app", "Homeless ax")},
        "d": ("Offered temporary accommodation in {town2}.",),
    },
    "transfer_in": {
        "gist": ("transfer-in conference",),
        "n": {"*": ("Transfer-in conference from the previous authority.",)},
        "s": {"*": ("Transfer-in conf",)},
        "d": ("Family now living at {addr2}.",),
    },
    "school_move": {
        "gist": ("{C} taken off roll",),
        "n": {SCH: ("{C} removed from roll: family moved to {town2}.",)},
        "s": {SCH: ("Off roll - moved",)},
        "d": ("CME referral made.",),
    },
    "gp_registration": {
        "gist": ("GP registration",),
        "n": {GP: ("New patient registration for {C}.",)},
        "s": {GP: ("New reg",)},
        "d": ("Previous records requested.",),
    },
    "closure_letter": {
        "gist": ("case closure letter",),
        "n": {CSC: ("Case closed to CSC; closure letter sent.", "Letter sent: step down to EH.")},
        "s": {CSC: ("Closure letter sent", "Step down letter")},
        "d": ("Family to be supported by early help.",),
    },
    "icpc": {
        "gist": ("initial child protection conference",),
        "d": (
            "Plan: {C} to be made subject to a child protection plan.",
            "Mum accepted the concerns about the home conditions.",
            "Parents shared the strengths they see in the family.",
        ),
    },
    "rcpc": {
        "gist": ("review conference",),
        "d": ("Progress against the plan was mixed.", "Attendance has improved since the ICPC."),
    },
    "core_group": {
        "gist": ("core group",),
        "d": ("Written agreement reviewed.", "Mum did not attend; the meeting went ahead."),
    },
    "cin_meeting": {
        "gist": ("CIN review",),
        "d": ("CIN plan reviewed with Mum.", "Agreed to consider step down at the next review."),
    },
}

# Meetings as each agency names them ("*" any agency).
MEETING_NAME = {
    "icpc": {
        "*": ("ICPC", "initial child protection conference"),
        GP: ("child protection case conference", "initial case conference"),
        SCH: ("Initial Child Protection Conference",),
    },
    "rcpc": {"*": ("RCPC", "review conference", "review child protection conference")},
    "core_group": {"*": ("core group", "core group meeting", "CG")},
    "cin_meeting": {"*": ("CIN meeting", "child in need review")},
    "strategy": {"*": ("strategy discussion", "strat meeting")},
    "marac": {"*": ("MARAC",)},
    "attendance_meeting": {"*": ("attendance meeting",)},
    "exploitation_meeting": {"*": ("exploitation meeting", "CE risk meeting")},
    "transfer_in": {"*": ("transfer-in conference",)},
}

MEETING_OPEN = {
    "*": (
        "Attended the {meet} for {C}.",
        "{meet} held today.",
        "{meet} took place; {outcome}.",
    ),
    CSC: ("{meet} chaired by the IRO.", "{meet} held at the civic offices.", "{meet} today."),
    POL: ("Attended the {meet} by phone.", "PPU representation at the {meet}."),
    GP: ("Dr {gp} unable to attend the {meet}; report sent.", "Attended the {meet}."),
    SCH: ("DSL attended the {meet} for {C}.", "{meet} held in school.", "DDSL at the {meet}."),
    HV: ("HV attended the {meet}.", "{meet}: HV gave an update on {S}."),
    MH: ("Attended the {meet} to share Mum's care plan.", "CPN contributed to the {meet}."),
    DAS: ("IDVA attended the {meet} for the client.", "Represented the client at the {meet}."),
    HOS: ("Named nurse attended the {meet}.",),
    EH: ("Family support worker attended the {meet}.",),
}
MEETING_SHORT = {"*": ("{meet} - {outcome}", "Att {meet}", "{meet}: {outcome}")}
MEETING_DETAIL = (
    "Outcome: {outcome}.",
    "{M} attended with an advocate.",
    "{P} did not attend.",
    "Next review set.",
    "Concerns discussed were home conditions, attendance and the adults' relationship.",
)
OUTCOMES = {
    "icpc": ("child protection plan under neglect", "CP plan, category emotional abuse"),
    "rcpc": ("plan to continue", "stepped down to CIN", "plan continues under neglect"),
    "core_group": ("plan reviewed", "actions updated"),
    "cin_meeting": ("CIN plan to continue", "case to close to EH"),
    "strategy": ("s47 enquiries to begin", "joint investigation agreed"),
    "marac": ("actions agreed", "high risk confirmed"),
    "attendance_meeting": ("support plan agreed",),
    "exploitation_meeting": ("disruption plan agreed",),
    "transfer_in": ("plan continues in the new authority",),
}

FOLLOW = {
    "report": {
        "P": (
            "Report for the {meet} written and sent to the chair.",
            "{meet} report submitted to CSC.",
            "Completed the agency report for the forthcoming {meet}.",
        ),
        "N": ("Report for the {meet} received from {src}.",),
        "s": ("Rpt for {meet} sent", "{meet} report done"),
    },
    "minutes": {
        "P": ("Minutes of the {meet} circulated to the professionals.",),
        "N": (
            "Minutes of the {meet} held on {mdate} received and filed.",
            "Copy of the {meet} minutes received by secure email.",
            "{meet} minutes received: {outcome}.",
        ),
        "s": ("{meet} mins rec'd", "Mins of {meet} ({mdate}) filed"),
    },
    "outcome_letter": {
        "P": ("Outcome letter sent to parents and professionals after the {meet}.",),
        "N": (
            "Letter from CSC: outcome of the {meet} on {mdate} - {outcome}.",
            "Letter received confirming {outcome} following the {meet}.",
        ),
        "s": ("Outcome ltr re {meet}", "Ltr: {outcome}"),
    },
    "minutes_chased": {
        "P": ("Minutes of the {meet} on {mdate} not yet received; emailed CSC to chase.",),
        "N": ("Chased the {meet} minutes.",),
        "s": ("{meet} mins chased",),
    },
}

# A notification's opening, by (receiving agency, what it is): "police" (a PPN or a police
# call), "hospital" (ED / ambulance), "encompass" (DA, to the school), "letter" (others).
NOTE_WRAP = {
    (CSC, "police"): (
        "PPN received from {src} re {gist} on {inc}.",
        "Notification from {src}: {gist} ({inc}).",
        "MASH: police notification about {gist} {inc}.",
    ),
    (CSC, "hospital"): (
        "Notification from {src}: {gist} on {inc}.",
        "Email from the hospital safeguarding team re {gist} ({inc}).",
    ),
    (CSC, "letter"): (
        "Letter received from {src} re {gist} ({inc}).",
        "Information received from {src} about {gist} {inc}.",
    ),
    (SCH, "encompass"): (
        "Operation Encompass call: {gist} {inc}.",
        "Encompass notification received: {gist}, {inc}.",
        "Op Encompass - police rang before registration re {gist} ({inc}).",
    ),
    (SCH, "*"): (
        "Email from {src} re {gist} ({inc}).",
        "Phone call from {src} to let school know of {gist} {inc}.",
    ),
    (GP, "hospital"): (
        "Discharge summary received: {gist} on {inc}.",
        "ED attendance letter scanned: {gist}, {inc}.",
    ),
    (GP, "*"): (
        "Letter received from {src}: {gist}, {inc}.",
        "Notification from {src} scanned: {gist} {inc}.",
    ),
    (HV, "*"): (
        "Notification from {src} re {gist} on {inc}.",
        "Liaison form received: {gist} {inc}.",
    ),
    ("*", "*"): (
        "Notification received from {src}: {gist} on {inc}.",
        "Told by {src} of {gist} ({inc}).",
    ),
}
NOTE_SHORT = {
    (CSC, "police"): ("PPN rec'd re {gist} {inc}", "Notif from {src}: {gist} {inc}"),
    (SCH, "encompass"): ("Op Enc: {gist} {inc}", "Encompass - {gist} {inc}"),
    (GP, "hospital"): ("D/C summ: {gist} {inc}", "ED ltr - {gist} {inc}"),
    (GP, "*"): ("Ltr from {src} re {gist} {inc}",),
    ("*", "*"): ("Notif {src}: {gist} {inc}", "Info from {src} - {gist} {inc}"),
}
NOTE_DETAIL = (
    "Filed; no action required from us.",
    "Shared with the allocated worker.",
    "Added to the chronology.",
    "Discussed with the safeguarding lead.",
)

NOTE_KIND = {
    "*": (
        "Case note: file reviewed.",
        "Information logged.",
        "Record updated following discussion.",
    ),
    CSC: (
        "Supervision with TM: case reviewed and the plan's drift discussed.",
        "Duty call from Mum asking for help with a broken cooker.",
        "Section 17 payment agreed for food and gas.",
        "Text from Mum cancelling tomorrow's visit; rearranged.",
    ),
    POL: (
        "PNC checks completed on the household.",
        "Address visited, no reply.",
        "Intel received.",
    ),
    SCH: (
        "Mum came in to speak to the DSL about money worries.",
        "{C} upset in class after break and would not say why.",
        "{C} late again, arrived 09:40 without breakfast.",
        "Uniform voucher given to Mum.",
    ),
    GP: (
        "Repeat prescription requested by Mum.",
        "Practice safeguarding meeting: family discussed.",
        "Missed immunisation recall letter sent.",
    ),
    HOS: ("Safeguarding team reviewed the notes.", "Paediatric liaison review of ED attendances."),
    HV: ("Records transferred in.", "Telephone call with Mum to rebook.", "Immunisations due."),
    MH: ("Letter sent offering an appointment.", "DNA: no contact from Ms {surname}."),
    HSG: (
        "Repair reported: damp in the bedroom.",
        "Anti-social behaviour complaint from neighbour.",
    ),
    DAS: ("Text sent to client.", "Client did not answer the planned call."),
    PRB: ("Case file reviewed by the OM.",),
    EH: ("TAF plan reviewed.",),
}

# The case's nation: the same practice under other names (applied to every row's text).
# England's words are the phrasebook's own; the others rename them, longest first.
JURISDICTION = {
    "england": {},
    "wales": {
        "CIN meeting": "care and support plan review",
        "child in need review": "care and support review",
        "CIN plan": "care and support plan",
        "the MASH": "the IAA team",
        "MASH": "IAA",
        "front door": "IAA front door",
        "children's services": "children's services (IAA)",
    },
    "scotland": {
        "initial child protection conference": "child protection planning meeting",
        "Initial Child Protection Conference": "Child Protection Planning Meeting",
        "review child protection conference": "review CPPM",
        "strategy discussion": "IRD",
        "strat meeting": "IRD",
        "ICPC": "CPPM",
        "RCPC": "review CPPM",
        "s47 enquiries": "a child protection investigation",
        "s47": "CP investigation",
        "PPN": "concern report",
        "the MASH": "the duty team",
        "MASH": "duty",
        "CIN meeting": "child's plan meeting",
        "CIN plan": "child's plan",
    },
    "ni": {
        "initial child protection conference": "initial child protection case conference",
        "ICPC": "ICPCC",
        "RCPC": "RCPCC",
        "the MASH": "the Gateway team",
        "MASH": "Gateway",
        "CIN meeting": "family support meeting",
        "CIN plan": "family support plan",
        "CSC": "the Trust",
    },
}
