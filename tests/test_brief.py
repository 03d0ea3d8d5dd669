"""The one-page county brief: one page whatever the county, the facts and labels it must carry, and data
printed literally (an agency name is never markup or a formula)."""

import copy
import dataclasses
import io
import re
from datetime import date

import pandas as pd
import pypdfium2
import pytest
from fpdf.fonts import SubsetMap
from PIL import Image, ImageColor

from lib import brief
from lib.dataversion import build_date, data_as_of
from lib.i18n import use_language
from lib.layers import hatch_color
from lib.profile import county_profile

HOSTILE_NAMES = ("<img src=x onerror=alert(1)>", '=HYPERLINK("x")')


@pytest.fixture(scope="module")
def level_layer(layers):
    return layers["level"]


def render(data, level_layer, profile) -> bytes:
    inset = brief.county_inset_png(data, profile["fips"], level_layer)
    return brief.county_brief_pdf(profile, inset, brief.data_version(data))


def pages_and_text(pdf: bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document), "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.parametrize("fips", ["06085", "48201", "35013"])
def test_brief_is_one_page_with_name_disclaimer_and_dates(data, level_layer, evidence, fips):
    profile = county_profile(data, fips, evidence)
    pdf = brief.county_brief(data, fips, level_layer, evidence)
    pages, text = pages_and_text(pdf)
    assert pages == 1
    assert f"{profile['name']}, {profile['state']}" in text
    assert "not legal advice" in text
    assert "as of" in text
    assert profile["level_label"] in text
    png = brief.county_brief_png(pdf)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.height > image.width > 1000  # a portrait page, sharp enough to project


def test_dona_ana_keeps_its_tilde(data, level_layer, evidence):
    _pages, text = pages_and_text(render(data, level_layer, county_profile(data, "35013", evidence)))
    assert "Doña Ana County, New Mexico" in text


def test_hostile_agency_names_print_literally(data, level_layer, evidence):
    profile = copy.deepcopy(county_profile(data, "48201", evidence))
    agreement = profile["agreements_287g"][0]
    profile["agreements_287g"] = [{**agreement, "agency": name} for name in HOSTILE_NAMES]
    profile["asks"]["items"][0]["target"] = HOSTILE_NAMES[1]
    pages, text = pages_and_text(render(data, level_layer, profile))
    assert pages == 1
    for name in HOSTILE_NAMES:
        assert name in text


def test_brief_falls_back_to_a_builtin_font(data, level_layer, evidence, monkeypatch, tmp_path):
    monkeypatch.setattr(brief, "FONT_DIR", tmp_path)  # no DejaVu there
    profile = county_profile(data, "35013", evidence)
    pages, text = pages_and_text(render(data, level_layer, profile))
    assert pages == 1
    assert "Doña Ana County" in text and "not legal advice" in text


@pytest.mark.parametrize(("lang", "more"), [("en", r"… and 3[78] more agreements"), ("es", r"… y 3[78] acuerdos más")])
def test_longest_possible_county_still_fits_one_page(data, level_layer, evidence, lang, more):
    """Every list long and every text at its longest: the lowest detail level must still fit, in either language
    (Spanish runs longer)."""
    profile = copy.deepcopy(county_profile(data, "12099", evidence))
    long_text = "word " * 400
    profile["why"] = long_text
    for record in profile["indicators"].values():
        record.update(basis="statute", source=long_text, as_of="2026-01-01", review_status="draft")
    profile["agreements_287g"] = [
        {**profile["agreements_287g"][0], "agency": f"Agency {i} {long_text}"} for i in range(40)
    ]
    profile["authority"]["offices"] = [
        {**office, "title": long_text, "powers": long_text, "selection": long_text}
        for office in profile["authority"]["offices"]
        for _copy in range(3)
    ]
    facility = {
        "facility": long_text,
        "contract": "county jail, IGSA with ICE",
        "FY26": 1234.5,
        "estimated yearly payment": 123456789.0,
        "estimate": long_text[:200],
    }
    profile["money"]["detention"] = [facility] * 12
    ask = {"title": long_text, "detail": long_text, "target": long_text, "because": long_text}
    profile["asks"]["items"] = [ask] * 20
    profile["evidence"] = [{"source": f"Source {i} {long_text}"} for i in range(30)]
    with use_language(lang):
        pages, text = pages_and_text(brief.county_brief_pdf(profile, None, brief.data_version(data)))
    assert pages == 1
    assert re.search(more, text)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fips", ["48201", "06085"])
def test_brief_made_in_spanish_is_spanish_and_calls_a_detainer_a_request(data, level_layer, evidence, fips):
    """A brief is made per click, in the language current then: Spanish headings, labels and footer, a hold is a
    request ("solicitud de retención"), never an order, and the longer text still fits one page."""
    with use_language("es"):
        pdf = brief.county_brief(data, fips, level_layer, evidence)
    pages, text = pages_and_text(pdf)
    text = flat(text)
    assert pages == 1
    for spanish in (
        "Resumen del condado",
        "Acuerdos 287(g) con ICE",
        "Quién decide",
        "Dinero: detención de ICE en el condado",
        "Recomendaciones — no es asesoría legal",
        "Fecha de los datos:",
        "Desconocido: no encontramos evidencia",
    ):
        assert spanish in text
    for english in ("Who decides", "County brief", "not legal advice", "Data as of"):
        assert english not in text
    assert re.search(r"solicitud(es)? de retención", text, re.IGNORECASE)
    assert not re.search(r"\borden(es)? de retención", text, re.IGNORECASE)
    with Image.open(io.BytesIO(brief.county_brief_png(pdf))) as image:
        assert image.format == "PNG"


def test_a_spanish_brief_leaves_the_next_one_english(data, level_layer, evidence):
    with use_language("es"):
        brief.county_brief(data, "35013", level_layer, evidence)
    _pages, text = pages_and_text(brief.county_brief(data, "35013", level_layer, evidence))
    assert "Who decides" in text and "Quién decide" not in text


def test_county_without_a_shape_gets_a_note_instead_of_a_map(data, level_layer, evidence):
    assert brief.county_inset_png(data, "51610", level_layer) is None
    pages, text = pages_and_text(render(data, level_layer, county_profile(data, "51610", evidence)))
    assert pages == 1
    assert "No map shape" in text


@pytest.mark.parametrize("fips", ["02016", "72127", "06085"])
def test_inset_is_a_small_png(data, level_layer, fips):
    with Image.open(io.BytesIO(brief.county_inset_png(data, fips, level_layer))) as image:
        assert image.format == "PNG"
        assert 100 <= image.width <= brief.INSET_PIXELS[0] and 100 <= image.height <= brief.INSET_PIXELS[1]


def hatch_pixels(png: bytes, lines: str, fill: str) -> int:
    """Pixels of `png` closer to the hatch lines' color than to the county's fill, with a pixel of that fill 3 px
    away on either side: lines across the county (its black outline borders the fill on one side only)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = image.load()
    line_rgb, fill_rgb = ImageColor.getrgb(lines), ImageColor.getrgb(fill)

    def distance(pixel, color):
        return sum(abs(a - b) for a, b in zip(pixel, color))

    def is_fill(pixel):
        return distance(pixel, fill_rgb) <= 30

    width, height = image.size
    return sum(
        1
        for x in range(3, width - 3)
        for y in range(height)
        if distance(pixels[x, y], line_rgb) < distance(pixels[x, y], fill_rgb)
        and is_fill(pixels[x - 3, y])
        and is_fill(pixels[x + 3, y])
    )


@pytest.mark.parametrize("fips", ["48201", "06085"])
def test_the_inset_hatches_a_county_resting_on_draft_evidence(data, level_layer, fips):
    as_reviewed = dataclasses.replace(level_layer, draft=pd.Series(False, index=level_layer.county_class.index))
    as_draft = dataclasses.replace(level_layer, draft=level_layer.county_class.index.to_series() == fips)
    fill = level_layer.color_of(level_layer.county_class[fips])
    lines = hatch_color(fill)
    reviewed = hatch_pixels(brief.county_inset_png(data, fips, as_reviewed), lines, fill)
    drafted = hatch_pixels(brief.county_inset_png(data, fips, as_draft), lines, fill)
    assert drafted > reviewed + 100, (reviewed, drafted)


def test_command_line_writes_pdf_and_png(data, tmp_path, monkeypatch):
    monkeypatch.setattr(brief, "load", lambda: data)  # the session's data: loading it again is slow
    assert brief.main(["06085", str(tmp_path / "brief")]) == 0
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "brief.png").read_bytes().startswith(b"\x89PNG")
    assert brief.main(["99999", str(tmp_path / "none")]) == 1


def test_no_font_stays_cached_after_a_brief(data, level_layer, evidence):
    """fpdf2 caches font lookups globally; a brief must not leave its fonts there (memory of a long-lived app)."""
    brief.county_brief(data, "06085", level_layer, evidence)
    assert SubsetMap.pick.cache_info().currsize == 0
    assert SubsetMap.get_glyph.cache_info().currsize == 0


def test_shorten_cuts_at_a_word():
    assert brief.shorten("one two three", 20) == "one two three"
    assert brief.shorten("one two three four", 12) == "one two…"


def test_the_footer_gives_the_data_build_and_print_dates_and_the_county_link(data, level_layer, evidence):
    version = brief.data_version(data, date(2026, 12, 1), "https://example.org/ice-map")
    _pages, text = pages_and_text(brief.county_brief(data, "06085", level_layer, evidence, version))
    as_of, built = data_as_of(data), build_date(data)
    assert flat(f"Data as of {as_of} · built {built} · printed 2026-12-01") in flat(text)
    assert "is on the county page: https://example.org/ice-map/county?fips=06085" in flat(text)


def test_without_an_address_the_county_link_is_relative_not_local(data, level_layer, evidence):
    _pages, text = pages_and_text(brief.county_brief(data, "06085", level_layer, evidence))
    assert "county page: /county?fips=06085" in flat(text) and "localhost" not in text


def test_recommendations_stay_while_the_page_has_room(data, level_layer, evidence):
    """Palm Beach has 25 recommendations: the brief lists as many as one page holds, far more than three."""
    profile = county_profile(data, "12099", evidence)
    pages, text = pages_and_text(render(data, level_layer, profile))
    listed = max(int(number) for number in re.findall(r"^(\d+)\. ", text, re.MULTILINE))
    assert pages == 1 and listed >= 10
    hidden = len(profile["asks"]["items"]) - listed
    assert f"… and {hidden} more on the county page." in flat(text)


def test_a_brief_with_room_names_every_source_whole(data, level_layer, evidence):
    profile = county_profile(data, "06085", evidence)
    _pages, text = pages_and_text(render(data, level_layer, profile))
    sources = {profile["population"]["source"], *(record["source"] for record in profile["evidence"])}
    for source in sources:
        assert flat(source) in flat(text)
    assert "more on the county page" not in text
