"""CSV: encoding detection (UTF-8, UTF-8 with BOM, UTF-16 with BOM, cp1252) and delimiter
sniffing. Each CSV record is one row as Excel shows it: a quoted cell with line breaks
stays in its row, so row numbers match what the agency sees."""

from __future__ import annotations

import codecs
import csv
import io
from itertools import islice, repeat
from pathlib import Path

from ingest.errors import IngestError
from ingest.limits import Limits
from ingest.readers.base import RawTable

DELIMITERS = ",;\t|"


def decode(data: bytes, file_name: str) -> tuple[str, str]:
    """Return (text, encoding name). Agencies export from Excel on Windows: cp1252 is
    the usual non-UTF-8 case; a UTF-16 file always carries a BOM when Excel writes it."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), "utf-16"
            except UnicodeDecodeError as exc:
                raise IngestError(file_name, f"damaged UTF-16 text: {exc}") from None
    if b"\x00" in data[:4096]:
        raise IngestError(
            file_name, "the file contains binary data, not text: it is not a real CSV file"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def first_lines(text: str, n: int) -> list[str]:
    """text.splitlines()[:n], without splitting the whole file: every line but the last of
    a prefix is a whole line of the text (a prefix ending inside a line, or between the
    \\r and \\n of one line break, changes only its last line)."""
    size = 16384
    while True:
        lines = text[:size].splitlines()
        if len(lines) > n or size >= len(text):
            return lines[:n]
        size *= 4


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(first_lines(text, 30))
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        # Fall back to the delimiter seen most often outside quotes in the first lines.
        counts = {d: sample.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv(path: Path, limits: Limits) -> tuple[list[RawTable], list[str]]:
    name = path.name
    data = path.read_bytes()
    text, encoding = decode(data, name)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # islice bounds the rows while reading; the C reader does the rest at full speed.
        rows: list[list[object]] = list(islice(reader, limits.max_rows + 1))
    except csv.Error as exc:
        raise IngestError(
            name, f"the CSV is malformed near line {reader.line_num}: {exc}"
        ) from None
    if len(rows) > limits.max_rows:
        raise IngestError(name, f"more than {limits.max_rows} rows: the file was not read")
    if max(map(len, rows), default=0) > limits.max_columns:
        widths = list(map(len, rows))
        widest = widths.index(max(widths))
        raise IngestError(
            name,
            f"{widths[widest]} columns, more than the {limits.max_columns} allowed",
            row=widest + 1,
        )
    names = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}
    note = f"read as {encoding} text, {names.get(delimiter, repr(delimiter))}-separated"
    positions = list(zip(repeat(""), range(1, len(rows) + 1)))
    return [RawTable("", rows, positions, all_text=True)], [note]
