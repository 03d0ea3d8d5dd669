"""County shapes: the compiled TopoJSON topology (data/counties.topojson) decoded to GeoJSON geometries, for the
GeoJSON download and the brief's map inset. The browser map decodes the same topology itself (lib/mapview.py).
"""

from topojson.utils import serialize_as_geojson

# The topology is quantized to about 0.001 degree; more decimals would only add bytes.
COORDINATE_DECIMALS = 4


def county_geometries(topology: dict) -> dict[str, dict]:
    """GeoJSON geometry of every county drawn on the map, by FIPS (Falls Church city has no shape)."""
    collection = serialize_as_geojson(topology, objectname="counties", decimals=COORDINATE_DECIMALS)
    return {feature["properties"]["fips"]: feature["geometry"] for feature in collection["features"]}
