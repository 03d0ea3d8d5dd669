"""The county's recommended asks (lib.asks) as a campaign part, for the packet and for download: each with its
target, how the state's law stands on it, its reason and the laws it relies on."""

from lib.asks import standing_words
from lib.campaign.document import Heading, Items, Paragraph, Part
from lib.i18n import _

ASKS = "asks"


def asks_part(profile: dict) -> Part:
    blocks = []
    for ask in profile["asks"]["items"]:
        standing = standing_words(ask["standing"], profile["state_laws"])
        blocks += [
            Heading(ask["title"]),
            Paragraph(_("Target: {target} · {standing}").format(target=ask["target"], standing=standing)),
            Paragraph(ask["detail"]),
            Paragraph(_("Because: {reason}").format(reason=ask["because"])),
        ]
        if ask["relies_on_law"] and ask["relies_on_law"] not in ask["detail"]:
            blocks.append(Paragraph(_("Relies on: {law}").format(law=ask["relies_on_law"])))
        if ask["talking_points"]:
            blocks.append(Items(tuple(ask["talking_points"])))
    return Part(
        ASKS,
        _("What to ask for: {county}, {state}").format(county=profile["name"], state=profile["state"]),
        profile["asks"]["label"],
        tuple(blocks),
    )
