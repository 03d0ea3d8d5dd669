"""Who has the power over a county's jail and its ICE policy (lib/authority.py): the state's usual pattern, the
counties known to differ, the city column and the chart, on small hand-made tables; one contract check on the
committed data."""

import re

import pytest

from lib.authority import authority_chart, chart_dot, city_agencies, county_governance, offices_table
from lib.vocab import FIRST_LISTED, MOST_RESIDENTS_2020, ONLY_COUNTY
from tests.kinds import EVERY_KIND
from tests.smalldata import compiled

LEGISLATURE_POWERS = "The legislature can override county policy by statute."
STATE_RUNS_THE_JAILS = "The state itself runs the jails."


def state(abbr, jail_operator, sheriff_elected, board, executive, preempt=LEGISLATURE_POWERS):
    return {
        "state_abbr": abbr,
        "jail_operator": jail_operator,
        "sheriff_elected": sheriff_elected,
        "county_legislative_body": board,
        "county_executive": executive,
        "state_can_preempt": preempt,
        "source": f"{abbr} research",
        "source_date": "2026-11-24",
        "note": f"{abbr} note",
    }


def override(fips, field, value):
    return {
        "county_fips": fips,
        "field": field,
        "value": value,
        "source": f"{fips} research",
        "source_date": "2026-11-25",
        "note": f"{fips} {field} note",
    }


def county(fips, name, state_name, abbr, field_office="HOU"):
    return {"fips": fips, "name": name, "state": state_name, "state_abbr": abbr, "ice_field_office": field_office}


def city(agency, fips="48201", agency_type="City", year="2025", serves=None, basis=MOST_RESIDENTS_2020):
    return {
        "agency": agency,
        "county_fips": fips,
        "all_county_fips": serves or fips,
        "main_county_basis": basis if serves else ONLY_COUNTY,
        "fbi_agency_type": agency_type,
        "data_year": year,
    }


def agreement(agency, fips="48201", agency_type="municipal", status="participating"):
    return {"agency": agency, "county_fips": fips, "agency_type": agency_type, "status": status}


NYC_DEPARTMENT = "New York City Department of Correction"
LOUISVILLE_DEPARTMENT = "Louisville Metro Department of Corrections"

DATA = compiled(
    counties=[
        county("48201", "Harris County", "Texas", "TX"),
        county("48157", "Fort Bend County", "Texas", "TX"),
        county("09003", "Hartford County", "Connecticut", "CT", "BOS"),
        county("02016", "Aleutians West Census Area", "Alaska", "AK", "SEA"),
        county("72127", "San Juan Municipio", "Puerto Rico", "PR", "MIA"),
        county("08031", "Denver County", "Colorado", "CO", "DEN"),
        county("08001", "Adams County", "Colorado", "CO", "DEN"),
        county("21111", "Jefferson County", "Kentucky", "KY", "CHI"),
        county("21001", "Adair County", "Kentucky", "KY", "CHI"),
        county("36047", "Kings County", "New York", "NY", "NYC"),
        county("51610", "Falls Church city", "Virginia", "VA", None),
    ],
    state_governance=[
        state("TX", "sheriff", "yes", "Commissioners Court", "none"),
        state("CT", "state_unified_system", "no_sheriff", "none (no county government)", "none", STATE_RUNS_THE_JAILS),
        state(
            "AK",
            "state_unified_system",
            "no_sheriff",
            "Borough Assembly (organized boroughs)",
            "some_counties",
            STATE_RUNS_THE_JAILS,
        ),
        state(
            "PR",
            "state_unified_system",
            "no_sheriff",
            "Municipal Legislature of each municipio",
            "common",
            STATE_RUNS_THE_JAILS,
        ),
        state("CO", "sheriff", "yes", "Board of County Commissioners", "rare"),
        state("KY", "elected_jailer", "no_sheriff_jail_role", "Fiscal Court", "common"),
        state("NY", "sheriff", "yes", "County Legislature", "some_counties"),
        state("VA", "mixed", "yes", "Board of Supervisors (counties); City Council (independent cities)", "none"),
    ],
    county_governance=[
        override("08031", "sheriff_elected", "no"),
        override("08031", "county_executive", "elected"),
        override("08031", "county_legislative_body", "Denver City Council"),
        override("21111", "jail_operator", "county_corrections_department"),
        override("21111", "jail_operator_name", LOUISVILLE_DEPARTMENT),
        override("36047", "jail_operator", "county_corrections_department"),
        override("36047", "jail_operator_name", NYC_DEPARTMENT),
        override("36047", "county_legislative_body", "New York City Council"),
    ],
    agencies=[
        city("Houston", serves="48157;48201;48339"),
        city("Pasadena"),
        city("Sugar Land", fips="48157"),
        city("Missouri City", fips="48201", serves="48201;48157", basis=FIRST_LISTED),
        city("Baytown"),
        city("Harris County Sheriff", agency_type="County"),
        city("Dallas", fips="48113"),
    ],
    agreements=[
        agreement("Pasadena Police Department"),
        agreement("Katy Police Department"),
        agreement("Baytown Police Department", status="pending"),
        agreement("Harris County Sheriff's Office", agency_type="sheriff"),
        agreement("Dallas Police Department", fips="48113"),
        agreement("Houston Police Department"),
    ],
)


def offices(fips) -> list[tuple[str, str, str]]:
    return [(office.role, office.title, office.selection) for office in authority_chart(DATA, fips).offices]


# --- county_governance ---


def test_a_county_without_its_own_rows_follows_its_states_usual_pattern():
    governance = county_governance(DATA, "48201")
    assert {name: field["value"] for name, field in governance.items()} == {
        "jail_operator": "sheriff",
        "sheriff_elected": "yes",
        "county_legislative_body": "Commissioners Court",
        "county_executive": "none",
        "state_can_preempt": LEGISLATURE_POWERS,
        "note": "TX note",
    }
    assert all(
        (field["source"], field["as_of"], field["county_level"]) == ("TX research", "2026-11-24", False)
        for field in governance.values()
    )


def test_a_county_row_overrides_only_its_field_and_keeps_its_own_source_and_note():
    governance = county_governance(DATA, "08031")
    assert governance["sheriff_elected"] == {
        "value": "no",
        "source": "08031 research",
        "as_of": "2026-11-25",
        "county_level": True,
        "note": "08031 sheriff_elected note",
    }
    assert (governance["jail_operator"]["value"], governance["jail_operator"]["county_level"]) == ("sheriff", False)
    assert not any(field["county_level"] for field in county_governance(DATA, "08001").values())


def test_a_county_row_can_add_the_name_of_the_agency_running_the_jail():
    governance = county_governance(DATA, "36047")
    assert governance["jail_operator_name"]["value"] == NYC_DEPARTMENT
    assert "jail_operator_name" not in county_governance(DATA, "48201")


# --- authority_chart ---


def test_a_sheriff_run_jail_puts_the_elected_sheriff_first_and_the_state_last():
    chart = authority_chart(DATA, "48201")
    assert offices("48201") == [
        ("primary", "Sheriff", "elected"),
        ("secondary", "Commissioners Court", "elected"),
        ("state", "Texas legislature and governor", "elected"),
    ]
    assert chart.primary.jurisdiction == "Harris County" and chart.primary.powers.startswith("Runs the jail")
    assert (chart.primary.source, chart.primary.as_of, chart.primary.draft) == ("TX research", "2026-11-24", True)
    (state_office,) = chart.by_role("state")
    assert (state_office.powers, state_office.jurisdiction) == (LEGISLATURE_POWERS, "Texas")
    assert chart.ice_field_office == "HOU"


def test_a_state_run_jail_system_without_county_government_has_the_state_agency_and_the_state_only():
    chart = authority_chart(DATA, "09003")
    assert offices("09003") == [
        ("primary", "State department of corrections", "appointed or set by law"),
        ("state", "Connecticut legislature and governor", "elected"),
    ]
    assert chart.primary.jurisdiction == "Connecticut"  # the state, by its name
    assert "not by the county" in chart.primary.powers


def test_alaska_state_run_jails_with_an_executive_in_some_boroughs():
    assert offices("02016") == [
        ("primary", "State department of corrections", "appointed or set by law"),
        ("secondary", "Borough Assembly (organized boroughs)", "elected"),
        ("secondary", "County executive, where the county has one", "an elected county executive in some counties"),
        ("state", "Alaska legislature and governor", "elected"),
    ]


def test_puerto_rico_state_run_jails_with_municipal_legislatures():
    assert offices("72127") == [
        ("primary", "State department of corrections", "appointed or set by law"),
        ("secondary", "Municipal Legislature of each municipio", "elected"),
        ("secondary", "County executive", "often an elected county executive"),
        ("state", "Puerto Rico legislature and governor", "elected"),
    ]


def test_a_consolidated_city_county_with_an_appointed_sheriff_and_an_elected_mayor():
    assert offices("08031") == [
        ("primary", "Sheriff", "appointed"),
        ("secondary", "Denver City Council", "elected"),
        ("secondary", "County executive", "elected county executive"),
        ("state", "Colorado legislature and governor", "elected"),
    ]
    assert offices("08001")[0] == ("primary", "Sheriff", "elected")
    assert offices("08001")[2] == (
        "secondary",
        "County executive, where the county has one",
        "rarely an elected county executive",
    )


def test_a_consolidated_metro_government_runs_its_jail_as_a_department():
    chart = authority_chart(DATA, "21111")
    assert (chart.primary.title, chart.primary.selection) == (LOUISVILLE_DEPARTMENT, "appointed or set by law")
    assert "executive or board" in chart.primary.powers


def test_an_elected_jailer_runs_the_jail_where_the_state_has_them():
    chart = authority_chart(DATA, "21001")
    assert (chart.primary.title, chart.primary.selection) == ("County jailer", "elected")
    assert "fiscal court" in chart.primary.powers


def test_a_new_york_city_borough_has_the_city_department_and_council():
    assert offices("36047")[:2] == [
        ("primary", NYC_DEPARTMENT, "appointed or set by law"),
        ("secondary", "New York City Council", "elected"),
    ]


def test_where_the_state_pattern_is_mixed_the_chart_says_to_find_out_who_runs_the_jail():
    chart = authority_chart(DATA, "51610")
    assert chart.primary.title.startswith("Whoever runs the county jail") and "check locally" in chart.primary.title
    assert chart.primary.powers.startswith("Find out who runs")
    assert chart.ice_field_office is None


def test_the_chart_is_built_in_the_current_language_and_keeps_names_from_the_data(marked):
    with marked:
        chart = authority_chart(DATA, "36047")
        sheriff = authority_chart(DATA, "48201")
    assert chart.primary.title == NYC_DEPARTMENT and chart.by_role("secondary")[0].title == "New York City Council"
    assert chart.primary.selection == "«appointed or set by law»"
    assert sheriff.primary.title == "«Sheriff»"
    (state_office,) = sheriff.by_role("state")
    assert (state_office.title, state_office.powers) == ("«Texas legislature and governor»", LEGISLATURE_POWERS)


# --- city_agencies ---


def test_city_agencies_put_those_with_287g_first_and_add_the_ones_only_ice_lists():
    assert city_agencies(DATA, "48201") == [
        {"agency": "Houston", "fbi_data_year": "2025", "has_287g": True, "main_county": None},
        {"agency": "Katy Police Department", "fbi_data_year": None, "has_287g": True, "main_county": None},
        {"agency": "Pasadena", "fbi_data_year": "2025", "has_287g": True, "main_county": None},
        {"agency": "Baytown", "fbi_data_year": "2025", "has_287g": False, "main_county": None},  # pending
        {"agency": "Missouri City", "fbi_data_year": "2025", "has_287g": False, "main_county": None},
    ]


def test_an_agency_is_listed_in_every_county_it_serves_with_its_main_county_and_its_agreement_there():
    assert city_agencies(DATA, "48157") == [
        {"agency": "Houston", "fbi_data_year": "2025", "has_287g": True, "main_county": "Harris County"},
        # the FBI's first county is no main county: it is not named
        {"agency": "Missouri City", "fbi_data_year": "2025", "has_287g": False, "main_county": None},
        {"agency": "Sugar Land", "fbi_data_year": "2025", "has_287g": False, "main_county": None},
    ]


def test_a_county_without_city_police_has_no_city_column():
    assert city_agencies(DATA, "09003") == []
    assert authority_chart(DATA, "09003").city_agencies == ()


# --- chart_dot and offices_table ---


def test_the_dot_chart_links_every_office_to_the_jail_agency():
    dot = chart_dot(authority_chart(DATA, "08031"), "Denver County")
    assert dot.startswith("digraph authority {") and dot.endswith("}")
    assert 'primary [label="Sheriff\\n(appointed)"' in dot
    assert dot.count("-> primary") == 3 and "state -> primary" in dot and "style=dashed" in dot
    assert 'jail [label="Denver County jail: ICE\\nholds, notifications, access"' in dot  # wrapped
    assert "cluster_cities" not in dot


def test_the_dot_chart_lists_a_few_cities_and_counts_the_rest():
    dot = chart_dot(authority_chart(DATA, "48201"), "Harris County", max_cities=2)
    assert '"Houston — 287(g)"' in dot and '"Katy Police Department —\\n287(g)"' in dot
    assert "Pasadena" not in dot and '"… and 3 more"' in dot


def test_the_narrow_chart_for_a_phone_has_short_lines_and_stacks_the_cities_under_the_jail():
    dot = chart_dot(authority_chart(DATA, "48201"), "Harris County", max_cities=3, narrow=True)
    labels = re.findall(r'label="((?:[^"\\]|\\.)*)"', dot)
    lines = [line for label in labels for line in label.split("\\n")]
    assert lines and max(len(line) for line in lines) <= 18
    assert "jail -> city0 [style=invis]" in dot and "city0 -> city1 [style=invis]" in dot
    assert "city2 -> citymore [style=invis]" in dot
    assert "state -> secondary0 [style=invis]" in dot
    wide = chart_dot(authority_chart(DATA, "48201"), "Harris County", max_cities=3)
    assert "jail -> city0" not in wide and "state -> secondary0" not in wide
    assert "city0 -> city1 [style=invis]" in wide, "a column beside, not a row"
    assert '"Katy Police Department —\\n287(g)"' in wide


def test_the_dot_chart_quotes_every_name_from_the_data():
    hostile = compiled(
        counties=[county("48201", "Harris County", "Texas", "TX")],
        state_governance=[state("TX", "sheriff", "yes", 'Court"]; evil [label="x', "none")],
        agencies=[city('Town "A"\\ ]; b -> c')],
    )
    dot = chart_dot(authority_chart(hostile, "48201"), 'Harris "County"')
    assert 'label="Court\\"]; evil [label=\\"x\\n(elected)"' in dot
    assert 'label="Town \\"A\\"\\\\ ]; b -> c"' in dot
    assert 'label="Harris \\"County\\" jail' in dot


def test_offices_table_shows_one_row_per_office_with_words_for_the_role():
    table = offices_table(authority_chart(DATA, "02016"))
    assert list(table.columns) == [
        "role",
        "office",
        "powers",
        "jurisdiction",
        "elected or appointed",
        "source",
        "as of",
        "review",
    ]
    assert list(table["role"]) == ["primary", "secondary", "secondary", "state"]
    assert set(table["review"]) == {"draft"} and set(table["as of"]) == {"2026-11-24"}


def test_offices_table_headers_and_words_follow_the_language(marked):
    chart = authority_chart(DATA, "48201")
    with marked:
        table = offices_table(chart)
    assert list(table.columns)[:2] == ["«role»", "«office»"]
    assert list(table["«role»"]) == ["«primary»", "«secondary»", "«state»"]
    assert set(table["«review»"]) == {"«draft»"}


# --- the committed data ---


STATE_DEPARTMENT = "State department of corrections"
PRIMARY_OFFICE = {
    "06085": "Sheriff",
    "48201": "Sheriff",
    "09003": STATE_DEPARTMENT,
    "02016": STATE_DEPARTMENT,
    "36047": NYC_DEPARTMENT,
    "08031": "Sheriff",
    "21111": LOUISVILLE_DEPARTMENT,
    "51610": "Whoever runs the county jail (sheriff, county department or regional authority; check locally)",
    "72127": STATE_DEPARTMENT,
}


@pytest.mark.parametrize("fips", EVERY_KIND, ids=EVERY_KIND.get)
def test_every_kind_of_county_in_the_committed_data_gets_a_chart(data, fips):
    chart = authority_chart(data, fips)
    assert chart.primary.title == PRIMARY_OFFICE[fips]
    assert [office.role for office in chart.offices].count("primary") == 1 and chart.offices[-1].role == "state"
    assert all(office.source and office.as_of for office in chart.offices)
    assert chart_dot(chart, data.counties_by_fips.loc[fips, "name"]).startswith("digraph")
