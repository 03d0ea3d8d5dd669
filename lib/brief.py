"""A one-page county brief for presenters and journalists: a PDF built from the county profile (lib.profile),
a small map of the county in its state, and a PNG of the page.

    python -m lib.brief 06085 docs/brief               # writes docs/brief.pdf and docs/brief.png
    python -m lib.brief 06085 docs/brief-es --lang es  # the same brief in Spanish
    python -m lib.brief 06085 brief --app-url https://example.org/ice-map  # the county link on that address

Everything printed comes from the profile and the data, so every string is plain text to fpdf2 (markdown is
never turned on): an agency name such as "<b>x</b>" or "=HYPERLINK(…)" prints exactly as written. The page
must stay one page: if it overflows, the brief is drawn again with less detail (see DETAIL_LEVELS), and only the
lowest levels cut the recommendations and sources with "… and N more".

The brief's texts are built first (brief_content: every text of one detail level, which the tests build for every
county), then laid out on the page.

A brief is made per click, so every heading, label and sentence is translated then, in the language current at that
moment (lib.i18n; the app binds it with in_current_language). Data (names, sources, notes) prints as written.
"""

import argparse
import io
import math
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pypdfium2
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace, SubsetMap
from PIL import Image, ImageChops, ImageDraw

from lib import money
from lib.data import CompiledData, load
from lib.dataversion import build_date, data_as_of
from lib.evidence import CountyEvidence
from lib.i18n import LANGUAGES, SOURCE_LANGUAGE, _, ngettext, use_language
from lib.layers import Layer, build_layers, hatch_color
from lib.links import BASE_URL_VARIABLE, COUNTY_URL_PATH, canonical_url, configured_base_url
from lib.profile import CountyProfile, UnknownCounty, county_profile, parse_fips
from lib.registry import INDICATORS_BY_ID, LEVEL_CLASSES, LEVEL_LAYER, VALUE_WORDS
from lib.vocab import (
    AGREEMENT_STATUS_WORDS,
    BASIS_WORDS,
    DRAFT,
    JAIL_AGENCY_TYPES,
    MODEL_SHORT_NAMES,
    PARTICIPATING,
    PENDING,
    PRIMARY_ROLE,
    SECONDARY_ROLE,
    STATE_ROLE,
)

# DejaVu Sans (Debian's fonts-dejavu-core) covers the typographic quotes and dashes the data uses; without it
# the brief falls back to a built-in PDF font and Latin-1 text, which still covers names like "Doña Ana".
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
FALLBACK_FONT = "helvetica"
LATIN1_STAND_INS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "…": "...",
        "≈": "~",
        "×": "x",
        "→": "->",
        "≤": "<=",
        "≥": ">=",
        "•": "-",
    }
)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

PAGE_FORMAT = "Letter"
MARGIN = 14  # mm
COLUMN_GAP = 5
INSET_WIDTH = 62
INSET_MAX_HEIGHT = 52
LINE_HEIGHT = 0.45  # mm of line per point of font size
TEXT_COLOR = (20, 20, 20)
MUTED_COLOR = (85, 85, 85)
RULE_COLOR = (170, 170, 170)
HEADING_FILL = (238, 238, 238)
PNG_SCALE = 2  # 144 dots per inch: sharp on a projector, 1224 x 1584 pixels for Letter

# Map inset: drawn at twice its size and scaled down, which smooths the county borders.
INSET_PIXELS = (720, 600)
INSET_SUPERSAMPLE = 2
INSET_FADE = 0.45  # other counties are blended this far towards white so the county stands out
# Counties resting on draft evidence are hatched as on the map: a line this wide every so many pixels of the inset.
INSET_HATCH_SPACING = 10
INSET_HATCH_WIDTH = 2

OFFICES_PER_COLUMN = 2  # per column of the "Who decides" table
# Caps on single texts, so that one very long value cannot push the page over even at the lowest detail. A source's
# title is never cut where the page has room for every source, only at the last resort (SHORT_SOURCE).
TEXT_LIMITS = {"why": 480, "name": 80, "title": 90, "detail": 260, "powers": 170, "line": 170, "source": 240}
SHORT_SOURCE = 100
EVERY = None  # a DetailLevel count that lists every item
LOCAL_APP_URL = "http://localhost:8501"  # where `make run` serves the app: the command line's default address


@dataclass(frozen=True)
class DetailLevel:
    agreements: int  # 287(g) agreements listed before "… and N more"
    facilities: int  # detention facilities listed
    asks: int | None  # recommendations listed (EVERY: all of them)
    ask_details: bool  # print what each recommendation asks for in full
    office_powers: bool  # print what each office can do
    sources: int | None  # sources named in the footer (EVERY: all of them, each title whole)
    scale: float  # font size factor


# Tried in order until the brief fits on one page. Every recommendation and every source stays while the page has
# room for them: shorter lists of agreements and facilities (which the county page lists whole), a smaller type and
# shorter texts come first; then the next to last level with as many recommendations as fit (county_brief_pdf);
# the last level fits even a county with every list long.
DETAIL_LEVELS = (
    DetailLevel(agreements=5, facilities=3, asks=EVERY, ask_details=True, office_powers=True, sources=EVERY, scale=1.0),
    DetailLevel(agreements=3, facilities=2, asks=EVERY, ask_details=True, office_powers=True, sources=EVERY, scale=1.0),
    DetailLevel(
        agreements=3, facilities=2, asks=EVERY, ask_details=True, office_powers=True, sources=EVERY, scale=0.92
    ),
    DetailLevel(
        agreements=2, facilities=1, asks=EVERY, ask_details=True, office_powers=True, sources=EVERY, scale=0.92
    ),
    DetailLevel(
        agreements=2, facilities=1, asks=EVERY, ask_details=False, office_powers=True, sources=EVERY, scale=0.92
    ),
    DetailLevel(
        agreements=2, facilities=1, asks=EVERY, ask_details=False, office_powers=False, sources=EVERY, scale=0.85
    ),
    # The last resort, for a county whose sources alone fill the page.
    DetailLevel(agreements=2, facilities=1, asks=3, ask_details=False, office_powers=False, sources=2, scale=0.85),
)


@dataclass(frozen=True)
class DataVersion:
    """The dates a brief prints in its footer, and the app's address its county link starts with."""

    data_as_of: str  # lib.dataversion.data_as_of
    built: str  # lib.dataversion.build_date
    printed: str  # the day the brief is made
    app_url: str  # lib.links.app_url; "" gives a link relative to the app ("/county?fips=06085")


def data_version(data: CompiledData, printed: date | None = None, app_url: str = "") -> DataVersion:
    return DataVersion(data_as_of(data), build_date(data), (printed or date.today()).isoformat(), app_url)


def shorten(text: object, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(",;:") + "…"


def _as_of(value: object) -> str:
    text = str(value)
    date = text.removeprefix("as of ")  # "as of 2015" marks the facts from the 2015 toolkit
    return _("as of {date}").format(date=date)


def _more(count: int, shown: int, phrase: Callable[[int], str]) -> str | None:
    """'… and 3 more agreements.' when `count` exceeds `shown`; `phrase(n)` is the ngettext text for n."""
    hidden = count - shown
    return phrase(hidden).format(count=hidden) if hidden > 0 else None


def _more_on_county_page(count: int) -> str:
    return ngettext("… and {count} more on the county page.", "… and {count} more on the county page.", count)


def _shown(text: str) -> str:
    """A text from another module (an N_-marked English label, or one its owner already translated) in the
    current language; a data value comes back unchanged."""
    return _(text)


def _basis(basis: str) -> str:
    return _(BASIS_WORDS.get(basis, basis))


def _status(status: str) -> str:
    return _(AGREEMENT_STATUS_WORDS.get(status, status))


def _rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


class _BriefPDF(FPDF):
    """A Letter page with the brief's fonts and font scale, a text cleaner and a footer at the foot of the page."""

    def __init__(self, footer_text: str, scale: float):
        super().__init__(orientation="P", unit="mm", format=PAGE_FORMAT)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.font_scale = scale
        self.unicode_font = all((FONT_DIR / name).is_file() for name in FONT_FILES.values())
        if self.unicode_font:
            for style, name in FONT_FILES.items():
                self.add_font("DejaVu", style, str(FONT_DIR / name))
        self.text_family = "DejaVu" if self.unicode_font else FALLBACK_FONT
        self.footer_text = self.clean(footer_text)
        self.footer_space = 0.0  # set by reserve_footer()

    def clean(self, text: object) -> str:
        """Printable text: no control characters; Latin-1 only where the fallback font is in use."""
        text = CONTROL_CHARACTERS.sub(" ", str(text))
        if self.unicode_font:
            return text
        return text.translate(LATIN1_STAND_INS).encode("latin-1", "replace").decode("latin-1")

    def style(self, size: float, style: str = "", color: tuple[int, int, int] = TEXT_COLOR) -> float:
        """Sets the font; returns the line height for it."""
        self.set_font(self.text_family, style, size * self.font_scale)
        self.set_text_color(*color)
        return size * self.font_scale * LINE_HEIGHT

    def paragraph(
        self,
        text: str,
        size: float = 9,
        style: str = "",
        width: float = 0,
        color: tuple[int, int, int] = TEXT_COLOR,
        x: float | None = None,
    ) -> None:
        line_height = self.style(size, style, color)
        self.set_x(self.l_margin if x is None else x)
        self.multi_cell(width, line_height, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def heading(self, text: str) -> None:
        self.ln(2 * self.font_scale)
        self.cell(0, self.style(10.5, "B") * 1.1, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE_COLOR)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1)

    def reserve_footer(self) -> None:
        """Measures the footer on the fresh page and keeps the body above it."""
        self.set_x(self.l_margin)
        self.footer_space = self.multi_cell(0, self.style(7), self.footer_text, dry_run=True, output="HEIGHT")
        self.set_auto_page_break(True, margin=MARGIN + self.footer_space + 3)

    def footer(self) -> None:
        self.set_y(-(MARGIN + self.footer_space))
        self.set_draw_color(*RULE_COLOR)
        self.line(self.l_margin, self.get_y() - 1.5, self.w - self.r_margin, self.get_y() - 1.5)
        line_height = self.style(7, color=MUTED_COLOR)
        self.multi_cell(0, line_height, self.footer_text, align="L")


def county_url(fips: str, version: DataVersion) -> str:
    return canonical_url(COUNTY_URL_PATH, {"fips": fips}, "", version.app_url)


def _footer_text(profile: CountyProfile, version: DataVersion, detail: DetailLevel) -> str:
    sources = [profile["population"]["source"]]
    for record in profile["evidence"]:
        if record["source"] and record["source"] not in sources:
            sources.append(record["source"])
    limit = TEXT_LIMITS["source"] if detail.sources is EVERY else SHORT_SOURCE
    named = "; ".join(shorten(source, limit) for source in sources[: detail.sources])
    hidden = 0 if detail.sources is EVERY else len(sources) - detail.sources
    if hidden > 0:
        sources_text = ngettext(
            "Sources: {sources} … and {count} more on the county page.",
            "Sources: {sources} … and {count} more on the county page.",
            hidden,
        ).format(sources=named, count=hidden)
    else:
        sources_text = _("Sources: {sources}.").format(sources=named)
    dates = _("Data as of {as_of} · built {built} · printed {printed}").format(
        as_of=version.data_as_of, built=version.built, printed=version.printed
    )
    link = _("Every source, date and link is on the county page: {url}").format(
        url=county_url(profile["fips"], version)
    )
    notes = " ".join(
        (
            sources_text,
            _("Facts from the 2015 ILRC / United We Dream toolkit are as of 2015 and may have changed since."),
            _("Draft: evidence nobody has reviewed yet."),
            _("Unknown: no evidence found, which does not mean no collaboration."),
        )
    )
    return f"{dates}\n{link}\n{notes}"


@dataclass(frozen=True)
class Section:
    """A headed block of the brief: lines in body type, then a note in small grey type."""

    heading: str
    lines: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Recommendation:
    title: str
    detail: str | None  # None at the detail levels that leave it out
    ask: str  # whom to ask, and why


@dataclass(frozen=True)
class BriefContent:
    """Every text of one brief at one detail level, in the current language, before it is laid out: the PDF prints
    exactly these. Building them is cheap, so the tests build them for every county in both languages; laying out
    a PDF takes about a quarter of a second."""

    document_title: str
    creator: str
    title: str
    subtitle: str
    level_color: str
    level_label: str
    draft_note: str | None
    why: str
    indicators: tuple[tuple[str, str], ...]  # (an indicator and its value, the evidence behind it)
    inset_alt_text: str
    inset_caption: str
    no_shape_note: str  # printed instead of the map when the county has no shape
    agreements: Section
    authority_heading: str
    authority_columns: tuple[tuple[str, str], ...]  # (who they are, the offices)
    authority_note: str
    money: Section
    asks_heading: str
    asks_label: str
    recommendations: tuple[Recommendation, ...]
    no_recommendation: str | None
    more_recommendations: str | None
    footer: str


def brief_content(profile: CountyProfile, version: DataVersion, detail: DetailLevel) -> BriefContent:
    """The brief's texts; `profile` is lib.profile.county_profile's, `version` data_version's."""
    county, state = profile["name"], profile["state"]
    level = next(c for c in LEVEL_CLASSES if c.id == profile["level"])
    population_as_of = profile["population"]["as_of"].split(" (")[0]
    asks = profile["asks"]["items"]
    return BriefContent(
        document_title=_("County brief: {county}, {state}").format(county=county, state=state),
        creator=_("ICE collaboration county map"),
        title=f"{county}, {state}",
        subtitle=_(
            "County brief · FIPS {fips} · population {population} ({as_of}) · how far the county jail "
            "collaborates with ICE"
        ).format(fips=profile["fips"], population=f"{profile['population']['value']:,}", as_of=population_as_of),
        level_color=level.color,
        level_label=_shown(profile["level_label"]),
        draft_note=(
            _("DRAFT: rests on evidence nobody has reviewed yet") if profile["rests_on_draft_evidence"] else None
        ),
        why=shorten(profile["why"], TEXT_LIMITS["why"]),
        indicators=_indicator_lines(profile),
        inset_alt_text=_("Map of {county} in {state}").format(county=county, state=state),
        inset_caption=_("{county} outlined in {state}; colors as on the map.").format(county=county, state=state),
        no_shape_note=_("No map shape for this county in the 2017 Census boundaries."),
        agreements=_agreements(profile, detail),
        authority_heading=_("Who decides"),
        authority_columns=_authority_columns(profile, detail),
        authority_note=_authority_note(profile),
        money=_money(profile, detail),
        asks_heading=_("Recommendations — not legal advice"),
        asks_label=_shown(profile["asks"]["label"]),
        recommendations=tuple(
            _recommendation(number, ask, detail) for number, ask in enumerate(asks[: detail.asks], start=1)
        ),
        no_recommendation=(None if asks else _("The rules generated no recommendation from this county's evidence.")),
        more_recommendations=_more(len(asks), len(asks[: detail.asks]), _more_on_county_page),
        footer=_footer_text(profile, version, detail),
    )


def _indicator_lines(profile: CountyProfile) -> tuple[tuple[str, str], ...]:
    lines = []
    for name, record in profile["indicators"].items():
        headline = _("{indicator}: {value}").format(
            indicator=_(INDICATORS_BY_ID[name].title), value=_shown(VALUE_WORDS[record["value"]])
        )
        if record["basis"]:
            parts = [_basis(record["basis"]), shorten(record["source"], TEXT_LIMITS["source"]), _as_of(record["as_of"])]
            if record["review_status"] == DRAFT:
                parts.append(_("DRAFT"))
            evidence = " · ".join(parts)
        else:
            evidence = _("no evidence found (which is not the same as refusing)")
        lines.append((headline, evidence))
    return tuple(lines)


def _agreements(profile: CountyProfile, detail: DetailLevel) -> Section:
    # The jail's own agreements matter most (they color the county), then those in force.
    agreements = sorted(
        profile["agreements_287g"],
        key=lambda a: (a["agency_type"] not in JAIL_AGENCY_TYPES, a["status"] != PARTICIPATING, a["agency"]),
    )
    lines = [] if agreements else [_("ICE's lists name no agency in this county.")]
    for agreement in agreements[: detail.agreements]:
        values = {
            "agency": shorten(agreement["agency"], TEXT_LIMITS["name"]),
            "agency_type": _shown(agreement["agency_type_label"]),
            "model": _shown(agreement["model_label"]),
            "status": _status(agreement["status"]),
            "signed": agreement["signed"],
        }
        if agreement["signed"]:
            lines.append(_("• {agency} ({agency_type}): {model}, {status}, signed {signed}").format(**values))
        else:
            lines.append(_("• {agency} ({agency_type}): {model}, {status}").format(**values))
    notes = [
        _more(
            len(agreements),
            detail.agreements,
            lambda n: ngettext("… and {count} more agreement.", "… and {count} more agreements.", n),
        )
    ]
    notes.append(_lists_note(agreements))
    statewide = len(profile["statewide_agreements_287g"])
    if statewide:
        notes.append(
            ngettext(
                "{state} state agencies hold {count} statewide agreement besides.",
                "{state} state agencies hold {count} statewide agreements besides.",
                statewide,
            ).format(state=profile["state"], count=statewide)
        )
    return Section(_("287(g) agreements with ICE"), tuple(lines), " ".join(note for note in notes if note) or None)


def _lists_note(agreements: list[dict]) -> str | None:
    """'From ICE's participating list of 2026-05-18 and pending list of 2026-05-18.'"""
    dates = {
        status: ", ".join(sorted({a["source_date"] for a in agreements if a["status"] == status}))
        for status in sorted({a["status"] for a in agreements})
    }
    participating, pending = dates.pop(PARTICIPATING, None), dates.pop(PENDING, None)
    if dates:  # a status this brief has no words for: name ICE's lists by their dates only
        every = sorted({a["source_date"] for a in agreements})
        return _("From ICE's lists of {dates}.").format(dates=", ".join(every))
    if participating and pending:
        return _("From ICE's participating list of {participating_date} and pending list of {pending_date}.").format(
            participating_date=participating, pending_date=pending
        )
    if participating:
        return _("From ICE's participating list of {date}.").format(date=participating)
    if pending:
        return _("From ICE's pending list of {date}.").format(date=pending)
    return None


def _authority_columns(profile: CountyProfile, detail: DetailLevel) -> tuple[tuple[str, str], ...]:
    offices = profile["authority"]["offices"]

    def describe(office: dict) -> str:
        text = f"{shorten(office['title'], TEXT_LIMITS['name'])} ({shorten(office['selection'], TEXT_LIMITS['name'])})"
        if detail.office_powers:
            text += f"\n{shorten(office['powers'], TEXT_LIMITS['powers'])}"
        return text + (" " + _("[draft]") if office["draft"] else "")

    columns = {
        _("Main target: runs the jail"): [o for o in offices if o["role"] == PRIMARY_ROLE],
        _("Can direct or fund it"): [o for o in offices if o["role"] == SECONDARY_ROLE],
        _("State: can override"): [o for o in offices if o["role"] == STATE_ROLE],
    }
    cells = []
    for title, column_offices in columns.items():
        lines = [describe(o) for o in column_offices[:OFFICES_PER_COLUMN]]
        more = _more(
            len(column_offices),
            OFFICES_PER_COLUMN,
            lambda n: ngettext("… and {count} more office.", "… and {count} more offices.", n),
        )
        cells.append((title, "\n".join(lines + [more] if more else lines) or _("none known")))
    return tuple(cells)


def _authority_note(profile: CountyProfile) -> str:
    cities = profile["authority"]["city_agencies"]
    with_287g = sum(1 for city in cities if city["has_287g"])
    police = ngettext(
        "City police in the county: {count} agency on the FBI list, {with_287g} with a 287(g) "
        "agreement; mayors and councils set their budgets.",
        "City police in the county: {count} agencies on the FBI list, {with_287g} with a 287(g) "
        "agreement; mayors and councils set their budgets.",
        len(cities),
    ).format(count=len(cities), with_287g=with_287g)
    field_office = profile["authority"]["ice_field_office"]
    office = (
        _("ICE field office: {office}.").format(office=field_office)
        if field_office
        else _("ICE field office: unknown.")
    )
    return f"{police} {office}"


def _money(profile: CountyProfile, detail: DetailLevel) -> Section:
    # The busiest facilities first: they carry most of the money.
    facilities = sorted(profile["money"]["detention"], key=money.latest_population, reverse=True)
    lines = [] if facilities else [_("No facility in this county is on the ICE detention lists this map uses.")]
    for facility in facilities[: detail.facilities]:
        year = money.latest_fiscal_year(facility)
        population = (
            _("{population} held for ICE on an average day in {year}").format(
                population=f"{facility[year]:,.1f}", year=year
            )
            if year
            else _("no average daily ICE population listed")
        )
        amount = facility["estimated yearly payment"]
        payment = (
            _("≈ ${amount} a year ({estimate})").format(amount=f"{amount:,.0f}", estimate=facility["estimate"])
            if amount
            else _("payment: {estimate}").format(estimate=facility["estimate"])
        )
        lines.append(
            f"• {shorten(facility['facility'], TEXT_LIMITS['name'])} — {_shown(facility['contract'])}: "
            f"{population}; {payment}"
        )
    notes = [
        _more(
            len(facilities),
            detail.facilities,
            lambda n: ngettext("… and {count} more facility.", "… and {count} more facilities.", n),
        )
    ]
    if profile["money"]["commitments_287g"]:
        models = ", ".join(_(MODEL_SHORT_NAMES.get(model, model)) for model in profile["money"]["commitments_287g"])
        notes.append(
            _("The 287(g) agreements here ({models}) commit local officers' paid time to ICE work.").format(
                models=models
            )
        )
    return Section(
        _("Money: ICE detention in the county"), tuple(lines), " ".join(note for note in notes if note) or None
    )


def _recommendation(number: int, ask: dict, detail: DetailLevel) -> Recommendation:
    return Recommendation(
        title=f"{number}. {shorten(ask['title'], TEXT_LIMITS['title'])}",
        detail=shorten(ask["detail"], TEXT_LIMITS["detail"]) if detail.ask_details else None,
        ask=_("Ask: {target}. Because: {because}").format(
            target=shorten(ask["target"], TEXT_LIMITS["name"]), because=shorten(ask["because"], TEXT_LIMITS["line"])
        ),
    )


def _draw_level(pdf: _BriefPDF, content: BriefContent, width: float) -> None:
    top = pdf.get_y()
    pdf.set_fill_color(*_rgb(content.level_color))
    pdf.set_draw_color(60, 60, 60)
    pdf.rect(pdf.l_margin, top + 0.6, 10, 6, style="DF")
    pdf.set_xy(pdf.l_margin + 13, top)
    pdf.multi_cell(
        width - 13,
        pdf.style(13, "B") * 1.05,
        pdf.clean(content.level_label),
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_y(max(pdf.get_y(), top + 7))  # below the swatch too, whatever the font scale
    if content.draft_note:
        pdf.paragraph(content.draft_note, 8, "I", width, MUTED_COLOR)
    pdf.ln(1)
    pdf.paragraph(content.why, 9, width=width)


def _draw_indicators(pdf: _BriefPDF, content: BriefContent, width: float) -> None:
    pdf.ln(1.5)
    for headline, evidence in content.indicators:
        pdf.paragraph(headline, 9, "B", width)
        pdf.paragraph(evidence, 7.5, width=width - 3, color=MUTED_COLOR, x=pdf.l_margin + 3)


def _draw_inset(pdf: _BriefPDF, content: BriefContent, png: bytes | None, x: float, top: float) -> float:
    """The map inset and its caption in the right column; returns the y below them."""
    pdf.set_xy(x, top)
    if png is None:
        pdf.paragraph(content.no_shape_note, 8, "I", INSET_WIDTH, MUTED_COLOR, x=x)
        return pdf.get_y()
    with Image.open(io.BytesIO(png)) as image:
        ratio = image.height / image.width
    width, height = INSET_WIDTH, INSET_WIDTH * ratio
    if height > INSET_MAX_HEIGHT:
        width, height = INSET_MAX_HEIGHT / ratio, INSET_MAX_HEIGHT
    pdf.image(
        io.BytesIO(png),
        x=x + (INSET_WIDTH - width) / 2,
        y=top,
        w=width,
        h=height,
        alt_text=pdf.clean(content.inset_alt_text),
    )
    pdf.set_xy(x, top + height + 1)
    pdf.paragraph(content.inset_caption, 7, "I", INSET_WIDTH, MUTED_COLOR, x=x)
    return pdf.get_y()


def _draw_section(pdf: _BriefPDF, section: Section) -> None:
    pdf.heading(section.heading)
    for line in section.lines:
        pdf.paragraph(line)
    if section.note:
        pdf.paragraph(section.note, 8, color=MUTED_COLOR)


def _draw_authority(pdf: _BriefPDF, content: BriefContent) -> None:
    pdf.heading(content.authority_heading)
    line_height = pdf.style(8)
    pdf.set_draw_color(*RULE_COLOR)
    pdf.set_fill_color(255, 255, 255)  # the level swatch left its color as the fill color
    headings = FontFace(family=pdf.text_family, emphasis="BOLD", size_pt=8 * pdf.font_scale, fill_color=HEADING_FILL)
    with pdf.table(
        col_widths=(1, 1, 1),
        text_align="LEFT",
        v_align="TOP",
        line_height=line_height,
        padding=1,
        headings_style=headings,
    ) as table:
        heads = table.row()
        for title, _offices in content.authority_columns:
            heads.cell(pdf.clean(title))
        body = table.row()
        for _title, offices in content.authority_columns:
            body.cell(pdf.clean(offices))
    pdf.ln(1)
    pdf.paragraph(content.authority_note, 8, color=MUTED_COLOR)


def _draw_asks(pdf: _BriefPDF, content: BriefContent) -> None:
    pdf.heading(content.asks_heading)
    pdf.paragraph(content.asks_label, 7.5, "I", color=MUTED_COLOR)
    if content.no_recommendation:
        pdf.paragraph(content.no_recommendation)
    for recommendation in content.recommendations:
        pdf.paragraph(recommendation.title, 9, "B")
        if recommendation.detail is not None:
            pdf.paragraph(recommendation.detail, 8, x=pdf.l_margin + 4)
        pdf.paragraph(recommendation.ask, 7.5, color=MUTED_COLOR, x=pdf.l_margin + 4)
    if content.more_recommendations:
        pdf.paragraph(content.more_recommendations, 8, "I")


def _draw(content: BriefContent, map_inset_png: bytes | None, detail: DetailLevel) -> _BriefPDF:
    pdf = _BriefPDF(content.footer, detail.scale)
    pdf.set_title(pdf.clean(content.document_title))
    pdf.set_creator(content.creator)
    pdf.add_page()
    pdf.reserve_footer()

    pdf.multi_cell(
        0, pdf.style(20, "B") * 0.9, pdf.clean(content.title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.paragraph(content.subtitle, 8, color=MUTED_COLOR)
    pdf.ln(3)

    top = pdf.get_y()
    text_width = pdf.epw - INSET_WIDTH - COLUMN_GAP
    _draw_level(pdf, content, text_width)
    _draw_indicators(pdf, content, text_width)
    left_bottom = pdf.get_y()
    right_bottom = _draw_inset(pdf, content, map_inset_png, pdf.l_margin + text_width + COLUMN_GAP, top)
    pdf.set_xy(pdf.l_margin, max(left_bottom, right_bottom))

    _draw_section(pdf, content.agreements)
    _draw_authority(pdf, content)
    _draw_section(pdf, content.money)
    _draw_asks(pdf, content)
    return pdf


def county_brief_pdf(profile: CountyProfile, map_inset_png: bytes | None, version: DataVersion) -> bytes:
    """The one-page brief as PDF bytes; `profile` is lib.profile.county_profile's, `version` data_version's."""

    def one_page(detail: DetailLevel) -> _BriefPDF | None:
        try:
            pdf = _draw(brief_content(profile, version, detail), map_inset_png, detail)
        except ValueError as error:  # fpdf2 refuses a table row taller than what is left of the page
            if "too high" not in str(error):
                raise
            return None
        return pdf if pdf.pages_count == 1 else None

    try:
        *levels, last_resort = DETAIL_LEVELS
        pdf = next((pdf for pdf in map(one_page, levels) if pdf), None)
        if pdf is None:  # too many recommendations for any level: as many as fit at the lowest level but one
            pdf = _most_recommendations(one_page, levels[-1], len(profile["asks"]["items"])) or one_page(last_resort)
        if pdf is None:
            raise ValueError(f"the brief of {profile['fips']} does not fit on one page even at the lowest detail")
        return bytes(pdf.output())
    finally:
        release_font_caches()


def _most_recommendations(
    one_page: Callable[[DetailLevel], "_BriefPDF | None"], detail: DetailLevel, count: int
) -> "_BriefPDF | None":
    """The brief at `detail` with the most of its `count` recommendations that fit one page (a binary search: a
    recommendation more never makes the page shorter), or None if even one does not fit."""
    best, low, high = None, 1, count - 1
    while low <= high:
        middle = (low + high) // 2
        pdf = one_page(replace(detail, asks=middle))
        if pdf:
            best, low = pdf, middle + 1
        else:
            high = middle - 1
    return best


def release_font_caches() -> None:
    """fpdf2 2.8.9 memoizes two methods of its font subsetter with functools.cache, a cache shared by all
    documents that keeps every document's parsed fonts (about 13 MB each) alive for good. Emptying it after
    each brief keeps a long-running app's memory flat; it only memoizes, so other documents are unaffected."""
    SubsetMap.pick.cache_clear()
    SubsetMap.get_glyph.cache_clear()


def county_brief(
    data: CompiledData,
    fips: str,
    level_layer: Layer,
    evidence: CountyEvidence | None = None,
    version: DataVersion | None = None,
) -> bytes:
    """One county's brief (PDF) straight from the compiled data; pass `evidence` to reuse one for all counties, and
    `version` for the app's address and the day (without it the link is relative and the day is today)."""
    profile = county_profile(data, fips, evidence)
    return county_brief_pdf(profile, county_inset_png(data, fips, level_layer), version or data_version(data))


def county_brief_png(pdf_bytes: bytes) -> bytes:
    """The brief's first page as a PNG image."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        image = document[0].render(scale=PNG_SCALE).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _outer_rings(geometry: dict) -> list[list[tuple[float, float]]]:
    """Outer rings only: a hole in a county is another county, which is drawn over it (smaller ones last)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]


def _area(rings: list) -> float:
    return sum(abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) for ring in rings) / 2


def _faded(color: str) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * INSET_FADE) for c in _rgb(color))


def _diagonal_lines(size: tuple[int, int], spacing: int, width: int) -> Image.Image:
    """A mask of parallel diagonal lines ("/") over an image of `size`."""
    lines = Image.new("L", size, 0)
    draw = ImageDraw.Draw(lines)
    for start in range(0, size[0] + size[1], spacing):
        draw.line([(start, 0), (start - size[1], size[1])], fill=255, width=width)
    return lines


def county_inset_png(data: CompiledData, fips: str, level_layer: Layer) -> bytes | None:
    """A small map: the state's counties colored by level (faded), the county itself in full color and outlined;
    counties whose level rests on draft evidence hatched, as on the map. None when the county has no shape (Falls
    Church city, VA)."""
    geometries = data.county_geometries
    if fips not in geometries:
        return None
    state = {code: _outer_rings(g) for code, g in geometries.items() if code[:2] == fips[:2]}
    points = [point for rings in state.values() for ring in rings for point in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # A degree of longitude shrinks with latitude; scaling longitudes by the cosine keeps the state's shape.
    shrink = math.cos(math.radians((south + north) / 2))
    max_width, max_height = (side * INSET_SUPERSAMPLE for side in INSET_PIXELS)
    pad = 6 * INSET_SUPERSAMPLE
    scale = min(
        (max_width - 2 * pad) / max((east - west) * shrink, 1e-9), (max_height - 2 * pad) / max(north - south, 1e-9)
    )
    size = (round((east - west) * shrink * scale) + 2 * pad, round((north - south) * scale) + 2 * pad)

    def project(ring):
        return [(pad + (lon - west) * shrink * scale, pad + (north - lat) * scale) for lon, lat in ring]

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    # Where each hatch color goes (the county itself in full color, the others faded): drawn in the same order as
    # the counties, so a county inside another (a hole in it) keeps its own hatching or none.
    hatch_masks: dict[tuple[int, int, int], Image.Image] = {}
    for code in sorted(state, key=lambda c: -_area(state[c])):
        color = level_layer.color_of(level_layer.county_class[code])
        fill = _rgb(color) if code == fips else _faded(color)
        lines = (_rgb if code == fips else _faded)(hatch_color(color)) if level_layer.is_draft(code) else None
        if lines is not None and lines not in hatch_masks:
            hatch_masks[lines] = Image.new("L", size, 0)
        for ring in state[code]:
            draw.polygon(project(ring), fill=fill, outline="white", width=INSET_SUPERSAMPLE)
            for mask_lines, mask in hatch_masks.items():
                ImageDraw.Draw(mask).polygon(project(ring), fill=255 if mask_lines == lines else 0)
    diagonals = _diagonal_lines(size, INSET_HATCH_SPACING * INSET_SUPERSAMPLE, INSET_HATCH_WIDTH * INSET_SUPERSAMPLE)
    for lines, mask in hatch_masks.items():
        image.paste(lines, mask=ImageChops.multiply(mask, diagonals))
    for ring in state[fips]:
        draw.line(project(ring), fill="black", width=3 * INSET_SUPERSAMPLE, joint="curve")
    image = image.resize((size[0] // INSET_SUPERSAMPLE, size[1] // INSET_SUPERSAMPLE), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.brief", description="A county's one-page brief.")
    parser.add_argument("fips", metavar="FIPS", help="a 5-digit county code, e.g. 06085")
    parser.add_argument("stem", metavar="OUTPUT_STEM", type=Path, help="writes OUTPUT_STEM.pdf and .png")
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE_LANGUAGE,
        help="language of the brief (default: %(default)s)",
    )
    parser.add_argument(
        "--app-url",
        default=configured_base_url(os.environ, {}) or LOCAL_APP_URL,
        help=f"the app's address the county link starts with (default: {BASE_URL_VARIABLE}, else %(default)s)",
    )
    arguments = parser.parse_args(argv)
    data = load()
    with use_language(arguments.lang):
        try:
            fips = parse_fips(arguments.fips, data)
        except UnknownCounty as error:
            print(_("error: {error}").format(error=error), file=sys.stderr)
            return 1
        level_layer = build_layers(CountyEvidence.assemble(data))[LEVEL_LAYER]
        pdf = county_brief(data, fips, level_layer, version=data_version(data, app_url=arguments.app_url))
    arguments.stem.with_suffix(".pdf").write_bytes(pdf)
    arguments.stem.with_suffix(".png").write_bytes(county_brief_png(pdf))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
