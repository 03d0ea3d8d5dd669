"""What officials say when asked to stop working with ICE, and answers that fit the county's state: where state law
requires the practice or bars local limits on it, the answer says so, names the law and what remains possible,
and names the penalty the law sets for officials who break it (data/state_law_penalties.csv).

The claims are the common ones of the 2015 ILRC / United We Dream toolkit and of 2025–2026; the answers are this
project's own words. Federal law is quoted from the text, with the address it was read at (FEDERAL_QUOTES)."""

from dataclasses import dataclass

from lib.asks import WHAT_REMAINS_IN_THE_JAIL, WHAT_REMAINS_POSSIBLE
from lib.campaign.facts import laws_standing
from lib.i18n import N_, _
from lib.registry import AGREEMENT_287G, HOLDS
from lib.vocab import ASK_ALREADY_REQUIRED, ASK_PREEMPTED, IN_FORCE, NOT_DRAFT


@dataclass(frozen=True)
class FederalQuote:
    citation: str
    words: str  # verbatim, from the page at `url`
    url: str
    read_on: str
    version: str  # which text was read


DETAINER_IS_A_REQUEST = FederalQuote(
    "8 C.F.R. § 287.7(a)",
    "The detainer is a request that such agency advise the Service, prior to release of the alien, in order for "
    "the Service to arrange to assume custody",
    "https://www.usborderpatrol.com/usbp/laws/border_patrol608_11",
    "2026-12-04",
    N_("as revised effective 1997-04-01 (62 FR 10312); check the current text at ecfr.gov before citing it"),
)
NO_AGREEMENT_REQUIRED = FederalQuote(
    "8 U.S.C. § 1357(g)(9)",
    "Nothing in this subsection shall be construed to require any State or political subdivision of a State to "
    "enter into an agreement with the Attorney General under this subsection.",
    "http://en.wikisource.org/wiki/Page:United_States_Statutes_at_Large_Volume_110_Part_4.djvu/727",
    "2026-12-04",
    N_("as enacted in 1996, Pub. L. 104-208, § 133, 110 Stat. 3009-564"),
)
FEDERAL_QUOTES = (DETAINER_IS_A_REQUEST, NO_AGREEMENT_REQUIRED)


def quoted(quote: FederalQuote) -> str:
    """'"…" (8 C.F.R. § 287.7(a), as revised …; read at <address> on <date>)'."""
    return _("“{words}” ({citation}, {version}; read at {url} on {date})").format(
        words=quote.words, citation=quote.citation, version=_(quote.version), url=quote.url, date=quote.read_on
    )


@dataclass(frozen=True)
class Pushback:
    claim: str
    answer: str


def _preempted(profile: dict, indicator: str) -> list[str]:
    standing = profile["standings"].get(indicator)
    return standing["laws"] if standing and standing["standing"] == ASK_PREEMPTED else []


def _federal_law_requires(profile: dict) -> Pushback:
    claim = _("“Federal law requires us to hold people for ICE.”")
    laws = _preempted(profile, HOLDS)
    if laws:
        answer = _(
            "Not federal law: federal rules call a detainer a request, {quote}. Here it is state law that requires "
            "it or bars limits on it: {laws}. Ask them to name the section they rely on, and turn to what remains "
            "possible: {remains}."
        ).format(quote=quoted(DETAINER_IS_A_REQUEST), laws="; ".join(laws), remains=_(WHAT_REMAINS_IN_THE_JAIL))
    else:
        answer = _(
            "Federal rules call a detainer a request, {quote}. Ask them to name, in writing, the law they believe "
            "requires it."
        ).format(quote=quoted(DETAINER_IS_A_REQUEST))
    return Pushback(claim, answer)


def _agreement_is_required(profile: dict) -> Pushback:
    claim = _("“We have to sign a 287(g) agreement.”")
    laws = _preempted(profile, AGREEMENT_287G)
    if laws:
        answer = _(
            "Federal law does not require one, {quote}, but state law here does: {laws}. What remains possible: "
            "{remains}."
        ).format(
            quote=quoted(NO_AGREEMENT_REQUIRED), laws="; ".join(laws), remains=_(WHAT_REMAINS_POSSIBLE[AGREEMENT_287G])
        )
    else:
        answer = _(
            "Federal law does not require one, {quote}. Ask which law they mean, and for the draft agreement and its "
            "model before anything is signed."
        ).format(quote=quoted(NO_AGREEMENT_REQUIRED))
    return Pushback(claim, answer)


DANGEROUS_PEOPLE = Pushback(
    N_("“We only work with ICE on dangerous criminals.”"),
    N_(
        "Ask for the numbers: how many ICE requests the jail received in the last 12 months, how many were for "
        "people never convicted of anything, and how many were honored. A detainer can arrive at booking, before "
        "any court has ruled. Keep the answer on equal treatment and due process for everyone, not on sorting "
        "immigrants into good and bad."
    ),
)
FEDERAL_MONEY = Pushback(
    N_("“We would lose federal money.”"),
    N_(
        "Ask which funds, how much, and under which condition, in writing. SCAAP, the federal grant most often "
        "named, pays back part of the cost of jailing some convicted people and is not tied to honoring ICE "
        "holds. Federal attempts to withhold grants from places that limit cooperation have been fought in court "
        "since 2017: check where those cases stand with a lawyer before the meeting."
    ),
)
PARTNER_AGENCY = Pushback(
    N_("“ICE is a law enforcement partner like any other.”"),
    N_(
        "ICE enforces civil immigration law, where a person has no right to a lawyer paid by the government and is "
        "often held far from family. When ICE works through the jail, residents see the local office doing ICE's "
        "work, and victims and witnesses stop calling for help."
    ),
)
NO_POLICY_NEEDED = Pushback(
    N_("“We don't work with ICE, so we need no policy.”"),
    N_(
        "Then writing it down costs nothing. A practice that is not written can change with one phone call; a "
        "written policy lets staff, residents and the next office-holder rely on it."
    ),
)


def _state_law_makes_us(profile: dict) -> Pushback:
    claim = _("“State law makes us do it.”")
    laws = laws_standing(profile, ASK_PREEMPTED)
    if laws:
        answer = _(
            "Partly true here: {laws}. Ask which section they mean and what exactly it requires; read it together. "
            "It does not stop the office from publishing its policy and its counts, telling people in writing that "
            "ICE asked about them, or providing interpreters."
        ).format(laws="; ".join(laws))
    elif forbidding := laws_standing(profile, ASK_ALREADY_REQUIRED):
        answer = _(
            "Here state law points the other way: {laws}. Ask the office to show how it follows that law: its "
            "written policy and its counts."
        ).format(laws="; ".join(forbidding))
    elif profile["state_laws"]:
        answer = _(
            "Our table of {state}'s laws has none in force that requires this or bars local limits on it. Ask them "
            "to name the law and section in writing, and check it with a lawyer."
        ).format(state=profile["state"])
    else:
        answer = _(
            "Our table has no row on {state}'s laws yet: that is unknown, not silence. Ask them to name the law and "
            "section in writing, and check it with a lawyer before the next meeting."
        ).format(state=profile["state"])
    return Pushback(claim, answer)


def _penalties(profile: dict) -> list[Pushback]:
    """Where state law punishes officials or localities that limit cooperation: the claim is true, so the answer
    names each penalty in force and its law, and turns to what remains possible."""
    penalties = []
    in_force = [row for row in profile["state_law_penalties"] if row["status"] == IN_FORCE]
    for penalty in in_force:
        law = _("{law}, {citation}, read {date}").format(
            law=penalty["law_name"], citation=penalty["citation"], date=penalty["source_date"]
        )
        if penalty["review_status"] not in NOT_DRAFT:
            law = _("{law} — draft: not yet checked against the law's text").format(law=law)
        penalties.append(f"{penalty['consequence']} ({law})")
    if not penalties:
        return []
    checked = any(row["review_status"] in NOT_DRAFT for row in in_force)
    if checked:
        answer = _(
            "This is a real risk here: {penalties}. Do not ask the office to break the law; ask for what the law "
            "leaves open: {remains}."
        )
    else:
        answer = _(
            "This may be a real risk here, by readings of the law not yet checked against its text: {penalties}. "
            "Check it with a lawyer; do not ask the office to break the law; ask for what the law leaves open: "
            "{remains}."
        )
    answer = answer.format(penalties="; ".join(penalties), remains=_(WHAT_REMAINS_IN_THE_JAIL))
    return [Pushback(_("“We would be punished under state law.”"), answer)]


def pushbacks(profile: dict) -> list[Pushback]:
    """The pushback to prepare for in this county, the state-law answers first."""
    return [
        _state_law_makes_us(profile),
        *_penalties(profile),
        _federal_law_requires(profile),
        _agreement_is_required(profile),
        Pushback(_(DANGEROUS_PEOPLE.claim), _(DANGEROUS_PEOPLE.answer)),
        Pushback(_(FEDERAL_MONEY.claim), _(FEDERAL_MONEY.answer)),
        Pushback(_(PARTNER_AGENCY.claim), _(PARTNER_AGENCY.answer)),
        Pushback(_(NO_POLICY_NEEDED.claim), _(NO_POLICY_NEEDED.answer)),
    ]
