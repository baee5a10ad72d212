"""Find the same event across agencies: block -> score -> cluster, with reviewer decisions.

    result = match_records(records, decisions=[...], config=MatchConfig())

Every input record ends in exactly one MergedEvent (singletons too); `result.queue`
lists the uncertain merges and near misses, most useful decision first.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

import numpy as np

from ingest.records import SourceRecord

from .adapt import (
    decision_labels,
    em_prior_shift,
    local_shifts,
    refit_on_decisions,
    signature_key,
)
from .blocking import candidate_pairs
from .cluster import best_first
from .config import MatchConfig
from .decisions import build_constraints
from .evidence import field_rules
from .explain import pair_evidence
from .features import compute_features
from .kinds import KIND_CODE
from .model import (
    Contribution,
    LazyMergedEvent,
    MatchDecision,
    MatchResult,
    MergedEvent,
    PairEvidence,
    QueueItem,
    merged_id_for,
)
from .prepare import prepare
from .queue import build_queue
from .relations import Relation, apart_pairs, find_relations
from .scoring import probability, score_pairs
from .secondrows import split_entries

__all__ = [
    "Contribution",
    "MatchConfig",
    "MatchDecision",
    "MatchResult",
    "MergedEvent",
    "PairEvidence",
    "QueueItem",
    "Relation",
    "match_records",
]


def match_records(
    records: Sequence[SourceRecord],
    *,
    decisions: Sequence[MatchDecision] = (),
    config: MatchConfig | None = None,
) -> MatchResult:
    """Group records into merged events; the same input in any order gives the same result."""
    # The run makes hundreds of thousands of small objects and no reference cycles to
    # speak of: the cyclic garbage collector would walk the whole heap (the records,
    # their provenance) again and again for nothing, 1-2 s of a dense review's run.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _match_records(records, decisions, config)
    finally:
        if enabled:
            gc.enable()


def _match_records(
    records: Sequence[SourceRecord], decisions: Sequence[MatchDecision], config: MatchConfig | None
) -> MatchResult:
    config = config or MatchConfig()
    prep = prepare(records, config)
    n = len(prep.ids)
    a, b = candidate_pairs(prep, config)
    feats = compute_features(prep, a, b)
    constraints = build_constraints(decisions, prep.index)
    weights, parameters = _review_weights(feats, constraints, config)
    w = score_pairs(feats, weights)
    loose: set[tuple[int, int]] = set()
    month_veto: set[tuple[int, int]] = set()
    bonus, why = np.zeros(len(w)), np.zeros(len(w), dtype=np.int64)
    if config.field_rules:  # evidence.py: a date quoted in the text, a month's meeting
        bonus, why, loose, month_veto = field_rules(prep, feats, w)
        w = w + bonus
    learnt = np.zeros(len(w))
    if config.learn_from_decisions and config.local_learning:
        # adapt.py: each answer moves pairs of its own kind only, within a bit
        labels = decision_labels(a, b, constraints)
        learnt, kinds_moved = local_shifts(feats, labels, w, bound=config.decision_bound)
        parameters["decision_kinds_moved"] = kinds_moved
        w = w + learnt
    related = apart_pairs(prep, a, b, config.report_before_meeting == "related")
    if constraints.groups:
        # a record a reviewer put in an event is judged: the rule no longer applies to it
        decided = np.array(sorted(constraints.group_of()), dtype=np.int64)
        related = related[~(np.isin(a[related], decided) | np.isin(b[related], decided))]
    apart = set(zip(a[related].tolist(), b[related].tolist(), strict=True))
    split = [
        (h, c)
        for h, c in split_entries(prep)
        if h not in constraints.removed
        and c not in constraints.removed
        and (h, c) not in constraints.forbidden
        and (c, h) not in constraints.forbidden
    ]
    clustering = best_first(
        n,
        a,
        b,
        w,
        prep.agency,
        constraints,
        config,
        feats.evidence,
        apart=apart,
        twins=[*_pasted_twice(prep), *split],
        riders={c for _, c in split},
        lenient=_notices_of_one_date(prep, feats) | loose,
        vetoed=_other_date_named(prep, feats) | month_veto,
        late=_paperwork_links(prep, feats),
        through=(prep.rkind[a] == KIND_CODE["report"]) & (prep.rkind[b] == KIND_CODE["report"]),
    )

    def evidence(k: int) -> PairEvidence:
        return pair_evidence(
            prep, feats, k, weights, float(bonus[k]), int(why[k]), float(learnt[k])
        )

    events, merged_of = _events(prep, a, b, w, clustering.label, constraints, evidence)
    queue = build_queue(
        a, b, w, prep.ids, clustering, constraints, config, evidence, apart, signature_key(feats)
    )
    relations = find_relations(prep, a, b, w, related, merged_of)
    return MatchResult(events=events, queue=queue, relations=relations, parameters=parameters)


def _events(prep, a, b, w, label, constraints, evidence) -> tuple[list, dict[int, str]]:  # noqa: ANN001
    """One MergedEvent per cluster label, earliest first (ties: by merged_id), and the
    merged_id of every record index. Groups and their inside pairs come from sorted
    arrays, not per-record Python dictionaries (a dense review has 37,000 records)."""
    n = len(prep.ids)
    decided_group = constraints.group_of()
    # records by label, each group's members in index order (= record id order)
    order = np.argsort(label, kind="stable")
    sl = label[order]
    cut = np.flatnonzero(sl[1:] != sl[:-1]) + 1
    g_start = np.concatenate(([0], cut)).tolist() if n else []
    g_end = np.concatenate((cut, [n])).tolist() if n else []
    order_list = order.tolist()
    # Pairs inside each group, strongest first (ties: by record index): their weights give
    # the event's confidence and evidence.
    inside = np.flatnonzero(label[a] == label[b]) if len(a) else np.zeros(0, dtype=np.int64)
    inside = inside[np.lexsort((b[inside], a[inside], -w[inside], label[a[inside]]))]
    by_group: dict[int, list[int]] = {}
    for pos, lab in enumerate(label[a[inside]].tolist()):
        by_group.setdefault(lab, []).append(pos)
    # Singletons: confidence that they stand alone = 1 - the best link elsewhere.
    best_p = np.zeros(n)
    p_all = probability(w) if len(a) else np.zeros(0)
    if len(a):
        np.maximum.at(best_p, a, p_all)
        np.maximum.at(best_p, b, p_all)
    # as Python lists: the inside pairs only (a few per event), not every candidate pair
    best_list, inside_list = best_p.tolist(), inside.tolist()
    a_in, b_in, p_in = a[inside].tolist(), b[inside].tolist(), p_all[inside].tolist()
    label_list = label.tolist()
    ids_in_order = [prep.ids[i] for i in order_list]
    # each group's earliest day (its members are a run of `order`)
    first_day = np.minimum.reduceat(prep.start[order], g_start).tolist() if n else []
    removed = constraints.removed

    events, keys, merged_of = [], [], {}
    for s0, e0, day in zip(g_start, g_end, first_day, strict=True):
        members = order_list[s0:e0]
        rids = ids_in_order[s0:e0]
        mid = merged_id_for(rids)
        for i in members:
            merged_of[i] = mid
        keys.append((day, mid))
        if len(members) == 1:
            i = members[0]
            conf = 1.0 if i in removed else 1.0 - best_list[i]
            events.append(LazyMergedEvent(mid, rids, round(conf, 4), []))
            continue
        pos = by_group.get(label_list[members[0]], [])
        ks = [inside_list[q] for q in pos]
        if decided_group:
            decided = len({decided_group.get(i, -1 - i) for i in members}) == 1
        else:
            decided = False  # no decisions: no group is held together by one
        npairs = len(members) * (len(members) - 1) // 2
        if decided:
            conf = 1.0
        else:
            # Mean pair probability over all pairs in the event; a pair that never was a
            # candidate (or was joined only by a decision) counts as unknown, 0.5.
            known = {(a_in[q], b_in[q]): p_in[q] for q in pos}
            total = 0.0
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = sorted((members[x], members[y]))
                    same_decision = decided_group.get(i, -1) == decided_group.get(j, -2)
                    total += 1.0 if same_decision else known.get((i, j), 0.5)
            conf = total / npairs
        events.append(
            LazyMergedEvent(
                mid,
                rids,
                round(conf, 4),
                (lambda ks=ks: [evidence(k) for k in ks]),
                decided=decided,
            )
        )
    # earliest first; ties by merged_id (a hash: unique per group)
    rank = sorted(range(len(events)), key=keys.__getitem__)
    return [events[k] for k in rank], merged_of


def _paperwork_links(prep, feats) -> np.ndarray:  # noqa: ANN001
    """Candidate pairs of a report and a meeting: joined, if at all, after the records
    of the meeting itself (an agency's report and its attendance are two rows)."""
    from .kinds import KIND_CODE

    kinds = (KIND_CODE["report"], KIND_CODE["meeting"])
    ka, kb = prep.rkind[feats.a], prep.rkind[feats.b]
    return ((ka == kinds[0]) & (kb == kinds[1])) | ((ka == kinds[1]) & (kb == kinds[0]))


def _notices_of_one_date(prep, feats) -> set[tuple[int, int]]:  # noqa: ANN001
    """Candidate pairs of two notices (notifications, letters) that name the same date:
    news of one event to two agencies, worded each agency's way."""
    from .features import COMPARISONS
    from .kinds import KIND_CODE

    if not len(feats):
        return set()
    notice = np.isin(prep.rkind, (KIND_CODE["notification"], KIND_CODE["letter"]))
    same = COMPARISONS["text_date"].index("same_citation")
    k = np.flatnonzero(notice[feats.a] & notice[feats.b] & (feats.levels["text_date"] == same))
    return set(zip(feats.a[k].tolist(), feats.b[k].tolist(), strict=True))


def _other_date_named(prep, feats) -> set[tuple[int, int]]:  # noqa: ANN001
    """Candidate pairs of a notification that names the day of the event it reports
    ("PPN re DA incident on 09/05/14") and a record (not itself a notification) of
    another day, or two notices naming different days: the news of a different event,
    never merged unless a reviewer says so."""
    from .features import COMPARISONS
    from .kinds import KIND_CODE
    from .prepare import NO_DATE

    if not len(feats):
        return set()
    conflict = feats.levels["text_date"] == COMPARISONS["text_date"].index("conflict")
    one = prep.notification[feats.a] != prep.notification[feats.b]
    # two notices (notifications, letters) that each name a day, and not the same day:
    # news of two events ("PPN re DA 09/05/14" / "DV notification re 12.5.14"). On
    # generator A's calibration seed (101) the whole veto holds 8 matches in 2,156 pairs
    notice = prep.notification | (prep.rkind == KIND_CODE["letter"])
    named = (prep.td != NO_DATE).any(axis=1)
    a, b = feats.a, feats.b
    k = np.flatnonzero(notice[a] & notice[b] & named[a] & named[b])
    two = np.zeros(len(a), dtype=bool)
    if len(k):
        xa, xb = prep.td[a[k]][:, :, None], prep.td[b[k]][:, None, :]
        ok = (xa != NO_DATE) & (xb != NO_DATE)
        two[k] = ~(ok & (xa == xb)).any(axis=(1, 2))
    k = np.flatnonzero((conflict & one) | two)
    return set(zip(a[k].tolist(), b[k].tolist(), strict=True))


def _pasted_twice(prep) -> list[list[int]]:  # noqa: ANN001
    """Groups of one agency's identical rows (date, description, outcome) of which ingest
    flagged one a duplicate_row: a row pasted twice is one record of one event."""
    flagged = [
        i
        for i, r in enumerate(prep.records)
        if r.issues and any(x.code == "duplicate_row" for x in r.issues)
    ]
    if not flagged:
        return []

    def key(r):  # noqa: ANN001, ANN202
        return (r.agency, r.date.start, r.date.end, r.description, r.outcome)

    wanted = {key(prep.records[i]) for i in flagged}
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(prep.records):
        k = key(r)
        if k in wanted:
            groups.setdefault(k, []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _review_weights(feats, constraints, config: MatchConfig) -> tuple[dict, dict]:  # noqa: ANN001
    """The fitted weights adapted to this review (adapt.py) and what was used."""
    weights = dict(config.weights)
    shift = 0.0
    if config.adapt_prior and len(feats):
        shift = em_prior_shift(
            score_pairs(feats, weights),
            config.fitted_match_share,
            bound=config.prior_bound,
            bound_up=config.prior_bound_up,
        )
        weights["prior"] = round(weights.get("prior", 0.0) + shift, 4)
    labels = decision_labels(feats.a, feats.b, constraints) if config.learn_from_decisions else {}
    if labels and not config.local_learning:
        weights = refit_on_decisions(
            feats, labels, weights, penalty=config.decision_penalty, bound=config.decision_bound
        )
    base = config.weights.get("prior", 0.0) + shift
    some = next((k for k, v in config.weights.items() if k != "prior" and v), None)
    slope = weights[some] / config.weights[some] if some and labels else 1.0
    slope = 1.0 if config.local_learning else slope
    parameters = {
        "match_threshold": config.match_threshold,
        "link_floor": config.link_floor,
        "max_candidates": config.max_candidates,
        "candidate_pairs": len(feats),
        "prior_fitted": config.weights.get("prior", 0.0),
        "prior_shift_em": round(shift, 4),
        "decided_pairs_learnt": len(labels),
        "decision_slope": round(slope, 4),
        "decision_shift": round(weights.get("prior", 0.0) - base * slope, 4),
        "weights": weights,
    }
    return weights, parameters
