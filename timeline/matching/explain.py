"""Evidence for a pair in words a reviewer understands: one contribution per comparison."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .features import COMPARISONS, PairFeatures
from .model import Contribution, PairEvidence
from .prepare import Prepared

FEATURE_LABELS = {
    "date": "date gap",
    "text_date": "date in the text",
    "wording": "wording",
    "rare_words": "shared rare words",
    "extra_words": "unshared words",
    "event_type": "event type",
    "topic": "subject",
    "shared_type": "kind of event in common",
    "time": "time of day",
    "notification": "notification",
    "date_type": "date gap for this kind of event",
    "notice_text_date": "notification and date in the text",
    "type_topic": "kind of event and subject together",
    "wording_rare": "wording and rare words together",
    "content": "evidence beyond the dates",
    "names_other": "names the other agency",
    "shared_notice": "kind of event in common and notification together",
    "notice_names": "notification and the agency it names together",
    "date_citation": "date gap and dates in the text together",
    "kinds": "kinds of record",
    "reference": "reference number",
    "date_kinds": "date gap for these kinds of record",
}


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _fmt(ordinal: int) -> str:
    return date.fromordinal(ordinal).strftime("%d %b %Y").lstrip("0")


def _shared_words(prep: Prepared, i: int, j: int, limit: int = 4) -> list[str]:
    ti = {int(t): float(w) for t, w in zip(prep.tok[i], prep.tok_w[i], strict=True) if t >= 0}
    tj = {int(t) for t in prep.tok[j] if t >= 0}
    shared = sorted((t for t in ti if t in tj), key=lambda t: (-ti[t], prep.vocab[t]))
    return [prep.vocab[t] for t in shared[:limit]]


def _words(comp: str, level: str, prep: Prepared, f: PairFeatures, k: int) -> tuple[float, str]:
    i, j = int(f.a[k]), int(f.b[k])
    gap = int(f.gap[k])
    if comp == "date":
        if level == "same_day":
            return 0.0, "recorded on the same day"
        if level == "overlap_week":
            return 0.0, "dates overlap (one date is only a week)"
        if level == "overlap_month":
            return 0.0, "dates overlap (one date is only a month or a range)"
        if level == "notified_before":
            return float(gap), f"a notification dated {_days(gap)} before the event"
        if level.startswith("notified"):
            return float(gap), f"a notification dated {_days(gap)} after the event it reports"
        return float(gap), f"recorded {_days(gap)} apart"
    if comp == "text_date":
        if level == "agree":
            return 1.0, "a date written in the text matches the other record's date"
        if level == "near":
            return 0.5, "a date written in the text is the day before the other record's date"
        if level == "same_citation":
            return 0.5, "both texts name the same date (of an earlier event)"
        if level == "conflict":
            tg = int(f.text_date_gap[k])
            return -1.0, f"the dates written in the text are {_days(tg)} from the other's"
        return 0.0, "no date written in either text"
    if comp == "wording":
        v = float(f.wording[k])
        return v, f"wording {v:.0f}% alike (word order ignored, abbreviations expanded)"
    if comp == "extra_words":
        v = float(f.cover_max[k])
        return v, f"{1 - v:.0%} of the longer text's distinctive words are not in the other"
    if comp == "rare_words":
        words = _shared_words(prep, i, j)
        cov = float(f.cover_min[k])
        listed = ", ".join(f"'{w}'" for w in words) if words else "no words"
        if level == "subset":
            return cov, f"shares {listed}, but one text says much more than the other"
        return cov, f"shares {listed} ({cov:.0%} of the shorter text's distinctive words)"
    if comp == "event_type":
        ti, tj = prep.type_names[i], prep.type_names[j]
        if level == "agree":
            both = ", ".join(sorted(ti & tj))
            return 1.0, f"both describe: {both}"
        if level == "disagree":
            return -1.0, (
                f"different kinds of event: {', '.join(sorted(ti))} / {', '.join(sorted(tj))}"
            )
        if level == "generic":
            return -0.5, (
                f"no kind of event in common, one only generic: {', '.join(sorted(ti))} / "
                f"{', '.join(sorted(tj))}"
            )
        return 0.0, "kind of event not recognised in one or both texts"
    if comp == "shared_type":
        if level == "none":
            return 0.0, "no kind of event in common"
        return 1.0, f"both mention a {level}"
    if comp == "topic":
        ti, tj = prep.topic_names[i], prep.topic_names[j]
        if level == "agree":
            return 1.0, f"same subject: {', '.join(sorted(ti & tj))}"
        if level == "conflict":
            return -1.0, f"different subjects: {', '.join(sorted(ti))} / {', '.join(sorted(tj))}"
        return 0.0, "no specific subject named in one or both texts"
    if comp == "time":
        mi, mj = int(prep.minutes[i]), int(prep.minutes[j])
        if level == "unknown":
            return 0.0, "no time of day on both records"
        return float(abs(mi - mj)), (
            f"times {mi // 60:02d}:{mi % 60:02d} and {mj // 60:02d}:{mj % 60:02d}"
        )
    if comp == "notification":
        if level == "one":
            return 1.0, "one record is a notification of an event (PPN, Encompass, liaison)"
        if level == "both":
            return 2.0, "both records are notifications"
        return 0.0, "neither record is a notification"
    if comp == "names_other":
        if level == "both":
            return 2.0, "each text names the other's agency (two sides of one exchange)"
        if level == "one":
            return 1.0, "one text names the other record's agency"
        return 0.0, "neither text names the other's agency"
    if comp == "content":
        if level == "shared":
            return 1.0, "a kind of event, subject, distinctive words or a dated reference in common"
        return 0.0, "nothing in common but the dates: never merged on this link alone"
    if comp == "reference":
        words = {
            "shared": "both quote the same reference number",
            "different": "both quote reference numbers, none in common",
            "none": "no reference number in common",
        }
        return (1.0 if level == "shared" else 0.0), words[level]
    if comp == "kinds":
        return 0.0, _PHRASE["kinds"].get(level, level)
    if comp in _PARTS:
        left, right = level.split("&")
        x, y = _PARTS[comp]
        px, py = _PHRASE.get(x, {}), _PHRASE.get(y, {})
        return 0.0, f"together: {px.get(left, left)}, {py.get(right, right)}"
    return 0.0, level


_PARTS = {
    "date_type": ("date", "event_type"),
    "notice_text_date": ("notification", "text_date"),
    "type_topic": ("event_type", "topic"),
    "wording_rare": ("wording", "rare_words"),
    "shared_notice": ("shared_type", "notification"),
    "notice_names": ("notification", "names_other"),
    "date_citation": ("date", "text_date"),
    "date_kinds": ("date", "kinds"),
}
_PHRASE = {
    "kinds": {
        "notice_event": "a notification or letter and the event it may report",
        "report_meeting": "a report and a meeting it may be written for",
        "follow_up": "one is a meeting's paperwork (minutes, outcome letter)",
        "same": "the same kind of record",
        "different": "different kinds of record",
    },
    "date": {
        "same_day": "same day",
        "overlap_week": "within the same week",
        "overlap_month": "within the same month",
        "gap_1": "1 day apart",
        "gap_2_3": "2-3 days apart",
        "gap_4_7": "4-7 days apart",
        "gap_8plus": "over a week apart",
        "notified_1_3": "notified 1-3 days later",
        "notified_4_14": "notified 4-14 days later",
        "notified_15plus": "notified over 2 weeks later",
        "notified_before": "a notification dated before the event",
    },
    "event_type": {
        "agree": "same kind of event",
        "disagree": "different kinds of event",
        "generic": "no kind in common (one only generic)",
        "unknown": "kind of event unknown",
    },
    "topic": {
        "agree": "same subject",
        "conflict": "different subjects",
        "unknown": "subject unknown",
    },
    "notification": {
        "one": "one is a notification",
        "both": "both are notifications",
        "neither": "neither is a notification",
    },
    "text_date": {
        "agree": "date in text matches",
        "near": "date in text is the day before",
        "same_citation": "both texts name the same date",
        "conflict": "date in text differs",
        "none": "no date in text",
    },
    "wording": {
        "ge90": "wording 90%+ alike",
        "ge75": "wording 75-90% alike",
        "ge60": "wording 60-75% alike",
        "ge45": "wording 45-60% alike",
        "lt45": "wording under 45% alike",
    },
    "rare_words": {
        "strong": "most rare words shared",
        "subset": "one text inside the other",
        "partial": "some rare words shared",
        "weak": "few rare words shared",
        "none": "no rare words shared",
    },
}


def pair_evidence(
    prep: Prepared,
    feats: PairFeatures,
    k: int,
    weights: Mapping[str, float],
    bonus: float = 0.0,
    rule: int = 0,
    learnt: float = 0.0,
) -> PairEvidence:
    """The evidence for candidate pair k: per-comparison contributions and a summary.
    `bonus`: bits a field rule (evidence.py, a date quoted in the text) added."""
    contributions = []
    for comp, levels in COMPARISONS.items():
        level = levels[int(feats.levels[comp][k])]
        value, words = _words(comp, level, prep, feats, k)
        wt = float(weights.get(f"{comp}:{level}", 0.0))
        contributions.append(Contribution(FEATURE_LABELS[comp], value, round(wt, 2), words))
    if bonus:
        from .evidence import RULE_WORDS

        words = RULE_WORDS.get(rule, "a rule of the field")
        label = {
            3: "meeting of the month",
            4: "report for the meeting",
            5: "news of the event",
            6: "news from its source",
            7: "two sides of a referral",
        }
        label = label.get(rule, "date quoted")
        contributions.append(Contribution(label, 1, round(bonus, 2), words))
    if learnt:
        words = (
            "the reviewer said pairs like this are the same"
            if learnt > 0
            else "the reviewer said pairs like this are different"
        )
        contributions.append(Contribution("your answers", 1, round(learnt, 2), words))
    prior = float(weights.get("prior", 0.0))
    contributions.insert(
        0,
        Contribution(
            "starting point",
            0.0,
            round(prior, 2),
            "before any evidence, two records on nearby dates are usually different events",
        ),
    )
    total = sum(c.weight for c in contributions)
    strongest = sorted(contributions, key=lambda c: -abs(c.weight))[:3]
    p = 1.0 / (1.0 + 2.0 ** (-total))
    verdict = "likely the same event" if total >= 0 else "likely different events"
    summary = f"{verdict} (weight {total:+.1f}, probability {p:.0%}): " + "; ".join(
        f"{c.words} ({c.weight:+.1f})" for c in strongest
    )
    i, j = int(feats.a[k]), int(feats.b[k])
    return PairEvidence(prep.ids[i], prep.ids[j], round(total, 3), contributions, summary)
