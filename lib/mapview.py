"""The national county map as a folium map that needs no network: no tile layer, Leaflet and topojson-client
served by the app itself, state outlines and labels drawn from our own data so the map reads without a base map.

The county shapes travel as TopoJSON (about half the bytes of GeoJSON), decoded in the browser, and as a static
file of the app rather than inside the page: Streamlit resends a component's arguments on every rerun, while the
browser fetches a static file once and afterwards only revalidates it."""

import copy
import fcntl
import hashlib
import html
import json
import math
import os
from collections.abc import Iterable
from pathlib import Path

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from lib.data import CompiledData, DataFileError, load
from lib.evidence import in_force
from lib.i18n import LANGUAGES, N_, _, ngettext, use_language
from lib.layers import Layer, hatch_color
from lib.registry import UNKNOWN_COLOR
from lib.vocab import AGENCY_TYPE_LABELS, MODEL_LABELS

# Served by Streamlit's static file serving from static/vendor (copied from the npm leaflet package at setup).
LEAFLET_JS = ("leaflet", "/app/static/vendor/leaflet/leaflet.js")
LEAFLET_CSS = ("leaflet_css", "/app/static/vendor/leaflet/leaflet.css")
STATIC_URL = "/app/static"
GENERATED_FOLDER = "generated"
# In the generated folder: the names of the files the last refresh published and of the set before (see
# refresh_generated).
PUBLISHED_SETS = "published.json"
TOPOJSON_JS = ("topojson", "/app/static/vendor/topojson-client/topojson-client.min.js")

NATIONAL_VIEW = {"center": (38.5, -96.0), "zoom": 4}  # where the map starts, before it is fitted to its region
# The quick views' boxes (west, south, east, north), fitted to the map's real size in the browser. Keys are English
# ids (N_): show them with format_func=_.
QUICK_VIEW_BOUNDS = {
    N_("Lower 48"): (-124.8, 24.4, -66.9, 49.4),
    N_("Alaska"): (-179.2, 51.2, -129.9, 71.4),
    N_("Hawaii"): (-160.3, 18.9, -154.8, 22.3),
    N_("Puerto Rico"): (-67.3, 17.9, -65.2, 18.55),
}
# The map's frame before the page's style sizes it to the window (lib/ui/state.py MAP_FRAME_CSS).
MAP_HEIGHT = 560
TOOLTIP_AGENCY_LIMIT = 4
DRAFT_MARK = N_("(rests on draft evidence, not yet reviewed)")  # shown in italics after a class label
# The hatching over counties resting on draft evidence: a line this wide every so many pixels, on the map and in
# the legend's swatches. Thin and sparse enough for the class color to stay what one reads.
HATCH_SPACING_PX = 7
HATCH_WIDTH_PX = 1.5
HATCH_KEY = N_("Hatched: the color rests on draft evidence, not yet reviewed.")
OUTLINE_COLOR = "#222222"
# Grey county borders on a pale blue-grey sea: "unknown" counties are blank (white) yet still read as land.
COUNTY_BORDER = "#b0b0b0"
WATER_COLOR = "#e6edf2"
STATE_LABEL_PX = {"normal": 12, "large": 18}
NO_SHAPE_NOTE = N_("Falls Church city (VA, 51610) has no shape in the 2017 boundaries and is not drawn.")


def agreement_tips(data: CompiledData) -> pd.Series:
    """Per county, an HTML-escaped line per agency: 'Agency (type): models', in the current language."""
    current = in_force(data.agreements)
    lines = (
        current.groupby(["county_fips", "agency", "agency_type"])["model"]
        .agg(lambda models: ", ".join(_(MODEL_LABELS[m]) for m in sorted(set(models))))
        .reset_index()
    )
    lines["line"] = [
        html.escape(
            _("{agency} ({agency_type}): {models}").format(
                agency=agency, agency_type=_(AGENCY_TYPE_LABELS[kind]), models=models
            )
        )
        for agency, kind, models in zip(lines["agency"], lines["agency_type"], lines["model"])
    ]

    def join(county_lines: pd.Series) -> str:
        shown = list(county_lines[:TOOLTIP_AGENCY_LIMIT])
        if len(county_lines) > TOOLTIP_AGENCY_LIMIT:
            more = len(county_lines) - TOOLTIP_AGENCY_LIMIT
            shown.append(
                html.escape(
                    ngettext("… and {count} more agency", "… and {count} more agencies", more).format(count=more)
                )
            )
        return "<br>".join(shown)

    return lines.groupby("county_fips")["line"].agg(join)


def county_topology(data: CompiledData) -> dict:
    """The county topology with the layer-independent properties the tooltip shows: name and agreements.
    The tooltip texts are in the current language: a cache of the result must be keyed by language."""
    tips = agreement_tips(data)
    names = data.counties_by_fips["name"] + ", " + data.counties_by_fips["state_abbr"]
    topology = copy.copy(data.county_topology)
    counties = topology["objects"]["counties"]
    geometries = []
    for geometry in counties["geometries"]:
        fips = geometry["id"]
        properties = {"fips": fips, "name": html.escape(names[fips]), "tip": tips.get(fips, "")}
        geometries.append({**geometry, "properties": properties})
    topology["objects"] = {"counties": {**counties, "geometries": geometries}}
    return topology


class _CountyShapes(MacroElement):
    """Counties (with tooltip and hover outline) and the state borders, decoded from one TopoJSON.

    State borders are the county borders whose two sides lie in different states, plus the coast, so they
    match the county borders exactly and cost no extra bytes. Texts in the tooltip are escaped in Python.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        // Synchronous on purpose: the counties must exist when this script ends, because st_folium attaches its
        // click handlers to the layers present at that moment. The file is local and cached by the browser.
        var {{ this.get_name() }}_topology = (function () {
            var request = new XMLHttpRequest();
            request.open("GET", {{ this.url|tojson }}, false);
            request.send(null);
            return JSON.parse(request.responseText);
        })();
        var {{ this.get_name() }} = L.geoJson(
            topojson.feature({{ this.get_name() }}_topology, {{ this.get_name() }}_topology.objects.counties),
            {
                style: function () { return {{ this.blank_style|tojson }}; },
                onEachFeature: function (feature, county) {
                    county.bindTooltip(function () {
                        var p = feature.properties;
                        return "<strong>" + p.name + "</strong>" + (p["class"] ? "<br>" + p["class"] : "")
                            + (p.tip ? "<br>" + p.tip : "");
                    }, {sticky: true, className: "county-tip"});
                    county.on("mouseover", function () { county.setStyle({{ this.hover_style|tojson }}); });
                    county.on("mouseout", function () { {{ this.get_name() }}.resetStyle(county); });
                }
            }
        ).addTo({{ this._parent.get_name() }});
        // The map is a focusable div for Leaflet's keyboard panning; a screen reader also needs its name.
        {{ this._parent.get_name() }}.getContainer().setAttribute("role", "region");
        {{ this._parent.get_name() }}.getContainer().setAttribute("aria-label", {{ this.accessible_name|tojson }});
        L.geoJson(
            topojson.mesh({{ this.get_name() }}_topology, {{ this.get_name() }}_topology.objects.counties,
                function (a, b) { return a === b || a.id.slice(0, 2) !== b.id.slice(0, 2); }),
            {style: {{ this.outline_style|tojson }}, interactive: false}
        ).addTo({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "CountyShapes"
        self.url = url
        self.accessible_name = _(
            "Map of US counties. Arrow keys move it, plus and minus zoom. The table under "
            "the map lists the same counties."
        )
        self.blank_style = {"fillColor": "#ffffff", "fillOpacity": 1, "color": COUNTY_BORDER, "weight": 0.4}
        self.hover_style = {"weight": 2.5, "color": "#000000"}
        self.outline_style = {"fill": False, "color": OUTLINE_COLOR, "weight": 1.3}


class _Restyle(MacroElement):
    """Colors the counties already on the map for one layer, and sets the class named in their tooltip.

    Sent apart from the base map (st_folium's feature_group_to_add), so switching layers sends a few
    kilobytes of classes instead of every county shape again, and the map is not rebuilt.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function () {
            const classes = {{ this.classes|tojson }};
            const countyClass = {{ this.county_class|tojson }};
            // A class resting on draft evidence is filled with a pattern: its color under diagonal lines. The
            // canvas renderer hands fillColor to the canvas as its fillStyle, which takes a pattern as well as a
            // color; the pattern is anchored to the map's pixels, so neighbouring counties' lines meet.
            const spacing = {{ this.hatch_spacing|tojson }};
            const hatched = function (legendClass) {
                const tile = document.createElement("canvas");
                tile.width = tile.height = spacing;
                const pen = tile.getContext("2d");
                pen.fillStyle = legendClass.color;
                pen.fillRect(0, 0, spacing, spacing);
                pen.strokeStyle = legendClass.hatch;
                pen.lineWidth = {{ this.hatch_width|tojson }};
                pen.beginPath();
                // The tile's diagonal and the ends of its neighbours' diagonals, so tiles join into unbroken lines.
                [[0, spacing, spacing, 0], [-spacing, spacing, spacing, -spacing], [0, 2 * spacing, 2 * spacing, 0]]
                    .forEach(function (line) { pen.moveTo(line[0], line[1]); pen.lineTo(line[2], line[3]); });
                pen.stroke();
                return pen.createPattern(tile, "repeat");
            };
            const fills = classes.map(function (legendClass) {
                return legendClass.hatch ? hatched(legendClass) : legendClass.color;
            });
            const styleOf = function (feature) {
                const code = countyClass[feature.properties.fips];
                return {fillColor: code === undefined ? "#ffffff" : fills[code], fillOpacity: 1,
                        color: {{ this.border|tojson }}, weight: 0.4};
            };
            {{ this.map_name }}.eachLayer(function (group) {
                if (!(group instanceof L.GeoJSON)) { return; }
                const first = group.getLayers()[0];
                if (!first || !first.feature || !first.feature.properties.fips) { return; }
                group.options.style = styleOf;
                group.eachLayer(function (county) {
                    const legendClass = classes[countyClass[county.feature.properties.fips]];
                    county.feature.properties["class"] = legendClass ? legendClass.label : "";
                    group.resetStyle(county);
                });
            });
        })();
        {% if this.fit_bounds %}
        // The frame's height follows the window (the page's style), so the region is fitted here, to the real
        // size. A rerun fits only a new region, and a resize (a phone turned, a window going full screen) fits
        // again only while nobody has moved the map since: a reader's or presenter's own zoom stays.
        (function () {
            const map = {{ this.map_name }};
            const region = {{ this.fit_bounds|tojson }};
            const bounds = L.latLngBounds(region);
            window.fitMapRegion = function () {
                window.mapRegionFitting = true;
                map.invalidateSize(false);
                map.fitBounds(bounds, {animate: false});
                window.mapRegionFitting = false;
                window.mapRegionIsFitted = true;
            };
            if (!window.mapRegionListens) {
                window.mapRegionListens = true;
                map.on("movestart", function () {
                    if (!window.mapRegionFitting) { window.mapRegionIsFitted = false; }
                });
                window.addEventListener("resize", function () {
                    if (window.mapRegionIsFitted) { window.fitMapRegion(); }
                });
            }
            if (window.mapRegion !== JSON.stringify(region)) {
                window.mapRegion = JSON.stringify(region);
                window.fitMapRegion();
            }
        })();
        {% endif %}
        {% endmacro %}"""
    )

    def __init__(self, layer: Layer, map_name: str, fit_bounds: tuple[float, float, float, float] | None = None):
        super().__init__()
        west, south, east, north = fit_bounds or (None,) * 4
        self.fit_bounds = [[south, west], [north, east]] if fit_bounds else None
        order = [c.id for c in layer.classes]
        # Each class twice: as is, then marked for counties whose class rests on draft evidence. In the current
        # language: the layer is cached, this payload is built on every run.
        draft_mark = f" <em>{html.escape(_(DRAFT_MARK))}</em>"
        self.classes = [{"label": html.escape(_(c.label)), "color": c.color} for c in layer.classes] + [
            {"label": html.escape(_(c.label)) + draft_mark, "color": c.color, "hatch": hatch_color(c.color)}
            for c in layer.classes
        ]
        self.hatch_spacing, self.hatch_width = HATCH_SPACING_PX, HATCH_WIDTH_PX
        codes = layer.county_class.map({class_id: index for index, class_id in enumerate(order)})
        if layer.draft is not None:
            codes = codes + layer.draft.reindex(codes.index, fill_value=False).astype(int) * len(order)
        self.county_class = {fips: int(code) for fips, code in codes.items()}
        self.map_name = map_name
        self.border = COUNTY_BORDER


def layer_style(
    layer: Layer, map_name: str = "map_div", fit_bounds: tuple[float, float, float, float] | None = None
) -> folium.FeatureGroup:
    """What st_folium adds on top of the base map for one color layer (map_div is st_folium's map variable);
    with `fit_bounds` (west, south, east, north), it also fits the view to them (the page passes its region)."""
    group = folium.FeatureGroup(name=f"style-{layer.id}", control=False)
    _Restyle(layer, map_name, fit_bounds).add_to(group)
    return group


def _use_local_leaflet_only(elements: Iterable) -> None:
    """folium points every element at CDNs (Leaflet, jQuery, Bootstrap, fonts); the map needs Leaflet alone."""
    for element in elements:
        if hasattr(element, "default_js"):
            element.default_js = []
            element.default_css = []


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


class _StateLabels(MacroElement):
    """Every state's postal code at its label point, drawn by one loop: 52 folium Markers would cost a quarter
    of a second of template work on every page run."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this.labels|tojson }}.forEach(function (label) {
            L.marker([label[1], label[2]], {
                icon: L.divIcon({html: '<div class="state-label">' + label[0] + '</div>', className: "",
                                 iconSize: [24, 14], iconAnchor: [12, 7]}),
                interactive: false, keyboard: false
            }).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}"""
    )

    def __init__(self, states: pd.DataFrame):
        super().__init__()
        self.labels = [[html.escape(row.state_abbr), row.label_lat, row.label_lon] for row in states.itertuples()]


def publish_topology(topology: dict, static_dir: Path) -> str:
    """Write the county topology where the app serves static files, named by its content so a browser never
    keeps an outdated copy; returns its URL."""
    text = json.dumps(topology, separators=(",", ":"), sort_keys=True)
    name = f"counties-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
    target = static_dir / GENERATED_FOLDER / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)  # atomic: another server process may be writing the same file
    return f"{STATIC_URL}/{GENERATED_FOLDER}/{name}"


def refresh_generated(data: CompiledData, static_dir: Path) -> None:
    """Publishes the county shapes of `data` in every language and deletes every other published file but the
    set published before them. Run at build and at server start, never while a page is served: a server still
    running on the previous data, or a page sent just before a restart, still finds the file it names."""
    folder = static_dir / GENERATED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build and a server start at once would each delete the other's set
        current = sorted({_published_name(data, lang, static_dir) for lang in LANGUAGES})
        last = _published_sets(folder)
        # A restart on the same data publishes the same set again: the set before it stays the previous one.
        previous = last["previous"] if last["current"] == current else last["current"]
        for path in folder.glob("counties-*.json"):
            if path.name not in current and path.name not in previous:
                path.unlink()
        (folder / PUBLISHED_SETS).write_text(json.dumps({"current": current, "previous": previous}), encoding="utf-8")


def refresh_at_server_start(data_dir: Path, static_dir: Path) -> None:
    """refresh_generated for the data the server is about to serve (scripts/appserver.py calls it). Broken data
    has nothing to publish: the folder is left alone, and the pages say what is wrong."""
    try:
        data = load(data_dir)
    except DataFileError:
        return
    refresh_generated(data, static_dir)


def _published_name(data: CompiledData, lang: str, static_dir: Path) -> str:
    with use_language(lang):  # the tooltips hold translated words: one file per language
        return publish_topology(county_topology(data), static_dir).rsplit("/", 1)[1]


def _published_sets(folder: Path) -> dict[str, list[str]]:
    try:
        sets = json.loads((folder / PUBLISHED_SETS).read_text(encoding="utf-8"))
        return {"current": list(sets["current"]), "previous": list(sets["previous"])}
    except (OSError, ValueError, KeyError, TypeError):  # the first refresh, or a record cut short
        return {"current": [], "previous": []}


def build_base_map(data: CompiledData, shapes_url: str, large_labels: bool = False) -> folium.Map:
    """Shapes (fetched from `shapes_url`, see publish_topology), outlines and labels; colors come from
    layer_style(), so the base map is the same for every layer. The map takes the height of its frame, which the
    page sizes to the window; `large_labels` (presenter mode) sets the state labels in projector type."""
    fmap = folium.Map(
        location=NATIONAL_VIEW["center"],
        zoom_start=NATIONAL_VIEW["zoom"],
        tiles=None,
        prefer_canvas=True,
        min_zoom=2,
        max_zoom=11,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    label_px = STATE_LABEL_PX["large" if large_labels else "normal"]
    fmap.get_root().header.add_child(
        Element(
            "<style>#map_div{height:100vh !important}"
            f".leaflet-container{{background:{WATER_COLOR};font-size:15px}}"
            # Centered on the label point whatever its size (the marker's box is 24 x 14 pixels).
            f".state-label{{position:absolute;left:12px;top:7px;transform:translate(-50%,-50%);"
            f"font:600 {label_px}px sans-serif;color:#111;text-shadow:0 0 3px #fff,0 0 3px #fff;"
            "white-space:nowrap;pointer-events:none}"
            ".county-tip{font-size:14px;min-width:260px;max-width:420px;white-space:normal}</style>"
        )
    )
    _CountyShapes(shapes_url).add_to(fmap)
    _StateLabels(data.states).add_to(fmap)
    _use_local_leaflet_only(_walk(fmap))
    fmap.default_js = [LEAFLET_JS, TOPOJSON_JS]
    fmap.default_css = [LEAFLET_CSS]
    return fmap


def hatch_css(color: str) -> str:
    """A CSS background: `color` under the map's hatch lines (the lines' gap measured across them, as on the map)."""
    gap = round(HATCH_SPACING_PX / math.sqrt(2), 2)
    return (
        f"repeating-linear-gradient(135deg,{hatch_color(color)} 0 {HATCH_WIDTH_PX}px,"
        f"{color} {HATCH_WIDTH_PX}px {gap}px)"
    )


def legend_html(layer: Layer, region: str | None = None) -> str:
    """The legend beside the map: a swatch, label and county count per class, largest type for projectors.
    Classes resting on draft evidence say how many of their counties do, beside a hatched swatch, and a last line
    explains the hatching. With `region` (a state's name, from the data), the heading says the counts are that
    region's: pass `layer.of_counties(...)` with it. In the current language."""
    counts, drafts = layer.counts(), layer.draft_counts()

    def draft_note(legend_class) -> str:
        count = drafts[legend_class.id]
        if not count:
            return ""
        note = ngettext("{count} on draft evidence", "{count} on draft evidence", count).format(count=f"{count:,}")
        swatch = f'<span class="hatch" style="background:{hatch_css(legend_class.color)}"></span>'
        return f'<span class="draft">{swatch}{html.escape(note)}</span>'

    rows = "".join(
        f'<li title="{html.escape(_(c.description))}"><span class="swatch" style="background:{c.color}"></span>'
        f'<span class="label">{html.escape(_(c.label))}{draft_note(c)}</span>'
        f'<span class="count">{counts[c.id]:,}</span></li>'
        for c in layer.classes
    )
    hatch_key = (
        f'<p class="hatch-key"><span class="swatch" style="background:{hatch_css(UNKNOWN_COLOR)}"></span>'
        f"<span>{html.escape(_(HATCH_KEY))}</span></p>"
        if any(drafts.values())
        else ""
    )
    title = f"<strong>{html.escape(layer.translated_title())}</strong>"
    heading = (
        html.escape(_("{title} — counties per class")).format(title=title)
        if region is None
        else html.escape(_("{title} — counties per class in {region}")).format(title=title, region=html.escape(region))
    )
    legend_name = html.escape(_("Legend"))
    return (
        "<style>.map-legend{font:16px/1.3 sans-serif}"
        ".legend{list-style:none;padding:0 !important;margin:.3em 0 0 !important;font-size:inherit !important}"
        ".legend li{display:flex;align-items:center;gap:.5em;margin:.3em 0 !important;padding:0;"
        "font-size:inherit !important}"
        ".map-legend .swatch{flex:none;width:1.6em;height:1.1em;border:1px solid #444}"
        ".legend .label{flex:1}.legend .count{font-variant-numeric:tabular-nums;font-weight:600}"
        ".legend .draft{display:block;font-size:.82em;font-style:italic;color:#444}"
        ".legend .hatch{display:inline-block;vertical-align:-.1em;width:1.4em;height:.9em;margin-right:.35em;"
        "border:1px solid #444}"
        ".hatch-key{display:flex;align-items:center;gap:.5em;margin:.4em 0 0;font-size:.9em}</style>"
        f'<div class="map-legend">{heading}'
        f'<ul class="legend" aria-label="{legend_name}">{rows}</ul>{hatch_key}</div>'
    )
