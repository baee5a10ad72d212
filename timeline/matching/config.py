"""Matcher settings. The defaults were calibrated on generated labelled cases (seed 101,
not the evaluation seed): see docs/matching.md for the figures behind each value."""

from __future__ import annotations

from dataclasses import dataclass, field

from .weights import DEFAULT_WEIGHTS


@dataclass
class MatchConfig:
    # Blocking: records dated up to this many days apart are compared.
    window_days: int = 3
    # A notification (PPN, Encompass, ED liaison, referral received) may be dated up to
    # this many days after the event it reports.
    notification_lag_days: int = 14
    # A letter about an event up to this many days after it; a meeting's paperwork
    # (minutes, outcome letter) up to follow_up_lag_days; a report for a conference up
    # to report_lead_days before it.
    letter_lag_days: int = 7
    follow_up_lag_days: int = 28
    report_lead_days: int = 7
    # Intervals longer than this (a year, a long range) are too vague to match on date;
    # such records are compared only through dates written in their text.
    max_interval_days: int = 100
    # At most this many best-ranked candidates per record (0: no cap); a pair stays when
    # either record ranks it this high. Tightens blocking on busy days only.
    max_candidates: int = 16
    # ... of which at most this many with nothing but their dates in common (a busy day's
    # unrelated entries); None: no separate cap. Off by default: on generator A's dense
    # case (seed 101, 20,000 events over 12 years) a cap of 6 cut matching CPU by 7% but
    # precision from 0.915 to 0.902 (a missing pair fails the all-pairs check, so records
    # joined other groups instead).
    max_weak_candidates: int | None = None
    # Clustering (log2 weights): a merge needs its best link at or above match_threshold
    # and every pair across the two groups at or above link_floor (no chaining).
    match_threshold: float = -1.0
    link_floor: float = -4.0
    max_records_per_agency: int = 1
    # An agency's report written days before a meeting ("Report submitted for ICPC on
    # 27/11", dated the 21st): "part" of the meeting's event, or "related" (an event of
    # its own, linked to the meeting like its minutes). Reviews count it both ways
    # (generators A and B: part; families C and D: related); see docs/matching.md.
    report_before_meeting: str = "part"
    # evidence.py: a record naming another's day (a notice or letter written 0-14 days
    # after it) with content in common, and a month-dated meeting with the one meeting of
    # its kind that month, get bonus bits and are not held back by the floor.
    field_rules: bool = True
    # Read the kind of event and of record from the first sentence of a narrative entry.
    lead_sentence: bool = True
    cross_agency_only: bool = True
    # Adapting to the review (adapt.py): EM moves the prior by at most prior_bound bits;
    # decisions refit the level weights, pulled back to the fitted values by
    # decision_penalty and moved at most decision_bound bits.
    adapt_prior: bool = True
    # share of matches among the calibration set's candidate pairs (2107 / 19697, seed 101)
    fitted_match_share: float = 0.107
    prior_bound: float = 2.0
    prior_bound_up: float = 0.0
    learn_from_decisions: bool = True
    # adapt.local_shifts: an answer moves only pairs of its own kind, by at most
    # decision_bound bits (False: the older global slope-and-shift recalibration)
    local_learning: bool = True
    decision_penalty: float = 30.0
    decision_bound: float = 1.0
    # Review queue: pairs within this many bits of the threshold are worth a look.
    review_margin: float = 4.0
    max_queue: int = 500
    # A review's own terms {abbreviation: expansion}, added to the glossary.
    extra_terms: dict[str, str] = field(default_factory=dict)
    # Log2 weight of each comparison level (and "prior"), from calibration.
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
