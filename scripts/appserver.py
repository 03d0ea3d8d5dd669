"""Serve the app: `python -m scripts.appserver run app.py [streamlit options]` is how `make run` starts it, and
running_app starts it the same way on a free local port for browser tests, screenshots and the benchmark.

Streamlit looks up the machine's public IP address on a web service (checkip.amazonaws.com) and its network address
(a UDP socket "connected" to 8.8.8.8) in two places: the start-up banner, unless server.address names one address
(ours does, in .streamlit/config.toml), and the origin check of every websocket whose Origin is not this server's
own, which no setting prevents. serve() switches both lookups off, so that no page, link or stranger's request can
make the server reach out; a cross-site websocket is still refused.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# How `make run` and running_app start the server: this module, run as a script (see serve).
SERVE = ("-m", "scripts.appserver")
# Debian's Chromium (installed by `make test`); Playwright never downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The page once no script run is under way, as Streamlit's own browser tests wait for it.
APP_IS_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# How long a page must stay idle after a click before the click counts as kept: a script run can start just after
# the page looked idle (a component sending its first value), and a run that redraws the page undoes a tab click.
SETTLE_MS = 500


def wait_until_idle(page, timeout_ms: float = 60_000) -> None:
    """Wait until no script run of the app is under way in the Playwright `page`."""
    page.locator(APP_IS_IDLE).wait_for(timeout=timeout_ms)


def select_tab(page, name: str, timeout_ms: float = 60_000, attempts: int = 3) -> None:
    """Click the tab called `name` until it stays selected once the app is idle again: Streamlit puts the tabs back
    on the first one when a run that was already under way redraws the page, which loses a click."""
    tab = page.get_by_role("tab", name=name)
    for _attempt in range(attempts):
        wait_until_idle(page, timeout_ms)
        tab.click(timeout=timeout_ms)
        page.wait_for_timeout(SETTLE_MS)
        wait_until_idle(page, timeout_ms)
        if tab.get_attribute("aria-selected") == "true":
            return
    raise AssertionError(f"the tab {name!r} did not stay selected after {attempts} clicks")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_app(
    script: str = "app.py",
    startup_seconds: float = 60,
    extra_args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    launcher: tuple[str, ...] = SERVE,
) -> Iterator[str]:
    """Yields the base URL of a freshly started Streamlit server, served as `make run` serves it (same launcher,
    same .streamlit/config.toml, so on 127.0.0.1); stops it afterwards. The server's output goes to a log file,
    shown on failure. `launcher` is the Python arguments before Streamlit's own: a test may wrap SERVE."""
    port = free_port()
    command = [sys.executable, *launcher, "run", script, "--server.port", str(port), *extra_args]
    with tempfile.NamedTemporaryFile("w+", prefix="streamlit-", suffix=".log") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(process, base_url, startup_seconds, Path(log.name))
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_healthy(process: subprocess.Popen, base_url: str, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Streamlit exited with code {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as answer:
                if answer.read() == b"ok":
                    return
        time.sleep(0.2)
    raise RuntimeError(f"{base_url} did not answer within {seconds:.0f} s:\n{log.read_text()[-3000:]}")


def _no_lookup() -> None:
    """Stands in for Streamlit's address lookups: no address is known, so none is shown or allowed."""
    return None


def serve(arguments: list[str]) -> None:
    """Streamlit's command line (`streamlit run …`) with its address lookups switched off (see the module's
    docstring). Both are only ever used to show this machine's addresses and to allow them as websocket origins;
    the server's own origin is allowed without them."""
    # Imported here: the tests, screenshots and benchmark that use running_app need no Streamlit in their process.
    from streamlit import net_util
    from streamlit.web import cli

    from lib.mapview import refresh_at_server_start
    from lib.paths import DATA_DIR, STATIC_DIR, app_data_dir

    # The county shapes the data refers to are published before any page asks for them; older sets are dropped
    # here, never while pages are served. A server on another data folder (ICE_MAP_DATA_DIR: the tests' edited
    # copies) shares static/ with the app's own server, which may still be serving: it publishes as it goes and
    # deletes nothing.
    if app_data_dir() == DATA_DIR:
        refresh_at_server_start(DATA_DIR, STATIC_DIR)

    # Streamlit calls them through the module (net_util.get_external_ip()), so replacing them here covers both.
    net_util.get_external_ip = _no_lookup
    net_util.get_internal_ip = _no_lookup
    cli.main(args=arguments, prog_name="streamlit")


if __name__ == "__main__":
    serve(sys.argv[1:])
