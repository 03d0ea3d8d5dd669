"""Money flows around a county's collaboration with ICE: detention contracts, 287(g), SCAAP and local costs.

Estimates are labelled as such and show their formula; where a rate is not known we say "rate unknown" and
estimate nothing. No regional medians stand in for a missing rate.

Module constants are stored texts (N_), shown with `_()`; the detention table, the estimates and the flow
diagram are built in the current language. The detention table keeps English column names (they are the keys
of the profile and its JSON); DETENTION_COLUMNS gives the header to show for each, see detention_display.
"""

from dataclasses import dataclass

import pandas as pd

from lib.data import CompiledData
from lib.dot import quote
from lib.evidence import is_county_jail_contract
from lib.i18n import N_, _
from lib.vocab import (COUNTY_JAIL_IGSA, FEDERAL_FACILITY, HOLD_ROOM, JAIL_ENFORCEMENT, OTHER_CONTRACT,
                       PRIVATE_CONTRACT, RUN_BY_CITY, RUN_BY_COUNTY, RUN_BY_FEDERAL, RUN_BY_PRIVATE, RUN_BY_STATE,
                       TASK_FORCE, UNKNOWN, USMS_IGA, WARRANT_SERVICE)

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
RUN_BY_WORDS = {RUN_BY_COUNTY: N_("county"), RUN_BY_CITY: N_("city"), RUN_BY_STATE: N_("state"),
                RUN_BY_FEDERAL: N_("federal"), RUN_BY_PRIVATE: N_("private"), UNKNOWN: N_("unknown")}
# The evidence for who runs it, as the data build words it; other values (named lists) are shown as they are.
RUN_BY_BASIS_WORDS = {"facility name (presumed)": N_("facility name (presumed)"),
                      "facility name": N_("facility name"), "facility type": N_("facility type"),
                      "2015 ICE listing operator": N_("operator on ICE's 2015 list"),
                      "no evidence": N_("no evidence")}

MODEL_COMMITMENTS = {
    JAIL_ENFORCEMENT: N_("Jail officers named in the agreement, trained and supervised by ICE, question people "
                           "booked into the jail about immigration status, start deportation paperwork and place "
                           "ICE holds. The agency pays its officers' time."),
    WARRANT_SERVICE: N_("Jail officers named in the agreement serve ICE's administrative warrants on people "
                          "already in the jail, so the jail can keep them for ICE to pick up."),
    TASK_FORCE: N_("Officers on patrol or in operations may question and arrest people for immigration "
                     "violations in the field, under ICE supervision."),
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
    key: str
    label: str
    default: float
    unit: str
    source: str  # where the default comes from, or "placeholder …"

    @property
    def is_placeholder(self) -> bool:
        return self.source.startswith("placeholder")


# Stored texts: label, unit and source are English here and shown with _() (is_placeholder reads the English).
COST_ASSUMPTIONS = (
    Assumption("holds_per_year", N_("ICE holds honored per year"), 100, N_("holds"),
               N_("placeholder: replace with the jail's own count (public records request)")),
    Assumption("hours_per_hold", N_("Extra hours in jail per hold"), 48, N_("hours"),
               N_("ICE hold requests ask the jail to keep a person up to 48 hours past release (2015 toolkit, as "
                  "of 2015)")),
    Assumption("cost_per_jail_day", N_("Cost of one person-day in the jail"), 100, N_("dollars"),
               N_("placeholder: replace with the county's daily jail cost (jail or budget office)")),
    Assumption("requests_per_year", N_("ICE requests handled per year (holds, notifications, interviews)"), 200,
               N_("requests"), N_("placeholder: replace with the jail's own count")),
    Assumption("staff_minutes_per_request", N_("Staff time per ICE request"), 30, N_("minutes"),
               N_("placeholder: replace with an estimate from the jail")),
    Assumption("staff_cost_per_hour", N_("Staff cost per hour"), 40, N_("dollars"),
               N_("placeholder: replace with the county's payroll figure")),
    Assumption("liability_per_year", N_("Legal liability set aside per year"), 0, N_("dollars"),
               N_("placeholder: lawsuits over unlawful ICE holds have cost localities hundreds of thousands of "
                  "dollars (2015 toolkit, as of 2015); enter a figure your county has faced")),
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


def yearly_local_cost(values: dict[str, float]) -> dict[str, float]:
    """What honoring ICE requests costs the county per year, by part, from the (editable) assumptions."""
    holding = values["holds_per_year"] * values["hours_per_hold"] / 24 * values["cost_per_jail_day"]
    staff = values["requests_per_year"] * values["staff_minutes_per_request"] / 60 * values["staff_cost_per_hour"]
    liability = values["liability_per_year"]
    return {"holding people past release": holding, "staff time": staff, "liability": liability,
            "total": holding + staff + liability}


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
        rows.append({
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
        })
    return pd.DataFrame(rows)


def run_by_text(run_by: str, basis: str) -> str:
    """Who runs a facility, in words, with the evidence for it (as the data gives it)."""
    words = _(RUN_BY_WORDS[run_by]) if run_by in RUN_BY_WORDS else run_by
    basis_words = _(RUN_BY_BASIS_WORDS[basis]) if basis in RUN_BY_BASIS_WORDS else basis
    return f"{words} ({basis_words})"


def detention_display(detention: pd.DataFrame) -> pd.DataFrame:
    """The detention table with its headers in the current language, to show (the profile keeps the English
    keys). The estimated payment's header is then `_(ESTIMATED_PAYMENT_COLUMN)`."""
    return detention.rename(columns=lambda column: _(DETENTION_COLUMNS[column]) if column in DETENTION_COLUMNS
                            else column)


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
    return {ESTIMATED_PAYMENT_COLUMN: round(amount, -3),
            "estimate": _("an estimate: 2015 rate ${rate} × {year} population {adp} × {days} days").format(
                rate=f"{float(rate_2015):,.2f}", year=ESTIMATE_YEAR, adp=f"{adp:g}", days=DAYS_PER_YEAR)}


def flow_diagram(county_name: str, detention: pd.DataFrame, agencies_287g: list[str], costs: dict[str, float]
                 ) -> str:
    """A Graphviz (DOT) flow: money from ICE to detention facilities, local money into collaboration."""

    ice_label, county_label = _("ICE (federal)"), _("{county} budget").format(county=county_name)
    lines = ["digraph money {", "rankdir=LR;", 'node [shape=box, style="rounded,filled", fillcolor="#f5f5f5", '
             'fontname="sans-serif", fontsize=13];', 'edge [fontname="sans-serif", fontsize=12];',
             f'ice [label={quote(ice_label)}, fillcolor="#dfc27d"];',
             f'county [label={quote(county_label)}, fillcolor="#c7eae5"];']
    for index, row in detention.reset_index(drop=True).iterrows():
        amount = row.get(ESTIMATED_PAYMENT_COLUMN)
        label = (_("≈ ${amount}/year (estimate)").format(amount=f"{amount:,.0f}") if amount
                 else _("payment: rate unknown"))
        lines.append(f"f{index} [label={quote(row['facility'] + ' — ' + row['contract'])}];")
        lines.append(f"ice -> f{index} [label={quote(label)}];")
    officers_time, work_for_ice = quote(_("officers' time")), quote(_("work for ICE"))
    for index, agency in enumerate(agencies_287g):
        lines.append(f"a{index} [label={quote(agency + ' (287(g))')}];")
        lines.append(f"county -> a{index} [label={officers_time}];")
        lines.append(f"a{index} -> ice [label={work_for_ice}, style=dashed];")
    total = _("≈ ${amount}/year (your assumptions)").format(amount=f"{costs['total']:,.0f}")
    lines.append(f"county -> hold [label={quote(total)}];")
    hold_label = _("Honoring ICE requests\n(holds, notifications, access)")
    lines.append(f"hold [label={quote(hold_label)}];")
    lines.append("}")
    return "\n".join(lines)
