"""Export a review: check the role, read it, pseudonymise (publication copy), write to a
temporary file, check the publication copy, audit, then move the file into place.

A refused or failed export leaves no file behind and no audit entry.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.store import Actor, Store
from timeline.store.auth import EXPORT, require

from . import check
from .data import ReviewData, load, map_text
from .pseudonymise import NamesList

FORMATS = ("xlsx", "csv", "docx", "png", "svg")


class ExportError(Exception):
    """The export cannot be made as asked (the message says why)."""


class NoNamesList(ExportError):
    """A publication copy was asked for and the review has no names list. The message names
    no way of giving one: the command line and the app each say how, in their own terms."""

    def __init__(self) -> None:
        super().__init__("a publication copy needs a names list, and this review has none saved")


class ExportRefused(ExportError):
    """The publication copy still holds a listed term: nothing was written."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = sorted(set(terms), key=str.lower)
        super().__init__(
            f"refused: the publication copy would still contain {len(self.terms)} listed "
            f"term(s): {', '.join(self.terms)}; no file was written"
        )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    publication: bool
    events: int
    records: int
    quarantined: int


def check_permission(store: Store, actor: Actor, review_id: int) -> None:
    """Raise the store's NotFound or PermissionDenied unless the actor may export."""
    if store.reviews.may(actor, review_id, EXPORT):
        return
    store.reviews.get_review(actor, review_id)  # NotFound, or not a member of the review
    require(actor, store.reviews.role_in(actor, review_id), EXPORT, "export")


def stored_names(store: Store, actor: Actor, review_id: int) -> NamesList:
    """The review's saved names list (empty when none was saved)."""
    rows = store.names.list_names(actor, review_id)["rows"]
    return NamesList((r["term"], r["replacement"]) for r in rows)


def _write(data: ReviewData, fmt: str, path: Path, publication: bool, today: date) -> list[str]:
    """Write the file; returns texts drawn into images (which the file check cannot read)."""
    # Each writer's library (openpyxl, python-docx, matplotlib) is imported with its format:
    # matplotlib alone costs about a second, which an xlsx export or a CLI call need not pay.
    if fmt in ("xlsx", "csv"):
        from .spreadsheet import write_csv, write_xlsx
    if fmt == "xlsx":
        write_xlsx(data, path, note="Publication copy" if publication else "")
        return []
    if fmt == "csv":
        write_csv(data, path)
        return []
    if fmt == "docx":
        from .report import write_docx

        return write_docx(data, path, publication=publication, produced=today)
    from .figure import build_figure, figure_texts, save_figure

    fig = build_figure(data)
    drawn = figure_texts(fig)
    save_figure(fig, path, fmt)
    return drawn


def export_review(
    store: Store,
    actor: Actor,
    review_id: int,
    fmt: str,
    path: str | Path,
    *,
    publication: bool = False,
    names: NamesList | None = None,
    today: date | None = None,
) -> ExportResult:
    """Write the review as `fmt` to `path` and audit it; see the module docstring. A
    publication copy without `names` uses the review's saved names list."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(path)
    if path.suffix.lower() != f".{fmt}":
        raise ExportError(f"the output file for --format {fmt} must end in .{fmt}")
    if not path.parent.is_dir():
        raise ExportError(f"no folder {path.parent}")
    if names and not publication:
        raise ExportError("a names list is only applied to a publication copy: add --publication")
    check_permission(store, actor, review_id)
    if publication and names is None:
        names = stored_names(store, actor, review_id)
    if publication and not names:
        raise NoNamesList()

    data = load(store, actor, review_id)
    if publication:
        data = map_text(data, names.apply)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=f".part{path.suffix}", dir=path.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        drawn = _write(data, fmt, tmp, publication, today or date.today())
        if publication:
            texts = [*drawn, *check.file_texts(tmp, fmt)]
            left = check.surviving_terms(texts, names)
            if left:
                raise ExportRefused(left)
        store.findings.record_export(
            actor,
            review_id,
            fmt,
            {
                "format": fmt,
                "publication": publication,
                "file": path.name,
                "names_listed": len(names) if names else 0,
                "events": len(data.events),
                "records": len(data.records),
                "quarantined": len(data.quarantined),
            },
        )
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportResult(
        path, fmt, publication, len(data.events), len(data.records), len(data.quarantined)
    )
