"""The colors the map actually draws (the restyle payload sent to the browser) stay apart for people with
the common color-vision deficiencies, and "unknown" stays apart from every level."""

from itertools import combinations

import pytest
from coloraide import Color

from lib.evidence import CountyEvidence
from lib.layers import build_layers
from lib.mapview import COUNTY_BORDER, layer_style

VISIONS = (None, "deutan", "protan", "tritan")
MIN_DIFFERENCE = 5  # CIEDE2000; about 2.3 is "just noticeable"
MIN_UNKNOWN_DIFFERENCE = 10


def emitted_colors(layer) -> dict[str, str]:
    (restyle,) = layer_style(layer)._children.values()
    return {legend_class.id: entry["color"] for legend_class, entry in zip(layer.classes, restyle.classes)}


def seen(color: str, vision: str | None) -> Color:
    return Color(color) if vision is None else Color(color).filter(vision)


@pytest.fixture(scope="module")
def layers(data):
    return build_layers(CountyEvidence.assemble(data))


@pytest.mark.parametrize("vision", VISIONS)
def test_every_two_classes_of_a_layer_stay_apart(layers, vision):
    for layer in layers.values():
        colors = emitted_colors(layer)
        for (first, a), (second, b) in combinations(colors.items(), 2):
            difference = seen(a, vision).delta_e(seen(b, vision), method="2000")
            assert difference >= MIN_DIFFERENCE, (layer.id, vision, first, second, round(difference, 1))


@pytest.mark.parametrize("vision", VISIONS)
def test_unknown_is_unmistakable(layers, vision):
    for layer in layers.values():
        colors = emitted_colors(layer)
        if "unknown" not in colors:
            continue
        for class_id, color in colors.items():
            if class_id != "unknown":
                difference = seen(colors["unknown"], vision).delta_e(seen(color, vision), method="2000")
                assert difference >= MIN_UNKNOWN_DIFFERENCE, (layer.id, vision, class_id, round(difference, 1))


def test_blank_counties_keep_visible_borders():
    assert Color(COUNTY_BORDER).contrast(Color("#ffffff")) >= 2


@pytest.mark.parametrize("vision", VISIONS)
def test_hatch_lines_stand_out_on_every_class_they_cover(layers, vision):
    """Counties resting on draft evidence keep their class color under hatch lines that can be told from it."""
    for layer in layers.values():
        (restyle,) = layer_style(layer)._children.values()
        drafted = restyle.classes[len(layer.classes) :]
        assert [entry["color"] for entry in drafted] == list(emitted_colors(layer).values())
        for legend_class, entry in zip(layer.classes, drafted):
            difference = seen(entry["hatch"], vision).delta_e(seen(entry["color"], vision), method="2000")
            assert difference >= MIN_UNKNOWN_DIFFERENCE, (layer.id, vision, legend_class.id, round(difference, 1))
