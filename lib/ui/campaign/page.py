"""A county's campaign page: the campaign kit in a language the reader picks (Spanish first in Puerto Rico, where
the county's offices work in Spanish): the asks, the preparation of a meeting with a chosen office, talking points,
a model policy of chosen provisions, the public-records request and the monitoring tracker, each shown and offered
to edit, and the whole packet as one PDF. Every text here is a recommendation, not legal advice."""

from datetime import date

import streamlit as st

from lib import data as compiled
from lib import i18n
from lib.asks import NOT_LEGAL_ADVICE
from lib.brief import county_inset_png, data_version
from lib.campaign.meeting import TARGET_LABELS, meeting_targets, target_title
from lib.campaign.model_policy import PROVISIONS, PROVISIONS_BY_ID, STANDING_MARKS, provision_standing
from lib.campaign.packet import campaign_packet, campaign_parts
from lib.campaign.records_request import letter_language
from lib.i18n import LANGUAGES, _
from lib.links import CAMPAIGN_URL_PATH, COUNTY_PAGE, app_url
from lib.registry import LEVEL_LAYER
from lib.safetext import plain
from lib.ui.cache import layer, profile_in
from lib.ui.campaign.part import part_downloads, show_part
from lib.ui.county.page import WRAPPING_TABS_CSS
from lib.ui.share import base_url
from lib.ui.state import shared_params


def _language(fips: str, state_abbr: str) -> str:
    first = letter_language(state_abbr, i18n.language())
    languages = [first, *(lang for lang in LANGUAGES if lang != first)]
    return st.radio(
        _("Language of the documents"),
        languages,
        format_func=LANGUAGES.get,
        horizontal=True,
        key=f"campaign_language_{fips}",
    )


def _packet_download(data: compiled.CompiledData, fips: str, lang: str, target: str, provisions: list[str]) -> None:
    address = app_url(str(st.context.url or ""), CAMPAIGN_URL_PATH, base_url())
    level_layer = layer(LEVEL_LAYER)

    def packet() -> bytes:
        with i18n.use_language(lang):
            version = data_version(data, date.today(), address)
            return campaign_packet(
                profile_in(fips, lang), county_inset_png(data, fips, level_layer), version, target, provisions
            )

    st.download_button(
        _("Download the whole campaign packet (PDF)"),
        data=packet,
        file_name=f"campaign-packet-{fips}-{lang}.pdf",
        mime="application/pdf",
        on_click="ignore",
        type="primary",
        key=f"campaign_packet_{fips}",
    )


def campaign_page(data: compiled.CompiledData, fips: str) -> None:
    county = data.counties_by_fips.loc[fips]
    st.html(f"<style>{WRAPPING_TABS_CSS}</style>")  # on a phone every tab stays in view, as on the county page
    st.title(plain(_("Campaign kit: {county}, {state}").format(county=county["name"], state=county["state"])))
    st.page_link(COUNTY_PAGE, label=_("← Back to the county page"), query_params={**shared_params(), "fips": fips})
    st.info(plain(_(NOT_LEGAL_ADVICE)))
    lang = _language(fips, county["state_abbr"])
    profile = profile_in(fips, lang)
    with i18n.use_language(lang):
        titles = {kind: target_title(profile, kind) for kind in meeting_targets(profile)}
        standings = {p.id: provision_standing(profile, p)[0] for p in PROVISIONS}
    marks = {provision: _(STANDING_MARKS[standing]) for provision, standing in standings.items()}  # reader's words
    target = st.selectbox(
        _("Prepare a meeting with"),
        list(titles),
        # option labels are plain text, never Markdown; bound to this run's language, as every translating
        # format_func in lib/ui/ is (a widget keeps it after the run)
        format_func=i18n.in_current_language(lambda kind: f"{_(TARGET_LABELS[kind])}: {titles[kind]}"),
        key=f"campaign_target_{fips}",
    )
    provisions = st.multiselect(
        _("Provisions of the model policy"),
        [p.id for p in PROVISIONS],
        default=[p.id for p in PROVISIONS],
        format_func=i18n.in_current_language(lambda i: f"{_(PROVISIONS_BY_ID[i].title)} ({marks[i]})"),
        key=f"campaign_provisions_{fips}",
    )
    _packet_download(data, fips, lang, target, provisions)

    with i18n.use_language(lang):
        parts = campaign_parts(profile, target, provisions)
    tabs = st.tabs(
        [
            _("What to ask for"),
            _("Meeting preparation"),
            _("Talking points"),
            _("Model policy"),
            _("Public-records request"),
            _("Monitoring"),
        ]
    )
    for tab, part in zip(tabs, parts):
        with tab:
            st.subheader(plain(part.title))
            part_downloads(part, f"{part.id.replace('_', '-')}-{fips}-{lang}")
            show_part(part)
