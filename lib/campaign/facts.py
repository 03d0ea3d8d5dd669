"""The county's own facts as the campaign kit cites them: each a sentence that carries its source and its date, so
that a talking point or a meeting question read aloud can be checked. An unknown practice is said to be unknown,
never "no"; a detention count below ten people a day is not given as a number (no breakdown of fewer than ten
people)."""

from dataclasses import dataclass

from lib import money, registry
from lib.evidence import AS_OF_LABEL, as_of_text
from lib.i18n import N_, _
from lib.registry import CLASSIFIED_IDS, UNKNOWN, VALUE_WORDS
from lib.vocab import MUNICIPAL, NOT_DRAFT

# What a fact is about: the talking points for each audience pick the kinds it cares about.
PRACTICE_FACT, AGREEMENT_FACT, DETENTION_FACT, LAW_FACT = (
    "practice_fact",
    "agreement_fact",
    "detention_fact",
    "law_fact",
)
SMALLEST_COUNT_SHOWN = 10  # people: a smaller average is said as "fewer than 10"
DRAFT_MARK = N_("draft: not yet reviewed")


@dataclass(frozen=True)
class CountyFact:
    kind: str
    text: str


def _dated(as_of: str) -> str:
    """'as of 2026-05-18'; a source's own "as of 2015" label as it is, in the current language."""
    if AS_OF_LABEL.match(as_of):
        return as_of_text(as_of)
    return _("as of {date}").format(date=as_of)


def _practice_facts(profile: dict) -> list[CountyFact]:
    facts = []
    for indicator in CLASSIFIED_IDS:
        record = profile["indicators"][indicator]
        name = _(registry.indicator_name(indicator))
        if record["value"] == UNKNOWN:
            text = _("{practice}: unknown. We found no evidence either way; unknown does not mean no collaboration.")
            facts.append(CountyFact(PRACTICE_FACT, text.format(practice=name)))
            continue
        text = _("{practice}: {value} (source: {source}, {as_of})").format(
            practice=name, value=_(VALUE_WORDS[record["value"]]), source=record["source"], as_of=_dated(record["as_of"])
        )
        if record["review_status"] not in NOT_DRAFT:
            text = f"{text} — {_(DRAFT_MARK)}"
        facts.append(CountyFact(PRACTICE_FACT, text))
    return facts


def _agreement_facts(profile: dict) -> list[CountyFact]:
    facts = []
    for agreement in profile["agreements_287g"]:
        values = {
            "agency": agreement["agency"],
            "agency_type": agreement["agency_type_label"],
            "model": agreement["model_label"],
            "date": agreement["source_date"],
        }
        if agreement["signed"]:
            text = _(
                "{agency} ({agency_type}) is on ICE's list of 287(g) agreements: {model}, signed {signed} (ICE's "
                "287(g) list, as of {date})"
            ).format(signed=agreement["signed"], **values)
        else:
            text = _(
                "{agency} ({agency_type}) is on ICE's list of 287(g) agreements: {model} (ICE's 287(g) list, as of "
                "{date})"
            ).format(**values)
        facts.append(CountyFact(AGREEMENT_FACT, text))
    return facts


def _detention_facts(profile: dict) -> list[CountyFact]:
    facts = []
    for facility in profile["money"]["detention"]:
        year = money.latest_fiscal_year(facility)
        if year is None:
            continue
        population = facility[year]
        values = {"facility": facility["facility"], "contract": facility["contract"], "year": year}
        values["date"] = facility["as of"]
        if population < SMALLEST_COUNT_SHOWN:
            text = _(
                "{facility} ({contract}) held fewer than 10 people a day for ICE on average in {year} (ICE "
                "detention statistics, as of {date})"
            ).format(**values)
        else:
            text = _(
                "{facility} ({contract}) held {population} people a day for ICE on average in {year} (ICE "
                "detention statistics, as of {date})"
            ).format(population=round(population), **values)
        facts.append(CountyFact(DETENTION_FACT, text))
    return facts


def _law_facts(profile: dict) -> list[CountyFact]:
    references = dict.fromkeys(law for standing in profile["standings"].values() for law in standing["laws"])
    return [CountyFact(LAW_FACT, _("{state} law: {law}").format(state=profile["state"], law=law)) for law in references]


def county_facts(profile: dict) -> list[CountyFact]:
    """Every fact of the county the kit cites, practices first."""
    return [
        *_practice_facts(profile),
        *_agreement_facts(profile),
        *_detention_facts(profile),
        *_law_facts(profile),
    ]


def county_agreements(profile: dict) -> list[dict]:
    """The county's own 287(g) agreements: a city police department's is the city's, asked of the city."""
    return [agreement for agreement in profile["agreements_287g"] if agreement["agency_type"] != MUNICIPAL]


def laws_read_on(profile: dict) -> str:
    """The date the state's laws were read, for the label of a text that relies on them; a state with no row in
    the state-law table says so, since that is not the same as a state with no law."""
    dates = [law["source_date"] for law in profile["state_laws"] if law.get("source_date")]
    if not dates:
        return _("no law of {state} in our table yet (unknown, not silence)").format(state=profile["state"])
    return _("{state}'s laws as read on {date}").format(state=profile["state"], date=max(dates))


def laws_standing(profile: dict, standing: str) -> list[str]:
    """The state laws, once each, behind every indicator on which the state's law stands as `standing`
    (lib.vocab.ASK_STANDINGS)."""
    laws = (law for s in profile["standings"].values() if s["standing"] == standing for law in s["laws"])
    return list(dict.fromkeys(laws))
