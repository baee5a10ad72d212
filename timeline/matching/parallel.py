"""Pair-wise work split over the machine's cores, in threads.

numpy releases the GIL inside its loops (and rapidfuzz inside cpdist), so threads that
each work on one run of the candidate pairs use the cores at once. Each pair's values
depend on that pair alone, and the runs are put back in order: the arrays are the
ones a single thread makes, element for element.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Pairs per thread at the least: below this a second thread costs more than it saves
# (a dense review's half million pairs split in two; a small review stays on one).
MIN_PAIRS = 150_000
MAX_THREADS = 4


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def runs(n: int, min_size: int = MIN_PAIRS) -> list[slice]:
    """`n` items cut into consecutive runs, one per thread to use (at least one)."""
    k = max(1, min(cores(), MAX_THREADS, n // max(min_size, 1)))
    bounds = [n * i // k for i in range(k + 1)]
    return [slice(bounds[i], bounds[i + 1]) for i in range(k)]


def map_runs(fn: Callable[[slice], T], n: int, min_size: int = MIN_PAIRS) -> list[T]:
    """fn(run) for the runs of `n` items, each in a thread of its own; results in order."""
    parts = runs(n, min_size)
    if len(parts) == 1:
        return [fn(parts[0])]
    with ThreadPoolExecutor(max_workers=len(parts), thread_name_prefix="match") as pool:
        return list(pool.map(fn, parts))
