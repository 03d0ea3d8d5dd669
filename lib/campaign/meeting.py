"""Preparing a meeting with one office of the county's authority chart (the jail's operator, the county board or
executive, a city police chief or council) or with state legislators: why this office matters here and what it can
grant, questions built from the county's evidence and its unknowns (the unknowns first), the pushback to expect
with answers that fit the state's law, a sample agenda with roles, and what to leave the meeting with.

Offices, never people: the name of whoever holds the office is a blank to fill in. State legislators get general
preparation only. The structure follows the 2015 ILRC / United We Dream toolkit's meeting pages, rewritten in our
own words for 2026. A recommendation, not legal advice."""

from lib import registry
from lib.asks import standing_words
from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part
from lib.campaign.facts import county_agreements, county_facts, laws_read_on
from lib.campaign.pushback import pushbacks
from lib.i18n import N_, _
from lib.registry import CLASSIFIED_IDS, HONORS, LIMITED, REFUSES, UNKNOWN
from lib.vocab import (
    CITY_COUNCIL_OFFICE,
    COUNTY_BOARD_OFFICE,
    COUNTY_EXECUTIVE_OFFICE,
    JAIL_OPERATOR_OFFICE,
    OFFICE_KINDS,
    POLICE_CHIEF_OFFICE,
    STATE_OFFICE,
)

MEETING_PREP = "meeting_prep"
TARGET_LABELS = {
    JAIL_OPERATOR_OFFICE: N_("The office that runs the jail"),
    COUNTY_BOARD_OFFICE: N_("The county board"),
    COUNTY_EXECUTIVE_OFFICE: N_("The county executive"),
    POLICE_CHIEF_OFFICE: N_("A city police chief"),
    CITY_COUNCIL_OFFICE: N_("A city council"),
    STATE_OFFICE: N_("State legislators"),
}
COUNTY_OFFICES = (JAIL_OPERATOR_OFFICE, COUNTY_BOARD_OFFICE, COUNTY_EXECUTIVE_OFFICE)
CITY_OFFICES = (POLICE_CHIEF_OFFICE, CITY_COUNCIL_OFFICE)

# Questions on each practice of the jail, by what the evidence says of it. Unknown comes first: finding out is the
# first thing a meeting can do.
UNKNOWN_QUESTIONS = {
    registry.HOLDS: N_(
        "When ICE asks the jail to keep someone past their release (a detainer), what does the jail do? Is it "
        "written down, and may we have a copy?"
    ),
    registry.NOTIFICATIONS: N_(
        "When ICE asks for a person's release date or time, does the jail tell ICE? Is it written down, and may we "
        "have a copy?"
    ),
    registry.JAIL_ACCESS: N_(
        "Do ICE agents come into the jail, interview people held there or use its records systems? On what terms?"
    ),
}
COUNT_QUESTIONS = {
    registry.HOLDS: N_(
        "How many ICE detainers did the jail receive in the last 12 months, how many did it honor, and how long "
        "were people kept past their release?"
    ),
    registry.NOTIFICATIONS: N_(
        "How many ICE requests for release dates did the jail receive in the last 12 months, and how many did it "
        "answer?"
    ),
    registry.JAIL_ACCESS: N_(
        "How often were ICE agents in the jail in the last 12 months, and how many people did they interview? Are "
        "people told in writing that they may decline?"
    ),
}
REFUSED_QUESTION = N_(
    "How does the jail make sure its policy on {practice} is followed, and how many ICE requests of this kind did it "
    "decline in the last 12 months?"
)
AGREEMENT_QUESTION = N_(
    "{agency}'s 287(g) agreement ({model}): how many officers work under it, how many people were questioned, held "
    "or handed to ICE under it, and where are its reports and steering-committee records?"
)
NO_AGREEMENT_QUESTION = N_(
    "Has the office been asked to sign a 287(g) agreement, or is one being negotiated? Will the draft be made "
    "public before it is signed?"
)
FACILITY_QUESTION = N_(
    "{facility}: what does ICE pay per person per day, how many beds does the contract guarantee, who inspects "
    "it, and does the U.S. Marshals Service hold people there too?"
)
JAIL_QUESTIONS = (
    N_("What data does the jail keep on ICE requests and its answers, and will it publish monthly counts?"),
    N_("Are people asked their place of birth or immigration status at booking, and does ICE see the answers?"),
)
BOARD_QUESTIONS = (
    N_("What does the county spend on holding people for ICE, and what does it receive for it (ICE payments, SCAAP)?"),
    N_("Will the board ask the jail for its ICE policy and counts, and hear them at a public meeting?"),
)
POLICE_QUESTIONS = (
    N_("Do officers ask people about their immigration status or place of birth, on the street or at arrest?"),
    N_("Does the department have a 287(g) agreement, or officers on an ICE or other federal task force?"),
    N_("Do officers call ICE, or help ICE in its operations: traffic stops, raids, keeping a perimeter?"),
    N_("Does the department have a written policy on ICE, and may we have a copy?"),
)
CITY_AGREEMENT_QUESTION = N_(
    "ICE's list names a 287(g) agreement for {agencies}: which model, and what has it been used for?"
)
COUNCIL_QUESTIONS = (
    N_("Will the council ask the police department for its ICE policy and for counts of its contacts with ICE?"),
    N_("Does the city have any agreement with ICE or the U.S. Marshals Service, and when is it up for renewal?"),
    N_("Will the council adopt an ordinance limiting the city's work with ICE, as far as state law allows?"),
)
STATE_QUESTIONS = (
    N_("Which bills on local cooperation with ICE are before the legislature this session, and where do you stand?"),
    N_("Would you support a state law making every jail publish its ICE requests and answers?"),
)
CITY_POWERS = {
    POLICE_CHIEF_OFFICE: N_(
        "City police do not run the county jail, but they make many of the arrests that bring people into it, and "
        "some city departments hold 287(g) agreements of their own. The chief sets the department's policy on ICE."
    ),
    CITY_COUNCIL_OFFICE: N_(
        "The council sets the police department's budget and can adopt an ordinance on how the city works with ICE, "
        "as far as state law allows."
    ),
}
AGENDA = (
    N_(
        "Before: meet for an hour. Share out the roles below, choose the questions that matter most, agree to keep "
        "the tone respectful."
    ),
    N_("Introductions (5–10 min): who you are, whom you speak for, how many people and which neighborhoods."),
    N_("Why we came (5 min): the shared goal, a county where everyone can call for help without fear."),
    N_(
        "A story from someone affected (5 min), checked beforehand with a lawyer, and told by someone else where "
        "that is safer."
    ),
    N_("Questions (30–40 min), most important first."),
    N_("The asks and next steps (5–10 min): what you want, and by when."),
    N_("Closing (5 min): thanks, and every promise made repeated with its date."),
    N_(
        "After: debrief the same day, type up the notes, and send a letter of thanks that restates each promise and "
        "its date."
    ),
)
ROLES = (
    N_("Facilitator"),
    N_("Note taker"),
    N_("Storyteller (someone affected, or a stand-in)"),
    N_("Asks the questions"),
    N_("Timekeeper"),
)
LEAVE_WITH = (
    N_("A copy of the written policy on ICE requests, and of any change to it."),
    N_("Counts of ICE requests and the office's answers for the last 12 months, by month, with no names."),
    N_("Copies of any 287(g) agreement and ICE or U.S. Marshals detention contract, and the reports made under them."),
    N_("A contact in the office, by title, for follow-up."),
    N_("A date for the next meeting."),
)


def meeting_targets(profile: dict) -> list[str]:
    """The offices a meeting can be prepared with in this county (lib.vocab.OFFICE_KINDS), in the chart's order:
    a city office only where city police agencies serve the county."""
    present = {office["kind"] for office in profile["authority"]["offices"]}
    if profile["authority"]["city_agencies"]:
        present |= set(CITY_OFFICES)
    return [kind for kind in OFFICE_KINDS if kind in present]


def _office(profile: dict, kind: str) -> dict | None:
    return next((office for office in profile["authority"]["offices"] if office["kind"] == kind), None)


def target_title(profile: dict, kind: str) -> str:
    office = _office(profile, kind)
    if office is not None:
        return f"{office['title']}, {office['jurisdiction']}"
    return _("{target} in {county}").format(target=_(TARGET_LABELS[kind]), county=profile["name"])


def _practice_questions(profile: dict) -> list[tuple[int, str]]:
    """(priority, question): unknowns 0, what the jail does 1, what it refuses 2."""
    questions = []
    for indicator in CLASSIFIED_IDS:
        value = profile["indicators"][indicator]["value"]
        if value == UNKNOWN:
            questions.append((0, _(UNKNOWN_QUESTIONS[indicator])))
        elif value in (HONORS, LIMITED):
            questions.append((1, _(COUNT_QUESTIONS[indicator])))
        elif value == REFUSES:
            practice = _(registry.indicator_name(indicator))
            questions.append((2, _(REFUSED_QUESTION).format(practice=practice)))
    agreements = county_agreements(profile)
    for agreement in agreements:
        questions.append((1, _(AGREEMENT_QUESTION).format(agency=agreement["agency"], model=agreement["model_label"])))
    if not agreements:
        questions.append((2, _(NO_AGREEMENT_QUESTION)))
    for facility in profile["money"]["detention"]:
        questions.append((1, _(FACILITY_QUESTION).format(facility=facility["facility"])))
    questions += [(2, _(question)) for question in JAIL_QUESTIONS]
    return questions


def questions_for(profile: dict, kind: str) -> list[str]:
    """The questions for a meeting with `kind`, most important first."""
    if kind == STATE_OFFICE:
        return [_(question) for question in STATE_QUESTIONS]
    if kind == POLICE_CHIEF_OFFICE:
        cities = [agency["agency"] for agency in profile["authority"]["city_agencies"] if agency["has_287g"]]
        listed = [_(CITY_AGREEMENT_QUESTION).format(agencies="; ".join(cities))] if cities else []
        return listed + [_(question) for question in POLICE_QUESTIONS]
    if kind == CITY_COUNCIL_OFFICE:
        return [_(question) for question in COUNCIL_QUESTIONS]
    jail = [question for priority, question in sorted(_practice_questions(profile), key=lambda pair: pair[0])]
    if kind == JAIL_OPERATOR_OFFICE:
        return jail
    return [_(question) for question in BOARD_QUESTIONS] + jail


def _what_it_can_grant(profile: dict, kind: str) -> list[str]:
    office = _office(profile, kind)
    if kind in CITY_OFFICES:
        targets = {ask["target"] for ask in profile["asks"]["items"] if ask["target"] not in _county_titles(profile)}
    else:
        targets = {office["title"]} if office else set()
    grants = []
    for ask in profile["asks"]["items"]:
        if ask["target"] in targets:
            standing = standing_words(ask["standing"], profile["state_laws"])
            grants.append(_("{ask} ({standing})").format(ask=ask["title"], standing=standing))
    return grants


def _county_titles(profile: dict) -> set[str]:
    return {office["title"] for office in profile["authority"]["offices"]}


def _why(profile: dict, kind: str) -> str:
    if kind in CITY_OFFICES:
        return _(CITY_POWERS[kind])
    return _office(profile, kind)["powers"]


def meeting_prep(profile: dict, kind: str) -> Part:
    """The preparation for a meeting with office `kind` of the county of `profile`, in the current language."""
    title = target_title(profile, kind)
    grants = _what_it_can_grant(profile, kind)
    blocks = [
        FillIn(_("Name of whoever holds this office now")),
        Heading(_("Why this office matters here")),
        Paragraph(_why(profile, kind)),
    ]
    if kind != STATE_OFFICE:
        facts = [fact.text for fact in county_facts(profile)]
        blocks += [Heading(_("What we know of {county}").format(county=profile["name"])), Items(tuple(facts))]
    blocks += [
        Heading(_("What it can grant")),
        Items(tuple(grants))
        if grants
        else Paragraph(_("No recommendation on this page is addressed to this office; ask it to support them.")),
        Heading(_("Questions, most important first")),
        Items(tuple(questions_for(profile, kind))),
        Heading(_("Pushback to expect, and answers")),
        Items(tuple(_("{claim} {answer}").format(claim=p.claim, answer=p.answer) for p in pushbacks(profile))),
        Heading(_("A sample agenda")),
        Items(tuple(_(item) for item in AGENDA)),
        Heading(_("Roles")),
        *(FillIn(_(role)) for role in ROLES),
        Heading(_("Leave the meeting with")),
        Items(tuple(_(item) for item in LEAVE_WITH), checkboxes=True),
        FillIn(_("Date of the next meeting")),
    ]
    return Part(
        MEETING_PREP,
        _("Meeting preparation: {target}").format(target=title),
        _(
            "Recommendation, not legal advice: preparation generated from this county's evidence and from {laws}."
        ).format(laws=laws_read_on(profile)),
        tuple(blocks),
    )
