"""Pair-wise work split over the machine's cores, in threads.

numpy releases the GIL inside its loops (and rapidfuzz inside cpdist), so threads that
take runs of the candidate pairs in turn use the cores at once. Each pair's values
depend on that pair alone, and the runs are put back in order: the arrays are the
ones a single thread makes, element for element.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Pairs per run: a small review is one run on one thread; a dense review's half million
# pairs are runs of this size shared by the threads. Runs this short keep each thread's
# temporaries small and cost no more CPU than one run (dense case, peak RSS: 401 MB on
# one thread in one run, about 475 on two threads in two runs, about 440 in runs of
# 60,000; each thread allocates its temporaries apart).
MIN_PAIRS = 60_000
MAX_THREADS = 4


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def runs(n: int, min_size: int = MIN_PAIRS) -> list[slice]:
    """`n` items cut into consecutive runs of about `min_size` (at least one run)."""
    k = max(1, n // max(min_size, 1))
    bounds = [n * i // k for i in range(k + 1)]
    return [slice(bounds[i], bounds[i + 1]) for i in range(k)]


def map_runs(fn: Callable[[slice], T], n: int, min_size: int = MIN_PAIRS) -> list[T]:
    """fn(run) for the runs of `n` items, on as many threads as cores; results in order."""
    parts = runs(n, min_size)
    threads = min(cores(), MAX_THREADS, len(parts))
    if threads == 1:
        return [fn(p) for p in parts]
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="match") as pool:
        return list(pool.map(fn, parts))
