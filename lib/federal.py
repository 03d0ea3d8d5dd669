"""What the federal "sanctuary jurisdiction" lists say of a county, and what others have said about its jail.

Both are claims, shown with their caveats: neither sets an indicator or colors the map (lib/registry.py declares
FEDERAL_LIST with no layer and no evidence). The Justice Department's list of 2025-08-05 was published whole; Homeland
Security's of 2025-05-29 was withdrawn within days and is rebuilt only for some states (data/federal_list_coverage.csv),
so elsewhere it is "not checked", never "not listed". A listed city is shown on the main county of its police.
"""

from dataclasses import dataclass

from lib.data import CompiledData
from lib.i18n import N_
from lib.vocab import (
    CITY_LISTED,
    COUNTY_LISTED,
    DHS_LIST_2025,
    DOJ_LIST_2025,
    LISTED_COUNTY,
    LISTED_STATE,
    NOT_CHECKED,
    NOT_LISTED,
)


@dataclass(frozen=True)
class FederalList:
    title: str  # English, N_-marked
    caveat: str


FEDERAL_LIST_TEXTS = {
    DOJ_LIST_2025: FederalList(
        N_("U.S. Justice Department list of 2025-08-05"),
        N_(
            "The Justice Department's list of 'sanctuary jurisdictions' under Executive Order 14287, published whole "
            "(13 states, 4 counties, 18 cities), read in three news reprints. A federal designation, not a "
            "documented jail policy: Baltimore County said its listing was an error."
        ),
    ),
    DHS_LIST_2025: FederalList(
        N_("U.S. Homeland Security list of 2025-05-29 (withdrawn)"),
        N_(
            "Homeland Security's 'sanctuary jurisdictions' page, edited within a day and withdrawn about 2025-06-01 "
            "after errors and sheriffs' objections; many listed rural counties denied having any such policy. "
            "Rebuilt here from news pages for 11 states only (whole for CA, MN, NE, NY, PA and WA): elsewhere not "
            "checked. A withdrawn federal claim, not evidence of a jail policy."
        ),
    ),
}


def county_federal_lists(data: CompiledData, fips: str) -> list[dict]:
    """Per list: what it says of the county (a status of lib.vocab), its entries shown on the county (the county
    itself, cities placed on it), whether it names the county's state, its title and caveat (English, N_)."""
    state = data.counties_by_fips.at[fips, "state_abbr"]
    records = []
    for list_id, texts in FEDERAL_LIST_TEXTS.items():
        entries = data.federal_lists[data.federal_lists["list_id"] == list_id]
        here = entries[entries["county_fips"] == fips]
        coverage = data.federal_list_coverage
        checked = coverage[(coverage["list_id"] == list_id) & (coverage["state_abbr"] == state)]
        if (here["listed_as"] == LISTED_COUNTY).any():
            status = COUNTY_LISTED
        elif len(here):
            status = CITY_LISTED
        elif len(checked) and bool(checked["counties_whole"].iloc[0]):
            status = NOT_LISTED
        else:
            status = NOT_CHECKED
        state_entries = entries[(entries["listed_as"] == LISTED_STATE) & (entries["state_abbr"] == state)]
        records.append(
            {
                "list_id": list_id,
                "title": texts.title,
                "caveat": texts.caveat,
                "status": status,
                "state_listed": not state_entries.empty,
                "entries": here[
                    ["jurisdiction", "listed_as", "list_date", "source_publisher", "source_urls", "note"]
                ].to_dict("records"),
            }
        )
    return records


def county_statements(data: CompiledData, fips: str) -> list[dict]:
    """What news, legal and advocacy pages quote about the county's jail: each its publisher's claim."""
    statements = data.county_statements[data.county_statements["county_fips"] == fips].drop(columns="county_fips")
    return statements.astype(object).where(statements.notna(), None).to_dict("records")  # an empty cell is None
