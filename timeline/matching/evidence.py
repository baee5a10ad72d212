"""The field's rules on a date quoted in the text, on top of the fitted weights.

A notification, a letter or an email about an event names the day it happened ("Letter
re DV incident 28/05/2015", "ED d/c letter 12/03/2014", "Email from school re concern
(late) 30/10/14"), and is written on that day or in the two weeks after it. Such a
record, with a subject or a specific kind of event in common with a record *of* that
day, reports that record's event; two records that both name that day and agree on what
happened report the same one. The fitted weights count the quoted date as one level
among many (generator A names incident dates in different events on purpose), and the
other levels of two agencies' unlike wording pile up against it. These rules are the
field's, not any one generator's:

- **quoted date** (`cites`): x's text names y's own day (a single day, or a week), x is
  dated on that day or up to `CITE_LAG_DAYS` after it, the two share content (a specific
  kind of event, a subject, a reference number or distinctive words) and neither
  contradicts the other (different subjects, unlike specific kinds, a meeting's
  paperwork): the pair's weight gets `CITE_BONUS` bits.
- **same day quoted** (`both cite`): both texts name the same day, both dated on it or
  after it within the lag, the same content rule: `BOTH_CITE_BONUS` bits.
- either such pair, and a record dated the day after the day x quotes (the next day's
  entry of one event: the school's absence note the morning after the ED visit) are not
  held against a merge by the all-pairs floor (cluster.py's `lenient`): each reads like
  the event it reports, not like the other's words. The agency limit, vetoes and every
  other rule still hold.
"""

from __future__ import annotations

import re

import numpy as np

from .features import COMPARISONS, GENERIC_TYPES_MASK, PairFeatures
from .kinds import KIND_CODE, REPORTING_KINDS
from .prepare import NO_DATE, Prepared
from .signals import EVENT_TYPES

CITE_LAG_DAYS = 42
CITE_BONUS = 3.0
BOTH_CITE_BONUS = 2.0
_MAX_OWN_DAYS = 7  # a record dated by a week may be the day quoted; a month may not


# The kinds of record that report another's event; a visit, an attendance or a meeting
# that mentions an earlier day ("Home visit. Discussed ED attendance yesterday") is an
# event of its own.
_REPORTING = REPORTING_KINDS


# "T/c to mum after DA incident 14.10.19", "Home visit following the assault on 3/5": a
# contact made because of an earlier event is an event of its own, not a report of it.
# A notice ("PPN following DA incident on 09/05") still reports what it follows.
_AFTER = re.compile(r"\b(after|following|since)\b[^.;]{0,40}?\d{1,2}(?:st|nd|rd|th)?[/.\s-]")


def _after_event(prep: Prepared) -> np.ndarray:
    """Per record: it names a day as the one it comes after, and is not a notice."""
    out = np.zeros(len(prep.ids), dtype=bool)
    notice = (KIND_CODE["notification"], KIND_CODE["letter"])
    has = (prep.td != NO_DATE).any(axis=1) & ~np.isin(prep.rkind, notice)
    for i in np.flatnonzero(has).tolist():
        out[i] = _AFTER.search(prep.records[i].description.casefold()) is not None
    return out


def _fits_named(prep: Prepared, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x names no agency, or names y's kind of agency (y's agency unrecognised too):
    "ED letter re assault 20/05" reports the hospital's record, not the police log."""
    return (prep.named[x] == 0) | (prep.kind[y] == 0) | ((prep.named[x] & prep.kind[y]) != 0)


def _cited(
    prep: Prepared, x: np.ndarray, y: np.ndarray, after: np.ndarray, named: bool = True
) -> np.ndarray:
    """x's text names a day within y's own date, and x is dated 0..lag days after it;
    x is a kind of record that reports (not a visit or meeting of its own) and (with
    `named`) names no other agency than y's."""
    out = np.zeros(len(x), dtype=bool)
    if not len(x):
        return out
    td = prep.td[x]
    sy, ey = prep.start[y][:, None], prep.end[y][:, None]
    sx = prep.start[x][:, None]
    ok = (td != NO_DATE) & (sy <= td) & (td <= ey) & (sx >= td) & (sx - td <= CITE_LAG_DAYS)
    short = (prep.end[y] - prep.start[y]) <= _MAX_OWN_DAYS
    out = ok.any(axis=1) & short & np.isin(prep.rkind[x], _REPORTING) & ~after[x]
    # y is not itself the news of another day (the school's "OE call this morning - DA
    # incident at home on 9th December", written on the 12th, is no event of the 12th)
    out &= ~_elsewhere(prep)[y]
    return out & _fits_named(prep, x, y) if named else out


def _elsewhere(prep: Prepared) -> np.ndarray:
    """Per record: it reports (a notice, a letter, a call, a log) and the days its text
    names are all outside its own dates: it is the news of an event of another day."""
    td = prep.td
    named = td != NO_DATE
    own = named & (prep.start[:, None] <= td) & (td <= prep.end[:, None])
    return np.isin(prep.rkind, _REPORTING) & named.any(axis=1) & ~own.any(axis=1)


def _both_cite(prep: Prepared, a: np.ndarray, b: np.ndarray, after: np.ndarray) -> np.ndarray:
    out = np.zeros(len(a), dtype=bool)
    has = (prep.td != NO_DATE).any(axis=1)
    k = np.flatnonzero(has[a] & has[b])
    if not len(k):
        return out
    ta, tb = prep.td[a[k]][:, :, None], prep.td[b[k]][:, None, :]
    sa, sb = prep.start[a[k]][:, None, None], prep.start[b[k]][:, None, None]
    same = (ta != NO_DATE) & (ta == tb)
    lag = CITE_LAG_DAYS
    ok = same & (sa >= ta) & (sa - ta <= lag) & (sb >= tb) & (sb - tb <= lag)
    out[k] = ok.any(axis=(1, 2))
    return out & ~after[a] & ~after[b]


def _agreeing(prep: Prepared, feats: PairFeatures) -> tuple[np.ndarray, np.ndarray]:
    """(content in common, some content in common, nothing contradicting) per pair."""
    a, b = feats.a, feats.b
    shared = prep.types[a] & prep.types[b]
    specific = (shared & ~GENERIC_TYPES_MASK) != 0
    topic = (prep.topics[a] & prep.topics[b]) != 0
    ref = feats.levels["reference"] == COMPARISONS["reference"].index("shared")
    content = specific | topic | ref | (feats.cover_min >= 0.4)
    some = content | (shared != 0) | (feats.cover_min >= 0.15)
    conflict = (
        (feats.levels["topic"] == COMPARISONS["topic"].index("conflict"))
        | (feats.levels["event_type"] == COMPARISONS["event_type"].index("disagree"))
        | (feats.levels["kinds"] == COMPARISONS["kinds"].index("follow_up"))
        | (feats.levels["reference"] == COMPARISONS["reference"].index("different"))
        | (feats.levels["text_date"] == COMPARISONS["text_date"].index("conflict"))
    )
    return content, some, ~conflict


def quoted_date_rules(
    prep: Prepared, feats: PairFeatures
) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """Bits to add to each candidate pair's weight, and the pairs the all-pairs floor
    does not hold against a merge (see the module's docstring)."""
    a, b = feats.a, feats.b
    bonus = np.zeros(len(a))
    if not len(a):
        return bonus, set()
    content, some, agree = _agreeing(prep, feats)
    fu = KIND_CODE["follow-up"]
    ok = agree & ~((prep.rkind[a] == fu) | (prep.rkind[b] == fu))
    after = _after_event(prep)
    ab, ba = _cited(prep, a, b, after), _cited(prep, b, a, after)
    cites = (ab | ba) & ok
    both = _both_cite(prep, a, b, after) & ok
    # a reporting record that names the day: some content in common is enough; two
    # records that both name a day must agree on what happened
    # ... or none, when it names the other's agency as its source ("OE notification from
    # police about an incident on 28th Nov", the police log of the 28th)
    names = (ab & ((prep.named[a] & prep.kind[b]) != 0)) | (
        ba & ((prep.named[b] & prep.kind[a]) != 0)
    )
    some = some | (names & ok)
    bonus[cites & some] = CITE_BONUS
    bonus[~(cites & some) & both & content] = BOTH_CITE_BONUS
    # Not held against a merge by the floor: the record of the day quoted and the
    # others that quote it or are of the next day (the school's "Absence: at A&E" the
    # morning after the attendance a letter names), whatever agency the text names.
    near = _cited(prep, a, b, after, named=False) | _cited(prep, b, a, after, named=False)
    near &= ok
    for x, y in ((a, b), (b, a)):
        td = prep.td[x]
        hit = (td != NO_DATE) & (prep.start[y][:, None] - td == 1) & prep.precise[y][:, None]
        near |= hit.any(axis=1) & np.isin(prep.rkind[x], _REPORTING) & ~after[x] & ok
    k = np.flatnonzero((near | both) & some)
    return bonus, set(zip(a[k].tolist(), b[k].tolist(), strict=True))


MONTH_BONUS = 3.0
MONTH_CLEAR = 2.0
_MEETING_TYPES = (
    "strategy",
    "initial conference",
    "review conference",
    "core group",
    "child in need",
    "meeting",
)
_MEETING_MASK = sum(1 << i for i, name in enumerate(EVENT_TYPES) if name in _MEETING_TYPES)


def month_meeting_rules(
    prep: Prepared, feats: PairFeatures, w: np.ndarray | None = None
) -> tuple[np.ndarray, set[tuple[int, int]], set[tuple[int, int]]]:
    """A meeting dated only by its month or a range ("Invited to CG - unable to attend",
    December 2014) is the one meeting of that kind held on a known day within it, when
    the other agencies' records put exactly one such day there: `MONTH_BONUS` bits to its
    pairs with the records of that day, not held back by the floor among them. Two or
    more such days that month: unless one day's records read clearly more like it (its
    best pair `MONTH_CLEAR` bits above every other day's), which one it was is the
    reviewer's question, so its pairs with those meetings (and with reports for that
    kind of meeting) are not merged unasked. Returns (bonus, loose, vetoed pairs)."""
    a, b = feats.a, feats.b
    bonus = np.zeros(len(a))
    if not len(a):
        return bonus, set(), set()
    meet, rep = KIND_CODE["meeting"], KIND_CODE["report"]
    span = prep.end - prep.start
    vague = (span > _MAX_OWN_DAYS) & (span <= 62) & (prep.rkind == meet)
    shared = prep.types[a] & prep.types[b] & _MEETING_MASK
    hits: dict[int, list[tuple[int, int, bool]]] = {}
    for x, y in ((a, b), (b, a)):
        inside = (prep.start[x] <= prep.start[y]) & (prep.end[y] <= prep.end[x])
        of_kind = np.isin(prep.rkind[y], (meet, rep))
        k = np.flatnonzero(vague[x] & prep.precise[y] & of_kind & inside & (shared != 0))
        for kk, xi, day, m in zip(
            k.tolist(),
            x[k].tolist(),
            prep.start[y[k]].tolist(),
            (prep.rkind[y[k]] == meet).tolist(),
            strict=True,
        ):
            hits.setdefault(xi, []).append((kk, day, m))
    loose: set[tuple[int, int]] = set()
    vetoed: set[tuple[int, int]] = set()
    for got in hits.values():
        days = {day for _, day, m in got if m}
        clear = None
        if len(days) > 1 and w is not None:
            best: dict[int, float] = {}
            for kk, day, m in got:
                if m:
                    best[day] = max(best.get(day, -np.inf), float(w[kk]))
            top = sorted(best.values(), reverse=True)
            if top[0] - top[1] >= MONTH_CLEAR:
                clear = max(best, key=best.__getitem__)
        for kk, day, m in got:
            pair = (int(a[kk]), int(b[kk]))
            if len(days) > 1 and day != clear:
                vetoed.add(pair)
            elif len(days) == 1 and m:
                bonus[kk] = MONTH_BONUS
                loose.add(pair)
    return bonus, loose, vetoed


REPORT_LEAD_DAYS = 7
REPORT_BONUS = 3.0


def report_rules(prep: Prepared, feats: PairFeatures) -> np.ndarray:
    """A report written for a meeting that names the meeting's day ("Report for RCPC
    02/06/2016", written on 31 May) is part of the meeting of that day of its kind
    (both name the same kind of meeting, or the report names none in particular):
    `REPORT_BONUS` bits. Written up to `REPORT_LEAD_DAYS` before it."""
    a, b = feats.a, feats.b
    bonus = np.zeros(len(a))
    if not len(a):
        return bonus
    rep, meet = KIND_CODE["report"], KIND_CODE["meeting"]
    for x, y in ((a, b), (b, a)):
        td = prep.td[x]
        sx = prep.start[x][:, None]
        names = ((td != NO_DATE) & (td == prep.start[y][:, None]) & (td >= sx)).any(axis=1)
        names &= (prep.start[y] - prep.start[x]) <= REPORT_LEAD_DAYS
        kinds = (prep.rkind[x] == rep) & (prep.rkind[y] == meet) & prep.precise[y]
        mx, my = prep.types[x] & _MEETING_MASK, prep.types[y] & _MEETING_MASK
        fits = ((mx & my) != 0) | ((mx == 0) & (my != 0))
        bonus[names & kinds & fits] = REPORT_BONUS
    return bonus


NEWS_LAG_DAYS = 14
NEWS_BONUS = 2.0
_NEWS_OF = tuple(KIND_CODE[k] for k in ("incident", "call", "other", "attendance"))


def news_rules(prep: Prepared, feats: PairFeatures) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """A notification that names no date ("PPN: police called to the family home
    overnight") is news of the latest event of its kind before it: when the records put
    exactly one day with such an event (an incident, a call-out, an attendance of a
    specific kind in common) in the `NEWS_LAG_DAYS` before the notice, the notice and
    that day's records get `NEWS_BONUS` bits and are not held back by the floor. With two
    or more such days which call-out it was stays an open question (no bonus)."""
    a, b = feats.a, feats.b
    bonus = np.zeros(len(a))
    if not len(a):
        return bonus, set()
    undated = ~(prep.td != NO_DATE).any(axis=1)
    notice = prep.notification & undated
    own = np.isin(prep.rkind, _NEWS_OF) & ~prep.notification & prep.precise
    specific = (prep.types[a] & prep.types[b] & ~GENERIC_TYPES_MASK) != 0
    _, _, agree = _agreeing(prep, feats)  # no other subject, kind, reference or date
    alike = specific & agree
    hits: dict[int, list[tuple[int, int]]] = {}
    for x, y in ((a, b), (b, a)):
        lag = prep.start[x] - prep.start[y]
        k = np.flatnonzero(notice[x] & own[y] & alike & (lag >= 0) & (lag <= NEWS_LAG_DAYS))
        for kk, xi, day in zip(k.tolist(), x[k].tolist(), prep.start[y[k]].tolist(), strict=True):
            hits.setdefault(xi, []).append((kk, day))
    loose: set[tuple[int, int]] = set()
    for xi, got in hits.items():
        # one day, and one such record per agency on it: two call-outs the police
        # logged that day are two events, and which one the news is of is a question
        if len({day for _, day in got}) == 1 and not _two_of_one_agency(prep, a, b, xi, got):
            for kk, _ in got:
                bonus[kk] = NEWS_BONUS
                loose.add((int(a[kk]), int(b[kk])))
    return bonus, loose


def _two_of_one_agency(
    prep: Prepared, a: np.ndarray, b: np.ndarray, x: int, got: list[tuple[int, int]]
) -> bool:
    """Among x's pairs `got` (pair index, day), one agency has two different records (not
    a row pasted twice) of one day."""
    seen: dict[tuple[int, int], set[str]] = {}
    for kk, day in got:
        y = int(b[kk]) if int(a[kk]) == x else int(a[kk])
        r = prep.records[y]
        seen.setdefault((int(prep.agency[y]), day), set()).add(r.description)
    return any(len(v) > 1 for v in seen.values())


SOURCE_COVER = 0.6  # share of the shorter text's distinctive words the two have in common


def source_rules(prep: Prepared, feats: PairFeatures) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """A notification that names where its news came from and repeats that agency's
    words ("Outcome of referral received from MASH: progress to C&F assessment", six
    days after CSC's "IAA team decision: progress to C&F assessment") is the news of
    that record: when exactly one record of the named agency in the `NEWS_LAG_DAYS`
    before it shares most of its distinctive words (`SOURCE_COVER` of the shorter text)
    and nothing contradicts, the pair gets `NEWS_BONUS` bits and is not held back by the
    floor."""
    a, b = feats.a, feats.b
    bonus = np.zeros(len(a))
    if not len(a):
        return bonus, set()
    _, _, agree = _agreeing(prep, feats)
    alike = agree & (feats.cover_min >= SOURCE_COVER)
    hits: dict[int, list[int]] = {}
    for x, y in ((a, b), (b, a)):
        lag = prep.start[x] - prep.start[y]
        ok = prep.notification[x] & ~prep.notification[y] & prep.precise[y]
        ok &= (prep.kind[y] != 0) & ((prep.named[x] & prep.kind[y]) != 0)
        k = np.flatnonzero(ok & alike & (lag >= 0) & (lag <= NEWS_LAG_DAYS))
        for kk, xi in zip(k.tolist(), x[k].tolist(), strict=True):
            hits.setdefault(xi, []).append(kk)
    loose: set[tuple[int, int]] = set()
    for got in hits.values():
        if len(got) == 1:
            kk = got[0]
            bonus[kk] = NEWS_BONUS
            loose.add((int(a[kk]), int(b[kk])))
    return bonus, loose


REFERRAL_BONUS = 2.0


def referral_rules(prep: Prepared, feats: PairFeatures) -> np.ndarray:
    """A referral is an event of its own, recorded by who made it and who took it: two
    records within a day of each other that both name a referral, one naming the other's
    agency ("Ref to duty re injury" from the ED; social care's "Contact from ED re the
    baby"), with content in common (the ED's kind of event there) and nothing
    contradicting, get `REFERRAL_BONUS` bits. The ED's attendance
    that day is another record, and social care's contact goes with the referral."""
    a, b = feats.a, feats.b
    bonus = np.zeros(len(a))
    if not len(a):
        return bonus
    bit = 1 << list(EVENT_TYPES).index("referral")
    content, _, agree = _agreeing(prep, feats)
    k = np.flatnonzero(
        ((prep.types[a] & prep.types[b] & bit) != 0)
        & content
        & (feats.gap <= 1)
        & prep.precise[a]
        & prep.precise[b]
        & (feats.levels["names_other"] != COMPARISONS["names_other"].index("neither"))
        & agree
    )
    bonus[k] = REFERRAL_BONUS
    return bonus


RULE_WORDS = {
    1: "one record names the other's day and reports it (a notice of it)",
    2: "both name the same day and report the same thing",
    3: "the one meeting of this kind on a known day within the month the other is dated by",
    4: "a report for a meeting that names this meeting's day",
    5: "news of the one event of its kind in the days before it",
    6: "news in the words of the record of the agency it names as its source",
    7: "two sides of one referral: both name it, one names the other's agency",
}


def field_rules(
    prep: Prepared, feats: PairFeatures, w: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, set[tuple[int, int]], set[tuple[int, int]]]:
    """Every rule of this module: bits to add per pair, which rule (RULE_WORDS key, 0
    none), the pairs the all-pairs floor does not hold against a merge, and the pairs
    never merged unasked."""
    bonus, loose = quoted_date_rules(prep, feats)
    why = np.select([bonus >= CITE_BONUS, bonus > 0], [1, 2], default=0)
    month, month_loose, vetoed = month_meeting_rules(prep, feats, w)
    why = np.where((month > 0) & (bonus == 0), 3, why)
    report = report_rules(prep, feats)
    why = np.where((report > 0) & (bonus == 0) & (month == 0), 4, why)
    news, news_loose = news_rules(prep, feats)
    why = np.where((news > 0) & (why == 0), 5, why)
    source, source_loose = source_rules(prep, feats)
    why = np.where((source > 0) & (why == 0), 6, why)
    referral = referral_rules(prep, feats)
    why = np.where((referral > 0) & (why == 0), 7, why)
    total = np.maximum.reduce([bonus, month, report, news, source, referral])
    return total, why, loose | month_loose | news_loose | source_loose, vetoed
