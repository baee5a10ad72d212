"""Read a written export back and collect every text in it, for the publication check.

xlsx and docx are zip packages of XML: every text node and attribute value of every part
is read (cells of every sheet, sheet names, document properties, headers, footers, image
descriptions...), and python-docx's paragraph text too, because Word may split a word
across runs. CSV and SVG are read as text. A PNG holds no readable text: the figure's
texts are checked before it is drawn (see `figure_texts`), and its metadata here.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from defusedxml import ElementTree as SafeET

from .pseudonymise import NamesList


def _xml_texts(data: bytes) -> Iterator[str]:
    root = SafeET.fromstring(data)
    for el in root.iter():
        if el.text:
            yield el.text
        if el.tail and el.tail.strip():
            yield el.tail
        yield from (v for v in el.attrib.values() if v)


def package_texts(path: Path) -> Iterator[str]:
    """Texts of every XML part of an Office package (xlsx, docx)."""
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            yield info.filename
            if info.filename.endswith((".xml", ".rels")):
                yield from _xml_texts(z.read(info))


def docx_paragraph_texts(path: Path) -> Iterator[str]:
    from docx import Document

    doc = Document(str(path))
    parts = [doc] + [s.header for s in doc.sections] + [s.footer for s in doc.sections]
    for part in parts:
        for p in part.paragraphs:
            yield p.text
        for t in part.tables:
            for row in t.rows:
                for cell in row.cells:
                    yield cell.text


def png_texts(path: Path) -> Iterator[str]:
    """The text chunks (metadata) of a PNG."""
    from PIL import Image

    with Image.open(path) as im:
        yield from (str(v) for v in im.info.values() if isinstance(v, (str, bytes)))


def file_texts(path: Path, fmt: str) -> Iterator[str]:
    if fmt == "xlsx":
        yield from package_texts(path)
    elif fmt == "docx":
        yield from package_texts(path)
        yield from docx_paragraph_texts(path)
    elif fmt == "csv":
        yield path.read_text(encoding="utf-8-sig")
    elif fmt == "svg":
        raw = path.read_bytes()
        yield raw.decode("utf-8")
        yield from _xml_texts(raw)  # entities decoded
    elif fmt == "png":
        yield from png_texts(path)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def surviving_terms(texts: Iterator[str] | list[str], names: NamesList) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found |= names.find_terms(text)
    return found
