"""The Key Lines of Enquiry from a file: a CSV with the columns number,title,description
(the set-up's KLOE file, the command line's `--kloe`, the sample). Parsing only: the store
keeps what this returns (`store.reviews.create_review(kloes=...)`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from timeline.store.errors import InvalidInput


def read_kloe_csv(source: str | Path) -> list[dict[str, str]]:
    """KLOE from a CSV with the columns number,title,description (a path or the text)."""
    text = Path(source).read_text(encoding="utf-8-sig") if isinstance(source, Path) else source
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
    if not {"number", "title"} <= fields:
        raise InvalidInput("a KLOE file needs the columns number,title,description")
    out = []
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("number") and not row.get("title"):
            continue
        if not row.get("number") or not row.get("title"):
            raise InvalidInput(f"a KLOE row needs a number and a title: {row}")
        out.append(
            {
                "number": row["number"],
                "title": row["title"],
                "description": row.get("description", ""),
            }
        )
    numbers = [k["number"] for k in out]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("two KLOE share a number")
    return out
