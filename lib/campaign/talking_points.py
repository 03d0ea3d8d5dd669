"""Talking points for five audiences (county board members, the office that runs the jail, the press, faith and
community groups, business), each followed by the county's own facts that audience weighs most, every fact with
its source and date (lib.campaign.facts).

Message themes follow the 2015 ILRC / United We Dream toolkit's messaging table and the ACLU of Southern
California's advice to know the audience; police leaders' own arguments come from PERF's report on police and
immigration and the 2024 memo on preserving community trust. All in our own words. A recommendation, not legal
advice."""

from dataclasses import dataclass

from lib.campaign.document import Heading, Items, Paragraph, Part
from lib.campaign.facts import AGREEMENT_FACT, DETENTION_FACT, LAW_FACT, PRACTICE_FACT, county_facts, laws_read_on
from lib.i18n import N_, _

TALKING_POINTS = "talking_points"


@dataclass(frozen=True)
class Audience:
    id: str
    name: str
    points: tuple[str, ...]
    fact_kinds: tuple[str, ...]  # the county facts it weighs most


AUDIENCES = (
    Audience(
        "board",
        N_("County board members"),
        (
            N_(
                "Every hour the jail keeps someone for ICE, and every ICE request it answers, is paid for from the "
                "county budget the board adopts."
            ),
            N_(
                "Courts have held local governments liable for keeping people on ICE requests alone, and the "
                "county, not ICE, pays (2015 toolkit, as of 2015)."
            ),
            N_(
                "The board can ask for the jail's ICE policy and counts and hear them in public: oversight needs no "
                "new law."
            ),
        ),
        (AGREEMENT_FACT, DETENTION_FACT, LAW_FACT),
    ),
    Audience(
        "jail",
        N_("The office that runs the jail"),
        (
            N_(
                "Police leaders themselves warn that crime goes unreported when residents fear that any contact "
                "with local officers leads to deportation (PERF's report on police and immigration; the 2024 memo "
                "on community trust)."
            ),
            N_(
                "A written policy protects the office: staff know what to do, and residents can see that local "
                "officers are not doing ICE's work."
            ),
            N_("Publishing counts of ICE requests and answers shows the office has nothing to hide."),
        ),
        (PRACTICE_FACT, AGREEMENT_FACT, LAW_FACT),
    ),
    Audience(
        "press",
        N_("The press"),
        (
            N_(
                "What the jail does with ICE is public business: the policy, the counts and the contracts are "
                "public records."
            ),
            N_(
                "Where no record says what the jail does, that is unknown, not a sign that nothing happens: ask the "
                "office to put it in writing."
            ),
            N_("Every fact below has its source and date; check it before you print it."),
        ),
        (PRACTICE_FACT, AGREEMENT_FACT, DETENTION_FACT, LAW_FACT),
    ),
    Audience(
        "faith",
        N_("Faith and community groups"),
        (
            N_(
                "Families are separated when a stay in the county jail becomes a transfer to ICE; children and "
                "congregations carry the loss."
            ),
            N_(
                "Everyone deserves the same treatment and a fair hearing, whatever their papers; a county's jail "
                "should not sort people by status."
            ),
            N_("Congregations can host know-your-rights sessions and come to the board's meetings together."),
        ),
        (PRACTICE_FACT, AGREEMENT_FACT),
    ),
    Audience(
        "business",
        N_("Business"),
        (
            N_(
                "Workers, customers and owners who fear any contact with local police stay home; deportations take "
                "workers and customers out of the local economy."
            ),
            N_("Taxpayers' money spent doing ICE's work is money not spent on local services that businesses rely on."),
            N_("A county known for fair treatment finds it easier to keep and attract workers."),
        ),
        (DETENTION_FACT, AGREEMENT_FACT),
    ),
)


def talking_points(profile: dict) -> Part:
    """Talking points for every audience, each tied to the county's facts, in the current language."""
    facts = county_facts(profile)
    blocks = [
        Paragraph(
            _(
                "Lead with a story from someone affected, where it is safe to tell. Avoid framing people as "
                "“criminals” or “good immigrants”: the case is equal treatment for everyone."
            )
        )
    ]
    for audience in AUDIENCES:
        own = [fact.text for fact in facts if fact.kind in audience.fact_kinds]
        blocks += [
            Heading(_(audience.name)),
            Items(tuple(_(point) for point in audience.points)),
        ]
        if own:
            blocks += [
                Paragraph(_("Facts of {county} to use:").format(county=profile["name"])),
                Items(tuple(own)),
            ]
        else:
            blocks.append(Paragraph(_("We found no county facts on this; the records request can find some.")))
    return Part(
        TALKING_POINTS,
        _("Talking points: {county}, {state}").format(county=profile["name"], state=profile["state"]),
        _("Recommendation, not legal advice: talking points relying on {laws}.").format(laws=laws_read_on(profile)),
        tuple(blocks),
    )
