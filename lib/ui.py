"""The one module outside app_pages/ that talks to Streamlit: cached data, the shared sidebar, and the widgets
the pages share (map controls, county sections, downloads, link and citation, corrections)."""

import html
import logging
from datetime import date

import pandas as pd
import streamlit as st

from lib import data as compiled
from lib import exports, i18n
from lib import search as county_search
from lib.authority import authority_chart, chart_dot, offices_table
from lib.brief import county_brief, county_brief_png
from lib.compare import MAX_COUNTIES
from lib.corrections import FIELDS, MAX_NOTE, correction_text, send_link
from lib.evidence import CountyEvidence
from lib.explain import evidence_value_words
from lib.freshness import stale_sources
from lib.history import county_timeline, sheet_label, snapshot_dates, summary_line
from lib.i18n import N_, _
from lib.layers import Layer, build_layers
from lib.layers import layer_287g_on as layers_287g_on
from lib.registry import LAYER_TITLES, VALUE_WORDS, indicator_name
from lib.vocab import AGENCY_TYPE_LABELS, MODEL_LABELS
from lib.mapview import (QUICK_VIEW_BOUNDS, QUICK_VIEWS, build_base_map, county_topology, layer_style, publish_topology,
                         view_for_bounds)
from lib.money import (COST_ASSUMPTIONS, ESTIMATED_PAYMENT_COLUMN, county_detention_population, detention_display,
                       flow_diagram, yearly_local_cost)
from lib.params import ViewParams, parse_view
from lib.paths import STATIC_DIR, app_data_dir
from lib.profile import county_profile
from lib.safetext import fill, plain, web_link

COUNTY_PAGE = "app_pages/county.py"
MAP_PAGE = "app_pages/map.py"
COMPARE_PAGE = "app_pages/compare.py"

# Words for the codes that tables show (kept English here, translated where shown).
CODE_WORDS = {
    "draft": N_("draft"), "reviewed": N_("reviewed"),
    "participating": N_("participating"), "pending": N_("pending"),
    "agreement": N_("agreement"), "contract": N_("contract"), "statute": N_("statute"), "case_law": N_("case law"),
    "local policy": N_("local policy"),
    "forbids": N_("forbids"), "requires": N_("requires"), "limits": N_("limits"), "silent": N_("silent"),
    "preempts_local_limits": N_("preempts local limits"), "in_force": N_("in force"),
}


def code_word(code) -> str | None:
    """A code shown in a table (review status, agreement status, basis, effect of a law), in the reader's words."""
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return None
    return _(CODE_WORDS.get(code, code))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


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
def county_evidence() -> CountyEvidence:
    """Every county's evidence in the language of this run."""
    return evidence_in(i18n.language())


@st.cache_resource(show_spinner=False)
def evidence_in(lang: str) -> CountyEvidence:
    with i18n.use_language(lang):
        return CountyEvidence.assemble(data())


@st.cache_resource(show_spinner=False)
def layers(reviewed_only: bool = False) -> dict[str, Layer]:
    return build_layers(evidence_in(i18n.SOURCE_LANGUAGE), reviewed_only)


def layer(layer_id: str, reviewed_only: bool = False) -> Layer:
    return layers(reviewed_only)[layer_id]


@st.cache_resource(show_spinner=False, max_entries=16)
def layer_287g_on(list_date: str) -> Layer:
    return layers_287g_on(data(), list_date)


def history_control(layer_id: str) -> str | None:
    """For the 287(g) layer, a slider over the dates of ICE's lists and a summary line; None for today's list."""
    if layer_id != "287g":
        return None
    counts = data().snapshot_counts
    dates = snapshot_dates(counts)
    chosen = st.select_slider(_("ICE's 287(g) list of"), dates, value=dates[-1], key="list_date")
    previous = dates[dates.index(chosen) - 1] if dates.index(chosen) > 0 else None
    facts = dict(summary=summary_line(counts, chosen, previous), sheet=sheet_label(counts, chosen))
    st.caption(fill(_("{summary}. Source: {sheet}."), **facts) if chosen == dates[-1]
               else fill(_("{summary}. Source: {sheet}. Tooltips list the agreements on the newest list."), **facts))
    return None if chosen == dates[-1] else chosen


@st.cache_resource(show_spinner=False)
def search_index() -> pd.DataFrame:
    return county_search.build_index(data())


@st.cache_resource(show_spinner=False)
def county_shapes_url(lang: str) -> str:
    """The published county shapes, one file per language: their tooltips hold translated words."""
    with i18n.use_language(lang):
        return publish_topology(county_topology(data()), STATIC_DIR)


def county_map():
    # Built anew on every run (its shapes are cached): st_folium renames the elements of the map it is given, so
    # a cached map object renders broken JavaScript the second time.
    return build_base_map(data(), county_shapes_url(i18n.language()), fill_frame=presenting())


def county_colors(shown: Layer, map_view: dict):
    """The colors of one layer; in presenter mode also the view, fitted in the browser to the screen's size."""
    return layer_style(shown, fit_bounds=map_view["bounds"] if presenting() else None)


def view_arguments(map_view: dict) -> dict:
    """Where st_folium puts the map: the view itself, or nothing in presenter mode, where the colors fit it."""
    if presenting():
        return {"center": None, "zoom": None}
    return {"center": map_view["center"], "zoom": map_view["zoom"]}


def county_search_box(key: str = "county_search") -> None:
    """A search field; hits link to the county page."""
    query = st.text_input(_("Find a county, city or police department"), key=key,
                          placeholder=_("e.g. Santa Clara, Mesa AZ, Harris County Sheriff"))
    if not query:
        return
    hits = county_search.search(search_index(), query)
    if not hits:
        st.caption(_("No county or agency matches that name. Try fewer letters, or add the state: 'Mesa, AZ'."))
    for hit in hits:
        st.page_link(COUNTY_PAGE, label=plain(hit.label), query_params={"fips": hit.fips, **shared_params()})


def sidebar(today: date | None = None) -> None:
    """The language, search, and the dates of the data every page draws on, with a warning where a source is likely
    stale."""
    with st.sidebar:
        language_control()
        county_search_box("sidebar_search")
        try:
            sources = data().sources
        except compiled.DataFileError:
            return  # the page itself explains the broken data
        dates = "; ".join(f"{s['title']}: {s['as_of']}" for s in sources if s["id"] in CITED_SOURCES)
        st.caption(fill(_("Data as of: {dates}. See *Sources & method*."), dates=dates))
        for stale in stale_sources(sources, today or date.today()):
            st.warning(plain(stale.message))


def county_facts_line(fips: str, profile: dict) -> str:
    """Under a county's name: its code, population with its date, and its ICE field office."""
    facts = dict(fips=fips, population=f"{profile['population']['value']:,}", as_of=profile["population"]["as_of"])
    if profile["ice_field_office"]:
        return _("FIPS {fips} · population {population} ({as_of}) · ICE field office {office}").format(
            office=profile["ice_field_office"], **facts)
    return _("FIPS {fips} · population {population} ({as_of}) · ICE field office unknown").format(**facts)


def class_badge(legend_class, draft: bool = False) -> str:
    draft_note = " <em>" + html.escape(_("(rests on draft evidence, not yet reviewed)")) + "</em>" if draft else ""
    return (f'<div style="display:flex;gap:.6em;align-items:center;font-size:1.2rem">'
            f'<span style="flex:none;width:1.6em;height:1.1em;background:{legend_class.color};'
            f'border:1px solid #444"></span><span><strong>{html.escape(_(legend_class.label))}</strong> — '
            f"{html.escape(_(legend_class.description))}{draft_note}</span></div>")


def indicator_detail(record: dict) -> str:
    """Under an indicator's value: the kind of evidence and its date, or that there is none."""
    draft = record["review_status"] == "draft"
    if not record["basis"]:
        return _("no evidence found · draft") if draft else _("no evidence found")
    as_of = str(record["as_of"])
    date = as_of.removeprefix("as of").strip()
    detail = _("{basis}, as of {date} · draft") if draft else _("{basis}, as of {date}")
    return detail.format(basis=code_word(record["basis"]), date=date)


def indicator_summary(indicators: dict[str, dict]) -> None:
    for column, (name, record) in zip(st.columns(len(indicators)), indicators.items()):
        column.metric(plain(capitalized(_(indicator_name(name)))), _(VALUE_WORDS[record["value"]]),
                      plain(indicator_detail(record)), delta_color="off", delta_arrow="off")


def evidence_table(records: list[dict]) -> None:
    st.markdown(_("**Evidence** (the row that decides each indicator comes first)"))
    if not records:
        st.write(_("No evidence found for this county."))
        return
    table = pd.DataFrame(records)
    table["value"] = [evidence_value_words(record["indicator"], record["value"]) for record in records]
    table["indicator"] = table["indicator"].map(lambda name: _(indicator_name(name)))
    table["basis"] = table["basis"].map(code_word)
    table["as_of"] = table["as_of"].map(lambda as_of: as_of.removeprefix("as of").strip() if isinstance(as_of, str)
                                        else as_of)
    table["review_status"] = table["review_status"].map(code_word)
    table["url"] = table["url"].map(web_link)
    st.dataframe(
        table[["decides", "indicator", "value", "summary", "basis", "as_of", "review_status", "source", "url"]],
        column_config={"decides": st.column_config.CheckboxColumn(_("decides")), "indicator": _("indicator"),
                       "value": _("value"), "basis": _("basis"), "as_of": _("as of"), "review_status": _("review"),
                       "summary": st.column_config.TextColumn(_("evidence"), width="large"), "source": _("source"),
                       "url": st.column_config.LinkColumn(_("link"), display_text=_("open"))},
        hide_index=True, width="stretch",
    )


def agreements_table(title: str, agreements: list[dict], empty: str) -> None:
    st.subheader(plain(title))
    if not agreements:
        st.write(plain(empty))
        return
    table = pd.DataFrame(agreements)[["agency", "agency_type_label", "model_label", "status", "signed",
                                      "source_date", "source", "moa_url"]]
    table["agency_type_label"] = table["agency_type_label"].map(_)
    table["model_label"] = table["model_label"].map(_)
    table["status"] = table["status"].map(code_word)
    table["moa_url"] = table["moa_url"].map(web_link)
    st.dataframe(
        table,
        column_config={
            "agency": _("agency"), "agency_type_label": _("agency type"), "model_label": _("model"),
            "status": _("status"), "signed": _("signed"), "source_date": _("ICE sheet of"),
            "source": _("source file"),
            "moa_url": st.column_config.LinkColumn(_("agreement (MOA)"), display_text="MOA"),
        },
        hide_index=True, width="stretch",
    )


def titled_table(title: str, note: str, table: pd.DataFrame) -> None:
    st.subheader(plain(title))
    st.caption(plain(note))
    st.dataframe(table, hide_index=True, width="stretch")


def layer_caption(layer: Layer) -> str:
    if layer.id == "287g":
        return _("287(g) agreements on ICE's participating list of {date}. Hover a county for details; click it for "
                 "the county page.").format(date=layer.as_of)
    return _("From state laws, 287(g) agreements, ICE detention contracts and local policies, each dated on the "
             "county page. Blank (white) means we found no evidence, not that there is no collaboration.")


def state_law_table(state: str, laws: list[dict]) -> None:
    st.subheader(fill(_("State law in {state}"), state=state))
    if not laws:
        st.write(_("No state law on these practices in our data (which does not mean there is none)."))
        return
    table = pd.DataFrame(laws)[["indicator", "effect", "law_name", "effective_date", "status", "review_status",
                                "note", "url"]]
    table["indicator"] = table["indicator"].map(lambda name: _(indicator_name(name)))
    for column in ("effect", "status", "review_status"):
        table[column] = table[column].map(code_word)
    table["url"] = table["url"].map(web_link)
    st.dataframe(table,
                 column_config={"indicator": _("indicator"), "effect": _("effect"), "law_name": _("law name"),
                                "effective_date": _("effective date"), "status": _("status"),
                                "url": st.column_config.LinkColumn(_("link"), display_text=_("open")),
                                "note": st.column_config.TextColumn(_("what it does"), width="large"),
                                "review_status": _("review")},
                 hide_index=True, width="stretch")


def authority_section(data: compiled.CompiledData, fips: str, profile: dict) -> None:
    chart = authority_chart(data, fips)
    st.markdown(fill(_("**Main target: {office}** ({selection}) — {powers}"), office=chart.primary.title,
                     selection=chart.primary.selection, powers=chart.primary.powers))
    st.graphviz_chart(chart_dot(chart, profile["name"]), width="stretch")
    st.caption(_("The usual pattern in the state, with what is known to differ in this county. Draft: nobody has "
                 "reviewed these rows yet. Cities: the police chief is usually appointed; the mayor or manager and "
                 "the council control the police budget and rules."))
    st.dataframe(offices_table(chart), hide_index=True, width="stretch")  # headers already in the language
    if chart.city_agencies:
        st.markdown(_("**City police agencies in the county** (FBI agency list; 287(g) from ICE's list)"))
        st.dataframe(pd.DataFrame(chart.city_agencies), hide_index=True, width="stretch",
                     column_config={"agency": _("agency"), "fbi_data_year": _("FBI data year"),
                                    "has_287g": st.column_config.CheckboxColumn(_("287(g) agreement"))})
    if chart.ice_field_office:
        st.write(fill(_("ICE field office (area of responsibility): {office}"), office=chart.ice_field_office))
    else:
        st.write(_("ICE field office (area of responsibility): unknown"))


def money_section(profile: dict) -> None:
    detention = pd.DataFrame(profile["money"]["detention"])
    st.subheader(_("ICE detention in the county"))
    if detention.empty:
        st.write(_("No facility in this county is on ICE's detention lists we use."))
    else:
        st.dataframe(detention_display(detention), hide_index=True, width="stretch",
                     column_config={_(ESTIMATED_PAYMENT_COLUMN): st.column_config.NumberColumn(format="$%d")})
        st.caption(_("Average daily ICE population by fiscal year. An estimated payment is shown only where the "
                     "2015 per diem is a single known rate, with its formula; otherwise 'rate unknown'."))
    st.subheader(_("287(g): what the agreements commit the agency to"))
    commitments = profile["money"]["commitments_287g"]
    if not commitments:
        st.markdown("- " + _("No 287(g) agreement of an agency in this county."))
    for text in commitments.values():
        st.markdown("- " + plain(text))
    st.subheader("SCAAP")
    st.write(plain(profile["money"]["scaap"]))
    st.subheader(_("What collaboration costs the county (calculator)"))
    values = {}
    columns = st.columns(2)
    for index, assumption in enumerate(COST_ASSUMPTIONS):
        values[assumption.key] = columns[index % 2].number_input(
            plain(f"{_(assumption.label)} ({_(assumption.unit)})"), min_value=0.0, value=float(assumption.default),
            help=plain(_(assumption.source)), key=f"cost_{assumption.key}")
    costs = yearly_local_cost(values)
    placeholders = [_(a.label) for a in COST_ASSUMPTIONS if a.is_placeholder and values[a.key] == a.default]
    st.metric(_("Estimated yearly cost (an estimate from the assumptions above)"), f"${costs['total']:,.0f}")
    if placeholders:
        st.warning(fill(_("Still placeholders, replace them with your county's figures: {assumptions}"),
                        assumptions="; ".join(placeholders)))
    agencies_287g = sorted({a["agency"] for a in profile["agreements_287g"] if a["status"] == "participating"})
    st.graphviz_chart(flow_diagram(profile["name"], detention, agencies_287g, costs), width="stretch")


def asks_section(profile: dict) -> None:
    st.info(plain(profile["asks"]["label"]))
    for ask in profile["asks"]["items"]:
        with st.container(border=True):
            st.markdown(fill(_("**{ask}** — target: {target}"), ask=ask["title"], target=ask["target"]))
            st.write(plain(ask["detail"]))
            if ask["relies_on_law"]:
                st.caption(fill(_("Because: {reason} · Relies on: {law}"), reason=ask["because"],
                                law=ask["relies_on_law"]))
            else:
                st.caption(fill(_("Because: {reason}"), reason=ask["because"]))
            for point in ask["talking_points"]:
                st.markdown("- " + plain(point))


# --- The view in the URL: layer, state, language, mode (and the county on the county page) -------------------

SHARED_PARAMS = ("layer", "state", "lang", "mode")


def current_view(data: compiled.CompiledData) -> ViewParams:
    """The validated view from the URL; a bad value is dropped from the URL with a visible, plain message that names
    the parameter and never shows the value (lib/params.py)."""
    query = {name: st.query_params.get_all(name) for name in st.query_params}
    view = parse_view(query, set(data.counties["fips"]), set(LAYER_TITLES))
    for problem in view.problems:
        st.warning(fill(_("Link problem: {problem}"), problem=problem))
    for name in view.rejected:  # so links to other pages and the citation box carry only what was kept
        _set_param(name, view.link_value(name))
    return view


def shared_params() -> dict[str, str]:
    """The view parameters a link to another page keeps."""
    return {name: st.query_params[name] for name in SHARED_PARAMS if name in st.query_params}


def _set_param(name: str, value: str | None, default: str | None = None) -> None:
    if value is None or value == default:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def chosen_language() -> str:
    """The language of this run: the sidebar switch when it exists (current on this very run), else the URL's
    `lang`, else English."""
    from_switch = st.session_state.get("lang")
    if from_switch in i18n.LANGUAGES:
        return from_switch
    from_url = st.query_params.get("lang")
    return from_url if from_url in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE


def apply_language() -> None:
    """Sets the language of this run; the app calls it before anything is shown."""
    i18n.set_language(chosen_language())


def language_control() -> None:
    """The language switch (top of the sidebar), written back into the URL so a link keeps the language."""
    chosen = st.segmented_control(_("Language · Idioma"), list(i18n.LANGUAGES), default=i18n.language(),
                                  required=True, format_func=lambda code: i18n.LANGUAGES[code], key="lang")
    _set_param("lang", chosen or i18n.language(), i18n.SOURCE_LANGUAGE)
    if i18n.language() != i18n.SOURCE_LANGUAGE:
        st.caption(_("Names, titles and notes copied from our sources stay in the language of the source (English)."))


def map_controls(data: compiled.CompiledData, view: ViewParams) -> tuple[str, bool, str | None]:
    """Layer, reviewed-only switch, state and presenter mode; the choices are written back into the URL."""
    layer_ids = list(LAYER_TITLES)
    states = data.states.sort_values("state")
    # A widget keeps its format_func after the run (to match what the browser sends back): bind it to this run's
    # language, as every translating format_func in this module is.
    columns = st.columns([3, 3, 2, 2])
    layer_id = columns[0].selectbox(_("Color the map by"), layer_ids,
                                    index=layer_ids.index(view.layer or "level"),
                                    format_func=i18n.in_current_language(lambda key: _(LAYER_TITLES[key])),
                                    key="layer")
    state_names = {None: _("Whole country"), **dict(zip(states["state_abbr"], states["state"]))}
    state = columns[1].selectbox(_("State"), list(state_names), index=list(state_names).index(view.state),
                                 format_func=state_names.get, key="state")
    reviewed_only = columns[2].toggle(_("Reviewed only"), key="reviewed_only",
                                      help=_("Leave out evidence nobody has checked yet (the state-law, "
                                             "local-policy, governance and detention drafts). Counties resting on "
                                             "it become unknown."))
    present = columns[3].toggle(_("Presenter mode"), value=view.mode == "present", key="presenting",
                                help=_("Large type, no sidebar, legend beside the map: for screen sharing."))
    _set_param("layer", layer_id, "level")
    _set_param("state", state)
    _set_param("mode", "present" if present else None)
    with st.container():  # present or not, it keeps the map's place in the page
        if not presenting():
            st.caption(plain(layer_caption(layer(layer_id, reviewed_only))))
    return layer_id, reviewed_only, state


def map_position(data: compiled.CompiledData, state: str | None) -> dict:
    """Where the map looks: the chosen state, else the last quick jump (Lower 48, Alaska, Hawaii, Puerto Rico)."""
    if state:
        box = data.states.set_index("state_abbr").loc[state]
        bounds = (box["west"], box["south"], box["east"], box["north"])
        return {**view_for_bounds(*bounds, width_px=700), "bounds": bounds}
    jump = st.segmented_control(_("Jump to"), list(QUICK_VIEWS), default="Lower 48", key="jump",
                                format_func=i18n.in_current_language(_), label_visibility="collapsed")
    return {**QUICK_VIEWS[jump or "Lower 48"], "bounds": QUICK_VIEW_BOUNDS[jump or "Lower 48"]}


def open_clicked_county(clicked: dict | None) -> None:
    feature = (clicked or {}).get("last_active_drawing") or {}
    fips = (feature.get("properties") or {}).get("fips")
    if fips:
        st.switch_page(COUNTY_PAGE, query_params={"fips": fips, **shared_params()})


def state_panel(data: compiled.CompiledData, state: str, layer: Layer) -> None:
    """The state view: its laws, and its counties sorted from most to least collaboration."""
    name = data.states.set_index("state_abbr").loc[state, "state"]
    laws = data.state_laws[data.state_laws["state_abbr"] == state]
    state_law_table(name, laws.astype(object).where(laws.notna(), None).to_dict("records"))
    st.subheader(fill(_("Counties of {state}, by {layer}"), state=name, layer=layer.translated_title().lower()))
    county_table(data, layer, state)


def map_as_table(data: compiled.CompiledData, layer: Layer) -> None:
    """The text alternative to the map: every county with the class the map gives it, and a link to its page.
    Filled only while open: 3,220 rows would otherwise travel with every map load and layer switch."""
    table = st.expander(_("The map as a table: every county"), key="map_table", on_change="rerun")
    if table.open:
        with table:
            st.caption(fill(_("Counties by {layer}, in the order of the legend."),
                            layer=layer.translated_title().lower()))
            county_table(data, layer)


def county_table(data: compiled.CompiledData, layer: Layer, state: str | None = None) -> None:
    table = counties_by_class(data, layer, state)
    table["class"] = table["class"].map(_)
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={"county": _("county"), "state": _("state"), "class": _("class"),
                                "draft evidence": _("draft evidence"), "population": _("population"),
                                "county page": st.column_config.LinkColumn(_("county page"), display_text=_("open"))})


def counties_by_class(data: compiled.CompiledData, layer: Layer, state: str | None = None) -> pd.DataFrame:
    """Counties (of one state, or all) from the class of most collaboration to the least, then by name."""
    counties = data.counties if state is None else data.counties[data.counties["state_abbr"] == state]
    order = {c.id: index for index, c in enumerate(layer.classes)}
    table = pd.DataFrame({
        "county": counties["name"].to_numpy(),
        "state": counties["state_abbr"].to_numpy(),
        "class": [layer.legend_class(layer.county_class[f]).label for f in counties["fips"]],
        "draft evidence": [layer.is_draft(f) for f in counties["fips"]],
        "population": counties["population"].to_numpy(),
        "county page": [county_page_url(f) for f in counties["fips"]],
        "_order": [order[layer.county_class[f]] for f in counties["fips"]],
    })
    table = table.sort_values(["_order", "state", "county"]).drop(columns="_order")
    return table.drop(columns="state") if state else table


def county_page_url(fips: str) -> str:
    """A relative link to a county page that keeps the language (English is the default and stays out)."""
    lang = i18n.language()
    return f"/county?fips={fips}" + (f"&lang={lang}" if lang != i18n.SOURCE_LANGUAGE else "")


def share_box(data: compiled.CompiledData, page: str, county_name: str | None = None) -> None:
    """The link to this exact view and a citation block with the data's dates."""
    with st.expander(_("Link and citation")):
        base = str(st.context.url or "").split("?")[0]
        query = "&".join(f"{name}={value}" for name, value in st.query_params.to_dict().items())
        link = f"{base}?{query}" if query else base
        st.code(link, language=None)
        st.code(citation(data, county_name, link), language=None)


def citation(data: compiled.CompiledData, county_name: str | None, link: str) -> str:
    dated = "; ".join(f"{source['title']} ({source['as_of']})" for source in data.sources
                      if source["id"] in CITED_SOURCES)
    data_line = _("Data as of: {dates}. State-law, local-policy and governance rows are unreviewed drafts.").format(
        dates=dated)
    if county_name:
        title = _("{county}: County explorer of local collaboration with ICE. {link}").format(county=county_name,
                                                                                            link=link)
    else:
        title = _("County explorer of local collaboration with ICE. {link}").format(link=link)
    return f"{title}\n{data_line}"


CITED_SOURCES = ("ice_287g_participating", "ice_detention_stats", "ddp_daily_population", "policy_stance_draft",
                 "ilrc_uwd_toolkit_2015")


PRESENTER_CSS = """<style>
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"]
  {display: none !important;}
html, body, .stApp {font-size: 20px; color: #000;}
.block-container {padding-top: 0.5rem; padding-bottom: 0; max-width: 100%;}
div[data-testid="stVerticalBlock"] {gap: 0.4rem;}
h1, h2 {font-size: 2.2rem !important;}
.legend {font-size: 17px !important;} .legend li {margin: .15em 0 !important;}
/* The map takes the screen's height, less the controls above it (the map fills its frame: lib/mapview.py). */
iframe[title="streamlit_folium.st_folium"] {height: max(calc(100vh - 190px), 400px) !important;}
.stMain:has(div[data-testid="stSlider"]) iframe[title="streamlit_folium.st_folium"]
  {height: max(calc(100vh - 320px), 400px) !important;}  /* the 287(g) layer's list slider takes room above */
</style>"""


def presenting() -> bool:
    """Presenter mode, from the map's switch when it is on screen (current on this very run), else from the URL."""
    if "presenting" in st.session_state:
        return bool(st.session_state["presenting"])
    return st.query_params.get("mode") == "present"


# Streamlit's own "Download as CSV" on every table writes cells as they are, a formula such as =HYPERLINK(…) in an
# agency name included, and 1.67 has no switch for it (streamlit/streamlit#8402): the app's own CSV buttons, which
# neutralise formulas (lib/exports.py), are the downloads offered.
NO_RAW_TABLE_DOWNLOAD_CSS = """<style>
[data-testid="stElementToolbar"] button[aria-label="Download as CSV"] {display: none !important;}
</style>"""


def apply_display_mode() -> None:
    st.html(NO_RAW_TABLE_DOWNLOAD_CSS)
    if presenting():
        st.html(PRESENTER_CSS)


def history_section(data: compiled.CompiledData, fips: str) -> None:
    """The county through time: its agencies on each ICE 287(g) list, and ICE's detention population."""
    timeline = county_timeline(data.agreement_history, fips)
    st.subheader(_("287(g) agreements on each of ICE's lists"))
    if timeline.empty:
        st.write(fill(_("No agency in this county is on any of ICE's lists we hold (2021-01-13 to {date})."),
                      date=snapshot_dates(data.snapshot_counts)[-1]))
    else:
        st.caption(_("A list date is the date of ICE's list that names the agreement, not its signing date; an "
                     "agreement missing from a later list is no longer listed, which does not say it ended."))
        table = timeline.drop(columns=["agreement_id"])
        table["agency_type"] = table["agency_type"].map(lambda code: _(AGENCY_TYPE_LABELS.get(code, code)))
        table["model"] = table["model"].map(lambda code: _(MODEL_LABELS.get(code, code)))
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={"list_date": _("on ICE's list of"), "agency": _("agency"),
                                    "agency_type": _("agency type"), "model": _("model"),
                                    "signed": _("signed (per ICE)")})
    population = county_detention_population(data, fips)
    st.subheader(_("ICE detainees held in the county, average per day, by fiscal year"))
    if population.empty:
        st.write(_("No facility in this county is on ICE's detention statistics or the daily counts we use."))
        return
    st.bar_chart(population, x="fiscal_year", y="adp", color="facility", x_label=_("fiscal year"),
                 y_label=_("average daily ICE population"))
    st.caption(_("Sources: ICE detention statistics FY19-FY26; Deportation Data Project daily counts for jails "
                 "missing from ICE's lists. Totals only: no breakdown by sex or age is published."))


def county_picker(data: compiled.CompiledData, limit: int) -> list[str]:
    """Counties chosen for comparison, kept in the URL as ?compare=06085,48201."""
    names = (data.counties_by_fips["name"] + ", " + data.counties_by_fips["state_abbr"]).to_dict()
    from_url = list(current_view(data).compare[:limit])  # known counties, each once
    chosen = st.multiselect(_("Counties"), list(names), default=from_url, format_func=names.get,
                            max_selections=limit, key="compare")
    _set_param("compare", ",".join(chosen) or None)
    return chosen


def suggestion_links(title: str, suggestions: list[str], chosen: list[str]) -> None:
    names = data().counties_by_fips["name"]
    options = [fips for fips in suggestions if fips not in chosen][:6]
    if not options:
        return
    st.markdown(f"**{plain(title)}:**")
    for column, fips in zip(st.columns(len(options)), options):
        column.page_link(COMPARE_PAGE, label="+ " + plain(names[fips]),
                         query_params={"compare": ",".join([*chosen, fips][-MAX_COUNTIES:]), **shared_params()})


def brief_downloads(data: compiled.CompiledData, fips: str) -> None:
    """The county's one-page brief as PDF and PNG, made only when a button is clicked."""
    level_layer, evidence = layer("level"), county_evidence()

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
    every_layer = layers(reviewed_only)
    columns = st.columns(3)
    columns[0].download_button(_("County table (CSV)"), file_name="ice-collaboration-counties.csv",
                               mime="text/csv",
                               data=lambda: exports.county_table_csv(evidence_in(i18n.SOURCE_LANGUAGE), every_layer,
                                                                     reviewed_only),
                               on_click="ignore", key="download_csv")
    columns[1].download_button(_("This layer (GeoJSON)"),
                               file_name=f"ice-collaboration-{shown.id}-{shown.as_of}.geojson",
                               mime="application/geo+json",
                               data=lambda: exports.layer_geojson(data, shown),
                               on_click="ignore", key="download_geojson")
    columns[2].download_button(_("Data dictionary and licences"), file_name="ice-collaboration-data-dictionary.md",
                               mime="text/markdown", data=exports.data_dictionary_and_licence,
                               on_click="ignore", key="download_dictionary")


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


def county_page(data: compiled.CompiledData, fips: str) -> None:
    """A county's page. If it cannot be built, a plain page that names the county and offers the search instead of a
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
        st.error(_("This county's page could not be shown because of an error in the app. Please try again later, or "
                   "look up another county:"))
        county_search_box("county_page_search")


def county_sections(data: compiled.CompiledData, fips: str) -> None:
    """Everything on a county page: its level and why, then who decides, where the money flows and what to ask for."""
    profile = county_profile(data, fips, county_evidence())
    level = layer("level").legend_class(profile["level"])

    county_name = f"{profile['name']}, {profile['state']}"
    st.title(plain(county_name))
    st.caption(plain(county_facts_line(fips, profile)))
    st.page_link(MAP_PAGE, label=_("← Back to the map"), query_params=shared_params())
    st.html(class_badge(level, draft=profile["rests_on_draft_evidence"]))
    brief_downloads(data, fips)

    evidence_tab, authority_tab, money_tab, history_tab, asks_tab = st.tabs(
        [_("Why this color"), _("Who decides"), _("Money"), _("History"), _("What to ask for (recommendations)")])
    with evidence_tab:
        st.write(plain(profile["why"]))
        indicator_summary(profile["indicators"])
        evidence_table(profile["evidence"])
        agreements_table(_("287(g) agreements of agencies in this county"), profile["agreements_287g"],
                         empty=_("ICE's lists name no agency in this county."))
        agreements_table(_("Statewide agencies in {state} with 287(g) agreements").format(state=profile["state"]),
                         profile["statewide_agreements_287g"], empty=_("None on ICE's lists."))
        state_law_table(profile["state"], profile["state_laws"])
    with authority_tab:
        authority_section(data, fips, profile)
    with money_tab:
        money_section(profile)
    with history_tab:
        history_section(data, fips)
    with asks_tab:
        asks_section(profile)
    share_box(data, page="county", county_name=county_name)
    correction_box(data, county_name, fips)
