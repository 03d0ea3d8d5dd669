"""How to cite the app: its title, the link to the view and the dates of the data the view draws on."""

from lib.data import CompiledData
from lib.i18n import _

# The sources whose dates a citation (and the sidebar) gives: those the map and the county pages draw on.
CITED_SOURCES = (
    "ice_287g_participating",
    "ice_detention_stats",
    "ddp_daily_population",
    "policy_stance_draft",
    "ilrc_uwd_toolkit_2015",
)


def citation(data: CompiledData, county_name: str | None, link: str) -> str:
    dated = "; ".join(
        f"{source['title']} ({source['as_of']})" for source in data.sources if source["id"] in CITED_SOURCES
    )
    data_line = _("Data as of: {dates}. State-law, local-policy and governance rows are unreviewed drafts.").format(
        dates=dated
    )
    if county_name:
        title = _("{county}: County explorer of local collaboration with ICE. {link}").format(
            county=county_name, link=link
        )
    else:
        title = _("County explorer of local collaboration with ICE. {link}").format(link=link)
    return f"{title}\n{data_line}"
