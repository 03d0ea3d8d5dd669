"""A load generator that renders nothing: raw websocket clients speaking Streamlit's protocol.

Each session is a fresh visitor of the map page. It does what the browser's first message does: it connects to
/_stcore/stream and sends one BackMsg rerun_script (a browser opening the map sends exactly one; the map's
component sends no value back on load). Then, as the map's iframe would, it fetches the files under /app/static/
that the map's component names (Leaflet, and the county shapes when the app serves them as a static file),
with gzip accepted like a browser. Two times per session, both from the connection attempt: to the
script_finished message (the last message of the page) and to the last byte of those files.

It is an error when the connection fails, the script does not finish successfully within the time limit, the
page shows an exception, the map never arrives, or a file cannot be fetched.

Run as `python -m bench.load URL sessions|reruns ...`: it prints JSON, with its own CPU time, so a benchmark
on a 2-core machine can say how much of the machine the load generator itself took."""

import argparse
import asyncio
import json
import re
import resource
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

SESSION_TIMEOUT_S = 120
MAP_COMPONENT = "streamlit_folium"
APP_STATIC_PATH = re.compile(r"/app/static/[^\"'\\\s)]+")


def rerun_message(page_name: str, query_string: str) -> bytes:
    state = ClientState(page_name=page_name, query_string=query_string)
    state.context_info.timezone = "UTC"
    return BackMsg(rerun_script=state).SerializeToString()


async def until_script_finished(socket: ClientConnection) -> dict:
    """Reads messages until the script run ends: whether the run went well, its bytes, and the /app/static/
    paths the map's component names."""
    received_bytes, static_paths, map_seen, exception_seen = 0, set(), False, False
    while True:
        payload = await socket.recv()
        received_bytes += len(payload)
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            exception_seen |= element.WhichOneof("type") == "exception"
            if (
                element.WhichOneof("type") == "component_instance"
                and MAP_COMPONENT in element.component_instance.component_name
            ):
                map_seen = True
                static_paths |= set(APP_STATIC_PATH.findall(element.component_instance.json_args))
        if kind == "script_finished":
            finished_well = message.script_finished == ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
            return {
                "ok": finished_well and not exception_seen,
                "bytes": received_bytes,
                "map_seen": map_seen,
                "static_paths": sorted(static_paths),
            }


def stream_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1) + "/_stcore/stream"


def fetch(url: str) -> int:
    """Bytes of the response body as sent; raises unless the server answers 200."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=SESSION_TIMEOUT_S) as response:
        return len(response.read())


async def map_session(base_url: str, fetchers: ThreadPoolExecutor) -> dict:
    started = time.perf_counter()
    try:
        async with asyncio.timeout(SESSION_TIMEOUT_S):
            # The browser names the "streamlit" subprotocol; proxies from the environment must not apply locally.
            async with connect(
                stream_url(base_url),
                subprotocols=["streamlit"],
                max_size=None,
                proxy=None,
                open_timeout=SESSION_TIMEOUT_S,
            ) as socket:
                await socket.send(rerun_message("", ""))
                outcome = await until_script_finished(socket)
            last_message_at = time.perf_counter()
            loop = asyncio.get_running_loop()
            static_bytes = await asyncio.gather(
                *(loop.run_in_executor(fetchers, fetch, base_url + path) for path in outcome["static_paths"])
            )
    except Exception as problem:  # refused, dropped or timed out: every failure of a session counts
        return {"seconds": time.perf_counter() - started, "error": f"{type(problem).__name__}: {problem}"}
    error = None
    if not outcome["ok"]:
        error = "the script did not finish successfully"
    elif not outcome["map_seen"]:
        error = "the map never arrived"
    return {
        "seconds": last_message_at - started,
        "with_static_seconds": time.perf_counter() - started,
        "websocket_bytes": outcome["bytes"],
        "static_bytes": sum(static_bytes),
        "static_files": len(outcome["static_paths"]),
        "error": error,
    }


async def concurrent_sessions(base_url: str, sessions: int) -> list[dict]:
    """`sessions` fresh visitors of the map page at once."""
    # A thread per file and session, so the client never queues a fetch the browsers would make at once.
    with ThreadPoolExecutor(max_workers=sessions * 4) as fetchers:
        return await asyncio.gather(*(map_session(base_url, fetchers) for _ in range(sessions)))


async def warm_reruns(base_url: str, page_name: str, query_string: str, runs: int) -> list[float]:
    """Seconds from a rerun request to its script_finished, in one session that has run the page once before:
    the server's time for a warm rerun plus the transfer on localhost."""
    message = rerun_message(page_name, query_string)
    async with connect(stream_url(base_url), subprotocols=["streamlit"], max_size=None, proxy=None) as socket:
        await socket.send(message)
        await until_script_finished(socket)
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            await socket.send(message)
            outcome = await until_script_finished(socket)
            if not outcome["ok"]:
                raise RuntimeError(f"rerun of page {page_name!r} did not finish successfully")
            seconds.append(time.perf_counter() - started)
        return seconds


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentiles(times: list[float]) -> dict:
    p95 = statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else times[0]
    return {"p50_s": statistics.median(times), "p95_s": p95}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="e.g. http://127.0.0.1:8501")
    commands = parser.add_subparsers(dest="command", required=True)
    sessions = commands.add_parser("sessions", help="concurrent map page sessions")
    sessions.add_argument("--sessions", type=int, default=20)
    reruns = commands.add_parser("reruns", help="warm reruns of one page in one session")
    reruns.add_argument("--page", default="", help="page name as in the URL path ('' for the map)")
    reruns.add_argument("--query", default="", help="query string, e.g. fips=06085")
    reruns.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cpu_before, wall_before = own_cpu_seconds(), time.perf_counter()
    if args.command == "sessions":
        results = asyncio.run(concurrent_sessions(args.base_url, args.sessions))
        finished = [result for result in results if not result["error"]] or results
        report = {
            "sessions": results,
            "to_last_message": percentiles([result["seconds"] for result in results]),
            "to_last_static_byte": percentiles(
                [result.get("with_static_seconds", result["seconds"]) for result in results]
            ),
            "errors": [result["error"] for result in results if result["error"]],
            "websocket_bytes_per_session": statistics.median(r.get("websocket_bytes", 0) for r in finished),
            "static_bytes_per_session": statistics.median(r.get("static_bytes", 0) for r in finished),
        }
    else:
        report = {"rerun_seconds": asyncio.run(warm_reruns(args.base_url, args.page, args.query, args.runs))}
    report["wall_seconds"] = time.perf_counter() - wall_before
    report["load_generator_cpu_seconds"] = own_cpu_seconds() - cpu_before
    print(json.dumps(report))


if __name__ == "__main__":
    main()
