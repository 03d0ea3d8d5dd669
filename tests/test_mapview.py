"""The map as HTML: offline, escaped, one feature per drawable county."""

import dataclasses
import json
import re

import pandas as pd
import pytest

from lib.layers import layer_287g
from lib.mapview import build_base_map, county_topology, layer_style, legend_html, publish_topology


def test_map_needs_no_network(data, tmp_path):
    fmap = build_base_map(data, publish_topology(county_topology(data), tmp_path))
    layer_style(layer_287g(data)).add_to(fmap)
    html = fmap.get_root().render()
    assert re.findall(r"https?://", html) == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html


def counties_of(topology):
    return topology["objects"]["counties"]["geometries"]


def test_every_county_with_a_shape_is_a_feature(data):
    counties = counties_of(county_topology(data))
    assert len(counties) == int(data.counties["has_shape"].sum()) >= 3100
    assert all(county["id"] == county["properties"]["fips"] for county in counties)


def test_tooltip_properties_do_not_leak_into_the_loaded_data(data):
    county_topology(data)
    assert "name" not in counties_of(data.county_topology)[0].get("properties", {})


def test_tooltip_text_is_escaped(data):
    hostile = data.agreements.copy()
    first = hostile.index[(hostile["status"] == "participating") & hostile["county_fips"].notna()][0]
    hostile.loc[first, "agency"] = "<img src=x onerror=alert(1)>"
    tampered = dataclasses.replace(data, agreements=hostile)
    tips = [county["properties"]["tip"] for county in counties_of(county_topology(tampered))]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in tip for tip in tips)
    assert not any("<img" in tip for tip in tips)


def test_layer_style_carries_every_county_class_and_no_shapes(data):
    (restyle,) = layer_style(layer_287g(data))._children.values()
    script = restyle._template.module.script(restyle)
    assert '"01001": 0' in script  # Autauga's sheriff has a jail model agreement: the first class
    assert len(script) < 100_000 and '"coordinates"' not in script


def test_legend_counts_every_county(data):
    layer = layer_287g(data)
    html = legend_html(layer)
    assert sum(layer.counts().values()) == len(data.counties)
    for legend_class in layer.classes:
        assert legend_class.color in html


def legend_counts(legend: str) -> list[int]:
    return [int(count.replace(",", "")) for count in re.findall(r'<span class="count">([\d,]+)</span>', legend)]


def test_a_state_legend_counts_that_state_only(data):
    layer = layer_287g(data)
    texas = set(data.counties.loc[data.counties["state_abbr"] == "TX", "fips"])
    legend = legend_html(layer.of_counties(texas), region="Texas")
    assert sum(legend_counts(legend)) == len(texas) == 254
    assert "counties per class in Texas" in legend
    assert sum(legend_counts(legend_html(layer))) == len(data.counties)


def test_a_state_legend_counts_its_drafts_only(data):
    layer = layer_287g(data)
    drafts = pd.Series(layer.county_class.index.str.startswith(("48", "06")), index=layer.county_class.index)
    layer = dataclasses.replace(layer, draft=drafts)
    texas = set(data.counties.loc[data.counties["state_abbr"] == "TX", "fips"])
    in_texas = layer.of_counties(texas)
    assert sum(in_texas.draft_counts().values()) == 254
    assert set(in_texas.draft.index) == set(in_texas.county_class.index) == texas
    assert sum(layer.draft_counts().values()) == 254 + 58


def test_published_topology_is_named_by_its_content(data, tmp_path):
    topology = county_topology(data)
    url = publish_topology(topology, tmp_path)
    assert url.startswith("/app/static/generated/counties-") and url.endswith(".json")
    assert publish_topology(topology, tmp_path) == url
    written = tmp_path / "generated" / url.rsplit("/", 1)[1]
    assert json.loads(written.read_text()) == topology


@pytest.fixture
def hostile(stand_in_spanish):
    """A Spanish whose every text carries markup: shown texts must be escaped after translation."""
    return stand_in_spanish("<i>", "")


def test_legend_restyle_and_tooltips_are_translated_per_run_and_escaped(data, hostile):
    layer = layer_287g(data)
    with hostile:
        legend = legend_html(layer)
        (restyle,) = layer_style(layer)._children.values()
        tips = [county["properties"]["tip"] for county in counties_of(county_topology(data))]
    assert "&lt;i&gt;Jail model (jail operator)" in legend and "&lt;i&gt;287(g) agreements" in legend
    assert "<i>" not in legend
    assert restyle.classes[0]["label"] == "&lt;i&gt;Jail model (jail operator)"
    assert restyle.classes[-1]["label"].endswith("<em>&lt;i&gt;(rests on draft evidence, not yet reviewed)</em>")
    assert any("&lt;i&gt;jail enforcement model" in tip for tip in tips)
    assert not any("<i>" in tip for tip in tips)
    assert layer.classes[0].label == "Jail model (jail operator)" and layer.title == "287(g) agreements"
    assert "Jail model (jail operator)</span>" in legend_html(layer)  # back in English outside the run
