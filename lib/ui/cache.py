"""The compiled data and what the pages build from it, made once per server and shared by every session. The one
module that caches: a cached object is shared, so it holds no session's language (lib/i18n.py)."""

import streamlit as st

from lib import data as compiled
from lib import i18n
from lib import search as county_search
from lib.authority import AuthorityChart, authority_chart
from lib.evidence import CountyEvidence
from lib.i18n import _
from lib.layers import Layer, build_layers
from lib.layers import layer_287g_on as layers_287g_on
from lib.mapview import county_topology, publish_topology
from lib.paths import STATIC_DIR, app_data_dir
from lib.profile import CountyProfile, county_profile
from lib.safetext import fill


@st.cache_resource(show_spinner=False)
def data() -> compiled.CompiledData:
    return compiled.load(app_data_dir())


def data_or_stop() -> compiled.CompiledData:
    """The compiled data, or an error page that names the broken file and the command that fixes it."""
    try:
        return data()
    except compiled.DataFileError as error:
        st.error(fill(_("The app's data could not be loaded. {error}"), error=error))
        st.stop()


@st.cache_resource(show_spinner=False)
def evidence_in(lang: str) -> CountyEvidence:
    """Every county's evidence in one language: its rows carry summaries in words (lib/evidence.py)."""
    with i18n.use_language(lang):
        return CountyEvidence.assemble(data())


def county_evidence() -> CountyEvidence:
    """The evidence in the language of this run, as the pages show it."""
    return evidence_in(i18n.language())


# A county's profile and authority chart are rebuilt from the whole country's tables (about 90 ms): made once per
# county and language, and shared by every session, so the pages only read them.
@st.cache_resource(show_spinner=False, max_entries=512)
def profile_in(fips: str, lang: str) -> CountyProfile:
    with i18n.use_language(lang):
        return county_profile(data(), fips, evidence_in(lang))


def profile_of(fips: str) -> CountyProfile:
    """The county's profile in the language of this run."""
    return profile_in(fips, i18n.language())


@st.cache_resource(show_spinner=False, max_entries=512)
def authority_chart_in(fips: str, lang: str) -> AuthorityChart:
    with i18n.use_language(lang):
        return authority_chart(data(), fips)


def authority_chart_of(fips: str) -> AuthorityChart:
    """Who decides in the county, in the language of this run."""
    return authority_chart_in(fips, i18n.language())


def english_evidence() -> CountyEvidence:
    """The evidence in English, the language of the layers' texts and of every download."""
    return evidence_in(i18n.SOURCE_LANGUAGE)


@st.cache_resource(show_spinner=False)
def layers(reviewed_only: bool = False) -> dict[str, Layer]:
    return build_layers(english_evidence(), reviewed_only)


def layer(layer_id: str, reviewed_only: bool = False) -> Layer:
    return layers(reviewed_only)[layer_id]


@st.cache_resource(show_spinner=False, max_entries=16)
def layer_287g_on(list_date: str) -> Layer:
    return layers_287g_on(data(), list_date)


@st.cache_resource(show_spinner=False)
def search_index() -> county_search.SearchIndex:
    return county_search.build_index(data())


@st.cache_resource(show_spinner=False)
def county_shapes_url(lang: str) -> str:
    """The published county shapes, one file per language: their tooltips hold translated words."""
    with i18n.use_language(lang):
        return publish_topology(county_topology(data()), STATIC_DIR)


@st.cache_resource(show_spinner=False)
def contributions_engine(url: str):
    """The contributions database's engine, its tables migrated on first use (lib.contrib.db)."""
    from lib.contrib.db import make_engine, migrate

    migrate(url)
    return make_engine(url)
