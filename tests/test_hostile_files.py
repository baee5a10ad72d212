"""Hostile and broken files get a clear IngestError naming the file, never a traceback."""

import io
import zipfile

import pytest

from ingest import IngestError, Limits, import_file
from ingest.readers import legacy
from tests.builders import write_csv, write_docx, write_xlsx

ROWS = [["Date", "Details"], ["12/03/2021", "Visit"]]


def err(path, **kw) -> str:
    with pytest.raises(IngestError) as info:
        import_file(path, **kw)
    message = str(info.value)
    assert f"'{path.name}'" in message  # every message names the file
    return message


def test_hf001_empty_file(tmp_path):
    for name in ("a.csv", "a.xlsx", "a.docx"):
        (tmp_path / name).write_bytes(b"")
        assert "empty" in err(tmp_path / name)


def test_hf002_content_does_not_match_extension(tmp_path):
    fake = tmp_path / "police.xlsx"
    fake.write_text("Date,Details\n12/03/2021,Visit\n")
    assert "not a real .xlsx" in err(fake)
    xlsx_as_csv = tmp_path / "police.csv"
    xlsx_as_csv.write_bytes(write_xlsx(tmp_path / "real.xlsx", {"S": ROWS}).read_bytes())
    assert "ZIP archive" in err(xlsx_as_csv)
    pdf = tmp_path / "gp.docx"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert "a PDF" in err(pdf)


def test_hf003_unsupported_extension(tmp_path):
    p = tmp_path / "notes.pdf"
    p.write_bytes(b"%PDF-1.7")
    assert "unsupported file type '.pdf'" in err(p)


def test_hf004_truncated_xlsx_and_docx(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", {"S": ROWS}).read_bytes()
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(good[: len(good) // 2])
    assert "damaged or incomplete" in err(bad)
    gd = write_docx(tmp_path / "good.docx", [ROWS]).read_bytes()
    bd = tmp_path / "cut.docx"
    bd.write_bytes(gd[: len(gd) // 2])
    assert "damaged or incomplete" in err(bd)


def _ole_file(path, with_encrypted_stream: bool):
    # The first bytes of an OLE compound file, and (for an encrypted OOXML package) the
    # UTF-16LE directory name Office gives its encrypted stream.
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    if with_encrypted_stream:
        body += "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(body + b"\x00" * 1024)
    return path


def test_hf005_password_protected_and_old_format_office_files(tmp_path):
    assert "password-protected" in err(_ole_file(tmp_path / "csc.xlsx", True))
    assert "older-format Office file" in err(_ole_file(tmp_path / "csc2.xlsx", False))
    assert "password-protected" in err(_ole_file(tmp_path / "hv.docx", True))


def test_hf006_zip_bomb_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (30 * 1024 * 1024) + b">")
    assert "zip bomb" in err(bomb)
    assert "expands to" in err(
        bomb, limits=Limits(max_uncompressed_bytes=1024 * 1024, max_compression_ratio=1e9)
    )


def test_hf007_too_many_zip_entries(tmp_path):
    p = tmp_path / "many.docx"
    with zipfile.ZipFile(p, "w") as zf:
        for i in range(30):
            zf.writestr(f"x{i}.xml", "<x/>")
    assert "30 parts" in err(p, limits=Limits(max_zip_entries=20))


def test_hf008_entity_expansion_in_xlsx_is_refused(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", {"S": ROWS})
    evil = tmp_path / "evil.xlsx"
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = laughs.encode() + body.replace(b"<sheets>", b"<sheets>&lol2;", 1)
            dst.writestr(item, data)
    assert "could not be read safely" in err(evil)


def test_hf009_row_and_column_bounds(tmp_path):
    many = [["Date", "Details"]] + [["12/03/2021", f"visit {i}"] for i in range(50)]
    assert "more than 20 rows" in err(
        write_csv(tmp_path / "gp.csv", many), limits=Limits(max_rows=20)
    )
    xlsx = write_xlsx(tmp_path / "gp.xlsx", {"S": many})
    assert "claims 51 rows" in err(xlsx, limits=Limits(max_rows=20))
    # A sheet that lies about its size is still stopped while reading.
    liar = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(liar, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:B51"/>', b'<dimension ref="A1:B2"/>')
                assert b'ref="A1:B2"' in data
            dst.writestr(item, data)
    assert "more than 20 rows" in err(liar, limits=Limits(max_rows=20))
    wide = [["Date", "Details", *[f"c{i}" for i in range(30)]]]
    assert "columns" in err(write_csv(tmp_path / "w.csv", wide), limits=Limits(max_columns=10))
    assert "columns" in err(
        write_xlsx(tmp_path / "w.xlsx", {"S": wide}), limits=Limits(max_columns=10)
    )


def test_hf010_file_over_the_size_limit(tmp_path):
    p = write_csv(tmp_path / "big.csv", ROWS * 100)
    assert "more than the 0 MB allowed" in err(p, limits=Limits(max_file_bytes=100))


def test_hf011_binary_data_in_a_csv(tmp_path):
    p = tmp_path / "gp.csv"
    p.write_bytes(b"Date,Details\n\x00\x01\x02\x00garbage")
    assert "binary data" in err(p)


def test_hf012_word_document_without_a_table(tmp_path):
    p = write_docx(tmp_path / "hv.docx", ["Just a letter, no chronology table."])
    assert "no table" in err(p)


def test_hf013_old_formats_say_how_to_convert_when_libreoffice_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "soffice_path", lambda: None)
    xls = tmp_path / "police.xls"  # .xls is read without LibreOffice: a damaged one says so
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    msg = err(xls)
    assert "'police.xls'" in msg and "damaged" in msg and ".xlsx" in msg
    doc = tmp_path / "hv.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in err(doc)


@pytest.mark.skipif(legacy.soffice_path() is None, reason="LibreOffice is not installed")
def test_hf014_old_xls_is_converted_with_libreoffice(tmp_path):  # pragma: no cover - optional
    import subprocess

    src = write_xlsx(tmp_path / "src.xlsx", {"S": ROWS})
    subprocess.run(
        [
            legacy.soffice_path(),
            "--headless",
            "--convert-to",
            "xls",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    r = import_file(tmp_path / "src.xls", agency="Police")
    assert [x.description for x in r.records] == ["Visit"]


def test_hf015_missing_file(tmp_path):
    with pytest.raises(IngestError, match="cannot be opened"):
        import_file(tmp_path / "nope.csv")


def test_hf016_an_xlsx_renamed_docx_and_garbage_zip(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not office")
    p = tmp_path / "csc.xlsx"
    p.write_bytes(buf.getvalue())
    assert "not a real Excel workbook" in err(p) or "could not be read" in err(p)
