"""Presenter mode as a presentation tool: the focus card of one county (its level, why in one sentence, top ask) and
the steps of a tour (?tour=06085,48201,…), as plain data. lib/ui/presenter.py shows them."""

import html
from dataclasses import dataclass

import folium
from branca.element import MacroElement
from jinja2 import Template

from lib.classify import Classification, Evidence
from lib.i18n import N_, _
from lib.profile import CountyProfile
from lib.registry import HOLDS, LEVEL_CLASSES, PARTNERSHIP, UNKNOWN
from lib.vocab import BASIS_WORDS

# The label of the card's ask: a recommendation of this project, never legal advice (lib/asks.py says the same at
# length on the county page).
ASK_LABEL = N_("Top ask — a recommendation, not legal advice")
DRAFT_STATE = N_("Draft: rests on evidence nobody has reviewed yet")
UNKNOWN_STATE = N_("Unknown is not “no collaboration”: we found no evidence either way.")
# Large enough to read from the back of a room: 32 px and more on a 1920-pixel screen, never below 20 px.
CARD_CSS = """<style>
.focus-card {font: clamp(20px, 1.75vw, 44px)/1.22 sans-serif; color: #000; border: 3px solid #222;
  border-radius: .4em; padding: .5em .7em; background: #fff;}
.focus-card h2 {font-size: 1.2em !important; margin: 0 0 .3em; padding: 0; line-height: 1.15;}
.focus-card .level {display: flex; align-items: center; gap: .5em; font-weight: 700; margin: .2em 0;}
.focus-card .swatch {flex: none; width: 1.6em; height: 1.1em; border: 2px solid #222;}
.focus-card .state {font-style: italic; margin: .2em 0;}
.focus-card p {font-size: 1em; margin: .25em 0;}
.focus-card .source {color: #333;}
.focus-card .ask-label {font-weight: 700; margin-top: .45em;}
</style>"""


@dataclass(frozen=True)
class FocusCard:
    """What the presenter's card says of one county, every text in the current language."""

    fips: str
    county: str  # "Santa Clara County, California"
    level: str  # the level's id (lib.registry.LEVELS)
    level_label: str
    color: str  # the level's legend color, as on the map
    is_unknown: bool  # no evidence: its own state, never a level of collaboration
    rests_on_draft: bool
    why: str  # one sentence
    source: str | None  # the deciding evidence's source, its basis and its own date; None where nothing decided
    ask: str | None  # the top ask and who can make it; None where the evidence triggers none
    ask_label: str


def deciding_evidence(classification: Classification) -> Evidence | None:
    """The one fact the county's color rests on: the first of a formal partnership, else what decides ICE holds."""
    if classification.level == PARTNERSHIP and classification.partnership:
        return classification.partnership[0]
    return classification.indicators[HOLDS].decided_by


def why_in_one_sentence(classification: Classification) -> str:
    """The reason for the color, as one sentence a presenter can read out (the county page has the full account)."""
    deciding = deciding_evidence(classification)
    if classification.level == UNKNOWN or deciding is None:
        return _(
            "We found no statute, agreement, contract or local policy on its jail and ICE holds, which does not "
            "mean it refuses them."
        )
    return _("Because of this: {reason}.").format(reason=deciding.summary.rstrip("."))


def focus_card(profile: CountyProfile, classification: Classification) -> FocusCard:
    """The card of the county of `profile`, with `classification` its evidence's (the profile's own)."""
    level = next(c for c in LEVEL_CLASSES if c.id == profile["level"])
    deciding = deciding_evidence(classification)
    source = (
        _("Source: {source} ({basis}, {date})").format(
            source=deciding.source, basis=_(BASIS_WORDS[deciding.basis]), date=deciding.as_of
        )
        if deciding is not None and profile["level"] != UNKNOWN
        else None
    )
    asks = profile["asks"]["items"]
    ask = _("{ask} — asked of: {target}").format(ask=asks[0]["title"], target=asks[0]["target"]) if asks else None
    return FocusCard(
        fips=profile["fips"],
        county=_("{county}, {state}").format(county=profile["name"], state=profile["state"]),
        level=profile["level"],
        level_label=profile["level_label"],
        color=level.color,
        is_unknown=profile["level"] == UNKNOWN,
        rests_on_draft=profile["rests_on_draft_evidence"],
        why=why_in_one_sentence(classification),
        source=source,
        ask=ask,
        ask_label=_(ASK_LABEL),
    )


def card_html(card: FocusCard) -> str:
    """The card as HTML, every text escaped (county names, summaries and sources come from data files)."""
    states = [_(DRAFT_STATE)] if card.rests_on_draft else []
    if card.is_unknown:
        states.append(_(UNKNOWN_STATE))
    state_lines = "".join(f'<p class="state">{html.escape(state)}</p>' for state in states)
    source = f'<p class="source">{html.escape(card.source)}</p>' if card.source else ""
    ask = html.escape(card.ask or _("The evidence shown triggers no ask for this county."))
    return (
        f'{CARD_CSS}<section class="focus-card" aria-label="{html.escape(card.county)}">'
        f"<h2>{html.escape(card.county)}</h2>"
        f'<div class="level"><span class="swatch" style="background:{html.escape(card.color)}"></span>'
        f"<span>{html.escape(card.level_label)}</span></div>{state_lines}"
        f'<p class="why">{html.escape(card.why)}</p>{source}'
        f'<p class="ask-label">{html.escape(card.ask_label)}</p><p class="ask">{ask}</p></section>'
    )


@dataclass(frozen=True)
class TourPosition:
    """Where a presenter stands in a tour: the stop shown (None: the overview map) and where the keys lead."""

    stops: tuple[str, ...]
    focused: str | None

    @property
    def index(self) -> int | None:
        """The position of the focused county in the tour; None on the overview or on a county off the tour."""
        return self.stops.index(self.focused) if self.focused in self.stops else None

    @property
    def next_stop(self) -> str | None:
        """The county after this one: from the overview or a county off the tour, the first; None after the last
        (a clicker pressed once too often stays on the last county)."""
        if not self.stops:
            return None
        if self.index is None:
            return self.stops[0]
        return self.stops[self.index + 1] if self.index + 1 < len(self.stops) else None

    @property
    def previous_stop(self) -> str | None:
        """The county before this one; None before the first, where "previous" goes back to the overview map."""
        if self.index is None or self.index == 0:
            return None
        return self.stops[self.index - 1]

    @property
    def can_go_back(self) -> bool:
        """Whether "previous" leads anywhere: to the county before, or from the first stop back to the overview."""
        return self.index is not None

    def progress(self) -> str:
        """ "2 / 5" on a stop of the tour, empty elsewhere."""
        return "" if self.index is None else f"{self.index + 1} / {len(self.stops)}"


class _FocusOnMap(MacroElement):
    """In the map's own document: outlines the focused county and zooms to it (once per county, so a presenter's own
    zoom stays over a layer switch), fits the region again when the focus ends, and hands every key pressed while
    the map has the focus to the page's presenter keys (lib/ui/presenter.py), which take the tour's keys (then
    Leaflet does not pan) and leave every other key, arrows without a tour included, to the map."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function () {
            const map = {{ this.map_name }};
            const focus = {{ this.fips|tojson }};
            if (!window.presenterKeysForwarded) {
                window.presenterKeysForwarded = true;
                document.addEventListener("keydown", function (event) {
                    const handle = window.parent && window.parent !== window && window.parent.presenterKey;
                    if (handle && handle(event)) { event.preventDefault(); event.stopPropagation(); }
                }, true);
            }
            let county = null;
            map.eachLayer(function (group) {
                if (county || !(group instanceof L.GeoJSON)) { return; }
                group.eachLayer(function (shape) {
                    if (shape.feature && shape.feature.properties.fips === focus) { county = shape; }
                });
            });
            if (county) {
                // A shape without the county's properties: the layer restyle (lib/mapview.py) colors every
                // GeoJSON that carries a FIPS code, and must leave the outline alone.
                const shape = {type: "Feature", geometry: county.feature.geometry, properties: {}};
                [{{ this.halo|tojson }}, {{ this.outline|tojson }}].forEach(function (style) {
                    L.geoJson(shape, {style: style, interactive: false}).addTo({{ this._parent.get_name() }});
                });
                if (window.presenterFocus !== focus) {
                    map.invalidateSize(false);
                    map.fitBounds(county.getBounds(),
                                  {padding: [60, 60], maxZoom: {{ this.max_zoom }}, animate: false});
                }
            } else if (window.presenterFocus && window.fitMapRegion) {
                window.fitMapRegion();
            }
            window.presenterFocus = county ? focus : null;
        })();
        {% endmacro %}"""
    )

    def __init__(self, fips: str | None, map_name: str):
        super().__init__()
        self.fips = fips
        self.map_name = map_name
        self.halo = {"fill": False, "color": "#ffffff", "weight": 9, "opacity": 1}
        self.outline = {"fill": False, "color": "#000000", "weight": 4.5, "opacity": 1}
        self.max_zoom = 8  # a small county fills a good part of the screen, yet its neighbours stay in view


def focus_layer(fips: str | None, map_name: str = "map_div") -> folium.FeatureGroup:
    """What st_folium adds on top of the colors in presenter mode: the focused county (None: the overview) and the
    keys forwarded from the map to the page."""
    group = folium.FeatureGroup(name="presenter-focus", control=False)
    _FocusOnMap(fips, map_name).add_to(group)
    return group
