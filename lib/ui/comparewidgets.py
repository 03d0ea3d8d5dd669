"""The compare page's parts: the county picker (kept in the URL) and the suggested counties."""

import streamlit as st

from lib import data as compiled
from lib.compare import MAX_COUNTIES
from lib.i18n import _
from lib.links import COMPARE_PAGE
from lib.safetext import plain
from lib.ui.cache import data
from lib.ui.state import current_view, set_param, shared_params


def county_picker(data: compiled.CompiledData, limit: int) -> list[str]:
    """Counties chosen for comparison, kept in the URL as ?compare=06085,48201."""
    names = (data.counties_by_fips["name"] + ", " + data.counties_by_fips["state_abbr"]).to_dict()
    from_url = list(current_view(data).compare[:limit])  # known counties, each once
    chosen = st.multiselect(
        _("Counties"), list(names), default=from_url, format_func=names.get, max_selections=limit, key="compare"
    )
    set_param("compare", ",".join(chosen) or None)
    return chosen


def suggestion_links(title: str, suggestions: list[str], chosen: list[str]) -> None:
    names = data().counties_by_fips["name"]
    options = [fips for fips in suggestions if fips not in chosen][:6]
    if not options:
        return
    st.markdown(f"**{plain(title)}:**")
    for column, fips in zip(st.columns(len(options)), options):
        column.page_link(
            COMPARE_PAGE,
            label="+ " + plain(names[fips]),
            query_params={"compare": ",".join([*chosen, fips][-MAX_COUNTIES:]), **shared_params()},
        )
