"""What the golden test pins down: the app's outputs for the sample counties, each made by one function here that
both the capture (tests/golden/capture.py) and the test (tests/test_golden.py) call.

Every output is made in an explicit language, so neither the capture nor the test depends on the language current
when it runs; texts are compared as their UTF-8 bytes.
"""

import datetime
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import pypdfium2
from branca.element import Element

from lib import exports
from lib.brief import DETAIL_LEVELS, LOCAL_APP_URL, brief_content, county_brief, data_version
from lib.campaign.meeting import meeting_prep, meeting_targets
from lib.campaign.packet import campaign_parts
from lib.campaign.text import part_text
from lib.data import CompiledData, load
from lib.evidence import CountyEvidence
from lib.history import snapshot_dates
from lib.i18n import SOURCE_LANGUAGE, use_language
from lib.layers import Layer, build_layers, layer_287g_on
from lib.mapview import QUICK_VIEW_BOUNDS, layer_style, legend_html
from lib.profile import county_profile
from tests.golden.sample import read_sample

SPANISH = "es"
SPANISH_PROFILES = 30  # the first counties of the sample, whose profiles are also kept in Spanish
# How many of the sample's first counties get their brief's texts, and their PDF brief, in each language: a PDF
# costs about a third of a second.
BRIEF_CONTENTS = {SOURCE_LANGUAGE: 40, SPANISH: 10}
PDF_BRIEFS = {SOURCE_LANGUAGE: 5, SPANISH: 2}
# How many of the sample's first counties get their campaign kit's texts (every part, the meeting preparation for
# every office) in each language.
CAMPAIGN_KITS = {SOURCE_LANGUAGE: 20, SPANISH: 5}
# The day a golden brief is printed on, and the app's address its county link starts with: pinned, so the brief's
# bytes do not depend on the day or the machine.
BRIEF_PRINTED = datetime.date(2026, 12, 1)
MAP_LANGUAGES = (SOURCE_LANGUAGE, SPANISH)  # the map's labels and legend are translated
EVIDENCE = {False: "all_evidence", True: "reviewed_only"}  # names of the two ways to build the layers


@dataclass(frozen=True)
class Output:
    name: str  # what it is, e.g. "profile/en/06085": the failure message names it
    content: str | bytes  # compared as bytes; a text as its UTF-8
    in_full: bool  # stored whole, or (a large download) as its digest; see tests/golden/capture.py


@dataclass(frozen=True)
class GoldenInputs:
    """What every output is made from: one load of the data, and one evidence per language and one set of layers
    for all counties, as the app keeps them (lib/ui/cache.py caches them across sessions)."""

    data: CompiledData
    evidence_by_language: dict[str, CountyEvidence]
    layers: dict[bool, dict[str, Layer]]  # by reviewed_only
    sample: list[str]

    @classmethod
    def load(cls) -> "GoldenInputs":
        # A load of its own: data another test may have changed in place would fail this test for nothing.
        data = load()
        evidence_by_language = {}
        for lang in MAP_LANGUAGES:
            with use_language(lang):
                evidence_by_language[lang] = CountyEvidence.assemble(data)
        english = evidence_by_language[SOURCE_LANGUAGE]
        return cls(
            data,
            evidence_by_language,
            {reviewed: build_layers(english, reviewed) for reviewed in EVIDENCE},
            read_sample(),
        )

    def evidence(self, lang: str) -> CountyEvidence:
        return self.evidence_by_language[lang]

    def layers_287g_by_date(self) -> dict[str, Layer]:
        return {date: layer_287g_on(self.data, date) for date in snapshot_dates(self.data.snapshot_counts)}


# --- One function per output ---


def profile_json(inputs: GoldenInputs, fips: str, lang: str) -> str:
    """As `python -m lib.profile FIPS --lang LANG` prints it."""
    with use_language(lang):
        return json.dumps(county_profile(inputs.data, fips, inputs.evidence(lang)), indent=2, ensure_ascii=False)


def rendered_tree(element: Element) -> dict:
    """A folium element as the browser gets it: its script as rendered, then its children's. Element ids are random,
    so each is replaced by the element's place in the tree (st_folium renames them too)."""
    places = {child.get_name(): f"element_{place}" for child, place in _walk(element, "0")}
    return _rendered(element, places)


def _walk(element: Element, place: str) -> Iterator[tuple[Element, str]]:
    yield element, place
    for index, child in enumerate(element._children.values()):
        yield from _walk(child, f"{place}.{index}")


def _rendered(element: Element, places: dict[str, str]) -> dict:
    macro = element._template.module.__dict__.get("script")  # how branca renders an element's script
    script = str(macro(element, {})) if macro else None
    for name, place in places.items() if script else ():
        script = script.replace(name, place)
    return {"script": script, "children": [_rendered(child, places) for child in element._children.values()]}


def layer_style_json(layer: Layer, lang: str, fit_bounds: tuple[float, float, float, float] | None = None) -> str:
    """What st_folium adds to the map for one layer (lib/ui.py county_colors), as JSON."""
    with use_language(lang):
        return json.dumps(rendered_tree(layer_style(layer, fit_bounds=fit_bounds)), indent=1, ensure_ascii=False)


def legend(layer: Layer, lang: str) -> str:
    with use_language(lang):
        return legend_html(layer)


def county_table_csv(inputs: GoldenInputs, reviewed_only: bool) -> bytes:
    return exports.county_table_csv(inputs.evidence(SOURCE_LANGUAGE), inputs.layers[reviewed_only], reviewed_only)


def layer_geojson(inputs: GoldenInputs, layer: Layer, reviewed_only: bool = False) -> bytes:
    return exports.layer_geojson(inputs.evidence(SOURCE_LANGUAGE), layer, reviewed_only)


def data_dictionary() -> str:
    return exports.data_dictionary_and_licence()


def brief_content_json(inputs: GoldenInputs, fips: str, lang: str) -> str:
    """The texts of the county's brief at every detail level (lib.brief draws the first that fits on one page)."""
    with use_language(lang):
        profile = county_profile(inputs.data, fips, inputs.evidence(lang))
        version = data_version(inputs.data, BRIEF_PRINTED, LOCAL_APP_URL)
        contents = [asdict(brief_content(profile, version, detail)) for detail in DETAIL_LEVELS]
    return json.dumps(contents, indent=2, ensure_ascii=False)


def brief_pdf_text(inputs: GoldenInputs, fips: str, lang: str) -> str:
    """The text of each page of the county's PDF brief, as JSON. Only the text: the PDF also holds its creation
    date."""
    with use_language(lang):
        version = data_version(inputs.data, BRIEF_PRINTED, LOCAL_APP_URL)
        pdf = county_brief(inputs.data, fips, inputs.layers[False]["level"], inputs.evidence(lang), version)
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return json.dumps({"pages": pages}, indent=2, ensure_ascii=False)


def campaign_kit_text(inputs: GoldenInputs, fips: str, lang: str) -> str:
    """The campaign kit of a county as plain text: every part, then the meeting preparation for every office."""
    with use_language(lang):
        profile = county_profile(inputs.data, fips, inputs.evidence(lang))
        parts = [*campaign_parts(profile), *(meeting_prep(profile, kind) for kind in meeting_targets(profile))]
        return "\n\n".join(part_text(part) for part in parts)


# --- The outputs, by group: the test checks each group on its own ---


def profile_outputs(inputs: GoldenInputs) -> Iterator[Output]:
    for fips in inputs.sample:
        yield Output(f"profile/{SOURCE_LANGUAGE}/{fips}", profile_json(inputs, fips, SOURCE_LANGUAGE), in_full=True)
    for fips in inputs.sample[:SPANISH_PROFILES]:
        yield Output(f"profile/{SPANISH}/{fips}", profile_json(inputs, fips, SPANISH), in_full=True)


def map_outputs(inputs: GoldenInputs) -> Iterator[Output]:
    shown = {
        f"{EVIDENCE[reviewed]}/{layer_id}": layer
        for reviewed, layers in inputs.layers.items()
        for layer_id, layer in layers.items()
    }
    shown |= {f"287g_on/{date}": layer for date, layer in inputs.layers_287g_by_date().items()}
    for where, layer in shown.items():
        for lang in MAP_LANGUAGES:
            yield Output(f"map/{where}/layer_style/{lang}", layer_style_json(layer, lang), in_full=True)
            yield Output(f"map/{where}/legend/{lang}", legend(layer, lang), in_full=True)
    # A state view's legend counts that state's counties only.
    texas = set(inputs.data.counties.loc[inputs.data.counties["state_abbr"] == "TX", "fips"])
    for lang in MAP_LANGUAGES:
        with use_language(lang):
            texas_legend = legend_html(inputs.layers[False]["level"].of_counties(texas), region="Texas")
        yield Output(f"map/state/TX/level/legend/{lang}", texas_legend, in_full=True)
    # Presenter mode: the colors also fit the view to a region.
    yield Output(
        f"map/presenter/level/layer_style/{SOURCE_LANGUAGE}",
        layer_style_json(inputs.layers[False]["level"], SOURCE_LANGUAGE, QUICK_VIEW_BOUNDS["Lower 48"]),
        in_full=True,
    )


def export_outputs(inputs: GoldenInputs) -> Iterator[Output]:
    for reviewed, evidence in EVIDENCE.items():
        yield Output(f"export/county_table_csv/{evidence}", county_table_csv(inputs, reviewed), in_full=False)
        for layer_id, layer in inputs.layers[reviewed].items():
            yield Output(
                f"export/layer_geojson/{evidence}/{layer_id}", layer_geojson(inputs, layer, reviewed), in_full=False
            )
    for date, layer in inputs.layers_287g_by_date().items():
        yield Output(f"export/layer_geojson/287g_on/{date}", layer_geojson(inputs, layer), in_full=False)
    yield Output("export/data_dictionary", data_dictionary(), in_full=True)


def brief_outputs(inputs: GoldenInputs) -> Iterator[Output]:
    for lang, count in BRIEF_CONTENTS.items():
        for fips in inputs.sample[:count]:
            yield Output(f"brief/content/{lang}/{fips}", brief_content_json(inputs, fips, lang), in_full=True)
    for lang, count in PDF_BRIEFS.items():
        for fips in inputs.sample[:count]:
            yield Output(f"brief/pdf_text/{lang}/{fips}", brief_pdf_text(inputs, fips, lang), in_full=True)


def campaign_outputs(inputs: GoldenInputs) -> Iterator[Output]:
    for lang, count in CAMPAIGN_KITS.items():
        for fips in inputs.sample[:count]:
            yield Output(f"campaign/text/{lang}/{fips}", campaign_kit_text(inputs, fips, lang), in_full=True)


OUTPUT_GROUPS: dict[str, Callable[[GoldenInputs], Iterator[Output]]] = {
    "profiles": profile_outputs,
    "map": map_outputs,
    "exports": export_outputs,
    "briefs": brief_outputs,
    "campaign": campaign_outputs,
}
