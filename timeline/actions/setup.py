"""Set-up actions: upload agency files, correct a file's mapping, replace an earlier file,
import a refused file once mapped.

Nothing is withdrawn by accident: a new file adds records; when its name or content looks
like a new version of an earlier file from the same agency it is held, and the lead says
whether it replaces that file or is added alongside. A replacement that yields nothing or
withdraws more than half of the file it replaces is refused unless confirmed. A file that
cannot be imported stays listed, in red, with the reason and the mapping editor open.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

import ingest
from ingest.agencies import AgencyDirectory
from ingest.columns import map_columns
from ingest.errors import IngestError
from ingest.profiles import AgencyProfile, ProfileError
from ingest.records import FileImport
from timeline.actions.file_details import DATE_ORDERS, FileDetails, file_details
from timeline.settings import get_settings
from timeline.store import Actor, Store
from timeline.store.auth import IMPORT
from timeline.store.errors import PermissionDenied
from timeline.store.uploads import Refusal, UploadInfo

MB = 1024 * 1024
SAME_NAME = 90  # rapidfuzz ratio of two names with their version marks taken out
SAME_CONTENT = 0.5  # share of rows in common that makes a file look like a new version
_VERSION_MARKS = re.compile(
    r"\b(v|ver|version|rev|revision|draft|final|updated?|revised|corrected|amended|new|copy|"
    r"latest|\d+)\b"
)


@dataclass(frozen=True)
class Candidate:
    """An earlier file the new one looks like a new version of, and why."""

    source_file_id: int
    file_name: str
    why: str


@dataclass(frozen=True)
class FileOutcome:
    file_name: str
    status: str  # "imported" | "unchanged" | "refused" | "held" | "damaged" | "too large"
    message: str
    agency: str = ""
    added: int = 0
    kept: int = 0
    withdrawn: int = 0
    quarantined: int = 0
    upload_id: int | None = None
    candidate: Candidate | None = None  # when held: the file it may replace
    needs_confirmation: bool = False
    profile_used: str = ""  # the saved profile's agency, when one was applied

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "unchanged", "held")


@dataclass(frozen=True)
class UploadResult:
    files: tuple[FileOutcome, ...] = field(default_factory=tuple)


def safe_upload_name(sha256: str, file_name: str) -> str:
    """A file's name for reading: its hash and the original suffix (never the user's path,
    so a name like '../../x' cannot leave the folder it is read from)."""
    suffix = Path(file_name.replace("\\", "/")).suffix.lower()
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
    return f"{sha256}{suffix}"


def decode_upload(content: str) -> bytes:
    """The bytes of a browser upload ("data:...;base64,...")."""
    return base64.b64decode(content.split(",", 1)[1], validate=False)


def _name_key(file_name: str) -> str:
    stem = Path(file_name.replace("\\", "/")).stem.lower()
    stem = re.sub(r"[_\-.()\[\]]+", " ", stem)
    return " ".join(_VERSION_MARKS.sub(" ", stem).split())


def _period(store: Store, actor: Actor, rid: int) -> tuple[date, date] | None:
    review = store.reviews.get_review(actor, rid)
    if review["period_start"] and review["period_end"]:
        return review["period_start"], review["period_end"]
    return None


def _read(
    name: str,
    data: bytes,
    sha: str,
    *,
    period,
    profile: AgencyProfile | None = None,
    agency: str | None = None,
) -> FileImport | Refusal:
    """Read a file with the import pipeline (outside any transaction); a file that cannot
    be read becomes a Refusal naming it, with the header cells found for the mapping."""
    try:  # the partnership's agencies and systems (a prior), when the server names a file
        directory = get_settings().agency_directory()
    except ValueError as exc:
        return Refusal(f"'{name}': not read, the server's settings are wrong: {exc}")
    with tempfile.TemporaryDirectory(prefix="lrt-upload-") as tmp:
        path = Path(tmp) / safe_upload_name(sha, name)
        path.write_bytes(data)
        try:
            return ingest.import_file(
                path,
                agency=agency,
                profile=profile,
                period=period,
                display_name=name,
                limits=get_settings().limits,
                directory=directory,
            )
        except IngestError as exc:
            return Refusal(_named(exc, name), *_probe_headers(path))


def _named(exc: IngestError, name: str) -> str:
    where = [f"'{name}'"]
    if exc.sheet:
        where.append(f"sheet '{exc.sheet}'")
    if exc.row is not None:
        where.append(f"row {exc.row}")
    return f"{', '.join(where)}: {exc.detail}"


def _probe_headers(path: Path) -> tuple[tuple[str, ...], int | None, str]:
    """The likeliest header row of a file the pipeline refused (so the lead can map its
    columns by hand): the best-scoring row of the first table, else its first filled row."""
    try:
        from ingest.filetype import detect_kind
        from ingest.header import find_header
        from ingest.pipeline import READERS
        from ingest.readers.base import cell_text

        kind = detect_kind(path, path.read_bytes()[:8])
        tables, _notes = READERS[kind](path, get_settings().limits)
    except Exception:  # noqa: BLE001 - unreadable: no headers to offer, the reason says why
        return (), None, ""
    for raw in tables:
        if not raw.rows:
            continue
        index, _ = find_header(raw.rows, min_score=1)
        if index < 0:
            index = next((i for i, r in enumerate(raw.rows) if any(cell_text(c) for c in r)), -1)
        if index < 0:
            continue
        cells = [" ".join(cell_text(c).split()) for c in raw.rows[index]]
        headers = tuple(c or f"Column {i + 1}" for i, c in enumerate(cells))
        sheet = raw.label if len(tables) > 1 else ""
        return headers, raw.positions[index][1], sheet
    return (), None, ""


def likely_replacement(store: Store, actor: Actor, rid: int, fi: FileImport) -> Candidate | None:
    """An earlier current file of the same agency that `fi` looks like a new version of:
    most of its rows in common, or the same name once version marks are taken out."""
    files = [
        f
        for f in store.records.list_source_files(actor, rid)
        if not f["superseded_by"] and f["agency"] == fi.agency and f["sha256"] != fi.file_sha256
    ]
    if not files:
        return None
    new_ids = {r.record_id for r in fi.records}
    by_file: dict[int, set[str]] = {}
    for r in store.records.list_records(actor, rid):
        by_file.setdefault(r["source_file_id"], set()).add(r["record_id"])
    best: tuple[float, Candidate] | None = None
    for f in files:
        old_ids = by_file.get(f["id"], set())
        common = len(new_ids & old_ids)
        share = common / max(1, min(len(new_ids), len(old_ids))) if old_ids else 0.0
        name = fuzz.ratio(_name_key(f["file_name"]), _name_key(fi.file_name))
        if share >= SAME_CONTENT:
            why = f"{common} of its {len(old_ids)} rows are in the new file"
            score = 1 + share
        elif name >= SAME_NAME:
            why = "the same name apart from a version mark"
            score = name / 100
        else:
            continue
        if best is None or score > best[0]:
            best = (score, Candidate(f["id"], f["file_name"], why))
    return best[1] if best else None


def _outcome(name: str, res: dict, *, profile: AgencyProfile | None = None) -> FileOutcome:
    if res.get("refused"):
        return FileOutcome(
            name,
            "refused",
            f"Not imported: {res['refused']}",
            upload_id=res.get("upload_id"),
            needs_confirmation="needs_confirmation" in res,
        )
    if res.get("unchanged"):
        return FileOutcome(
            name,
            "unchanged",
            f"'{name}' ({res['agency']}) is already imported, unchanged.",
            agency=res["agency"],
            upload_id=res.get("upload_id"),
        )
    used = f", read with the saved {profile.agency} profile" if profile else ""
    replaced = ", replacing the earlier file" if res.get("superseded_file_ids") else ""
    return FileOutcome(
        name,
        "imported",
        f"'{name}' imported as {res['agency']}{used}{replaced}: {res['added']} new, "
        f"{res['kept']} kept, {res['withdrawn']} withdrawn, {res['quarantined']} quarantined.",
        agency=res["agency"],
        added=res["added"],
        kept=res["kept"],
        withdrawn=res["withdrawn"],
        quarantined=res["quarantined"],
        upload_id=res.get("upload_id"),
        profile_used=profile.agency or "" if profile else "",
    )


def _refusal_of(fi: FileImport, reason: str) -> Refusal:
    return Refusal(reason, tuple(c.header for c in fi.columns), fi.header_row, "")


def upload_files(
    store: Store,
    actor: Actor,
    rid: int,
    files: Sequence[tuple[str, str]],
    *,
    max_bytes: int,
) -> UploadResult:
    """Each (name, browser content) on its own: decode, check the size, read it (with the
    agency's saved profile), then keep it and import it in one transaction. A bad file is
    named and kept as refused; the others, and everything imported before, stay."""
    if not store.reviews.may(actor, rid, IMPORT):  # nothing is read or written for a forged request
        raise PermissionDenied("Only the lead reviewer imports files.")
    period = _period(store, actor, rid)
    outcomes = []
    for raw_name, content in files:
        name = Path(str(raw_name).replace("\\", "/")).name or "upload"
        try:
            data = decode_upload(content)
        except (IndexError, binascii.Error, AttributeError):
            outcomes.append(
                FileOutcome(name, "damaged", f"'{name}': the upload arrived damaged; try again.")
            )
            continue
        if len(data) > max_bytes:
            outcomes.append(
                FileOutcome(
                    name,
                    "too large",
                    f"'{name}' is {len(data) / MB:.1f} MB, more than the {max_bytes // MB} MB "
                    "allowed: not imported.",
                )
            )
            continue
        outcomes.append(_upload_one(store, actor, rid, name, data, period))
    return UploadResult(tuple(outcomes))


def _upload_one(store: Store, actor: Actor, rid: int, name: str, data: bytes, period):
    sha = hashlib.sha256(data).hexdigest()
    try:
        likely = get_settings().agency_directory().from_file_name(Path(name).stem)
    except ValueError:  # a wrong settings file: _read below names it
        likely = AgencyDirectory().from_file_name(Path(name).stem)
    profile = store.profiles.find(actor, rid, name, likely)
    reading = _read(name, data, sha, period=period, profile=profile)
    if isinstance(reading, FileImport) and not reading.records:
        reading = _refusal_of(
            reading,
            f"'{name}': no row could be read as a record ({reading.rows_read} rows read: "
            f"{len(reading.quarantined)} quarantined, {len(reading.skipped)} skipped). "
            f"Nothing was imported; {reading.agency}'s records are as they were. Map its "
            "columns below if they were not recognised.",
        )
    if isinstance(reading, FileImport):
        candidate = likely_replacement(store, actor, rid, reading)
        if candidate is not None:
            why = (
                f"'{name}' looks like a new version of '{candidate.file_name}' "
                f"({reading.agency}: {candidate.why}). Nothing is changed until you choose: "
                f"replace '{candidate.file_name}' with it, or add it alongside."
            )
            upload_id = store.uploads.hold(
                actor,
                rid,
                file_name=name,
                content=data,
                sha256=sha,
                reason=why,
                candidate_file_id=candidate.source_file_id,
            )
            return FileOutcome(
                name, "held", why, agency=reading.agency, upload_id=upload_id, candidate=candidate
            )
    res = store.uploads.store(actor, rid, file_name=name, content=data, sha256=sha, reading=reading)
    return _outcome(name, res, profile=profile if isinstance(reading, FileImport) else None)


def import_upload(
    store: Store,
    actor: Actor,
    rid: int,
    upload_id: int,
    *,
    replaces: int | None = None,
    confirm: bool = False,
    columns: dict[str, str] | None = None,
    agency: str | None = None,
    header_row: int | None = None,
    sheet: str | None = None,
) -> FileOutcome:
    """Import a kept upload: a held file added alongside (`replaces` None) or as the new
    version of an earlier file; a refused file once its columns are mapped (`columns`,
    saved as the agency's profile when the import succeeds)."""
    info, data = store.uploads.content(actor, rid, upload_id)
    profile = None
    if columns is not None:
        try:
            profile = AgencyProfile(
                agency=(agency or "").strip() or None,
                columns={h: f or "" for h, f in columns.items()},
                sheet=sheet or None,
                header_row=header_row,
            ).validate()
        except ProfileError as exc:
            return FileOutcome(
                info.file_name, "refused", f"Not imported: {exc}", upload_id=upload_id
            )
    reading = _read(
        info.file_name,
        data,
        info.sha256,
        period=_period(store, actor, rid),
        profile=profile,
        agency=(agency or "").strip() or None,
    )
    res = store.uploads.store(
        actor,
        rid,
        file_name=info.file_name,
        content=data,
        sha256=info.sha256,
        reading=reading,
        replaces=replaces,
        confirm=confirm,
        profile=profile,
    )
    return _outcome(info.file_name, res, profile=profile)


def correct_file(
    store: Store,
    actor: Actor,
    rid: int,
    source_file_id: int,
    columns: dict[str, str],
    agency: str,
    *,
    confirm: bool = False,
) -> FileOutcome:
    """Read an imported file again with a corrected mapping (or agency), replacing its
    earlier reading, and save the mapping as the agency's profile: one transaction."""
    found = _kept_upload(store, actor, rid, source_file_id)
    if isinstance(found, FileOutcome):
        return found
    f, upload = found
    agency = agency.strip() or f["agency"]
    try:
        profile = AgencyProfile(
            agency=agency,
            columns=columns,
            sheet=f.get("sheet") or None,
            header_row=f.get("header_row"),
        ).validate()
    except ProfileError as exc:
        return FileOutcome(f["file_name"], "refused", f"Not re-imported: {exc}")
    return _read_again(store, actor, rid, f, upload, profile, agency, confirm)


def set_date_order(
    store: Store,
    actor: Actor,
    rid: int,
    source_file_id: int,
    order: str,
    *,
    confirm: bool = False,
) -> FileOutcome:
    """Read an imported file again with the date order the lead chose ("day-first",
    "month-first", or "" to let the dates' own evidence decide again), kept in the agency's
    profile for its next file: ambiguous dates (03/04/2021) are read that way. One
    transaction, as `correct_file`; the agency's other saved corrections are kept."""
    if not store.reviews.may(actor, rid, IMPORT):  # nothing is read for a forged request
        raise PermissionDenied("Only the lead reviewer re-reads files.")
    if order not in ("", *DATE_ORDERS):
        return FileOutcome("", "refused", f"'{order}' is not a date order.")
    found = _kept_upload(store, actor, rid, source_file_id)
    if isinstance(found, FileOutcome):
        return found
    f, upload = found
    saved = store.profiles.find(actor, rid, f["file_name"], f["agency"])
    profile = AgencyProfile(
        agency=f["agency"],
        columns=dict(saved.columns) if saved else {},
        sheet=saved.sheet if saved else None,
        header_row=saved.header_row if saved else None,
        file_pattern=saved.file_pattern if saved else None,
        date_order=order or None,
    ).validate()
    return _read_again(store, actor, rid, f, upload, profile, f["agency"], confirm)


def _kept_upload(store: Store, actor: Actor, rid: int, source_file_id: int):
    """The imported file and its kept upload, or why it cannot be read again."""
    files = {f["id"]: f for f in store.records.list_source_files(actor, rid)}
    f = files.get(source_file_id)
    if f is None or f["superseded_by"]:
        return FileOutcome("", "refused", "That file was replaced meanwhile.")
    upload = store.uploads.of_file(actor, rid, source_file_id)
    if upload is None:
        return FileOutcome(
            f["file_name"],
            "refused",
            f"The original upload of '{f['file_name']}' is not kept: upload the file again.",
        )
    return f, upload


def _read_again(store, actor, rid, f, upload, profile, agency, confirm) -> FileOutcome:
    """Read a kept upload again under `profile` and replace its earlier reading (one
    transaction in the store), keeping the profile for the agency's next file."""
    _info, data = store.uploads.content(actor, rid, upload.id)
    reading = _read(
        f["file_name"],
        data,
        upload.sha256,
        period=_period(store, actor, rid),
        profile=profile,
        agency=agency if agency != f["agency"] else None,
    )
    res = store.uploads.store(
        actor,
        rid,
        file_name=f["file_name"],
        content=data,
        sha256=upload.sha256,
        reading=reading,
        replaces=f["id"],
        confirm=confirm,
        profile=profile,
    )
    return _outcome(f["file_name"], res, profile=profile)


def uploads_by_status(store: Store, actor: Actor, rid: int) -> dict[str, list[UploadInfo]]:
    out: dict[str, list[UploadInfo]] = {}
    for u in store.uploads.list(actor, rid):
        out.setdefault(u.status, []).append(u)
    return out


def suggested_fields(headers: Sequence[str]) -> list[str]:
    """The field the column mapping would give each header ("" for none)."""
    try:
        mapping = map_columns(list(headers))
    except Exception:  # noqa: BLE001 - a suggestion only
        return [""] * len(headers)
    by_index = {c.index: c.field or "" for c in mapping.columns}
    return [by_index.get(i, "") for i in range(len(headers))]


@dataclass(frozen=True)
class SetupScreen:
    """What the set-up page shows, read in one transaction."""

    files: tuple[dict, ...]  # every source file (superseded ones too: a held file's candidate)
    pending: tuple[UploadInfo, ...]  # uploads refused or held, oldest first
    records_by_file: dict[int, list[dict]]
    quarantined_by_file: dict[int, list[dict]]
    kept_uploads: frozenset[str]  # sha256 of every upload kept in the database
    kloes: tuple[dict, ...]
    members: tuple[dict, ...]
    details: dict[int, FileDetails] = field(default_factory=dict)  # what the import learnt


def screen(store: Store, actor: Actor, rid: int) -> SetupScreen:
    with store.snapshot():
        files = store.records.list_source_files(actor, rid)
        uploads = store.uploads.list(actor, rid)
        records = store.records.list_records(actor, rid)
        quarantined = store.records.list_quarantined(actor, rid)
        kloes = store.reviews.list_kloes(actor, rid)
        members = store.reviews.list_members(actor, rid)
        profiles = store.profiles.list(actor, rid)
    by_file: dict[int, list[dict]] = {}
    for r in records:
        by_file.setdefault(r["source_file_id"], []).append(r)
    q_by_file: dict[int, list[dict]] = {}
    for q in quarantined:
        q_by_file.setdefault(q["source_file_id"], []).append(q)
    details = {
        f["id"]: file_details(
            f,
            by_file.get(f["id"], []),
            next(
                (p.date_order for p in profiles if p.applies_to(f["file_name"], f["agency"])), None
            ),
        )
        for f in files
    }
    return SetupScreen(
        tuple(files),
        tuple(u for u in uploads if u.status != "imported"),
        by_file,
        q_by_file,
        frozenset(u.sha256 for u in uploads),
        tuple(kloes),
        tuple(members),
        details,
    )
