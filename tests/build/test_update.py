"""`python -m lib.build.update` against a local web server standing in for ice.gov: every broken download, every link or
redirect off the publisher's site and every broken limit keeps the old data and sources.yaml, an identical sheet is
"unchanged", and a new 287(g) sheet gets its own entry in sources.yaml, rebuilds the data and is reported."""

import contextlib
import dataclasses
import hashlib
import http.server
import shutil
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from lib.build import update as updater
from lib.data import load
from lib.paths import DATA_DIR, PROJECT_ROOT, SOURCES_FILE
from lib.sources import load_registry
from tests.build import rawfixtures
from tests.build.rawfixtures import PARTICIPATING_FILE, PENDING_FILE

TODAY = "2026-06-01"
DOCLIB = "/doclib/about/offices/ero/287g/"
NEWEST = "participatingAgencies06012026am.xlsx"
OLDER = "participatingAgencies05182026am.xlsx"
PENDING = "pendingAgencies02272026am.xlsx"


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder, and misbehaves where told: a path in `cut` announces the whole file but sends half and
    hangs up, one in `trickle` sends a byte every tenth of a second, one in `unannounced` sends its file without a
    Content-Length, and one in `redirects` redirects to its target."""

    cut: set[str] = set()
    trickle: set[str] = set()
    unannounced: set[str] = set()
    redirects: dict[str, str] = {}

    def do_GET(self):
        if self.path in self.redirects:
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path in self.trickle:
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            with contextlib.suppress(OSError):  # the updater gives up and hangs up, as it should
                for _ in range(100):
                    self.wfile.write(b"x")
                    time.sleep(0.1)
            self.close_connection = True
            return
        if self.path in self.unannounced:
            body = (Path(self.directory) / self.path.lstrip("/")).read_bytes()
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True  # HTTP/1.0: the body ends when the connection does
            return
        if self.path in self.cut:
            body = (Path(self.directory) / self.path.lstrip("/")).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        super().do_GET()

    def log_message(self, *args):
        """Keep the test output free of the server's request log."""


@pytest.fixture()
def site(tmp_path):
    """(folder served as the web site, base URL): put files in the folder, then run the update."""
    root = tmp_path / "site"
    (root / DOCLIB.strip("/")).mkdir(parents=True)
    handler = type("SiteHandler", (Handler,), {"cut": set(), "trickle": set(), "unannounced": set(), "redirects": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *args: handler(*args, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def write_page(root: Path, links: list[str]) -> None:
    anchors = "\n".join(f'<li><a href="{link}">Download</a></li>' for link in links)
    (root / "287g").write_text(f"<!DOCTYPE html><html><body><h1>287(g)</h1><ul>{anchors}</ul></body></html>")


def serve(root: Path, name: str, content: bytes) -> None:
    (root / DOCLIB.strip("/") / name).write_bytes(content)


def default_page(root: Path) -> None:
    """ICE's page with an older and a newer participating sheet (one absolute, as ICE writes them) and the
    pending sheet (relative)."""
    write_page(root, [f"{DOCLIB}{OLDER}", f"https://www.ice.gov{DOCLIB}{NEWEST}", f"{DOCLIB}{PENDING}"])


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture()
def small(tmp_path):
    """A small raw folder, a stand-in for data/ (no build may touch it in these cases), the store and the
    sources.yaml naming the raw folder's sheets."""
    raw = rawfixtures.write_raw_folder(tmp_path / "raw")
    out = tmp_path / "data"
    out.mkdir()
    (out / "agreements_287g.csv").write_text("agency,state_abbr,model\nkept,AA,task_force\n")
    return raw, out, tmp_path / "store", rawfixtures.write_registry(tmp_path / "sources.yaml")


def renamed_columns(path: Path) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    header = [("MODEL" if name == "SUPPORT TYPE" else name) for name in rawfixtures.SHEET_HEADER]
    sheet.append(header)
    for row in rawfixtures.PARTICIPATING:
        sheet.append(list(row) + ["link"])
    book.save(path)
    return path.read_bytes()


def broken(kind: str, root: Path, raw: Path, tmp_path: Path, handler) -> str:
    """Serve one kind of broken participating sheet; returns what the report must say about it."""
    good = (raw / PARTICIPATING_FILE).read_bytes()
    if kind == "http_404":
        return "HTTP 404"
    if kind == "html_page":
        serve(root, NEWEST, b"<!DOCTYPE html><html><head><title>Access Denied</title></head><body>Denied</body></html>")
        return "not an .xlsx workbook: the server sent an HTML page"
    if kind == "truncated_file":
        serve(root, NEWEST, good[: len(good) // 2])
        return "cannot be opened as an .xlsx workbook"
    if kind == "cut_download":
        serve(root, NEWEST, good + b"\0" * 10)  # different bytes, so only the cut can stop it
        handler.cut.add(f"{DOCLIB}{NEWEST}")
        return "broke off"
    if kind == "renamed_columns":
        serve(root, NEWEST, renamed_columns(tmp_path / "renamed.xlsx"))
        return "required column 'SUPPORT TYPE' is missing or renamed"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["http_404", "html_page", "truncated_file", "cut_download", "renamed_columns"])
def test_a_broken_download_keeps_the_old_data(kind, site, small, tmp_path, capsys):
    root, base, handler = site
    raw, out, store, sources = small
    default_page(root)
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    expected = broken(kind, root, raw, tmp_path, handler)
    before, raw_before, sources_before = snapshot(out), snapshot(raw), sources.read_bytes()

    code = updater.main(
        [
            "--raw",
            str(raw),
            "--store",
            str(store),
            "--out",
            str(out),
            "--today",
            TODAY,
            "--base-url",
            base,
            "--sources",
            str(sources),
        ]
    )

    assert code == 1  # a failure and nothing rebuilt: the scheduled run goes red
    assert snapshot(out) == before and snapshot(raw) == raw_before and sources.read_bytes() == sources_before
    assert not (store / f"raw-{TODAY}").exists()
    report = (store / f"REPORT-{TODAY}.md").read_text()
    assert report == capsys.readouterr().out.rstrip("\n") + "\n"
    row = next(line for line in report.splitlines() if "`ice_287g_participating`" in line)
    assert "failed:" in row and expected in row, row
    assert NEWEST in row  # the newest of the two links was the one tried
    assert "| `ice_287g_pending` | unchanged |" in report
    assert "Not rebuilt" in report


def test_identical_files_are_unchanged(site, small):
    root, base, _ = site
    raw, out, store, sources = small
    default_page(root)
    serve(root, NEWEST, (raw / PARTICIPATING_FILE).read_bytes())
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    before = snapshot(out)

    result = updater.update(raw, store, out, TODAY, base_url=base, sources_file=sources)

    assert [source.status for source in result.sources] == ["unchanged", "unchanged"]
    assert result.exit_code == 0 and not result.built and snapshot(out) == before
    assert "Not rebuilt: no source has a new, valid file." in result.report


def test_a_failed_build_keeps_the_old_data(site, small, tmp_path):
    """A valid new sheet, but the build stops (this small raw folder lacks the history sheets): data/ stays."""
    root, base, _ = site
    raw, out, store, sources = small
    default_page(root)
    extra = (
        "CALIFORNIA",
        "Alameda County Sheriff's Office",
        "County",
        "Alameda County",
        "Task Force Model",
        datetime(2026, 5, 20),
    )
    new = rawfixtures.write_sheet(tmp_path / "new.xlsx", rawfixtures.SHEET_HEADER, [*rawfixtures.PARTICIPATING, extra])
    serve(root, NEWEST, new.read_bytes())
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    before, sources_before = snapshot(out), sources.read_bytes()

    result = updater.update(raw, store, out, TODAY, base_url=base, sources_file=sources)

    assert [source.status for source in result.sources] == ["updated", "unchanged"]
    assert result.sources[0].old_rows == 6 and result.sources[0].new_rows == 7
    assert not result.built and result.exit_code == 1 and snapshot(out) == before
    assert sources.read_bytes() == sources_before  # the build read the new entry from a copy in the store
    assert "ice_287g_participatingAgencies_2026-06-01.xlsx" in result.new_sources.read_text()
    assert "The build failed; the compiled data and sources.yaml were left as they were." in result.report
    assert "RawDataError" in result.report and "Before merging" not in result.report


def test_a_page_without_the_link_or_with_an_older_sheet_fails(site, small):
    root, base, _ = site
    raw, out, store, sources = small
    write_page(root, [f"{DOCLIB}participatingAgencies01022026am.xlsx", "/about"])  # older than ours, no pending
    result = updater.update(raw, store, out, TODAY, base_url=base, sources_file=sources)
    reasons = {source.source_id: source.reason for source in result.sources}
    assert "older than ours (2026-05-18)" in reasons["ice_287g_participating"]
    assert "no link matching" in reasons["ice_287g_pending"]
    assert result.exit_code == 1


def test_newest_link_wins_and_resolves_against_the_page():
    html = (
        '<a href="/x/participatingAgencies12312025pm.xlsx">a</a>'
        '<a href="participatingAgencies01022026am.xlsx">b</a>'
        '<a href="/x/participatingAgencies01022026pm.xlsx?v=2">c</a>'
        '<a href="/x/pendingAgencies03032026am.xlsx">d</a>'
    )
    pattern = r"participatingAgencies(?:(?P<month>\d{2})(?P<day>\d{2})(?P<year>\d{4})(?P<ampm>am|pm)?)?\.xlsx$"
    url, when = updater.find_newest_link(html, "https://www.ice.gov/identify-and-arrest/287g", pattern)
    assert (url, when) == ("https://www.ice.gov/x/participatingAgencies01022026pm.xlsx?v=2", "2026-01-02")


# --- links, redirects and limits ----------------------------------------------------------------------------------

EXTRA_ROW = (
    "CALIFORNIA",
    "Alameda County Sheriff's Office",
    "County",
    "Alameda County",
    "Task Force Model",
    datetime(2026, 5, 20),
)


def new_sheet(tmp_path: Path, rows: list[tuple], name: str = "new.xlsx") -> bytes:
    return rawfixtures.write_sheet(tmp_path / name, rawfixtures.SHEET_HEADER, rows).read_bytes()


@pytest.mark.parametrize(
    "link, as_of, outcome",
    [
        ("participatingAgencies.xlsx", TODAY, "updated"),  # undated: ICE's list as of the day the page offers it
        ("participatingAgencies05182026pm.xlsx", "2026-05-18", "as ours is, but its contents differ"),
    ],
    ids=["undated_link", "same_date_as_ours"],
)
def test_a_new_sheet_is_dated_by_its_link_or_by_the_day_of_the_update(link, as_of, outcome, site, small, tmp_path):
    root, base, _ = site
    raw, out, store, sources = small
    write_page(root, [f"{DOCLIB}{link}", f"{DOCLIB}{PENDING}"])
    serve(root, link, new_sheet(tmp_path, [*rawfixtures.PARTICIPATING, EXTRA_ROW]))
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    participating = updater.update(raw, store, out, TODAY, base_url=base, sources_file=sources).sources[0]
    if outcome == "updated":
        assert participating.status == "updated" and participating.as_of == as_of
        assert participating.new_file == Path(f"287g/ice_287g_participatingAgencies_{as_of}.xlsx")
    else:
        assert participating.status == "failed" and outcome in participating.reason


def limits(**changes) -> updater.Limits:
    """The limits of sources.yaml with some changed, so that a test need not wait 120 s or send 20 MB."""
    return dataclasses.replace(updater.load_limits(), **changes)


def refused_run(small, base: str, **limit_changes) -> updater.SourceResult:
    """Run the update; it must leave data/, the raw folder and sources.yaml byte-identical and make no new raw folder.
    Returns the participating sheet's result, which must have failed."""
    raw, out, store, sources = small
    before, raw_before, sources_before = snapshot(out), snapshot(raw), sources.read_bytes()
    result = updater.update(raw, store, out, TODAY, base_url=base, sources_file=sources, limits=limits(**limit_changes))
    assert snapshot(out) == before and snapshot(raw) == raw_before and sources.read_bytes() == sources_before
    assert not (store / f"raw-{TODAY}").exists()
    participating = result.sources[0]
    assert participating.status == "failed" and result.exit_code == 1, result.report
    row = next(line for line in result.report.splitlines() if "`ice_287g_participating`" in line)
    assert f"failed: {updater._cell(participating.reason)}" in row  # the reason, in words, in the report
    return participating


def test_the_limits_are_read_from_sources_yaml_and_each_must_be_set():
    read = updater.load_limits()
    assert "www.ice.gov" in read.allowed_hosts and read.max_bytes == int(read.max_megabytes * 2**20)
    settings = {
        name: getattr(read, name)
        for name in (
            "allowed_hosts",
            "deadline_seconds",
            "max_megabytes",
            "min_row_ratio",
            "max_row_ratio",
            "max_duplicate_share",
        )
    }
    assert updater.Limits.from_settings(settings) == read
    with pytest.raises(ValueError, match="must set exactly"):
        updater.Limits.from_settings({name: value for name, value in settings.items() if name != "deadline_seconds"})


@pytest.mark.parametrize(
    "kind, why",
    [
        ("local_file", "it is a file: link"),
        ("other_host", "it goes to another host (localhost)"),
        ("ftp", "it is a ftp: link"),
        ("javascript", "it is a javascript: link"),
        ("data", "it is a data: link"),
        ("http_on_ice", "it is not https"),
    ],
)
def test_a_link_off_the_publishers_site_is_refused(kind, why, site, small, tmp_path):
    """The local file and the same server under another name hold a valid, changed sheet: without the refusal it
    would be taken."""
    root, base, _ = site
    raw, _, store, _ = small
    changed = new_sheet(tmp_path, [*rawfixtures.PARTICIPATING, EXTRA_ROW])
    serve(root, NEWEST, changed)
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    local_file = tmp_path / "elsewhere" / NEWEST
    local_file.parent.mkdir()
    local_file.write_bytes(changed)
    port = base.rsplit(":", 1)[1]
    link = {
        "local_file": local_file.as_uri(),
        "other_host": f"http://localhost:{port}{DOCLIB}{NEWEST}",
        "ftp": f"ftp://127.0.0.1:{port}{DOCLIB}{NEWEST}",
        "javascript": f"javascript:alert(1)//{NEWEST}",
        "data": f"data:text/plain,{NEWEST}",
        "http_on_ice": f"http://www.ice.gov{DOCLIB}{NEWEST}",
    }[kind]
    write_page(root, [link, f"{DOCLIB}{PENDING}"])

    participating = refused_run(small, base)

    assert participating.reason.startswith(
        f"refused the sheet link {updater._shown(link)}: {why}; only https links to www.ice.gov are followed"
    )
    assert participating.url is None  # so the report shows no link to it
    downloads = store / "downloads" / TODAY
    assert not any(path.read_bytes() == changed for path in downloads.iterdir()), "the refused sheet was copied"


MOVED = "participatingAgencies-moved.xlsx"


def redirected_site(site, raw: Path, content: bytes, target: str) -> None:
    """ICE's page, whose newest participating link redirects to `target`; the site serves `content` as MOVED."""
    root, _, handler = site
    default_page(root)
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    serve(root, MOVED, content)
    handler.redirects[f"{DOCLIB}{NEWEST}"] = target


def test_a_redirect_on_the_publishers_site_is_followed(site, small):
    raw, out, store, sources = small
    base = site[1]
    redirected_site(site, raw, (raw / PARTICIPATING_FILE).read_bytes(), f"{base}{DOCLIB}{MOVED}")
    result = updater.update(raw, store, out, TODAY, base_url=base, sources_file=sources, limits=limits())
    assert result.sources[0].status == "unchanged", result.report


@pytest.mark.parametrize("scheme_and_host", ["http://localhost", "ftp://127.0.0.1"])
def test_a_redirect_off_the_publishers_site_is_refused(scheme_and_host, site, small, tmp_path):
    """The redirect leads to a valid, changed sheet on the same server under another name or scheme."""
    raw = small[0]
    base = site[1]
    target = f"{scheme_and_host}:{base.rsplit(':', 1)[1]}{DOCLIB}{MOVED}"
    redirected_site(site, raw, new_sheet(tmp_path, [*rawfixtures.PARTICIPATING, EXTRA_ROW]), target)

    participating = refused_run(small, base)

    assert participating.reason.startswith(f"refused the redirect from `{base}{DOCLIB}{NEWEST}` to `{target}`")
    assert "only https links to www.ice.gov" in participating.reason


def test_a_download_that_trickles_in_is_stopped_at_the_deadline(site, small):
    root, base, handler = site
    raw = small[0]
    default_page(root)
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())
    handler.trickle.add(f"{DOCLIB}{NEWEST}")  # 100 bytes in 10 s, each tenth of a second well within a read timeout

    started = time.monotonic()
    participating = refused_run(small, base, deadline_seconds=1)

    assert time.monotonic() - started < 5
    assert "after the 1 s time limit (`deadline_seconds` in sources.yaml)" in participating.reason


@pytest.mark.parametrize("announced", [True, False])
def test_a_download_over_the_size_limit_is_refused(announced, site, small, tmp_path):
    """Announced (Content-Length) it is refused before reading; unannounced, once the bytes read pass the limit."""
    root, base, handler = site
    default_page(root)
    serve(root, NEWEST, new_sheet(tmp_path, [*rawfixtures.PARTICIPATING, EXTRA_ROW]))
    if not announced:
        handler.unannounced.add(f"{DOCLIB}{NEWEST}")

    participating = refused_run(small, base, max_megabytes=0.002)  # 2 kB: the page fits, a sheet does not

    expected = ": it announces " if announced else ": it is larger than"
    assert expected in participating.reason, participating.reason
    assert "the 0.002 MB limit (`max_megabytes` in sources.yaml)" in participating.reason


TOWNS = [
    ("CALIFORNIA", f"Town {number} Police Department", "Municipality", None, "Task Force Model", datetime(2025, 1, 1))
    for number in range(13)
]


@pytest.mark.parametrize(
    "rows, expected",
    [
        pytest.param(
            rawfixtures.PARTICIPATING[:2],
            "the new sheet has 2 rows against 6 in ours, fewer than 0.5 times "
            "as many (`min_row_ratio` in sources.yaml)",
            id="too_few",
        ),
        pytest.param(
            TOWNS,
            "the new sheet has more than 12 rows against 6 in ours, over 2 times as many "
            "(`max_row_ratio` in sources.yaml)",
            id="too_many",
        ),
        pytest.param(
            [*rawfixtures.PARTICIPATING, rawfixtures.PARTICIPATING[3]],
            "1 of the new sheet's 7 rows (14%) "
            "repeat an earlier row's agreement (same agency, state and support type), more than the 1% limit "
            "(`max_duplicate_share` in sources.yaml)",
            id="repeats",
        ),
    ],
)
def test_a_sheet_far_from_ours_in_rows_or_full_of_repeats_is_refused(rows, expected, site, small, tmp_path):
    """Our sheet has 6 rows: 2 is too few, 13 too many, and 7 with one repeated agreement has 14% repeats (that
    row's MOA hyperlink differs: the agreement repeats, not the cells)."""
    root, base, _ = site
    raw = small[0]
    default_page(root)
    serve(root, NEWEST, new_sheet(tmp_path, rows))
    serve(root, PENDING, (raw / PENDING_FILE).read_bytes())

    participating = refused_run(small, base)

    assert participating.reason.startswith(expected), participating.reason
    assert participating.old_rows == 6


# --- a real change, on a copy of the real raw folder and of the committed data -----------------------------------

# A county whose only partnership is its sheriff's warrant service agreement: removing it moves the level.
REMOVED = ("GEORGIA", "Dade County Sheriff's Office", "13083")
ADDED = (
    "ALABAMA",
    "Barbour County Sheriff's Office",
    "County",
    "Barbour County",
    "Jail Enforcement Model",
    datetime(2026, 5, 30),
)
ADDED_FIPS = "01005"


def changed_sheet(real: Path, target: Path) -> bytes:
    """ICE's real sheet with one agreement removed and one added, hyperlinks kept."""
    source = openpyxl.load_workbook(real).worksheets[0]
    book = openpyxl.Workbook()
    sheet = book.active
    removed = 0
    for row in source.iter_rows():
        values = [cell.value for cell in row]
        if [str(value).strip() if value else value for value in values[:2]] == list(REMOVED[:2]):
            removed += 1
            continue
        sheet.append(values)
        for cell in row:
            if cell.hyperlink:
                sheet.cell(row=sheet.max_row, column=cell.column).hyperlink = cell.hyperlink.target
    assert removed == 1, "the row to remove is no longer in the real sheet"
    sheet.append(list(ADDED) + ["link"])
    book.save(target)
    return target.read_bytes()


def code_snapshot() -> dict[str, str]:
    """The project's code and its source registry: an update with a new sheet changes none of them."""
    files = [
        SOURCES_FILE,
        PROJECT_ROOT / "app.py",
        *PROJECT_ROOT.glob("lib/**/*.py"),
        *PROJECT_ROOT.glob("app_pages/*.py"),
    ]
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(files)}


def sheet_link(prefix: str, iso_date: str) -> str:
    """The name ICE gives a sheet of that date, e.g. participatingAgencies06012026am.xlsx."""
    return f"{prefix}{date.fromisoformat(iso_date):%m%d%Y}am.xlsx"


def test_a_new_sheet_gets_its_own_entry_and_rebuilds_the_data(site, raw_dir, tmp_path):
    """On copies of the real raw folder, data/ and sources.yaml: ICE's page offers a sheet two weeks newer than ours.
    sources.yaml gains exactly one entry for it (comments and all else kept), the data is rebuilt from it with its
    date, the change is reported, and no code changes."""
    root, base, _ = site
    raw = shutil.copytree(raw_dir, tmp_path / "raw")
    out = shutil.copytree(DATA_DIR, tmp_path / "data")
    sources = Path(shutil.copy(SOURCES_FILE, tmp_path / "sources.yaml"))
    committed, code, sources_before = snapshot(DATA_DIR), code_snapshot(), sources.read_text()
    ours = load_registry(sources)
    participating, pending = ours.newest("ice_287g_participating"), ours.newest("ice_287g_pending")
    new_date = (date.fromisoformat(participating.as_of) + timedelta(days=14)).isoformat()
    newest, pending_link = sheet_link("participatingAgencies", new_date), sheet_link("pendingAgencies", pending.as_of)
    write_page(
        root,
        [
            f"{DOCLIB}{sheet_link('participatingAgencies', participating.as_of)}",
            f"{DOCLIB}{newest}",
            f"{DOCLIB}{pending_link}",
        ],
    )
    new_sheet = changed_sheet(raw / participating.path, tmp_path / "changed.xlsx")
    serve(root, newest, new_sheet)
    serve(root, pending_link, (raw / pending.path).read_bytes())

    store = tmp_path / "store"
    result = updater.update(raw, store, out, new_date, base_url=base, sources_file=sources)

    assert [source.status for source in result.sources] == ["updated", "unchanged"], result.report
    assert result.built and result.exit_code == 0, result.report
    new_file = participating.path.with_name(f"ice_287g_participatingAgencies_{new_date}.xlsx")
    assert (store / f"raw-{new_date}" / new_file).read_bytes() == new_sheet
    assert (store / f"raw-{new_date}" / participating.path).read_bytes() == (raw / participating.path).read_bytes()
    assert snapshot(raw) == snapshot(raw_dir)

    entry = (
        f'  - series: ice_287g_participating\n    as_of: "{new_date}"\n    files: ["{new_file.as_posix()}"]\n'
        f'    retrieved_via: "make update on {new_date}, from {base}{DOCLIB}{newest}"\n'
    )
    after = sources.read_text()
    assert after.count(entry) == 1 and after.replace(entry, "") == sources_before
    ours_ends = after.index(f"files: [{participating.path.as_posix()}]")
    assert "\n  - " not in after[ours_ends : after.index(entry)]  # right after the entry of our newest sheet
    assert code_snapshot() == code and snapshot(DATA_DIR) == committed

    rebuilt = load(out)
    assert rebuilt.source("ice_287g_participating")["as_of"] == new_date
    assert rebuilt.source("ice_287g_participating")["files"] == [new_file.as_posix()]
    earlier_id = f"ice_287g_participating_{participating.as_of.replace('-', '_')}"
    earlier = rebuilt.source(earlier_id)
    assert earlier["as_of"] == participating.as_of and "cadence_days" not in earlier and "update" not in earlier
    assert earlier["title"] == f"ICE 287(g) participating agencies, sheet of {participating.as_of}"
    listed = rebuilt.agreements[rebuilt.agreements["status"] == "participating"]
    assert set(listed["source_date"]) == {new_date} and set(listed["source_file"]) == {new_file.name}
    assert ADDED[1] in set(listed["agency"]) and REMOVED[1] not in set(listed["agency"])
    lists = rebuilt.snapshot_counts.set_index("snapshot_date")["source_id"]
    assert list(lists.index[-2:]) == [participating.as_of, new_date]
    assert list(lists.iloc[-2:]) == [earlier_id, "ice_287g_participating"]
    # The history's fields cite every sheet, the one that was the newest included, each with its date.
    readme = (out / "README.md").read_text()
    assert f"{earlier_id}, ice_287g_participating | " in readme and f"; {participating.as_of}; {new_date} |" in readme

    report = result.report
    added = report.split("## 287(g) agreements added")[1].split("##")[0]
    removed = report.split("## 287(g) agreements removed")[1].split("##")[0]
    assert "(1)" in added and f"- {ADDED[1]} (AL): jail enforcement model, participating, signed 2026-05-30" in added
    assert f"Barbour County ({ADDED_FIPS})" in added
    assert "(1)" in removed and f"- {REMOVED[1]} (GA)" in removed
    levels = report.split("## Counties whose level changed")[1].split("##")[0]
    assert f"| {ADDED_FIPS} | Barbour County, AL |" in levels and "→ Formal partnership with ICE" in levels
    assert f"| {REMOVED[2]} | Dade County, GA | Formal partnership with ICE →" in levels
    assert f"`{new_file}`, as of {new_date}" in report.split("## Before merging")[1]
    assert (store / f"REPORT-{new_date}.md").read_text() == report
