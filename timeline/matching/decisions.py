"""Reviewer decisions as clustering constraints.

Decisions are applied in the order given, so a later decision overrides an earlier one
on the same records. Ids that no longer exist (a row changed in a re-import) are
ignored; ids of unchanged rows are stable, so their decisions keep applying.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from .model import MatchDecision


@dataclass
class Constraints:
    groups: list[set[int]] = field(default_factory=list)  # must be one event
    forbidden: set[tuple[int, int]] = field(default_factory=set)  # never one event
    removed: set[int] = field(default_factory=set)  # stand alone

    def group_of(self) -> dict[int, int]:
        return {i: g for g, members in enumerate(self.groups) for i in members}

    def decided_pair(self, i: int, j: int) -> bool:
        """True when a decision already settles whether i and j are one event."""
        key = (min(i, j), max(i, j))
        if key in self.forbidden or i in self.removed or j in self.removed:
            return True
        return any(i in g and j in g for g in self.groups)


def build_constraints(decisions: Sequence[MatchDecision], index: Mapping[str, int]) -> Constraints:
    """Turn decisions into must-link groups, cannot-link pairs and removed records."""
    groups: list[set[int]] = []
    forbidden: set[tuple[int, int]] = set()
    removed: set[int] = set()
    for d in decisions:
        present = sorted({index[r] for r in d.record_ids if r in index})
        if d.kind == "remove":
            if not present:
                continue
            i = present[0]
            removed.add(i)
            for g in groups:
                g.discard(i)
            forbidden = {p for p in forbidden if i not in p}
        elif d.kind == "not_same":
            if len(present) < 2:
                continue
            pairs = set(combinations(present, 2))
            forbidden |= pairs
            # An earlier "same" holding two of these together is overridden: the first
            # (in id order) stays, the others leave the group.
            for g in groups:
                inside = [i for i in present if i in g]
                for i in inside[1:]:
                    g.discard(i)
        elif d.kind == "same":
            if len(present) < 2:
                continue
            merged = set(present)
            rest = []
            for g in groups:
                if g & merged:
                    merged |= g
                else:
                    rest.append(g)
            groups = [*rest, merged]
            removed -= merged
            forbidden = {p for p in forbidden if not (p[0] in merged and p[1] in merged)}
    groups = [g for g in groups if len(g) >= 2]
    return Constraints(groups=groups, forbidden=forbidden, removed=removed)
