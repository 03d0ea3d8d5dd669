"""`python -m lib.build.update`: fetch the newest ICE 287(g) sheets, rebuild data/ if they changed, report what changed.

For every series in sources.yaml with an `update:` entry (the publisher's page and a regular expression for the
spreadsheet link on it), against the series' newest sheet:

1. the page is fetched and the newest matching link downloaded into the store (../shared/data/raw-updates/ by
   default, outside git), then checked with the build's own reader. A failure (HTTP error, an HTML page in place
   of the workbook, a truncated file, a missing or renamed column, a sheet older than the one we have or of its date
   with other contents (sources.yaml holds one sheet per date), or a broken limit of the `update:` block of
   sources.yaml: a link or redirect off https on the allowed hosts, a download over the time or size limit, a sheet
   with far fewer or far more rows than ours or too many repeated agreements) is recorded for that source, which
   keeps its old file; a file identical to the current raw file is "unchanged";
2. if at least one source changed, a fresh raw folder is made in the store (a copy of the raw folder with each
   new sheet added under its dated name), sources.yaml gets an entry for each new sheet (lib/sources.with_sheet:
   the newest sheet of its series, the one the build reads), and the build runs on both. The build writes data/
   atomically and sources.yaml is replaced only once the build has succeeded, so a failed build leaves both as
   they were: a new sheet needs no code edit;
3. a change report (Markdown) is printed and saved in the store as REPORT-<today>.md: the status of every
   source, the 287(g) agreements added and removed, and the counties whose level changed.

Exit status: 1 if the build failed, or if a source failed and nothing was rebuilt; otherwise 0.
"""

import argparse
import hashlib
import http.client
import os
import re
import shutil
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field, fields
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import openpyxl
import pandas as pd

from lib.build.agreements import read_sheet
from lib.build.errors import RawDataError
from lib.build.pipeline import run as run_build
from lib.data import CompiledData, DataFileError, load
from lib.evidence import CountyEvidence
from lib.paths import DATA_DIR, PROJECT_ROOT, SOURCES_FILE, default_raw_dir
from lib.registry import HOLDS, LEVEL_CLASSES, PARTNERSHIP, UNKNOWN
from lib.sources import load_registry, with_sheet
from lib.vocab import MODEL_LABELS

# One read (connecting, the headers, one chunk of the body) may wait this long; the whole download is bounded by
# `deadline_seconds` in sources.yaml, checked each time bytes arrive.
READ_TIMEOUT_SECONDS = 60
CHUNK_BYTES = 64 * 1024
USER_AGENT = "county-ice-explorer-data-update/1 (python-urllib; monthly check of public ICE sheets)"
XLSX_MAGIC = b"PK\x03\x04"  # an .xlsx workbook is a zip archive
AGREEMENT_KEY = ["agency", "state_abbr", "model"]
SHEET_AGREEMENT_KEY = ["LAW ENFORCEMENT AGENCY", "STATE", "SUPPORT TYPE"]  # the same key in the sheet's own columns
DROP_WARNING = 0.8  # warn when a sheet loses more than a fifth of its rows


def default_store_dir() -> Path:
    override = os.environ.get("ICE_MAP_UPDATE_STORE")
    return Path(override) if override else PROJECT_ROOT.parent / "shared" / "data" / "raw-updates"


class UpdateFailed(Exception):
    """One source could not be updated; the message says why, in words for the report."""


@dataclass(frozen=True)
class Limits:
    """What an update accepts from a publisher: the `update:` block of sources.yaml, the one place these are set."""

    allowed_hosts: frozenset[str]
    deadline_seconds: float
    max_megabytes: float
    min_row_ratio: float
    max_row_ratio: float
    max_duplicate_share: float

    @classmethod
    def from_settings(cls, settings: dict) -> "Limits":
        expected = {item.name for item in fields(cls)}
        if set(settings) != expected:
            raise ValueError(f"the update: block of sources.yaml must set exactly {', '.join(sorted(expected))}; "
                             f"it sets {', '.join(sorted(settings))}")
        numbers = {name: float(settings[name]) for name in expected - {"allowed_hosts"}}
        return cls(allowed_hosts=frozenset(host.lower() for host in settings["allowed_hosts"]), **numbers)

    @property
    def max_bytes(self) -> int:
        return int(self.max_megabytes * 2**20)


def load_limits(sources_file: Path = SOURCES_FILE) -> Limits:
    return Limits.from_settings(load_registry(sources_file).update_settings)


def _shown(url: str) -> str:
    """A URL as inert code text for the report, shortened: a refused link must not become a link there."""
    short = url if len(url) <= 100 else url[:99] + "…"
    return "`" + short.replace("`", "'") + "`"


@dataclass(frozen=True)
class LinkPolicy:
    """The URLs an update may fetch: https on an allowed host. With --base-url (the tests' local server, a mirror)
    the base URL's scheme and host take their place: links on the allowed hosts are fetched from it instead."""

    allowed_hosts: frozenset[str]
    base_url: str | None = None

    def target(self, url: str, what: str) -> str:
        """The URL to fetch for `url` (`what` it is, for the report); UpdateFailed saying why for any other."""
        try:
            parts = urlsplit(url)
        except ValueError:  # an unclosed "[" in the host, say
            raise UpdateFailed(f"refused {what} {_shown(url)}: it is not a valid address; {self._rule()}") from None
        scheme, host = parts.scheme.lower(), parts.netloc.lower()
        if scheme == "https" and host in self.allowed_hosts:
            return self._rebased(parts) if self.base_url else url
        if self.base_url and (scheme, host) == self._base_origin():
            return url
        if scheme not in ("http", "https"):
            why = f"it is a {scheme}: link" if scheme else "it has no scheme"
        elif host in self.allowed_hosts:
            why = "it is not https"
        else:
            why = f"it goes to another host ({parts.hostname or host or 'none'})"
        raise UpdateFailed(f"refused {what} {_shown(url)}: {why}; {self._rule()}")

    def _rule(self) -> str:
        rule = f"only https links to {', '.join(sorted(self.allowed_hosts))} are followed"
        if self.base_url:
            scheme, host = self._base_origin()
            rule += f" (and, with --base-url, links to {scheme}://{host})"
        return rule

    def _base_origin(self) -> tuple[str, str]:
        base = urlsplit(self.base_url)
        return base.scheme.lower(), base.netloc.lower()

    def _rebased(self, parts) -> str:
        base = urlsplit(self.base_url)
        return urlunsplit((base.scheme, base.netloc, base.path.rstrip("/") + parts.path, parts.query, ""))


@dataclass
class SourceResult:
    source_id: str  # the series: its newest sheet's id in data/sources.json
    title: str
    status: str = "failed"  # updated / unchanged / failed
    reason: str = ""
    url: str | None = None
    link_date: str | None = None
    saved_to: Path | None = None
    content: bytes | None = field(default=None, repr=False)
    as_of: str | None = None  # of a new sheet: its link's date, or the day of this update where the link has none
    new_file: Path | None = None  # where a new sheet goes, relative to the raw folder: our sheet's name, new date
    old_rows: int | None = None
    new_rows: int | None = None

    @property
    def label(self) -> str:
        return f"failed: {self.reason}" if self.status == "failed" else self.status


@dataclass
class UpdateResult:
    today: str
    sources: list[SourceResult]
    report: str = ""
    report_path: Path | None = None
    new_raw: Path | None = None
    new_sources: Path | None = None  # sources.yaml with the new sheets' entries, as the build read it
    built: bool = False
    build_error: str | None = None

    @property
    def exit_code(self) -> int:
        if self.build_error:
            return 1
        if not self.built and any(result.status == "failed" for result in self.sources):
            return 1
        return 0


# --- fetching ----------------------------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href" and value]


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only where a link may go: urllib alone follows one to any http, https or ftp address."""

    def __init__(self, policy: LinkPolicy):
        super().__init__()
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        try:
            target = self.policy.target(newurl, f"the redirect from {_shown(req.full_url)} to")
        except UpdateFailed:
            fp.close()
            raise
        return super().redirect_request(req, fp, code, msg, headers, target)


def _opener(policy: LinkPolicy) -> urllib.request.OpenerDirector:
    """urllib's default opener without its file:, ftp: and data: handlers, and with checked redirects: even a link
    the policy missed cannot read a local file."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.UnknownHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    _CheckedRedirects(policy), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _get(url: str, policy: LinkPolicy, limits: Limits) -> tuple[bytes, str, str]:
    """(body, content type, final URL after redirects) of a GET within the time and size limits; every network
    problem and every broken limit becomes UpdateFailed."""
    deadline = time.monotonic() + limits.deadline_seconds
    read_timeout = min(READ_TIMEOUT_SECONDS, limits.deadline_seconds)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks, received = [], 0
    try:
        with _opener(policy).open(request, timeout=read_timeout) as response:
            announced = response.headers.get("Content-Length")
            if announced and announced.isdigit() and int(announced) > limits.max_bytes:
                raise UpdateFailed(f"refused {url}: it announces {int(announced):,} bytes, more than the "
                                   f"{limits.max_megabytes:g} MB limit (`max_megabytes` in sources.yaml)")
            while True:
                # read1 returns whatever has arrived, so the clock is checked however slowly the bytes come
                chunk = response.read1(CHUNK_BYTES)
                if time.monotonic() > deadline:
                    raise UpdateFailed(f"gave up on {url} after the {limits.deadline_seconds:g} s time limit "
                                       f"(`deadline_seconds` in sources.yaml), {received:,} bytes in")
                if not chunk:
                    break
                received += len(chunk)
                if received > limits.max_bytes:
                    raise UpdateFailed(f"stopped {url} at {received:,} bytes: it is larger than the "
                                       f"{limits.max_megabytes:g} MB limit (`max_megabytes` in sources.yaml)")
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "")
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise UpdateFailed(f"HTTP {error.code} {error.reason} for {url}") from error
    except urllib.error.URLError as error:
        raise UpdateFailed(f"cannot reach {url} ({error.reason})") from error
    except TimeoutError as error:
        raise UpdateFailed(f"no answer from {url} within {read_timeout:g} s") from error
    except (OSError, http.client.HTTPException) as error:  # a reset connection, a broken chunked body, ...
        raise UpdateFailed(f"download of {url} broke off ({type(error).__name__}: {error})") from error
    if announced and announced.isdigit() and received != int(announced):
        raise UpdateFailed(f"download of {url} broke off after {received:,} of {int(announced):,} bytes")
    return b"".join(chunks), content_type, final_url


def _link_sort_key(match: re.Match) -> tuple:
    groups = match.groupdict()
    try:
        return (int(groups.get("year") or 0), int(groups.get("month") or 0), int(groups.get("day") or 0),
                (groups.get("ampm") or "").lower() == "pm")
    except ValueError:
        return (0, 0, 0, False)


def find_newest_link(html: str, page_url: str, pattern: str) -> tuple[str, str | None]:
    """(absolute URL, ISO date or None) of the newest link whose path matches `pattern`. Named groups year,
    month and day (and ampm) date a link; without them the first matching link on the page is taken."""
    parser = _Links()
    parser.feed(html)
    regex = re.compile(pattern, re.IGNORECASE)
    matches = []
    for href in parser.hrefs:
        try:
            url = urljoin(page_url, href.strip())
        except ValueError:  # not an address at all (an unclosed "[" in the host): never the sheet
            continue
        match = regex.search(urlsplit(url).path)
        if match:
            matches.append((url, match))
    if not matches:
        raise UpdateFailed(f"no link matching {pattern!r} on {page_url} (has the page changed?)")
    url, match = max(reversed(matches), key=lambda item: _link_sort_key(item[1]))  # ties: first on the page
    year, month, day, _ = _link_sort_key(match)
    try:
        return url, date(year, month, day).isoformat() if year else None
    except ValueError:
        return url, None


# --- one source --------------------------------------------------------------------------------------------------


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _check_workbook(content: bytes, content_type: str) -> None:
    if content.startswith(XLSX_MAGIC):
        return
    head = content[:80].decode("utf-8", errors="replace").strip().replace("\n", " ")
    kind = "an HTML page" if "html" in content_type.lower() or head.lower().startswith(("<!doctype", "<html")) \
        else f"{content_type or 'an unknown type'}"
    raise UpdateFailed(f"not an .xlsx workbook: the server sent {kind} ({len(content)} bytes, "
                       f"starting {head[:40]!r})")


def _count_rows(path: Path, stop_after: int) -> int | None:
    """Data rows of the workbook's first sheet as the build's reader counts them (non-blank rows below the header),
    streamed without loading the sheet and counted no further than stop_after + 1; None if openpyxl cannot read it
    (the build's reader then says why)."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            count = 0
            for values in book.worksheets[0].iter_rows(min_row=2, values_only=True):
                count += any(value is not None for value in values)
                if count > stop_after:
                    break
            return count
        finally:
            book.close()
    except Exception:  # openpyxl raises many types for a broken file; read_sheet names the problem next
        return None


def _check_row_count(path: Path, old_rows: int | None, limits: Limits) -> None:
    """The new sheet's rows must lie between min_row_ratio and max_row_ratio times ours. They are counted by
    streaming, before the build's reader loads every cell (a sheet of 400,000 repeated rows once took 2.7 GB)."""
    if not old_rows:
        return
    most = int(old_rows * limits.max_row_ratio)
    rows = _count_rows(path, stop_after=most)
    if rows is None:
        return
    if rows > most:
        raise UpdateFailed(f"the new sheet has more than {most:,} rows against {old_rows:,} in ours, over "
                           f"{limits.max_row_ratio:g} times as many (`max_row_ratio` in sources.yaml): more likely a "
                           "broken sheet than a real change")
    if rows < old_rows * limits.min_row_ratio:
        raise UpdateFailed(f"the new sheet has {rows:,} rows against {old_rows:,} in ours, fewer than "
                           f"{limits.min_row_ratio:g} times as many (`min_row_ratio` in sources.yaml): more likely a "
                           "broken sheet than a real change")


def _check_duplicates(rows: pd.DataFrame, limits: Limits) -> None:
    """A duplicate is a row repeating an earlier row's agreement: same agency, state and support type after the
    reader's cleaning (the key the report compares agreements by), whatever its other cells say."""
    repeated = int(rows.duplicated(SHEET_AGREEMENT_KEY).sum())
    if repeated > limits.max_duplicate_share * len(rows):
        raise UpdateFailed(f"{repeated:,} of the new sheet's {len(rows):,} rows ({repeated / len(rows):.0%}) repeat "
                           "an earlier row's agreement (same agency, state and support type), more than the "
                           f"{limits.max_duplicate_share:.0%} limit (`max_duplicate_share` in sources.yaml)")


def update_source(source: dict, raw_dir: Path, download_dir: Path, limits: Limits, today: str,
                  base_url: str | None = None) -> SourceResult:
    """`source`: the newest sheet of a series as data/sources.json has it (under the series' id, with `update:`)."""
    config = source["update"]
    policy = LinkPolicy(limits.allowed_hosts, base_url)
    result = SourceResult(source["id"], source["title"])
    try:
        current_file, current_as_of = Path(source["files"][0]), source["as_of"]
        html, _, page_url = _get(policy.target(config["page"], "the page"), policy, limits)
        url, result.link_date = find_newest_link(html.decode("utf-8", errors="replace"), page_url, config["link"])
        sheet_url = policy.target(url, "the sheet link")
        result.url = url  # only now: the report shows it as a link
        # A link without a date offers ICE's list as of the day it is fetched.
        as_of = result.link_date or today
        if as_of < current_as_of:
            undated = "" if result.link_date else ", the day of this update: its link carries no date"
            raise UpdateFailed(f"the newest sheet on the page ({as_of}{undated}) is older than ours ({current_as_of})")
        content, content_type, _ = _get(sheet_url, policy, limits)
        download_dir.mkdir(parents=True, exist_ok=True)
        saved = download_dir / (Path(urlsplit(url).path).name or f"{source['id']}.xlsx")
        saved.write_bytes(content)
        result.saved_to = saved
        _check_workbook(content, content_type)

        current = raw_dir / current_file
        if current.is_file():
            result.old_rows = _rows_or_none(current)
            if _sha256(current.read_bytes()) == _sha256(content):
                result.status, result.new_rows = "unchanged", result.old_rows
                return result
        if as_of == current_as_of:
            raise UpdateFailed(f"the sheet on the page is of {as_of}, as ours is, but its contents differ: "
                               "sources.yaml holds one sheet per date, so check it and replace ours by hand")
        result.as_of, result.new_file = as_of, _dated_name(current_file, as_of)
        _check_row_count(saved, result.old_rows, limits)
        try:
            rows = read_sheet(saved)
        except RawDataError as error:
            problem = str(error).replace(str(saved), saved.name)
            raise UpdateFailed(f"the new sheet does not pass the build's checks: {problem}") from error
        result.new_rows = len(rows)
        _check_duplicates(rows, limits)
        result.status, result.content = "updated", content
    except UpdateFailed as error:
        result.status, result.reason = "failed", str(error)
    return result


def _rows_or_none(path: Path) -> int | None:
    try:
        return len(read_sheet(path))
    except RawDataError:
        return None


# --- comparing old and new data ----------------------------------------------------------------------------------


def _load_or_none(out_dir: Path) -> CompiledData | None:
    try:
        return load(out_dir)
    except DataFileError:
        return None


def agreement_changes(old: pd.DataFrame, new: pd.DataFrame, counties: pd.DataFrame | None = None
                      ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(added, removed) agreements, keyed by agency, state and model within each list (participating, pending);
    with `counties` (indexed by FIPS), each row gets its county's name."""
    columns = ["status", *AGREEMENT_KEY]

    def keyed(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.drop_duplicates(columns).set_index(columns)

    old_keyed, new_keyed = keyed(old), keyed(new)
    added = new_keyed.loc[new_keyed.index.difference(old_keyed.index)].reset_index()
    removed = old_keyed.loc[old_keyed.index.difference(new_keyed.index)].reset_index()
    order = ["status", "state_abbr", "agency", "model"]
    if counties is not None:
        names = counties["name"].to_dict()
        added["county"], removed["county"] = added["county_fips"].map(names), removed["county_fips"].map(names)
    return added.sort_values(order).reset_index(drop=True), removed.sort_values(order).reset_index(drop=True)


def level_labels() -> dict[str, str]:
    return {level.id: level.label for level in LEVEL_CLASSES}


def deciding_summary(classification) -> str:
    if classification.level == PARTNERSHIP:
        first = classification.partnership[0]
        more = len(classification.partnership) - 1
        return first.summary + (f" (and {more} more)" if more else "")
    if classification.level == UNKNOWN:
        return "no statute, agreement, contract or local policy found"
    holds = classification.indicators[HOLDS].decided_by
    return holds.summary if holds else ""


def level_changes(old: CompiledData, new: CompiledData) -> list[dict]:
    old_levels = {fips: c.level for fips, c in CountyEvidence.assemble(old).classify_all().items()}
    counties = new.counties_by_fips
    changes = []
    for fips, classification in CountyEvidence.assemble(new).classify_all().items():
        before = old_levels.get(fips, "not in the old data")
        if before != classification.level:
            changes.append({"fips": fips, "name": f"{counties.loc[fips, 'name']}, {counties.loc[fips, 'state_abbr']}",
                            "old": before, "new": classification.level,
                            "evidence": deciding_summary(classification)})
    return changes


# --- the report --------------------------------------------------------------------------------------------------


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rows(result: SourceResult) -> str:
    if result.old_rows is None and result.new_rows is None:
        return ""
    old = "—" if result.old_rows is None else f"{result.old_rows:,}"
    new = "—" if result.new_rows is None else f"{result.new_rows:,}"
    return old if result.status == "unchanged" else f"{old} → {new}"


def _agreement_line(row) -> str:
    if isinstance(row.get("county_fips"), str):
        place = f"{row['county']} ({row['county_fips']})" if isinstance(row.get("county"), str) else row["county_fips"]
    else:
        place = str(row.get("placed_by", "")).replace("_", " ")
    signed = f", signed {row['signed']}" if isinstance(row.get("signed"), str) else ""
    return (f"- {row['agency']} ({row['state_abbr']}): {MODEL_LABELS.get(row['model'], row['model'])}, "
            f"{row['status']}{signed}; {place}")


def render_report(result: UpdateResult, raw_dir: Path, out_dir: Path, added=None, removed=None,
                  changes=None) -> str:
    lines = [f"# Data update {result.today}", "",
             f"Raw folder: `{raw_dir}`. Compiled data: `{out_dir}`.", "",
             "## Sources", "",
             "| Source | Status | Sheet on the page | Rows (old → new) |",
             "|---|---|---|---|"]
    for source in result.sources:
        sheet = f"[{Path(urlsplit(source.url).path).name}]({source.url})" if source.url else ""
        if source.link_date:
            sheet += f" ({source.link_date})"
        lines.append(f"| `{source.source_id}` | {_cell(source.label)} | {_cell(sheet)} | {_rows(source)} |")

    lines += ["", "## Build", ""]
    if result.build_error:
        lines.append(f"**The build failed; the compiled data and sources.yaml were left as they were.** "
                     f"{result.build_error}")
    elif result.built:
        lines.append(f"Rebuilt `{out_dir}` from `{result.new_raw}` (a copy of the raw folder with the new sheets), "
                     "with an entry for each new sheet added to sources.yaml.")
    else:
        lines.append("Not rebuilt: no source has a new, valid file.")

    if result.built:
        lines += _changes_section(added, removed, changes) + _before_merging(result)
    return "\n".join(lines) + "\n"


def _changes_section(added: pd.DataFrame | None, removed: pd.DataFrame | None, changes: list[dict] | None
                     ) -> list[str]:
    if added is None:
        return ["", "There was no readable compiled data before this build, so there is nothing to compare."]
    lines = ["", f"## 287(g) agreements added ({len(added)})", ""]
    lines += [_agreement_line(row) for row in added.to_dict("records")] or ["None."]
    lines += ["", f"## 287(g) agreements removed ({len(removed)})", ""]
    lines += [_agreement_line(row) for row in removed.to_dict("records")] or ["None."]
    lines += ["", "Agreements are compared by agency, state and model within each list (participating, pending); "
              "an agency whose name ICE retyped shows as removed and added."]
    labels = level_labels()
    lines += ["", f"## Counties whose level changed ({len(changes)})", ""]
    if not changes:
        return lines + ["None."]
    lines += ["| FIPS | County | Old → new level | Deciding evidence now |", "|---|---|---|---|"]
    lines += [f"| {c['fips']} | {_cell(c['name'])} | {labels.get(c['old'], c['old'])} → "
              f"{labels.get(c['new'], c['new'])} | {_cell(c['evidence'])} |" for c in changes]
    return lines


def _before_merging(result: UpdateResult) -> list[str]:
    lines = ["", "## Before merging", ""]
    for source in result.sources:
        if source.status == "updated" and source.old_rows and source.new_rows is not None \
                and source.new_rows < DROP_WARNING * source.old_rows:
            lines.append(f"- **Check `{source.source_id}`**: its rows fell from {source.old_rows:,} to "
                         f"{source.new_rows:,}; a large drop is more often a broken sheet than a real change.")
    lines += ["- Compare a few added and removed agreements with ICE's page.",
              "- `sources.yaml` has a new entry for each new sheet, the newest of its series, which the build read; "
              "commit it with this data:"]
    for source in result.sources:
        if source.status == "updated":
            undated = "" if source.link_date else " (the day of this update: the link carries no date)"
            lines.append(f"  - `{source.source_id}`: `{source.new_file}`, as of {source.as_of}{undated}")
    lines.append(f"- Put the new raw files into the raw folder and its archive (they are in `{result.new_raw}`), so "
                 "that the next build and the reproducibility test read them.")
    lines.append("- Capture the golden outputs again on the new data (`python -m tests.golden.capture`, README "
                 "\"Same outputs\") and commit them with it; the monthly workflow does so itself.")
    return lines


def _dated_name(raw_file: Path, iso_date: str) -> Path:
    stem = re.sub(r"\d{4}-\d{2}-\d{2}$", iso_date, raw_file.stem)
    if stem == raw_file.stem and iso_date not in stem:
        stem = f"{stem}_{iso_date}"
    return raw_file.with_name(stem + raw_file.suffix)


# --- the whole update --------------------------------------------------------------------------------------------


def make_raw_folder(raw_dir: Path, store: Path, today: str, updated: list[SourceResult]) -> Path:
    """A copy of the raw folder with every new sheet added under its dated name."""
    new_raw = store / f"raw-{today}"
    if new_raw.exists():
        shutil.rmtree(new_raw)
    shutil.copytree(raw_dir, new_raw, symlinks=True)
    for source in updated:
        target = new_raw / source.new_file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.content)
    return new_raw


def with_new_sheets(sources_text: str, updated: list[SourceResult], today: str) -> str:
    """sources.yaml's text with an entry for every new sheet."""
    for source in updated:
        sources_text = with_sheet(sources_text, source.source_id, source.as_of, source.new_file,
                                  f"make update on {today}, from {source.url}")
    return sources_text


def update(raw_dir: Path, store: Path, out_dir: Path, today: str, base_url: str | None = None,
           sources_file: Path = SOURCES_FILE, limits: Limits | None = None) -> UpdateResult:
    registry = load_registry(sources_file)
    limits = load_limits(sources_file) if limits is None else limits
    store.mkdir(parents=True, exist_ok=True)
    download_dir = store / "downloads" / today
    result = UpdateResult(today, [update_source(source, raw_dir, download_dir, limits, today, base_url)
                                  for source in registry.published if source.get("update")])
    updated = [source for source in result.sources if source.status == "updated"]
    added = removed = changes = None
    if updated:
        old = _load_or_none(out_dir)
        result.new_raw = make_raw_folder(raw_dir, store, today, updated)
        result.new_sources = store / f"sources-{today}.yaml"
        try:
            result.new_sources.write_text(with_new_sheets(sources_file.read_text(encoding="utf-8"), updated, today),
                                          encoding="utf-8")
            run_build(result.new_raw, out_dir, result.new_sources)
            result.built = True
        except Exception as error:  # the build is atomic: whatever went wrong, out_dir is as it was
            result.build_error = f"{type(error).__name__}: {error}"
        if result.built:
            replace_file(sources_file, result.new_sources)
            new = load(out_dir)
            if old is not None:
                counties = pd.concat([old.counties_by_fips, new.counties_by_fips])
                counties = counties[~counties.index.duplicated(keep="last")]
                added, removed = agreement_changes(old.agreements, new.agreements, counties)
                changes = level_changes(old, new)
    result.report = render_report(result, raw_dir, out_dir, added, removed, changes)
    result.report_path = store / f"REPORT-{today}.md"
    result.report_path.write_text(result.report, encoding="utf-8")
    return result


def replace_file(target: Path, source: Path) -> None:
    """`target` gets the contents of `source` in one step (a rename), never half-written."""
    staged = target.with_name(f".{target.name}.new")
    shutil.copyfile(source, staged)
    os.replace(staged, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.build.update", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=default_raw_dir(), help="folder of raw public files")
    parser.add_argument("--store", type=Path, default=default_store_dir(),
                        help="where downloads, new raw folders and reports go (outside git)")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder of compiled data to rebuild")
    parser.add_argument("--sources", type=Path, default=SOURCES_FILE,
                        help="the source registry to read, and to add each new sheet's entry to")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="date of this update, YYYY-MM-DD")
    parser.add_argument("--base-url", help="fetch from this server instead of the publisher's (tests, mirrors)")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        print(f"update failed: raw folder {args.raw} not found (pass --raw or set ICE_MAP_RAW_DIR)", file=sys.stderr)
        return 1
    result = update(args.raw, args.store, args.out, args.today.isoformat(), args.base_url, args.sources)
    print(result.report)
    print(f"report saved to {result.report_path}", file=sys.stderr)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
