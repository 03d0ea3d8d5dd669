from lib.compare import comparison_table, neighbours, same_state_peers
from lib.i18n import use_language
from lib.profile import county_profile


def test_neighbours_share_a_border(data):
    assert {"06001", "06081", "06087", "06069", "06047", "06099"} <= set(neighbours(data, "06085"))
    assert "06037" not in neighbours(data, "06085")


def test_same_state_peers_have_the_same_level(data):
    levels = data.counties.set_index("fips")["state_abbr"].map(lambda unused: "x")
    peers = same_state_peers(data, "48201", levels)
    assert peers and all(p.startswith("48") for p in peers) and "48201" not in peers


def test_comparison_table_labels_follow_the_language(data):
    toolkit_year = data.source("ilrc_uwd_toolkit_2015")["as_of"][:4]  # Santa Clara's policy is as of the toolkit
    english = comparison_table([county_profile(data, fips) for fips in ("06085", "48201")])
    with use_language("es"):
        spanish = comparison_table([county_profile(data, fips) for fips in ("06085", "48201")])
    assert list(spanish.columns) == list(english.columns) == ["Santa Clara County, CA", "Harris County, TX"]
    assert "Who runs the jail" in english.index and "Quién administra la cárcel" in spanish.index
    assert spanish.loc["Quién administra la cárcel", "Harris County, TX"] == "Alguacil (sheriff)"
    assert f"al {toolkit_year}" in spanish.loc["Solicitudes de retención", "Santa Clara County, CA"]
