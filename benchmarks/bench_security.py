"""Security benchmark (issue 14), all measured in this run against a baseline:

1. The per-request cost of the server-side session check (a token lookup, last-seen
   renewed at most every 1/10 of the idle time-out) against the old per-request account
   lookup by user id (what Flask-Login's loader did before).
2. An online guessing attack of 30 wrong passwords on one account: how many reach the
   password check and how long they take, with the throttle, against the same 30 without it.

Run: python benchmarks/bench_security.py [--requests N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from timeline.settings import SecuritySettings  # noqa: E402
from timeline.store import LOCAL_OPERATOR, Store  # noqa: E402
from timeline.store.sessions import Timeouts  # noqa: E402
from timeline.store.throttle import Ticket  # noqa: E402


def per_call(fn, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6  # µs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        user = store.reviews.create_user(
            LOCAL_OPERATOR, "bench@example.org", "Bench", "lantern otter quay 5"
        )
        token, _ = store.sessions.create(user["id"], method="password", client="bench")
        defaults = SecuritySettings()
        timeouts = Timeouts(defaults.idle, defaults.absolute)
        per_call(lambda: store.reviews.get_user(user["id"]), 50)  # warm up
        base = per_call(lambda: store.reviews.get_user(user["id"]), args.requests)
        check = per_call(lambda: store.sessions.check(token, timeouts), args.requests)
        print(f"per-request account lookup (baseline): {base:8.1f} µs")
        print(f"per-request session check:             {check:8.1f} µs  ratio {check / base:.2f}")

        start = time.perf_counter()
        for _ in range(30):
            store.reviews.authenticate("bench@example.org", "wrong guess")
        unthrottled = time.perf_counter() - start
        checked = 0
        start = time.perf_counter()
        for _ in range(30):
            t = store.throttle.attempt("bench@example.org", "203.0.113.9")
            if isinstance(t, Ticket):
                checked += 1
                if store.reviews.authenticate("bench@example.org", "wrong guess") is None:
                    store.throttle.failed(t)
        throttled = time.perf_counter() - start
        refused = store.throttle.attempt("bench@example.org", "203.0.113.9")
        print(f"30 wrong passwords without the throttle: 30 checked in {unthrottled:.2f} s")
        print(
            f"30 wrong passwords with the throttle:    {checked} checked, {30 - checked} refused "
            f"(429) in {throttled:.2f} s; next attempt waits {refused.retry_after} s"
        )
        print(f"guesses reaching the password check: ratio {checked / 30:.2f}")
        store.close()


if __name__ == "__main__":
    main()
