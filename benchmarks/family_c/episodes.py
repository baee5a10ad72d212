"""Family C episodes: what happens in a case, one episode at a time.

Each `ep_*` function adds one episode's events to the story (a domestic abuse call-out and
its notifications, a strategy discussion leading to s47 enquiries and conferences, a run of
home visits, a GP appointment not attended ...). TABLE says how often each episode starts
and which agency must be present for it.
"""

from __future__ import annotations

from datetime import date, time, timedelta

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
    Story,
    weekday,
    working_days,
)


def ep_da(st: Story, day: date) -> None:
    rng = st.rng
    at = st._time(17, 24) if rng.random() < 0.7 else st._time(0, 17)
    facts = {
        "ref": f"{rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)}/{day.year % 100:02d}",
        "dash": rng.choice(("standard", "standard", "medium", "medium", "high")),
        "caller": rng.choice(("mother", "neighbour", "child", "anonymous caller", "partner")),
        "arrest": rng.choice(("yes", "no", "no")),
        "injury": rng.choice(("none", "none", "bruising", "cut lip", "red marks to neck")),
        "who": rng.choice(("partner", "partner", "father")),
    }
    ev = st._new("da", day, at, st._kids(day), **facts)
    da_recorders(st, ev)
    if rng.random() < 0.12:  # a second call-out the same night: a look-alike
        later = time(min(23, at.hour + rng.randint(1, 4)), rng.choice((5, 25, 40)))
        ref2 = f"{rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)}/{day.year % 100:02d}"
        ev2 = st._new("da", day, later, ev.subjects, **dict(facts, ref=ref2))
        ev2.trap_of = ev.eid
        da_recorders(st, ev2, light=True)
    if facts["injury"] != "none" and rng.random() < 0.4:
        ep_ed(st, day + timedelta(days=rng.choice((0, 0, 1))), who="mother")
    if rng.random() < 0.15:  # a busy day: the SW visits the same afternoon
        visit = st._new(
            "home_visit", day, st._time(12, 19), ev.subjects, seen="seen", announced="unannounced"
        )
        st._rec(visit, CSC)
        st._rec(visit, POL, p=0.3)
    if rng.random() < 0.3:
        lag = 0 if facts["dash"] == "high" and rng.random() < 0.5 else rng.randint(1, 3)
        ep_strategy_chain(st, working_days(day, lag), cause="da")
    elif facts["dash"] == "high" and rng.random() < 0.6:
        ep_marac(st, day + timedelta(days=rng.randint(10, 30)))


def da_recorders(st: Story, ev: Event, light: bool = False) -> None:
    k = 0.5 if light else 1.0
    st._rec(ev, POL)
    st._notify(ev, CSC, 0.8 * k, 1, 6)
    if st._school_kids(ev.day):
        st._notify(ev, SCH, 0.75 * k, 1, 1)
    if st._under5(ev.day):
        st._notify(ev, HV, 0.55 * k, 2, 15)
    st._notify(ev, DAS, 0.35 * k, 2, 10)
    if st.partner_on_probation and ev.facts["who"] == "partner":
        st._notify(ev, PROB, 0.45 * k, 1, 8)
    st._notify(ev, GP, 0.2 * k, 5, 20)
    if st.rng.random() < 0.06:
        st._rec(ev, CSC, "D", st.rng.randint(1, 4))


def ep_strategy_chain(st: Story, day: date, cause: str = "referral") -> None:
    rng = st.rng
    day = weekday(day)
    strat = st._new("strategy", day, st._time(9, 17), st._kids(day), cause=cause)
    st._rec(strat, CSC)
    st._rec(strat, POL, p=0.85)
    health = rng.choice((HV, GP, HOSP)) if st._under5(day) else rng.choice((GP, HOSP, SCH))
    st._rec(strat, health, p=0.65)
    st._rec(strat, SCH, p=0.35 if health != SCH else 0)
    followups(st, strat, after=True)
    if rng.random() < 0.25:
        return
    s47 = st._new(
        "s47_visit",
        working_days(day, rng.randint(0, 3)),
        st._time(),
        st._some_kids(day),
        seen=rng.choice(("seen", "seen", "seen alone")),
    )
    st._rec(s47, CSC)
    st._rec(s47, POL, p=0.35)
    st._rec(s47, SCH, p=0.2 if st._school_kids(day) else 0)
    if rng.random() < 0.35:
        return
    conf = working_days(day, rng.randint(8, 15))
    conference(st, "icpc", conf)
    n_cg = rng.randint(2, 6)
    d = working_days(conf, rng.randint(5, 10))
    weekly = rng.random() < 0.3
    for i in range(n_cg):
        meeting(st, "core_group", d, trap_prev=i > 0)
        d = d + timedelta(days=7 if weekly else rng.randint(21, 42))
    conference(st, "rcpc", working_days(conf, rng.randint(60, 66)))


def conference(st: Story, kind: str, day: date) -> None:
    rng = st.rng
    ev = st._new(
        kind,
        weekday(day),
        st._time(9, 15),
        st._kids(day),
        outcome=rng.choice(
            (
                "CP plan - neglect",
                "CP plan - emotional abuse",
                "CP plan - physical abuse",
                "no plan - CIN",
                "plan continued",
                "plan ended - step down to CIN",
            )
        ),
    )
    for a, p in (
        (CSC, 1),
        (SCH, 0.75),
        (HV, 0.6),
        (GP, 0.45),
        (POL, 0.6),
        (PROB, 0.4),
        (HSG, 0.25),
        (MH, 0.2),
        (DAS, 0.3),
    ):
        if a == SCH and not st._school_kids(day):
            continue
        if a == HV and not st._under5(day):
            continue
        st._rec(ev, a, p=p)
    followups(st, ev, before=True, after=True)


def meeting(st: Story, kind: str, day: date, trap_prev: bool = False) -> None:
    day = weekday(day)
    prev = st._last.get(kind)
    ev = st._new(kind, day, st._time(9, 16), st._kids(day))
    st._last[kind] = ev
    st._rec(ev, CSC)
    st._rec(ev, SCH, p=0.65 if st._school_kids(day) else 0)
    st._rec(ev, HV, p=0.5 if st._under5(day) else 0)
    st._rec(ev, HSG, p=0.1)
    st._rec(ev, PROB, p=0.1)
    if trap_prev and prev is not None:
        ev.trap_of = prev.eid
    followups(st, ev, after=True)


def followups(st: Story, ev: Event, before: bool = False, after: bool = False) -> None:
    rng = st.rng
    attendees = [a for a, role, _ in ev.recorders if role == "P" and a != CSC]
    if before:
        for a in attendees:
            if rng.random() < 0.45:
                d = ev.day - timedelta(days=rng.randint(2, 6))
                f = st._new("report_submitted", d, None, ev.subjects, to=ev.kind)
                f.meeting = ev.eid
                st._rec(f, a)
                st._rec(f, CSC, "N", (weekday(d) - d).days, p=0.15)
    if after:
        for a in attendees:
            if rng.random() < 0.3:
                d = ev.day + timedelta(days=rng.randint(7, 42))
                f = st._new("minutes_received", d, None, ev.subjects, to=ev.kind)
                f.meeting = ev.eid
                st._rec(f, a)
        if ev.kind in ("strategy", "icpc", "rcpc", "cin_meeting") and rng.random() < 0.3:
            d = working_days(ev.day, rng.randint(1, 5))
            f = st._new("outcome_letter", d, None, ev.subjects, to=ev.kind)
            f.meeting = ev.eid
            st._rec(f, CSC)


def ep_cin(st: Story, day: date) -> None:
    meeting(st, "cin_meeting", day)
    if st.rng.random() < 0.4:
        meeting(st, "cin_meeting", day + timedelta(days=st.rng.randint(28, 45)), trap_prev=True)


def ep_home_visit(st: Story, day: date) -> None:
    rng = st.rng
    first: Event | None = None
    for _ in range(1 if rng.random() < 0.7 else rng.randint(2, 3)):
        seen = rng.choice(("seen", "seen", "seen", "not seen", "no access", "seen alone"))
        ev = st._new(
            "home_visit",
            day,
            st._time(9, 18),
            st._some_kids(day),
            seen=seen,
            announced=rng.choice(("announced", "unannounced")),
        )
        st._rec(ev, CSC)
        if rng.random() < 0.15:
            st._rec(ev, rng.choice((HV, POL, HSG, PROB)))
        if rng.random() < 0.04:
            st._rec(ev, CSC, "D", rng.randint(0, 3))
        if first is None:
            first = ev
        else:
            ev.trap_of = first.eid
        day = day + timedelta(days=rng.randint(1, 6))


def ep_hv_contact(st: Story, day: date) -> None:
    rng = st.rng
    kids = st._under5(day) or st._kids(day)[-1:]
    what = rng.choice(
        (
            "new birth visit",
            "6-8 week review",
            "1 year review",
            "2 year review",
            "home visit",
            "home visit",
            "clinic",
            "telephone contact",
        )
    )
    ev = st._new(
        "hv",
        day,
        st._time(9, 17),
        [rng.choice(kids)],
        what=what,
        seen=rng.choice(("seen", "seen", "not seen", "no access")),
    )
    st._rec(ev, HV)
    st._rec(ev, GP, "N", rng.randint(3, 20), p=0.12)
    if what == "home visit" and rng.random() < 0.25:
        ev2 = st._new(
            "hv",
            day + timedelta(days=rng.randint(1, 5)),
            st._time(9, 17),
            ev.subjects,
            what=what,
            seen=rng.choice(("seen", "no access")),
        )
        ev2.trap_of = ev.eid
        st._rec(ev2, HV)


def ep_gp(st: Story, day: date) -> None:
    rng = st.rng
    who = rng.choice(["mother", "mother", *st._kids(day)])
    wnb = rng.random() < 0.25
    ev = st._new(
        "gp_wnb" if wnb else "gp",
        day,
        st._time(8, 18),
        [who],
        reason=rng.choice(
            (
                "cough",
                "rash",
                "low mood",
                "immunisations",
                "ear infection",
                "bruise to arm",
                "review of meds",
                "sleep problems",
                "asthma review",
            )
        ),
    )
    st._rec(ev, GP)
    if wnb and who != "mother":
        st._notify(ev, HV, 0.35, 2, 10)
        st._notify(ev, CSC, 0.2, 2, 10)
    elif ev.facts["reason"] == "low mood":
        st._notify(ev, MH, 0.3, 5, 25)


def ep_ed(st: Story, day: date, who: str | None = None) -> None:
    rng = st.rng
    who = who or rng.choice(["mother", *st._kids(day)])
    ev = st._new(
        "ed",
        day,
        st._time(0, 24),
        [who],
        complaint=rng.choice(
            (
                "head injury",
                "fall",
                "burn to hand",
                "overdose",
                "breathing difficulty",
                "fever",
                "facial injury",
            )
        ),
    )
    st._rec(ev, HOSP)
    st._rec(ev, AMB, p=0.3)
    st._notify(ev, GP, 0.55, 1, 12)
    if who != "mother" and st._under5(day) and who in st._under5(day):
        st._notify(ev, HV, 0.45, 1, 10)
    st._notify(ev, CSC, 0.25, 0, 3)
    if who != "mother" and who in st._school_kids(day):
        st._notify(ev, SCH, 0.15, 1, 3)


def ep_outpatient(st: Story, day: date) -> None:
    rng = st.rng
    who = rng.choice(st._kids(day))
    ev = st._new(
        "outpatient",
        day,
        st._time(9, 17),
        [who],
        clinic=rng.choice(("paediatric", "audiology", "dental", "orthoptics")),
        attended=rng.choice(("attended", "WNB", "WNB")),
    )
    st._rec(ev, HOSP)
    st._notify(ev, GP, 0.5, 5, 25)
    if ev.facts["attended"] == "WNB":
        st._notify(ev, CSC, 0.15, 5, 20)


def ep_school(st: Story, day: date) -> None:
    rng = st.rng
    kids = st._school_kids(day)
    if not kids:
        return
    day = weekday(day)
    what = rng.choice(("absence", "absence", "welfare call", "concern", "late", "home visit"))
    ev = st._new(
        "school",
        day,
        st._time(8, 16) if rng.random() < 0.5 else None,
        [rng.choice(kids)],
        what=what,
        detail=rng.choice(
            (
                "no reason given",
                "mum says ill",
                "hungry",
                "unkempt",
                "upset",
                "mark on cheek",
                "tired",
            )
        ),
    )
    st._rec(ev, SCH)
    if what in ("concern", "welfare call"):
        st._notify(ev, CSC, 0.25, 0, 2)
    if what in ("absence", "late") and rng.random() < 0.35:
        ev2 = st._new(
            "school",
            working_days(day, 1),
            None,
            ev.subjects,
            what=what,
            detail=ev.facts["detail"],
        )
        ev2.trap_of = ev.eid
        st._rec(ev2, SCH)
    if what == "concern" and rng.random() < 0.4:
        ep_referral(st, day, referrer=SCH)


def ep_referral(st: Story, day: date, referrer: str | None = None) -> None:
    rng = st.rng
    opts = [a for a in (SCH, HV, GP, POL, HOSP, HSG, MH) if a in st.agencies]
    referrer = referrer or (rng.choice(opts) if opts else "a neighbour")
    ev = st._new(
        "referral",
        weekday(day),
        st._time(9, 17),
        st._kids(day),
        referrer=referrer,
        concern=rng.choice(("neglect", "DA", "home conditions", "injury", "mum's mental health")),
    )
    st._rec(ev, referrer)
    st._rec(ev, CSC, "N", rng.choice((0, 0, 1, 2)))
    out = st._new(
        "referral_outcome",
        working_days(ev.day, rng.randint(1, 4)),
        None,
        ev.subjects,
        referrer=referrer,
        decision=rng.choice(
            ("NFA", "single assessment", "early help", "strategy discussion", "CIN")
        ),
    )
    st._rec(out, CSC)
    st._notify(out, referrer, 0.5, 1, 10)
    if out.facts["decision"] == "strategy discussion" and rng.random() < 0.7:
        ep_strategy_chain(st, working_days(out.day, 1))


def ep_probation(st: Story, day: date) -> None:
    rng = st.rng
    weekly = rng.random() < 0.4
    prev: Event | None = None
    for _ in range(rng.randint(2, 4) if weekly else 1):
        ev = st._new(
            "probation",
            weekday(day),
            st._time(9, 17),
            ["partner"],
            attended=rng.choice(("attended", "attended", "DNA")),
            what=rng.choice(("supervision", "supervision", "home visit")),
        )
        st._rec(ev, PROB)
        if ev.facts["what"] == "home visit":
            st._rec(ev, POL, p=0.2)
        if prev is not None:
            ev.trap_of = prev.eid
        prev = ev
        day = day + timedelta(days=7)


def ep_housing(st: Story, day: date) -> None:
    rng = st.rng
    ev = st._new(
        "housing",
        weekday(day),
        st._time(9, 17) if rng.random() < 0.3 else None,
        ["mother"],
        what=rng.choice(
            (
                "rent arrears letter",
                "repairs visit",
                "tenancy warning",
                "homeless application",
                "neighbour complaint",
                "damp inspection",
            )
        ),
    )
    st._rec(ev, HSG)
    st._notify(ev, CSC, 0.2, 1, 10)
    st._notify(ev, DAS, 0.1, 1, 10)


def ep_marac(st: Story, day: date) -> None:
    ev = st._new("marac", weekday(day), st._time(9, 13), ["mother"])
    for a, p in (
        (DAS, 1),
        (POL, 0.9),
        (CSC, 0.8),
        (HSG, 0.5),
        (PROB, 0.5),
        (HV, 0.4),
        (GP, 0.3),
        (MH, 0.25),
        (SCH, 0.2),
    ):
        st._rec(ev, a, p=p)
    followups(st, ev, after=True)


def ep_mental_health(st: Story, day: date) -> None:
    rng = st.rng
    ev = st._new(
        "mh",
        day,
        st._time(9, 17),
        ["mother"],
        what=rng.choice(("CPN visit", "outpatient review", "crisis team call", "assessment")),
        attended=rng.choice(("attended", "attended", "DNA")),
    )
    st._rec(ev, MH)
    st._notify(ev, GP, 0.45, 3, 20)
    if ev.facts["what"] == "crisis team call":
        st._notify(ev, CSC, 0.4, 0, 2)


def ep_ambulance(st: Story, day: date) -> None:
    rng = st.rng
    ev = st._new(
        "ambulance",
        day,
        st._time(0, 24),
        [rng.choice(["mother", "partner", *st._kids(day)])],
        what=rng.choice(("fall", "intoxicated", "seizure", "chest pain", "breathing difficulty")),
        conveyed=rng.choice(("conveyed", "not conveyed")),
    )
    st._rec(ev, AMB)
    st._rec(ev, POL, p=0.2)
    if ev.facts["conveyed"] == "conveyed":
        st._rec(ev, HOSP, p=0.6)
        st._notify(ev, GP, 0.3, 1, 10)


def ep_midwife(st: Story, day: date) -> None:
    rng = st.rng
    ev = st._new(
        "midwife",
        day,
        st._time(9, 17),
        ["mother"],
        what=rng.choice(
            ("booking", "antenatal appointment", "postnatal visit", "antenatal appointment")
        ),
        attended=rng.choice(("attended", "attended", "DNA")),
    )
    st._rec(ev, MW)
    st._notify(ev, HV, 0.3, 1, 15)
    st._notify(ev, GP, 0.2, 3, 20)


def ep_father(st: Story, day: date) -> None:
    """The children's father: contact arrangements, a call to the SW, a conference invite."""
    rng = st.rng
    what = rng.choice(
        (
            "supervised contact",
            "telephone call from father",
            "contact centre",
            "father's parenting assessment session",
            "letter to father",
        )
    )
    ev = st._new("father", weekday(day), st._time(9, 18), st._some_kids(day), what=what)
    st._rec(ev, CSC)
    if what == "supervised contact" and rng.random() < 0.4:
        ev2 = st._new("father", day + timedelta(days=7), st._time(9, 18), ev.subjects, what=what)
        ev2.trap_of = ev.eid
        st._rec(ev2, CSC)
    st._rec(ev, PROB, p=0.1 if st.partner_on_probation else 0)


# (episode, weight, the agency that must be present for it to start)
TABLE = (
    (ep_da, 9, POL),
    (ep_strategy_chain, 3, CSC),
    (ep_home_visit, 10, CSC),
    (ep_hv_contact, 7, HV),
    (ep_gp, 8, GP),
    (ep_ed, 4, HOSP),
    (ep_outpatient, 3, HOSP),
    (ep_school, 8, SCH),
    (ep_referral, 5, CSC),
    (ep_probation, 5, PROB),
    (ep_housing, 4, HSG),
    (ep_marac, 2, DAS),
    (ep_mental_health, 3, MH),
    (ep_ambulance, 2, AMB),
    (ep_midwife, 2, MW),
    (ep_cin, 3, CSC),
    (ep_father, 2, CSC),
)
