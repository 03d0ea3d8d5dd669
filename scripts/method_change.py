"""Writes the counties whose level a change of method moved (curation/method_changes.csv), from the levels the
committed build had under the earlier method (a file of `python -m scripts.level_figures`, run before the change)
and the levels it has now. Same sources, different rules: each change is the method's, not a jail's.

    python -m scripts.method_change LEVELS_BEFORE.csv DATE
"""

import sys

import pandas as pd

from lib.classify import Classification
from lib.data import load
from lib.evidence import CountyEvidence
from lib.methodchange import METHOD_CHANGES_FILE
from lib.registry import PARTNERSHIP
from lib.vocab import CONTRACT_NOT_IN_USE, JAIL_OPERATOR_FOUND, NOT_THE_JAIL_OPERATOR, TASK_FORCE_ONLY


def reasons(before: str, after: Classification) -> str:
    """Why the level moved, from what the county has under the new method."""
    if after.level == PARTNERSHIP:
        return JAIL_OPERATOR_FOUND
    if before != PARTNERSHIP:
        raise ValueError(f"a change from {before} to {after.level} that the method does not explain")
    found = [NOT_THE_JAIL_OPERATOR] if after.other_agreements else []
    found += [TASK_FORCE_ONLY] if after.street else []
    return ";".join(found or [CONTRACT_NOT_IN_USE])


def main(levels_before: str, changed_on: str) -> None:
    data = load()
    before = pd.read_csv(levels_before, dtype=str).set_index("fips")["level"]
    after = CountyEvidence.assemble(data).classify_all()
    counties = data.counties_by_fips
    changed = pd.DataFrame(
        [
            {
                "changed_on": changed_on,
                "fips": fips,
                "county": counties.at[fips, "name"],
                "state_abbr": counties.at[fips, "state_abbr"],
                "level_before": before[fips],
                "level_after": result.level,
                "reasons": reasons(before[fips], result),
            }
            for fips, result in after.items()
            if before[fips] != result.level
        ]
    )
    changed.to_csv(METHOD_CHANGES_FILE, index=False, lineterminator="\n")
    print(f"{len(changed)} counties changed level; written to {METHOD_CHANGES_FILE}")


if __name__ == "__main__":
    main(*sys.argv[1:])
