"""Figures 1-4 in headless Chromium: the websocket bytes of a page load, navigation → county shapes drawn,
click on a county → its page, color-layer switch → counties restyled.

Times come from the browser's own clock: Date.now() read in the page when the awaited state is reached (polled
every animation frame), minus the navigation start (performance.timeOrigin) or the moment the mouse went down
on the control (a pointerdown listener). The map's iframe is same-origin, so everything is read from the top
page, which also survives the iframe being replaced. Playwright's round trips are not in the figures.

Every sample uses a new browser context: no browser cache, no Streamlit message cache, like a first visit."""

import gzip
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Request
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

VIEWPORT = {"width": 1600, "height": 1000}
TIMEOUT_MS = 45_000
MIN_COUNTIES = 3_100
# The app draws counties blank first and a color layer then colors them all in one pass (leaving "unknown"
# counties blank), so one county with another fill means the colors are on. The baseline colors all at once.
BLANK_FILL = "#ffffff"
# The websocket is quiet this long after the page's last script run finished: the page load is over.
QUIET_S = 0.5
GZIP_LEVEL = 6  # a typical server's level; the figure estimates what compression on the wire would give
EMPTY_APP_TEXT = "Hello from an empty app."  # what bench/empty_app.py writes
MAP_IFRAME = 'iframe[src*="streamlit_folium"]'
APP_STATIC = "/app/static/"  # where Streamlit serves an app's own static files
LAYER_MENU = "Color the map by"
OTHER_LAYER = "287(g) agreements"  # switched to from the default layer, the overall level
# A large, nearly rectangular county in the national view, clicked at the center of its bounds.
CLICK_COUNTY_FIPS = "32007"
CLICK_COUNTY_TITLE = "Elko County, Nevada"

# Shared by the scripts below: the map's Leaflet object and its county layer, or null while not there yet.
_MAP_HELPERS = f"""
    const frame = document.querySelector('{MAP_IFRAME}');
    const mapWindow = frame && frame.contentWindow;
    const map = mapWindow && mapWindow.L && mapWindow.map_div instanceof mapWindow.L.Map ? mapWindow.map_div : null;
    const counties = map && Object.values(map._layers).find(
        (layer) => typeof layer.getLayers === "function" && layer.getLayers().length >= {MIN_COUNTIES});
    const items = counties ? counties.getLayers() : [];
    const colored = items.some(
        (county) => county.options.fillColor && county.options.fillColor.toLowerCase() !== "{BLANK_FILL}");
    const painted = map && !(map._renderer && map._renderer._redrawRequest);  // canvas repaint not pending
"""
SHAPES_DRAWN = f"""() => {{ {_MAP_HELPERS}
    return colored && painted ? {{at: Date.now(), counties: items.length}} : false;
}}"""
FILL_COLORS = f"() => {{ {_MAP_HELPERS} return items.map((county) => county.options.fillColor).join(); }}"
MARK_MAP = f"""(token) => {{ {_MAP_HELPERS}
    mapWindow.benchMarker = token;  // lost if the iframe reloads
    map.benchMarker = token;  // lost if the Leaflet map is built anew
}}"""
RESTYLED = f"""([colorsBefore, token]) => {{ {_MAP_HELPERS}
    if (!(colored && painted) || items.map((county) => county.options.fillColor).join() === colorsBefore) {{
        return false;
    }}
    return {{at: Date.now(), iframeKept: mapWindow.benchMarker === token, mapKept: map.benchMarker === token}};
}}"""
COUNTY_POINT = f"""(fips) => {{ {_MAP_HELPERS}
    const county = items.find((item) => item.feature.properties.fips === fips);
    const point = map.latLngToContainerPoint(county.getBounds().getCenter());
    return {{x: Math.round(point.x), y: Math.round(point.y)}};
}}"""
# The time of the first pointerdown from now on, in the top page or in the map's iframe.
ARM_POINTERDOWN = f"""(inMap) => {{ {_MAP_HELPERS}
    const target = inMap ? mapWindow : window;
    window.benchPressedAt = null;
    target.document.addEventListener("pointerdown", () => {{ window.benchPressedAt = Date.now(); }},
                                     {{capture: true, once: true}});
}}"""
HEADING_SHOWN = """(title) => [...document.querySelectorAll("h1")].some(
    (heading) => heading.innerText.trim() === title && heading.checkVisibility()) && Date.now()"""
TEXT_SHOWN = "(text) => document.body && document.body.innerText.includes(text) && Date.now()"


@dataclass
class SocketLog:
    """Every websocket frame the page received, as sent (Streamlit sends protobuf bytes)."""

    frames: list[bytes] = field(default_factory=list)
    last_frame_at: float = 0.0
    script_runs_finished: int = 0

    def receive(self, payload: bytes | str) -> None:
        frame = payload if isinstance(payload, bytes) else payload.encode()
        self.frames.append(frame)
        self.last_frame_at = time.monotonic()
        if ForwardMsg.FromString(frame).WhichOneof("type") == "script_finished":
            self.script_runs_finished += 1

    def wait_until_quiet(self, page: Page, runs_finished: int) -> None:
        """Until `runs_finished` script runs have finished and no frame came for QUIET_S seconds."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while self.script_runs_finished < runs_finished or time.monotonic() - self.last_frame_at < QUIET_S:
            if time.monotonic() > deadline:
                raise TimeoutError("the page's websocket did not go quiet")
            page.wait_for_timeout(50)  # lets Playwright deliver the frame events meanwhile

    def sizes(self) -> dict:
        payload = b"".join(self.frames)
        return {
            "websocket_bytes": len(payload),
            "websocket_gzip_bytes": len(gzip.compress(payload, GZIP_LEVEL)),
            "websocket_frames": len(self.frames),
        }


@dataclass
class Visit:
    """One page opened in a fresh context, with its websocket and HTTP traffic recorded."""

    context: BrowserContext
    page: Page
    socket: SocketLog
    http_requests: list[Request]
    offsite: list[str]

    def close(self) -> None:
        self.context.close()

    def traffic(self) -> dict:
        """Bytes as sent (HTTP bodies after HTTP compression). The map's data is what the websocket carries plus
        what the app serves itself from /app/static/ (Leaflet, and shapes an app may fetch there instead of
        sending them over the websocket); the rest of HTTP is Streamlit's own frontend, the same for any app."""
        socket = self.socket.sizes()
        bodies = [(urlsplit(request.url).path, request.sizes()["responseBodySize"]) for request in self.http_requests]
        app_static_bytes = sum(size for path, size in bodies if path.startswith(APP_STATIC))
        return {
            **socket,
            "http_bytes": sum(size for _, size in bodies),
            "map_data_bytes": socket["websocket_bytes"] + app_static_bytes,
            "map_data_gzip_bytes": socket["websocket_gzip_bytes"] + app_static_bytes,
            "offsite_requests": self.offsite,
        }


def open_visit(browser: Browser) -> Visit:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    offsite: list[str] = []

    def keep_local(route):
        # The apps must draw offline; a request off the machine is refused and reported.
        if urlsplit(route.request.url).hostname in {"127.0.0.1", "localhost"}:
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    context.route("**/*", keep_local)
    page = context.new_page()
    socket = SocketLog()
    http_requests: list[Request] = []
    page.on("websocket", lambda websocket: websocket.on("framereceived", socket.receive))
    page.on("requestfinished", lambda request: http_requests.append(request))
    return Visit(context, page, socket, http_requests, offsite)


def load_map(browser: Browser, base_url: str) -> tuple[Visit, dict]:
    """Navigation → the county layer (>= MIN_COUNTIES features) is on the map, colored (see BLANK_FILL) and
    painted; then the page load's traffic, counted once the websocket is quiet. The visit stays open."""
    visit = open_visit(browser)
    visit.page.goto(base_url, wait_until="commit")
    navigation_started = visit.page.evaluate("performance.timeOrigin")
    drawn = visit.page.wait_for_function(SHAPES_DRAWN, polling="raf", timeout=TIMEOUT_MS).json_value()
    visit.socket.wait_until_quiet(visit.page, runs_finished=1)
    return visit, {
        "drawn_s": (drawn["at"] - navigation_started) / 1000,
        "counties": drawn["counties"],
        **visit.traffic(),
    }


def load_text_page(browser: Browser, base_url: str) -> dict:
    """Navigation → the empty app's line of text is on screen."""
    visit = open_visit(browser)
    try:
        visit.page.goto(base_url, wait_until="commit")
        navigation_started = visit.page.evaluate("performance.timeOrigin")
        shown = visit.page.wait_for_function(
            TEXT_SHOWN, arg=EMPTY_APP_TEXT, polling="raf", timeout=TIMEOUT_MS
        ).json_value()
        visit.socket.wait_until_quiet(visit.page, runs_finished=1)
        return {"drawn_s": (shown - navigation_started) / 1000, **visit.traffic()}
    finally:
        visit.close()


def switch_layer(visit: Visit) -> dict:
    """Choose another option in the layer menu → the counties' fill colors have changed and are painted; and
    whether the iframe and the Leaflet map survived (a marker set on each before the switch is still there);
    and the websocket bytes the switch cost."""
    page = visit.page
    colors_before = page.evaluate(FILL_COLORS)
    token = f"bench-{time.monotonic_ns()}"
    page.evaluate(MARK_MAP, token)
    runs_before, frames_before = visit.socket.script_runs_finished, len(visit.socket.frames)
    page.get_by_role("combobox", name=LAYER_MENU).click()
    page.evaluate(ARM_POINTERDOWN, False)
    page.get_by_role("option", name=OTHER_LAYER, exact=True).click()
    restyled = page.wait_for_function(
        RESTYLED, arg=[colors_before, token], polling="raf", timeout=TIMEOUT_MS
    ).json_value()
    pressed_at = page.evaluate("window.benchPressedAt")
    visit.socket.wait_until_quiet(page, runs_finished=runs_before + 1)
    return {
        "restyled_s": (restyled["at"] - pressed_at) / 1000,
        "iframe_kept": restyled["iframeKept"],
        "map_kept": restyled["mapKept"],
        "websocket_bytes": sum(len(frame) for frame in visit.socket.frames[frames_before:]),
    }


def click_county(visit: Visit) -> dict:
    """Click a county on the map → the county page's heading (h1, the county's name) is on screen."""
    page = visit.page
    # The whole map in view first: when the click itself has to scroll, it scrolls the iframe's own document
    # too, and the press lands on another county.
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    point = page.evaluate(COUNTY_POINT, CLICK_COUNTY_FIPS)
    page.evaluate(ARM_POINTERDOWN, True)
    page.frame_locator(MAP_IFRAME).locator("#map_div").click(position=point)
    shown = page.wait_for_function(
        HEADING_SHOWN, arg=CLICK_COUNTY_TITLE, polling="raf", timeout=TIMEOUT_MS
    ).json_value()
    pressed_at = page.evaluate("window.benchPressedAt")
    return {"county_page_s": (shown - pressed_at) / 1000}
