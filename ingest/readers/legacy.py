"""Older .xls and .doc files: converted with LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.errors import IngestError

TARGET = {"xls": "xlsx", "doc": "docx"}


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_legacy(path: Path, kind: str, workdir: Path | None = None) -> Path:
    """Return the path of a converted .xlsx/.docx copy (in a temporary folder)."""
    target = TARGET[kind]
    soffice = soffice_path()
    if soffice is None:
        app = "Excel" if kind == "xls" else "Word"
        raise IngestError(
            path.name,
            f"this is an older .{kind} file, which needs LibreOffice to convert and it is not "
            f"installed: open the file in {app} and use 'Save As' .{target}, then import that "
            "(or install LibreOffice: apt-get install libreoffice-calc libreoffice-writer)",
        )
    out_dir = workdir or Path(tempfile.mkdtemp(prefix="lrt-convert-"))
    try:
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise IngestError(path.name, f"LibreOffice could not convert the file ({exc})") from None
    converted = out_dir / f"{path.stem}.{target}"
    if not converted.exists():
        raise IngestError(path.name, "LibreOffice did not produce a converted file")
    return converted
