import json

import pytest

from ingest.profiles import AgencyProfile, ProfileError, load_profile, profiles_in, save_profile


def test_pf001_save_load_round_trip_per_agency(tmp_path):
    p = AgencyProfile(agency="Health Visiting", columns={"Blurb": "description"}, header_row=3)
    path = save_profile(p, tmp_path)
    assert path.name == "health-visiting.json"
    assert load_profile(path) == p
    assert profiles_in(tmp_path) == [p]


def test_pf002_bad_profiles_are_refused_with_a_reason(tmp_path):
    with pytest.raises(ProfileError, match="unknown field"):
        AgencyProfile(columns={"X": "colour"}).validate()
    bad = tmp_path / "x.json"
    bad.write_text("{not json")
    with pytest.raises(ProfileError, match="x.json"):
        load_profile(bad)
    bad.write_text(json.dumps([1, 2]))
    with pytest.raises(ProfileError, match="JSON object"):
        load_profile(bad)


def test_pf003_which_files_a_profile_applies_to():
    hv = AgencyProfile(agency="Health Visiting")
    assert hv.applies_to("x.csv", "Health Visiting") and not hv.applies_to("x.csv", "GP")
    assert not hv.applies_to("x.csv", None)
    assert AgencyProfile(file_pattern="hv chron*").applies_to("hv chron v2.docx", None)
    assert AgencyProfile().applies_to("anything.csv", None)
