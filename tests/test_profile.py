"""The machine-readable profile: `python -m lib.profile FIPS`."""

import json
import subprocess
import sys

import pytest

from lib.evidence import CountyEvidence
from lib.i18n import use_language
from lib.paths import PROJECT_ROOT
from lib.profile import UnknownCounty, county_profile, parse_fips


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lib.profile", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=120)


def test_cli_prints_the_profile_as_json():
    result = run_cli("06085")
    assert result.returncode == 0, result.stderr
    profile = json.loads(result.stdout)
    assert (profile["fips"], profile["name"], profile["state"]) == ("06085", "Santa Clara County", "California")
    for agreement in profile["agreements_287g"]:
        assert {"agency", "agency_type", "model", "signed", "source_date"} <= set(agreement)


@pytest.mark.parametrize("bad", ["99999", "6085", "abcde", "06085; rm -rf /"])
def test_cli_rejects_unknown_or_malformed_fips_in_one_line(bad):
    result = run_cli(bad)
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_profile_lists_county_and_statewide_agreements(data, newest_287g_sheet_date):
    profile = county_profile(data, "01001")
    assert any(a["agency_type"] == "sheriff" for a in profile["agreements_287g"])
    participating = [a for a in profile["agreements_287g"] if a["status"] == "participating"]
    assert participating and all(a["source_date"] == newest_287g_sheet_date for a in participating)


def test_parse_fips_keeps_leading_zeros(data):
    assert parse_fips(" 01001 ", data) == "01001"
    with pytest.raises(UnknownCounty):
        parse_fips(1001, data)


def _keys(value):
    """The profile's structure: every key, nested, without the values."""
    if isinstance(value, dict):
        return {key: _keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_keys(item) for item in value[:1]]
    return None


def test_profile_in_spanish_translates_texts_and_keeps_keys_and_ids(data, evidence):
    english = county_profile(data, "48201", evidence)
    with use_language("es"):
        spanish = county_profile(data, "48201", CountyEvidence.assemble(data))
    assert _keys(spanish) == _keys(english)
    assert (spanish["level"], spanish["indicators"]) == (english["level"], english["indicators"])
    assert "No es asesoría legal" in spanish["asks"]["label"]
    assert [ask["id"] for ask in spanish["asks"]["items"]] == [ask["id"] for ask in english["asks"]["items"]]
    assert spanish["authority"]["offices"][0]["title"] == "Alguacil (sheriff)"
    law = next(record for record in spanish["evidence"] if record["basis"] == "statute")
    assert law["summary"].startswith("SB 4 (2017): ") and "vigente desde" in law["summary"]
    # The English evidence stays English whatever language the profile is made in.
    with use_language("es"):
        assert county_profile(data, "48201", evidence)["evidence"] == english["evidence"]


def test_parse_fips_explains_in_spanish(data):
    with use_language("es"), pytest.raises(UnknownCounty, match="no es un código de condado"):
        parse_fips("6085", data)


def test_cli_prints_spanish_texts_under_english_keys():
    result = run_cli("48201", "--lang", "es")
    assert result.returncode == 0, result.stderr
    profile = json.loads(result.stdout)
    assert {"asks", "authority", "money", "evidence"} <= set(profile)
    assert "No es asesoría legal" in profile["asks"]["label"]
    assert profile["authority"]["offices"][0]["title"] == "Alguacil (sheriff)"
    assert profile["level"] in {"partnership", "honors_holds"}  # ids stay English
