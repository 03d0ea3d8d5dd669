"""How a county's jail is classified: per indicator (holds, notifications, jail access), then one level.

The rules, in words, are RULES (English, N_-marked; the Sources & method page shows rules_markdown()).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from lib.i18n import N_, _
from lib.registry import (CLASSIFIED_IDS, COLLABORATION_RANK, HOLDS, HONORS, HONORS_HOLDS, LEVEL_INDICATORS, LIMITED,
                          LIMITS_HOLDS, PARTNERSHIP, REFUSAL_LEVELS, REFUSES, UNKNOWN)
from lib.vocab import LOCAL_SCOPE, NOT_DRAFT, REVIEWED, STATE_SCOPE

RULES = N_(
    """How a county's jail is classified: per indicator (holds, notifications, jail access), then one level.

The rules, in words:

1. Only the agency that runs the county's jail (the sheriff, or a county jail or corrections department)
   sets the jail's indicators. Agreements of city, state and other agencies are shown on the county page
   but never put on the county's jail.
2. A 287(g) jail enforcement or warrant service agreement of that agency means the jail honors ICE holds
   and gives ICE access to the jail.
3. A contract under which the county-run jail holds people for ICE (an IGSA, or a U.S. Marshals IGA used
   by ICE) means ICE is present in the jail: it gives ICE access. A private or federal facility in the
   county is ICE detention in the county, not the jail's practice, and sets nothing.
4. A state law sets an indicator for every county of the state where it requires the practice (honors),
   limits it (limited) or forbids it (refuses), unless local evidence is more specific. Local evidence that
   stays within the law (a county refusing holds in a state that limits them) is the more specific and
   decides. Where local evidence and the law disagree (ICE still lists an agreement in a state whose law
   forbids what it does), both are shown with their dates and the latest in-force evidence decides; on the
   same date the law decides. A law that only pre-empts local limits, or is enjoined or repealed, sets
   nothing by itself.
5. No evidence means unknown. A county is never shown as refusing anything without evidence.

The level for the map color, from most to least collaboration: formal partnership (287(g) of the jail's
agency, or ICE beds in the county jail) → honors holds → limits holds → refuses holds only → refuses holds
and one of notifications or access → refuses all three. Unknown is not a level: it is its own state, shown
apart from every level.""")


def rules_markdown() -> str:
    """The classification rules (RULES) in the current language, as Markdown."""
    return _(RULES)



@dataclass(frozen=True)
class Evidence:
    """One dated fact that sets (or, for context rows, only informs) an indicator."""

    indicator: str
    value: str | None  # honors / limited / refuses (lib.registry); None for context that sets nothing
    scope: str  # LOCAL_SCOPE (this county's jail) or STATE_SCOPE (a law for every county), lib.vocab
    basis: str  # statute / agreement / contract / local policy
    source: str
    as_of: str  # the source's own date
    effective: str  # when the fact took effect (signed, adopted, in force), for "latest decides"
    summary: str
    review_status: str = REVIEWED
    in_force: bool = True
    url: str | None = None
    effect: str | None = None  # the source's own word for a law ("preempts_local_limits", …), kept for the asks

    @property
    def is_draft(self) -> bool:
        return self.review_status not in NOT_DRAFT


@dataclass(frozen=True)
class Indicator:
    value: str
    decided_by: Evidence | None
    evidence: tuple[Evidence, ...] = ()

    @property
    def rests_on_draft(self) -> bool:
        return self.decided_by is not None and self.decided_by.is_draft


@dataclass(frozen=True)
class Classification:
    indicators: dict[str, Indicator]
    partnership: tuple[Evidence, ...] = field(default=())
    level: str = UNKNOWN

    @property
    def rests_on_draft(self) -> bool:
        if self.partnership:
            return all(e.is_draft for e in self.partnership)
        deciding = (HOLDS,) if self.level in (HONORS_HOLDS, LIMITS_HOLDS, UNKNOWN) else LEVEL_INDICATORS
        return any(self.indicators[name].rests_on_draft for name in deciding)


def _compatible(law: Evidence, local: Evidence) -> bool:
    """Does local evidence stay within what the law allows? A law that requires a practice is a floor;
    one that limits or forbids it is a ceiling."""
    if law.value == HONORS:
        return local.value == HONORS
    return COLLABORATION_RANK[local.value] <= COLLABORATION_RANK[law.value]


def _latest(rows: list[Evidence], prefer: str) -> Evidence:
    return max(rows, key=lambda e: (e.effective, e.scope == prefer))


def decide(evidence: Iterable[Evidence]) -> Indicator:
    """One indicator of one county from all its evidence rows (rules 4 and 5)."""
    rows = tuple(evidence)
    setting = [e for e in rows if e.in_force and e.value is not None]
    laws = [e for e in setting if e.scope == STATE_SCOPE]
    local = [e for e in setting if e.scope == LOCAL_SCOPE]
    if not setting:
        return Indicator(UNKNOWN, None, rows)
    if not laws:
        return Indicator(_latest(local, LOCAL_SCOPE).value, _latest(local, LOCAL_SCOPE), rows)
    law = _latest(laws, STATE_SCOPE)
    if not local:
        return Indicator(law.value, law, rows)
    newest_local = _latest(local, LOCAL_SCOPE)
    if _compatible(law, newest_local):
        return Indicator(newest_local.value, newest_local, rows)
    winner = _latest([law, newest_local], STATE_SCOPE)
    return Indicator(winner.value, winner, rows)


def level_of(indicators: dict[str, Indicator], partnership: tuple[Evidence, ...]) -> str:
    if partnership:
        return PARTNERSHIP
    holds = indicators[HOLDS].value
    if holds == HONORS:
        return HONORS_HOLDS
    if holds == LIMITED:
        return LIMITS_HOLDS
    if holds == UNKNOWN:
        return UNKNOWN
    refused = sum(indicators[name].value == REFUSES for name in LEVEL_INDICATORS if name != HOLDS)
    return REFUSAL_LEVELS[refused]


def classify(evidence: Iterable[Evidence], partnership: Iterable[Evidence] = (), reviewed_only: bool = False
             ) -> Classification:
    """Everything known about one county's jail → its indicators and level.

    `partnership` holds the facts that make a formal partnership (287(g) of the jail's agency, ICE beds in
    the county jail); with reviewed_only, draft evidence is left out entirely.
    """
    rows = [e for e in evidence if not (reviewed_only and e.is_draft)]
    partners = tuple(e for e in partnership if e.in_force and not (reviewed_only and e.is_draft))
    indicators = {name: decide(e for e in rows if e.indicator == name) for name in CLASSIFIED_IDS}
    return Classification(indicators, partners, level_of(indicators, partners))
