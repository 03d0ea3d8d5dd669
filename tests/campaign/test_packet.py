"""The campaign packet: for a stratified sample of counties (every state, every level) every part builds in both
languages and the packet is one PDF that starts with the brief; every county in the slow run. The PDF is text a
reader can search, drawn as plain text (no markup from data)."""

import pypdfium2
import pytest

from lib.brief import county_inset_png, data_version
from lib.campaign.meeting import meeting_prep, meeting_targets
from lib.campaign.packet import campaign_packet, campaign_parts
from lib.campaign.pdf import parts_pdf
from lib.campaign.text import part_text
from lib.i18n import use_language
from lib.profile import county_profile
from lib.registry import LEVEL_LAYER, LEVELS
from tests.campaign.kit import stratified_sample


def pdf_text(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


@pytest.fixture(scope="module")
def sample(data, evidence) -> list[str]:
    return stratified_sample(data, evidence)


def test_the_sample_covers_every_state_and_every_level(data, evidence, sample):
    assert set(data.counties.loc[data.counties["fips"].isin(sample), "state_abbr"]) == set(data.counties["state_abbr"])
    assert {evidence.classify(fips).level for fips in sample} == set(LEVELS)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_part_builds_for_the_sample_with_every_target(data, evidence, sample, lang):
    with use_language(lang):
        for fips in sample:
            profile = county_profile(data, fips, evidence)
            for target in meeting_targets(profile):
                assert part_text(meeting_prep(profile, target)), (fips, target)
            parts = campaign_parts(profile)
            assert all(part_text(part) for part in parts), fips
            assert parts_pdf(parts, "footer").startswith(b"%PDF-"), fips


def test_the_packet_starts_with_the_brief_and_holds_every_part(data, evidence, layers, sample):
    version = data_version(data)
    for fips in sample[::4]:
        profile = county_profile(data, fips, evidence)
        pdf = campaign_packet(profile, county_inset_png(data, fips, layers[LEVEL_LAYER]), version)
        pages = pdf_text(pdf)
        assert profile["name"] in pages[0]
        text = " ".join(pages)
        for part in campaign_parts(profile):
            assert part.title.split(":")[0] in text, (fips, part.id)


def test_texts_from_data_print_as_written(data, evidence):
    profile = county_profile(data, "48201", evidence)
    hostile = {**profile, "name": "<b>x</b> [link](http://evil.example) =HYPERLINK(1)"}
    text = " ".join(pdf_text(parts_pdf(campaign_parts(hostile), "footer")))
    assert "<b>x</b> [link](http://evil.example) =HYPERLINK(1)" in " ".join(text.split())


@pytest.mark.slow
def test_every_county_gets_a_packet_in_both_languages(data, evidence, layers):
    version = data_version(data)
    for lang in ("en", "es"):
        with use_language(lang):
            for fips in data.counties["fips"]:
                profile = county_profile(data, fips, evidence)
                assert campaign_packet(profile, county_inset_png(data, fips, layers[LEVEL_LAYER]), version)
