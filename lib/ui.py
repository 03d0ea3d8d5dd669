"""The one module that talks to Streamlit outside pages/: cached data, shared sidebar and small shared widgets."""

import html

import pandas as pd
import streamlit as st

from lib import data as compiled
from lib import search as county_search
from lib.authority import authority_chart, chart_dot, offices_table
from lib.evidence import CountyEvidence
from lib.explain import INDICATOR_NAMES, VALUE_WORDS
from lib.layers import Layer
from lib.maplayers import build_layers
from lib.mapview import build_base_map, layer_style
from lib.money import COST_ASSUMPTIONS, flow_diagram, yearly_local_cost

COUNTY_PAGE = "app_pages/county.py"
MAP_PAGE = "app_pages/map.py"


@st.cache_resource(show_spinner=False)
def data() -> compiled.CompiledData:
    return compiled.load()


def data_or_stop() -> compiled.CompiledData:
    """The compiled data, or an error page that names the broken file and the command that fixes it."""
    try:
        return data()
    except compiled.DataFileError as error:
        st.error(f"The app's data could not be loaded. {error}")
        st.stop()


@st.cache_resource(show_spinner=False)
def county_evidence() -> CountyEvidence:
    return CountyEvidence(data())


@st.cache_resource(show_spinner=False)
def layers(reviewed_only: bool = False) -> dict[str, Layer]:
    return build_layers(data(), reviewed_only)


def layer(layer_id: str, reviewed_only: bool = False) -> Layer:
    return layers(reviewed_only)[layer_id]


@st.cache_resource(show_spinner=False)
def search_index() -> pd.DataFrame:
    return county_search.build_index(data())


def county_map():
    # Built anew on every run: st_folium renames the elements of the map it is given, so a cached map
    # object renders broken JavaScript the second time.
    return build_base_map(data())


def county_colors(layer_id: str, reviewed_only: bool = False):
    return layer_style(layer(layer_id, reviewed_only))


def county_search_box(key: str = "county_search") -> None:
    """A search field; hits link to the county page."""
    query = st.text_input("Find a county, city or police department", key=key,
                          placeholder="e.g. Santa Clara, Mesa AZ, Harris County Sheriff")
    if not query:
        return
    hits = county_search.search(search_index(), query)
    if not hits:
        st.caption("No county or agency matches that name. Try fewer letters, or add the state: 'Mesa, AZ'.")
    for hit in hits:
        st.page_link(COUNTY_PAGE, label=hit.label, query_params={"fips": hit.fips})


def sidebar() -> None:
    with st.sidebar:
        county_search_box("sidebar_search")
        st.caption("Data from public sources: ICE's 287(g) lists, FBI agency list, Census boundaries. "
                   "See *Sources & method* for dates and caveats.")


def class_badge(legend_class, draft: bool = False) -> str:
    draft_note = " <em>(rests on draft evidence, not yet reviewed)</em>" if draft else ""
    return (f'<div style="display:flex;gap:.6em;align-items:center;font-size:1.2rem">'
            f'<span style="flex:none;width:1.6em;height:1.1em;background:{legend_class.color};'
            f'border:1px solid #444"></span><span><strong>{html.escape(legend_class.label)}</strong> — '
            f"{html.escape(legend_class.description)}{draft_note}</span></div>")


def indicator_summary(indicators: dict[str, dict]) -> None:
    for column, (name, record) in zip(st.columns(len(indicators)), indicators.items()):
        as_of = record["as_of"] if str(record["as_of"]).startswith("as of") else f"as of {record['as_of']}"
        detail = f"{record['basis']}, {as_of}" if record["basis"] else "no evidence found"
        if record["review_status"] == "draft":
            detail += " · draft"
        column.metric(INDICATOR_NAMES[name][0].upper() + INDICATOR_NAMES[name][1:], VALUE_WORDS[record["value"]], detail, delta_color="off",
                      delta_arrow="off")


def evidence_table(records: list[dict]) -> None:
    st.markdown("**Evidence** (the row that decides each indicator comes first)")
    if not records:
        st.write("No evidence found for this county.")
        return
    table = pd.DataFrame(records)
    table["indicator"] = table["indicator"].map(INDICATOR_NAMES)
    table["value"] = table["value"].map(lambda v: VALUE_WORDS.get(v, "context only") if v else "context only")
    st.dataframe(
        table[["decides", "indicator", "value", "summary", "basis", "as_of", "review_status", "source", "url"]],
        column_config={"decides": st.column_config.CheckboxColumn("decides"), "as_of": "as of",
                       "review_status": "review", "summary": st.column_config.TextColumn("evidence", width="large"),
                       "url": st.column_config.LinkColumn("link", display_text="open")},
        hide_index=True, width="stretch",
    )


def agreements_table(title: str, agreements: list[dict], empty: str) -> None:
    st.subheader(title)
    if not agreements:
        st.write(empty)
        return
    table = pd.DataFrame(agreements)[["agency", "agency_type_label", "model_label", "status", "signed",
                                      "source_date", "source", "moa_url"]]
    st.dataframe(
        table,
        column_config={
            "agency_type_label": "agency type", "model_label": "model", "signed": "signed",
            "source_date": "ICE sheet of", "source": "source file",
            "moa_url": st.column_config.LinkColumn("agreement (MOA)", display_text="MOA"),
        },
        hide_index=True, width="stretch",
    )


def layer_caption(layer: Layer) -> str:
    if layer.id == "287g":
        return f"287(g) agreements on ICE's participating list of {layer.as_of}. Hover a county for details; " \
               "click it for the county page."
    return ("From state laws, 287(g) agreements, ICE detention contracts and local policies, each dated on the "
            "county page. Grey means we found no evidence, not that there is no collaboration.")


def state_law_table(state: str, laws: list[dict]) -> None:
    st.subheader(f"State law in {state}")
    if not laws:
        st.write("No state law on these practices in our data (which does not mean there is none).")
        return
    st.dataframe(pd.DataFrame(laws)[["indicator", "effect", "law_name", "effective_date", "status", "review_status",
                                     "note", "url"]],
                 column_config={"url": st.column_config.LinkColumn("link", display_text="open"),
                                "note": st.column_config.TextColumn("what it does", width="large"),
                                "review_status": "review"},
                 hide_index=True, width="stretch")


def authority_section(data: compiled.CompiledData, fips: str, profile: dict) -> None:
    chart = authority_chart(data, fips)
    st.markdown(f"**Main target: {chart.primary.title}** ({chart.primary.selection}) — {chart.primary.powers}")
    st.graphviz_chart(chart_dot(chart, profile["name"]), width="stretch")
    st.caption("The usual pattern in the state, with what is known to differ in this county. Draft: nobody has "
               "reviewed these rows yet. Cities: the police chief is usually appointed; the mayor or manager and "
               "the council control the police budget and rules.")
    st.dataframe(offices_table(chart), hide_index=True, width="stretch")
    if chart.city_agencies:
        st.markdown("**City police agencies in the county** (FBI agency list; 287(g) from ICE's list)")
        st.dataframe(pd.DataFrame(chart.city_agencies), hide_index=True, width="stretch")
    st.write(f"ICE field office (area of responsibility): {chart.ice_field_office or 'unknown'}")


def money_section(profile: dict) -> None:
    detention = pd.DataFrame(profile["money"]["detention"])
    st.subheader("ICE detention in the county")
    if detention.empty:
        st.write("No facility in this county is on ICE's detention lists we use.")
    else:
        st.dataframe(detention, hide_index=True, width="stretch",
                     column_config={"estimated yearly payment": st.column_config.NumberColumn(format="$%d")})
        st.caption("Average daily ICE population by fiscal year. An estimated payment is shown only where the 2015 "
                   "per diem is a single known rate, with its formula; otherwise 'rate unknown'.")
    st.subheader("287(g): what the agreements commit the agency to")
    commitments = profile["money"]["commitments_287g"]
    for model, text in commitments.items() or [("none", "No 287(g) agreement of an agency in this county.")]:
        st.markdown(f"- {text}")
    st.subheader("SCAAP")
    st.write(profile["money"]["scaap"])
    st.subheader("What collaboration costs the county (calculator)")
    values = {}
    columns = st.columns(2)
    for index, assumption in enumerate(COST_ASSUMPTIONS):
        values[assumption.key] = columns[index % 2].number_input(
            f"{assumption.label} ({assumption.unit})", min_value=0.0, value=float(assumption.default),
            help=assumption.source, key=f"cost_{assumption.key}")
    costs = yearly_local_cost(values)
    placeholders = [a.label for a in COST_ASSUMPTIONS if a.is_placeholder and values[a.key] == a.default]
    st.metric("Estimated yearly cost (an estimate from the assumptions above)", f"${costs['total']:,.0f}")
    if placeholders:
        st.warning("Still placeholders, replace them with your county's figures: " + "; ".join(placeholders))
    agencies_287g = sorted({a["agency"] for a in profile["agreements_287g"] if a["status"] == "participating"})
    st.graphviz_chart(flow_diagram(profile["name"], detention, agencies_287g, costs), width="stretch")


def asks_section(profile: dict) -> None:
    st.info(profile["asks"]["label"])
    for ask in profile["asks"]["items"]:
        with st.container(border=True):
            st.markdown(f"**{ask['title']}** — target: {ask['target']}")
            st.write(ask["detail"])
            st.caption(f"Because: {ask['because']}"
                       + (f" · Relies on: {ask['relies_on_law']}" if ask["relies_on_law"] else ""))
            for point in ask["talking_points"]:
                st.markdown(f"- {point}")
