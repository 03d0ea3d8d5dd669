"""The map as HTML: offline, escaped, one feature per drawable county."""

import dataclasses
import re

from lib.layers import layer_287g
from lib.mapview import build_map, county_features, legend_html


def test_map_needs_no_network(data):
    html = build_map(data, layer_287g(data)).get_root().render()
    assert re.findall(r"https?://", html) == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html


def test_every_county_with_a_shape_is_a_feature(data):
    features = county_features(data, layer_287g(data))["features"]
    assert len(features) == int(data.counties["has_shape"].sum()) >= 3100
    assert all(feature["id"] == feature["properties"]["fips"] for feature in features)


def test_tooltip_text_is_escaped(data):
    hostile = data.agreements.copy()
    first = hostile.index[(hostile["status"] == "participating") & hostile["county_fips"].notna()][0]
    hostile.loc[first, "agency"] = "<img src=x onerror=alert(1)>"
    tampered = dataclasses.replace(data, agreements=hostile)
    tips = [f["properties"]["tip"] for f in county_features(tampered, layer_287g(tampered))["features"]]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in tip for tip in tips)
    assert not any("<img" in tip for tip in tips)


def test_legend_counts_every_county(data):
    layer = layer_287g(data)
    html = legend_html(layer)
    assert sum(layer.counts().values()) == len(data.counties)
    for legend_class in layer.classes:
        assert legend_class.color in html
