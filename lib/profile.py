"""One county's profile as plain data; the county page and `python -m lib.profile FIPS` both use it.

    python -m lib.profile 06085               # prints the profile as JSON
    python -m lib.profile 06085 --lang es     # the same, its texts in Spanish (the JSON keys stay English)

The profile is built in the current language (lib.i18n): its texts are in that language, its keys and ids
(indicator values, levels, agency types, models, column names) stay English.
"""

import argparse
import json
import sys
from dataclasses import asdict
from typing import TypedDict

import pandas as pd

from lib import money
from lib.asks import NOT_LEGAL_ADVICE, AskContext, county_asks, standing
from lib.authority import authority_chart
from lib.data import CompiledData, DataFileError, load
from lib.evidence import CountyEvidence
from lib.explain import (
    ConflictRecord,
    EvidenceRecord,
    IndicatorRecord,
    MarkRecord,
    conflict_records,
    evidence_records,
    indicator_record,
    mark_records,
    why_this_color,
)
from lib.i18n import LANGUAGES, SOURCE_LANGUAGE, _, use_language
from lib.layers import classify_287g
from lib.registry import CLASSIFIED_IDS, LEVEL_CLASSES, STATE_LAW_IDS
from lib.vocab import AGENCY_TYPE_LABELS, AGREEMENT, FIPS_PATTERN, MODEL_LABELS, STATE_AGENCY


class UnknownCounty(ValueError):
    pass


def parse_fips(text: object, data: CompiledData) -> str:
    """A valid county FIPS from user input, or UnknownCounty with a message a person can act on."""
    candidate = str(text).strip() if text is not None else ""
    if not FIPS_PATTERN.match(candidate):
        raise UnknownCounty(
            _("'{text}' is not a county code: a county FIPS code has exactly 5 digits, e.g. 06085").format(
                text=candidate[:20]
            )
        )
    if candidate not in data.counties_by_fips.index:
        raise UnknownCounty(_("no county has the FIPS code {fips}").format(fips=candidate))
    return candidate


def _records(frame: pd.DataFrame) -> list[dict]:
    """A table's rows as plain dicts, a missing value as None (JSON null)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _none_if_missing(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


class Population(TypedDict):
    value: int
    source: str
    as_of: str


class AgreementRecord(TypedDict):
    agency: str
    agency_type: str
    agency_type_label: str
    model: str
    model_label: str
    signed: str | None
    status: str
    moa_url: str | None
    source: str
    source_date: str
    basis: str


class Authority(TypedDict):
    offices: list[dict]  # lib.authority.Office as a dict
    city_agencies: list[dict]
    ice_field_office: str | None


class Money(TypedDict):
    detention: list[dict]  # lib.money.detention_table's rows (DETENTION_COLUMNS and fiscal years)
    commitments_287g: dict[str, str]  # model -> what it commits the agency to
    scaap: str


class Asks(TypedDict):
    label: str  # recommendations, not legal advice
    items: list[dict]  # lib.asks.Ask as a dict


class CountyProfile(TypedDict):
    """Everything the county page, Compare and the brief show of one county; `python -m lib.profile` prints it."""

    fips: str
    name: str
    state: str
    state_abbr: str
    population: Population
    ice_field_office: str | None
    level: str
    level_label: str
    rests_on_draft_evidence: bool
    why: str
    marks: list[MarkRecord]
    conflicts: list[ConflictRecord]
    indicators: dict[str, IndicatorRecord]
    evidence: list[EvidenceRecord]
    class_287g: str
    agreements_287g: list[AgreementRecord]
    statewide_agreements_287g: list[AgreementRecord]
    state_laws: list[dict]  # data/state_laws.csv's rows of the state
    authority: Authority
    money: Money
    asks: Asks
    standings: dict[str, dict]  # per indicator: how the state's law stands on ending it locally (lib.asks.standing)
    public_records_law: dict  # data/public_records_laws.csv's row of the state
    state_law_penalties: list[dict]  # data/state_law_penalties.csv's rows of the state


def agreement_record(row: pd.Series) -> AgreementRecord:
    agency_type, model = row["agency_type"], row["model"]
    return {
        "agency": row["agency"],
        "agency_type": row["agency_type"],
        "agency_type_label": _(AGENCY_TYPE_LABELS[agency_type]),
        "model": row["model"],
        "model_label": _(MODEL_LABELS[model]),
        "signed": _none_if_missing(row["signed"]),
        "status": row["status"],
        "moa_url": _none_if_missing(row["moa_url"]),
        "source": row["source_file"],
        "source_date": row["source_date"],
        "basis": AGREEMENT,
    }


def county_profile(data: CompiledData, fips: str, evidence: CountyEvidence | None = None) -> CountyProfile:
    """Everything the county page shows, as plain data. Pass `evidence` to reuse one assembled for all counties."""
    county = data.counties_by_fips.loc[fips]
    evidence = evidence or CountyEvidence.assemble(data)
    classification = evidence.classify(fips)
    level = next(c for c in LEVEL_CLASSES if c.id == classification.level)
    level_label = _(level.label)
    agreements = data.agreements
    own = agreements[agreements["county_fips"] == fips]
    statewide = agreements[
        (agreements["state_abbr"] == county["state_abbr"]) & (agreements["agency_type"] == STATE_AGENCY)
    ]
    population_source = data.source("uwchr_county_population")
    chart = authority_chart(data, fips)
    detention = money.detention_table(data, fips)
    county_jail_contracts = (
        [f"{row['facility']}: {row['contract']}" for unused, row in detention.iterrows() if row["county jail"]]
        if not detention.empty
        else []
    )
    board = next((office.title for office in chart.by_role("secondary")), _("the county's governing board"))
    laws = data.state_laws[data.state_laws["state_abbr"] == county["state_abbr"]]
    records_law = data.public_records_laws[data.public_records_laws["state_abbr"] == county["state_abbr"]]
    ask_context = AskContext(
        classification,
        own,
        county_jail_contracts,
        jail_target=chart.primary.title,
        county_legislature=board,
        city_target=_("the city's police chief, mayor or manager and council"),
        state_laws=laws,
    )
    asks = county_asks(ask_context)
    return {
        "fips": fips,
        "name": county["name"],
        "state": county["state"],
        "state_abbr": county["state_abbr"],
        "population": {
            "value": int(county["population"]),
            "source": population_source["title"],
            "as_of": population_source["as_of"],
        },
        "ice_field_office": _none_if_missing(county["ice_field_office"]) or None,
        "level": classification.level,
        "level_label": level_label,
        "rests_on_draft_evidence": classification.rests_on_draft,
        "why": why_this_color(county["name"], classification, level_label),
        "marks": mark_records(classification),
        "conflicts": conflict_records(classification),
        "indicators": {name: indicator_record(classification, name) for name in CLASSIFIED_IDS},
        "evidence": evidence_records(classification),
        # Classified from this county's state's rows alone, as the 287(g) layer does for every county (all of
        # them cost a page 20 ms): an agreement is placed only in counties of its own state.
        "class_287g": classify_287g(
            data.counties_by_fips.loc[[fips]],
            data.agreements[data.agreements["state_abbr"] == county["state_abbr"]],
            evidence.operators[evidence.operators["state_abbr"] == county["state_abbr"]],
        )[fips],
        "agreements_287g": [agreement_record(row) for unused, row in own.iterrows()],
        "statewide_agreements_287g": [agreement_record(row) for unused, row in statewide.iterrows()],
        "state_laws": _records(laws.drop(columns=["state_abbr"])),
        "authority": {
            "offices": [asdict(office) for office in chart.offices],
            "city_agencies": list(chart.city_agencies),
            "ice_field_office": chart.ice_field_office,
        },
        "money": {
            "detention": _records(detention),
            "commitments_287g": {model: _(money.MODEL_COMMITMENTS[model]) for model in sorted(set(own["model"]))},
            "scaap": _(money.SCAAP_EXPLAINED),
        },
        "asks": {"label": _(NOT_LEGAL_ADVICE), "items": [asdict(ask) for ask in asks]},
        "standings": {
            indicator: dict(zip(("standing", "laws"), standing(ask_context, indicator))) for indicator in STATE_LAW_IDS
        },
        # Every state has a row (lib/build/public_records.py), a draft where its law was not read.
        "public_records_law": _records(records_law)[0],
        "state_law_penalties": _records(
            data.state_law_penalties[data.state_law_penalties["state_abbr"] == county["state_abbr"]].drop(
                columns=["state_abbr"]
            )
        ),
    }


def county_of_argument(text: str) -> tuple[CompiledData, str] | None:
    """The compiled data and the county a command line names, else None once the reason is printed on stderr in
    words a person can act on (for the modules' command lines)."""
    try:
        data = load()
        return data, parse_fips(text, data)
    except (UnknownCounty, DataFileError) as error:
        print(_("error: {error}").format(error=error), file=sys.stderr)
        return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lib.profile", description="One county's profile as JSON (its keys always in English)."
    )
    parser.add_argument("fips", metavar="FIPS", help="a 5-digit county code, e.g. 06085")
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE_LANGUAGE,
        help="language of the profile's texts (default: %(default)s)",
    )
    arguments = parser.parse_args(argv)
    with use_language(arguments.lang):
        found = county_of_argument(arguments.fips)
        if found is None:
            return 1
        data, fips = found
        print(json.dumps(county_profile(data, fips), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
