from lib.search import build_index, search


def labels(data, query):
    return [hit.label for hit in search(build_index(data), query)]


def test_county_names_come_first(data):
    assert labels(data, "santa clara")[0] == "Santa Clara County, CA"


def test_a_city_agency_leads_to_its_county(data):
    hits = search(build_index(data), "Mesa, AZ")
    assert hits and hits[0].fips == "04013"


def test_accents_and_case_do_not_matter(data):
    assert labels(data, "DONA ANA")[0] == "Doña Ana County, NM"


def test_too_short_or_unknown_queries_find_nothing(data):
    assert labels(data, "a") == []
    assert labels(data, "zzzzqqq") == []


def test_hits_are_worded_in_the_language_of_the_search_and_names_stay(data, marked):
    index = build_index(data)  # built once, language-free, like the app's cached index
    assert labels(data, "Mesa, AZ")[0] == "Mesa, AZ (city agency) → Maricopa County"
    with marked:
        assert search(index, "Mesa, AZ")[0].label == "«{agency}, {state} ({agency_type}) → {county}»".format(
            agency="Mesa", state="AZ", agency_type="«city agency»", county="Maricopa County")
        assert search(index, "santa clara")[0].label == "Santa Clara County, CA"
