import pytest

from lib.countyfacts import FACTS_EXPLAINED, capitalized, county_facts_line, evidence_date, indicator_detail

PROFILE = {"population": {"value": 1877592, "as_of": "2024-07-01"}, "ice_field_office": "San Francisco"}


def test_capitalized_raises_the_first_letter_only():
    assert capitalized("honors ICE detainers") == "Honors ICE detainers"
    assert capitalized("") == ""


def test_the_facts_line_gives_code_population_and_field_office():
    assert county_facts_line("06085", PROFILE) == (
        "FIPS code 06085 · population 1,877,592, as of 2024-07-01 · ICE field office: San Francisco"
    )


def test_a_population_date_in_brackets_gets_no_brackets_around_it():
    census = {**PROFILE, "population": {"value": 1, "as_of": "2014-2018 (ACS 5-year estimate, approximate vintage)"}}
    line = county_facts_line("06085", census)
    assert "((" not in line and "))" not in line
    assert "population 1, as of 2014-2018 (ACS 5-year estimate, approximate vintage) ·" in line


def test_the_code_and_the_field_office_are_explained():
    assert "five-digit federal code" in FACTS_EXPLAINED and "area of responsibility" in FACTS_EXPLAINED


def test_the_facts_line_says_when_the_field_office_is_unknown():
    assert county_facts_line("06085", {**PROFILE, "ice_field_office": None}).endswith("· ICE field office: unknown")


@pytest.mark.parametrize(
    "record, detail",
    [
        ({"basis": "case_law", "as_of": "as of 2015-08", "review_status": "reviewed"}, "case law, as of 2015-08"),
        ({"basis": "statute", "as_of": "2024-01-01", "review_status": "draft"}, "statute, as of 2024-01-01 · draft"),
        ({"basis": None, "as_of": None, "review_status": "reviewed"}, "no evidence found"),
        ({"basis": None, "as_of": None, "review_status": "draft"}, "no evidence found · draft"),
    ],
)
def test_the_indicator_detail_gives_basis_and_date_or_no_evidence(record, detail):
    assert indicator_detail(record) == detail


def test_an_evidence_date_loses_the_words_as_of_and_an_empty_one_stays_empty():
    assert evidence_date("as of 2015-08") == "2015-08"
    assert evidence_date("2024-01-01") == "2024-01-01"
    assert evidence_date(None) is None


def test_the_lines_are_in_the_reader_language(marked):
    with marked:
        assert county_facts_line("06085", PROFILE).startswith("«FIPS code 06085 · population 1,877,592")
        detail = indicator_detail({"basis": "statute", "as_of": "2024", "review_status": "reviewed"})
    assert detail == "««statute», as of 2024»"
