"""`python -m lib.update`: fetch the newest ICE 287(g) sheets, rebuild data/ if they changed, report what changed.

For every source in sources.yaml with an `update:` entry (the publisher's page and a regular expression for the
spreadsheet link on it):

1. the page is fetched and the newest matching link downloaded into the store (../shared/data/raw-updates/ by
   default, outside git), then checked with the build's own reader. A failure (HTTP error, an HTML page in place
   of the workbook, a truncated file, a missing or renamed column, a sheet older than the one we have) is
   recorded for that source, which keeps its old file; a file identical to the current raw file is "unchanged";
2. if at least one source changed, a fresh raw folder is made in the store (a copy of the raw folder with each
   new file under the name the build reads) and the build runs on it. The build writes data/ atomically, so a
   failed build leaves data/ as it was;
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
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pandas as pd

from lib.build.agreements import SHEETS, Sheet, read_sheet
from lib.build.errors import RawDataError
from lib.build.pipeline import run as run_build
from lib.data import CompiledData, DataFileError, load
from lib.evidence import CountyEvidence
from lib.layers import MODEL_LABELS
from lib.paths import DATA_DIR, PROJECT_ROOT, default_raw_dir
from lib.sources import load_registry

TIMEOUT_SECONDS = 60
MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024
USER_AGENT = "county-ice-explorer-data-update/1 (python-urllib; monthly check of public ICE sheets)"
XLSX_MAGIC = b"PK\x03\x04"  # an .xlsx workbook is a zip archive
AGREEMENT_KEY = ["agency", "state_abbr", "model"]
DROP_WARNING = 0.8  # warn when a sheet loses more than a fifth of its rows


def default_store_dir() -> Path:
    override = os.environ.get("ICE_MAP_UPDATE_STORE")
    return Path(override) if override else PROJECT_ROOT.parent / "shared" / "data" / "raw-updates"


class UpdateFailed(Exception):
    """One source could not be updated; the message says why, in words for the report."""


@dataclass
class SourceResult:
    source_id: str
    title: str
    status: str = "failed"  # updated / unchanged / failed
    reason: str = ""
    url: str | None = None
    link_date: str | None = None
    saved_to: Path | None = None
    content: bytes | None = field(default=None, repr=False)
    raw_file: Path | None = None  # where the build reads this source, relative to the raw folder
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


def _get(url: str) -> tuple[bytes, str, str]:
    """(body, content type, final URL after redirects) of a GET; every network problem becomes UpdateFailed."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_DOWNLOAD_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
            final_url = response.geturl()
            announced = response.headers.get("Content-Length")
    except urllib.error.HTTPError as error:
        raise UpdateFailed(f"HTTP {error.code} {error.reason} for {url}") from error
    except urllib.error.URLError as error:
        raise UpdateFailed(f"cannot reach {url} ({error.reason})") from error
    except TimeoutError as error:
        raise UpdateFailed(f"no answer from {url} within {TIMEOUT_SECONDS} s") from error
    except (OSError, http.client.HTTPException) as error:  # IncompleteRead (a cut-off download), reset, ...
        raise UpdateFailed(f"download of {url} broke off ({type(error).__name__}: {error})") from error
    if len(body) > MAX_DOWNLOAD_BYTES:
        raise UpdateFailed(f"{url} is larger than {MAX_DOWNLOAD_BYTES // 2**20} MB")
    if announced and announced.isdigit() and len(body) != int(announced):
        raise UpdateFailed(f"download of {url} broke off after {len(body):,} of {int(announced):,} bytes")
    return body, content_type, final_url


def _rebase(url: str, page: str, base_url: str | None) -> str:
    """With --base-url, send requests for the publisher's host to base_url instead (tests, mirrors)."""
    if not base_url:
        return url
    parts, page_host, base = urlsplit(url), urlsplit(page).netloc, urlsplit(base_url)
    if parts.netloc != page_host:
        return url
    path = base.path.rstrip("/") + parts.path
    return urlunsplit((base.scheme, base.netloc, path, parts.query, ""))


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
        url = urljoin(page_url, href.strip())
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


def _sheet_for(source: dict) -> Sheet:
    files = [Path(name) for name in source.get("files", [])]
    for sheet in SHEETS:
        if sheet.path in files:
            return sheet
    raise UpdateFailed("the build has no sheet reader for this source (lib/build/agreements.py SHEETS)")


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


def update_source(source: dict, raw_dir: Path, download_dir: Path, base_url: str | None = None) -> SourceResult:
    config = source["update"]
    result = SourceResult(source["id"], source["title"])
    try:
        sheet = _sheet_for(source)
        result.raw_file = sheet.path
        page = _rebase(config["page"], config["page"], base_url)
        html, _, page_url = _get(page)
        url, result.link_date = find_newest_link(html.decode("utf-8", errors="replace"), page_url, config["link"])
        result.url = url
        current_as_of = str(source.get("as_of", ""))
        if result.link_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", current_as_of) and result.link_date < current_as_of:
            raise UpdateFailed(f"the newest sheet on the page ({result.link_date}) is older than ours "
                               f"({current_as_of})")
        content, content_type, _ = _get(_rebase(url, config["page"], base_url))
        download_dir.mkdir(parents=True, exist_ok=True)
        saved = download_dir / (Path(urlsplit(url).path).name or f"{source['id']}.xlsx")
        saved.write_bytes(content)
        result.saved_to = saved
        _check_workbook(content, content_type)

        current = raw_dir / sheet.path
        if current.is_file():
            result.old_rows = _rows_or_none(raw_dir, sheet)
            if _sha256(current.read_bytes()) == _sha256(content):
                result.status, result.new_rows = "unchanged", result.old_rows
                return result
        new_sheet = Sheet(Path(saved.name), sheet.status, result.link_date or sheet.source_date)
        try:
            result.new_rows = len(read_sheet(download_dir, new_sheet))
        except RawDataError as error:
            problem = str(error).replace(str(download_dir / new_sheet.path), new_sheet.path.name)
            raise UpdateFailed(f"the new sheet does not pass the build's checks: {problem}") from error
        result.status, result.content = "updated", content
    except UpdateFailed as error:
        result.status, result.reason = "failed", str(error)
    return result


def _rows_or_none(raw_dir: Path, sheet: Sheet) -> int | None:
    try:
        return len(read_sheet(raw_dir, sheet))
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
    from lib.maplayers import LEVEL_CLASSES  # imported late: only the report needs the labels

    return {level.id: level.label for level in LEVEL_CLASSES}


def deciding_summary(classification) -> str:
    if classification.level == "partnership":
        first = classification.partnership[0]
        more = len(classification.partnership) - 1
        return first.summary + (f" (and {more} more)" if more else "")
    if classification.level == "unknown":
        return "no statute, agreement, contract or local policy found"
    holds = classification.indicators["holds"].decided_by
    return holds.summary if holds else ""


def level_changes(old: CompiledData, new: CompiledData) -> list[dict]:
    old_levels = {fips: c.level for fips, c in CountyEvidence(old).classify_all().items()}
    counties = new.counties_by_fips
    changes = []
    for fips, classification in CountyEvidence(new).classify_all().items():
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
        lines.append(f"**The build failed; the compiled data was left as it was.** {result.build_error}")
    elif result.built:
        lines.append(f"Rebuilt `{out_dir}` from `{result.new_raw}` (a copy of the raw folder with the new sheets).")
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
              "- The build still labels the new rows with the old file name and date (`SHEETS` in "
              "`lib/build/agreements.py`, `files` and `as_of` in `sources.yaml`). Point them at the new sheet, "
              "rebuild with `make data` and commit that with this data:"]
    for source in result.sources:
        if source.status == "updated":
            as_of = source.link_date or "unknown: the link carries no date"
            lines.append(f"  - `{source.source_id}`: `{_dated_name(source.raw_file, source.link_date or result.today)}`"
                         f" (as of {as_of})")
    lines.append(f"- Put the new raw files into the raw folder (they are in `{result.new_raw}`), so that the next "
                 "build and the reproducibility test read them.")
    return lines


def _dated_name(raw_file: Path, iso_date: str) -> Path:
    stem = re.sub(r"\d{4}-\d{2}-\d{2}$", iso_date, raw_file.stem)
    if stem == raw_file.stem and iso_date not in stem:
        stem = f"{stem}_{iso_date}"
    return raw_file.with_name(stem + raw_file.suffix)


# --- the whole update --------------------------------------------------------------------------------------------


def make_raw_folder(raw_dir: Path, store: Path, today: str, updated: list[SourceResult]) -> Path:
    """A copy of the raw folder with every new sheet under the name the build reads (and under its dated name)."""
    new_raw = store / f"raw-{today}"
    if new_raw.exists():
        shutil.rmtree(new_raw)
    shutil.copytree(raw_dir, new_raw, symlinks=True)
    for source in updated:
        target = new_raw / source.raw_file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        target.write_bytes(source.content)
        dated = new_raw / _dated_name(source.raw_file, source.link_date or today)
        if dated != target:
            dated.write_bytes(source.content)
    return new_raw


def update(raw_dir: Path, store: Path, out_dir: Path, today: str, base_url: str | None = None,
           registry: list[dict] | None = None) -> UpdateResult:
    registry = load_registry() if registry is None else registry
    store.mkdir(parents=True, exist_ok=True)
    download_dir = store / "downloads" / today
    result = UpdateResult(today, [update_source(source, raw_dir, download_dir, base_url)
                                  for source in registry if source.get("update")])
    updated = [source for source in result.sources if source.status == "updated"]
    added = removed = changes = None
    if updated:
        old = _load_or_none(out_dir)
        result.new_raw = make_raw_folder(raw_dir, store, today, updated)
        try:
            run_build(result.new_raw, out_dir)
            result.built = True
        except Exception as error:  # the build is atomic: whatever went wrong, out_dir is as it was
            result.build_error = f"{type(error).__name__}: {error}"
        if result.built:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.update", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=default_raw_dir(), help="folder of raw public files")
    parser.add_argument("--store", type=Path, default=default_store_dir(),
                        help="where downloads, new raw folders and reports go (outside git)")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder of compiled data to rebuild")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="date of this update, YYYY-MM-DD")
    parser.add_argument("--base-url", help="fetch from this server instead of the publisher's (tests, mirrors)")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        print(f"update failed: raw folder {args.raw} not found (pass --raw or set ICE_MAP_RAW_DIR)", file=sys.stderr)
        return 1
    result = update(args.raw, args.store, args.out, args.today.isoformat(), args.base_url)
    print(result.report)
    print(f"report saved to {result.report_path}", file=sys.stderr)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
