"""Who has the power over a county's jail and its ICE policy: the local authority chart.

The state-level table gives the usual pattern (who runs county jails, whether the sheriff is elected, the
county board's name, how common a county executive is, what the state can override); county rows override
it where a county is known to differ. Cities come from the FBI agency list, with their 287(g) agreements.

The chart is built when a page asks for it, in the current language; the word tables below are stored texts
(N_), translated as the chart is built. Values from the governance tables (board names, notes) stay as written.
"""

import textwrap
from dataclasses import dataclass, field

import pandas as pd

from lib.data import CompiledData
from lib.dot import quote
from lib.i18n import N_, _, ngettext
from lib.vocab import (
    COUNTY_BOARD_OFFICE,
    COUNTY_CORRECTIONS_DEPARTMENT,
    COUNTY_EXECUTIVE_OFFICE,
    COUNTY_JAIL_AUTHORITY,
    DRAFT,
    ELECTED_JAILER,
    IN_FORCE,
    JAIL_OPERATOR_OFFICE,
    METRO_POLICE,
    MIXED_OPERATORS,
    MOST_RESIDENTS_2020,
    MUNICIPAL,
    PARTICIPATING,
    PRIMARY_ROLE,
    REGIONAL_JAIL_AUTHORITY,
    REVIEW_WORDS,
    REVIEWED,
    ROLE_WORDS,
    SECONDARY_ROLE,
    SHERIFF,
    STATE_OFFICE,
    STATE_ROLE,
    STATE_UNIFIED_SYSTEM,
    UNKNOWN,
)

OPERATOR_TITLES = {
    SHERIFF: N_("Sheriff"),
    COUNTY_CORRECTIONS_DEPARTMENT: N_("County department of corrections"),
    COUNTY_JAIL_AUTHORITY: N_("County jail authority"),
    METRO_POLICE: N_("Metropolitan police department"),
    REGIONAL_JAIL_AUTHORITY: N_("Regional jail authority"),
    STATE_UNIFIED_SYSTEM: N_("State department of corrections"),
    ELECTED_JAILER: N_("County jailer"),
    MIXED_OPERATORS: N_(
        "Whoever runs the county jail (sheriff, county department or regional authority; check locally)"
    ),
    UNKNOWN: N_("Whoever runs the county jail (not known here; check locally)"),
}
OPERATOR_POWERS = {
    SHERIFF: N_(
        "Runs the jail and decides day to day whether to honor ICE holds, tell ICE release dates and let ICE in."
    ),
    COUNTY_CORRECTIONS_DEPARTMENT: N_(
        "Runs the jail under the county's executive or board, which can direct its ICE policy."
    ),
    COUNTY_JAIL_AUTHORITY: N_(
        "A public trust or authority of the county runs the jail; the county board appoints its trustees."
    ),
    METRO_POLICE: N_(
        "The consolidated city-county police department runs the jail; its head (in Las Vegas, the elected "
        "sheriff) decides its ICE policy."
    ),
    REGIONAL_JAIL_AUTHORITY: N_(
        "A board of the member counties runs the jail; each county's appointees vote on its policies."
    ),
    STATE_UNIFIED_SYSTEM: N_(
        "The state runs all jails: ICE policy is set by the state corrections agency and state law, not by the county."
    ),
    ELECTED_JAILER: N_("The elected jailer runs the county jail; the fiscal court funds it."),
    MIXED_OPERATORS: N_("Find out who runs this county's jail: that office is the main target."),
    UNKNOWN: N_("Find out who runs this county's jail: that office is the main target."),
}
ELECTED_WORDS = {
    "yes": N_("elected"),
    "no": N_("appointed"),
    "varies": N_("elected in most counties"),
    "no_sheriff_jail_role": N_("no jail role"),
    "no_sheriff": N_("no sheriff"),
    UNKNOWN: N_("unknown"),
}
EXECUTIVE_WORDS = {
    "common": N_("often an elected county executive"),
    "some_counties": N_("an elected county executive in some counties"),
    "rare": N_("rarely an elected county executive"),
    "none": N_("no elected county executive"),
    UNKNOWN: N_("not known"),
    "elected": N_("elected county executive"),
    "appointed": N_("county executive appointed by the board"),
}


@dataclass(frozen=True)
class Office:
    role: str  # PRIMARY_ROLE / SECONDARY_ROLE / CITY_ROLE / STATE_ROLE (lib.vocab)
    kind: str  # which office it is (lib.vocab.OFFICE_KINDS): the campaign kit prepares a meeting with each
    title: str
    powers: str
    jurisdiction: str
    selection: str  # elected / appointed / unknown …
    source: str
    as_of: str
    draft: bool = True


@dataclass(frozen=True)
class AuthorityChart:
    offices: tuple[Office, ...]
    city_agencies: tuple[dict, ...] = field(default=())
    ice_field_office: str | None = None

    @property
    def primary(self) -> Office:
        return next(office for office in self.offices if office.role == PRIMARY_ROLE)

    def by_role(self, role: str) -> list[Office]:
        return [office for office in self.offices if office.role == role]


def county_governance(data: CompiledData, fips: str) -> dict[str, object]:
    """The state's usual pattern with this county's known differences applied (each field keeps its source)."""
    state = data.counties_by_fips.loc[fips, "state_abbr"]
    row = data.state_governance.set_index("state_abbr").loc[state]
    fields = {
        name: {"value": row[name], "source": row["source"], "as_of": row["source_date"], "county_level": False}
        for name in (
            "jail_operator",
            "sheriff_elected",
            "county_legislative_body",
            "county_executive",
            "state_can_preempt",
        )
    }
    fields["note"] = {"value": row["note"], "source": row["source"], "as_of": row["source_date"], "county_level": False}
    for override in data.county_governance[data.county_governance["county_fips"] == fips].itertuples():
        fields[override.field] = {
            "value": override.value,
            "source": override.source,
            "as_of": override.source_date,
            "county_level": True,
            "note": override.note,
        }
    return fields


def _state_powers(data: CompiledData, state_abbr: str, usual_pattern: str) -> str:
    """What the state can do, and the laws in force that already bind the county's jail (lib/build/policy.py has
    each with its quote and address; the state's laws table on the county page shows them)."""
    laws = data.state_laws[
        (data.state_laws["state_abbr"] == state_abbr)
        & (data.state_laws["status"] == IN_FORCE)
        & data.state_laws["binds_county_jails"]
    ]
    if laws.empty:
        return usual_pattern
    return _("{usual_pattern} Laws in force on these practices: {laws}.").format(
        usual_pattern=usual_pattern, laws="; ".join(dict.fromkeys(laws["law_name"]))
    )


def authority_chart(data: CompiledData, fips: str) -> AuthorityChart:
    county = data.counties_by_fips.loc[fips]
    gov = county_governance(data, fips)
    operator = gov["jail_operator"]["value"]
    operator_name = gov.get("jail_operator_name", {}).get("value") or _(OPERATOR_TITLES[operator])
    is_sheriff = operator in (SHERIFF, METRO_POLICE)  # Las Vegas Metro is headed by the elected sheriff
    elected = gov["sheriff_elected"]["value"]
    selection = _(ELECTED_WORDS[elected]) if is_sheriff else _("appointed or set by law")
    if operator == ELECTED_JAILER:
        selection = _("elected")
    offices = [
        Office(
            PRIMARY_ROLE,
            JAIL_OPERATOR_OFFICE,
            operator_name,
            _(OPERATOR_POWERS[operator]),
            county["state"] if operator == STATE_UNIFIED_SYSTEM else county["name"],
            selection,
            gov["jail_operator"]["source"],
            gov["jail_operator"]["as_of"],
        ),
    ]
    board = gov["county_legislative_body"]["value"]
    if not board.lower().startswith("none"):
        offices.append(
            Office(
                SECONDARY_ROLE,
                COUNTY_BOARD_OFFICE,
                board,
                _(
                    "Passes the county budget (including the jail's) and county ordinances; can hold "
                    "hearings and ask the jail for its ICE records."
                ),
                county["name"],
                _("elected"),
                gov["county_legislative_body"]["source"],
                gov["county_legislative_body"]["as_of"],
            )
        )
    executive = gov["county_executive"]["value"]
    if executive in ("common", "elected", "appointed"):
        offices.append(
            Office(
                SECONDARY_ROLE,
                COUNTY_EXECUTIVE_OFFICE,
                _("County executive"),
                _("Runs county departments and proposes the budget."),
                county["name"],
                _(EXECUTIVE_WORDS[executive]),
                gov["county_executive"]["source"],
                gov["county_executive"]["as_of"],
            )
        )
    elif executive in ("some_counties", "rare"):
        offices.append(
            Office(
                SECONDARY_ROLE,
                COUNTY_EXECUTIVE_OFFICE,
                _("County executive, where the county has one"),
                _("Runs county departments and proposes the budget."),
                county["name"],
                _(EXECUTIVE_WORDS[executive]),
                gov["county_executive"]["source"],
                gov["county_executive"]["as_of"],
            )
        )
    offices.append(
        Office(
            STATE_ROLE,
            STATE_OFFICE,
            _("{state} legislature and governor").format(state=county["state"]),
            _state_powers(data, county["state_abbr"], gov["state_can_preempt"]["value"]),
            county["state"],
            _("elected"),
            gov["state_can_preempt"]["source"],
            gov["state_can_preempt"]["as_of"],
        )
    )
    return AuthorityChart(
        tuple(offices),
        tuple(city_agencies(data, fips)),
        county["ice_field_office"] if isinstance(county["ice_field_office"], str) else None,
    )


def city_agencies(data: CompiledData, fips: str) -> list[dict]:
    """City police agencies serving the county (FBI list), those with a 287(g) agreement first, then those whose
    main county it is. An agency that serves it but has most of its residents in another county by the 2020 Census
    (Houston's police in Fort Bend County) names that county in main_county; its 287(g) agreement is looked for in
    its main county."""
    serving = data.agencies_serving(fips)
    serving = serving[serving["fbi_agency_type"] == "City"]
    agreements = data.agreements
    current = agreements[
        (agreements["status"] == PARTICIPATING)
        & (agreements["agency_type"] == MUNICIPAL)
        & agreements["county_fips"].isin({fips, *serving["county_fips"]})
    ]
    agreements_by_county: dict[str, set[str]] = {}
    for county_fips, agency in zip(current["county_fips"], current["agency"], strict=True):
        agreements_by_county.setdefault(county_fips, set()).add(agency)
    names = data.counties_by_fips["name"]
    records = [
        {
            "agency": row.agency,
            "fbi_data_year": row.data_year,
            "has_287g": any(
                row.agency.lower() in name.lower() for name in agreements_by_county.get(row.county_fips, set())
            ),
            # named only where it was read from Census counts: the FBI's first county says nothing of the kind
            "main_county": names.get(row.county_fips)
            if row.county_fips != fips and row.main_county_basis == MOST_RESIDENTS_2020
            else None,
        }
        for row in serving.itertuples()
    ]
    listed = {record["agency"].lower() for record in records}
    for name in sorted(agreements_by_county.get(fips, set())):  # ICE-listed city agencies the FBI names differently
        if not any(agency in name.lower() for agency in listed):
            records.append({"agency": name, "fbi_data_year": None, "has_287g": True, "main_county": None})
    return sorted(
        records, key=lambda record: (not record["has_287g"], record["main_county"] is not None, record["agency"])
    )


# The longest line of a label: short enough that the chart, scaled to the page's width, keeps its text legible; on a
# phone two boxes side by side fit a 390 px screen.
LINE_CHARACTERS, NARROW_LINE_CHARACTERS = 28, 18


def chart_dot(chart: AuthorityChart, county_name: str, max_cities: int = 6, narrow: bool = False) -> str:
    """The chart as Graphviz DOT: primary target, secondary targets, the state above, the city column beside, labels
    wrapped into short lines. Narrow (for a phone), it is drawn top-down only: shorter lines, the state above the
    county's offices and the city column under the jail, so that the chart keeps its text legible at a phone's
    width."""

    def label_text(text: str) -> str:
        return "\n".join(textwrap.wrap(text, NARROW_LINE_CHARACTERS if narrow else LINE_CHARACTERS))

    def node(name: str, office: Office, color: str) -> str:
        label = f"{label_text(office.title)}\n{label_text(f'({office.selection})')}"
        return f"{name} [label={quote(label)}, fillcolor={quote(color)}];"

    jail_label = label_text(_("{county} jail: ICE holds, notifications, access").format(county=county_name))
    lines = [
        "digraph authority {",
        "rankdir=TB;",
        'node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=16];',
        'edge [fontname="sans-serif", fontsize=14];',
        f'jail [label={quote(jail_label)}, shape=cylinder, fillcolor="#f5f5f5"];',
    ]
    runs, directs, overrides = (
        quote(_("runs")),
        quote(label_text(_("budget, ordinances, oversight"))),
        quote(label_text(_("can override by law"))),
    )
    primary = chart.primary
    lines += [node("primary", primary, "#dfc27d"), f"primary -> jail [label={runs}];"]
    secondaries = chart.by_role(SECONDARY_ROLE)
    for index, office in enumerate(secondaries):
        lines += [node(f"secondary{index}", office, "#c7eae5"), f"secondary{index} -> primary [label={directs}];"]
    for office in chart.by_role(STATE_ROLE):
        lines += [node("state", office, "#e0e0e0"), f"state -> primary [label={overrides}, style=dashed];"]
        if narrow and secondaries:  # the state on a rank of its own, above the county's offices
            lines += [f"state -> secondary{index} [style=invis];" for index in range(len(secondaries))]
    cities = chart.city_agencies[:max_cities]
    if cities:
        cities_label = label_text(_("Cities: police chief (appointed), mayor or manager, council"))
        lines.append(f'subgraph cluster_cities {{ label={quote(cities_label)}; fontname="sans-serif"; style=dashed;')
        for index, city in enumerate(cities):
            label = label_text(city["agency"] + (" — 287(g)" if city["has_287g"] else ""))
            lines.append(
                f"city{index} [label={quote(label)}, fillcolor={quote('#fde0ef' if city['has_287g'] else '#ffffff')}];"
            )
        lines.append("}")
        # One city under the other: side by side, a county's many cities would shrink the chart's text. Narrow, they
        # go under the jail.
        lines += [f"city{index} -> city{index + 1} [style=invis];" for index in range(len(cities) - 1)]
        if narrow:
            lines.append("jail -> city0 [style=invis];")
        more = len(chart.city_agencies) - len(cities)
        if more > 0:
            more_label = ngettext("… and {count} more", "… and {count} more", more).format(count=more)
            lines.append(f"citymore [label={quote(more_label)}, shape=plaintext];")
            lines.append(f"city{len(cities) - 1} -> citymore [style=invis];")
    lines.append("}")
    return "\n".join(lines)


def offices_table(chart: AuthorityChart) -> pd.DataFrame:
    """The offices as a table to show, headers and words in the current language (the profile keeps the ids)."""
    return pd.DataFrame(
        [
            {
                _("role"): _(ROLE_WORDS[office.role]) if office.role in ROLE_WORDS else office.role,
                _("office"): office.title,
                _("powers"): office.powers,
                _("jurisdiction"): office.jurisdiction,
                _("elected or appointed"): office.selection,
                _("source"): office.source,
                _("as of"): office.as_of,
                _("review"): _(REVIEW_WORDS[DRAFT if office.draft else REVIEWED]),
            }
            for office in chart.offices
        ]
    )
