"""Uploaded files and agency profiles in the database (`store.uploads`, `store.profiles`),
so that every app host sees them: a file uploaded through one host can be re-read with a
corrected mapping through another, and an agency's saved mapping applies everywhere.

Uploads are content-addressed (one row per review and sha256). An upload that could not be
imported stays listed as "refused" with the reason and the header cells found, so the
set-up page can open the mapping editor on it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ingest.profiles import AgencyProfile, ProfileError
from ingest.records import FileImport

from . import events
from .auth import IMPORT, Actor, require
from .errors import InvalidInput, NeedsConfirmation, NotFound, no_review
from .importing import apply_import
from .schema import AgencyProfileRow, Review, SourceFile, Upload, utcnow

if TYPE_CHECKING:
    from .service import Store


@dataclass(frozen=True)
class UploadInfo:
    id: int
    sha256: str
    file_name: str
    size: int
    uploaded_at: datetime
    status: str  # "imported" | "refused"
    reason: str
    headers: tuple[str, ...]
    header_row: int | None
    sheet: str
    source_file_id: int | None
    candidate_file_id: int | None  # held: the earlier file it may replace


@dataclass(frozen=True)
class Refusal:
    """Why a file was not imported, and what the mapping editor needs to open on it."""

    reason: str
    headers: tuple[str, ...] = ()
    header_row: int | None = None
    sheet: str = ""


def _info(u: Upload) -> UploadInfo:
    return UploadInfo(
        u.id,
        u.sha256,
        u.file_name,
        u.size,
        u.uploaded_at,
        u.status,
        u.reason,
        tuple(u.headers or ()),
        u.header_row,
        u.sheet,
        u.source_file_id,
        u.candidate_file_id,
    )


class Uploads:
    def __init__(self, store: Store) -> None:
        self._store = store

    def _upsert(self, s, actor: Actor, review_id: int, name: str, content: bytes, sha: str):
        row = s.scalar(select(Upload).where(Upload.review_id == review_id, Upload.sha256 == sha))
        if row is None:
            row = Upload(
                review_id=review_id,
                sha256=sha,
                file_name=name,
                size=len(content),
                content=content,
                uploaded_by=actor.user_id,
                headers=[],
            )
            s.add(row)
        row.file_name = name
        row.uploaded_at = utcnow()
        return row

    def store(
        self,
        actor: Actor,
        review_id: int,
        *,
        file_name: str,
        content: bytes,
        sha256: str,
        reading: FileImport | Refusal,
        replaces: int | None = None,
        confirm: bool = False,
        profile: AgencyProfile | None = None,
    ) -> dict[str, Any]:
        """One transaction: keep the upload, then import its reading (or record why it was
        refused), save the profile it was read with, and give new records their events.
        A reading the import refuses (no records; a replacement needing confirmation) leaves
        the review's records as they were and the upload listed as refused, with the reason.
        Returns the import's counts plus `refused` (the reason, or "") and `upload_id`."""
        store = self._store
        with store._change(actor, review_id, IMPORT, "import files", "records") as tx:
            s = tx.session
            up = self._upsert(s, actor, review_id, file_name, content, sha256)
            s.flush()
            result: dict[str, Any] = {"file_name": file_name, "upload_id": up.id, "refused": ""}
            if isinstance(reading, Refusal):
                refusal = reading
            else:
                refusal = None
                try:
                    with s.begin_nested():  # a refusal undoes the import, not the upload
                        res = apply_import(
                            s, actor, review_id, reading, replaces=replaces, confirm=confirm
                        )
                except NeedsConfirmation as exc:
                    refusal = Refusal(str(exc))
                    result["needs_confirmation"] = dict(exc.details)
                except InvalidInput as exc:
                    refusal = Refusal(str(exc))
                else:
                    result.update(res)
                    up.status, up.reason = "imported", ""
                    up.source_file_id = res.get("source_file_id")
                    up.headers, up.header_row, up.sheet = [], None, ""
                    up.candidate_file_id = None
                    if profile is not None and profile.agency:
                        self._store.profiles._put(s, actor, review_id, profile)
                    result["new_events"] = events.ensure_singletons(s, review_id)
                    tx.audit("import.file", "source_file", res.get("source_file_id"), None, res)
            if refusal is not None:
                up.status, up.reason = "refused", refusal.reason
                if refusal.headers:
                    up.headers = list(refusal.headers)
                    up.header_row, up.sheet = refusal.header_row, refusal.sheet
                result["refused"] = refusal.reason
                tx.audit(
                    "import.refused",
                    "upload",
                    up.id,
                    None,
                    {"file_name": file_name, "reason": refusal.reason},
                )
            s.flush()
            result["upload_id"] = up.id
            return result

    def hold(
        self,
        actor: Actor,
        review_id: int,
        *,
        file_name: str,
        content: bytes,
        sha256: str,
        reason: str,
        candidate_file_id: int | None = None,
    ) -> int:
        """Keep an upload without importing it (it looks like a new version of an earlier
        file: the lead chooses whether it replaces that file). Returns the upload's id."""
        with self._store._change(actor, review_id, IMPORT, "import files", "setup") as tx:
            up = self._upsert(tx.session, actor, review_id, file_name, content, sha256)
            up.status, up.reason = "held", reason
            up.candidate_file_id = candidate_file_id
            tx.session.flush()
            tx.audit("import.held", "upload", up.id, None, {"file_name": file_name})
            return up.id

    def list(self, actor: Actor, review_id: int) -> list[UploadInfo]:
        store = self._store
        with store._read() as s:
            store._check_read(s, actor, review_id)
            q = select(Upload).where(Upload.review_id == review_id).order_by(Upload.id)
            return [_info(u) for u in s.scalars(q)]

    def content(self, actor: Actor, review_id: int, upload_id: int) -> tuple[UploadInfo, bytes]:
        """An upload and its bytes (to read it again): import permission only."""
        store = self._store
        with store._read() as s:
            if s.get(Review, review_id) is None:
                raise no_review(actor, review_id)
            require(actor, store._role(s, actor, review_id), IMPORT, "import files")
            up = s.get(Upload, upload_id)
            if up is None or up.review_id != review_id:
                raise NotFound(f"no upload {upload_id} in review {review_id}")
            return _info(up), bytes(up.content)

    def of_file(self, actor: Actor, review_id: int, source_file_id: int) -> UploadInfo | None:
        """The upload behind a source file (by its id, else by its content hash)."""
        store = self._store
        with store._read() as s:
            store._check_read(s, actor, review_id)
            sf = s.get(SourceFile, source_file_id)
            if sf is None or sf.review_id != review_id:
                raise NotFound(f"no file {source_file_id} in review {review_id}")
            up = s.scalar(
                select(Upload).where(Upload.review_id == review_id, Upload.sha256 == sf.sha256)
            )
            return None if up is None else _info(up)


class Profiles:
    def __init__(self, store: Store) -> None:
        self._store = store

    def _put(self, s, actor: Actor, review_id: int, profile: AgencyProfile) -> None:
        agency = (profile.agency or "").strip()
        if not agency:
            raise InvalidInput("a profile names its agency")
        row = s.scalar(
            select(AgencyProfileRow).where(
                AgencyProfileRow.review_id == review_id, AgencyProfileRow.agency == agency
            )
        )
        if row is None:
            row = AgencyProfileRow(review_id=review_id, agency=agency, version=0)
            s.add(row)
        row.profile = asdict(profile)
        row.updated_at = utcnow()
        row.updated_by = actor.user_id
        row.version = (row.version or 0) + 1

    def save(self, actor: Actor, review_id: int, profile: AgencyProfile) -> None:
        profile.validate()
        with self._store._change(actor, review_id, IMPORT, "save an agency profile") as tx:
            self._put(tx.session, actor, review_id, profile)
            tx.audit("profile.save", "agency_profile", profile.agency, None, asdict(profile))

    def list(self, actor: Actor, review_id: int) -> list[AgencyProfile]:
        store = self._store
        with store._read() as s:
            store._check_read(s, actor, review_id)
            rows = s.scalars(
                select(AgencyProfileRow)
                .where(AgencyProfileRow.review_id == review_id)
                .order_by(AgencyProfileRow.id)
            )
            out = []
            for r in rows:
                known = {
                    k: v
                    for k, v in (r.profile or {}).items()
                    if k in AgencyProfile.__dataclass_fields__
                }
                try:
                    out.append(AgencyProfile(**known).validate())
                except (ProfileError, TypeError):
                    continue  # a profile that no longer validates is not applied
            return out

    def find(
        self, actor: Actor, review_id: int, file_name: str, likely_agency: str | None
    ) -> AgencyProfile | None:
        """The saved profile that applies to a file of this name (and likely agency)."""
        return next(
            (p for p in self.list(actor, review_id) if p.applies_to(file_name, likely_agency)),
            None,
        )
