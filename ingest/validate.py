"""Validation issues on a record, in words a reviewer can act on."""

from __future__ import annotations

from datetime import date

from ingest.records import DateInterval, Issue


def fmt(d: date) -> str:
    """Dates for people: '12 Mar 2021' (day first, as everywhere in the tool)."""
    return f"{d.day} {d:%b %Y}"


def date_issues(
    interval: DateInterval,
    column: str,
    *,
    period: tuple[date, date] | None,
    today: date,
) -> list[Issue]:
    issues: list[Issue] = []
    if period is not None:
        start, end = period
        if interval.end < start or interval.start > end:
            issues.append(
                Issue(
                    "outside_period",
                    f"{fmt(interval.start)} is outside the review period "
                    f"{fmt(start)} to {fmt(end)}",
                    column,
                )
            )
    if interval.start > today:
        issues.append(Issue("future_date", f"{fmt(interval.start)} is in the future", column))
    if interval.alternative is not None:
        alt_start, alt_end = interval.alternative
        alt = fmt(alt_start) if alt_start == alt_end else f"{fmt(alt_start)}-{fmt(alt_end)}"
        issues.append(
            Issue(
                "ambiguous_date",
                f"read day-first as {fmt(interval.start)}, but this file also has month-first "
                f"dates, so it could be {alt}: check it",
                column,
            )
        )
    elif "month-first" in interval.note:
        issues.append(Issue("month_first_date", f"{interval.note}: check it", column))
    return issues
