import pytest

from ingest.agencies import AgencyDirectory


@pytest.mark.parametrize(
    ("stem", "agency"),
    [
        ("Chronology - Childrens Services FINAL", "Children's Social Care"),
        ("hv chron v2", "Health Visiting"),
        ("Police_chronology", "Police"),
        ("GP Surgery chronology", "GP"),
        ("Hospital Trust - ED attendances", "Hospital"),
        ("school_chron", "School"),
        ("CSC chronology v3 redacted", "Children's Social Care"),
        ("Probation Service - LR chronology", "Probation"),
        ("Housing Assocation chron", "Housing"),  # typo still matches
    ],
)
def test_ag001_agency_from_file_name(stem, agency):
    assert AgencyDirectory().from_file_name(stem) == agency


@pytest.mark.parametrize("stem", ["chronology final", "export 2021-03-12", "Book1", "edgar notes"])
def test_ag002_no_agency_guessed_from_an_uninformative_name(stem):
    assert AgencyDirectory().from_file_name(stem) is None


def test_ag003_cell_values_and_review_specific_aliases():
    d = AgencyDirectory.with_extra({"Family Hub": ["family hub", "fh"]})
    assert d.canonical("PPU") == "Police"
    assert d.canonical("A&E") == "Hospital"
    assert d.canonical("Family Hub") == "Family Hub"
    assert d.canonical("FH") == "Family Hub"
    assert d.canonical("Quokka Sanctuary") is None
