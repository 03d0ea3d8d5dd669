from lib.countynames import CountyIndex, census_suffix, county_key


def test_county_key_ignores_suffix_punctuation_and_saint():
    assert county_key("St. Mary's County") == county_key("Saint Marys")
    assert county_key("DeKalb County") == county_key("De Kalb")
    assert county_key("Doña Ana County") == county_key("DONA ANA")


def test_county_key_keeps_city_apart_from_county():
    assert county_key("Richmond city") != county_key("Richmond County")


def test_census_suffix():
    assert census_suffix("Acadia", "acadia parish, louisiana") == "Parish"
    assert census_suffix("Carson City", "carson city, nevada") == ""
    assert census_suffix("James City", "james city county, virginia") == "County"
    assert census_suffix("Juneau", "juneau city and borough, alaska") == "City and Borough"


def test_index_lookup_prefers_exact_and_falls_back_on_city():
    index = CountyIndex(
        [("51159", "51", "Richmond County"), ("51760", "51", "Richmond city"), ("51550", "51", "Chesapeake city")]
    )
    assert index.lookup("51", "Richmond County") == "51159"
    assert index.lookup("51", "Richmond City") == "51760"
    assert index.lookup("51", "Chesapeake") == "51550"
    assert index.lookup("51", "Nowhere") is None
    assert index.lookup("06", "Richmond County") is None
