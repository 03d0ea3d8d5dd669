"""What the benchmark ran on and at which commit, and the server process's memory and CPU time (from /proc:
psutil is not installed)."""

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from scripts.appserver import PROJECT_ROOT, SERVE

PACKAGES = ["streamlit", "streamlit-folium", "folium", "geopandas", "playwright", "websockets"]


def git_commit() -> dict:
    """The commit, and the files that differ from it outside bench/: the benchmark measures the working tree,
    which other people may be editing while it runs."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout

    changed = [line[3:] for line in git("status", "--porcelain").splitlines() if not line[3:].startswith("bench/")]
    return {"commit": git("rev-parse", "HEAD").strip(), "uncommitted_changes_outside_bench": changed}


def _first_field(path: str, name: str) -> str:
    for line in Path(path).read_text().splitlines():
        key, _, value = line.partition(":")
        if key.strip() == name:
            return value.strip()
    return "unknown"


def _os_name() -> str:
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"')
    return platform.system()


def description() -> dict:
    return {
        "cpu_model": _first_field("/proc/cpuinfo", "model name"),
        "cpu_cores": os.cpu_count(),
        "ram_gb": round(int(_first_field("/proc/meminfo", "MemTotal").split()[0]) / 1024**2, 1),
        "os": f"{_os_name()}, Linux {platform.release()}",
        "python": platform.python_version(),
        "packages": {name: metadata.version(name) for name in PACKAGES},
        "chromium": subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip(),
    }


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages: other work on the machine shows up here."""
    return [round(value, 2) for value in os.getloadavg()]


def child_server_pid(base_url: str) -> int:
    """The pid of the Streamlit server that scripts.appserver.running_app started for base_url (a child of this
    process; running_app does not hand out its process)."""
    port = base_url.rsplit(":", 1)[1]
    me = Path(f"/proc/{os.getpid()}/task")
    children = {int(pid) for task in me.iterdir() for pid in (task / "children").read_text().split()}
    for pid in children:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if SERVE[-1].encode() in arguments and port.encode() in arguments:
            return pid
    raise RuntimeError(f"no child Streamlit process serves {base_url}")


def peak_rss_bytes(pid: int) -> int:
    """The process's peak resident set size since it started or since reset_peak_rss (VmHWM)."""
    return int(_first_field(f"/proc/{pid}/status", "VmHWM").split()[0]) * 1024


def reset_peak_rss(pid: int) -> None:
    """Starts VmHWM afresh from the current RSS (proc(5), clear_refs), so each round has its own peak."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used, all its threads together."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    user, system = int(fields[11]), int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)
    return (user + system) / os.sysconf("SC_CLK_TCK")
