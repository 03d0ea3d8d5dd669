"""The map page's parts: its controls (written back into the URL), the map, the state view, and the map as a
table."""

import streamlit as st

from lib import data as compiled
from lib import i18n
from lib.countytable import counties_by_class
from lib.history import sheet_label, snapshot_dates, summary_line
from lib.i18n import _
from lib.layers import Layer
from lib.links import COUNTY_PAGE
from lib.mapview import (
    HATCH_KEY,
    QUICK_VIEW_BOUNDS,
    build_base_map,
    layer_style,
    legend_html,
)
from lib.params import REVIEWED_ONLY, ViewParams
from lib.registry import AGREEMENT_287G, LAYER_TITLES, LEVEL_LAYER
from lib.safetext import fill, plain
from lib.ui.cache import county_shapes_url, data
from lib.ui.state import presenting, set_param, shared_params
from lib.ui.tables import state_law_table


def map_controls(data: compiled.CompiledData, view: ViewParams) -> tuple[str, bool, str | None]:
    """Layer, reviewed-only switch, state and presenter mode; the choices are written back into the URL."""
    layer_ids = list(LAYER_TITLES)
    states = data.states.sort_values("state")
    # A widget keeps its format_func after the run (to match what the browser sends back): bind it to this run's
    # language, as every translating format_func in lib/ui/ is.
    # The two switches share a column, one above the other: side by side their labels were cut.
    columns = st.columns([3, 3, 2.2])
    layer_id = columns[0].selectbox(
        _("Color the map by"),
        layer_ids,
        index=layer_ids.index(view.layer or LEVEL_LAYER),
        format_func=i18n.in_current_language(lambda key: _(LAYER_TITLES[key])),
        key="layer",
    )
    state_names = {None: _("Whole country"), **dict(zip(states["state_abbr"], states["state"]))}
    state = columns[1].selectbox(
        _("State"),
        list(state_names),
        index=list(state_names).index(view.state),
        format_func=state_names.get,
        key="state",
    )
    reviewed_only = columns[2].toggle(
        _("Reviewed only"),
        value=view.reviewed_only,
        key="reviewed_only",
        help=_(
            "Leave out evidence nobody has checked yet (the state-law, "
            "local-policy, governance and detention drafts). Counties resting on "
            "it become unknown."
        ),
    )
    present = columns[2].toggle(
        _("Presenter mode"),
        value=view.mode == "present",
        key="presenting",
        help=_("Large type, no sidebar, legend beside the map: for screen sharing."),
    )
    set_param("layer", layer_id, LEVEL_LAYER)
    set_param("state", state)
    set_param("mode", "present" if present else None)
    set_param("reviewed", REVIEWED_ONLY if reviewed_only else None)
    return layer_id, reviewed_only, state


def layer_caption(layer: Layer) -> str:
    if layer.id == AGREEMENT_287G:
        return _(
            "287(g) agreements on ICE's participating list of {date}. Hover a county for details; click it for "
            "the county page."
        ).format(date=layer.as_of)
    return _(
        "From state laws, 287(g) agreements, ICE detention contracts and local policies, each dated on the "
        "county page. Blank (white) means we found no evidence, not that there is no collaboration."
    )


def history_control(layer_id: str, view: ViewParams) -> str | None:
    """For the 287(g) layer, a slider over the dates of ICE's lists and a summary line; None for today's list.
    The date goes into the URL (left out for the newest list), so a link shows the same list."""
    if layer_id != AGREEMENT_287G:
        set_param("list", None)
        return None
    counts = data().snapshot_counts
    dates = snapshot_dates(counts)
    chosen = st.select_slider(_("ICE's 287(g) list of"), dates, value=view.list_date or dates[-1], key="list_date")
    set_param("list", chosen, dates[-1])
    previous = dates[dates.index(chosen) - 1] if dates.index(chosen) > 0 else None
    facts = dict(summary=summary_line(counts, chosen, previous), sheet=sheet_label(counts, chosen))
    st.caption(
        fill(_("{summary}. Source: {sheet}."), **facts)
        if chosen == dates[-1]
        else fill(_("{summary}. Source: {sheet}. Tooltips list the agreements on the newest list."), **facts)
    )
    return None if chosen == dates[-1] else chosen


def map_region(data: compiled.CompiledData, state: str | None) -> tuple[float, float, float, float]:
    """The box (west, south, east, north) the map is fitted to: the chosen state, else the last quick jump (Lower
    48, Alaska, Hawaii, Puerto Rico)."""
    if state:
        box = data.states.set_index("state_abbr").loc[state]
        return (box["west"], box["south"], box["east"], box["north"])
    jump = st.segmented_control(
        _("Jump to"),
        list(QUICK_VIEW_BOUNDS),
        default="Lower 48",
        key="jump",
        format_func=i18n.in_current_language(_),
        label_visibility="collapsed",
    )
    return QUICK_VIEW_BOUNDS[jump or "Lower 48"]


def county_map():
    # Built anew on every run (its shapes are cached): st_folium renames the elements of the map it is given, so
    # a cached map object renders broken JavaScript the second time.
    return build_base_map(data(), county_shapes_url(i18n.language()), large_labels=presenting())


def county_colors(shown: Layer, region: tuple[float, float, float, float]):
    """The colors of one layer, and the region, fitted in the browser to the map's real size."""
    return layer_style(shown, fit_bounds=region)


def about_the_colors(shown: Layer) -> None:
    """What the colors rest on, under the legend (left out in presenter mode)."""
    if not presenting():
        st.caption(plain(layer_caption(shown)))


def legend(data: compiled.CompiledData, shown: Layer, state: str | None) -> None:
    """The legend beside the map; in a state view it counts that state's counties only."""
    if state is None:
        st.html(legend_html(shown))
        return
    counties = data.counties[data.counties["state_abbr"] == state]
    name = data.states.set_index("state_abbr").loc[state, "state"]
    st.html(legend_html(shown.of_counties(set(counties["fips"])), region=name))


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
            st.caption(
                fill(_("Counties by {layer}, in the order of the legend."), layer=layer.translated_title().lower())
            )
            county_table(data, layer)


def county_table(data: compiled.CompiledData, layer: Layer, state: str | None = None) -> None:
    table = counties_by_class(data, layer, state)
    table["class"] = table["class"].map(_)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "county": _("county"),
            "state": _("state"),
            "class": _("class"),
            "draft evidence": st.column_config.CheckboxColumn(_("draft evidence"), help=plain(_(HATCH_KEY))),
            "population": _("population"),
            "county page": st.column_config.LinkColumn(_("county page"), display_text=_("open")),
        },
    )
