"""Nothing leaves the machine: the server, started as `make run` starts it, resolves and connects to no address off
this machine while the map and a county page are opened and a stranger's website tries to open the app's websocket;
the browser, with every request off the machine blocked and recorded, attempts none either."""

import urllib.request
from urllib.parse import urlsplit

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from scripts.appserver import running_app
from tests.browser.audited_server import RECORD_ENV
from tests.browser.test_map_browser import MAP_TIMEOUT_MS, open_map, wait_until_the_app_is_idle

pytestmark = pytest.mark.browser

AUDITED_SERVER = ("-m", "tests.browser.audited_server")
FOREIGN_ORIGIN = "https://evil.example"


@pytest.fixture(scope="module")
def outbound_record(tmp_path_factory):
    """The file the audited server writes every off-machine destination to."""
    record = tmp_path_factory.mktemp("outbound") / "destinations.txt"
    record.touch()
    return record


@pytest.fixture(scope="module")
def audited_app_url(outbound_record):
    with running_app(launcher=AUDITED_SERVER, env={RECORD_ENV: str(outbound_record)}) as url:
        yield url


def test_the_server_reaches_nothing_off_the_machine(page, audited_app_url, outbound_record, offsite_requests):
    open_map(page, f"{audited_app_url}/")
    page.goto(f"{audited_app_url}/county?fips=06085")
    page.get_by_text("Santa Clara County, California").first.wait_for(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(page)

    # A page on another site opening the app's websocket: Streamlit checks such an origin against this machine's
    # addresses, which it would look up on the internet; it must refuse the socket without looking anything up.
    with pytest.raises(InvalidStatus) as refused:
        connect(
            f"ws://{urlsplit(audited_app_url).netloc}/_stcore/stream", origin=FOREIGN_ORIGIN, open_timeout=10
        ).close()
    assert refused.value.response.status_code == 403

    with urllib.request.urlopen(f"{audited_app_url}/_stcore/metrics", timeout=10) as answer:
        metrics = answer.read().decode()
    assert "active_sessions" in metrics and "user_session_events" not in metrics, "no per-user metrics"

    assert outbound_record.read_text().splitlines() == []
    assert offsite_requests == []
