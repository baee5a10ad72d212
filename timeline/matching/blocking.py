"""Candidate pairs: records whose widened date intervals overlap, found with sorted arrays.

Each record contributes one interval (its own dates, reaching back `window_days`, and
`notification_lag_days` further when its wording is a notification) plus one per date
written in its text (widened by `window_days` both ways): two records are compared when
they are dated at most `window_days` apart, or a notification follows an event within
the lag, or a date in one text is near the other's date. Sorting the intervals by start
and searching each end in that order (searchsorted) lists exactly the overlapping pairs
without comparing all pairs.
"""

from __future__ import annotations

import numpy as np

from .config import MatchConfig
from .kinds import KIND_CODE
from .prepare import NO_DATE, Prepared
from .signals import EVENT_TYPES, GENERIC_TYPES

GENERIC_MASK = sum(1 << i for i, name in enumerate(EVENT_TYPES) if name in GENERIC_TYPES)


def block_intervals(prep: Prepared, config: MatchConfig) -> tuple[np.ndarray, ...]:
    """(record index, lo, hi) of every blocking interval, as arrays."""
    w = config.window_days
    span = prep.end - prep.start + 1
    usable = span <= config.max_interval_days
    # Per-kind windows: news, letters and meeting paperwork come days (or weeks) after
    # the event; a report for a conference is written days before it.
    k = prep.rkind
    lag = np.select(
        [k == KIND_CODE["follow-up"], prep.notification, k == KIND_CODE["letter"]],
        [config.follow_up_lag_days, config.notification_lag_days, config.letter_lag_days],
        default=0,
    )
    lead = np.where(k == KIND_CODE["report"], config.report_lead_days, 0)
    rec = np.flatnonzero(usable)
    lo = (prep.start - w - lag)[usable]
    hi = (prep.end + lead)[usable]
    er, col = np.nonzero(prep.td != NO_DATE)
    if len(er):
        ed = prep.td[er, col]
        rec = np.concatenate([rec, er])
        lo = np.concatenate([lo, ed - w])
        hi = np.concatenate([hi, ed + w])
    return rec, lo, hi


def candidate_pairs(prep: Prepared, config: MatchConfig) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (a < b) of records that may describe one event, sorted by (a, b)."""
    rec, lo, hi = block_intervals(prep, config)
    order = np.argsort(lo, kind="stable")
    rec, lo, hi = rec[order], lo[order], hi[order]
    # Interval k overlaps every later-sorted interval j whose start is <= hi[k].
    stop = np.searchsorted(lo, hi, side="right")
    first = np.arange(1, len(lo) + 1)
    counts = np.maximum(stop - first, 0)
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    # Positions into the sorted intervals as int32 (millions of them on a dense review:
    # half the memory traffic of int64); right = the run's first partner + offset in it.
    left = np.repeat(np.arange(len(lo), dtype=np.int32), counts)
    right = np.arange(total, dtype=np.int32)
    right += np.repeat((first - (np.cumsum(counts) - counts)).astype(np.int32), counts)
    # the interval's record and agency, read per interval (tens of thousands) not per pair
    rec32 = rec.astype(np.int32)
    keep = rec32[left] != rec32[right]
    if config.cross_agency_only or config.max_records_per_agency <= 1:
        ag = prep.agency[rec].astype(np.int16 if len(prep.agency_names) < 2**15 else np.int64)
        keep &= ag[left] != ag[right]
    x, y = rec32[left[keep]], rec32[right[keep]]
    del left, right, keep
    a, b = np.minimum(x, y), np.maximum(x, y)
    del x, y
    # A meeting's paperwork is compared weeks back only with meetings (the relation it
    # may have, relations.py); with anything else only within the ordinary window.
    # A notification weeks after a meeting or a report is its news only when it names
    # the meeting's day ("Notif MARAC 02/06/2014"); otherwise the ordinary window.
    # (Each rule reads one pair at a time: applied before the duplicates are dropped.)
    fu, mt, rp = KIND_CODE["follow-up"], KIND_CODE["meeting"], KIND_CODE["report"]
    rk = prep.rkind.astype(np.int8)
    ka, kb = rk[a], rk[b]
    start, end = _narrow(prep.start), _narrow(prep.end)
    gap = np.maximum(np.maximum(start[b] - end[a], start[a] - end[b]), 0)
    far = gap > config.window_days
    del gap
    paper = (ka == fu) | (kb == fu)
    meeting = ((ka == fu) & (kb == mt)) | ((kb == fu) & (ka == mt))
    na, nb = prep.notification[a], prep.notification[b]
    news = far & ~paper & ((na & ((kb == mt) | (kb == rp))) | (nb & ((ka == mt) | (ka == rp))))
    if news.any():
        k = np.flatnonzero(news)
        named = np.zeros(len(k), dtype=bool)
        for u, v in ((a[k], b[k]), (b[k], a[k])):
            td = np.take(prep.td, u, axis=0)
            named |= ((td >= prep.start[v][:, None] - 1) & (td <= prep.end[v][:, None])).any(axis=1)
        news[k[named]] = False
    keep = ~((paper & ~meeting & far) | news)
    n = len(prep.ids)
    # One int64 key per pair, sorted: the (a, b) order, and a record pair found through
    # more than one of its intervals (a date in a text) kept once. Sorting beats numpy's
    # hash-based unique here (many duplicates, one int64 key).
    key = a[keep].astype(np.int64) * n + b[keep]
    del a, b, keep
    key.sort()
    if len(key):
        key = key[np.concatenate(([True], key[1:] != key[:-1]))]
    a, b = key // n, key % n
    if config.max_candidates and len(a):
        a, b = cap_per_record(prep, a, b, config.max_candidates, config.max_weak_candidates)
    return a, b


def _narrow(x: np.ndarray) -> np.ndarray:
    """A per-record integer array as int32 when its values fit: the pair arrays built
    from it (millions on a dense review) then move half the bytes."""
    if len(x) and (int(x.max()) >= 2**31 or int(x.min()) < -(2**31)):
        return x
    return x.astype(np.int32)


def _columns(x: np.ndarray) -> list[np.ndarray]:
    """The columns of a (records, k) array, each contiguous and narrowed: a column
    gathered per pair is far cheaper than a row-wise fancy index of the 2-D array."""
    return [_narrow(np.ascontiguousarray(x[:, k])) for k in range(x.shape[1])]


def prescore(prep: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A cheap integer score of how likely a pair is to be one event (dates, kinds of
    event, subjects, each text's rarest words, dates quoted in the text), used only to
    rank a record's candidates: the full comparison runs on the best of them.
    Column by column (no 3-D broadcasts), each term an int16 added in place: millions
    of pairs on a dense review."""
    start, end = _narrow(prep.start), _narrow(prep.end)
    sa, ea, sb, eb = start[a], end[a], start[b], end[b]
    gap = np.maximum(np.maximum(sb - ea, sa - eb), 0)
    score = np.zeros(len(a), dtype=np.int16)

    def add(points: int, where: np.ndarray) -> None:
        # the bool array as int8 (no copy) times an int16: one int16 temporary
        score[...] += np.ascontiguousarray(where).view(np.int8) * np.int16(points)

    add(6, gap == 0)
    add(4, gap == 1)
    add(2, (gap >= 2) & (gap <= 3))
    del gap
    types, spec = _narrow(prep.types), _narrow(prep.types & ~GENERIC_MASK)
    shared = types[a] & types[b]
    specific = (spec[a] & spec[b]) != 0
    add(5, specific)
    add(2, (shared != 0) & ~specific)
    topics = _narrow(prep.topics)
    add(5, (topics[a] & topics[b]) != 0)
    named, kind = _narrow(prep.named), _narrow(prep.kind)
    add(3, ((named[a] & kind[b]) | (named[b] & kind[a])) != 0)
    sig = _columns(prep.signature)
    sig_b = [col[b] for col in sig]
    for col in sig:
        col_a = col[a]
        valid = col_a >= 0
        for col_b in sig_b:
            add(3, valid & (col_a == col_b))
    del sig_b
    # a date written in one text that is the other record's own date (or the day before)
    td = _columns(prep.td)
    td_a, td_b = [col[a] for col in td], [col[b] for col in td]
    quoted = np.zeros(len(a), dtype=bool)
    for x_a, x_b in zip(td_a, td_b, strict=True):
        quoted |= (x_a >= sb - 1) & (x_a <= eb)
        quoted |= (x_b >= sa - 1) & (x_b <= ea)
    add(6, quoted)
    # both texts name one date (two notifications of one incident), both are notices
    same = np.zeros(len(a), dtype=bool)
    for x_a in td_a:
        valid = x_a != NO_DATE
        for x_b in td_b:
            same |= valid & (x_a == x_b)
    add(5, same)
    del td_a, td_b, same
    add(2, prep.notification[a] & prep.notification[b])
    refs = _columns(prep.refs)
    refs_b = [col[b] for col in refs]
    for col in refs:
        col_a = col[a]
        valid = col_a >= 0
        for col_b in refs_b:
            add(6, valid & (col_a == col_b))
    del refs_b
    # a meeting's paperwork and a meeting before it: the pair a relation is found from
    # (relations.py), however many entries the weeks between hold; most of all when the
    # paperwork names the meeting's date
    fu, mt = KIND_CODE["follow-up"], KIND_CODE["meeting"]
    rk = prep.rkind.astype(np.int8)
    ka, kb = rk[a], rk[b]
    paper = ((ka == fu) & (kb == mt) & (sb <= ea)) | ((kb == fu) & (ka == mt) & (sa <= eb))
    paper &= shared != 0
    add(4, paper)
    add(6, paper & quoted)
    return score.astype(np.int64)


# A pair whose only prescore is its dates (same day, or a day apart): no kind of event,
# subject, rare word, date in the text or reference in common.
DATES_ONLY = 6


def cap_per_record(
    prep: Prepared, a: np.ndarray, b: np.ndarray, cap: int, weak_cap: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Keep a pair when it is among the `cap` best-ranked candidates of either record.

    On a quiet day a record has fewer candidates than the cap and nothing changes; on a
    busy day (a dense chronology, several entries a day) blocking tightens to the pairs
    with the most in common, so the candidate count grows with the records, not with
    the square of each day's entries.
    """
    m = len(a)
    counts = np.bincount(a, minlength=len(prep.ids)) + np.bincount(b, minlength=len(prep.ids))
    if counts.max() <= cap:
        return a, b
    # (one thread: scored in runs on two threads, the per-thread allocations of the
    # runs' temporaries raised a dense review's peak by about 70 MB, for 0.1 s)
    score = prescore(prep, a, b)
    # One int64 key per (owner, pair): owner first, then the higher score, then the
    # pair's position, so a plain sort of the keys gives each record's ranking.
    top = int(score.max()) + 1
    pair = np.arange(m, dtype=np.int64)
    low = (top - 1 - score) * m + pair
    key = np.sort(np.concatenate([a * (top * m) + low, b * (top * m) + low]))
    # the keys run owner by owner: each owner's first entry from the counts (no search)
    run = np.cumsum(counts) - counts
    rank = np.arange(2 * m) - np.repeat(run, counts)
    keep = np.zeros(m, dtype=bool)
    pick = key[rank < cap] % m
    keep[pick] = True
    if weak_cap is not None and weak_cap < cap:
        # Pairs with nothing but their dates in common cannot merge (cluster.py: a link
        # needs content); they still tell the clustering that two records are unlike.
        # On a busy day each record keeps only `weak_cap` of them, beside its stronger
        # candidates, so the pairs grow with the records, not with each day's entries.
        # each owner's entries run strongest first: its weak ones start at `cut`
        owners = np.arange(len(counts), dtype=np.int64)
        cut = np.searchsorted(key, owners * (top * m) + (top - 1 - DATES_ONLY) * m, side="left")
        weak_rank = np.arange(2 * m) - np.repeat(cut, counts)
        weak = (score[key % m] <= DATES_ONLY) & (weak_rank >= weak_cap)
        drop = np.zeros(m, dtype=bool)
        drop[key[weak] % m] = True
        strong = np.zeros(m, dtype=bool)
        strong[key[(~weak) & (rank < cap)] % m] = True
        keep &= ~drop | strong
    return a[keep], b[keep]
