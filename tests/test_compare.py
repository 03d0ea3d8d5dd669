from lib.compare import neighbours, same_state_peers


def test_neighbours_share_a_border(data):
    assert {"06001", "06081", "06087", "06069", "06047", "06099"} <= set(neighbours(data, "06085"))
    assert "06037" not in neighbours(data, "06085")


def test_same_state_peers_have_the_same_level(data):
    levels = data.counties.set_index("fips")["state_abbr"].map(lambda _: "x")
    peers = same_state_peers(data, "48201", levels)
    assert peers and all(p.startswith("48") for p in peers) and "48201" not in peers
