"""How a county's jail is classified: per indicator (holds, notifications, jail access), then one level.

The rules, in words, are RULES (English, N_-marked; the Sources & method page shows rules_markdown()).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from lib.i18n import N_, _
from lib.registry import (
    CLASSIFIED_IDS,
    COLLABORATION_RANK,
    CONFLICT_MARK,
    HOLDS,
    HONORS,
    HONORS_HOLDS,
    LEVEL_INDICATORS,
    LIMITED,
    LIMITS_HOLDS,
    OCCASIONAL_CONTRACT_MARK,
    PARTNERSHIP,
    REFUSAL_LEVELS,
    REFUSES,
    STREET_TASK_FORCE_MARK,
    UNKNOWN,
)
from lib.vocab import LOCAL_SCOPE, NOT_DRAFT, REVIEWED, RULING_BASES, STATE_SCOPE

RULES = N_(
    """How a county's jail is classified: per indicator (holds, notifications, jail access), then one level.

The rules, in words:

1. Only the agency that runs the county's jail sets the jail's indicators: the sheriff where sheriffs run
   the jails; the county's corrections department, jail authority or elected jailer where one does (in
   Kentucky, New Hampshire, New Mexico and Pennsylvania sheriffs run no jail, so a sheriff's agreement there
   is not the jail's); a metro police department or regional jail authority named as the county's jail
   operator (a regional authority's agreement counts in each member county); the state's corrections agency
   where the state runs every jail (Alaska, Connecticut, Delaware, Hawaii, Rhode Island, Vermont, and West
   Virginia since 2018). Every other agency's agreements are shown as the county's other agreements, never
   put on the county's jail.
2. A 287(g) jail enforcement or warrant service agreement of that operator means the jail honors ICE holds
   and gives ICE access to the jail, and makes a formal partnership.
3. An ICE detention contract in use makes a formal partnership and gives ICE access: the county-run jail
   held, under an IGSA or a U.S. Marshals IGA ICE uses, on average at least 1 person a day for ICE in the
   last full fiscal year (the number is shown). A contract used occasionally (under 1 a day) is marked and
   sets nothing. A private or federal facility in the county is ICE detention in the county, not the jail's
   practice, and sets nothing.
4. A 287(g) task force model, of any agency, is ICE's task force on the street, not the jail: it is marked
   ("ICE task force on the street") and sets no indicator and no level.
5. A state law sets an indicator for every county of the state where it requires the practice (honors),
   limits it (limited) or forbids it (refuses), unless local evidence says what the jail does. Where local
   evidence and the law disagree (ICE lists a 287(g) jail model in a state whose law or courts forbid
   honoring holds), this is not settled by which is newer: the conflict is shown with both sides and their
   dates, and the indicator follows the documented practice (a source that shows it since the law took
   effect, such as ICE's current list); it changes only when a ruling or order names that agency or
   agreement. A practice documented only before the law took effect gives way to the law. A law that only
   pre-empts local limits, or is enjoined or repealed, sets nothing by itself.
6. No evidence means unknown. A county is never shown as refusing anything without evidence.

The level for the map color, from most to least collaboration: formal partnership (rules 2 and 3) →
honors holds → limits holds → refuses holds only → refuses holds and one of notifications or access →
refuses all three. Unknown is not a level: it is its own state, shown apart from every level. The marks
(ICE task force on the street, a contract used occasionally, a conflict between law and practice) are
shown beside the level and never change it."""
)


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
    documented: str = ""  # the date the source shows the practice still holds (ICE's list date); empty: as_of

    @property
    def documented_on(self) -> str:
        return self.documented or self.as_of

    @property
    def is_draft(self) -> bool:
        return self.review_status not in NOT_DRAFT


@dataclass(frozen=True)
class Conflict:
    """A state law or ruling that forbids or limits what the documented practice does, both with their dates."""

    law: Evidence
    practice: Evidence


@dataclass(frozen=True)
class Indicator:
    value: str
    decided_by: Evidence | None
    evidence: tuple[Evidence, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    @property
    def rests_on_draft(self) -> bool:
        return self.decided_by is not None and self.decided_by.is_draft


@dataclass(frozen=True)
class Classification:
    indicators: dict[str, Indicator]
    partnership: tuple[Evidence, ...] = field(default=())
    level: str = UNKNOWN
    street: tuple[Evidence, ...] = field(default=())  # 287(g) task force models of any agency in the county
    occasional: tuple[Evidence, ...] = field(default=())  # county jail contracts used under 1 a day
    other_agreements: tuple[Evidence, ...] = field(default=())  # jail models of agencies that run no jail here
    partnership_conflicts: tuple[Conflict, ...] = field(default=())

    @property
    def rests_on_draft(self) -> bool:
        if self.partnership:
            return all(e.is_draft for e in self.partnership)
        deciding = (HOLDS,) if self.level in (HONORS_HOLDS, LIMITS_HOLDS, UNKNOWN) else LEVEL_INDICATORS
        return any(self.indicators[name].rests_on_draft for name in deciding)

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Every conflict between a law and the practice, each law and practice once."""
        every = [c for i in self.indicators.values() for c in i.conflicts] + list(self.partnership_conflicts)
        seen = {}
        for conflict in every:
            seen.setdefault((conflict.law.summary, conflict.practice.summary), conflict)
        return tuple(seen.values())

    @property
    def marks(self) -> tuple[str, ...]:
        """The marks shown beside the level (lib.registry.MARKS), in their order."""
        present = {
            STREET_TASK_FORCE_MARK: bool(self.street),
            OCCASIONAL_CONTRACT_MARK: bool(self.occasional),
            CONFLICT_MARK: bool(self.conflicts),
        }
        return tuple(mark for mark, shown in present.items() if shown)


def _compatible(law: Evidence, local: Evidence) -> bool:
    """Does local evidence stay within what the law allows? A law that requires a practice is a floor;
    one that limits or forbids it is a ceiling."""
    if law.value == HONORS:
        return local.value == HONORS
    return COLLABORATION_RANK[local.value] <= COLLABORATION_RANK[law.value]


def _latest(rows: list[Evidence]) -> Evidence:
    return max(rows, key=lambda e: e.effective)


def _documented_since(practice: Evidence, law: Evidence) -> bool:
    """Does the practice's source show it on or after the day the law took effect (or is the law's date unknown)?
    A practice documented only before the law (a 2015 policy, a law of 2017) is no evidence against the law."""
    return not law.effective or practice.documented_on >= law.effective


def decide(evidence: Iterable[Evidence]) -> Indicator:
    """One indicator of one county from all its evidence rows (rules 5 and 6). The documented practice is the
    newest local row, unless a ruling or order names the county's agency (a local row on such a basis): then the
    newest of those. A law the practice goes beyond, where the practice is documented since the law took effect,
    is a conflict: shown, and it does not decide. A practice documented only before the law gives way to it."""
    rows = tuple(evidence)
    setting = [e for e in rows if e.in_force and e.value is not None]
    laws = [e for e in setting if e.scope == STATE_SCOPE]
    local = [e for e in setting if e.scope == LOCAL_SCOPE]
    if not setting:
        return Indicator(UNKNOWN, None, rows)
    rulings = [e for e in local if e.basis in RULING_BASES]
    practice = _latest(rulings or local) if local else None
    if not laws:
        return Indicator(practice.value, practice, rows)
    law = _latest(laws)
    if practice is None:
        return Indicator(law.value, law, rows)
    if _compatible(law, practice):
        return Indicator(practice.value, practice, rows)
    if not _documented_since(practice, law):
        return Indicator(law.value, law, rows)
    return Indicator(practice.value, practice, rows, (Conflict(law, practice),))


def partnership_conflicts(partnership: Iterable[Evidence], laws: Iterable[Evidence]) -> tuple[Conflict, ...]:
    """A formal partnership's facts (an agreement, a contract) against the state's laws in force that forbid
    them (a 287(g) ban, a ban on ICE detention contracts): each pair a conflict, the partnership kept."""
    forbidding = [law for law in laws if law.in_force and law.value == REFUSES]
    return tuple(Conflict(law, fact) for fact in partnership for law in forbidding if law.indicator == fact.indicator)


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


def classify(
    evidence: Iterable[Evidence],
    partnership: Iterable[Evidence] = (),
    reviewed_only: bool = False,
    *,
    partnership_laws: Iterable[Evidence] = (),
    street: Iterable[Evidence] = (),
    occasional: Iterable[Evidence] = (),
    other_agreements: Iterable[Evidence] = (),
) -> Classification:
    """Everything known about one county's jail → its indicators, level and marks.

    `partnership` holds the facts that make a formal partnership (rules 2 and 3), `partnership_laws` the state's
    laws on those facts (287(g), ICE detention contracts); `street`, `occasional` and `other_agreements` are
    shown beside the level and set nothing. With reviewed_only, draft evidence is left out entirely.
    """

    def kept(rows: Iterable[Evidence]) -> tuple[Evidence, ...]:
        return tuple(e for e in rows if not (reviewed_only and e.is_draft))

    rows = kept(evidence)
    partners = tuple(e for e in kept(partnership) if e.in_force)
    indicators = {name: decide(e for e in rows if e.indicator == name) for name in CLASSIFIED_IDS}
    return Classification(
        indicators,
        partners,
        level_of(indicators, partners),
        street=kept(street),
        occasional=kept(occasional),
        other_agreements=kept(other_agreements),
        partnership_conflicts=partnership_conflicts(partners, kept(partnership_laws)),
    )
