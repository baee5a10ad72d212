"""Pair features: each comparison puts a candidate pair into one of a few levels (as in
Fellegi-Sunter / Splink), and keeps the raw value for the explanation."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .kinds import KIND_CODE, REPORTING_KINDS
from .parallel import map_runs
from .prepare import NO_DATE, Prepared
from .signals import EVENT_TYPES, GENERIC_TYPES

# "T/c mum after DA incident 14.10.19": a contact made after the day it names
_AFTER_DAY = re.compile(r"\b(after|following|since)\b[^.;]{0,40}?\d{1,2}(?:st|nd|rd|th)?[/.\s-]")

GENERIC_TYPES_MASK = sum(1 << i for i, name in enumerate(EVENT_TYPES) if name in GENERIC_TYPES)

# comparison -> its levels, strongest evidence for a match first.
COMPARISONS: dict[str, tuple[str, ...]] = {
    "date": (
        "same_day",
        "overlap_week",
        "overlap_month",
        "gap_1",
        "gap_2_3",
        "gap_4_7",
        "gap_8plus",
        "notified_1_3",
        "notified_4_14",
        "notified_15plus",
        "notified_before",
    ),
    # agree: a date in one text is the other record's own date (0-1 days before it);
    # same_citation: both texts name the same earlier date (two follow-ups of one incident
    # do that too, so it is weaker); conflict: the dates named point elsewhere.
    # near: the other record is dated the day after the date named (the next day's entry,
    # or a different event of the next day: an attendance after a night-time call-out).
    "text_date": ("agree", "near", "same_citation", "conflict", "none"),
    "wording": ("ge90", "ge75", "ge60", "ge45", "lt45"),
    "rare_words": ("strong", "subset", "partial", "weak", "none"),
    "extra_words": ("few", "some", "many", "most"),
    # disagree: both name specific kinds, none in common; generic: no kind in common and
    # one side names only generic kinds (a call, a visit: an email about an incident is
    # still about the incident); unknown: one side names no kind at all
    "event_type": ("agree", "disagree", "generic", "unknown"),
    "topic": ("agree", "conflict", "unknown"),
    # Which kind of event both describe: a strategy discussion shared by two agencies is
    # one event far more often than a home visit that both happen to mention.
    "shared_type": (*EVENT_TYPES, "none"),
    "time": ("within_1h", "within_3h", "apart", "unknown"),
    "notification": ("one", "both", "neither"),
    # Positive evidence of one event beyond the dates: a specific kind of event or subject
    # in common, shared distinctive words, alike wording, or a date in the text that is
    # the other record's date. A pair without it is never a merging link (cluster.py).
    "content": ("shared", "none"),
    # the texts name each other's agency ("letter from ED" / a hospital record): an exchange
    "names_other": ("both", "one", "neither"),
    # the two records' kinds (kinds.py): a notice or letter and the event it reports, a
    # report and its conference, a meeting's paperwork, the same kind, unlike kinds
    "kinds": ("notice_event", "report_meeting", "follow_up", "same", "different"),
    # a reference number (crime, case, incident) both quote; both quote some, none shared
    "reference": ("shared", "different", "none"),
}
# Interactions the additive weights cannot express on their own: a date gap means one
# thing for two records of the same kind of event and another for unlike ones; a date in
# a notification's text matters more than one in an ordinary entry.
_PRODUCTS = {
    "date_type": ("date", "event_type"),
    "notice_text_date": ("notification", "text_date"),
    "type_topic": ("event_type", "topic"),
    "wording_rare": ("wording", "rare_words"),
    # a kind of event in common means more when one record is the notice of the other
    "shared_notice": ("shared_type", "notification"),
    # a notification names where the news came from: its event is that agency's record
    "notice_names": ("notification", "names_other"),
    # a date named in both texts means one thing a day apart and another a month apart
    "date_citation": ("date", "text_date"),
    # a report days before a meeting is its report; an incident days before another is not
    "date_kinds": ("date", "kinds"),
}
for _name, (_x, _y) in _PRODUCTS.items():
    COMPARISONS[_name] = tuple(f"{u}&{v}" for u in COMPARISONS[_x] for v in COMPARISONS[_y])
FEATURE_NAMES: list[str] = [f"{c}:{lvl}" for c, levels in COMPARISONS.items() for lvl in levels]
_OFFSET: dict[str, int] = {}
_k = 0
for _c, _levels in COMPARISONS.items():
    _OFFSET[_c] = _k
    _k += len(_levels)


@dataclass
class PairFeatures:
    a: np.ndarray  # record index, a < b
    b: np.ndarray
    levels: dict[str, np.ndarray]  # comparison -> level index per pair
    gap: np.ndarray  # days between the date intervals (0 when they overlap)
    later: np.ndarray  # +1 when b is dated after a, -1 when before, 0 when overlapping
    wording: np.ndarray  # token_sort_ratio 0..100
    cover_min: np.ndarray  # rare-word overlap as a share of the smaller record's words
    cover_max: np.ndarray  # ... of the larger record's words
    text_date_gap: np.ndarray  # days from a text date to the other record (-1 none)
    evidence: np.ndarray  # bool: positive textual or typed evidence (content == shared)

    def __len__(self) -> int:
        return len(self.a)

    def matrix(self) -> np.ndarray:
        """One-hot matrix (pairs x FEATURE_NAMES)."""
        x = np.zeros((len(self.a), len(FEATURE_NAMES)), dtype=np.float64)
        rows = np.arange(len(self.a))
        for c, lv in self.levels.items():
            x[rows, _OFFSET[c] + lv] = 1.0
        return x

    def feature_index(self) -> np.ndarray:
        """(pairs x comparisons) column index into FEATURE_NAMES of each pair's level."""
        # filled one contiguous row per comparison, then transposed once: writing the
        # columns of a (pairs x comparisons) array strides through memory
        idx = np.empty((len(COMPARISONS), len(self.a)), dtype=np.int32)
        for k, c in enumerate(COMPARISONS):
            np.add(self.levels[c], _OFFSET[c], out=idx[k], casting="unsafe")
        return np.ascontiguousarray(idx.T)


def text_pairs(prep: Prepared, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
    """The distinct (text of a, text of b) pairs among the record pairs: (first record of
    each side's text, first record of the other's, inverse index per pair). Text-only
    comparisons run once per distinct pair of texts ("Home visit" is written thousands
    of times) and are spread back with the inverse index."""
    m = max(len(prep.distinct), 1)
    key = prep.text_id[a] * m + prep.text_id[b]
    uk, inv = np.unique(key, return_inverse=True)
    return uk // m, uk % m, inv.reshape(-1)


def _wording(prep: Prepared, ua: np.ndarray, ub: np.ndarray) -> np.ndarray:
    """token_sort_ratio of each distinct text pair: the ratio of the texts' words sorted
    (prepare.py sorts each text's words once, not once per pair)."""
    if not len(ua):
        return np.zeros(0, dtype=np.float32)
    words = prep.sorted_words
    return process.cpdist(
        [words[i] for i in ua.tolist()],
        [words[i] for i in ub.tolist()],
        scorer=fuzz.ratio,
        workers=-1,
        dtype=np.float32,
    )


def _overlap(prep: Prepared, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted rare-word overlap of each pair, in chunks to bound memory.

    Which of a's tokens b also has is found column by column (token k of a against
    each of b's, on narrowed ids): a (pairs x tokens x tokens) broadcast moved ten
    times the bytes. The weighted sum is taken over the same (pairs x tokens) array as
    ever, so it is the same float32 sum."""
    shared = np.zeros(len(a), dtype=np.float32)
    width = prep.tok.shape[1]
    narrow = np.int16 if len(prep.vocab) < 2**15 else np.int32
    # per column, each record's token id; padding (-1) on a's side never meets b's (-1)
    cols_b = [np.ascontiguousarray(prep.tok[:, k]).astype(narrow) for k in range(width)]
    cols_a = [np.where(c >= 0, c, -2).astype(narrow) for c in cols_b]
    step = 50_000
    for s in range(0, len(a), step):
        ca, cb = a[s : s + step], b[s : s + step]
        tb = [c[cb] for c in cols_b]
        hit = np.zeros((len(ca), width), dtype=bool)
        for k, col in enumerate(cols_a):
            ta = col[ca]
            if not (ta >= 0).any():
                continue  # padding only: a's texts here have fewer tokens
            out = hit[:, k]
            for x in tb:
                out |= ta == x
        shared[s : s + step] = (hit * prep.tok_w[ca]).sum(axis=1)
    ta, tb = prep.tok_total[a], prep.tok_total[b]
    small = np.maximum(np.minimum(ta, tb), 1e-6)
    large = np.maximum(np.maximum(ta, tb), 1e-6)
    return shared / small, shared / large


def _text_date_levels(prep: Prepared, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
    """Text-date level per pair (index into COMPARISONS["text_date"]) and the gap in days.

    A date in one text that is the other record's own date agrees; one day before it is
    near; 3+ days before it, or after it (2+ days, or any day when the other record is a
    notification: news never comes before the event), conflicts. When both texts name
    dates and neither names the other's own date, the named dates are compared: the same
    day is a shared citation ("PPN re incident 25 Dec" / "Encompass re 25/12"), any other
    day a conflict (two explicit dates a day apart are two different days).
    """
    level = np.full(len(a), 4, dtype=np.int64)
    gap = np.full(len(a), -1, dtype=np.int64)
    if len(a) == 0:
        return level, gap
    # whether each record's text names a date, read per record, not per pair
    has = (prep.td != NO_DATE).any(axis=1)
    has_a, has_b = has[a], has[b]
    if not (has_a | has_b).all():
        # most pairs name no date on either side (level none): the rest are compared
        k = np.flatnonzero(has_a | has_b)
        level[k], gap[k] = _text_date_levels(prep, a[k], b[k])
        return level, gap
    tda, tdb = prep.td[a], prep.td[b]
    big = np.int64(1) << 40

    # Only a record that reports another's event (a notice, a letter, a call, an incident
    # log) names that event's day; a meeting, a visit, an attendance or a report is an
    # event of its own day, and a day it mentions ("CG held. Connor found not guilty
    # 22/06.") is context: it may agree with a record of that day, never conflict.
    reporting = np.isin(prep.rkind, REPORTING_KINDS)
    notice = prep.notification | (prep.rkind == KIND_CODE["letter"])

    def cite(td: np.ndarray, y: np.ndarray, x: np.ndarray) -> np.ndarray:
        # key level * big + gap of the text date in `td` nearest to y's own interval
        s, e = prep.start[y][:, None], prep.end[y][:, None]
        valid = td != NO_DATE
        g = np.where(td < s, s - td, np.maximum(td - e, 0))
        # nearest first; ties: the earlier date
        pick = np.argmin(np.where(valid, g * (1 << 24) + (td - prep_min), big), axis=1)
        d = td[np.arange(len(td)), pick]
        g = g[np.arange(len(td)), pick]
        s, e = s[:, 0], e[:, 0]
        late = (d > e) & ((g >= 2) | prep.notification[y])
        # ... and a day well before a notice's own is no conflict with that notice: news
        # comes days or weeks after the event (both notices' days are compared below)
        conflict = (late | ((d < s) & (g >= 3) & ~notice[y])) & reporting[x]
        lv = np.select([(s <= d) & (d <= e), d == s - 1, conflict], [0, 1, 3], default=4)
        g = np.select([lv == 0, lv == 1], [0, 1], default=g)
        return np.where(valid.any(axis=1), lv * big + g, big * 8)

    prep_min = int(prep.td[prep.td != NO_DATE].min()) if (prep.td != NO_DATE).any() else 0
    best = np.minimum(cite(tda, b, a), cite(tdb, a, b))
    best_lv, best_gap = best // big, best % big
    # both texts name dates and neither is the other's own date: compare the named dates
    both = has_a & has_b & (best_lv > 1) & reporting[a] & reporting[b]
    tg = np.zeros(len(a), dtype=np.int64)
    k = np.flatnonzero(both)
    if len(k):
        xa, xb = tda[k][:, :, None], tdb[k][:, None, :]
        ok = (xa != NO_DATE) & (xb != NO_DATE)
        tg[k] = np.where(ok, np.abs(xa - xb), big).min(axis=(1, 2))
    any_ = has_a | has_b
    level = np.where(any_, np.where(both, np.where(tg == 0, 2, 3), best_lv), 4)
    gap = np.where(any_, np.where(both, tg, best_gap), -1)
    return level.astype(np.int64), gap.astype(np.int64)


def compute_features(prep: Prepared, a: np.ndarray, b: np.ndarray) -> PairFeatures:
    """Levels of every comparison for the candidate pairs (a[k], b[k]).

    Each pair's levels depend on that pair alone: runs of pairs are compared in threads
    of their own (parallel.py) and put back in order."""
    parts = map_runs(lambda s: _features(prep, a[s], b[s]), len(a))
    if len(parts) == 1:
        return parts[0]
    return PairFeatures(
        a=a,
        b=b,
        levels={c: np.concatenate([p.levels[c] for p in parts]) for c in parts[0].levels},
        **{
            f: np.concatenate([getattr(p, f) for p in parts])
            for f in (
                "gap",
                "later",
                "wording",
                "cover_min",
                "cover_max",
                "text_date_gap",
                "evidence",
            )
        },
    )


def _features(prep: Prepared, a: np.ndarray, b: np.ndarray) -> PairFeatures:
    n = len(a)
    sa, ea, sb, eb = prep.start[a], prep.end[a], prep.start[b], prep.end[b]
    after = sb - ea  # > 0: b dated after a
    before = sa - eb  # > 0: b dated before a
    gap = np.maximum(np.maximum(after, before), 0)
    later = np.where(after > 0, 1, np.where(before > 0, -1, 0))

    # A notification dated after the event it reports: the gap is the news travelling.
    na, nb = prep.notification[a], prep.notification[b]
    late_is_notice = ((later == 1) & nb & ~na) | ((later == -1) & na & ~nb)
    # ... and one dated before the event: not its notification
    early_notice = ((later == -1) & nb & ~na) | ((later == 1) & na & ~nb)
    # ... unless both report the same earlier day ("High risk referral in - incident on
    # 30/09" after the school's "Op Encompass: domestic at home on 30/09"; not "T/c mum
    # after DA incident 30/09", a contact of its own)
    k = np.flatnonzero(early_notice)
    if len(k):
        x, y = np.where(na[k], b[k], a[k]), np.where(na[k], a[k], b[k])
        tx, ty = prep.td[x][:, :, None], prep.td[y][:, None, :]
        same = ((tx != NO_DATE) & (tx == ty) & (tx <= prep.start[y][:, None, None])).any(
            axis=(1, 2)
        )
        same &= np.isin(prep.rkind[x], REPORTING_KINDS)
        for q in np.flatnonzero(same).tolist():
            same[q] = _AFTER_DAY.search(prep.texts[int(x[q])]) is None
        early_notice[k] = ~same
    both_precise = prep.precise[a] & prep.precise[b]
    longest = np.maximum(ea - sa, eb - sb)
    date = np.select(
        [
            (gap == 0) & both_precise,
            (gap == 0) & (longest <= 7),
            gap == 0,
            late_is_notice & (gap <= 3),
            late_is_notice & (gap <= 14),
            late_is_notice,
            early_notice,
            gap == 1,
            gap <= 3,
            gap <= 7,
        ],
        [0, 1, 2, 7, 8, 9, 10, 3, 4, 5],
        default=6,
    )

    text_date, tgap = _text_date_levels(prep, a, b)

    # the text comparisons, once per distinct pair of texts
    ua, ub, inv = text_pairs(prep, a, b)
    wording = _wording(prep, ua, ub)[inv]
    wording_lv = np.select(
        [wording >= 90, wording >= 75, wording >= 60, wording >= 45], [0, 1, 2, 3], 4
    )

    cmin, cmax = _overlap(prep, prep.first[ua], prep.first[ub])
    cmin, cmax = cmin[inv], cmax[inv]
    rare = np.select([cmax >= 0.6, cmin >= 0.8, cmin >= 0.4, cmin >= 0.15], [0, 1, 2, 3], default=4)
    # How much of the longer text is left unexplained: "Home visit. Baby weighed, mother
    # low in mood" and "Home visit - children seen" share the visit, not the rest.
    extra = np.select([cmax >= 0.6, cmax >= 0.35, cmax >= 0.15], [0, 1, 2], default=3)

    tya, tyb = prep.types[a], prep.types[b]
    spec_a, spec_b = tya & ~GENERIC_TYPES_MASK, tyb & ~GENERIC_TYPES_MASK
    etype = np.select(
        [(tya & tyb) != 0, (spec_a != 0) & (spec_b != 0), (tya != 0) & (tyb != 0)],
        [0, 1, 2],
        default=3,
    )

    shared = tya & tyb
    lowest = shared & -shared
    shared_type = np.where(
        shared > 0, np.log2(np.maximum(lowest, 1)).astype(np.int64), len(EVENT_TYPES)
    )

    toa, tob = prep.topics[a], prep.topics[b]
    topic = np.select([(toa & tob) != 0, (toa != 0) & (tob != 0)], [0, 1], default=2)

    ma, mb = prep.minutes[a], prep.minutes[b]
    dm = np.abs(ma - mb)
    known = (ma >= 0) & (mb >= 0) & (gap == 0)
    time = np.select([known & (dm <= 60), known & (dm <= 180), known], [0, 1, 2], default=3)

    notif = np.select([na & nb, na | nb], [1, 0], default=2)

    # Positive evidence: a same-day date agreement alone must never merge texts that share
    # nothing meaningful. Generic kinds (a call, a visit, a referral, no access) are not
    # evidence of one event: every agency makes several a week.
    specific = (shared & ~GENERIC_TYPES_MASK) != 0
    ka, kb = prep.kind[a], prep.kind[b]
    na_b = (prep.named[a] & kb) != 0
    nb_a = (prep.named[b] & ka) != 0
    names_other = np.select([na_b & nb_a, na_b | nb_a], [0, 1], default=2)
    some_content = (shared != 0) | (cmin >= 0.15)

    # A date in the text that is the other's date counts only with some content in common
    # (a notification must agree with the event it reports, not only on the date).
    evidence = (
        specific
        | ((toa & tob) != 0)
        | (cmin >= 0.4)
        | (wording >= 75)
        | ((text_date == 0) & some_content)
        | ((names_other != 2) & (some_content | (text_date == 0)))
    )

    kda, kdb = prep.rkind[a], prep.rkind[b]
    notice_like = (KIND_CODE["notification"], KIND_CODE["letter"])
    happened = [KIND_CODE[k] for k in ("incident", "attendance", "call", "visit", "other")]
    is_notice_a, is_notice_b = np.isin(kda, notice_like), np.isin(kdb, notice_like)
    is_event_a, is_event_b = np.isin(kda, happened), np.isin(kdb, happened)
    rep, meet, fu = KIND_CODE["report"], KIND_CODE["meeting"], KIND_CODE["follow-up"]
    kinds = np.select(
        [
            (is_notice_a & is_event_b) | (is_notice_b & is_event_a),
            ((kda == rep) & (kdb == meet)) | ((kda == meet) & (kdb == rep)),
            (kda == fu) | (kdb == fu),
            kda == kdb,
        ],
        [0, 1, 2, 3],
        default=4,
    )

    ra, rb = prep.refs[a], prep.refs[b]
    shared_ref = np.zeros(n, dtype=bool)
    for x in range(ra.shape[1]):
        for y in range(rb.shape[1]):
            shared_ref |= (ra[:, x] >= 0) & (ra[:, x] == rb[:, y])
    both_ref = (ra[:, 0] >= 0) & (rb[:, 0] >= 0)
    reference = np.select([shared_ref, both_ref], [0, 1], default=2)
    evidence = evidence | shared_ref
    content = np.where(evidence, 0, 1)

    levels = {
        "date": date,
        "text_date": text_date,
        "wording": wording_lv,
        "rare_words": rare,
        "extra_words": extra,
        "event_type": etype,
        "topic": topic,
        "shared_type": shared_type,
        "time": time,
        "notification": notif,
        "content": content,
        "names_other": names_other,
        "kinds": kinds,
        "reference": reference,
    }
    for name, (x, y) in _PRODUCTS.items():
        levels[name] = levels[x] * len(COMPARISONS[y]) + levels[y]
    return PairFeatures(
        a=a,
        b=b,
        levels={k: np.asarray(v, dtype=np.int64) for k, v in levels.items()},
        gap=gap,
        later=later,
        wording=np.asarray(wording, dtype=np.float32),
        cover_min=cmin,
        cover_max=cmax,
        text_date_gap=tgap,
        evidence=np.asarray(evidence, dtype=bool),
    )
