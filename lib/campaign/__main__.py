"""`python -m lib.campaign FIPS --out DIR [--lang es] [--target OFFICE]`: writes a county's campaign packet (PDF)
and its public-records request (DOCX, PDF and text), for scripts and tests (the campaign page offers the same
files)."""

import argparse
import os
import sys
from pathlib import Path

from lib.brief import LOCAL_APP_URL, county_inset_png, data_version
from lib.campaign.packet import campaign_packet, packet_footer
from lib.campaign.pdf import parts_pdf
from lib.campaign.records_request import letter_language, records_request
from lib.campaign.text import part_text
from lib.campaign.word import part_docx
from lib.evidence import CountyEvidence
from lib.i18n import LANGUAGES, SOURCE_LANGUAGE, use_language
from lib.layers import build_layers
from lib.links import configured_base_url
from lib.profile import county_of_argument, county_profile
from lib.registry import LEVEL_LAYER
from lib.vocab import JAIL_OPERATOR_OFFICE, OFFICE_KINDS


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lib.campaign",
        description="A county's campaign packet (PDF) and public-records request (DOCX, PDF, text).",
    )
    parser.add_argument("fips", metavar="FIPS", help="a 5-digit county code, e.g. 06085")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        help="language of the files (default: Spanish in Puerto Rico, else English)",
    )
    parser.add_argument(
        "--target",
        choices=OFFICE_KINDS,
        default=JAIL_OPERATOR_OFFICE,
        help="the office the packet prepares a meeting with (default: %(default)s)",
    )
    arguments = parser.parse_args(argv)
    found = county_of_argument(arguments.fips)
    if found is None:
        return 1
    data, fips = found
    lang = arguments.lang or letter_language(data.counties_by_fips.loc[fips, "state_abbr"], SOURCE_LANGUAGE)
    version = data_version(data, app_url=configured_base_url(os.environ, {}) or LOCAL_APP_URL)
    with use_language(lang):
        evidence = CountyEvidence.assemble(data)
        profile = county_profile(data, fips, evidence)
        inset = county_inset_png(data, fips, build_layers(evidence)[LEVEL_LAYER])
        packet = campaign_packet(profile, inset, version, arguments.target)
        letter = records_request(profile)
        letter_pdf = parts_pdf([letter], packet_footer(profile, version))
    arguments.out.mkdir(parents=True, exist_ok=True)
    stem = arguments.out / f"records-request-{fips}-{lang}"
    written = {
        arguments.out / f"campaign-packet-{fips}-{lang}.pdf": packet,
        stem.with_suffix(".pdf"): letter_pdf,
        stem.with_suffix(".docx"): part_docx(letter),
        stem.with_suffix(".txt"): part_text(letter).encode("utf-8"),
    }
    for path, content in written.items():
        path.write_bytes(content)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
