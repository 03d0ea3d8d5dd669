"""A county's page: its name, level and brief, its tabs, then the link and citation and the correction box."""

import html
import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from lib import data as compiled
from lib.contrib.db import database_url
from lib.contrib.submit import pending_count
from lib.countyfacts import FACTS_EXPLAINED, county_facts_line
from lib.i18n import _, ngettext
from lib.links import CAMPAIGN_PAGE, CONTRIBUTE_PAGE, COUNTY_PAGE, MAP_PAGE
from lib.registry import LEVEL_LAYER
from lib.safetext import fill, plain
from lib.ui.cache import contributions_engine, layer, profile_of
from lib.ui.county.asks import asks_section
from lib.ui.county.federal import federal_lists_section
from lib.ui.county.history import history_section
from lib.ui.county.money import money_section
from lib.ui.county.who_decides import NARROW_CHART_KEY, WIDE_CHART_KEY, authority_section
from lib.ui.county.why import agreements_table, evidence_table, indicator_summary
from lib.ui.share import brief_downloads, correction_box, share_box
from lib.ui.state import shared_params
from lib.ui.tables import NARROW_SCREEN_PX, state_law_table

# On a phone every tab stays in view (the labels wrap onto a second row instead of scrolling behind an arrow), and the
# "Who decides" chart is its narrow, top-down version.
WRAPPING_TABS_CSS = """.stTabs [role="tablist"] {flex-wrap: wrap; overflow-x: visible; row-gap: .25rem;}
.stTabs [data-testid="stTab"] {flex: none;}"""
COUNTY_PAGE_CSS = f"""<style>
{WRAPPING_TABS_CSS}
.st-key-{NARROW_CHART_KEY} {{display: none;}}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  .st-key-{WIDE_CHART_KEY} {{display: none;}}
  .st-key-{NARROW_CHART_KEY} {{display: flex;}}
}}
</style>"""


def county_page(data: compiled.CompiledData, fips: str) -> None:
    """A county's page. If it cannot be built, a plain page that names the county and links to the search instead of a
    traceback; the error itself goes to the server's log."""
    page = st.empty()
    try:
        with page.container():
            county_sections(data, fips)
    except Exception:
        logging.getLogger(__name__).exception("the county page of FIPS %s could not be shown", fips)
        page.empty()  # the part of the page drawn before the error would read as if it were the whole story
        county = data.counties_by_fips.loc[fips]
        st.title(plain(f"{county['name']}, {county['state']}"))
        st.error(
            _(
                "This county's page could not be shown because of an error in the app. Please try again later, or "
                "look up another county:"
            )
        )
        st.page_link(COUNTY_PAGE, label=_("Find a county"), icon=":material/search:", query_params=shared_params())


def county_sections(data: compiled.CompiledData, fips: str) -> None:
    """Everything on a county page: its level and why, then who decides, where the money flows and what to ask for."""
    profile = profile_of(fips)
    level = layer(LEVEL_LAYER).legend_class(profile["level"])

    county_name = f"{profile['name']}, {profile['state']}"
    st.title(plain(county_name))
    st.html(COUNTY_PAGE_CSS)
    st.caption(plain(county_facts_line(fips, profile)), help=plain(_(FACTS_EXPLAINED)))
    st.page_link(MAP_PAGE, label=_("← Back to the map"), query_params=shared_params())
    st.html(class_badge(level, draft=profile["rests_on_draft_evidence"]))
    brief_downloads(data, fips)

    evidence_tab, authority_tab, money_tab, history_tab, asks_tab = st.tabs(
        [_("Why this color"), _("Who decides"), _("Money"), _("History"), _("What to ask for (recommendations)")]
    )
    with evidence_tab:
        st.write(plain(profile["why"]))
        indicator_summary(profile["indicators"])
        evidence_table(profile["evidence"])
        agreements_table(
            _("287(g) agreements of agencies in this county"),
            profile["agreements_287g"],
            empty=_("ICE's lists name no agency in this county."),
        )
        agreements_table(
            _("Statewide agencies in {state} with 287(g) agreements").format(state=profile["state"]),
            profile["statewide_agreements_287g"],
            empty=_("None on ICE's lists."),
        )
        pending_contributions(fips)
        st.page_link(
            CONTRIBUTE_PAGE,
            label=_("Hold a document that shows what this jail does? Send it for review"),
            icon=":material/upload_file:",
            query_params={**shared_params(), "fips": fips},
        )
        state_law_table(profile["state"], profile["state_laws"])
        federal_lists_section(data, fips, profile["state"])
    with authority_tab:
        authority_section(fips, profile)
    with money_tab:
        money_section(profile)
    with history_tab:
        history_section(data, fips)
    with asks_tab:
        asks_section(profile)
        st.page_link(
            CAMPAIGN_PAGE,
            label=_(
                "Campaign kit for this county: meeting preparation, talking points, a model policy, a public-records "
                "request, a monitoring tracker and the whole packet as a PDF"
            ),
            icon=":material/campaign:",
            query_params={**shared_params(), "fips": fips},
        )
    share_box(data, page="county", county_name=county_name)
    correction_box(data, county_name, fips)


def pending_contributions(fips: str) -> None:
    """How many contributions on the county wait for review: they change nothing until accepted. Said only when
    there are some; an unreachable database says nothing here (the contribute page explains it)."""
    try:
        count = pending_count(contributions_engine(database_url()), fips)
    except (SQLAlchemyError, OSError):
        return
    if count:
        st.caption(
            fill(
                ngettext(
                    "{count} contribution on this county waits for review; it changes nothing until it is accepted.",
                    "{count} contributions on this county wait for review; they change nothing until accepted.",
                    count,
                ),
                count=count,
            )
        )


def class_badge(legend_class, draft: bool = False) -> str:
    draft_note = " <em>" + html.escape(_("(rests on draft evidence, not yet reviewed)")) + "</em>" if draft else ""
    return (
        f'<div style="display:flex;gap:.6em;align-items:center;font-size:1.2rem">'
        f'<span style="flex:none;width:1.6em;height:1.1em;background:{legend_class.color};'
        f'border:1px solid #444"></span><span><strong>{html.escape(_(legend_class.label))}</strong> — '
        f"{html.escape(_(legend_class.description))}{draft_note}</span></div>"
    )
