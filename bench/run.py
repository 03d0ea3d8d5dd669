"""`make bench` (python -m bench.run): the app against a naive folium baseline and an empty Streamlit app, in one
run on localhost. Prints one line per figure (median of the runs, with min and max), PASS/FAIL per target, and
writes bench/results.json with the commit, the machine and every raw sample.

Other work on the machine (tests, other people) slows the figures down; the load average at the start and the
end is recorded with them. Apps are measured in turns within each round, so a busy spell hits them alike."""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from bench import browser as pages
from bench import machine
from lib.paths import default_raw_dir
from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, PROJECT_ROOT, running_app

BENCH_DIR = PROJECT_ROOT / "bench"
RESULTS_FILE = BENCH_DIR / "results.json"
EMPTY_APP = "bench/empty_app.py"
RUNS = 5
SESSIONS = 20
# A step that takes longer than this has stalled; it is recorded as an error, so `make bench` stays short.
STEP_TIMEOUT_S = 300
RERUN_COUNTY = ("county", "fips=06085")  # page name and query string of the county page timed in figure 5
MB, KB = 1_000_000, 1_000  # decimal units, as the targets are written

FIGURES = {  # id: (printed label, unit)
    "websocket_bytes": ("1 map page load: websocket bytes, as sent", "bytes"),
    "websocket_gzip_bytes": ("1 map page load: the same payload, gzip -6", "bytes"),
    # The targets are checked on these two: shapes fetched from /app/static/ count as much as shapes sent
    # over the websocket.
    "map_data_bytes": ("1 map page load: websocket + /app/static/ files, as sent", "bytes"),
    "map_data_gzip_bytes": ("1 map page load: websocket gzip -6 + /app/static/ files", "bytes"),
    "http_bytes": ("1 map page load: all HTTP response bodies, as sent (context)", "bytes"),
    # For the empty app: navigation → its line of text shown.
    "drawn_cold": ("2 navigation → county shapes drawn, cold server", "s"),
    "drawn_warm": ("2 navigation → county shapes drawn, warm server", "s"),
    "click_to_county": ("3 click on a county → county page h1", "s"),
    "layer_switch": ("4 color-layer switch → counties restyled", "s"),
    "layer_switch_bytes": ("4 color-layer switch: websocket bytes, as sent", "bytes"),
    "rerun_map": ("5 warm rerun, map page (AppTest, in-process)", "s"),
    "rerun_county": ("5 warm rerun, county page (AppTest, in-process)", "s"),
    # CPU time changes least when other work shares the machine: the figure to compare two commits by.
    "rerun_map_cpu": ("5 warm rerun, map page: CPU time (AppTest, in-process)", "s"),
    "rerun_county_cpu": ("5 warm rerun, county page: CPU time (AppTest, in-process)", "s"),
    "websocket_rerun_map": ("5 warm rerun, map page (websocket round trip)", "s"),
    "websocket_rerun_county": ("5 warm rerun, county page (websocket round trip)", "s"),
    "websocket_rerun_floor": ("5 warm rerun, empty app (websocket round trip: the floor)", "s"),
    "data_build": ("6 data build (python -m lib.build, process wall time)", "s"),
    "sessions_p50": (f"7 {SESSIONS} concurrent sessions: to the map's last message, p50", "s"),
    "sessions_p95": (f"7 {SESSIONS} concurrent sessions: to the map's last message, p95", "s"),
    # The target is checked on this one: the map is not there before its files under /app/static/ are.
    "sessions_static_p95": (f"7 {SESSIONS} concurrent sessions: to its /app/static/ files' last byte, p95", "s"),
    "sessions_server_rss": (f"7 {SESSIONS} concurrent sessions: server peak RSS", "bytes"),
    "sessions_server_cpu": (f"7 {SESSIONS} concurrent sessions: server CPU time", "s"),
    "sessions_load_generator_cpu": (f"7 {SESSIONS} concurrent sessions: load generator CPU time", "s"),
}


class Record:
    """Raw samples per figure and per app ("ours", "baseline", "empty app"), and what went wrong."""

    def __init__(self):
        self.samples: dict[str, dict[str, list[float]]] = {figure: {} for figure in FIGURES}
        self.layer_switch_kept: list[dict] = []
        self.session_rounds: list[dict] = []
        self.offsite_requests: dict[str, list[str]] = {}
        self.errors: list[str] = []

    def add(self, figure: str, app: str, value: float) -> None:
        self.samples[figure].setdefault(app, []).append(value)

    def add_load(self, app: str, load: dict, server_state: str) -> None:
        self.add(f"drawn_{server_state}", app, load["drawn_s"])
        # The empty app's bytes are Streamlit's own, the floor.
        for figure in (
            "websocket_bytes",
            "websocket_gzip_bytes",
            "map_data_bytes",
            "map_data_gzip_bytes",
            "http_bytes",
        ):
            self.add(figure, app, load[figure])
        self.offsite_requests.setdefault(app, []).extend(load["offsite_requests"])

    def attempt(self, what: str, step) -> bool:
        """Runs one measurement step; a failure is recorded and the benchmark goes on with the next step."""
        try:
            step()
            return True
        except Exception as problem:
            self.errors.append(f"{what}: {type(problem).__name__}: {problem}")
            traceback.print_exc()
            return False

    def stats(self, figure: str, app: str) -> dict | None:
        values = self.samples[figure].get(app)
        if not values:
            return None
        return {"median": statistics.median(values), "min": min(values), "max": max(values), "samples": values}


def baseline_script(site: Path) -> Path:
    """A copy of bench/baseline_app.py beside a link to the project's static/, which Streamlit serves from the
    main script's folder: the baseline gets the same local Leaflet as the app."""
    (site / "static").symlink_to(PROJECT_ROOT / "static")
    return Path(shutil.copy(BENCH_DIR / "baseline_app.py", site / "baseline_app.py"))


def measure_ours(browser: Browser, record: Record) -> None:
    """A fresh server: the first load (cold), a second one (warm), then a layer switch and a click on it."""
    with running_app() as base_url:
        visit, load = pages.load_map(browser, base_url)
        visit.close()
        record.add_load("ours", load, "cold")
        visit, load = pages.load_map(browser, base_url)
        try:
            record.add_load("ours", load, "warm")
            switch = pages.switch_layer(visit)
            record.add("layer_switch", "ours", switch["restyled_s"])
            record.add("layer_switch_bytes", "ours", switch["websocket_bytes"])
            record.layer_switch_kept.append({"iframe_kept": switch["iframe_kept"], "map_kept": switch["map_kept"]})
            record.add("click_to_county", "ours", pages.click_county(visit)["county_page_s"])
        finally:
            visit.close()


def measure_baseline(browser: Browser, record: Record, script: Path) -> None:
    with running_app(str(script)) as base_url:
        for server_state in ("cold", "warm"):
            visit, load = pages.load_map(browser, base_url)
            visit.close()
            record.add_load("baseline", load, server_state)


def measure_empty_app(browser: Browser, record: Record) -> None:
    with running_app(EMPTY_APP) as base_url:
        for server_state in ("cold", "warm"):
            record.add_load("empty app", pages.load_text_page(browser, base_url), server_state)


def browser_figures(record: Record, runs: int) -> None:
    """Figures 1-4, each round with fresh servers for the three apps in turn. An app that fails a round is not
    measured again: each failure costs a time-out, and `make bench` must stay short."""
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as site, sync_playwright() as playwright:
        baseline = baseline_script(Path(site))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        measurements = {
            "ours": lambda: measure_ours(browser, record),
            "baseline": lambda: measure_baseline(browser, record, baseline),
            "empty app": lambda: measure_empty_app(browser, record),
        }
        for round_number in range(1, runs + 1):
            print(f"  browser round {round_number}/{runs}", flush=True)
            for app, measure in list(measurements.items()):
                if not record.attempt(f"{app}, round {round_number}", measure):
                    del measurements[app]
        browser.close()


def python_json(*args: str) -> dict:
    """Runs `python args...` in the project and reads the JSON it prints."""
    finished = subprocess.run(
        [sys.executable, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=STEP_TIMEOUT_S
    )
    if finished.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} failed:\n{finished.stderr[-3000:]}")
    return json.loads(finished.stdout)


def rerun_figures(record: Record, runs: int) -> None:
    """Figure 5 the AppTest way, in its own process (Streamlit's runtime stays out of this one)."""
    reruns = python_json("-m", "bench.rerun", "--runs", str(runs))
    for page in ("map", "county"):
        for seconds in reruns[page]["wall"]:
            record.add(f"rerun_{page}", "ours", seconds)
        for seconds in reruns[page]["cpu"]:
            record.add(f"rerun_{page}_cpu", "ours", seconds)


def build_figure(record: Record, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        for run in range(runs):
            started = time.perf_counter()
            finished = subprocess.run(
                [sys.executable, "-m", "lib.build", "--out", f"{scratch}/data{run}"],
                cwd=PROJECT_ROOT,
                capture_output=True,
                text=True,
                timeout=STEP_TIMEOUT_S,
            )
            if finished.returncode != 0:
                raise RuntimeError(f"the data build failed:\n{finished.stderr[-3000:]}")
            record.add("data_build", "ours", time.perf_counter() - started)


def websocket_figures(record: Record, runs: int) -> None:
    """Figure 5 over the websocket (with the empty app as the floor) and figure 7, on fresh servers."""
    with running_app(EMPTY_APP) as base_url:
        for seconds in python_json("-m", "bench.load", base_url, "reruns", "--runs", str(runs))["rerun_seconds"]:
            record.add("websocket_rerun_floor", "empty app", seconds)
    with running_app() as base_url:
        server = machine.child_server_pid(base_url)
        for figure, (page, query) in (("websocket_rerun_map", ("", "")), ("websocket_rerun_county", RERUN_COUNTY)):
            reruns = python_json(
                "-m", "bench.load", base_url, "reruns", "--page", page, "--query", query, "--runs", str(runs)
            )
            for seconds in reruns["rerun_seconds"]:
                record.add(figure, "ours", seconds)
        for round_number in range(1, runs + 1):
            print(f"  {SESSIONS} sessions, round {round_number}/{runs}", flush=True)
            machine.reset_peak_rss(server)
            server_cpu_before = machine.cpu_seconds(server)
            load = python_json("-m", "bench.load", base_url, "sessions", "--sessions", str(SESSIONS))
            server_cpu = machine.cpu_seconds(server) - server_cpu_before
            peak_rss = machine.peak_rss_bytes(server)
            record.session_rounds.append({**load, "server_cpu_seconds": server_cpu, "server_peak_rss_bytes": peak_rss})
            record.add("sessions_p50", "ours", load["to_last_message"]["p50_s"])
            record.add("sessions_p95", "ours", load["to_last_message"]["p95_s"])
            record.add("sessions_static_p95", "ours", load["to_last_static_byte"]["p95_s"])
            record.add("sessions_server_rss", "ours", peak_rss)
            record.add("sessions_server_cpu", "ours", server_cpu)
            record.add("sessions_load_generator_cpu", "ours", load["load_generator_cpu_seconds"])


def websocket_compression() -> dict:
    """Whether Streamlit compresses its websocket for this app: .streamlit/config.toml, else Streamlit's default.
    Read in this process, whose working folder is the project's (python -m bench.run runs from there)."""
    from streamlit import config

    option = config.get_config_options()["server.enableWebsocketCompression"]
    return {"enabled": option.value, "streamlit_default": option.default_val, "set_in": option.where_defined}


def shown(value: float, unit: str) -> str:
    if unit == "bytes":
        return f"{value / MB:.2f} MB" if value >= MB else f"{value / KB:.0f} KB"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def figure_lines(record: Record) -> list[str]:
    lines = []
    for figure, (label, unit) in FIGURES.items():
        parts = []
        for app in ("ours", "baseline", "empty app"):
            stats = record.stats(figure, app)
            if stats:
                parts.append(
                    f"{app} {shown(stats['median'], unit)} ({shown(stats['min'], unit)}–{shown(stats['max'], unit)})"
                )
        ours, baseline = record.stats(figure, "ours"), record.stats(figure, "baseline")
        if ours and baseline:
            parts.append(f"ours/baseline {ours['median'] / baseline['median']:.2f}")
        lines.append(f"{label:<66} {'; '.join(parts) or 'no samples'}")
    kept = record.layer_switch_kept
    lines.append(
        f"{'4 layer switch kept the iframe / the Leaflet map':<66} "
        f"{sum(k['iframe_kept'] for k in kept)}/{len(kept)} / {sum(k['map_kept'] for k in kept)}/{len(kept)}"
    )
    errors = sum(len(round_["errors"]) for round_ in record.session_rounds)
    sessions = SESSIONS * len(record.session_rounds)
    lines.append(f"{f'7 {SESSIONS} concurrent sessions: errors':<66} {errors} of {sessions} sessions")
    return lines


def targets(record: Record) -> list[dict]:
    """Each target against the median of its figure (a figure without samples fails)."""

    def median(figure: str, app: str = "ours") -> float | None:
        stats = record.stats(figure, app)
        return stats["median"] if stats else None

    def ratio(figure: str) -> float | None:
        ours, baseline = median(figure), median(figure, "baseline")
        return baseline / ours if ours and baseline else None

    session_errors = sum(len(round_["errors"]) for round_ in record.session_rounds) if record.session_rounds else None
    kept = record.layer_switch_kept
    checks = [
        # (target, measured value, how it is shown, passes)
        (
            "map page load <= 1.5 MB as sent (websocket + /app/static/)",
            median("map_data_bytes"),
            "bytes",
            lambda v: v <= 1.5 * MB,
        ),
        (
            "map page load <= 700 KB gzip (websocket + /app/static/)",
            median("map_data_gzip_bytes"),
            "bytes",
            lambda v: v <= 700 * KB,
        ),
        ("map page load >= 2x smaller than baseline, as sent", ratio("map_data_bytes"), "x", lambda v: v >= 2),
        ("map page load >= 2x smaller than baseline, gzip", ratio("map_data_gzip_bytes"), "x", lambda v: v >= 2),
        ("shapes drawn <= 2.5 s after navigation, warm server", median("drawn_warm"), "s", lambda v: v <= 2.5),
        ("click → county page content <= 1.0 s", median("click_to_county"), "s", lambda v: v <= 1.0),
        ("layer switch → restyled <= 1.0 s", median("layer_switch"), "s", lambda v: v <= 1.0),
        (
            "layer switch does not rebuild the map (every sample)",
            sum(k["iframe_kept"] and k["map_kept"] for k in kept) if kept else None,
            f"/{len(kept)}",
            lambda v: v == len(kept),
        ),
        ("warm rerun, map page <= 200 ms (AppTest)", median("rerun_map"), "s", lambda v: v <= 0.2),
        ("warm rerun, county page <= 300 ms (AppTest)", median("rerun_county"), "s", lambda v: v <= 0.3),
        (f"{SESSIONS} concurrent sessions: no errors", session_errors, " errors", lambda v: v == 0),
        (
            f"{SESSIONS} concurrent sessions: p95 <= 6 s (to the last byte of /app/static/ files)",
            median("sessions_static_p95"),
            "s",
            lambda v: v <= 6,
        ),
        (
            f"{SESSIONS} concurrent sessions: server RSS <= 1 GB",
            median("sessions_server_rss"),
            "bytes",
            lambda v: v <= 1000 * MB,
        ),
    ]
    results = []
    for target, value, unit, passes in checks:
        if value is None:
            text = "not measured"
        elif unit in ("bytes", "s"):
            text = shown(value, unit)
        elif unit == "x":
            text = f"{value:.2f}x"
        else:
            text = f"{value}{unit}"
        results.append(
            {"target": target, "value": value, "shown": text, "pass": value is not None and bool(passes(value))}
        )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="samples per figure (default %(default)s)")
    args = parser.parse_args()

    started_at, started = datetime.now(UTC), time.perf_counter()
    # The machine's load before the run and after each step: other work slows the figures down.
    load_averages = {"start": machine.load_average()}
    record = Record()
    steps = [
        ("figures 1-4 (browser)", lambda: browser_figures(record, args.runs)),
        ("figure 5 (AppTest)", lambda: rerun_figures(record, args.runs)),
        ("figure 6 (data build)", lambda: build_figure(record, args.runs)),
        ("figures 5 and 7 (websocket)", lambda: websocket_figures(record, args.runs)),
    ]
    for name, step in steps:
        print(f"{name} …", flush=True)
        record.attempt(name, step)
        load_averages[f"after {name}"] = machine.load_average()

    compression = websocket_compression()
    checked = targets(record)
    lines = figure_lines(record)
    print()
    print(
        f"Streamlit websocket compression: {'on' if compression['enabled'] else 'off'} "
        f"(set in {compression['set_in']}; Streamlit's default: {compression['streamlit_default']})"
    )
    print(
        "Load average (1 min) on this machine: "
        + ", ".join(f"{when} {load[0]:.1f}" for when, load in load_averages.items())
    )
    print("\n".join(lines))
    print()
    for check in checked:
        print(f"{'PASS' if check['pass'] else 'FAIL'}  {check['target']}: {check['shown']}")
    for error in record.errors:
        print(f"ERROR {error}")

    results = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - started, 1),
        "git": machine.git_commit(),
        "machine": machine.description(),
        "load_average_1_5_15_min": load_averages,
        "settings": {
            "runs": args.runs,
            "sessions": SESSIONS,
            "websocket_compression": compression,
            "gzip_level": pages.GZIP_LEVEL,
            "viewport": pages.VIEWPORT,
            "raw_dir": str(default_raw_dir()),
            "clicked_county": pages.CLICK_COUNTY_FIPS,
            "layer_switched_to": pages.OTHER_LAYER,
            "county_page_timed": RERUN_COUNTY[1],
        },
        "printed": lines,
        "figures": {
            figure: {"label": label, "unit": unit, **{app: record.stats(figure, app) for app in record.samples[figure]}}
            for figure, (label, unit) in FIGURES.items()
        },
        "layer_switch_kept": record.layer_switch_kept,
        "session_rounds": record.session_rounds,
        "offsite_requests": record.offsite_requests,
        "targets": checked,
        "errors": record.errors,
    }
    RESULTS_FILE.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {RESULTS_FILE.relative_to(PROJECT_ROOT)} in {results['duration_s']:.0f} s")
    return 1 if record.errors else 0


if __name__ == "__main__":
    sys.exit(main())
