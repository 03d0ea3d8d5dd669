"""After a win, or while a campaign runs: what to watch at the jail, in the courts and in the streets, and the
records to ask for every quarter, as a tracker to print and tick. Updated for 2026 from the monitoring checklist
of the 2015 ILRC / United We Dream toolkit (task-force agreements, state mandates, U.S. Marshals contracts). No
record about a person is asked for; a story someone tells is theirs to share."""

from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.facts import county_agreements, laws_read_on
from lib.i18n import N_, _

MONITORING = "monitoring"
QUARTERS = 4
WATCH = (
    N_("ICE waiting at the jail's exit, or people handed to ICE at release"),
    N_("People kept in the jail past their release time"),
    N_("ICE agents inside the jail, interviewing people or reading booking records"),
    N_("Questions about place of birth or immigration status at booking"),
    N_("ICE arrests at courthouses, probation offices or traffic stops"),
    N_("Local officers at ICE operations, or on a 287(g) task force (the street model, spreading since 2025)"),
    N_("A new, renewed or changed 287(g) agreement on ICE's list"),
    N_("A new or renewed contract to hold people for ICE or the U.S. Marshals Service"),
    N_("A bill or a new law at the state capitol on local work with ICE"),
    N_("Budget lines for the jail's work with ICE, and payments received from ICE"),
)
RECORDS_EACH_QUARTER = (
    N_("The jail's current written policy on ICE, and any change since the last quarter"),
    N_("Counts of ICE detainers, release-date requests and interview requests, and the jail's answers, by month"),
    N_("Reports and steering-committee records under any 287(g) agreement"),
    N_("Invoices and payments under any ICE or U.S. Marshals detention contract"),
    N_("County board agendas and minutes that mention ICE, the jail's contracts or 287(g)"),
)


def monitoring_tracker(profile: dict) -> Part:
    """The tracker for the county of `profile`, in the current language: what to watch, the records to request
    each quarter, and a block per quarter to fill in."""
    agencies = sorted({agreement["agency"] for agreement in county_agreements(profile)})
    blocks = [
        Paragraph(
            _(
                "Write down what you see, with the date and place, and never the name of a person without their "
                "consent. Check this county's page in the app each quarter for changes to ICE's lists and the "
                "state's laws."
            )
        ),
        Heading(_("What to watch")),
        Items(tuple(_(item) for item in WATCH), checkboxes=True),
    ]
    if agencies:
        blocks.append(Paragraph(_("Agreements to follow here: {agencies}.").format(agencies="; ".join(agencies))))
    for quarter in range(1, QUARTERS + 1):
        blocks += [
            Heading(_("Quarter {number}").format(number=quarter)),
            FillIn(_("Records requested on")),
            Items(tuple(_(item) for item in RECORDS_EACH_QUARTER), checkboxes=True),
            FillIn(_("Answer received on")),
            FillIn(_("What changed")),
        ]
    return Part(
        MONITORING,
        _("Monitoring tracker: {county}, {state}").format(county=profile["name"], state=profile["state"]),
        _("Recommendation, not legal advice: a checklist relying on {laws}.").format(laws=laws_read_on(profile)),
        tuple(blocks),
    )
