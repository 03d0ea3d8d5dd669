"""One campaign packet per county, as one PDF: the one-page brief, then the asks, the meeting preparation for a
chosen office, the talking points, the model policy, the public-records request and the monitoring tracker.

The brief is lib.brief's own PDF; the other parts are drawn by lib.campaign.pdf and appended to it with pypdfium2,
so the packet's first page is exactly the brief a presenter already knows."""

import io

import pypdfium2

from lib.brief import DataVersion, county_brief_pdf
from lib.campaign.asks_part import asks_part
from lib.campaign.document import Part
from lib.campaign.meeting import meeting_prep
from lib.campaign.model_policy import model_policy
from lib.campaign.monitoring import monitoring_tracker
from lib.campaign.pdf import parts_pdf
from lib.campaign.records_request import records_request
from lib.campaign.talking_points import talking_points
from lib.i18n import _
from lib.profile import CountyProfile
from lib.vocab import JAIL_OPERATOR_OFFICE


def campaign_parts(
    profile: CountyProfile, target: str = JAIL_OPERATOR_OFFICE, provisions: list[str] | None = None
) -> list[Part]:
    """The packet's parts after the brief, in the current language; `provisions` as lib.campaign.model_policy's."""
    return [
        asks_part(profile),
        meeting_prep(profile, target),
        talking_points(profile),
        model_policy(profile, provisions),
        records_request(profile),
        monitoring_tracker(profile),
    ]


def packet_footer(profile: CountyProfile, version: DataVersion) -> str:
    return _(
        "Campaign kit: {county}, {state} · data as of {as_of} · printed {printed} · recommendations, not legal advice"
    ).format(county=profile["name"], state=profile["state"], as_of=version.data_as_of, printed=version.printed)


def join_pdfs(first: bytes, second: bytes) -> bytes:
    document, appended = pypdfium2.PdfDocument(first), pypdfium2.PdfDocument(second)
    try:
        document.import_pages(appended)
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()
    finally:
        appended.close()
        document.close()


def campaign_packet(
    profile: CountyProfile,
    map_inset_png: bytes | None,
    version: DataVersion,
    target: str = JAIL_OPERATOR_OFFICE,
    provisions: list[str] | None = None,
) -> bytes:
    """The packet as PDF bytes, in the current language."""
    brief = county_brief_pdf(profile, map_inset_png, version)
    return join_pdfs(brief, parts_pdf(campaign_parts(profile, target, provisions), packet_footer(profile, version)))
