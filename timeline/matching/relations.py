"""Related records that are not the same event: a meeting's paperwork and the meeting.

"Minutes of the strategy meeting received", "Outcome letter sent following ICPC",
"Core group minutes chased" are records of their own, dated days or weeks after the
meeting they concern. Merging them into the meeting would hide when the agency
actually received the minutes; leaving them unlinked would lose what they are about.
They stay separate events and each gets a Relation to the meeting it follows up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np

from .kinds import KIND_CODE
from .prepare import Prepared

GENERIC_MEETING = frozenset({"meeting", "conference"})


@dataclass(frozen=True)
class Relation:
    """`record_id` follows up `related_record_id`, which is in event `event_id`."""

    record_id: str  # the follow-up (minutes received, outcome letter, ...)
    related_record_id: str  # the meeting's record it is about
    event_id: str  # merged_id of the meeting's event
    kind: str  # "follow-up of a meeting"
    reason: str  # in words, for the panel and the exports


def apart_pairs(
    prep: Prepared, a: np.ndarray, b: np.ndarray, reports_before: bool = False
) -> np.ndarray:
    """Candidate pairs (indices into a, b) of a follow-up and a meeting, or of a meeting
    and a report written after it that names its day ("Report submitted to the chair for
    the core group on 19th Feb 2015", dated the 24th): never merged. With
    `reports_before`, a report dated before its meeting too ("Report submitted for ICPC
    on 27/11/2024", written on the 21st: an event of its own, related to the meeting)."""
    fu, mt, rp = KIND_CODE["follow-up"], KIND_CODE["meeting"], KIND_CODE["report"]
    ka, kb = prep.rkind[a], prep.rkind[b]
    paper = ((ka == fu) & (kb == mt)) | ((ka == mt) & (kb == fu))
    if reports_before:
        paper |= (ka == rp) & (kb == mt) & (prep.end[a] < prep.start[b])
        paper |= (kb == rp) & (ka == mt) & (prep.end[b] < prep.start[a])
    late = np.zeros(len(a), dtype=bool)
    for r, m, kr, km in ((a, b, ka, kb), (b, a, kb, ka)):
        # a report, or an entry naming a meeting that says something was sent ("Update
        # submitted re CG 19th Feb 2015"), dated after the meeting whose day it names
        cand = ((kr == rp) | (kr == mt)) & (km == mt) & (prep.start[r] > prep.end[m])
        k = np.flatnonzero(cand)
        if len(k):
            td = prep.td[r[k]]
            named = ((td >= prep.start[m[k]][:, None]) & (td <= prep.end[m[k]][:, None])).any(
                axis=1
            )
            sent = np.fromiter(
                (
                    kr[x] == rp or _SENT.search(prep.texts[int(r[x])]) is not None
                    for x in k.tolist()
                ),
                dtype=bool,
                count=len(k),
            )
            late[k[named & sent]] = True
    return np.flatnonzero(paper | late)


_SENT = re.compile(r"\b(submitted|sent|shared|emailed)\b")


def _same_meeting(x: frozenset[str], y: frozenset[str]) -> bool:
    sx, sy = x - GENERIC_MEETING, y - GENERIC_MEETING
    return not sx or not sy or bool(sx & sy)


def find_relations(
    prep: Prepared,
    a: np.ndarray,
    b: np.ndarray,
    w: np.ndarray,
    ks: np.ndarray,
    event_id: dict[int, str],
) -> list[Relation]:
    """For each follow-up, the meeting it most likely concerns among its candidates:
    the same kind of meeting, dated on or before it; the date it quotes first, then the
    nearest meeting, then the match weight."""
    best: dict[int, tuple[tuple, int]] = {}
    mt, rp = KIND_CODE["meeting"], KIND_CODE["report"]
    if len(ks):
        # the meeting is dated on or before its follow-up (a follow-up, or a report sent
        # after the meeting: the side that is not the meeting)
        ka, kb = prep.rkind[a[ks]], prep.rkind[b[ks]]
        f_is_a = (ka != mt) | ((kb == mt) & (prep.start[a[ks]] > prep.start[b[ks]]))
        f = np.where(f_is_a, a[ks], b[ks])
        m = np.where(f_is_a, b[ks], a[ks])
        # ... or after a report written for it (MatchConfig.report_before_meeting)
        early = prep.rkind[f] == KIND_CODE["report"]
        ks = ks[(prep.start[m] <= prep.end[f]) | early]
    # Python lists, not numpy scalars, in the loop (tens of thousands of pairs)
    rkind, start, end = prep.rkind.tolist(), prep.start.tolist(), prep.end.tolist()
    precise = prep.precise.tolist()
    for i, j, wk in zip(a[ks].tolist(), b[ks].tolist(), w[ks].tolist(), strict=True):
        later_i = rkind[j] == mt and (rkind[i] != mt or start[i] > start[j])
        f, m = (i, j) if later_i else (j, i)
        before = rkind[f] == rp and start[m] > end[f]
        if (start[m] > end[f] and not before) or event_id[f] == event_id[m]:
            continue
        if not _same_meeting(prep.meetings[f], prep.meetings[m]):
            continue
        quoted = any(start[m] <= d <= end[m] for d in prep.text_dates[f])
        gap = start[f] - end[m]
        # a date named that is the meeting's own day first; a month-only entry ("July
        # 2019") holds every date of its month, so it comes after the dated meetings
        exact = precise[m]
        rank = (not (quoted and exact), not quoted, not exact, max(gap, 0), -wk)
        rank += (prep.ids[m],)
        if f not in best or rank < best[f][0]:
            best[f] = (rank, m)
    out = []
    for f, ((_, unquoted, _, gap, _, _), m) in sorted(best.items(), key=lambda x: prep.ids[x[0]]):
        names = sorted(prep.meetings[m] - GENERIC_MEETING) or sorted(prep.meetings[m])
        when = date.fromordinal(int(prep.start[m])).strftime("%d %b %Y").lstrip("0")
        how = "names its date" if not unquoted else f"{gap} days later" if gap else "same day"
        what = "paperwork after"
        if prep.start[m] > prep.end[f]:  # a report written before the meeting
            what = "a report for"
            if unquoted:
                how = f"{int(prep.start[m] - prep.end[f])} days before"
        reason = (
            f"{what} the {' / '.join(names)} meeting of {when} ({how}; "
            f"{prep.records[m].agency}): related, not the same event"
        )
        out.append(
            Relation(prep.ids[f], prep.ids[m], event_id[m], "follow-up of a meeting", reason)
        )
    return out
