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
    """Index pairs (a < b) of records that may describe one event."""
    rec, lo, hi = block_intervals(prep, config)
    order = np.argsort(lo, kind="stable")
    rec, lo, hi = rec[order], lo[order], hi[order]
    # Interval k overlaps every later-sorted interval j whose start is <= hi[k].
    stop = np.searchsorted(lo, hi, side="right")
    first = np.arange(len(lo)) + 1
    counts = np.maximum(stop - first, 0)
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    left = np.repeat(np.arange(len(lo)), counts)
    # position within each run: 0..count-1, offset from the run's first partner
    run_start = np.repeat(np.cumsum(counts) - counts, counts)
    right = np.repeat(first, counts) + (np.arange(total) - run_start)
    a, b = rec[left], rec[right]
    keep = a != b
    if config.cross_agency_only or config.max_records_per_agency <= 1:
        keep &= prep.agency[a] != prep.agency[b]
    a, b = a[keep], b[keep]
    n = len(prep.ids)
    # Sorting beats numpy's hash-based unique here (many duplicates, one int64 key).
    key = np.sort(np.minimum(a, b) * n + np.maximum(a, b))
    if len(key):
        key = key[np.concatenate(([True], key[1:] != key[:-1]))]
    a, b = key // n, key % n
    # A meeting's paperwork is compared weeks back only with meetings (the relation it
    # may have, relations.py); with anything else only within the ordinary window.
    # A notification weeks after a meeting or a report is its news only when it names
    # the meeting's day ("Notif MARAC 02/06/2014"); otherwise the ordinary window.
    fu, mt, rp = KIND_CODE["follow-up"], KIND_CODE["meeting"], KIND_CODE["report"]
    ka, kb = prep.rkind[a], prep.rkind[b]
    gap = np.maximum(np.maximum(prep.start[b] - prep.end[a], prep.start[a] - prep.end[b]), 0)
    far = gap > config.window_days
    paper = (ka == fu) | (kb == fu)
    meeting = ((ka == fu) & (kb == mt)) | ((kb == fu) & (ka == mt))
    na, nb = prep.notification[a], prep.notification[b]
    news = far & ~paper & ((na & np.isin(kb, (mt, rp))) | (nb & np.isin(ka, (mt, rp))))
    if news.any():
        k = np.flatnonzero(news)
        named = np.zeros(len(k), dtype=bool)
        for x, y in ((a[k], b[k]), (b[k], a[k])):
            td = prep.td[x]
            named |= ((td >= prep.start[y][:, None] - 1) & (td <= prep.end[y][:, None])).any(axis=1)
        news[k[named]] = False
    keep = ~((paper & ~meeting & far) | news)
    a, b = a[keep], b[keep]
    if config.max_candidates and len(a):
        a, b = cap_per_record(prep, a, b, config.max_candidates, config.max_weak_candidates)
    return a, b


def prescore(prep: Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A cheap integer score of how likely a pair is to be one event (dates, kinds of
    event, subjects, each text's rarest words, dates quoted in the text), used only to
    rank a record's candidates: the full comparison runs on the best of them.
    Column by column (no 3-D broadcasts), each term an int16 added in place: millions
    of pairs on a dense review."""
    sa, ea, sb, eb = prep.start[a], prep.end[a], prep.start[b], prep.end[b]
    gap = np.maximum(np.maximum(sb - ea, sa - eb), 0)
    score = np.zeros(len(a), dtype=np.int16)

    def add(points: int, where: np.ndarray) -> None:
        # the bool array as int8 (no copy) times an int16: one int16 temporary
        score[...] += np.ascontiguousarray(where).view(np.int8) * np.int16(points)

    add(6, gap == 0)
    add(4, gap == 1)
    add(2, (gap >= 2) & (gap <= 3))
    shared = prep.types[a] & prep.types[b]
    specific = (shared & ~GENERIC_MASK) != 0
    add(5, specific)
    add(2, (shared != 0) & ~specific)
    add(5, (prep.topics[a] & prep.topics[b]) != 0)
    add(3, ((prep.named[a] & prep.kind[b]) | (prep.named[b] & prep.kind[a])) != 0)
    sig_a, sig_b = prep.signature[a], prep.signature[b]
    for x in range(sig_a.shape[1]):
        col = sig_a[:, x]
        valid = col >= 0
        for y in range(sig_b.shape[1]):
            add(3, valid & (col == sig_b[:, y]))
    # a date written in one text that is the other record's own date (or the day before)
    td_a, td_b = prep.td[a], prep.td[b]
    quoted = np.zeros(len(a), dtype=bool)
    for x in range(td_a.shape[1]):
        quoted |= (td_a[:, x] >= sb - 1) & (td_a[:, x] <= eb)
        quoted |= (td_b[:, x] >= sa - 1) & (td_b[:, x] <= ea)
    add(6, quoted)
    # both texts name one date (two notifications of one incident), both are notices
    same = np.zeros(len(a), dtype=bool)
    for x in range(td_a.shape[1]):
        valid = td_a[:, x] != NO_DATE
        for y in range(td_b.shape[1]):
            same |= valid & (td_a[:, x] == td_b[:, y])
    add(5, same)
    add(2, prep.notification[a] & prep.notification[b])
    ra, rb = prep.refs[a], prep.refs[b]
    for x in range(ra.shape[1]):
        valid = ra[:, x] >= 0
        for y in range(rb.shape[1]):
            add(6, valid & (ra[:, x] == rb[:, y]))
    # a meeting's paperwork and a meeting before it: the pair a relation is found from
    # (relations.py), however many entries the weeks between hold; most of all when the
    # paperwork names the meeting's date
    fu, mt = KIND_CODE["follow-up"], KIND_CODE["meeting"]
    ka, kb = prep.rkind[a], prep.rkind[b]
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
