"""The compiled data in data/: one declared schema per file, with what each field means and where it comes from.

The build validates what it writes against these schemas, the app validates what it reads, and
data/README.md is generated from them, so the documentation cannot drift from the files. The JSON files the app
reads have a shape model each (pydantic), declaring only the fields the app reads.
"""

from dataclasses import dataclass
from typing import Annotated, Literal

import pandera.pandas as pa
from pydantic import BaseModel, ConfigDict, Field, RootModel

from lib.registry import CURATED_IDS, LOCAL_POLICY_EFFECTS, STATE_LAW_IDS
from lib.vocab import (
    AGENCY_TYPES,
    AGREEMENT_STATUSES,
    CHECKED_AGAINST_TEXT,
    CONTRACT,
    COUNTY_JAIL_OPERATORS,
    DETENTION_CONTRACT_TYPES,
    DETENTION_RUN_BY,
    DRAFT,
    GOVERNANCE_BASES,
    JAIL_OPERATORS,
    LAW_STATUSES,
    LISTED_KINDS,
    LOCAL_POLICY,
    MAIN_COUNTY_BASES,
    MODELS,
    REQUESTERS,
    RULING_BASES,
    STATE_LAW_BASES,
    STATE_LAW_EFFECTS,
    UNKNOWN,
)
from lib.vocab import FEDERAL_LISTS as FEDERAL_LIST_IDS
from lib.vocab import FIPS_REGEX as FIPS

DATE = r"^\d{4}-\d{2}-\d{2}$"
STATE_ABBR = r"^[A-Z]{2}$"


def field(dtype, description: str, source: str, **kwargs) -> pa.Column:
    return pa.Column(dtype, description=description, metadata={"source": source}, **kwargs)


@dataclass(frozen=True)
class Dataset:
    file: str
    description: str
    schema: pa.DataFrameSchema | None = None


class JsonShape(BaseModel):
    """Strict: JSON gives exact types, so "7" is no integer; fields the app does not read are ignored."""

    model_config = ConfigDict(strict=True)


COUNTIES = Dataset(
    "counties.csv",
    "One row per county or county equivalent in the 50 states, DC and Puerto Rico (3,220 rows).",
    pa.DataFrameSchema(
        {
            "fips": field(
                str,
                "5-character county FIPS code (the key everywhere)",
                "us_atlas_counties",
                checks=pa.Check.str_matches(FIPS),
                unique=True,
            ),
            "name": field(
                str,
                "Full name with the Census suffix (County, Parish, city, Borough, ...)",
                "us_atlas_counties, uwchr_county_population",
            ),
            "state_fips": field(str, "2-character state FIPS code", "us_atlas_counties"),
            "state": field(str, "State name", "us_atlas_counties"),
            "state_abbr": field(str, "State postal code", "us_atlas_counties", checks=pa.Check.str_matches(STATE_ABBR)),
            "population": field(
                int,
                "Total population, ACS 5-year estimate (about 2014-2018)",
                "uwchr_county_population",
                checks=pa.Check.ge(0),
            ),
            "ice_field_office": field(
                str,
                "ICE field office (area of responsibility) code; empty where not given",
                "uwchr_county_population",
                nullable=True,
            ),
            "has_shape": field(
                bool, "False where us-atlas has an empty shape (Falls Church city, VA)", "us_atlas_counties"
            ),
        },
        strict=True,
    ),
)

AGENCIES = Dataset(
    "agencies.csv",
    "Law enforcement agencies from the FBI's 2025 list, placed in their counties (for search and the city column).",
    pa.DataFrameSchema(
        {
            "ori": field(str, "FBI agency identifier (ORI)", "fbi_agencies", unique=True),
            "agency": field(str, "Agency name as the FBI publishes it", "fbi_agencies"),
            "state_abbr": field(str, "State postal code", "fbi_agencies"),
            "fbi_agency_type": field(str, "FBI agency type (City, County, State Police, ...)", "fbi_agencies"),
            "county_fips": field(
                str,
                "Main county: for an agency in several, the one holding most of its residents (2020 Census, "
                "curation/agency_main_county.csv) where curated, else the first the FBI lists (main_county_basis); "
                "empty where the FBI names none we know (e.g. Connecticut planning regions)",
                "fbi_agencies",
                nullable=True,
                checks=pa.Check.str_matches(FIPS),
            ),
            "all_county_fips": field(
                str, "Every county the FBI lists for the agency, ';'-separated", "fbi_agencies", nullable=True
            ),
            "main_county_basis": field(
                str,
                "How county_fips was chosen: only_county, most_residents_2020 (curated from the 2020 Census) or "
                "first_listed (the FBI's first county; no curated row); empty where county_fips is",
                "fbi_agencies, project_agency_main_county",
                nullable=True,
                checks=pa.Check.isin(MAIN_COUNTY_BASES),
            ),
            "data_year": field(str, "Year of the FBI record", "fbi_agencies"),
        },
        strict=True,
    ),
)

AGREEMENTS_287G = Dataset(
    "agreements_287g.csv",
    "One row per 287(g) agreement (agency x model) on ICE's participating sheet or pending sheet.",
    pa.DataFrameSchema(
        {
            "agency": field(str, "Agency as ICE names it (trailing spaces removed)", "ice_287g_participating"),
            "state_abbr": field(str, "State or territory postal code", "ice_287g_participating"),
            "agency_type": field(
                str,
                "sheriff / county_jail (county jail or corrections) / municipal / state / other",
                "ice_287g_participating (derived from ICE's type and the agency name)",
                checks=pa.Check.isin(AGENCY_TYPES),
            ),
            "ice_agency_type": field(
                str, "ICE's own type: County, Municipality or State Agency", "ice_287g_participating"
            ),
            "county_fips": field(
                str,
                "County the agency sits in; empty for statewide agencies and unmatched rows",
                "ice_287g_participating, fbi_agencies, ddp_county_name_fixes",
                nullable=True,
                checks=pa.Check.str_matches(FIPS),
            ),
            "county_as_listed": field(str, "County exactly as ICE wrote it", "ice_287g_participating", nullable=True),
            "placed_by": field(
                str,
                "How the county was found: county_name, county_name_fixed, fbi_agency_list, "
                "statewide, territory_not_mapped or unmatched",
                "this project's build",
            ),
            "model": field(
                str,
                "jail_enforcement / warrant_service / task_force",
                "ice_287g_participating",
                checks=pa.Check.isin(MODELS),
            ),
            "signed": field(
                str,
                "Date the agreement was signed, per ICE",
                "ice_287g_participating",
                nullable=True,
                checks=pa.Check.str_matches(DATE),
            ),
            "status": field(
                str,
                "participating (in force per ICE) or pending",
                "ice_287g_participating, ice_287g_pending",
                checks=pa.Check.isin(AGREEMENT_STATUSES),
            ),
            "moa_url": field(
                str, "Link to the agreement (MOA) as given in ICE's sheet", "ice_287g_participating", nullable=True
            ),
            "source_file": field(str, "Raw file the row comes from", "this project's build"),
            "source_row": field(int, "Row in that file (the header is row 1)", "this project's build"),
            "source_date": field(
                str,
                "Date of ICE's sheet (the as-of date of the row)",
                "ice_287g_participating",
                checks=pa.Check.str_matches(DATE),
            ),
        },
        strict=True,
    ),
)

STATES = Dataset(
    "states.csv",
    "One row per state (50 states, DC, Puerto Rico) with the point where the map writes its postal code.",
    pa.DataFrameSchema(
        {
            "state_fips": field(str, "2-character state FIPS code", "us_atlas_counties", unique=True),
            "state_abbr": field(str, "State postal code", "us_atlas_counties", checks=pa.Check.str_matches(STATE_ABBR)),
            "state": field(str, "State name", "us_atlas_counties"),
            "label_lon": field(
                float, "Longitude of the label point (inside the state's largest part)", "us_atlas_counties"
            ),
            "label_lat": field(float, "Latitude of the label point", "us_atlas_counties"),
            "west": field(float, "Bounding box of the state's counties: west longitude", "us_atlas_counties"),
            "south": field(float, "Bounding box: south latitude", "us_atlas_counties"),
            "east": field(float, "Bounding box: east longitude", "us_atlas_counties"),
            "north": field(float, "Bounding box: north latitude", "us_atlas_counties"),
        },
        strict=True,
    ),
)
COUNTY_SHAPES = Dataset(
    "counties.topojson",
    "County shapes as TopoJSON (object `counties`; geometry id and property `fips` are the 5-character FIPS), "
    "simplified as a coverage so neighbours keep identical borders, quantized to about 0.001 degree. Falls "
    "Church city (51610), empty in us-atlas, is left out. The Aleutians' islands east of 180 degrees are "
    "shifted by -360 degrees so they draw beside Alaska.",
)
BUILD_REPORT = Dataset(
    "build_report.json",
    "Match rate of 287(g) rows to counties (overall and by agency type) and the rows left unmatched. The build "
    "fails if the match rate drops below the committed one. Agencies in several counties: how many have a curated "
    "main county, and those that need one and have none.",
)
SOURCES = Dataset("sources.json", "The source registry (sources.yaml) as the build used it.")


class CountyGeometry(JsonShape):
    id: Annotated[str, Field(pattern=FIPS)]
    type: Literal["Polygon", "MultiPolygon"]
    arcs: list[list[int]] | list[list[list[int]]]  # indexes into the topology's arcs (lib/compare.py reads them)


class CountyCollection(JsonShape):
    type: Literal["GeometryCollection"]
    geometries: list[CountyGeometry]


class CountyObjects(JsonShape):
    counties: CountyCollection


# [x, y]. A list, not a tuple: strict validation of parsed JSON takes no list for a tuple.
FloatPair = Annotated[list[float], Field(min_length=2, max_length=2)]


class Transform(JsonShape):
    scale: FloatPair
    translate: FloatPair


class CountyTopology(JsonShape):
    """counties.topojson as the browser (topojson-client) and lib/exports.py decode it: quantized, so the arcs
    are integer positions."""

    type: Literal["Topology"]
    transform: Transform
    arcs: list[list[list[int]]]  # positions [x, y]; their length is not checked: 10 times slower
    objects: CountyObjects


class AgencyTypeMatch(JsonShape):
    rows: int
    matched: int


class MatchReport(JsonShape):
    rows: int
    placeable_rows: int
    matched_rows: int
    match_rate: float
    by_agency_type: dict[str, AgencyTypeMatch]
    unmatched: list[dict]


class MainCountyReport(JsonShape):
    curated: int
    first_listed: int
    needs_curation: list[dict]


class BuildReport(JsonShape):
    agreements_287g: MatchReport
    agency_main_county: MainCountyReport


class Source(JsonShape):
    id: str
    title: str
    as_of: str
    publisher: str
    licence: str
    url: str | None = None
    retrieved_via: str | None = None
    cadence_days: int | None = None


class Sources(RootModel[list[Source]]):
    model_config = ConfigDict(strict=True)


MANIFEST_FILE = "MANIFEST.json"


class Manifest(JsonShape):
    """MANIFEST.json: the SHA-256 (hex) of every other file in data/, by file name."""

    sha256: dict[str, Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]]


# Evidence on state laws and local policies (curation/state_laws.csv, curation/local_policies.csv).
# Dates are written only as precisely as the source gives them: a day is never guessed.
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
AS_OF_LABEL = r"^as of \d{4}$"
# The indicators a curated row may name (lib.registry), and how the descriptions below list them.
POLICY_INDICATORS = CURATED_IDS
STATE_LAW_INDICATOR_LIST = " / ".join(STATE_LAW_IDS)
LOCAL_POLICY_INDICATORS = tuple(LOCAL_POLICY_EFFECTS)
# A local policy's effects, in each indicator's own words (lib.registry: honors/notifies/allows/participates are
# the collaborating end, refuses the other).
LOCAL_POLICY_EFFECT_VALUES = tuple(sorted({effect for effects in LOCAL_POLICY_EFFECTS.values() for effect in effects}))
LOCAL_POLICY_EFFECT_LIST = "; ".join(
    f"{indicator}: {'/'.join(effects)}" for indicator, effects in LOCAL_POLICY_EFFECTS.items()
)
LOCAL_POLICY_BASIS = LOCAL_POLICY
# A local row is the county's own policy, or a ruling or order that names its agency or agreement (which decides
# over that agency's practice, lib.classify.decide).
LOCAL_BASES = (LOCAL_POLICY_BASIS, *RULING_BASES)
# Nobody has reviewed the curated local evidence yet; a reviewed status is added when a review process exists.
REVIEW_STATUSES = (DRAFT,)
# A state-law row is checked against the text only with a quote of the law's own operative words (or of an
# official analysis of it) and the address it was read at; every other row is a draft.
STATE_LAW_REVIEW_STATUSES = (CHECKED_AGAINST_TEXT, DRAFT)
QUOTE_MAX_CHARACTERS = 320

STATE_LAWS = Dataset(
    "state_laws.csv",
    "What state law does to each indicator: one row per state, indicator and law (statute, attorney general's "
    f"directive, executive order or court ruling), for the indicators {STATE_LAW_INDICATOR_LIST} (holds = "
    "honoring ICE detainers, notifications = telling ICE release dates, jail_access = ICE access to people in the "
    "jail, 287g = 287(g) agreements, ice_beds = ICE detention contracts). A state and indicator without a row is "
    "not checked, never silent. Each row quotes the operative words it rests on and gives the address they were "
    "read at and when; only such a row counts as checked against the text.",
    pa.DataFrameSchema(
        {
            "state_abbr": field(
                str, "State postal code", "project_state_laws", checks=pa.Check.str_matches(STATE_ABBR)
            ),
            "indicator": field(
                str, STATE_LAW_INDICATOR_LIST, "project_state_laws", checks=pa.Check.isin(STATE_LAW_IDS)
            ),
            "effect": field(
                str,
                "requires (orders the practice) / preempts_local_limits (bars local limits, orders "
                "nothing) / limits / forbids / requires_seeking_287g (sheriffs must seek a 287(g) "
                "agreement, which makes none by itself) / silent (the state's code and session laws "
                "were searched: see searched)",
                "project_state_laws",
                checks=pa.Check.isin(STATE_LAW_EFFECTS),
            ),
            "law_name": field(
                str, "Name and number of the law, directive, order or ruling, with its year", "project_state_laws"
            ),
            "citation": field(
                str,
                "Code section, directive number or reporter citation; empty where not known",
                "project_state_laws",
                nullable=True,
            ),
            "basis": field(
                str,
                "statute, ag_directive (attorney general's directive), executive_order, or case_law (a court ruling)",
                "project_state_laws",
                checks=pa.Check.isin(STATE_LAW_BASES),
            ),
            "effective_date": field(
                str,
                "When it took effect (YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the page "
                "read says); empty where not known",
                "project_state_laws",
                nullable=True,
                checks=pa.Check.str_matches(PARTIAL_DATE),
            ),
            "status": field(
                str,
                "in_force / enjoined / repealed / pending / unknown (enactment not confirmed): "
                "only in_force sets anything",
                "project_state_laws",
                checks=pa.Check.isin(LAW_STATUSES),
            ),
            "binds_county_jails": field(
                bool,
                "True where it binds county jails and sheriffs (an executive order "
                "binding only state agencies does not): only then does it set the "
                "county's indicator",
                "project_state_laws",
            ),
            "quote": field(
                str,
                f"The operative words, verbatim (at most {QUOTE_MAX_CHARACTERS} characters), from the page at url",
                "project_state_laws",
            ),
            "url": field(
                str,
                "Address of the page the quote was read on (the build accepts only http(s) addresses; the app "
                "shows a link only where it is one)",
                "project_state_laws",
            ),
            "source": field(
                str,
                "What that page is (the law's text, a bill text, an official analysis, a "
                "secondary summary) and its site",
                "project_state_laws",
            ),
            "source_date": field(
                str,
                "The date the page was read (the row's as-of date)",
                "project_state_laws",
                checks=pa.Check.str_matches(DATE),
            ),
            "review_status": field(
                str,
                "checked_against_text (the quote is the law's, directive's or ruling's own "
                "words, or an official analysis) / draft (a secondary summary: not checked)",
                "project_state_laws",
                checks=pa.Check.isin(STATE_LAW_REVIEW_STATUSES),
            ),
            "note": field(
                str,
                "What the research noticed: the subsection, conflicts with the leads, what is left to read",
                "project_state_laws",
                nullable=True,
            ),
        },
        strict=True,
        unique=["state_abbr", "indicator", "law_name"],
    ),
)

LOCAL_POLICIES = Dataset(
    "local_policies.csv",
    "County or city policies on collaboration with ICE named in the seed texts, one row per indicator. Facts "
    "are as of their source (see `as_of_label`, which the app shows), not current; every row is a draft "
    "nobody has reviewed.",
    pa.DataFrameSchema(
        {
            "county_fips": field(
                str, "County the policy applies in", "project_local_policies", checks=pa.Check.str_matches(FIPS)
            ),
            "jurisdiction": field(str, "County or city that adopted the policy", "ilrc_uwd_toolkit_2015"),
            "policy_name": field(
                str,
                "Name of the policy as the source gives it; empty where it gives none",
                "ilrc_uwd_toolkit_2015",
                nullable=True,
            ),
            "indicator": field(
                str,
                " / ".join(LOCAL_POLICY_INDICATORS),
                "project_local_policies",
                checks=pa.Check.isin(LOCAL_POLICY_INDICATORS),
            ),
            "effect": field(
                str,
                LOCAL_POLICY_EFFECT_LIST,
                "project_local_policies",
                checks=pa.Check.isin(LOCAL_POLICY_EFFECT_VALUES),
            ),
            "adopted_date": field(
                str,
                "When adopted, as precisely as the source gives it (YYYY, YYYY-MM or "
                "YYYY-MM-DD); empty where not given",
                "ilrc_uwd_toolkit_2015",
                nullable=True,
                checks=pa.Check.str_matches(PARTIAL_DATE),
            ),
            "citation": field(
                str,
                "Ordinance or resolution number as the source gives it; empty where not given",
                "ilrc_uwd_toolkit_2015",
                nullable=True,
            ),
            "source": field(str, "Title of the source text", "ilrc_uwd_toolkit_2015"),
            "source_date": field(
                str, "Date of the source text", "ilrc_uwd_toolkit_2015", checks=pa.Check.str_matches(PARTIAL_DATE)
            ),
            "as_of_label": field(
                str,
                "Label the app shows with the fact (e.g. 'as of 2015')",
                "project_local_policies",
                checks=pa.Check.str_matches(AS_OF_LABEL),
            ),
            "basis": field(
                str,
                "local policy; or case_law / ag_directive / executive_order for a ruling or order that names the "
                "county's agency or agreement",
                "project_local_policies",
                checks=pa.Check.isin(list(LOCAL_BASES)),
            ),
            "review_status": field(
                str,
                "draft: nobody has checked the row yet",
                "project_local_policies",
                checks=pa.Check.isin(REVIEW_STATUSES),
            ),
            "note": field(str, "What the source says, in this project's words", "project_local_policies"),
        },
        strict=True,
    ),
)

# ICE detention in each county (lib/build/detention.py). Whether the county runs a jail decides whether ICE beds
# there are the county jail's practice; a private or federal facility in a county is only ICE detention there.
FISCAL_YEAR = r"^FY\d{2}$"
DETENTION_PLACED_BY = (
    "facility_name",
    "facility_name_and_code",
    "geocoded_point",
    "ice_facility_list_and_geocode",
    "ice_facility_list",
    "territory_not_mapped",
    "unplaced",
)
PER_DIEM_STATUSES = ("single rate", "rate unknown", "not in 2015 listing")
DETENTION_POPULATION_SOURCES = ("ice_detention_stats", "ddp_daily_population")
DETENTION_SOURCES = (
    "ice_detention_stats, ice_facility_listing_2015, uwchr_ice_facilities, carwilb_facility_roster, "
    "carwilb_contractors, ddp_daily_population"
)

DETENTION_FACILITIES = Dataset(
    "detention_facilities.csv",
    "One row per facility ICE has held people in since FY19: every facility on ICE's detention statistics "
    "FY19-FY26, and the jails and detention centres (never hold rooms or staging sites) that the Deportation "
    "Data Project's daily counts show in use in a year ICE's list leaves them out. Who runs each one, its "
    "contract type and its county, each with the evidence used. Compiled from source data; nobody has "
    "checked a row (review_status draft).",
    pa.DataFrameSchema(
        {
            "facility_id": field(
                str,
                "ICE's facility code (DETLOC) where known; otherwise state and name, e.g. "
                "'KS-MIDWEST-REGIONAL-RECEPTION-CENTER'",
                DETENTION_SOURCES,
                unique=True,
            ),
            "detloc": field(
                str,
                "ICE's facility code (DETLOC); empty where no list gives one for sure",
                "uwchr_ice_facilities, ice_facility_listing_2015, carwilb_facility_roster, ddp_daily_population",
                nullable=True,
            ),
            "name": field(
                str,
                "Facility name as ICE last wrote it (its latest statistics, else the Deportation "
                "Data Project's copy of ICE's records)",
                "ice_detention_stats, ddp_daily_population",
            ),
            "city": field(
                str,
                "City as ICE gives it; empty where not given",
                "ice_detention_stats, uwchr_ice_facilities, carwilb_facility_roster",
                nullable=True,
            ),
            "state_abbr": field(
                str,
                "State or territory postal code; empty where no list gives one",
                "ice_detention_stats, uwchr_ice_facilities, carwilb_facility_roster",
                nullable=True,
                checks=pa.Check.str_matches(STATE_ABBR),
            ),
            "county_fips": field(
                str,
                "County the facility is in; for a county jail, the county that runs it",
                "uwchr_ice_facilities, ice_facility_listing_2015, carwilb_facility_roster",
                nullable=True,
                checks=pa.Check.str_matches(FIPS),
            ),
            "placed_by": field(
                str,
                "How the county was found: facility_name (the county the facility is named "
                "after), facility_name_and_code (same, the state read from the code's last two "
                "letters), geocoded_point (CarwilB's geocoded address; it decides where ICE's "
                "county column disagrees), ice_facility_list_and_geocode (both agree), "
                "ice_facility_list (ICE's county column only), territory_not_mapped, unplaced",
                "this project's build",
                checks=pa.Check.isin(DETENTION_PLACED_BY),
            ),
            "geocode_county_fips": field(
                str,
                "County holding CarwilB's geocoded address, for checking county_fips",
                "carwilb_facility_roster",
                nullable=True,
                checks=pa.Check.str_matches(FIPS),
            ),
            "type_detailed": field(
                str,
                "Facility type exactly as the source writes it (IGSA, DIGSA, USMS IGA, CDF, SPC, BOP, STAGING, ...)",
                "ice_detention_stats, uwchr_ice_facilities, carwilb_facility_roster",
                nullable=True,
            ),
            "type_detailed_source": field(
                str,
                "Where type_detailed comes from (ice_detention_stats and the fiscal year, or another source id)",
                "this project's build",
                nullable=True,
            ),
            "contract_type": field(
                str,
                "county_jail_igsa (a county-run jail under an IGSA or DIGSA) / usms_iga "
                "(U.S. Marshals agreement, not privately run) / private_contract (contract "
                "detention facility or privately run) / federal (BOP, ICE processing centre, "
                "DOD) / hold_room (hold room or staging, under 72 hours) / other",
                "this project's build",
                checks=pa.Check.isin(DETENTION_CONTRACT_TYPES),
            ),
            "run_by": field(
                str,
                "Who runs the facility: county (incl. regional jails of several counties) / city / "
                "state / federal / private / unknown",
                "this project's build",
                checks=pa.Check.isin(DETENTION_RUN_BY),
            ),
            "run_by_basis": field(
                str,
                "Evidence for run_by: facility type, contractors list (CarwilB), 2015 ICE "
                "listing operator (as of 2015), facility name, facility name (presumed: a "
                "shared jail named after a county or city), '<state> runs all its jails', or "
                "no evidence",
                "this project's build",
            ),
            "operator": field(
                str,
                "Operator as the source names it (a company, or the 2015 listing's COUNTY (SHERIFF), CITY, ...)",
                "carwilb_contractors, ice_facility_listing_2015",
                nullable=True,
            ),
            "guaranteed_minimum": field(
                "Int64",
                "Beds ICE pays for whether used or not, from ICE's statistics",
                "ice_detention_stats",
                nullable=True,
                coerce=True,
                checks=pa.Check.ge(0),
            ),
            "guaranteed_minimum_fy": field(
                str,
                "Fiscal year of the statistics that gave the guaranteed minimum",
                "ice_detention_stats",
                nullable=True,
                checks=pa.Check.str_matches(FISCAL_YEAR),
            ),
            "per_diem_2015_text": field(
                str,
                '"Per Diem Rate Detailed" exactly as ICE\'s 2015 listing gives it (as of 2015)',
                "ice_facility_listing_2015",
                nullable=True,
            ),
            "per_diem_2015_rate": field(
                float,
                "Daily rate in dollars, only where the 2015 text is one lone amount "
                "(as of 2015); a number marked (GM) is a guaranteed minimum, never a "
                "rate",
                "ice_facility_listing_2015",
                nullable=True,
                checks=pa.Check.gt(0),
            ),
            "per_diem_status": field(
                str,
                "single rate / rate unknown (tiers, rates by group, flat fee or code) / not in 2015 listing",
                "this project's build",
                checks=pa.Check.isin(PER_DIEM_STATUSES),
            ),
            "per_diem_as_of_label": field(
                str,
                "'as of 2015' wherever a 2015 per diem text is given",
                "ice_facility_listing_2015",
                nullable=True,
                checks=pa.Check.str_matches(AS_OF_LABEL),
            ),
            "source_files": field(str, "Raw files the row draws on, ';'-separated", "this project's build"),
            "source_date": field(
                str,
                "Date of the data the name and type come from (ICE's data pull, or the "
                "Deportation Data Project's last day)",
                "ice_detention_stats, ddp_daily_population",
                checks=pa.Check.str_matches(DATE),
            ),
            "basis": field(str, CONTRACT, "this project's build", checks=pa.Check.isin([CONTRACT])),
            "review_status": field(
                str,
                "draft: nobody has checked the row yet",
                "this project's build",
                checks=pa.Check.isin(REVIEW_STATUSES),
            ),
        },
        strict=True,
    ),
)

DETENTION_POPULATION = Dataset(
    "detention_population.csv",
    "Average daily ICE population (ADP) per facility and fiscal year (October to September). ICE's statistics "
    "FY19-FY26 first; the Deportation Data Project's daily midnight counts (FY23 to 2026-03-10) only for a real "
    "detention facility in a year ICE's list leaves it out (ICE lists only facilities holding someone on its "
    "data-pull day), and only where someone was held overnight; 0.0 means under 0.05. FY26 is partial in both. "
    "Totals only: breakdowns (sex, age, criminality) are not published, as they can describe fewer than 10 people.",
    pa.DataFrameSchema(
        {
            "facility_id": field(str, "Key into detention_facilities.csv", DETENTION_SOURCES),
            "fiscal_year": field(
                str,
                "Federal fiscal year, e.g. FY25 (2024-10-01 to 2025-09-30)",
                "ice_detention_stats, ddp_daily_population",
                checks=pa.Check.str_matches(FISCAL_YEAR),
            ),
            "adp": field(
                float,
                "Average daily population, 1 decimal (ICE: sum of its classification levels A-D; "
                "Deportation Data Project: mean of the midnight counts)",
                "ice_detention_stats, ddp_daily_population",
                checks=pa.Check.ge(0),
            ),
            "source": field(
                str,
                "ice_detention_stats or ddp_daily_population",
                "this project's build",
                checks=pa.Check.isin(DETENTION_POPULATION_SOURCES),
            ),
            "source_date": field(
                str,
                "ICE's data-pull date for that year, or the Deportation Data Project's last day",
                "ice_detention_stats, ddp_daily_population",
                checks=pa.Check.str_matches(DATE),
            ),
        },
        strict=True,
        unique=["facility_id", "fiscal_year"],
    ),
)

DETENTION_REPORT = Dataset(
    "detention_report.json",
    "How the detention build went: ICE statistics rows matched to facility codes (by name, address or cut "
    "name) and those left without one, facilities per county placement, contract type, operator and per diem "
    "status, and named counties that differ from the geocoded one.",
)

# Who has the power over a county's jail and its policy (lib/build/governance.py): the usual pattern per state,
# and county rows only where a county is known to differ. "unknown" is written where the pattern was not found.
# The jail operators (JAIL_OPERATORS, COUNTY_JAIL_OPERATORS) are in lib/vocab.py.
# no_sheriff_jail_role: sheriffs exist (elected or not, see the note) but as a rule run no jail; no_sheriff: none.
SHERIFF_ELECTED = ("yes", "no", "varies", "no_sheriff_jail_role", "no_sheriff", UNKNOWN)
COUNTY_SHERIFF_ELECTED = ("yes", "no", "no_sheriff_jail_role", "no_sheriff")
# How common an elected county executive (a chief executive apart from the board) is; appointed managers excluded.
COUNTY_EXECUTIVE_PREVALENCE = ("common", "some_counties", "rare", "none", UNKNOWN)
COUNTY_EXECUTIVE_KINDS = ("elected", "appointed", "none")
# The fields a county row may override, each with its vocabulary (None: free text, e.g. an agency's name).
COUNTY_GOVERNANCE_FIELDS = {
    "jail_operator": COUNTY_JAIL_OPERATORS,
    "jail_operator_name": None,
    "sheriff_elected": COUNTY_SHERIFF_ELECTED,
    "county_executive": COUNTY_EXECUTIVE_KINDS,
    "county_legislative_body": None,
}

STATE_GOVERNANCE = Dataset(
    "state_governance.csv",
    "Who usually holds power over county jails and county policy in each state (50 states, DC, Puerto Rico): "
    "who runs the jails, whether sheriffs are elected, the county board's usual name, how common an elected "
    "county executive is, and the state's power to override local policy. The usual pattern only; "
    "county_governance.csv lists counties known to differ. Hand-curated; every row is a draft nobody has reviewed.",
    pa.DataFrameSchema(
        {
            "state_abbr": field(
                str,
                "State postal code (one row per state)",
                "project_state_governance",
                checks=pa.Check.str_matches(STATE_ABBR),
                unique=True,
            ),
            "jail_operator": field(
                str,
                "Who usually runs county jails: sheriff / county_corrections_department (a "
                "county department or board, not the sheriff) / regional_jail_authority / "
                "state_unified_system (the state runs all jails) / elected_jailer / mixed "
                "(several patterns are common; see note) / unknown",
                "project_state_governance",
                checks=pa.Check.isin(JAIL_OPERATORS),
            ),
            "sheriff_elected": field(
                str,
                "yes / no / varies; no_sheriff_jail_role (sheriffs exist but as a rule run "
                "no jail; the note says whether they are elected); no_sheriff; unknown. "
                "Read it only where the county's jail_operator is sheriff",
                "project_state_governance",
                checks=pa.Check.isin(SHERIFF_ELECTED),
            ),
            "county_legislative_body": field(
                str,
                "Usual name of the county's governing board (the body that passes "
                "the county budget and ordinances); 'none (no county government)' "
                "where there is none",
                "project_state_governance",
            ),
            "county_executive": field(
                str,
                "How common an elected county executive is: common / some_counties / rare / "
                "none / unknown (managers appointed by the board do not count)",
                "project_state_governance",
                checks=pa.Check.isin(COUNTY_EXECUTIVE_PREVALENCE),
            ),
            "state_can_preempt": field(
                str,
                "The legislature's power to override local policy, naming the law where "
                "state_laws.csv has one that requires the practice or bars local limits",
                "project_state_governance, project_state_laws",
            ),
            "citation": field(
                str,
                "Constitution or code section behind the row; empty where none is known",
                "project_state_governance",
                nullable=True,
            ),
            "source": field(
                str,
                "Where the row's claims come from, and whether the citation was checked",
                "project_state_governance, ilrc_uwd_toolkit_2015",
            ),
            "source_date": field(
                str,
                "Date of that research (the row's as-of date)",
                "project_state_governance",
                checks=pa.Check.str_matches(PARTIAL_DATE),
            ),
            "basis": field(
                str,
                "statute or constitution (the citation's kind); report where there is no citation",
                "project_state_governance",
                checks=pa.Check.isin(GOVERNANCE_BASES),
            ),
            "review_status": field(
                str,
                "draft: nobody has checked the row yet",
                "project_state_governance",
                checks=pa.Check.isin(REVIEW_STATUSES),
            ),
            "note": field(str, "Exceptions and doubts, in this project's words", "project_state_governance"),
        },
        strict=True,
    ),
)

COUNTY_GOVERNANCE = Dataset(
    "county_governance.csv",
    "Counties known to differ from their state's usual pattern in state_governance.csv: one row per county and "
    "overridden field. A county without a row follows its state. Hand-curated; every row is a draft nobody has "
    "reviewed.",
    pa.DataFrameSchema(
        {
            "county_fips": field(
                str, "County the override applies to", "project_county_governance", checks=pa.Check.str_matches(FIPS)
            ),
            "field": field(
                str,
                "Field overridden: jail_operator / jail_operator_name (the agency that runs the "
                "jail) / sheriff_elected / county_executive / county_legislative_body",
                "project_county_governance",
                checks=pa.Check.isin(list(COUNTY_GOVERNANCE_FIELDS)),
            ),
            "value": field(
                str,
                "The county's value: jail_operator as in state_governance.csv but never mixed or "
                "unknown; sheriff_elected yes / no / no_sheriff_jail_role / no_sheriff; "
                "county_executive elected / appointed (by the board) / none; names as free text",
                "project_county_governance",
            ),
            "source": field(str, "Where the claim comes from", "project_county_governance"),
            "source_date": field(
                str,
                "Date of that research (the row's as-of date)",
                "project_county_governance",
                checks=pa.Check.str_matches(PARTIAL_DATE),
            ),
            "basis": field(
                str,
                "statute / constitution / report",
                "project_county_governance",
                checks=pa.Check.isin(GOVERNANCE_BASES),
            ),
            "review_status": field(
                str,
                "draft: nobody has checked the row yet",
                "project_county_governance",
                checks=pa.Check.isin(REVIEW_STATUSES),
            ),
            "note": field(
                str, "What the fact is and how sure it is, in this project's words", "project_county_governance"
            ),
        },
        strict=True,
        unique=["county_fips", "field"],
    ),
)

# 287(g) agreements through time (lib/build/history.py). A sheet that no longer lists an agreement says nothing
# of why: it is "no longer on ICE's list", never "ended"; and the first sheet listing it is not its signing.
# A field citing a series with this after its id draws on every sheet of the series (sources.yaml), not only the
# newest one, the source published under the series' id; data/README.md names each sheet's entry.
EVERY_SHEET = " (every sheet)"
HISTORY_SOURCES = f"ice_287g_wayback{EVERY_SHEET}, ice_287g_participating{EVERY_SHEET}"
ICE_AGENCY_TYPES = ("County", "Municipality", "State Agency")
HISTORY_PLACED_BY = (
    "county_name",
    "county_name_fixed",
    "fbi_agency_list",
    "agency_name",
    "statewide",
    "territory_not_mapped",
    "unmatched",
)
SHEET_DATES = r"^\d{4}-\d{2}-\d{2}(;\d{4}-\d{2}-\d{2})*$"
SIGNED_DATES = r"^\d{4}-\d{2}-\d{2}(; \d{4}-\d{2}-\d{2})*$"

AGREEMENT_HISTORY = Dataset(
    "agreement_history.csv",
    "One row per 287(g) agreement (agency x state x model) on any dated ICE list we hold: five Wayback Machine "
    "captures of ice.gov/287g (2021-01-13 to 2025-02-19), ICE's sheet of 2025-07-30 and its newest one, plus the "
    "agreements that only RelevantResearch's monitor (third-party) saw listed between two of them. An agreement "
    "missing from a later list is no longer listed; the lists do not say whether or why it ended. Names are "
    "matched across lists by a name key and two rename rules (see history_report.json).",
    pa.DataFrameSchema(
        {
            "agreement_id": field(
                str,
                "State, model and the agency's name key, e.g. 'AL:jail_enforcement:etowahcountysheriff'",
                "this project's build",
                unique=True,
            ),
            "agency": field(
                str, "Agency as ICE names it on the latest list that has it (trailing spaces removed)", HISTORY_SOURCES
            ),
            "earlier_names": field(
                str,
                "Other names ICE gave the agency on earlier lists, '; '-separated (spelling "
                "changes, renames, typos fixed)",
                HISTORY_SOURCES,
                nullable=True,
            ),
            "state_abbr": field(
                str, "State or territory postal code", HISTORY_SOURCES, checks=pa.Check.str_matches(STATE_ABBR)
            ),
            "agency_type": field(
                str,
                "sheriff / county_jail / municipal / state / other (from ICE's type and the "
                "name; from the name alone for agencies only the Wayback tables list)",
                "this project's build",
                checks=pa.Check.isin(AGENCY_TYPES),
            ),
            "ice_agency_type": field(
                str,
                "ICE's own type on the latest list giving one; empty for agencies only the "
                "Wayback tables list (they have no type column)",
                HISTORY_SOURCES,
                nullable=True,
                checks=pa.Check.isin(ICE_AGENCY_TYPES),
            ),
            "county_fips": field(
                str,
                "County the agency sits in; empty for statewide agencies and unmatched ones",
                f"{HISTORY_SOURCES}, fbi_agencies, ddp_county_name_fixes",
                nullable=True,
                checks=pa.Check.str_matches(FIPS),
            ),
            "placed_by": field(
                str,
                "How the county was found: county_name, county_name_fixed, fbi_agency_list, "
                "agency_name (the county named in the agency's name, for lists without a "
                "county column), statewide, territory_not_mapped or unmatched",
                "this project's build",
                checks=pa.Check.isin(HISTORY_PLACED_BY),
            ),
            "model": field(
                str, "jail_enforcement / warrant_service / task_force", HISTORY_SOURCES, checks=pa.Check.isin(MODELS)
            ),
            "signed": field(
                str,
                "Latest signed date ICE gave the agreement on any list",
                HISTORY_SOURCES,
                nullable=True,
                checks=pa.Check.str_matches(DATE),
            ),
            "signed_source": field(
                str, "Newest raw file giving that signed date", "this project's build", nullable=True
            ),
            "re_signed": field(
                bool,
                "True where lists gave earlier signed dates too (re-signed, or the date corrected)",
                HISTORY_SOURCES,
            ),
            "earlier_signed": field(
                str,
                "Those earlier signed dates, '; '-separated",
                HISTORY_SOURCES,
                nullable=True,
                checks=pa.Check.str_matches(SIGNED_DATES),
            ),
            "listed_on": field(
                str,
                "Dates of every ICE list that has the agreement, ';'-separated; empty where only the monitor saw it",
                HISTORY_SOURCES,
                nullable=True,
                checks=pa.Check.str_matches(SHEET_DATES),
            ),
            "first_seen": field(
                str,
                "Date of the first ICE list we hold that has it (not the signing date)",
                HISTORY_SOURCES,
                nullable=True,
                checks=pa.Check.str_matches(DATE),
            ),
            "first_seen_source": field(str, "Raw file of that list", "this project's build", nullable=True),
            "last_seen": field(
                str,
                "Date of the last ICE list we hold that has it",
                HISTORY_SOURCES,
                nullable=True,
                checks=pa.Check.str_matches(DATE),
            ),
            "last_seen_source": field(str, "Raw file of that list", "this project's build", nullable=True),
            "status": field(
                str,
                "on_list (on ICE's newest list) or no_longer_listed (not on it)",
                "this project's build",
                checks=pa.Check.isin(["on_list", "no_longer_listed"]),
            ),
            "evidence": field(
                str,
                "ice_sheets, or third_party_monitor_only where no ICE list we hold has it and "
                "only RelevantResearch's monitor saw it listed",
                "this project's build",
                checks=pa.Check.isin(["ice_sheets", "third_party_monitor_only"]),
            ),
            "monitor_seen_after": field(
                str,
                "Monitor-only agreements: the ICE list after which the monitor saw it "
                "(the latest list not later than its signed date; it does not have it)",
                "relevantresearch_287g_status",
                nullable=True,
                checks=pa.Check.str_matches(DATE),
            ),
            "monitor_seen_before": field(
                str,
                "Monitor-only agreements: the ICE list before which the monitor saw it "
                "(the newest list; it does not have it)",
                "relevantresearch_287g_status",
                nullable=True,
                checks=pa.Check.str_matches(DATE),
            ),
        },
        strict=True,
    ),
)

SNAPSHOT_COUNTS = Dataset(
    "snapshot_counts.csv",
    "One row per dated ICE 287(g) list: how many agreements it has and how many counties they cover.",
    pa.DataFrameSchema(
        {
            "snapshot_date": field(
                str, "Date of the list", HISTORY_SOURCES, unique=True, checks=pa.Check.str_matches(DATE)
            ),
            "source_file": field(str, "Raw file of the list", "this project's build"),
            "source_id": field(str, "The list's entry in the source registry", "this project's build"),
            "agreements": field(int, "Agreements on the list", HISTORY_SOURCES, checks=pa.Check.ge(0)),
            "agreements_on_a_county": field(
                int, "Of those, agreements placed on a county", "this project's build", checks=pa.Check.ge(0)
            ),
            "counties_any_agency": field(
                int, "Counties with an agreement of any agency in them", "this project's build", checks=pa.Check.ge(0)
            ),
            "counties_jail_agency": field(
                int,
                "Counties with an agreement of the agency that runs the jail (the "
                "sheriff, or a county jail or corrections department)",
                "this project's build",
                checks=pa.Check.ge(0),
            ),
        },
        strict=True,
    ),
)

HISTORY_REPORT = Dataset(
    "history_report.json",
    "How the 287(g) history was built: rows per list, agreements on the Wayback tables placed on a county, "
    "agreements added and no longer listed between consecutive lists, every name merge, and what the "
    "third-party monitor file holds (its 'Last Seen' repeats the signed date for rows that left the list, so it "
    "is not used as a date).",
)

FEDERAL_LISTS = Dataset(
    "federal_lists.csv",
    "Entries of the federal 'sanctuary jurisdiction' lists: the Justice Department's of 2025-08-05 (whole) and "
    "Homeland Security's of 2025-05-29 (withdrawn within days; rebuilt from news pages for 11 states). A federal "
    "designation, never evidence of what a jail does: it sets no indicator and colors no map.",
    pa.DataFrameSchema(
        {
            "list_id": field(
                str,
                "Which list",
                "doj_sanctuary_list_2025, dhs_sanctuary_list_2025",
                checks=pa.Check.isin(FEDERAL_LIST_IDS),
            ),
            "state_abbr": field(str, "State postal code", "doj_sanctuary_list_2025, dhs_sanctuary_list_2025"),
            "listed_as": field(
                str,
                "What the entry names: state, county or city",
                "doj_sanctuary_list_2025, dhs_sanctuary_list_2025",
                checks=pa.Check.isin(LISTED_KINDS),
            ),
            "jurisdiction": field(
                str, "The entry as the list words it", "doj_sanctuary_list_2025, dhs_sanctuary_list_2025"
            ),
            "county_fips": field(
                str,
                "The county it is shown on: the county listed, or the main county of the listed city's police "
                "(FBI agency list); empty for a state and for a city not placed",
                "this project's build",
                nullable=True,
                checks=pa.Check.str_matches(FIPS),
            ),
            "list_date": field(str, "The list's date", "doj_sanctuary_list_2025, dhs_sanctuary_list_2025"),
            "source_publisher": field(
                str,
                "Who reprinted the list (the pages it was read on)",
                "doj_sanctuary_list_2025, dhs_sanctuary_list_2025",
            ),
            "source_date": field(
                str,
                "Date of the page read, where it gives one",
                "doj_sanctuary_list_2025, dhs_sanctuary_list_2025",
                nullable=True,
            ),
            "source_urls": field(
                str, "Addresses of the pages read, space-separated", "doj_sanctuary_list_2025, dhs_sanctuary_list_2025"
            ),
            "note": field(
                str,
                "Caveats of this entry (a county's denial, a partial state list)",
                "doj_sanctuary_list_2025, dhs_sanctuary_list_2025",
                nullable=True,
            ),
        },
        strict=True,
    ),
)
FEDERAL_LIST_COVERAGE = Dataset(
    "federal_list_coverage.csv",
    "The states each federal list was checked for, and whether their county entries are whole: a county of a "
    "whole state missing from the list is not listed; a county of any other state is not checked.",
    pa.DataFrameSchema(
        {
            "list_id": field(str, "Which list", "this project's build", checks=pa.Check.isin(FEDERAL_LIST_IDS)),
            "state_abbr": field(str, "State postal code", "this project's build"),
            "counties_whole": field(bool, "The list's county entries for the state are whole", "this project's build"),
        },
        strict=True,
    ),
)
COUNTY_STATEMENTS = Dataset(
    "county_statements.csv",
    "Statements about a county's jail quoted from news, legal and advocacy pages (a sheriff's words, a "
    "petition's allegation): each is its publisher's claim, shown with its quote, never as the county's policy.",
    pa.DataFrameSchema(
        {
            "county_fips": field(str, "County", "county_statements_leads", checks=pa.Check.str_matches(FIPS)),
            "speaker": field(str, "The county or sheriff the statement is about", "county_statements_leads"),
            "claim": field(
                str,
                "What the source claims, in the leads' words (_alleged, _reported, _claimed: the source's claim)",
                "county_statements_leads",
            ),
            "quote": field(str, "The words quoted from the page", "county_statements_leads"),
            "claim_date": field(
                str, "Date of the statement, where the page gives one", "county_statements_leads", nullable=True
            ),
            "source_title": field(str, "Title of the page", "county_statements_leads"),
            "source_publisher": field(str, "Publisher of the page", "county_statements_leads"),
            "source_date": field(str, "Date of the page, where it gives one", "county_statements_leads", nullable=True),
            "source_url": field(str, "Address of the page", "county_statements_leads"),
            "note": field(str, "Caveats", "county_statements_leads", nullable=True),
        },
        strict=True,
    ),
)

PUBLIC_RECORDS_LAWS = Dataset(
    "public_records_laws.csv",
    "Each state's public-records law (50 states, DC, Puerto Rico), which a records request to a county cites: its "
    "name and citation, how soon an answer is due and who may ask, with the operative words quoted from the page "
    "they were read on. A row is checked_against_text only where both quotes are the law's own words; a draft row "
    "prints 'check this citation before sending' in the letter. Fees are reviewed on their own (fees_review_status).",
    pa.DataFrameSchema(
        {
            "state_abbr": field(
                str,
                "State postal code (one row per state)",
                "project_public_records_laws",
                checks=pa.Check.str_matches(STATE_ABBR),
                unique=True,
            ),
            "law_name": field(str, "The law's usual name", "project_public_records_laws"),
            "citation": field(str, "Code sections of the law", "project_public_records_laws"),
            "response_deadline": field(
                str,
                "How soon an answer is due, in our words; on a checked row, only what deadline_quote says",
                "project_public_records_laws",
            ),
            "requesters": field(
                str,
                "Who may ask: " + " / ".join(REQUESTERS),
                "project_public_records_laws",
                checks=pa.Check.isin(REQUESTERS),
            ),
            "who_may_request": field(str, "Who may ask, in our words", "project_public_records_laws"),
            "fees": field(
                str, "What the law lets an agency charge, and any waiver, in our words", "project_public_records_laws"
            ),
            "deadline_quote": field(
                str,
                f"The law's words on the deadline, verbatim (at most {QUOTE_MAX_CHARACTERS} characters), from url; "
                "empty where not read",
                "project_public_records_laws",
                nullable=True,
            ),
            "who_quote": field(
                str,
                "The law's words on who may ask, verbatim, from who_url; empty where not read",
                "project_public_records_laws",
                nullable=True,
            ),
            "fees_quote": field(
                str,
                "The law's words on fees, verbatim, from fees_url; empty where not read",
                "project_public_records_laws",
                nullable=True,
            ),
            "url": field(str, "Address of the page deadline_quote was read on", "project_public_records_laws"),
            "who_url": field(
                str, "Address of the page who_quote was read on", "project_public_records_laws", nullable=True
            ),
            "fees_url": field(
                str,
                "Address of the page fees_quote (or the fees summary) was read on",
                "project_public_records_laws",
                nullable=True,
            ),
            "source_date": field(
                str, "The date the pages were read", "project_public_records_laws", checks=pa.Check.str_matches(DATE)
            ),
            "review_status": field(
                str,
                "checked_against_text (both quotes are the law's own words) / draft",
                "project_public_records_laws",
                checks=pa.Check.isin(STATE_LAW_REVIEW_STATUSES),
            ),
            "fees_review_status": field(
                str,
                "checked_against_text (fees_quote is the law's own words and says what fees says) / draft",
                "project_public_records_laws",
                checks=pa.Check.isin(STATE_LAW_REVIEW_STATUSES),
            ),
            "note": field(
                str,
                "What the research noticed: amendments not read, other pages, what is left to check",
                "project_public_records_laws",
                nullable=True,
            ),
        },
        strict=True,
    ),
)

STATE_LAW_PENALTIES = Dataset(
    "state_law_penalties.csv",
    "What a state's law does to a local government, sheriff or official that limits cooperation with ICE or does "
    "not honor its detainers (removal, fines, loss of state funds, a lawsuit by the attorney general or by "
    "residents): the campaign kit's answer to \"we would be punished\". One row per provision, quoting the law's "
    "words where they were read (checked_against_text); a row resting on a summary is a draft. A state without a "
    "row is one where none was found, which is not proof that none exists.",
    pa.DataFrameSchema(
        {
            "state_abbr": field(
                str, "State postal code", "project_state_law_penalties", checks=pa.Check.str_matches(STATE_ABBR)
            ),
            "law_name": field(str, "The law's usual name (bill and year)", "project_state_law_penalties"),
            "citation": field(str, "Code section of the provision", "project_state_law_penalties"),
            "consequence": field(str, "Who faces what, in our words", "project_state_law_penalties"),
            "quote": field(
                str,
                f"The law's words, verbatim (at most {QUOTE_MAX_CHARACTERS} characters), from url; empty where not "
                "read",
                "project_state_law_penalties",
                nullable=True,
            ),
            "status": field(
                str,
                "in_force / enjoined (a court has stopped it) / repealed / pending; only a provision in force is "
                "put to officials as a risk",
                "project_state_law_penalties",
                checks=pa.Check.isin(LAW_STATUSES),
            ),
            "url": field(str, "Address of the page read", "project_state_law_penalties"),
            "source_date": field(
                str, "The date the page was read", "project_state_law_penalties", checks=pa.Check.str_matches(DATE)
            ),
            "review_status": field(
                str,
                "checked_against_text (the quote is the law's own words) / draft",
                "project_state_law_penalties",
                checks=pa.Check.isin(STATE_LAW_REVIEW_STATUSES),
            ),
            "note": field(
                str, "What the research noticed and left to check", "project_state_law_penalties", nullable=True
            ),
        },
        strict=True,
    ),
)

TABLES = (
    COUNTIES,
    STATES,
    AGENCIES,
    AGREEMENTS_287G,
    STATE_LAWS,
    LOCAL_POLICIES,
    DETENTION_FACILITIES,
    DETENTION_POPULATION,
    STATE_GOVERNANCE,
    COUNTY_GOVERNANCE,
    AGREEMENT_HISTORY,
    SNAPSHOT_COUNTS,
    FEDERAL_LISTS,
    FEDERAL_LIST_COVERAGE,
    COUNTY_STATEMENTS,
    PUBLIC_RECORDS_LAWS,
    STATE_LAW_PENALTIES,
)
ALL = TABLES + (COUNTY_SHAPES, BUILD_REPORT, SOURCES, DETENTION_REPORT, HISTORY_REPORT)
