"""From the compiled tables to dated evidence rows per county, and each county's classification (lib/evidence.py):
the rules on small hand-made tables, through the public functions only; contract checks on the committed data."""

import pytest

from lib.evidence import (
    CountyEvidence,
    agreement_evidence,
    as_of_text,
    current_detention,
    detention_evidence,
    last_full_fiscal_year,
    law_summary,
    local_policy_evidence,
    occasional_contract_evidence,
    occasional_detention,
    state_law_evidence,
)
from lib.i18n import use_language
from lib.jails import county_operators
from lib.registry import LEVELS
from lib.vocab import LOCAL_SCOPE, STATE_SCOPE
from tests.kinds import EVERY_KIND
from tests.smalldata import compiled, table


def law(state="TX", indicator="holds", effect="requires", status="in_force", effective="2017-09-01", **fields):
    return {
        "state_abbr": state,
        "indicator": indicator,
        "effect": effect,
        "law_name": "SB 4 (2017)",
        "effective_date": effective,
        "status": status,
        "source": "state law research",
        "source_date": "2026-09-22",
        "basis": "statute",
        "review_status": "draft",
        "binds_county_jails": True,
        **fields,
    }


def policy(effect="refuses", indicator="holds", fips="06085", name="ICE hold ordinance", adopted="2011-10-18"):
    return {
        "county_fips": fips,
        "jurisdiction": "Santa Clara County",
        "policy_name": name,
        "indicator": indicator,
        "effect": effect,
        "adopted_date": adopted,
        "source": "2015 toolkit",
        "source_date": "2015-08",
        "as_of_label": "as of 2015",
        "basis": "local policy",
        "review_status": "draft",
    }


def agreement(
    agency="Harris County Sheriff's Office",
    agency_type="sheriff",
    model="jail_enforcement",
    fips="48201",
    status="participating",
    signed="2025-01-02",
    moa_url=None,
):
    return {
        "agency": agency,
        "state_abbr": "TX",
        "agency_type": agency_type,
        "county_fips": fips,
        "model": model,
        "signed": signed,
        "status": status,
        "moa_url": moa_url,
        "source_file": "ice_287g_sheet.xlsx",
        "source_date": "2026-05-18",
    }


def facility(facility_id, contract_type="county_jail_igsa", run_by="county", fips="48201"):
    return {
        "facility_id": facility_id,
        "name": f"{facility_id} COUNTY JAIL",
        "county_fips": fips,
        "contract_type": contract_type,
        "run_by": run_by,
        "run_by_basis": "facility name",
        "source_date": "2026-04-02",
        "review_status": "draft",
    }


# The day of each fiscal year's count: FY26's is the year so far, so FY25 is the last full fiscal year.
PULLED = {"FY24": "2024-10-07", "FY25": "2025-10-15", "FY26": "2026-04-02"}


def population(facility_id, fiscal_year, adp):
    return {
        "facility_id": facility_id,
        "fiscal_year": fiscal_year,
        "adp": adp,
        "source": "ice_detention_stats",
        "source_date": PULLED[fiscal_year],
    }


def values(rows) -> list[tuple]:
    return [(row.indicator, row.value) for row in rows]


# --- as_of_text and law_summary ---


@pytest.mark.parametrize("label", ["as of 2015", "as of 2015-08", "as of 2015-08-01"])
def test_an_as_of_label_is_shown_in_the_current_language(label):
    date = label.removeprefix("as of ")
    assert as_of_text(label) == label
    with use_language("es"):
        assert as_of_text(label) == f"al {date}"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, ""), (float("nan"), ""), ("2015", "2015"), ("as of sometime", "as of sometime"), (2015, "2015")],
)
def test_anything_but_an_as_of_label_is_shown_as_it_is(value, shown):
    with use_language("es"):
        assert as_of_text(value) == shown


def test_law_summary_names_the_law_its_effect_and_since_when():
    assert (
        law_summary("SB 4 (2017)", "requires", "in_force", "2017-09-01")
        == "SB 4 (2017): requires it (in force since 2017-09-01)"
    )
    assert law_summary("HB 1 (2019)", "forbids", "in_force", "") == "HB 1 (2019): forbids it"
    assert (
        law_summary("SB 1070 (2010)", "preempts_local_limits", "enjoined", "2010-07-29")
        == "SB 1070 (2010): bars local limits on it (orders nothing by itself) — enjoined"
    )
    assert law_summary("Act 9", "limits", "struck_down_in_part", "2020") == "Act 9: limits it — struck down in part"


def test_law_summary_in_spanish_keeps_the_law_name_first_before_a_colon():
    with use_language("es"):
        for status, effective in (("in_force", "2017-09-01"), ("in_force", ""), ("repealed", "2017-09-01")):
            summary = law_summary("SB 4 (2017)", "requires", status, effective)
            assert summary.startswith("SB 4 (2017): ") and "requires it" not in summary, summary


# --- state_law_evidence ---


def test_a_state_law_sets_its_indicator_for_the_state():
    laws = table(
        "state_laws",
        [
            law("TX", "holds", "requires"),
            law("CA", "holds", "forbids", effective="2018-01-01"),
            law("CT", "notifications", "limits", effective="2019-10-01"),
        ],
    )
    by_state = state_law_evidence(laws)
    assert {state: values(rows) for state, rows in by_state.items()} == {
        "TX": [("holds", "honors")],
        "CA": [("holds", "refuses")],
        "CT": [("notifications", "limited")],
    }
    texas = by_state["TX"][0]
    assert (texas.scope, texas.basis, texas.effective, texas.as_of, texas.effect) == (
        STATE_SCOPE,
        "statute",
        "2017-09-01",
        "2026-09-22",
        "requires",
    )
    assert texas.summary == "SB 4 (2017): requires it (in force since 2017-09-01)"
    assert texas.in_force and texas.is_draft


@pytest.mark.parametrize("effect", ["preempts_local_limits", "silent"])
def test_a_law_that_orders_nothing_is_context_only(effect):
    (row,) = state_law_evidence(table("state_laws", [law(effect=effect)]))["TX"]
    assert row.value is None and row.effect == effect


def test_an_enjoined_law_is_kept_but_not_in_force():
    (row,) = state_law_evidence(table("state_laws", [law(status="enjoined")]))["TX"]
    assert (row.value, row.in_force) == ("honors", False)
    assert row.summary.endswith("— enjoined")


def test_state_287g_rows_are_not_jail_indicators_and_a_state_without_laws_has_no_rows():
    laws = table("state_laws", [law("FL", "287g", "requires"), law("TX")])
    assert set(state_law_evidence(laws)) == {"TX"}
    assert state_law_evidence(table("state_laws")) == {}


def test_a_law_row_keeps_its_link_and_an_empty_date_or_link_becomes_nothing():
    laws = table("state_laws", [law("TX", url="https://example.org/sb4"), law("AZ", effective=None, url=None)])
    by_state = state_law_evidence(laws)
    assert by_state["TX"][0].url == "https://example.org/sb4"
    arizona = by_state["AZ"][0]
    assert (arizona.url, arizona.effective, arizona.summary) == (None, "", "SB 4 (2017): requires it")


# --- local_policy_evidence ---


@pytest.mark.parametrize(
    ("indicator", "effect", "value"),
    [
        ("holds", "honors", "honors"),
        ("notifications", "notifies", "honors"),
        ("jail_access", "allows", "honors"),
        ("holds", "limits", "limited"),
        ("jail_access", "refuses", "refuses"),
    ],
)
def test_a_local_policy_in_its_own_words_becomes_a_value(indicator, effect, value):
    (row,) = local_policy_evidence(table("local_policies", [policy(effect, indicator)]))["06085"]
    assert (row.indicator, row.value, row.scope, row.basis) == (indicator, value, LOCAL_SCOPE, "local policy")


def test_a_local_policy_summary_names_the_jurisdiction_the_policy_and_its_date():
    (row,) = local_policy_evidence(table("local_policies", [policy()]))["06085"]
    assert row.summary == "Santa Clara County: ICE hold ordinance — refuses (as of 2015)"
    assert (row.as_of, row.effective, row.source) == ("as of 2015", "2011-10-18", "2015 toolkit")
    with use_language("es"):
        (spanish,) = local_policy_evidence(table("local_policies", [policy()]))["06085"]
    assert spanish.summary.startswith("Santa Clara County: ICE hold ordinance — ") and "(al 2015)" in spanish.summary


def test_a_policy_without_a_name_or_date_says_so_and_dates_from_its_source():
    (row,) = local_policy_evidence(table("local_policies", [policy(name=None, adopted=None)]))["06085"]
    assert row.summary.startswith("Santa Clara County: local policy (no name given) — refuses")
    assert row.effective == "2015-08"


def test_a_local_287g_policy_sets_no_jail_indicator():
    policies = table("local_policies", [policy("participates", "287g"), policy("refuses", "holds", fips="06001")])
    assert set(local_policy_evidence(policies)) == {"06001"}


# --- agreement_evidence ---

# Texas: the sheriff runs the jail; New Jersey's Essex County: a county department; Kentucky: an elected jailer.
OPERATORS = county_operators(
    table(
        "counties",
        [
            {"fips": "48201", "state_abbr": "TX"},
            {"fips": "34013", "state_abbr": "NJ"},
            {"fips": "21085", "state_abbr": "KY"},
        ],
    ),
    table(
        "state_governance",
        [
            {"state_abbr": "TX", "jail_operator": "sheriff"},
            {"state_abbr": "NJ", "jail_operator": "mixed"},
            {"state_abbr": "KY", "jail_operator": "elected_jailer"},
        ],
    ),
    table(
        "county_governance",
        [{"county_fips": "34013", "field": "jail_operator", "value": "county_corrections_department"}],
    ),
)


def agreement_rows(*rows):
    return agreement_evidence(table("agreements", list(rows)), OPERATORS)


@pytest.mark.parametrize("model", ["jail_enforcement", "warrant_service"])
def test_a_jail_model_agreement_of_the_jail_agency_honors_holds_and_access_and_is_a_partnership(model):
    rows = agreement_rows(agreement(model=model))
    assert values(rows.indicators["48201"]) == [("holds", "honors"), ("jail_access", "honors")]
    assert values(rows.partnership["48201"]) == [("287g", "honors")]
    assert rows.street == {} and rows.other == {}
    row = rows.partnership["48201"][0]
    assert (row.scope, row.basis, row.effective, row.as_of) == (LOCAL_SCOPE, "agreement", "2025-01-02", "2026-05-18")
    assert row.source == "ICE 287(g) list (ice_287g_sheet.xlsx)"
    assert row.summary.startswith("Harris County Sheriff's Office (") and "signed 2025-01-02" in row.summary


@pytest.mark.parametrize(
    "row",
    [agreement(model="task_force"), agreement("Houston Police Department", "municipal", "task_force")],
    ids=["the sheriff's", "a city's"],
)
def test_a_task_force_agreement_of_any_agency_is_the_street_mark_never_a_partnership(row):
    rows = agreement_rows(row)
    assert rows.indicators == {} and rows.partnership == {} and rows.other == {}
    (street,) = rows.street["48201"]
    assert street.value is None and street.indicator == "287g"
    assert street.summary.endswith("ICE task force on the street, not the jail")


def test_a_county_jail_department_is_the_jail_agency_where_the_county_runs_the_jail():
    rows = agreement_rows(agreement("Essex County Department of Corrections", "county_jail", fips="34013"))
    assert set(rows.indicators) == {"34013"}


def test_a_sheriffs_jail_model_where_sheriffs_run_no_jail_is_the_countys_other_agreement():
    rows = agreement_rows(
        agreement("Grayson County Sheriff's Office", fips="21085"),
        agreement("Grayson County Detention Center", "county_jail", fips="21085"),
    )
    assert [row.summary.split(" (")[0] for row in rows.partnership["21085"]] == ["Grayson County Detention Center"]
    (other,) = rows.other["21085"]
    assert other.value is None and other.summary.startswith("Grayson County Sheriff's Office (")
    assert other.summary.endswith("not the agency that runs the county's jail")


@pytest.mark.parametrize(
    ("row", "other"),
    [
        (agreement("Houston Police Department", "municipal"), True),
        (agreement("Texas Department of Public Safety", "state", fips=None), False),
        (agreement("Harris County Constable", "other"), True),
        (agreement(status="pending"), False),
    ],
    ids=["city police", "statewide agency", "other agency", "pending"],
)
def test_agreements_of_other_agencies_or_not_in_force_set_nothing(row, other):
    rows = agreement_rows(row)
    assert (rows.indicators, rows.partnership, rows.street) == ({}, {}, {})
    assert bool(rows.other) == other


def test_an_agreement_without_a_signed_date_dates_from_ices_list_and_keeps_its_link():
    rows = agreement_rows(agreement(signed=None, moa_url="https://www.ice.gov/moa.pdf"))
    (row,) = rows.partnership["48201"]
    assert (row.effective, row.url) == ("2026-05-18", "https://www.ice.gov/moa.pdf")
    assert "signed" not in row.summary and "2026-05-18" in row.summary


# --- current_detention, occasional_detention and detention_evidence ---


@pytest.mark.parametrize(
    ("newest", "year"), [("2026-04-02", "FY25"), ("2025-09-30", "FY24"), ("2025-10-01", "FY25"), ("2030-12-01", "FY30")]
)
def test_the_last_full_fiscal_year_is_the_last_one_ended_by_the_newest_count(newest, year):
    counts = table("detention_population", [{**population("X", "FY24", 1.0), "source_date": newest}])
    assert last_full_fiscal_year(counts) == year


def test_current_detention_is_at_least_one_person_a_day_in_the_last_full_fiscal_year():
    facilities = table(
        "detention_facilities",
        [facility("BOTH"), facility("OLD"), facility("FEW"), facility("NEW"), facility("NOWHERE", fips=None)],
    )
    counts = table(
        "detention_population",
        [
            population("BOTH", "FY25", 12.0),
            population("BOTH", "FY26", 9.5),  # the year so far: not the year that counts
            population("OLD", "FY24", 80.0),
            population("FEW", "FY25", 0.4),
            population("FEW", "FY26", 3.0),
            population("NEW", "FY26", 30.0),  # only this year so far
            population("NOWHERE", "FY25", 30.0),  # not placed on a county
        ],
    )
    current = current_detention(facilities, counts)
    assert list(zip(current["facility_id"], current["fiscal_year"], current["adp"])) == [("BOTH", "FY25", 12.0)]
    occasional = occasional_detention(facilities, counts)
    assert list(zip(occasional["facility_id"], occasional["adp"])) == [("FEW", 0.4)]


def test_a_facility_with_nobody_held_is_neither_current_nor_occasional():
    facilities = table("detention_facilities", [facility("IDLE")])
    counts = table("detention_population", [population("IDLE", "FY25", 0.0), population("X", "FY26", 1.0)])
    assert current_detention(facilities, counts).empty and occasional_detention(facilities, counts).empty


@pytest.mark.parametrize("contract_type", ["county_jail_igsa", "usms_iga"])
def test_a_county_run_jail_holding_people_for_ice_gives_ice_access_and_is_a_partnership(contract_type):
    current = current_detention(
        table("detention_facilities", [facility("HCJ", contract_type)]),
        table("detention_population", [population("HCJ", "FY25", 42.0), population("HCJ", "FY26", 1.0)]),
    )
    evidence, partnership = detention_evidence(current)
    assert values(evidence["48201"]) == [("jail_access", "honors")]
    assert values(partnership["48201"]) == [("ice_beds", "honors")]
    row = evidence["48201"][0]
    assert (row.basis, row.as_of, row.source) == ("contract", "2025-10-15", "ice_detention_stats")
    assert row.summary.startswith("Hcj County Jail: county-run jail holding people for ICE")
    assert "42 ICE detainees a day on average in FY25 (county-run: facility name)" in row.summary


def test_a_county_jail_contract_used_under_once_a_day_is_shown_with_its_number_and_sets_nothing():
    facilities = table("detention_facilities", [facility("HCJ"), facility("CDF", "private_contract", "private")])
    counts = table("detention_population", [population("HCJ", "FY25", 0.4), population("CDF", "FY26", 0.2)])
    (row,) = occasional_contract_evidence(occasional_detention(facilities, counts))["48201"]
    assert row.value is None and row.indicator == "ice_beds"
    assert "0.4 ICE detainees a day on average in FY25" in row.summary
    assert row.summary.endswith("used occasionally (under 1 a day), not a partnership")


@pytest.mark.parametrize(
    ("contract_type", "run_by"),
    [
        ("private_contract", "private"),
        ("federal", "federal"),
        ("county_jail_igsa", "private"),
        ("usms_iga", "unknown"),
        ("hold_room", "county"),
    ],
)
def test_private_federal_or_not_county_run_detention_sets_nothing(contract_type, run_by):
    current = current_detention(
        table("detention_facilities", [facility("CDF", contract_type, run_by)]),
        table("detention_population", [population("CDF", "FY25", 900.0)]),
    )
    assert len(current) == 1
    assert detention_evidence(current) == ({}, {})


# --- CountyEvidence.classify ---

COUNTIES = [
    {"fips": "48201", "name": "Harris County", "state": "Texas", "state_abbr": "TX"},
    {"fips": "48001", "name": "Anderson County", "state": "Texas", "state_abbr": "TX"},
    {"fips": "06085", "name": "Santa Clara County", "state": "California", "state_abbr": "CA"},
    {"fips": "09003", "name": "Hartford County", "state": "Connecticut", "state_abbr": "CT"},
    {"fips": "36047", "name": "Kings County", "state": "New York", "state_abbr": "NY"},
    {"fips": "72127", "name": "San Juan Municipio", "state": "Puerto Rico", "state_abbr": "PR"},
]


SMALL_DATA = compiled(
    counties=COUNTIES,
    state_laws=[
        law("TX", "holds", "requires"),
        law("CA", "holds", "limits", effective="2018-01-01"),
        law("CT", "holds", "limits", effective="2019-10-01"),
    ],
    local_policies=[policy("refuses", "holds"), policy("refuses", "notifications"), policy("refuses", "jail_access")],
    agreements=[
        agreement(),
        agreement("Texas Department of Public Safety", "state", "task_force", fips=None),
        agreement("Puerto Rico Police", "state", "task_force", fips=None),
    ],
    detention_facilities=[facility("HCJ")],
    detention_population=[population("HCJ", "FY25", 42.0)],
)


@pytest.fixture(scope="module")
def county_evidence() -> CountyEvidence:
    return CountyEvidence.assemble(SMALL_DATA)


def test_a_county_with_no_evidence_is_unknown(county_evidence):
    for fips in ("36047", "72127"):  # a New York City borough; Puerto Rico, whose agreements are statewide
        result = county_evidence.classify(fips)
        assert result.level == "unknown" and not result.partnership
        assert {indicator.value for indicator in result.indicators.values()} == {"unknown"}


def test_a_state_law_classifies_every_county_of_the_state(county_evidence):
    anderson = county_evidence.classify("48001")
    assert anderson.level == "honors_holds"
    assert anderson.indicators["holds"].decided_by.summary.startswith("SB 4 (2017): requires it")


def test_a_state_run_jail_system_is_classified_by_its_state_law(county_evidence):
    hartford = county_evidence.classify("09003")
    assert hartford.level == "limits_holds"
    assert hartford.indicators["holds"].decided_by.scope == STATE_SCOPE


def test_local_evidence_within_the_law_decides(county_evidence):
    assert county_evidence.classify("06085").level == "refuses_all"


def test_a_jail_agreement_or_ice_beds_make_a_partnership(county_evidence):
    harris = county_evidence.classify("48201")
    assert harris.level == "partnership"
    assert sorted(row.indicator for row in harris.partnership) == ["287g", "ice_beds"]


def test_reviewed_only_leaves_out_the_draft_evidence_but_not_ices_own_list(county_evidence):
    assert {county_evidence.classify(fips, reviewed_only=True).level for fips in ("06085", "48001")} == {"unknown"}
    harris = county_evidence.classify("48201", reviewed_only=True)
    assert harris.level == "partnership"
    assert [row.indicator for row in harris.partnership] == ["287g"]  # the ICE beds row is a draft


def test_county_evidence_holds_the_rows_of_the_language_it_was_assembled_in(county_evidence):
    with use_language("es"):
        spanish = CountyEvidence.assemble(SMALL_DATA)
        english = county_evidence.classify("06085")  # assembled in English: English whatever the language now
    assert (county_evidence.language, spanish.language) == ("en", "es")
    assert spanish.classify("06085").level == english.level
    english_reason, spanish_reason = (
        result.indicators["holds"].decided_by.summary for result in (english, spanish.classify("06085"))
    )
    assert english_reason.endswith("(as of 2015)") and spanish_reason.endswith("(al 2015)")


@pytest.mark.parametrize("fips", EVERY_KIND, ids=EVERY_KIND.get)
def test_every_kind_of_county_in_the_committed_data_gets_a_level_from_dated_evidence(evidence, fips):
    result = evidence.classify(fips)
    assert result.level in LEVELS
    deciding = [indicator.decided_by for indicator in result.indicators.values() if indicator.decided_by]
    assert all(row.source and row.as_of and row.summary for row in deciding + list(result.partnership))
    assert (result.level == "unknown") == (result.indicators["holds"].decided_by is None and not result.partnership)


def test_287g_evidence_in_the_committed_data_is_dated_by_ices_newest_sheet(data, evidence):
    sheet_date = data.source("ice_287g_participating")["as_of"]
    partners = [
        row
        for fips in data.agreements["county_fips"].dropna().unique()
        for row in evidence.classify(fips).partnership
        if row.indicator == "287g"
    ]
    assert partners and {row.as_of for row in partners} == {sheet_date}
    assert all(sheet_date in row.summary for row in partners)


def test_in_the_committed_data_a_287g_jail_model_against_a_ruling_forbidding_holds_is_a_conflict_not_a_date(evidence):
    # Rensselaer County, NY: the sheriff's jail enforcement agreement on ICE's list, and People ex rel. Wells v.
    # DeMarco (2018), by which New York law does not authorize holding people on ICE detainers.
    rensselaer = evidence.classify("36083")
    holds = rensselaer.indicators["holds"]
    assert holds.value == "honors" and holds.decided_by.basis == "agreement"
    (conflict,) = holds.conflicts
    assert conflict.law.summary.startswith("People ex rel. Wells v. DeMarco") and conflict.law.basis == "case_law"
    assert conflict.practice is holds.decided_by and "conflict" in rensselaer.marks


def test_in_the_committed_data_a_sheriffs_task_force_alone_is_no_partnership(evidence, data):
    task_force_only = data.agreements[data.agreements["agency"] == "Appling County Sheriff's Office"]
    assert set(task_force_only["model"]) == {"task_force"}
    appling = evidence.classify("13001")
    assert appling.level != "partnership" and "street_task_force" in appling.marks
