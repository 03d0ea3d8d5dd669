"""Hand-made evidence rows (lib.classify.Evidence) for the rule tests: a reviewed fact unless told otherwise."""

from lib.classify import Evidence
from lib.vocab import LOCAL_SCOPE, REVIEWED, STATE_SCOPE


def fact(value, scope=LOCAL_SCOPE, effective="2020-01-01", indicator="holds", basis=None, review=REVIEWED,
         in_force=True, summary=None, effect=None) -> Evidence:
    """One fact; its basis is a statute for a state fact and an agreement for a local one, unless given."""
    basis = basis or ("statute" if scope == STATE_SCOPE else "agreement")
    return Evidence(indicator=indicator, value=value, scope=scope, basis=basis, source="test", as_of=effective,
                    effective=effective, summary=summary or f"{scope} {value}", review_status=review,
                    in_force=in_force, effect=effect)
