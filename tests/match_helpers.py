"""Small builders for matcher tests (fictional records)."""

from __future__ import annotations

from datetime import date, time

from ingest.records import DateInterval, Provenance, SourceRecord


def rec(
    rid: str,
    agency: str,
    day: date,
    text: str,
    *,
    end: date | None = None,
    precision: str = "day",
    at: time | None = None,
) -> SourceRecord:
    interval = DateInterval(day, end or day, "exact" if at else precision, time=at)
    prov = Provenance(f"{agency}.csv", "0" * 64, "", 2, {"Event": text})
    return SourceRecord(rid, agency, interval, text, prov)


def event_of(result, rid: str):
    return next(ev for ev in result.events if rid in ev.record_ids)


def together(result, *rids: str) -> bool:
    return len({event_of(result, r).merged_id for r in rids}) == 1
