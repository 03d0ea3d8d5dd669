"""The compiled data in data/: one declared schema per file, with what each field means and where it comes from.

The build validates what it writes against these schemas, the app validates what it reads, and
data/README.md is generated from them, so the documentation cannot drift from the files.
"""

from dataclasses import dataclass

import pandera.pandas as pa

FIPS = r"^\d{5}$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
STATE_ABBR = r"^[A-Z]{2}$"
AGENCY_TYPES = ("sheriff", "county_jail", "municipal", "state", "other")
MODELS = ("jail_enforcement", "warrant_service", "task_force")


def field(dtype, description: str, source: str, **kwargs) -> pa.Column:
    return pa.Column(dtype, description=description, metadata={"source": source}, **kwargs)


@dataclass(frozen=True)
class Dataset:
    file: str
    description: str
    schema: pa.DataFrameSchema | None = None


COUNTIES = Dataset(
    "counties.csv",
    "One row per county or county equivalent in the 50 states, DC and Puerto Rico (3,220 rows).",
    pa.DataFrameSchema(
        {
            "fips": field(str, "5-character county FIPS code (the key everywhere)", "us_atlas_counties",
                          checks=pa.Check.str_matches(FIPS), unique=True),
            "name": field(str, "Full name with the Census suffix (County, Parish, city, Borough, ...)",
                          "us_atlas_counties, uwchr_county_population"),
            "state_fips": field(str, "2-character state FIPS code", "us_atlas_counties"),
            "state": field(str, "State name", "us_atlas_counties"),
            "state_abbr": field(str, "State postal code", "us_atlas_counties", checks=pa.Check.str_matches(STATE_ABBR)),
            "population": field(int, "Total population, ACS 5-year estimate (about 2014-2018)",
                                "uwchr_county_population", checks=pa.Check.ge(0)),
            "ice_field_office": field(str, "ICE field office (area of responsibility) code; empty where not given",
                                      "uwchr_county_population", nullable=True),
            "has_shape": field(bool, "False where us-atlas has an empty shape (Falls Church city, VA)",
                               "us_atlas_counties"),
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
            "county_fips": field(str, "Main county (the first the FBI lists); empty where the FBI names none we know "
                                      "(e.g. Connecticut planning regions)", "fbi_agencies",
                                 nullable=True, checks=pa.Check.str_matches(FIPS)),
            "all_county_fips": field(str, "Every county the FBI lists for the agency, ';'-separated", "fbi_agencies",
                                     nullable=True),
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
            "agency_type": field(str, "sheriff / county_jail (county jail or corrections) / municipal / state / other",
                                 "ice_287g_participating (derived from ICE's type and the agency name)",
                                 checks=pa.Check.isin(AGENCY_TYPES)),
            "ice_agency_type": field(str, "ICE's own type: County, Municipality or State Agency", "ice_287g_participating"),
            "county_fips": field(str, "County the agency sits in; empty for statewide agencies and unmatched rows",
                                 "ice_287g_participating, fbi_agencies, ddp_county_name_fixes",
                                 nullable=True, checks=pa.Check.str_matches(FIPS)),
            "county_as_listed": field(str, "County exactly as ICE wrote it", "ice_287g_participating", nullable=True),
            "placed_by": field(str, "How the county was found: county_name, county_name_fixed, fbi_agency_list, "
                                    "statewide, territory_not_mapped or unmatched", "this project's build"),
            "model": field(str, "jail_enforcement / warrant_service / task_force", "ice_287g_participating",
                           checks=pa.Check.isin(MODELS)),
            "signed": field(str, "Date the agreement was signed, per ICE", "ice_287g_participating",
                            nullable=True, checks=pa.Check.str_matches(DATE)),
            "status": field(str, "participating (in force per ICE) or pending", "ice_287g_participating, ice_287g_pending",
                            checks=pa.Check.isin(["participating", "pending"])),
            "moa_url": field(str, "Link to the agreement (MOA) as given in ICE's sheet", "ice_287g_participating",
                             nullable=True),
            "source_file": field(str, "Raw file the row comes from", "this project's build"),
            "source_row": field(int, "Row in that file (the header is row 1)", "this project's build"),
            "source_date": field(str, "Date of ICE's sheet (the as-of date of the row)", "ice_287g_participating",
                                 checks=pa.Check.str_matches(DATE)),
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
            "label_lon": field(float, "Longitude of the label point (inside the state's largest part)",
                               "us_atlas_counties"),
            "label_lat": field(float, "Latitude of the label point", "us_atlas_counties"),
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
    "fails if the match rate drops below the committed one.",
)
SOURCES = Dataset("sources.json", "The source registry (sources.yaml) as the build used it.")

TABLES = (COUNTIES, STATES, AGENCIES, AGREEMENTS_287G)
ALL = TABLES + (COUNTY_SHAPES, BUILD_REPORT, SOURCES)
