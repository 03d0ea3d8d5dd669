"""Fixtures for the browser tests: the app served by a real Streamlit process, and headless Chromium pages whose
every request that would leave the machine is blocked and recorded (the app must work offline)."""

import os
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, running_app

LOCAL_HOSTS = {"localhost", "127.0.0.1"}
# A fixed window and one device pixel per CSS pixel, so the layout and the map's pixels are the same on
# every machine and a screenshot's pixels are the page's own coordinates.
VIEWPORT = {"width": 1600, "height": 1000}


def is_local(url: str) -> bool:
    return urlsplit(url).hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def app_url():
    """The base URL of the app, served as `make run` serves it."""
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"{CHROMIUM} is missing (`make test` installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def offsite_requests() -> list[str]:
    """Every URL outside this machine that any browser test tried to reach; stays empty for an offline app."""
    return []


@pytest.fixture(scope="session")
def browser_context(browser, offsite_requests):
    # One context for the whole run, so offsite_requests covers every page any test opened.
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)

    def keep_local(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            offsite_requests.append(route.request.url)
            route.abort()

    def refuse_websocket(websocket):
        # Never connected to the server: the socket stays inside the browser and is closed at once.
        offsite_requests.append(websocket.url)
        websocket.close()

    context.route("**/*", keep_local)
    # HTTP routes do not see WebSockets; Streamlit's own socket goes to localhost and passes untouched.
    context.route_web_socket(lambda url: not is_local(url), refuse_websocket)
    yield context
    context.close()


@pytest.fixture()
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()
