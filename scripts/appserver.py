"""Start the app on a free local port for browser tests, screenshots and the benchmark."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_app(script: str = "app.py", startup_seconds: float = 60) -> Iterator[str]:
    """Yields the base URL of a freshly started Streamlit server; stops it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        if process.poll() is None:
            process.kill()
