"""The counties of a map layer as a table, in the order of its legend: the map's text alternative."""

import pandas as pd

from lib.data import CompiledData
from lib.layers import Layer
from lib.links import county_page_url


def counties_by_class(data: CompiledData, layer: Layer, state: str | None = None) -> pd.DataFrame:
    """Counties (of one state, or all) from the class of most collaboration to the least, then by name."""
    counties = data.counties if state is None else data.counties[data.counties["state_abbr"] == state]
    order = {c.id: index for index, c in enumerate(layer.classes)}
    table = pd.DataFrame(
        {
            "county": counties["name"].to_numpy(),
            "state": counties["state_abbr"].to_numpy(),
            "class": [layer.legend_class(layer.county_class[f]).label for f in counties["fips"]],
            "draft evidence": [layer.is_draft(f) for f in counties["fips"]],
            "population": counties["population"].to_numpy(),
            "county page": [county_page_url(f) for f in counties["fips"]],
            "_order": [order[layer.county_class[f]] for f in counties["fips"]],
        }
    )
    table = table.sort_values(["_order", "state", "county"]).drop(columns="_order")
    return table.drop(columns="state") if state else table
