"""What a reader takes away or sends back: the link and citation, the county brief and the map's data as
downloads, and a correction to send."""

import hashlib
import os
from datetime import date

import streamlit as st

from lib import data as compiled
from lib import exports, i18n
from lib.brief import county_brief, county_brief_png, data_version
from lib.citation import FORMS, citations, cited_view
from lib.corrections import FIELDS, MAX_NOTE, correction_text, send_link
from lib.dataversion import build_id
from lib.i18n import _
from lib.layers import Layer
from lib.links import COUNTY_URL_PATH, app_url, canonical_url, configured_base_url
from lib.paths import app_data_dir
from lib.registry import LEVEL_LAYER
from lib.safetext import plain
from lib.ui.cache import county_evidence, english_evidence, layer, layers

PAGE_PATHS = {"map": "", "county": COUNTY_URL_PATH}  # share_box's page, and its path in the app's address
CITATION_HEIGHTS = {"plain": 110, "apa": 110, "bibtex": 250, "csl_json": 250}  # pixels: each form shown whole
CORRECTION_HEIGHT = 200


def base_url() -> str | None:
    """The canonical address the app was given (lib.links.configured_base_url): the environment, else the secrets."""
    secrets = st.secrets if st.secrets.load_if_toml_exists() else {}
    try:
        return configured_base_url(os.environ, secrets)
    except ValueError as error:  # a mistake of whoever serves the app: said, and the browser's address used
        st.warning(plain(str(error)))
        return None


def view_url(page_path: str, params: dict[str, str]) -> str:
    """The canonical address of a page and view (lib.links.canonical_url), as given to others."""
    return canonical_url(page_path, params, str(st.context.url or ""), base_url())


def copy_box_key(name: str, text: str) -> str:
    """The key of a text box to copy `text` from: a new text is a new box."""
    return f"{name}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def undo_edit(key: str, text: str):
    """An on_change that undoes an edit of the copy box `key` at once, so what is copied is what the app made."""

    def undo() -> None:
        st.session_state[key] = text

    return undo


def share_box(data: compiled.CompiledData, page: str, county_name: str | None = None) -> None:
    """The link to this view, as given to others (lib.links.canonical_url), and a citation of it in four forms."""
    with st.expander(_("Link and citation")):
        link = view_url(PAGE_PATHS[page], st.query_params.to_dict())
        # Text boxes and not st.code, which loads a 1.5 MB code highlighter into the browser and cuts long lines.
        key = copy_box_key("share_link", link)
        st.text_input(_("Link to this view"), value=link, key=key, on_change=undo_edit(key, link))
        view = cited_view(data, county_name, link, build_id(app_data_dir()), date.today().isoformat())
        form = st.segmented_control(
            _("Citation style"),
            list(FORMS),
            default=next(iter(FORMS)),
            required=True,
            format_func=lambda form: _(FORMS[form]),
            key="citation_form",
        )
        text = citations(view)[form]
        key = copy_box_key(f"citation_{form}", text)
        st.text_area(
            _("Citation to copy"), value=text, key=key, height=CITATION_HEIGHTS[form], on_change=undo_edit(key, text)
        )


def brief_downloads(data: compiled.CompiledData, fips: str) -> None:
    """The county's one-page brief as PDF and PNG, made only when a button is clicked."""
    level_layer, evidence = layer(LEVEL_LAYER), county_evidence()

    # The county page's own address, for the link the brief prints (the brief is only offered there).
    address = app_url(str(st.context.url or ""), COUNTY_URL_PATH, base_url())

    @i18n.in_current_language
    def pdf() -> bytes:
        return county_brief(data, fips, level_layer, evidence, data_version(data, date.today(), address))

    left, right = st.columns(2)
    left.download_button(
        _("One-page brief (PDF)"),
        data=pdf,
        file_name=f"county-brief-{fips}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="brief_pdf",
    )
    right.download_button(
        _("One-page brief (PNG image)"),
        data=i18n.in_current_language(lambda: county_brief_png(pdf())),
        file_name=f"county-brief-{fips}.png",
        mime="image/png",
        on_click="ignore",
        key="brief_png",
    )


def map_downloads(data: compiled.CompiledData, shown: Layer, reviewed_only: bool) -> None:
    """The county table, the layer on the map and the data dictionary, made only when a button is clicked. Their
    contents are in English whatever the page's language: they are data, keyed for machines."""
    every_layer, evidence = layers(reviewed_only), english_evidence()
    columns = st.columns(3)
    columns[0].download_button(
        _("County table (CSV)"),
        file_name="ice-collaboration-counties.csv",
        mime="text/csv",
        data=lambda: exports.county_table_csv(evidence, every_layer, reviewed_only),
        on_click="ignore",
        key="download_csv",
    )
    columns[1].download_button(
        _("This layer (GeoJSON)"),
        file_name=f"ice-collaboration-{shown.id}-{shown.as_of}.geojson",
        mime="application/geo+json",
        data=lambda: exports.layer_geojson(evidence, shown, reviewed_only),
        on_click="ignore",
        key="download_geojson",
    )
    columns[2].download_button(
        _("Data dictionary and licences"),
        file_name="ice-collaboration-data-dictionary.md",
        mime="text/markdown",
        data=exports.data_dictionary_and_licence,
        on_click="ignore",
        key="download_dictionary",
    )


def state_laws_download(data: compiled.CompiledData) -> None:
    st.download_button(
        _("State-law table with its quotes (CSV)"),
        file_name="ice-collaboration-state-laws.csv",
        mime="text/csv",
        data=lambda: exports.state_laws_csv(data),
        on_click="ignore",
        key="download_state_laws",
    )


def correction_box(data: compiled.CompiledData, county: str, fips: str) -> None:
    """Assembles a correction for the reader to send; nothing is stored, no name is asked."""
    with st.expander(_("Suggest a correction")):
        st.caption(
            _(
                "Tell us what is wrong and where you saw the right fact. Do not include your name or anyone "
                "else's personal details: this app stores nothing and sends nothing itself."
            )
        )
        field = st.selectbox(_("Which part"), FIELDS, format_func=i18n.in_current_language(_), key="correction_field")
        note = st.text_area(
            _("What should it say, and what is your source?"), max_chars=MAX_NOTE, key="correction_note"
        )
        if not note.strip():
            return
        as_of = data.source("ice_287g_participating")["as_of"]
        text = correction_text(county, fips, _(field), note, str(st.context.url or ""), as_of)
        key = copy_box_key("correction_text", text)
        st.text_area(
            _("Your correction"), value=text, key=key, height=CORRECTION_HEIGHT, on_change=undo_edit(key, text)
        )
        link = send_link(text, _("Correction: {county} ({fips})").format(county=county, fips=fips))
        if link:
            st.link_button(_("Send it"), link)
        else:
            st.caption(_("Copy the text above and send it to the maintainers of this site."))
