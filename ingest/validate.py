"""Validation issues on a record, in words a reviewer can act on."""

from __future__ import annotations

from datetime import date

from ingest.records import DateInterval, Issue


def fmt(d: date) -> str:
    """Dates for people: '12 Mar 2021' (day first, as everywhere in the tool)."""
    return f"{d.day} {d:%b %Y}"


def span(interval: DateInterval) -> str:
    if interval.start == interval.end:
        return fmt(interval.start)
    return f"{fmt(interval.start)} to {fmt(interval.end)}"


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
    if interval.alternative is not None:  # the note names the other reading
        issues.append(
            Issue(
                "ambiguous_date",
                f"this date could be read two ways: taken as {span(interval)}; "
                f"{interval.note}: check it",
                column,
            )
        )
    elif "month-first" in interval.note:
        issues.append(Issue("month_first_date", f"{interval.note}: check it", column))
    return issues
