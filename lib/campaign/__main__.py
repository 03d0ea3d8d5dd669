"""`python -m lib.campaign FIPS --out DIR [--lang es]`: writes a county's public-records request as DOCX and text,
for scripts and tests (the county page offers the same files)."""

import argparse
import sys
from pathlib import Path

from lib.campaign.records_request import letter_language, records_request
from lib.campaign.text import part_text
from lib.campaign.word import part_docx
from lib.i18n import LANGUAGES, SOURCE_LANGUAGE, use_language
from lib.profile import county_of_argument, county_profile


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lib.campaign", description="A county's public-records request, as DOCX and text files."
    )
    parser.add_argument("fips", metavar="FIPS", help="a 5-digit county code, e.g. 06085")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        help="language of the letter (default: Spanish in Puerto Rico, else English)",
    )
    arguments = parser.parse_args(argv)
    found = county_of_argument(arguments.fips)
    if found is None:
        return 1
    data, fips = found
    lang = arguments.lang or letter_language(data.counties_by_fips.loc[fips, "state_abbr"], SOURCE_LANGUAGE)
    with use_language(lang):
        part = records_request(county_profile(data, fips))
    arguments.out.mkdir(parents=True, exist_ok=True)
    stem = arguments.out / f"records-request-{fips}-{lang}"
    stem.with_suffix(".docx").write_bytes(part_docx(part))
    stem.with_suffix(".txt").write_text(part_text(part), encoding="utf-8")
    print(f"{stem}.docx\n{stem}.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
