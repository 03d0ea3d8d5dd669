"""`python -m tests.browser.audited_server run app.py …`: the app served as `make run` serves it (scripts.appserver),
with a Python audit hook, installed before Streamlit is imported, that appends every destination off this machine
the server process resolves or connects to, one per line, to the file named by $OUTBOUND_RECORD.

Audit hooks see every socket the interpreter opens, whichever library opens it (requests, urllib, asyncio), and
cannot be removed once installed."""

import ipaddress
import os
import sys

RECORD_ENV = "OUTBOUND_RECORD"
# What each audited socket event passes as its host (and port, where it has one), by argument position.
HOST_ARGUMENTS = {
    "socket.connect": 1,
    "socket.sendto": 1,
    "socket.getaddrinfo": 0,
    "socket.gethostbyname": 0,
    "socket.gethostbyaddr": 0,
}
LOCAL_NAMES = {"localhost", "", None}


def is_local(host) -> bool:
    """Loopback, or the unspecified address a server binds to; a name other than localhost is not local."""
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def destination(event: str, arguments: tuple) -> str | None:
    """The off-machine destination of an audited socket event, or None when it stays on this machine."""
    target = arguments[HOST_ARGUMENTS[event]]
    if event in ("socket.connect", "socket.sendto"):
        if not isinstance(target, tuple):  # a Unix socket's path
            return None
        host, port = target[0], target[1]
    else:
        host, port = target, arguments[1] if event == "socket.getaddrinfo" else None
    return None if is_local(host) else f"{event} {host}:{port}"


def install(record_path: str) -> None:
    def record(event: str, arguments: tuple) -> None:
        if event in HOST_ARGUMENTS and (reached := destination(event, arguments)):
            with open(record_path, "a", encoding="utf-8") as record_file:
                record_file.write(reached + "\n")

    sys.addaudithook(record)


if __name__ == "__main__":
    install(os.environ[RECORD_ENV])
    from scripts.appserver import serve  # only now: Streamlit must start under the hook

    serve(sys.argv[1:])
