"""A county's public-records request: a letter to the office that runs its jail, copied to its governing board,
under the state's public-records law (data/public_records_laws.csv), asking for the records that would show what
the jail does with ICE. It asks for policies, contracts, payments and counts, never for records about a person.

A recommendation to adapt, not legal advice; a letter citing a draft row of the law table says, in the letter, to
check the citation before sending."""

from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.facts import county_agreements
from lib.i18n import N_, SPANISH, _
from lib.links import CONTRIBUTE_URL_PATH
from lib.vocab import (
    ANY_PERSON,
    CHECKED_AGAINST_TEXT,
    REVIEW_WORDS,
    STATE_CITIZENS,
    STATE_RESIDENTS,
    US_RESIDENTS,
)

RECORDS_REQUEST = "records_request"
# The letter's language where it is not the reader's: the offices of Puerto Rico's municipalities work in Spanish.
LETTER_LANGUAGE_BY_STATE = {"PR": SPANISH}

# Who may send the request where the law limits it: said before the letter, since a letter from someone else can be
# refused.
REQUESTER_LIMITS = {
    STATE_RESIDENTS: N_(
        "Before sending (remove this line): only residents of {state} may make a request under this law, so the "
        "letter should come from one."
    ),
    STATE_CITIZENS: N_(
        "Before sending (remove this line): only citizens of {state} may make a request under this law, so the "
        "letter should come from one."
    ),
    US_RESIDENTS: N_(
        "Before sending (remove this line): only residents of the United States may make a request under this law."
    ),
}

RECORDS_ASKED_FOR = (
    N_(
        "Written policies, procedures, directives and training material on ICE detainers (requests to hold a person), "
        "ICE requests to be told of a person's release date, and ICE interviews of or access to people in the jail."
    ),
    N_(
        "Counts by month, with no names or other details that identify anyone: ICE detainers and notification "
        "requests received, how many were honored and how many declined, and how many people were handed over to "
        "ICE at the jail."
    ),
    N_(
        "Any 287(g) agreement with ICE (memorandum of agreement), its amendments and renewals, and the reports, "
        "statistics and steering committee records kept under it."
    ),
    N_(
        "Any agreement or contract to hold people for ICE or the U.S. Marshals Service (intergovernmental service "
        "agreements and their riders), and the invoices and payments under them."
    ),
    N_(
        "Applications to and award notices from the State Criminal Alien Assistance Program (SCAAP), with the "
        "counts of people and days they report."
    ),
    N_("Letters, emails and other communications between the county or the jail and ICE on these subjects."),
)


def _office(office: dict) -> str:
    return f"{office['title']}, {office['jurisdiction']}"


def _named_records(profile: dict) -> list[str]:
    """The county's own agreements and contracts, named so that the answer cannot miss them."""
    named = []
    agencies = sorted({agreement["agency"] for agreement in county_agreements(profile)})
    if agencies:
        named.append(
            _("Including the 287(g) agreements ICE lists for: {agencies}.").format(agencies="; ".join(agencies))
        )
    facilities = sorted({row["facility"] for row in profile["money"]["detention"]})
    if facilities:
        named.append(
            _("Including the records of ICE detention at: {facilities}.").format(facilities="; ".join(facilities))
        )
    return named


def letter_language(state_abbr: str, reader_language: str) -> str:
    """The language a county's letter is first offered in."""
    return LETTER_LANGUAGE_BY_STATE.get(state_abbr, reader_language)


def records_request(profile: dict) -> Part:
    """The letter for the county of `profile` (lib.profile.county_profile), in the current language."""
    law, offices = profile["public_records_law"], profile["authority"]["offices"]
    jail = next(office for office in offices if office["role"] == "primary")
    board = next((office for office in offices if office["role"] == "secondary"), None)
    act = f"{law['law_name']} ({law['citation']})"
    before_sending = []
    if law["review_status"] != CHECKED_AGAINST_TEXT:
        before_sending.append(
            Paragraph(
                _(
                    "Check this citation before sending (remove this line): this project's row on {state}'s "
                    "public-records law is a draft, not yet checked against the law's text."
                ).format(state=profile["state"])
            )
        )
    if law["requesters"] != ANY_PERSON:
        limit = REQUESTER_LIMITS[law["requesters"]]
        before_sending.append(Paragraph(_(limit).format(state=profile["state"])))
    fees_status = REVIEW_WORDS[law["fees_review_status"]]
    fees = _(
        "Before sending (remove this line): fees under this law, as this project reads it ({status}): {fees}."
    ).format(status=_(fees_status), fees=law["fees"])
    before_sending.append(Paragraph(fees))
    blocks = (
        *before_sending,
        FillIn(_("Date")),
        Paragraph(_("To: {office}").format(office=_office(jail))),
        FillIn(_("Name and address of its records officer")),
        *([Paragraph(_("Copy to: {office}").format(office=_office(board)))] if board else []),
        Heading(_("Public-records request under the {act}").format(act=act)),
        Paragraph(
            _(
                "Under the {act}, I ask for copies of the following records, for the last five years, held by "
                "your office or by {county} on its work with U.S. Immigration and Customs Enforcement (ICE):"
            ).format(act=act, county=profile["name"])
        ),
        Items(tuple(_(record) for record in RECORDS_ASKED_FOR) + tuple(_named_records(profile))),
        Paragraph(
            _(
                "I do not ask for records about any individual person. Where a record names someone, please release "
                "it with the name and other identifying details blacked out. If any record is withheld under 8 C.F.R. "
                "§ 236.6, which concerns information about people held for ICE, please list what was withheld and "
                "release the policies, contracts, payments and counts that identify no one."
            )
        ),
        Paragraph(
            _(
                "Please answer within the time set by {citation}. If you withhold any record or part of one, "
                "please name the exemption for each and release the rest. Electronic copies are preferred."
            ).format(citation=law["citation"])
        ),
        Paragraph(
            _(
                "I ask that fees be waived or reduced: the records are sought in the public interest, to inform "
                "residents of how the county's jail works with federal immigration authorities, and not for any "
                "commercial purpose. If fees above the amount below are expected, please tell me before incurring "
                "them."
            )
        ),
        FillIn(_("Fee limit")),
        Paragraph(_("Thank you. I look forward to your answer.")),
        FillIn(_("Name or organization")),
        FillIn(_("Mailing or email address for the answer")),
        Paragraph(
            _(
                "When the answer comes (remove this line): send it to this project on the app's Contribute page for "
                "{county} (/{path}?fips={fips}), where a reviewer checks it before it counts as evidence."
            ).format(county=profile["name"], path=CONTRIBUTE_URL_PATH, fips=profile["fips"])
        ),
    )
    review = REVIEW_WORDS[law["review_status"]]
    return Part(
        RECORDS_REQUEST,
        _("Public-records request: {county}, {state}").format(county=profile["name"], state=profile["state"]),
        _(
            "Recommendation, not legal advice: a letter to adapt. It relies on {act} as read on {date} ({status})."
        ).format(act=act, date=law["source_date"], status=_(review)),
        blocks,
        tuple(
            f"{act}: {url}, {law['source_date']}"
            for url in dict.fromkeys([law["url"], law["who_url"], law["fees_url"]])
            if url
        ),
    )
