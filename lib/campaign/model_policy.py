"""A model policy to adapt: the provisions an organizer picks, as draft policy text, each marked by how the state's
law stands on it (allowed, limited, already required, pre-empted) with the laws' citations and dates, read from the
same standings as the asks (lib.asks.standing). Two provisions concern practices our state-law table does not
cover; they say so, and warn where the state bars local limits on other practices.

A recommendation, not legal advice: draft text for a lawyer to check."""

from dataclasses import dataclass

from lib import registry
from lib.asks import WHAT_REMAINS_IN_THE_JAIL, WHAT_REMAINS_POSSIBLE
from lib.campaign.document import Heading, Paragraph, Part
from lib.campaign.facts import laws_read_on, laws_standing
from lib.i18n import N_, _
from lib.vocab import ASK_ALLOWED, ASK_ALREADY_REQUIRED, ASK_LIMITED, ASK_PREEMPTED

MODEL_POLICY = "model_policy"
NOT_COVERED = "not_covered"  # a provision on a practice the state-law table has no indicator for


@dataclass(frozen=True)
class Provision:
    id: str
    indicator: str | None  # the registry indicator whose state laws decide it; None where the table has none
    title: str
    text: str


PROVISIONS = (
    Provision(
        "no_holds",
        registry.HOLDS,
        N_("No holds without a judicial warrant"),
        N_(
            "The jail shall not keep anyone in custody on an ICE detainer, or past the time they would otherwise be "
            "released, unless a judge has signed a warrant for it."
        ),
    ),
    Provision(
        "no_release_notices",
        registry.NOTIFICATIONS,
        N_("No release-date notices to ICE"),
        N_(
            "The jail shall not tell ICE when a person will be released, nor share other information about a person "
            "that is not public, unless a judge has signed a warrant for it."
        ),
    ),
    Provision(
        "no_interviews",
        registry.JAIL_ACCESS,
        N_("No ICE interviews without consent and counsel"),
        N_(
            "ICE agents shall not interview a person held in the jail unless that person has agreed in writing, "
            "after being told in a language they read that they may decline and may have their lawyer present."
        ),
    ),
    Provision(
        "no_287g",
        registry.AGREEMENT_287G,
        N_("No 287(g) agreement"),
        N_("The county shall not sign or renew a 287(g) agreement with ICE, and shall end any it now holds."),
    ),
    Provision(
        "no_detention_contracts",
        registry.ICE_BEDS,
        N_("No new or renewed detention contracts"),
        N_(
            "The county shall not sign, renew or extend an agreement to hold people for ICE, including one made "
            "through the U.S. Marshals Service."
        ),
    ),
    Provision(
        "no_status_questions",
        None,
        N_("No immigration questions"),
        N_(
            "County staff shall not ask anyone about their immigration status or place of birth, except where a law "
            "requires it for a purpose other than immigration enforcement."
        ),
    ),
    Provision(
        "public_reporting",
        None,
        N_("Public reporting of ICE requests"),
        N_(
            "Every quarter, the jail shall publish how many ICE detainers, requests for release dates and requests "
            "for interviews it received, and how it answered them, with nothing that identifies anyone."
        ),
    ),
)
PROVISIONS_BY_ID = {provision.id: provision for provision in PROVISIONS}
STANDING_MARKS = {
    ASK_ALLOWED: N_("Allowed"),
    ASK_LIMITED: N_("Limited"),
    ASK_ALREADY_REQUIRED: N_("Already required"),
    ASK_PREEMPTED: N_("Pre-empted"),
    NOT_COVERED: N_("Not in our table"),
}


def provision_standing(profile: dict, provision: Provision) -> tuple[str, str]:
    """How the state's law stands on a provision here, and the sentence that says so with the laws it rests on."""
    state, read = profile["state"], laws_read_on(profile)
    if not profile["state_laws"]:
        return NOT_COVERED, _(
            "Our table has no law of {state} yet: that is unknown, not silence. Check {state}'s law before "
            "proposing it."
        ).format(state=state)
    if provision.indicator is None:
        preempting = laws_standing(profile, ASK_PREEMPTED)
        if preempting:
            text = _(
                "Our state-law table does not cover this. {state}'s law bars local limits on other practices "
                "({laws}) and may reach this one: check before proposing it."
            ).format(state=state, laws="; ".join(preempting))
        else:
            text = _("Our state-law table does not cover this ({read}): check {state}'s law before proposing it.")
            text = text.format(state=state, read=read)
        return NOT_COVERED, text
    standing = profile["standings"][provision.indicator]
    laws = "; ".join(standing["laws"])
    texts = {
        ASK_ALLOWED: _("Allowed as far as our table shows: it has no {state} law in force on this ({read}).").format(
            state=state, read=read
        ),
        ASK_LIMITED: _(
            "State law already limits this: {laws}. This provision goes further; check that the county may."
        ).format(laws=laws),
        ASK_ALREADY_REQUIRED: _(
            "State law already requires this: {laws}. The provision writes it into county policy."
        ).format(laws=laws),
        ASK_PREEMPTED: _(
            "Pre-empted: {laws}. Leave it out, or put in its place what remains possible: {remains}."
        ).format(laws=laws, remains=_(WHAT_REMAINS_POSSIBLE.get(provision.indicator, WHAT_REMAINS_IN_THE_JAIL))),
    }
    return standing["standing"], texts[standing["standing"]]


def model_policy(profile: dict, provision_ids: list[str] | None = None) -> Part:
    """The model policy with the chosen provisions (all when None), in the current language."""
    chosen = [PROVISIONS_BY_ID[i] for i in provision_ids] if provision_ids is not None else list(PROVISIONS)
    blocks = [
        Paragraph(
            _("Draft policy of {county} on work with U.S. Immigration and Customs Enforcement (ICE).").format(
                county=profile["name"]
            )
        )
    ]
    for number, provision in enumerate(chosen, start=1):
        standing, text = provision_standing(profile, provision)
        mark = STANDING_MARKS[standing]
        blocks += [
            Heading(
                _("Section {number}. {title} [{mark}]").format(number=number, title=_(provision.title), mark=_(mark))
            ),
            Paragraph(_(provision.text)),
            Paragraph(text),
        ]
    if not chosen:
        blocks.append(Paragraph(_("No provision chosen.")))
    return Part(
        MODEL_POLICY,
        _("Model policy: {county}, {state}").format(county=profile["name"], state=profile["state"]),
        _("Recommendation, not legal advice: draft text for a lawyer to check, relying on {laws}.").format(
            laws=laws_read_on(profile)
        ),
        tuple(blocks),
    )
