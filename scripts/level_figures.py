"""Counts of the committed build, for a change's before → after: counties per level (all evidence and reviewed
only), unknown counties per indicator, and the counties each mark reaches. With a file name, also every county's
level, one row per county, to compare two builds.

    python -m scripts.level_figures [levels.csv]
"""

import sys
from collections import Counter

import pandas as pd

from lib.data import load
from lib.evidence import CountyEvidence
from lib.registry import CLASSIFIED_IDS, LEVELS, UNKNOWN


def figures(evidence: CountyEvidence) -> dict[str, dict[str, int]]:
    every = evidence.classify_all()
    reviewed = evidence.classify_all(reviewed_only=True)
    levels = Counter(c.level for c in every.values())
    reviewed_levels = Counter(c.level for c in reviewed.values())
    unknown = {name: sum(c.indicators[name].value == UNKNOWN for c in every.values()) for name in CLASSIFIED_IDS}
    marks = Counter(mark for c in every.values() for mark in getattr(c, "marks", ()))
    conflicts = sum(bool(getattr(c, "conflicts", ())) for c in every.values())
    return {
        "counties per level": {level: levels[level] for level in LEVELS},
        "counties per level, reviewed only": {level: reviewed_levels[level] for level in LEVELS},
        "unknown per indicator": unknown,
        "counties per mark": dict(sorted(marks.items())),
        "counties with a conflict": {"conflicts": conflicts},
    }


def main(argv: list[str]) -> None:
    evidence = CountyEvidence.assemble(load())
    for title, counts in figures(evidence).items():
        print(f"{title}: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    if argv:
        levels = evidence.classify_all()
        pd.DataFrame({"fips": list(levels), "level": [c.level for c in levels.values()]}).to_csv(argv[0], index=False)


if __name__ == "__main__":
    main(sys.argv[1:])
