"""Server time of a warm rerun, in-process with Streamlit's AppTest: the script run alone (widgets, data from the
caches, the folium map rendered to its HTML and JavaScript), without the websocket or the browser.

Run as `python -m bench.rerun --runs 5`: it prints JSON with seconds per rerun for the map and a county page, as
wall time and as this process's CPU time (the script runs in a thread of this process). On a shared, busy machine
the wall time grows with the load; the CPU time much less, so it is the figure to compare two commits by.
The first run of each page (imports, data loading, caches filling) is not counted."""

import argparse
import json
import time

from streamlit.testing.v1 import AppTest

from scripts.appserver import PROJECT_ROOT

APP = PROJECT_ROOT / "app.py"
PAGES = {
    "map": ("app_pages/map.py", {}),
    "county": ("app_pages/county.py", {"fips": "06085"}),
}
TIMEOUT_S = 120


def warm_rerun_seconds(page: str, query: dict[str, str], runs: int) -> dict[str, list[float]]:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    app.switch_page(page)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    seconds = {"wall": [], "cpu": []}
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        app.run()
        seconds["wall"].append(time.perf_counter() - started)
        seconds["cpu"].append(time.process_time() - started_cpu)
        if app.exception:
            raise RuntimeError(f"{page} raised: {app.exception}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.rerun", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps({name: warm_rerun_seconds(page, query, args.runs) for name, (page, query) in PAGES.items()}))


if __name__ == "__main__":
    main()
