"""The machine-readable profile: `python -m lib.profile FIPS`."""

import json
import subprocess
import sys

import pytest

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


def test_profile_lists_county_and_statewide_agreements(data):
    profile = county_profile(data, "01001")
    assert any(a["agency_type"] == "sheriff" for a in profile["agreements_287g"])
    assert all(a["source_date"] == "2026-05-18" for a in profile["agreements_287g"] if a["status"] == "participating")


def test_parse_fips_keeps_leading_zeros(data):
    assert parse_fips(" 01001 ", data) == "01001"
    with pytest.raises(UnknownCounty):
        parse_fips(1001, data)
