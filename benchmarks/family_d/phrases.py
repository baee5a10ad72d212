"""Family D's phrasebook: how each agency words its own contacts and the notifications it
receives. Slots ({c}, {m}, {on} ...) are filled by render.py. Written from general
knowledge of UK chronologies; nothing here is copied from a real record."""

from __future__ import annotations

# the words that change between the four nations
NATION = {
    "England": {
        "s47": "S47",
        "strat": "strategy discussion",
        "icpc": "ICPC",
        "rcpc": "RCPC",
        "ppn": "PPN",
        "mash": "MASH",
        "cin": "CIN meeting",
        "plan": "subject to CP plan",
        "pol": "police",
        "cg": "core group",
    },
    "Wales": {
        "s47": "S47",
        "strat": "strategy discussion",
        "icpc": "ICPC",
        "rcpc": "RCPC",
        "ppn": "Public Protection Notice",
        "mash": "IAA team",
        "cin": "care and support plan review",
        "plan": "placed on the CP register",
        "pol": "police",
        "cg": "core group",
    },
    "Scotland": {
        "s47": "CP investigation",
        "strat": "IRD",
        "icpc": "initial CPPM",
        "rcpc": "review CPPM",
        "ppn": "concern report (VPD)",
        "mash": "duty team",
        "cin": "child's plan meeting",
        "plan": "placed on CP register",
        "pol": "Police Scotland",
        "cg": "core group",
    },
    "Northern Ireland": {
        "s47": "Article 66 investigation",
        "strat": "strategy discussion",
        "icpc": "initial case conference",
        "rcpc": "review case conference",
        "ppn": "PSNI referral",
        "mash": "Gateway",
        "cin": "family support review",
        "plan": "placed on CP register",
        "pol": "PSNI",
        "cg": "core group",
    },
}

AGENCY_WORD = {
    "CSC": "CSC",
    "POL": "police",
    "HV": "HV",
    "SCH": "school",
    "GP": "GP",
    "HOS": "ED",
    "PRO": "probation",
    "HOU": "housing",
    "MH": "CMHT",
    "DAS": "IDVA service",
    "AMB": "ambulance",
    "MW": "midwife",
    "EH": "early help",
    "SMS": "drug and alcohol service",
    "SN": "school nurse",
    "EY": "nursery",
    "VS": "family support charity",
    "YJ": "YOT",
}

# kind -> agency (or "*") -> told -> templates. The first sentence of an entry.
T: dict[str, dict[str, dict[str, list[str]]]] = {
    "da": {
        "POL": {
            "P": [
                "DA incident at {addr}. Call from {caller} {at} reporting shouting and a female "
                "screaming. Officers attended.",
                "Domestic reported by {caller}: verbal argument between {m} and {p} escalated, "
                "{m} states she was pushed.",
                "DA - {M} v {P_full}. DASH {dash}. {kids_present}",
                "Attended home address following 999 call {at}. {p} had left prior to arrival. "
                "{m} tearful.",
                "Domestic incident, ref {ref}. DASH completed - {dash} risk. PPN submitted for "
                "the children.",
            ]
        },
        "CSC": {
            "N": [
                "{ppn} received from {pol} re DA incident {on} between {m} and {p}. DASH {dash}.",
                "Police notification received via {mash}: domestic incident at the family home "
                "{on}, children {kids_where}.",
                "Contact from {pol} ({ppn}) regarding a domestic {on}. {p} {arrest_words}.",
                "{mash} - DA notification re {cs}. Incident {on}, graded {dash} risk.",
            ]
        },
        "SCH": {
            "N": [
                "Operation Encompass notification received re {c}: police attended a DA incident "
                "at home {on}.",
                "OE call from police this morning - DA incident at home {on}. DSL informed, {c} "
                "to be monitored in class.",
                "Op Encompass: domestic at home address {on}. Key adult checked in with {c}, who "
                "appeared {mood}.",
            ]
        },
        "HV": {
            "N": [
                "DA notification received from {mash} re incident {on}. DASH {dash}. Plan to "
                "contact {m}.",
                "Received {ppn} info via safeguarding team - DA between {m} and {p} {on}, {c} "
                "present.",
            ]
        },
        "PRO": {
            "N": [
                "Police call-out info received: {p} involved in a domestic incident at {m}'s "
                "address {on}.",
                "DA call-out check returned one incident {on} (ref {ref}); {p} named as suspect. "
                "To discuss at next supervision.",
            ]
        },
        "DAS": {
            "N": [
                "IDVA referral received from {pol} following DA incident {on}, DASH {dash}. "
                "Attempted contact with {m}.",
                "High risk referral in - incident {on}. Tried to call {m} twice, no answer, text "
                "sent.",
            ]
        },
        "GP": {
            "N": [
                "Letter from police safeguarding unit: DA incident {on} involving {m}. Read code "
                "added.",
                "Correspondence received re domestic abuse incident {on} - {m} victim. Noted, "
                "alert added.",
            ]
        },
        "MH": {
            "N": [
                "Information received that police attended a DA incident at {m}'s home {on}. CPN "
                "to discuss at next visit."
            ]
        },
        "EY": {
            "N": [
                "Nursery informed by police (Op Encompass) of a domestic at home {on}. Key "
                "person to keep an eye on {c}."
            ]
        },
        "AMB": {
            "P": [
                "Called to {addr}, female assaulted by partner, police on scene. Minor facial "
                "injury, treated at scene.",
                "Attended with police - {m} c/o pain to arm after assault. Declined conveyance. "
                "Children present.",
            ]
        },
    },
    "referral": {
        "CSC": {
            "P": [
                "Contact received from {sender} by {how} raising concerns about {concern} for {c}.",
                "{mash} contact: {sender} concerned about {c} ({concern}). Checks requested from "
                "partner agencies.",
                "Referral from {sender} re {c} - {concern}. Passed to {mash} screening.",
            ]
        },
        "*": {
            "P": [
                "Referral made to {mash} by {how} re {c}: concerns about {concern}.",
                "Contacted children's services front door re {c} ({concern}). Referral form "
                "completed and sent.",
                "Safeguarding referral to CSC regarding {concern}. Spoke to duty worker, consent "
                "discussed with {m}.",
            ]
        },
    },
    "mash": {
        "CSC": {
            "P": [
                "{mash} decision: {mash_outcome}. Manager agreed rationale.",
                "Screening completed - outcome {mash_outcome}. Referrer to be informed.",
                "Threshold decision by TM: {mash_outcome}.",
            ]
        },
        "*": {
            "N": [
                "Outcome of referral received from {mash}: {mash_outcome}.",
                "Feedback from CSC on referral - {mash_outcome}.",
                "Letter from {mash} re their decision {on}: {mash_outcome}.",
            ]
        },
    },
    "strategy": {
        "CSC": {
            "P": [
                "{strat_cap} held with {pol} and health. Threshold for {s47} met, joint enquiry "
                "agreed.",
                "{strat_cap} - agreed single agency {s47} led by CSC. Police checks shared.",
                "Strat held by Teams. Agreed {s47} enquiries to progress; visit to see the "
                "children today.",
            ]
        },
        "POL": {
            "P": [
                "{strat_cap} with CSC. Police to share previous DA history; joint visit not "
                "required.",
                "Attended strategy meeting (PPU). Agreed {s47}, police to progress criminal "
                "investigation.",
            ]
        },
        "*": {
            "P": [
                "Took part in {strat} re {cs}. Health information shared. {s47} to proceed.",
                "{strat_cap} attended by phone. Shared attendance and welfare information.",
            ]
        },
    },
    "s47_visit": {
        "CSC": {
            "P": [
                "{s47} home visit. {cs} seen; {c} spoken to alone in bedroom. Home conditions "
                "{home}.",
                "Visit under {s47} with {m}. Explained the process; she was {m_mood}. Children "
                "{seen_words}.",
            ]
        },
        "POL": {
            "P": [
                "Joint visit with CSC under {s47}. {c} spoken to, ABE interview not required at "
                "this time."
            ]
        },
    },
    "icpc": {
        "CSC": {
            "P": [
                "{icpc} held - agreed {conf_decision}. Chair {chair}.",
                "Initial conference - {cs} {conf_decision}. First {cg} to be held within 10 "
                "working days.",
            ]
        },
        "*": {
            "P": [
                "Attended {icpc} for {cs}; conference agreed {conf_decision}.",
                "{icpc} attended by {w}. Report shared, agency view given. Children "
                "{conf_decision}.",
                "Attended initial conference. Voted for a plan under {category}.",
            ]
        },
    },
    "rcpc": {
        "CSC": {
            "P": [
                "{rcpc} held - agreed {conf_decision}.",
                "Review conference - agreed {conf_decision}. Chair noted limited progress on the "
                "plan.",
            ]
        },
        "*": {
            "P": [
                "Attended {rcpc}; conference agreed {conf_decision}.",
                "Review conference attended, update given on {c}. Agreed {conf_decision}.",
            ]
        },
    },
    "report": {
        "*": {
            "P": [
                "Report submitted for {meeting_word} on {meeting_date}.",
                "Conference report completed and sent to the chair ahead of the {meeting_word} "
                "({meeting_date}).",
                "Agency report for {meeting_word} due {meeting_date} written and shared with {m}.",
            ]
        }
    },
    "minutes": {
        "CSC": {"P": ["Minutes of the {meeting_word} held {meeting_on} circulated to the group."]},
        "*": {
            "N": [
                "Minutes received of the {meeting_word} held {meeting_on}.",
                "Received minutes from {meeting_word} ({meeting_date}). Actions for this agency "
                "noted.",
                "{meeting_word} minutes recieved and scanned to the record.",
            ]
        },
    },
    "outcome_letter": {
        "*": {
            "N": [
                "Letter received from the conference chair: {meeting_word} held {meeting_on}, "
                "outcome {conf_decision}.",
                "Outcome letter from {meeting_word} ({meeting_date}) received. Alert added to "
                "the record.",
            ]
        }
    },
    "chase": {
        "*": {
            "P": [
                "Emailed the conference administrator to chase the minutes of the {meeting_word} "
                "held {meeting_on}.",
                "Minutes from {meeting_word} ({meeting_date}) still not received - chased.",
            ]
        }
    },
    "core_group": {
        "CSC": {
            "P": [
                "{cg_cap} meeting. Plan reviewed; {m} attended with {p_or_f}.",
                "CG held at school. Progress against the plan discussed; actions updated.",
                "{cg_cap} - {m} did not attend. Professionals shared updates.",
            ]
        },
        "*": {
            "P": [
                "Attended {cg} meeting. Update given on {c}.",
                "CG mtg attended. Shared {update}.",
            ]
        },
    },
    "cin": {
        "CSC": {
            "P": [
                "{cin_cap} held. Plan reviewed, {m} engaging.",
                "{cin_cap} - agreed to continue for a further 3 months.",
            ]
        },
        "*": {
            "P": [
                "Attended {cin} for {cs}. Shared {update}.",
                "{cin_cap} attended; {c}'s attendance discussed.",
            ]
        },
    },
    "sw_visit": {
        "CSC": {
            "P": [
                "{announced_cap} home visit. {cs} {seen_words}. {home_cap}.",
                "Home visit by {w}. {c} {seen_words}; {m} was {m_mood}.",
                "Visit to {addr}. {visit_line}",
                "{purpose_cap}visit completed. {c} {seen_words}.",
            ]
        },
        "HV": {"P": ["Joint home visit with {sw}. {c} seen, weight and development discussed."]},
        "POL": {"P": ["Joint visit with CSC to {addr}. No concerns on arrival; {m} cooperative."]},
    },
    "hv_nbv": {
        "HV": {
            "P": [
                "New birth visit (NBV). {c} feeding well, weight {weight}kg. {m} reports she is "
                "{m_mood}.",
                "NBV completed at home. Safe sleep advice given. Partner {p} present.",
            ]
        }
    },
    "hv_68": {
        "HV": {
            "P": [
                "6-8 week review {wnb_words}. EPDS score {epds}.",
                "6/8 wk check. {c} smiling, weight on the 25th centile. EPDS {epds}.",
            ]
        }
    },
    "hv_1yr": {
        "HV": {
            "P": [
                "1 year review {wnb_words}. ASQ completed.",
                "12/12 review for {c}. Development within normal range.",
            ]
        }
    },
    "hv_2yr": {
        "HV": {
            "P": [
                "2-2.5 yr review {wnb_words}. Speech delay noted, referral to SALT.",
                "27 month review for {c}. ASQ-3 and ASQ-SE done.",
            ]
        }
    },
    "hv_visit": {
        "HV": {
            "P": [
                "Home visit. {c} seen, weight plotted on the {weight_centile} centile.",
                "Targeted HV visit - {m} {m_mood}. Home {home}.",
            ]
        }
    },
    "hv_clinic": {
        "HV": {
            "P": [
                "Seen in baby clinic. {c} weighed.",
                "Clinic attendance with {m}; weight {weight_centile} centile.",
            ]
        }
    },
    "hv_phone": {
        "HV": {
            "P": [
                "Tel call to {m} to arrange a visit. Discussed {c}'s sleep.",
                "T/C with {m} - reports {c} unsettled.",
            ]
        }
    },
    "hv_wnb": {
        "HV": {
            "P": [
                "Planned visit - no access. Card left.",
                "{c} WNB to clinic appointment. Letter sent to {m}.",
            ]
        },
        "GP": {
            "N": [
                "HV informs WNB for {c}'s review {on}.",
                "Message from HV team: {c} not brought {on}.",
            ]
        },
    },
    "birth": {
        "HOS": {
            "P": [
                "Delivery of {c} {at}, {weight}kg. Mother and baby well.",
                "Birth of baby {c}, live birth, SVD. Transferred to postnatal ward.",
            ]
        },
        "MW": {"P": ["{c} born {at}. Weight {weight}kg. Skin to skin, breastfeeding initiated."]},
        "HV": {
            "N": [
                "Birth notification received: {c} born {on}. NBV to be booked.",
                "Transfer of care from midwifery - baby {c} born {on}.",
            ]
        },
        "GP": {
            "N": [
                "Discharge summary from maternity: {c} born {on}. Registered with the practice.",
                "Birth notification received for {c} (born {on}).",
            ]
        },
    },
    "mw_booking": {
        "MW": {
            "P": [
                "Booking appointment. {m} reports DA in a previous relationship; routine enquiry "
                "done.",
                "Antenatal booking completed. Bloods taken, scan booked.",
            ]
        },
        "GP": {
            "N": [
                "Midwife booking letter received {on}. {m} pregnant, EDD noted.",
                "Antenatal booking info from maternity (booked {on}).",
            ]
        },
    },
    "mw_antenatal": {
        "MW": {
            "P": [
                "Antenatal appt at {weeks}/40{dna_words}.",
                "AN check {weeks} wks{dna_words}. BP normal.",
            ]
        }
    },
    "mw_postnatal": {
        "MW": {
            "P": [
                "Postnatal home visit. Baby {c} feeding well. {m} tired but coping.",
                "PN visit day {pn_day}: jaundice check, weight done.",
            ]
        }
    },
    "gp_f2f": {
        "GP": {
            "P": [
                "F2F with {who}: {reason}. Examined. {plan}.",
                "Seen in surgery ({who}) - {reason}. Safety netting advice.",
                "F2F consult: {who} c/o {reason}.",
            ]
        }
    },
    "gp_tel": {
        "GP": {
            "P": [
                "Tel consult with {who}: {reason}. Advice given.",
                "Telephone consultation - {reason}. Rx issued.",
                "T/C {who} re {reason}. To book F2F if no better.",
            ]
        }
    },
    "gp_wnb": {
        "GP": {
            "P": [
                "{who} {wnb} for appointment.",
                "WNB - {who} not brought to the practice nurse appointment. Letter to {m}.",
            ]
        },
        "HV": {
            "N": [
                "GP surgery notified WNB for {who} {on}.",
                "WNB notification from {surg}: {who} not brought {on}.",
            ]
        },
    },
    "gp_imms": {
        "GP": {
            "P": ["Childhood immunisations given to {who}.", "{who} attended for imms with {m}."]
        }
    },
    "ed": {
        "HOS": {
            "P": [
                "Attended ED {at} with {m}: {reason}. Triage cat 3.",
                "{who} brought to PED with {reason}. Seen by paeds registrar; safeguarding "
                "checklist completed.",
                "ED attendance ({reason}). Attended with {companion}. Discharged with advice.",
            ]
        },
        "GP": {
            "N": [
                "ED discharge letter: {who} attended {hosp} {on} with {reason}.",
                "A&E letter rec'd - attendance {on}, {reason}. No follow up.",
            ]
        },
        "HV": {
            "N": [
                "Liaison notification from {hosp} ED: {who} attended {on} with {reason}.",
                "Paediatric liaison form rec'd - {reason}, attendance {on}.",
            ]
        },
        "SN": {"N": ["ED attendance notification for {who} (attended {on}, {reason})."]},
        "CSC": {
            "N": [
                "Notification from hospital safeguarding team: {who} attended ED {on} with "
                "{reason}.",
                "ED safeguarding liaison re {who} - attendance {on} ({reason}).",
            ]
        },
        "MH": {
            "N": ["Liaison psychiatry informs {m} attended ED {on} ({reason}). CPN to follow up."]
        },
    },
    "amb": {
        "AMB": {
            "P": [
                "999 call {at}: {who}, {reason}. Crew attended, {conveyed_words}.",
                "Attended {addr} for {reason}. Patient {who}. {conveyed_cap}.",
            ]
        }
    },
    "sch_concern": {
        "SCH": {
            "P": [
                "CPOMS entry: {c} {what}. Logged to DSL.",
                "Concern logged by class teacher - {c} {what}. DSL aware.",
                "CPOMS - {c} {what} this morning. Breakfast provided.",
            ]
        }
    },
    "sch_absence": {
        "SCH": {
            "P": [
                "{c} absent, no reason given. First day call made, no answer.",
                "Absence - {c} not in school; {m} says ill.",
                "Unauthorised absence for {c}. EWO informed.",
            ]
        }
    },
    "sch_late": {
        "SCH": {
            "P": [
                "{c} arrived late (after registers closed) at 9.40.",
                "Late mark - {c} brought in by {p}.",
            ]
        }
    },
    "sch_call": {
        "SCH": {
            "P": [
                "Welfare call to {m} re {c}'s attendance.",
                "Phoned {m} to check on {c} - no answer, message left.",
            ]
        }
    },
    "sch_meeting": {
        "SCH": {
            "P": [
                "Meeting in school with {m} and DSL re {c}'s attendance and presentation.",
                "Parent meeting - attendance plan agreed for {c}.",
            ]
        },
        "EH": {"P": ["Attended school meeting with {m} re {c}'s attendance."]},
    },
    "sch_disclosure": {
        "SCH": {
            "P": [
                "{c} disclosed to TA that {p} hit her with a belt. DSL spoke to {c}, body map "
                "completed.",
                "Disclosure: {c} told her teacher she is scared when {p} shouts.",
            ]
        }
    },
    "pro_super": {
        "PRO": {
            "P": [
                "Supervision appointment with {p}. Discussed relationship with {m}.",
                "Office appointment - {p} attended on time; licence conditions reiterated.",
                "Supervision: {p} reports no contact with {m} (not verified).",
            ]
        }
    },
    "pro_homevisit": {
        "PRO": {
            "P": [
                "Home visit to {p}'s address. Female present, said to be a friend.",
                "HV (probation) completed - accommodation checked.",
            ]
        },
        "POL": {"P": ["Joint home visit with OM to {p}'s address."]},
    },
    "pro_review": {
        "PRO": {
            "P": [
                "OASys review completed. RSR {rsr}. Risk to known adult: high.",
                "RoSH review: risk to children medium, to partner high.",
            ]
        }
    },
    "pro_mappa": {
        "PRO": {"P": ["MAPPA level {level} meeting re {p}. Risk management plan reviewed."]},
        "POL": {"P": ["Attended MAPPA L{level} meeting re {P_full}."]},
        "CSC": {"P": ["SW attended MAPPA meeting re {p}; shared information about the children."]},
    },
    "pro_dna": {
        "PRO": {
            "P": [
                "{p} DNA supervision. Warning letter sent.",
                "Failed to attend - {p}. Enforcement considered.",
            ]
        }
    },
    "hou_arrears": {
        "HOU": {
            "P": [
                "Rent arrears of GBP {amount}. Letter sent to {m}.",
                "Arrears now {amount}; NOSP to be considered.",
            ]
        }
    },
    "hou_repair": {
        "HOU": {
            "P": [
                "Repairs visit: broken window and front door lock.",
                "Repair reported - boiler not working, emergency job raised.",
            ]
        }
    },
    "hou_damp": {
        "HOU": {
            "P": [
                "Damp and mould reported in the children's bedroom. Inspection booked.",
                "Surveyor visit: damp in 2 rooms, works order raised.",
            ]
        }
    },
    "hou_asb": {
        "HOU": {
            "P": [
                "ASB complaint from neighbour: shouting and banging late at night.",
                "Neighbour complaint (noise) logged against the tenancy.",
            ]
        }
    },
    "hou_visit": {
        "HOU": {
            "P": [
                "Tenancy audit visit. Property cluttered, {m} at home with {cs}.",
                "Tenancy visit - no access.",
            ]
        }
    },
    "hou_homeless": {
        "HOU": {
            "P": [
                "Homeless application taken from {m}. Temporary accommodation offered.",
                "{m} presented as homeless fleeing DA.",
            ]
        }
    },
    "mh_cpn": {
        "MH": {
            "P": [
                "CPN home visit to {m}. Mood low but no thoughts of harm.",
                "Seen by CPN. Medication compliance discussed.",
            ]
        }
    },
    "mh_opa": {
        "MH": {
            "P": [
                "Outpatient review with psychiatrist. Sertraline increased.",
                "OPA: {m} attended with her mother.",
            ]
        },
        "GP": {
            "N": [
                "Psychiatry clinic letter {on}: medication change for {m}.",
                "CMHT letter rec'd - clinic {on}.",
            ]
        },
    },
    "mh_crisis": {
        "MH": {
            "P": [
                "Crisis team assessment {at}. {m} reported thoughts of overdose; home treatment "
                "offered.",
                "CRHT assessment at home. Safety plan agreed.",
            ]
        },
        "GP": {
            "N": [
                "Crisis team letter - {m} assessed {on}. Please review.",
                "CRHT discharge letter re assessment {on}.",
            ]
        },
    },
    "mh_dna": {
        "MH": {
            "P": [
                "{m} DNA outpatient appointment. Letter sent offering another.",
                "DNA CPN appointment - no answer at the door.",
            ]
        },
        "GP": {
            "N": [
                "CMHT letter: {m} did not attend {on}. Discharged back to GP.",
                "DNA letter from mental health services re appointment {on}.",
            ]
        },
    },
    "das_call": {
        "DAS": {
            "P": [
                "IDVA call with {m}. Safety planning, she is considering a non-molestation order.",
                "Phone contact - {m} says {p} has been texting her.",
            ]
        }
    },
    "das_safety": {
        "DAS": {
            "P": [
                "Safety plan reviewed with {m} in person at the family centre.",
                "Outreach session with {m}; Clare's Law discussed.",
            ]
        }
    },
    "das_refuge": {
        "DAS": {
            "P": [
                "Refuge referral discussed; {m} declined.",
                "Refuge space offered out of area - {m} wants to stay near family.",
            ]
        }
    },
    "marac": {
        "DAS": {
            "P": [
                "Case heard at MARAC; agreed IDVA to continue support, police marker on address.",
                "MARAC - IDVA presented the case.",
            ]
        },
        "POL": {
            "P": [
                "MARAC meeting - case discussed, flag placed on address.",
                "Case heard at MARAC (repeat victim).",
            ]
        },
        "*": {
            "P": [
                "Attended MARAC re {m}. Information shared.",
                "Agency rep attended MARAC; actions noted.",
            ]
        },
    },
    "contact": {
        "CSC": {
            "P": [
                "Supervised contact with {f} at the family centre. Contact {went}.",
                "Contact session with {f} ({went}).",
            ]
        }
    },
    "call": {
        "*": {
            "P": [
                "T/C {dir} {other} re {topic}.",
                "Telephone discussion with {other} about {topic}.",
                "Email and phone call {dir} {other} - {topic}.",
            ]
        }
    },
    "eh": {
        "EH": {
            "P": [
                "TAF meeting held. Family plan reviewed.",
                "EH worker home visit; routines discussed with {m}.",
            ]
        },
        "*": {"P": ["Attended TAF meeting re {cs}.", "TAF mtg - school update given."]},
    },
    "sms": {
        "SMS": {
            "P": [
                "Key worker appointment with {who}. Drug screen offered.",
                "Recovery worker session - {who} reports reduced use.",
            ]
        }
    },
    "sn": {
        "SN": {
            "P": [
                "School nurse drop-in: {who} seen re headaches.",
                "Health assessment completed for {who}.",
            ]
        }
    },
    "ey": {
        "EY": {
            "P": [
                "{who} attended nursery hungry and tired. Key person logged it.",
                "Nursery absence - {who} not brought in.",
            ]
        }
    },
    "vs": {
        "VS": {
            "P": [
                "Food bank voucher given to {m}.",
                "Family support session with {m} at the centre.",
            ]
        }
    },
    "yj": {
        "YJ": {"P": ["YOT appointment with {who}.", "Referral order meeting with {who} and {m}."]}
    },
    "move": {
        "HOU": {
            "P": [
                "Tenancy signed for new address {addr}.",
                "Family moved into new property at {addr}.",
            ]
        },
        "*": {
            "N": [
                "Family moved to {addr} during this month.",
                "{m} informed us of change of address to {addr}.",
                "New address recorded: {addr}.",
            ]
        },
    },
}

# extra sentences for a narrative entry: by kind, then by agency
EXTRA_KIND = {
    "da": [
        "{arrest_line}",
        "The children were asleep upstairs at the time.",
        "{m} declined to make a statement.",
        "A DASH risk assessment was completed with {m}.",
        "This is the {nth} incident reported this year.",
        "Alcohol was a factor.",
    ],
    "referral": [
        "Consent to share was obtained.",
        "{m} is aware of the referral.",
        "Previous contacts were reviewed.",
    ],
    "mash": [
        "Checks were completed with health, police and education.",
        "The referrer will be informed of the outcome.",
    ],
    "strategy": [
        "Information was shared about previous incidents.",
        "Health to complete a medical if needed.",
    ],
    "sw_visit": [
        "The home was cluttered but warm.",
        "There was little food in the fridge.",
        "The children's rooms were seen.",
        "{m} spoke about financial worries.",
        "{p} was present and dominated the conversation.",
    ],
    "ed": [
        "Injury consistent with the explanation given.",
        "Safeguarding checklist completed.",
        "CP-IS checked.",
    ],
    "sch_concern": ["Breakfast club offered.", "DSL will monitor.", "Spare uniform provided."],
}
EXTRA_AGENCY = {
    "CSC": [
        "Case discussed with the team manager.",
        "Chronology updated.",
        "Next visit booked within 10 working days.",
        "{m} was advised to contact the duty team if worried.",
        "The plan was explained to {m}.",
    ],
    "POL": [
        "Intelligence checks completed.",
        "Body-worn video was recorded.",
        "Crime report raised.",
        "Words of advice given.",
    ],
    "HV": [
        "Advice given on routines and safe sleep.",
        "Weight plotted in the red book.",
        "Next contact planned in 4 weeks.",
        "{m} reports feeling low at times; EPDS to be repeated.",
    ],
    "SCH": [
        "Parents informed.",
        "Logged on CPOMS.",
        "Class teacher to monitor.",
        "Attendance is currently {att}%.",
    ],
    "GP": ["Safety netting advice given.", "Coded on the record.", "Review if worse."],
    "HOS": [
        "Observations within normal limits.",
        "Discharged home with parent.",
        "Paediatric liaison informed.",
    ],
    "PRO": ["Risk assessment updated.", "Case discussed with the SPO.", "Next appointment booked."],
    "HOU": ["Letter sent.", "Case noted on the housing system."],
    "MH": ["Care plan reviewed.", "Risk assessment updated.", "Next appointment in 2 weeks."],
    "DAS": ["Safety plan updated.", "Case recorded on the IDVA database."],
    "MW": ["Routine enquiry about DA completed.", "Next appointment booked."],
    "*": [
        "Record updated.",
        "No further action at this time.",
        "Information shared with the lead professional.",
    ],
}

OUTCOME = {
    "da": ["PPN submitted", "Crime recorded", "Words of advice", "Suspect arrested", "NFA"],
    "mash": ["NFA", "Passed to EH", "Allocated for assessment", "Strategy discussion"],
    "referral": ["Passed to screening", "Awaiting outcome"],
    "sw_visit": [
        "Next visit in 10 working days",
        "Plan shared with family",
        "Discuss in supervision",
    ],
    "gp_f2f": ["Review 2/52", "Rx", "Safety net", "Refer"],
    "gp_tel": ["Rx", "F2F if no better", "Advice"],
    "ed": ["Discharged", "Admitted to ward", "Referred to paeds"],
    "*": ["Noted", "Monitor", "Information shared", "Logged", "Actioned", "Filed"],
}

# each agency's word for the kind of contact, for a "Contact type" column
TYPE = {
    "POL": {
        "da": "Incident",
        "strategy": "Strategy",
        "pro_mappa": "MAPPA",
        "marac": "MARAC",
        "*": "Contact",
    },
    "CSC": {
        "referral": "Contact",
        "mash": "MASH decision",
        "strategy": "Strategy discussion",
        "s47_visit": "S47 visit",
        "sw_visit": "Home visit",
        "icpc": "ICPC",
        "rcpc": "RCPC",
        "core_group": "Core group",
        "cin": "CIN meeting",
        "contact": "Family time",
        "da": "Notification",
        "*": "Case note",
    },
    "HV": {
        "hv_nbv": "NBV",
        "hv_68": "6-8 week",
        "hv_1yr": "1 yr review",
        "hv_2yr": "2 yr review",
        "hv_visit": "Home visit",
        "hv_clinic": "Clinic",
        "hv_phone": "Telephone",
        "hv_wnb": "WNB",
        "*": "Liaison",
    },
    "GP": {
        "gp_f2f": "F2F",
        "gp_tel": "Tel consult",
        "gp_wnb": "WNB",
        "gp_imms": "Nurse",
        "*": "Correspondence",
    },
    "SCH": {
        "sch_concern": "CPOMS",
        "sch_absence": "Attendance",
        "sch_late": "Attendance",
        "da": "Op Encompass",
        "*": "Safeguarding",
    },
    "HOS": {"ed": "ED attendance", "birth": "Maternity", "*": "Safeguarding"},
    "*": {"*": "Contact"},
}

# short-form abbreviations some agencies use in the one-line style
ABBREV = [
    ("appointment", "appt"),
    ("meeting", "mtg"),
    ("received", "rec'd"),
    ("telephone", "tel"),
    ("information", "info"),
    ("mother", "mum"),
    ("regarding", "re"),
    ("with", "w/"),
]
