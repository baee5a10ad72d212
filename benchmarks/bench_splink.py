"""Splink 5 (DuckDB) as bench_match.py's comparison method, in its own module so the
bench stays readable: run inside a venv with Splink installed (benchmarks/requirements.txt),
one subprocess per case (bench_match.py --child splink)."""

from __future__ import annotations

import sys

SPLINK_THRESHOLD = 0.5  # match probability: best F1 in the sweep on calibration seed 201
DEBUG = False


def run_splink(records: list, threshold: float = SPLINK_THRESHOLD) -> list[list[str]]:
    """Splink 5 + DuckDB, configured fairly: the same glossary normalisation as ours,
    date-window blocking (+-7 days, so late notifications can be found), comparison
    levels on date gap, Jaro-Winkler and Jaccard of the text and shared tokens, u by
    random sampling, m by EM, single-best-links clustering with one record per agency."""
    import logging

    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from timeline.matching.normalise import Normaliser, tokens

    logging.getLogger("splink").setLevel(logging.ERROR)
    _clamp_splink_m_u()
    norm = Normaliser()
    rows = []
    for r in records:
        t = norm(r.description)
        rows.append(
            {
                "unique_id": r.record_id,
                "agency": r.agency,
                "date_ord": r.date.start.toordinal(),
                "event_date": r.date.start,
                "text": t,
                "text_j": t,  # a second column: two comparisons on one column share a name
                "tokens": sorted(set(tokens(t))),
                "first_word": (tokens(t) or [""])[0],
            }
        )
    df = pd.DataFrame(rows)
    db = DuckDBAPI()
    agencies = sorted(df["agency"].unique())
    tables = [
        db.register(df[df["agency"] == ag].reset_index(drop=True), dataset_display_name=f"a{k}")
        for k, ag in enumerate(agencies)
    ]
    date_cmp = cl.CustomComparison(
        output_column_name="date_gap",
        comparison_levels=[
            {"sql_condition": "date_ord_l IS NULL OR date_ord_r IS NULL", "is_null_level": True},
            {"sql_condition": "date_ord_l = date_ord_r", "label_for_charts": "same day"},
            {"sql_condition": "abs(date_ord_l - date_ord_r) <= 1", "label_for_charts": "1 day"},
            {"sql_condition": "abs(date_ord_l - date_ord_r) <= 3", "label_for_charts": "2-3 days"},
            {"sql_condition": "ELSE", "label_for_charts": "further"},
        ],
    )
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            date_cmp,
            cl.JaroWinklerAtThresholds("text", [0.92, 0.85, 0.75]),
            cl.JaccardAtThresholds("text_j", [0.7, 0.5, 0.3]),
            cl.ArrayIntersectAtSizes("tokens", [3, 2, 1]),
        ],
        blocking_rules_to_generate_predictions=[
            "l.date_ord BETWEEN r.date_ord - 7 AND r.date_ord + 7",
        ],
        retain_matching_columns=False,
        max_iterations=10,  # longer runs drive unseen levels' m to 0, which Splink rejects
    )
    linker = Linker(tables, settings)
    # The prior from a deterministic rule; when no pair meets it (narrative texts are
    # never identical) the estimate is 0 and Splink later takes log(0): a looser rule.
    for rule, recall in (
        ("l.text = r.text AND l.date_ord = r.date_ord", 0.2),
        ("l.first_word = r.first_word AND l.date_ord = r.date_ord", 0.4),
        ("l.date_ord = r.date_ord", 0.9),
    ):
        try:
            linker.training.estimate_probability_two_random_records_match([rule], recall=recall)
        except ValueError:
            continue
        if linker._settings_obj._probability_two_random_records_match > 0:
            break
    linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=1)
    # Each EM session may drive its blocked pairs' match share to exactly 0 or 1, which
    # Splink cannot take the log of: a session that fails leaves the previous values.
    sessions = (
        ("abs(l.date_ord - r.date_ord) <= 1", {}),
        (
            block_on("first_word"),
            {"populate_probability_two_random_records_match_from_trained_values": True},
        ),
    )
    for rule, extra in sessions:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, record_sample_proportion=1.0, **extra
            )
        except ValueError as exc:
            print(
                f"splink EM session on {rule!r} failed ({exc}); kept the earlier values",
                file=sys.stderr,
            )
    # EM can leave the prior at exactly 0 or 1 (log of 0 at prediction): clamp it.
    settings = linker._settings_obj
    prior = settings._probability_two_random_records_match
    settings._probability_two_random_records_match = min(max(prior, 1e-6), 1 - 1e-6)
    pred = linker.inference.predict(threshold_match_probability=min(threshold, 0.5))
    if DEBUG:
        pdf = pred.as_pandas_dataframe()
        print(len(pdf), pdf.columns.tolist(), pdf.head(3).to_dict("records"), file=sys.stderr)
    clusters = linker.clustering.cluster_using_single_best_links(
        pred,
        duplicate_free_datasets=[f"a{k}" for k in range(len(agencies))],
        threshold_match_probability=threshold,
    )
    out = clusters.as_pandas_dataframe()
    groups: dict[str, list[str]] = {}
    for uid, cid in zip(out["unique_id"], out["cluster_id"], strict=True):
        groups.setdefault(str(cid), []).append(str(uid))
    return list(groups.values())


def _clamp_splink_m_u() -> None:
    """EM can drive a rarely seen level's m to exactly 0.0, which Splink 5 rejects
    (ValueError) instead of clamping; clamp to its own minimum so training completes."""
    from splink.internals import comparison_level as clv

    if getattr(clv, "_lrt_clamped", False):
        return
    prop = clv.ComparisonLevel.m_probability

    def setter(self, value):  # noqa: ANN001
        if isinstance(value, float) and value < clv.M_U_CLAMP_MIN:
            value = clv.M_U_CLAMP_MIN
        prop.fset(self, value)

    clv.ComparisonLevel.m_probability = property(prop.fget, setter)
    clv._lrt_clamped = True
