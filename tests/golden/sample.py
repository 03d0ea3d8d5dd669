"""The golden test's counties: chosen once from the committed data and kept in sample.txt, so that the sample does
not drift when the data or the code that chooses it changes.

    python -m tests.golden.sample    # chooses the sample again and rewrites sample.txt (then capture again)
"""

import random
import sys
from pathlib import Path

import pandas as pd

from lib.authority import county_governance
from lib.data import CompiledData, load
from lib.evidence import CountyEvidence
from lib.layers import build_layers
from tests.test_every_county import SPECIAL_COUNTIES, most_populous_of_each

SAMPLE_FILE = Path(__file__).resolve().parent / "sample.txt"
SAMPLE_SIZE = 300
SEED = 14  # the refactor's issue; any fixed number would do
# Counties of ICE detention in the sample: about half of the roughly 220 there are, the rest being left to the
# random fill, which would otherwise draw few of them.
DETENTION_COUNTIES = 100
NYC_BOROUGHS = ("36005", "36047", "36061", "36081", "36085")
# The outputs made for the first counties of the sample only (Spanish profiles, briefs, PDFs) start with these:
# sheriff-run Santa Clara, Falls Church (no shape: no map inset), Palm Beach (the longest 287(g) list), Kings (a
# NYC borough), San Juan (Puerto Rico); then the other counties tests/test_every_county.py singles out, and Cook,
# Broward, Autauga (the first code), Kalawao (the smallest, with governance rows of its own), DC, the NYC boroughs
# and more of Puerto Rico (Bayamón, and the islands Culebra and Vieques).
LEADING_COUNTIES = tuple(
    dict.fromkeys(
        (
            "06085",
            "51610",
            "12099",
            "36047",
            "72127",
            *SPECIAL_COUNTIES,
            "17031",
            "12011",
            "01001",
            "15005",
            "11001",
            *NYC_BOROUGHS,
            "72021",
            "72049",
            "72147",
        )
    )
)
HEADER = f"""\
# The golden test's {SAMPLE_SIZE} counties (tests/test_golden.py), one FIPS code a line, chosen by
# `python -m tests.golden.sample` from the committed data and committed so the sample does not drift with it.
# It holds the most and least populous county of every state, DC and Puerto Rico; the most populous county of
# every class of every map layer (overall level, each indicator, 287(g), ICE detention), from all evidence and from
# reviewed evidence alone, of every jail operator, and with an ICE detention facility of every contract type; every
# county with governance rows of its own; the counties the tests single out; then, drawn with random seed {SEED},
# counties with ICE detention up to {DETENTION_COUNTIES} of them, and any counties up to {SAMPLE_SIZE}.
# Order: the singled-out counties (tests/golden/sample.py, LEADING_COUNTIES), then the others shuffled with the
# same seed: the outputs made for the first counties only (Spanish profiles, briefs) start with the odd ones.
"""


def most_populous_with_each(counties_by_kind: dict[str, set[str]], biggest_first: list[str]) -> set[str]:
    """The most populous county of each kind, where a county can be of several kinds (one per facility)."""
    rank = {fips: place for place, fips in enumerate(biggest_first)}
    return {min(counties, key=rank.__getitem__) for counties in counties_by_kind.values()}


def covering_counties(data: CompiledData) -> set[str]:
    """The counties that give the sample every kind of county (see HEADER)."""
    # Ties in population are broken by FIPS, so the choice does not depend on the sort's order among equals.
    smallest_first = list(data.counties.sort_values(["population", "fips"])["fips"])
    biggest_first = list(data.counties.sort_values(["population", "fips"], ascending=[False, True])["fips"])
    states = data.counties_by_fips["state_abbr"]
    evidence = CountyEvidence.assemble(data)
    layers = [*build_layers(evidence).values(), *build_layers(evidence, reviewed_only=True).values()]
    operators = pd.Series(
        {fips: county_governance(data, fips)["jail_operator"]["value"] for fips in data.counties["fips"]}
    )
    facilities = data.detention_facilities.dropna(subset=["county_fips"])
    counties_by_contract = facilities.groupby("contract_type")["county_fips"].agg(set).to_dict()
    return (
        most_populous_of_each(states, biggest_first)
        | most_populous_of_each(states, smallest_first)
        | {fips for layer in layers for fips in most_populous_of_each(layer.county_class, biggest_first)}
        | most_populous_of_each(operators, biggest_first)
        | most_populous_with_each(counties_by_contract, biggest_first)
        | set(data.county_governance["county_fips"])
        | set(LEADING_COUNTIES)
    )


def choose_sample(data: CompiledData) -> list[str]:
    """The sample in its order (see HEADER)."""
    chosen = covering_counties(data)
    if len(chosen) > SAMPLE_SIZE:
        raise ValueError(f"{len(chosen)} counties are needed to cover every kind, more than {SAMPLE_SIZE}")
    picker = random.Random(SEED)
    detention = build_layers(CountyEvidence.assemble(data))["ice_beds"].county_class
    with_detention = set(detention[detention != "none_listed"].index)
    missing_detention = max(DETENTION_COUNTIES - len(chosen & with_detention), 0)
    chosen |= set(picker.sample(sorted(with_detention - chosen), missing_detention))
    chosen |= set(picker.sample(sorted(set(data.counties["fips"]) - chosen), SAMPLE_SIZE - len(chosen)))
    others = sorted(chosen - set(LEADING_COUNTIES))
    picker.shuffle(others)
    return [*LEADING_COUNTIES, *others]


def read_sample() -> list[str]:
    """The committed sample, checked: SAMPLE_SIZE distinct 5-character FIPS codes."""
    lines = SAMPLE_FILE.read_text(encoding="utf-8").splitlines()
    sample = [line for line in lines if line and not line.startswith("#")]
    malformed = [fips for fips in sample if len(fips) != 5 or not fips.isdigit()]
    if malformed or len(set(sample)) != SAMPLE_SIZE:
        raise ValueError(
            f"{SAMPLE_FILE} must hold {SAMPLE_SIZE} distinct 5-digit FIPS codes; it holds "
            f"{len(set(sample))}, malformed: {malformed[:5]}"
        )
    return sample


def main() -> int:
    sample = choose_sample(load())
    SAMPLE_FILE.write_text(HEADER + "".join(f"{fips}\n" for fips in sample), encoding="utf-8")
    print(f"wrote {len(sample)} counties to {SAMPLE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
