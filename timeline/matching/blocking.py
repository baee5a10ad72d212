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
from .prepare import Prepared


def block_intervals(prep: Prepared, config: MatchConfig) -> tuple[np.ndarray, ...]:
    """(record index, lo, hi) of every blocking interval, as arrays."""
    w = config.window_days
    span = prep.end - prep.start + 1
    usable = span <= config.max_interval_days
    lag = np.where(prep.notification, config.notification_lag_days, 0)
    rec = np.flatnonzero(usable)
    lo = (prep.start - w - lag)[usable]
    hi = prep.end[usable]
    extra = [(i, d) for i, ds in enumerate(prep.text_dates) for d in ds]
    if extra:
        er = np.array([i for i, _ in extra], dtype=np.int64)
        ed = np.array([d for _, d in extra], dtype=np.int64)
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
    lo_ab, hi_ab = np.minimum(a, b), np.maximum(a, b)
    n = len(prep.ids)
    key = np.unique(lo_ab * n + hi_ab)
    return key // n, key % n
