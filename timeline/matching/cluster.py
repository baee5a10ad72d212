"""Best-first clustering under constraints (never plain connected components).

Pairs are taken strongest first. Two groups join only when
- their strongest link reaches `match_threshold`,
- every pair across them was a candidate with weight >= `link_floor` (so A~B and B~C
  with A and C unlike never becomes A-B-C),
- no agency would then have more than `max_records_per_agency` records in the group,
- no reviewer decision forbids it,
- the link itself carries positive evidence (`linkable`: a kind of event, a subject,
  distinctive words or a date in the text in common): dates alone never merge.
Reviewer "same" groups are joined first, whatever the limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .config import MatchConfig
from .decisions import Constraints


@dataclass
class Clustering:
    label: np.ndarray  # cluster label per record index
    blocked: dict[tuple[int, int], str]  # strong pairs that a rule kept apart, and why


def best_first(
    n: int,
    a: np.ndarray,
    b: np.ndarray,
    w: np.ndarray,
    agency: np.ndarray,
    constraints: Constraints,
    config: MatchConfig,
    linkable: np.ndarray | None = None,
    apart: set[tuple[int, int]] | None = None,
    twins: Sequence[Sequence[int]] = (),
    riders: set[int] | None = None,
    lenient: set[tuple[int, int]] | None = None,
    vetoed: set[tuple[int, int]] | None = None,
    late: np.ndarray | None = None,
    through: np.ndarray | None = None,
) -> Clustering:
    """`apart`: pairs a rule keeps in different events (a meeting and its follow-up),
    unless a reviewer's "same" decision put them together. `twins`: groups that are one
    event from the start (a row pasted twice, an entry split over two rows); `riders`:
    records that go with their twin (the rest of a split entry, "Update: plan to
    continue"): their own wording is not compared with the other agencies' records."""
    apart = apart or set()
    riders = riders or set()
    # pairs the all-pairs check does not hold against a merge: two notices of one event
    # (a PPN received, a letter to the GP) need not read alike, each reads like the event
    lenient = lenient or set()
    # pairs never in one event unless a reviewer says so: a notification that names the
    # day of the event it reports, and a record of another day
    vetoed = vetoed or set()
    parent = list(range(n))
    members: list[list[int]] = [[i] for i in range(n)]  # per root
    limit = config.max_records_per_agency
    # Each group's agencies as a bit mask (Python ints hold any number of agencies): with
    # one record per agency, two groups may join only when their masks do not meet. Per
    # agency counts are kept only for a higher limit.
    masks = [1 << ag for ag in agency.tolist()]
    counts: list[dict[int, int]] | None = None
    if limit != 1:
        counts = [{ag: 1} for ag in agency.tolist()]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(ri: int, rj: int) -> None:
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members[rj])
        members[rj] = []
        masks[ri] |= masks[rj]
        if counts is not None:
            ci = counts[ri]
            for ag, c in counts[rj].items():
                ci[ag] = ci.get(ag, 0) + c

    def over_limit(ri: int, rj: int) -> bool:
        # over the limit only when both groups hold the agency: a group a decision (or a
        # duplicated row) gave two records of one agency may still join other agencies
        if not masks[ri] & masks[rj]:
            return False
        if counts is None:
            return True
        ci, cj = counts[ri], counts[rj]
        return any(ci[ag] + cj[ag] > limit for ag in ci.keys() & cj.keys())

    # a row pasted twice (ingest flags it duplicate_row) is one event, like a decision
    for g in [*twins, *constraints.groups]:
        ids = sorted(g)
        for j in ids[1:]:
            ri, rj = find(ids[0]), find(j)
            if ri != rj:
                join(ri, rj)

    # Only links at or above the floor matter for the all-pairs check; a missing one
    # fails. One int key per pair (x * n + y, x < y): no tuple per pair.
    floor = set((a[w >= config.link_floor] * n + b[w >= config.link_floor]).tolist())
    # the links strong enough to merge, strongest first (ties: by record index)
    strong = np.flatnonzero(w >= config.match_threshold)
    # `late` links (a report and its meeting) are taken after every other link: the
    # records of the event itself claim their agencies' places first
    lateness = late[strong] if late is not None else np.zeros(len(strong), dtype=bool)
    order = strong[np.lexsort((b[strong], a[strong], -w[strong], lateness))]
    ok = linkable[order].tolist() if linkable is not None else [True] * len(order)
    # `through` links (two agencies' reports for one meeting) never merge on their own:
    # the two join only through the meeting they were written for
    via = through[order].tolist() if through is not None else [False] * len(order)
    blocked: dict[tuple[int, int], str] = {}
    removed = constraints.removed
    for i, j, is_linkable, only_through in zip(
        a[order].tolist(), b[order].tolist(), ok, via, strict=True
    ):
        if i in removed or j in removed:
            continue
        # most records are still alone, or one step from their group's root
        ri = parent[i]
        if parent[ri] != ri:
            ri = find(i)
        rj = parent[j]
        if parent[rj] != rj:
            rj = find(j)
        if ri == rj:
            continue
        if not is_linkable:
            blocked[(i, j)] = "dates only"
            continue
        if only_through:
            blocked[(i, j)] = "reports for one meeting"
            continue
        if i in riders or j in riders:
            continue  # a rider goes with its twin, never by its own link
        if (i, j) in vetoed:
            blocked[(i, j)] = "names another date"
            continue
        reason = "agency limit" if over_limit(ri, rj) else ""
        if not reason:
            for x in members[ri]:
                if x in riders:
                    continue
                for y in members[rj]:
                    if y in riders:
                        continue
                    key = (x, y) if x < y else (y, x)
                    if key in constraints.forbidden:
                        reason = "decision"
                        break
                    if key in apart:
                        reason = "related, not the same"
                        break
                    if key in vetoed:
                        reason = "names another date"
                        break
                    if key in lenient:
                        continue
                    if key[0] * n + key[1] not in floor:
                        reason = "weak link"
                        break
                if reason:
                    break
        if reason:
            blocked[(i, j)] = reason
            continue
        join(ri, rj)

    label = np.fromiter((find(i) for i in range(n)), dtype=np.int64, count=n)
    return Clustering(label=label, blocked=blocked)
