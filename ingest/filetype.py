"""Know what a file really is before a parser sees it, and refuse the dangerous ones.

A file whose content does not match its extension, an encrypted Office file, an empty,
truncated or zip-bomb file gets an IngestError with a message a person can act on.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.errors import IngestError
from ingest.limits import Limits

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls, and encrypted .docx/.xlsx
PDF_MAGIC = b"%PDF"

KIND_BY_SUFFIX = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".docx": "docx",
    ".xls": "xls",
    ".ods": "ods",
    ".doc": "doc",
}

SAVE_AS = {
    "xlsx": "open it in Excel and save it again as an Excel Workbook (.xlsx)",
    "docx": "open it in Word and save it again as a Word Document (.docx)",
    "ods": "open it in LibreOffice or Excel and save it again (.ods or .xlsx)",
}


def detect_kind(path: Path, head: bytes) -> str:
    """The kind of file by its extension, checked against its first bytes."""
    name = path.name
    kind = KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        raise IngestError(
            name,
            f"unsupported file type '{path.suffix or '(none)'}': "
            "import .xlsx, .xls, .ods, .csv or .docx (or .doc with LibreOffice installed)",
        )
    if not head:
        raise IngestError(name, "the file is empty (0 bytes)")
    if kind in ("xlsx", "docx", "ods"):
        if head.startswith(OLE_MAGIC):
            if _ole_is_encrypted(path):
                raise IngestError(
                    name,
                    "the file is password-protected (encrypted): remove the password "
                    f"and {SAVE_AS[kind].split(' and ', 1)[1]}",
                )
            raise IngestError(
                name,
                f"this is an older-format Office file with a .{kind} name: {SAVE_AS[kind]}",
            )
        if not head.startswith(ZIP_MAGIC):
            raise IngestError(
                name,
                f"the file is not a real .{kind} file (its content is "
                f"{_describe(head)}): {SAVE_AS[kind]}",
            )
    elif kind == "csv":
        if head.startswith((ZIP_MAGIC, OLE_MAGIC, PDF_MAGIC)):
            raise IngestError(
                name,
                f"the file is named .csv but its content is {_describe(head)}: "
                "export the chronology as CSV, or import the original file",
            )
    elif kind in ("xls", "doc") and head.startswith(ZIP_MAGIC):
        # A newer file with an old extension: read it as what it is.
        kind = "xlsx" if kind == "xls" else "docx"
    return kind


def _describe(head: bytes) -> str:
    if head.startswith(ZIP_MAGIC):
        return "a ZIP archive (perhaps an .xlsx or .docx)"
    if head.startswith(OLE_MAGIC):
        return "an older Office document (.xls/.doc) or an encrypted one"
    if head.startswith(PDF_MAGIC):
        return "a PDF"
    if head.lstrip().startswith((b"<html", b"<!DOCTYPE", b"<?xml")):
        return "a web page or XML"
    return "not recognised"


def _ole_is_encrypted(path: Path) -> bool:
    # Encrypted OOXML is an OLE container holding an "EncryptedPackage" stream; its
    # directory entries store names in UTF-16LE.
    with path.open("rb") as fh:
        data = fh.read(1024 * 1024)
    return "EncryptedPackage".encode("utf-16-le") in data


def check_zip(path: Path, limits: Limits) -> None:
    """Bound a zip container (xlsx, docx) before any XML in it is parsed."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise IngestError(
            name, f"the file is damaged or incomplete (perhaps cut short in transfer): {exc}"
        ) from None
    if len(infos) > limits.max_zip_entries:
        raise IngestError(
            name,
            f"the file holds {len(infos)} parts, more than the {limits.max_zip_entries} allowed",
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / info.compress_size if info.compress_size else 0.0
        # Tiny, very compressible parts are normal; a big one expanding hugely is a bomb.
        if ratio > limits.max_compression_ratio and info.file_size > 1024 * 1024:
            raise IngestError(
                name,
                f"part '{info.filename}' expands {int(ratio)}x, "
                "which looks like a zip bomb; the file was not read",
            )
    if total > limits.max_uncompressed_bytes:
        raise IngestError(
            name,
            f"the file expands to {total // (1024 * 1024)} MB, more than the "
            f"{limits.max_uncompressed_bytes // (1024 * 1024)} MB allowed",
        )
