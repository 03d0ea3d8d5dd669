"""What a reader takes away or sends back: the link and citation, the county brief and the map's data as
downloads, and a correction to send."""

import streamlit as st

from lib import data as compiled
from lib import exports, i18n
from lib.brief import county_brief, county_brief_png
from lib.citation import citation
from lib.corrections import FIELDS, MAX_NOTE, correction_text, send_link
from lib.i18n import _
from lib.layers import Layer
from lib.registry import LEVEL_LAYER
from lib.ui.cache import county_evidence, english_evidence, layer, layers


def share_box(data: compiled.CompiledData, page: str, county_name: str | None = None) -> None:
    """The link to this exact view and a citation block with the data's dates."""
    with st.expander(_("Link and citation")):
        base = str(st.context.url or "").split("?")[0]
        query = "&".join(f"{name}={value}" for name, value in st.query_params.to_dict().items())
        link = f"{base}?{query}" if query else base
        st.code(link, language=None)
        st.code(citation(data, county_name, link), language=None)


def brief_downloads(data: compiled.CompiledData, fips: str) -> None:
    """The county's one-page brief as PDF and PNG, made only when a button is clicked."""
    level_layer, evidence = layer(LEVEL_LAYER), county_evidence()

    @i18n.in_current_language
    def pdf() -> bytes:
        return county_brief(data, fips, level_layer, evidence)

    left, right = st.columns(2)
    left.download_button(_("One-page brief (PDF)"), data=pdf, file_name=f"county-brief-{fips}.pdf",
                         mime="application/pdf", on_click="ignore", key="brief_pdf")
    right.download_button(_("One-page brief (PNG image)"),
                          data=i18n.in_current_language(lambda: county_brief_png(pdf())),
                          file_name=f"county-brief-{fips}.png", mime="image/png", on_click="ignore",
                          key="brief_png")


def map_downloads(data: compiled.CompiledData, shown: Layer, reviewed_only: bool) -> None:
    """The county table, the layer on the map and the data dictionary, made only when a button is clicked. Their
    contents are in English whatever the page's language: they are data, keyed for machines."""
    every_layer, evidence = layers(reviewed_only), english_evidence()
    columns = st.columns(3)
    columns[0].download_button(_("County table (CSV)"), file_name="ice-collaboration-counties.csv",
                               mime="text/csv",
                               data=lambda: exports.county_table_csv(evidence, every_layer, reviewed_only),
                               on_click="ignore", key="download_csv")
    columns[1].download_button(_("This layer (GeoJSON)"),
                               file_name=f"ice-collaboration-{shown.id}-{shown.as_of}.geojson",
                               mime="application/geo+json",
                               data=lambda: exports.layer_geojson(data, shown),
                               on_click="ignore", key="download_geojson")
    columns[2].download_button(_("Data dictionary and licences"), file_name="ice-collaboration-data-dictionary.md",
                               mime="text/markdown", data=exports.data_dictionary_and_licence,
                               on_click="ignore", key="download_dictionary")


def state_laws_download(data: compiled.CompiledData) -> None:
    st.download_button(_("State-law table with its quotes (CSV)"), file_name="ice-collaboration-state-laws.csv",
                       mime="text/csv", data=lambda: exports.state_laws_csv(data), on_click="ignore",
                       key="download_state_laws")


def correction_box(data: compiled.CompiledData, county: str, fips: str) -> None:
    """Assembles a correction for the reader to send; nothing is stored, no name is asked."""
    with st.expander(_("Suggest a correction")):
        st.caption(_("Tell us what is wrong and where you saw the right fact. Do not include your name or anyone "
                     "else's personal details: this app stores nothing and sends nothing itself."))
        field = st.selectbox(_("Which part"), FIELDS, format_func=i18n.in_current_language(_),
                             key="correction_field")
        note = st.text_area(_("What should it say, and what is your source?"), max_chars=MAX_NOTE,
                            key="correction_note")
        if not note.strip():
            return
        as_of = data.source("ice_287g_participating")["as_of"]
        text = correction_text(county, fips, _(field), note, str(st.context.url or ""), as_of)
        st.code(text, language=None)
        link = send_link(text, _("Correction: {county} ({fips})").format(county=county, fips=fips))
        if link:
            st.link_button(_("Send it"), link)
        else:
            st.caption(_("Copy the text above and send it to the maintainers of this site."))
