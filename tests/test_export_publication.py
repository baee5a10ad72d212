# ruff: noqa: F811  (pytest fixtures imported from test_export_helpers)
"""The publication copy: the names list (possessives, case, word boundaries), every format
re-read for surviving terms, and the refusal when one survives."""

from __future__ import annotations

import pytest

import timeline.export.service as export_service
from timeline.export import (
    FORMATS,
    ExportError,
    ExportRefused,
    NamesList,
    NamesListError,
    export_review,
    parse_names_csv,
)

from .test_export_helpers import (
    OP,
    all_docx_texts,
    all_xlsx_texts,
    csv_rows,
    export_entries,
    out,  # noqa: F401
    sample,  # noqa: F401
    sheet_rows,
)

# The sample's family and some practitioners and places (all fictional).
NAMES = [
    ("Jade Calderbank", "Mother"),
    ("Jade", "Mother"),
    ("Maisie-Rose Calderbank", "Child M"),
    ("Maisie-Rose", "Child M"),
    ("Tyler", "Sibling"),
    ("Connor Pryce", "Father"),
    ("Connor", "Father"),
    ("Calderbank", "[family name]"),
    ("Pryce", "[family name]"),
    ("Sandra", "Maternal grandmother"),
    ("Kelly Birtwistle", "Social Worker 1"),
    ("Gemma Rudd", "Social Worker 2"),
    ("14 Pennine Walk", "[address 1]"),
    ("Pennine Walk", "[street]"),
    ("Ashby Fold Primary School", "the school"),
    ("14/08/2019", "[date of birth]"),
]


def names() -> NamesList:
    return NamesList(NAMES)


# ---------------------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jade seen at home", "Mother seen at home"),
        ("Jade's partner", "Mother's partner"),
        ("Jade’s partner", "Mother’s partner"),  # typographic apostrophe kept
        ("Jades partner", "Mother's partner"),  # possessive without the apostrophe
        ("JADE and jade and jAdE", "Mother and Mother and Mother"),
        ("JADE'S flat", "Mother's flat"),
        ("Jaded and Jadeite, not Ajade", "Jaded and Jadeite, not Ajade"),  # whole words only
        ("Jade Calderbank (21)", "Mother (21)"),  # the longest term first
        ("Jade  CALDERBANK", "Mother"),  # any run of spaces
        ("Jade\nCalderbank", "Mother"),
        ("Maisie-Rose's bruise", "Child M's bruise"),
        ("Maisie was seen", "Maisie was seen"),  # not a listed term
        ("Tyler (3) in bed; Tyler’s teacher", "Sibling (3) in bed; Sibling’s teacher"),
        ("at 14 Pennine Walk, Brackenford", "at [address 1], Brackenford"),
        ("born 14/08/2019.", "born [date of birth]."),
        ("Connor said Jade spent £60", "Father said Mother spent £60"),
        ("", ""),
    ],
)
def test_ex040_replacement_cases(text, expected):
    assert names().apply(text) == expected


def test_ex041_nhs_numbers_with_any_separators():
    nl = NamesList([("485 777 3456", "[NHS number]")])
    for written in ("485 777 3456", "4857773456", "485-777-3456"):
        assert nl.apply(f"NHS no {written}.") == "NHS no [NHS number]."
    assert nl.apply("48577734567") == "48577734567"  # a longer number is not it


def test_ex042_one_pass_no_chained_replacement():
    nl = NamesList([("Jade", "Person B"), ("Ann", "Person C")])
    assert nl.apply("Jade and Ann") == "Person B and Person C"
    with pytest.raises(NamesListError, match="contains a listed term"):
        NamesList([("Jade", "Mother"), ("Mother", "Parent")])


def test_ex043_find_terms_reports_survivors_as_listed():
    nl = names()
    assert nl.find_terms("Jades bag and TYLER's coat") == {"Jade", "Tyler"}
    assert nl.find_terms("Jaded Tylers") == {"Tyler"}  # "Tylers": possessive of Tyler
    assert nl.find_terms("Mother and Sibling") == set()


def test_ex044_names_csv_parsing():
    nl = parse_names_csv("\ufeffTerm,Replacement\nJade,Mother\n,\nTyler,Sibling\n")
    assert len(nl) == 2 and nl.apply("Jade, Tyler") == "Mother, Sibling"
    with pytest.raises(NamesListError, match="term,replacement"):
        parse_names_csv("name,pseudonym\nJade,Mother\n")
    with pytest.raises(NamesListError, match="empty"):
        parse_names_csv("term,replacement\n")
    with pytest.raises(NamesListError, match="no replacement"):
        parse_names_csv("term,replacement\nJade,\n")


# ---------------------------------------------------------------------------- exports


def _no_names_left(texts: list[str]) -> None:
    joined = "\n".join(texts)
    for term in ("Jade", "Maisie-Rose", "Tyler", "Connor", "CALDERBANK", "PRYCE", "Pennine"):
        assert term.lower() not in joined.lower(), term


def test_ex045_publication_xlsx_every_sheet(sample, out):
    path = out / "pub.xlsx"
    export_review(sample.store, OP, sample.rid, "xlsx", path, publication=True, names=names())
    _no_names_left(all_xlsx_texts(path))
    _, rows = sheet_rows(path, "Integrated chronology")
    police = [r for r in rows if "[address 1], Brackenford" in str(r["Police"] or "")]
    assert police and "between Mother (21) and partner Father (26)" in str(police[0]["Police"])
    _, recs = sheet_rows(path, "Source records")
    assert any(r["Other fields"] == "Pupil: Sibling" for r in recs)
    assert any(r["Practitioner"] == "Social Worker 1 (MASH SW)" for r in recs)


def test_ex046_publication_docx_csv_svg(sample, out):
    nl = names()
    for fmt in ("docx", "csv", "svg", "png"):
        export_review(
            sample.store, OP, sample.rid, fmt, out / f"pub.{fmt}", publication=True, names=nl
        )
    docx_texts = all_docx_texts(out / "pub.docx")
    _no_names_left(docx_texts)
    # KLOE text is pseudonymised too ("Connor", "Tyler's voice", "Maisie-Rose's daily life").
    assert any("engage with Father as a father" in t for t in docx_texts)
    assert any("Sibling's voice" in t and "Child M's daily life" in t for t in docx_texts)
    assert any("Publication copy" in t for t in docx_texts)
    header, rows = csv_rows(out / "pub.csv")
    _no_names_left(header + [v for r in rows for v in r.values()])
    _no_names_left([(out / "pub.svg").read_text(encoding="utf-8")])


@pytest.mark.parametrize(
    ("fmt", "term"),
    [
        ("xlsx", "Outcome"),  # the "Outcome:" label of each agency's entry
        ("xlsx", "Quarantined"),  # a sheet name
        ("csv", "Agencies"),  # a column header
        ("docx", "enquiry"),  # the heading "2. Key lines of enquiry"
        ("png", "several"),  # the figure's legend
        ("svg", "several"),
    ],
)
def test_ex047_a_surviving_term_refuses_the_export(sample, out, fmt, term):
    """A term that only the exporter's own words contain is not replaced (only the review's
    texts are), so the check on the written file must catch it."""
    before = len(export_entries(sample.store, sample.rid))
    nl = NamesList([*NAMES, (term, "[redacted]")])
    target = out / f"pub.{fmt}"
    target.write_bytes(b"an earlier copy")
    with pytest.raises(ExportRefused) as exc:
        export_review(sample.store, OP, sample.rid, fmt, target, publication=True, names=nl)
    assert exc.value.terms == [term]
    assert list(out.iterdir()) == [target]  # no new file, not even the temporary one
    assert target.read_bytes() == b"an earlier copy"
    assert len(export_entries(sample.store, sample.rid)) == before  # nothing audited


@pytest.mark.parametrize("fmt", FORMATS)
def test_ex048_check_reads_every_format(sample, out, monkeypatch, fmt):
    """If the replacement step missed everything, the check on the file refuses it."""
    monkeypatch.setattr(export_service, "map_text", lambda data, fn: data)
    nl = NamesList([*NAMES, ("Sample", "[title]")])  # the figure draws the review's title
    with pytest.raises(ExportRefused) as exc:
        export_review(
            sample.store, OP, sample.rid, fmt, out / f"x.{fmt}", publication=True, names=nl
        )
    expected = "Sample" if fmt in ("png", "svg") else "Jade"
    assert expected in exc.value.terms
    assert list(out.iterdir()) == []


def test_ex049_publication_needs_a_names_list_and_vice_versa(sample, out):
    with pytest.raises(ExportError, match="needs a names list"):
        export_review(sample.store, OP, sample.rid, "xlsx", out / "a.xlsx", publication=True)
    with pytest.raises(ExportError, match="add --publication"):
        export_review(sample.store, OP, sample.rid, "xlsx", out / "a.xlsx", names=names())
    with pytest.raises(ExportError, match=r"must end in \.csv"):
        export_review(sample.store, OP, sample.rid, "csv", out / "a.xlsx")
    assert list(out.iterdir()) == []
