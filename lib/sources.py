"""The source registry (sources.yaml): every public source the data comes from, with its date and licence, and the
limits `make update` (lib/build/update.py) applies to what it downloads.

ICE republishes each of its 287(g) lists as a new dated sheet. Such a list is a series: what holds for all its
sheets is said once under `series:`, and each sheet is its own entry under `sources:` naming its series, with its
own `as_of` and file. The build reads the newest sheet of a series (the latest `as_of`) for today's list and every
sheet for the history; `make update` adds a new sheet's entry (with_sheet), so a new sheet needs no code edit.

The registry the app reads (data/sources.json, Registry.published) has one entry per source and per sheet. The
newest sheet of a series is published under the series' id, the one the app asks for (`ice_287g_participating`),
with the series' `cadence_days` and `update:`, which concern the publisher's next sheet; each older sheet as
`<series>_<as_of>` (`ice_287g_participating_2025_07_30`), its title followed by ", sheet of <as_of>". A series
marked `one_source` (a closed set, such as the Wayback Machine's captures) is published as one entry under the
series' id, with the series' own title and `as_of` and every sheet's file.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from lib.paths import SOURCES_FILE

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Fields of a series that describe its newest sheet only: how often the publisher replaces it, and where.
NEWEST_SHEET_ONLY = ("cadence_days", "update")
ONE_SOURCE = "one_source"  # a series' flag: its sheets are published as one source
# The source whose date the level and indicator layers carry (the newest of ICE's 287(g) lists); its page is the
# address of an agreement whose row on ICE's list links no agreement document.
LIST_SOURCE_287G = "ice_287g_participating"


class RegistryError(ValueError):
    """sources.yaml does not say what the build needs; the message names the entry."""


@dataclass(frozen=True)
class Sheet:
    """One dated sheet of a series: an entry of sources.yaml with `series:`."""

    series: str
    as_of: str  # YYYY-MM-DD
    path: Path  # relative to the raw folder
    source_id: str  # its id in data/sources.json


class Registry:
    """sources.yaml, read and checked: its sources, its series' sheets and the `update:` limits."""

    def __init__(self, document: dict, origin: Path):
        self.origin = origin
        self.update_settings: dict = document["update"]
        self._series: dict[str, dict] = document.get("series") or {}
        self._entries: list[dict] = document["sources"]
        self._sheets = self._read_sheets()
        ids = [source["id"] for source in self.published]
        repeated = sorted({source_id for source_id in ids if ids.count(source_id) > 1})
        if repeated:
            raise RegistryError(f"{origin}: more than one source has the id {', '.join(repeated)}")

    def _read_sheets(self) -> dict[int, Sheet]:
        """Each series entry's Sheet, by the entry's position in `sources:`."""
        by_series: dict[str, list[tuple[int, dict]]] = {}
        for position, entry in enumerate(self._entries):
            if "series" not in entry:
                continue
            where = f"{self.origin}: the sheet entry {position + 1} of `sources:` ({entry.get('files')})"
            if entry["series"] not in self._series:
                raise RegistryError(f"{where} names the series {entry['series']!r}, which `series:` does not have")
            if "id" in entry:
                raise RegistryError(f"{where} has an id; a sheet's id comes from its series and date")
            if not ISO_DATE.match(str(entry.get("as_of", ""))) or len(entry.get("files") or []) != 1:
                raise RegistryError(f"{where} needs an `as_of` date (YYYY-MM-DD) and exactly one file")
            by_series.setdefault(entry["series"], []).append((position, entry))
        sheets = {}
        for series, entries in by_series.items():
            entries.sort(key=lambda item: item[1]["as_of"])
            dates = [entry["as_of"] for _, entry in entries]
            if len(set(dates)) < len(dates):
                raise RegistryError(f"{self.origin}: two sheets of {series} have the same `as_of`")
            for position, entry in entries:
                as_one = self._series[series].get(ONE_SOURCE) or entry is entries[-1][1]
                source_id = series if as_one else f"{series}_{entry['as_of'].replace('-', '_')}"
                sheets[position] = Sheet(series, entry["as_of"], Path(entry["files"][0]), source_id)
        return sheets

    def sheets(self, series: str) -> list[Sheet]:
        """Every sheet of `series`, oldest first."""
        return sorted(
            (sheet for sheet in self._sheets.values() if sheet.series == series), key=lambda sheet: sheet.as_of
        )

    def newest(self, series: str) -> Sheet:
        sheets = self.sheets(series)
        if not sheets:
            raise RegistryError(f"{self.origin} has no sheet of the series {series}")
        return sheets[-1]

    @property
    def published(self) -> list[dict]:
        """The registry as data/sources.json holds it, in the order of sources.yaml."""
        published = []
        for position, entry in enumerate(self._entries):
            sheet = self._sheets.get(position)
            if sheet is None:
                published.append(dict(entry))
                continue
            settings = {name: value for name, value in self._series[sheet.series].items() if name != ONE_SOURCE}
            if self._series[sheet.series].get(ONE_SOURCE):
                if sheet.source_id not in (source["id"] for source in published):  # where its first sheet stands
                    files = [other.path.as_posix() for other in self.sheets(sheet.series)]
                    published.append({"id": sheet.source_id, **settings, "files": files})
                continue
            own = {name: value for name, value in entry.items() if name != "series"}
            if sheet.source_id == sheet.series:
                published.append({"id": sheet.source_id, **settings, **own})
            else:
                older = {name: value for name, value in settings.items() if name not in NEWEST_SHEET_ONLY}
                title = f"{settings['title']}, sheet of {sheet.as_of}"
                published.append({"id": sheet.source_id, **older, "title": title, **own})
        return published


def load_registry(path: Path = SOURCES_FILE) -> Registry:
    return Registry(yaml.safe_load(path.read_text(encoding="utf-8")), path)


def with_sheet(text: str, series: str, as_of: str, file: Path, retrieved_via: str) -> str:
    """The text of sources.yaml with an entry for one more sheet of `series`, placed after the entry of the series'
    newest sheet; every other line, comments included, stays as it was. The values are written JSON-quoted (valid
    YAML), so nothing taken from a publisher's page can change the file's structure."""
    root = yaml.compose(text)
    entries = next(value for key, value in root.value if key.value == "sources").value
    of_series = [entry for entry in entries if _field(entry, "series") == series]
    if not of_series:
        raise RegistryError(f"sources.yaml has no sheet of the series {series} to add one after")
    after = max(of_series, key=lambda entry: _field(entry, "as_of"))
    indent = " " * after.start_mark.column  # of the entry's keys; its "- " stands two columns left of them
    fields = {
        "as_of": json.dumps(as_of),
        "files": json.dumps([file.as_posix()]),
        "retrieved_via": json.dumps(retrieved_via),
    }
    entry_lines = [f"{indent[:-2]}- series: {series}\n"]
    entry_lines += [f"{indent}{name}: {value}\n" for name, value in fields.items()]
    lines = text.splitlines(keepends=True)
    last = _last_line(after)
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    new_text = "".join(lines[: last + 1] + entry_lines + lines[last + 1 :])

    before, now = yaml.safe_load(text)["sources"], yaml.safe_load(new_text)["sources"]
    added = {"series": series, "as_of": as_of, "files": [file.as_posix()], "retrieved_via": retrieved_via}
    if len(now) != len(before) + 1 or added not in now or [entry for entry in now if entry != added] != before:
        raise RegistryError(f"adding the sheet of {as_of} to {series} would change sources.yaml in another way")
    return new_text


def _field(mapping: yaml.MappingNode, name: str) -> str | None:
    return next((value.value for key, value in mapping.value if key.value == name), None)


def _last_line(node: yaml.Node) -> int:
    """The last line (0-based) a node's own text is on. A block collection's end mark is where the next node starts,
    after any comments between them, so its last item or value is followed instead."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _last_line(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _last_line(node.value[-1])
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1
