"""Start the app on a free local port for browser tests, screenshots and the benchmark."""

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
# Debian's Chromium (installed by `make test`); Playwright never downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The page once no script run is under way, as Streamlit's own browser tests wait for it.
APP_IS_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_app(script: str = "app.py", startup_seconds: float = 60, extra_args: tuple[str, ...] = (),
                env: dict[str, str] | None = None) -> Iterator[str]:
    """Yields the base URL of a freshly started Streamlit server, served as `make run` serves it (same
    .streamlit/config.toml); stops it afterwards. The server's output goes to a log file, shown on failure."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", *extra_args]
    with tempfile.NamedTemporaryFile("w+", prefix="streamlit-", suffix=".log") as log:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
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
