"""Checks the Spanish catalog against the texts in the code: every text translated, reviewed (not fuzzy), with the
same placeholders, not left in English unless allow-listed, and a detainer always a request.

    python -m scripts.translations                       # the whole app against locale/es/…/messages.po
    python -m scripts.translations --po F.po lib/asks.py   # some files against another catalog

`make messages` adds new texts to the catalog (pybabel extract + update); this says what is still missing.
"""

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from lib.i18n import catalog_path
from lib.paths import PROJECT_ROOT

MAPPING_FILE = PROJECT_ROOT / "babel.cfg"
SAME_IN_SPANISH_FILE = PROJECT_ROOT / "locale" / "es" / "same-as-english.txt"
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
# A detainer asks a jail to hold someone; it is not an order. Spanish texts must say "solicitud(es) de retención".
DETAINER_ES = re.compile(r"solicitud(es)? de retención", re.IGNORECASE)
ORDER_WORDS = re.compile(r"\b[oó]rden(es)? de (retención|detención)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Message:
    msgid: str | tuple[str, str]  # a pair for plural texts
    location: str


def source_messages(paths: list[Path] | None = None) -> list[Message]:
    """The texts marked for translation in `paths`, or in every file babel.cfg names."""
    if paths:
        found = (
            (str(path), *item)
            for path in paths
            for item in extract_from_file("python", path, keywords=DEFAULT_KEYWORDS)
        )
    else:
        with MAPPING_FILE.open() as mapping_file:
            method_map, options_map = parse_mapping_cfg(mapping_file)
        found = extract_from_dir(PROJECT_ROOT, method_map, options_map, keywords=DEFAULT_KEYWORDS)
    messages = []
    for filename, line, msgid, _comments, _context in found:
        messages.append(Message(msgid, f"{filename}:{line}"))
    return messages


def same_in_spanish(path: Path = SAME_IN_SPANISH_FILE) -> set[str]:
    """Texts allowed to read the same in both languages (names, acronyms); '#' starts a comment line."""
    if not path.is_file():
        return set()
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}


def load_catalog(path: Path) -> Catalog:
    with path.open("rb") as po_file:
        return read_po(po_file, locale="es")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(messages: list[Message], catalog: Catalog, allowed_same: set[str]) -> list[str]:
    found = []
    for message in messages:
        msgid = message.msgid
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        shown = f"{message.location}: {key!r}"
        entry = catalog.get(key)
        if entry is None:
            found.append(f"{shown} is not in the catalog")
            continue
        english = list(msgid) if isinstance(msgid, tuple) else [msgid]
        spanish = list(entry.string) if isinstance(entry.string, tuple) else [entry.string]
        if entry.fuzzy:
            found.append(f"{shown} is marked fuzzy (a guess nobody has checked)")
        if not all(spanish):
            found.append(f"{shown} has no Spanish")
            continue
        if any(text in english for text in spanish) and key not in allowed_same:
            found.append(
                f"{shown} reads the same in Spanish (allow-list it in {SAME_IN_SPANISH_FILE.name} if it is a name)"
            )
        for text in spanish:
            # A plural form may leave out the count ("one county"), never add a placeholder the code lacks.
            expected = set(_placeholders(english[-1])) if len(english) > 1 else _placeholders(english[0])
            got = set(_placeholders(text)) if len(english) > 1 else _placeholders(text)
            if (got - expected) if len(english) > 1 else (got != expected):
                found.append(f"{shown} has other placeholders in Spanish: {text!r}")
            if ORDER_WORDS.search(text):
                found.append(f"{shown} calls a detainer an order: {text!r}")
        if re.search("detainer", " ".join(english), re.IGNORECASE) and not DETAINER_ES.search(" ".join(spanish)):
            found.append(f"{shown} mentions detainers; the Spanish must say 'solicitud de retención'")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--po", type=Path, default=catalog_path("es"))
    parser.add_argument("--same", type=Path, action="append", default=[], help="another allow-list file")
    parser.add_argument("files", nargs="*", type=Path)
    arguments = parser.parse_args(argv)
    allowed = same_in_spanish().union(*(same_in_spanish(path) for path in arguments.same))
    found = problems(source_messages(arguments.files), load_catalog(arguments.po), allowed)
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
