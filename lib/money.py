"""Money flows around a county's collaboration with ICE: detention contracts, 287(g), SCAAP and local costs.

Estimates are labelled as such and show their formula; where a rate is not known we say "rate unknown" and
estimate nothing. No regional medians stand in for a missing rate.

Module constants are stored texts (N_), shown with `_()`; the detention table, the estimates and the flow
diagram are built in the current language. The detention table keeps English column names (they are the keys
of the profile and its JSON); DETENTION_COLUMNS gives the header to show for each.
"""

import re
from dataclasses import dataclass

import pandas as pd

from lib.data import CompiledData
from lib.dot import quote
from lib.evidence import is_county_jail_contract
from lib.i18n import N_, _
from lib.vocab import (
    COUNTY_JAIL,
    COUNTY_JAIL_IGSA,
    FEDERAL_FACILITY,
    HOLD_ROOM,
    JAIL_ENFORCEMENT,
    MUNICIPAL,
    OTHER_CONTRACT,
    PRIVATE_CONTRACT,
    RUN_BY_CITY,
    RUN_BY_COUNTY,
    RUN_BY_FEDERAL,
    RUN_BY_PRIVATE,
    RUN_BY_STATE,
    SHERIFF,
    TASK_FORCE,
    UNKNOWN,
    USMS_IGA,
    WARRANT_SERVICE,
)

DAYS_PER_YEAR = 365
ESTIMATE_YEAR = "FY25"
CONTRACT_LABELS = {
    COUNTY_JAIL_IGSA: N_("county jail, IGSA with ICE"),
    USMS_IGA: N_("jail under a U.S. Marshals agreement that ICE uses"),
    PRIVATE_CONTRACT: N_("privately run detention centre"),
    FEDERAL_FACILITY: N_("federal facility"),
    HOLD_ROOM: N_("hold room / staging (short stays)"),
    OTHER_CONTRACT: N_("other or unknown contract"),
}
# Who runs a facility (the data's run_by), in words.
RUN_BY_WORDS = {
    RUN_BY_COUNTY: N_("county"),
    RUN_BY_CITY: N_("city"),
    RUN_BY_STATE: N_("state"),
    RUN_BY_FEDERAL: N_("federal"),
    RUN_BY_PRIVATE: N_("private"),
    UNKNOWN: N_("unknown"),
}
# The evidence for who runs it, as the data build words it; other values (named lists) are shown as they are.
RUN_BY_BASIS_WORDS = {
    "facility name (presumed)": N_("facility name (presumed)"),
    "facility name": N_("facility name"),
    "facility type": N_("facility type"),
    "2015 ICE listing operator": N_("operator on ICE's 2015 list"),
    "no evidence": N_("no evidence"),
}

MODEL_COMMITMENTS = {
    JAIL_ENFORCEMENT: N_(
        "Jail officers named in the agreement, trained and supervised by ICE, question people "
        "booked into the jail about immigration status, start deportation paperwork and place "
        "ICE holds. The agency pays its officers' time."
    ),
    WARRANT_SERVICE: N_(
        "Jail officers named in the agreement serve ICE's administrative warrants on people "
        "already in the jail, so the jail can keep them for ICE to pick up."
    ),
    TASK_FORCE: N_(
        "Officers on patrol or in operations may question and arrest people for immigration "
        "violations in the field, under ICE supervision."
    ),
}

SCAAP_EXPLAINED = N_(
    "SCAAP (State Criminal Alien Assistance Program) is a U.S. Department of Justice grant that pays states and "
    "counties back a share of what it costs to jail certain undocumented people who were convicted and sentenced. "
    "It is not tied to honoring ICE holds: counties that refuse holds have kept receiving it (2015 toolkit, as of "
    "2015). Awards are published by the Bureau of Justice Assistance; look the county or its state up in BJA's "
    "SCAAP award lists."
)


@dataclass(frozen=True)
class Assumption:
    """One input of the local cost model. The app holds no county's own figure for any of them, so each starts
    empty: `example` (a stored text, shown as help) says what a figure looks like and where a county finds it."""

    key: str
    label: str
    unit: str
    example: str


# Stored texts: label, unit and example are English here and shown with _().
COST_ASSUMPTIONS = (
    Assumption(
        "holds_per_year",
        N_("ICE holds honored per year"),
        N_("holds"),
        N_("For example 100. The jail's own count: ask the jail (public records request)."),
    ),
    Assumption(
        "hours_per_hold",
        N_("Extra hours in jail per hold"),
        N_("hours"),
        N_(
            "For example 48: an ICE hold asks the jail to keep a person up to 48 hours past release (2015 "
            "toolkit, as of 2015). The jail's own average is better."
        ),
    ),
    Assumption(
        "cost_per_jail_day",
        N_("Cost of one person-day in the jail"),
        N_("dollars"),
        N_("For example 100. The county's daily jail cost: ask the jail or the budget office."),
    ),
    Assumption(
        "requests_per_year",
        N_("ICE requests handled per year (holds, notifications, interviews)"),
        N_("requests"),
        N_("For example 200. The jail's own count."),
    ),
    Assumption(
        "staff_minutes_per_request",
        N_("Staff time per ICE request"),
        N_("minutes"),
        N_("For example 30. An estimate from the jail."),
    ),
    Assumption(
        "staff_cost_per_hour",
        N_("Staff cost per hour"),
        N_("dollars"),
        N_("For example 40. The county's payroll figure."),
    ),
    Assumption(
        "liability_per_year",
        N_("Legal liability set aside per year"),
        N_("dollars"),
        N_(
            "For example 0. Lawsuits over unlawful ICE holds have cost localities hundreds of thousands of "
            "dollars (2015 toolkit, as of 2015): enter a figure your county has faced."
        ),
    ),
)

# Who pays a 287(g) agency's officers: the budget of the government the agency belongs to. A city police
# department's 287(g) sits on the city's budget, not the county's.
COUNTY_BUDGET, CITY_BUDGET, OTHER_BUDGET = "county_budget", "city_budget", "other_budget"  # also node ids
BUDGET_OF_AGENCY_TYPE = {SHERIFF: COUNTY_BUDGET, COUNTY_JAIL: COUNTY_BUDGET, MUNICIPAL: CITY_BUDGET}
CITY_COSTS_NOTE = N_(
    "A city police department's 287(g) agreement is paid from the city's budget, not the county's: the city "
    "council and the mayor or manager decide on it."
)


# The detention table's columns (the profile's keys, English) and the header shown for each (stored texts).
# Fiscal-year columns ("FY25") are shown as they are.
ESTIMATED_PAYMENT_COLUMN = "estimated yearly payment"
DETENTION_COLUMNS = {
    "facility": N_("facility"),
    "contract": N_("contract"),
    "county jail": N_("county jail"),
    "run by": N_("run by"),
    "guaranteed minimum": N_("guaranteed minimum"),
    "per diem 2015 (as written)": N_("per diem 2015 (as written)"),
    ESTIMATED_PAYMENT_COLUMN: N_("estimated yearly payment"),
    "estimate": N_("estimate"),
    "source": N_("source"),
    "as of": N_("as of"),
}


def yearly_local_cost(values: dict[str, float | None]) -> dict[str, float] | None:
    """What honoring ICE requests costs the county per year, by part, from the figures entered; None (no total)
    while any figure is missing: a total from made-up figures would be quoted as the county's."""
    if any(values[assumption.key] is None for assumption in COST_ASSUMPTIONS):
        return None
    holding = values["holds_per_year"] * values["hours_per_hold"] / 24 * values["cost_per_jail_day"]
    staff = values["requests_per_year"] * values["staff_minutes_per_request"] / 60 * values["staff_cost_per_hour"]
    liability = values["liability_per_year"]
    return {
        "holding people past release": holding,
        "staff time": staff,
        "liability": liability,
        "total": holding + staff + liability,
    }


def detention_table(data: CompiledData, fips: str) -> pd.DataFrame:
    """ICE detention facilities in the county: contract, ICE's average daily population by fiscal year,
    guaranteed minimum, the 2015 per diem and, where that rate is known, an estimated yearly payment."""
    facilities = data.detention_facilities[data.detention_facilities["county_fips"] == fips]
    if facilities.empty:
        return pd.DataFrame()
    population = data.detention_population[data.detention_population["facility_id"].isin(facilities["facility_id"])]
    adp = population.pivot_table(index="facility_id", columns="fiscal_year", values="adp", aggfunc="first")
    rows = []
    for facility in facilities.itertuples():
        by_year = adp.loc[facility.facility_id].dropna().to_dict() if facility.facility_id in adp.index else {}
        rows.append(
            {
                "facility": facility.name.title(),
                "contract": _(CONTRACT_LABELS[facility.contract_type]),
                "county jail": is_county_jail_contract(facility),
                "run by": run_by_text(facility.run_by, facility.run_by_basis),
                **{year: by_year.get(year) for year in sorted(adp.columns)},
                "guaranteed minimum": facility.guaranteed_minimum,
                "per diem 2015 (as written)": facility.per_diem_2015_text,
                **payment_estimate(facility.per_diem_2015_rate, by_year.get(ESTIMATE_YEAR)),
                "source": facility.source_files,
                "as of": facility.source_date,
            }
        )
    return pd.DataFrame(rows)


def run_by_text(run_by: str, basis: str) -> str:
    """Who runs a facility, in words, with the evidence for it (as the data gives it)."""
    words = _(RUN_BY_WORDS[run_by]) if run_by in RUN_BY_WORDS else run_by
    basis_words = _(RUN_BY_BASIS_WORDS[basis]) if basis in RUN_BY_BASIS_WORDS else basis
    return f"{words} ({basis_words})"


def county_detention_population(data: CompiledData, fips: str) -> pd.DataFrame:
    """Average daily ICE population per facility in the county and fiscal year (long form, for a chart)."""
    facilities = data.detention_facilities[data.detention_facilities["county_fips"] == fips]
    population = data.detention_population.merge(facilities[["facility_id", "name"]], on="facility_id")
    population["facility"] = population["name"].str.title()
    return population[["facility", "fiscal_year", "adp", "source"]].sort_values(["fiscal_year", "facility"])


def payment_estimate(rate_2015, adp) -> dict[str, object]:
    if rate_2015 is None or pd.isna(rate_2015):
        return {ESTIMATED_PAYMENT_COLUMN: None, "estimate": _("rate unknown")}
    if adp is None or pd.isna(adp):
        return {ESTIMATED_PAYMENT_COLUMN: None, "estimate": _("no {year} population").format(year=ESTIMATE_YEAR)}
    amount = float(rate_2015) * float(adp) * DAYS_PER_YEAR
    return {
        ESTIMATED_PAYMENT_COLUMN: round(amount, -3),
        "estimate": _("an estimate: 2015 rate ${rate} × {year} population {adp} × {days} days").format(
            rate=f"{float(rate_2015):,.2f}", year=ESTIMATE_YEAR, adp=f"{adp:g}", days=DAYS_PER_YEAR
        ),
    }


def budget_of(agency_type: str) -> str:
    """Whose budget pays a 287(g) agency's officers: the county's, a city's, or the agency's own (another kind)."""
    return BUDGET_OF_AGENCY_TYPE.get(agency_type, OTHER_BUDGET)


def flow_diagram(
    county_name: str, detention: pd.DataFrame, agencies_287g: list[tuple[str, str]], costs: dict[str, float] | None
) -> str:
    """A Graphviz (DOT) flow, top-down: money from ICE to the county's detention facilities; the budgets (the
    county's, the cities') that pay 287(g) officers, who work for ICE; the county's cost of honoring ICE requests, in
    dollars only from the figures entered. `agencies_287g` holds (agency, agency type) pairs. Facilities, and the
    agencies paid from one budget, share a box with a line each, so that the chart stays a few boxes wide and its
    text legible; only boxes with an arrow are drawn."""
    budget_labels = {
        COUNTY_BUDGET: _("{county} budget").format(county=county_name),
        CITY_BUDGET: _("City budgets (each city's own)"),
        OTHER_BUDGET: _("The agency's own budget"),
    }
    budget_colors = {COUNTY_BUDGET: "#c7eae5", CITY_BUDGET: "#f6e8c3", OTHER_BUDGET: "#f5f5f5"}

    def budget_node(budget: str) -> str:
        return f"{budget} [label={quote(budget_labels[budget])}, fillcolor={quote(budget_colors[budget])}];"

    lines = [
        "digraph money {",
        "rankdir=TB; nodesep=0.3; ranksep=0.45;",
        'node [shape=box, style="rounded,filled", fillcolor="#f5f5f5", fontname="sans-serif", fontsize=18, '
        'margin="0.15,0.08"];',
        'edge [fontname="sans-serif", fontsize=16];',
        budget_node(COUNTY_BUDGET),
    ]
    if not detention.empty or agencies_287g:
        lines.append(f'ice [label={quote(_("ICE (federal)"))}, fillcolor="#dfc27d"];')
    if not detention.empty:  # one box for every facility, one line each: as many side by side would shrink the text
        facilities = [  # two lines each: the name, then the contract and the payment
            row["facility"]
            + "\n"
            + _("{contract}: {payment}").format(
                contract=row["contract"],
                payment=_("≈ ${amount}/year (estimate)").format(amount=f"{row[ESTIMATED_PAYMENT_COLUMN]:,.0f}")
                if pd.notna(row.get(ESTIMATED_PAYMENT_COLUMN))
                else _("payment: rate unknown"),
            )
            for _index, row in detention.iterrows()
        ]
        detention_label = "\n".join([_("ICE detention in the county:"), *facilities])
        lines.append(f"detention [label={quote(detention_label)}];")
        lines.append(f"ice -> detention [label={quote(_('pays for each person held'))}];")
    agencies_by_budget: dict[str, list[str]] = {}
    for agency, agency_type in agencies_287g:
        agencies_by_budget.setdefault(budget_of(agency_type), []).append(agency)
    officers_time, work_for_ice = quote(_("officers' time")), quote(_("work for ICE"))
    for budget, agencies in agencies_by_budget.items():  # one box per budget, one agency a line
        if budget != COUNTY_BUDGET:
            lines.append(budget_node(budget))
        agencies_label = "\n".join([_("287(g) agreements:"), *agencies])
        lines.append(f"agencies_{budget} [label={quote(agencies_label)}];")
        lines.append(f"{budget} -> agencies_{budget} [label={officers_time}];")
        lines.append(f"agencies_{budget} -> ice [label={work_for_ice}, style=dashed];")
    total = (
        _("≈ ${amount}/year (your figures)").format(amount=f"{costs['total']:,.0f}")
        if costs
        else _("cost: no figures entered")
    )
    lines.append(f"{COUNTY_BUDGET} -> hold [label={quote(total)}];")
    hold_label = _("Honoring ICE requests\n(holds, notifications, access)")
    lines.append(f"hold [label={quote(hold_label)}];")
    lines.append("}")
    return "\n".join(lines)


FISCAL_YEAR = re.compile(r"FY\d\d")  # the detention table's population columns


def latest_fiscal_year(facility: dict) -> str | None:
    """The latest fiscal year ("FY26") with an average daily ICE population for a row of the detention table."""
    years = [key for key, value in facility.items() if FISCAL_YEAR.fullmatch(key) and value is not None]
    return max(years, default=None)


def latest_population(facility: dict) -> float:
    year = latest_fiscal_year(facility)
    return facility[year] if year else 0.0
