import codecs

from ingest.readers.csv_reader import decode, sniff_delimiter


def test_cs001_encodings():
    text = "Date,Details\n12/03/2021,Partner’s car – £200\n"
    assert decode(codecs.BOM_UTF8 + text.encode(), "f") == (text, "utf-8-sig")
    assert decode(text.encode("utf-8"), "f") == (text, "utf-8")
    assert decode(text.encode("cp1252"), "f") == (text, "cp1252")
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "f") == (text, "utf-16")
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "f") == (text, "utf-16")
    # bytes cp1252 leaves undefined still decode (latin-1): nothing is lost
    assert decode(b"Date,Details\n1/1/21,\x81\x8d\n", "f")[1] == "latin-1"


def test_cs002_delimiters():
    assert sniff_delimiter("Date;Details;Ref\n12/03/2021;Visit, seen;R1\n") == ";"
    assert sniff_delimiter("Date\tDetails\n12/03/2021\tVisit; seen\n") == "\t"
    assert sniff_delimiter('Date,Details\n12/03/2021,"Visit; seen"\n') == ","
    assert sniff_delimiter("Date|Details\n12/03/2021|Visit\n") == "|"
    assert sniff_delimiter("Details\nVisit\n") == ","  # one column: the default
