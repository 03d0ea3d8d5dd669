"""The app's pages, links to them that keep the reader's language, and the app's canonical address: the one every
link, citation and brief gives to others.

The canonical address is set once, by whoever runs the app: the environment variable ICE_MAP_BASE_URL, or
`base_url` in the `[app]` table of Streamlit's secrets. Without either, a link is the address the browser shows,
which is right on the reader's own machine but may be a local one (http://localhost:8501).
"""

from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

from lib import i18n
from lib.i18n import _

# The page files, as st.page_link and st.switch_page name them (app.py registers them).
COUNTY_PAGE = "app_pages/county.py"
COUNTY_URL_PATH = "county"  # /county?fips=06085
MAP_PAGE = "app_pages/map.py"
COMPARE_PAGE = "app_pages/compare.py"
SOURCES_PAGE = "app_pages/sources.py"
CAMPAIGN_PAGE = "app_pages/campaign.py"
CAMPAIGN_URL_PATH = "campaign"  # /campaign?fips=06085
CONTRIBUTE_PAGE = "app_pages/contribute.py"
CONTRIBUTE_URL_PATH = "contribute"  # /contribute?fips=06085

BASE_URL_VARIABLE = "ICE_MAP_BASE_URL"
BASE_URL_SECRET = ("app", "base_url")  # [app] base_url = "https://…" in .streamlit/secrets.toml
# The reader's own settings, not the view: a link given to others leaves them out (its reader picks their own).
PERSONAL_PARAMS = ("mode", "lang")
WEB_SCHEMES = ("http", "https")


def county_page_url(fips: str) -> str:
    """A relative link to a county page that keeps the language (English is the default and stays out)."""
    lang = i18n.language()
    return f"/{COUNTY_URL_PATH}?fips={fips}" + (f"&lang={lang}" if lang != i18n.SOURCE_LANGUAGE else "")


def configured_base_url(environment: Mapping[str, str], secrets: Mapping) -> str | None:
    """The canonical address the app was given (the environment variable first, then the secret), or None. A value
    that is not an http(s) address with a host is no address: it raises ValueError naming where it was set (in the
    current language)."""
    section, key = BASE_URL_SECRET
    for where, value in (
        (BASE_URL_VARIABLE, environment.get(BASE_URL_VARIABLE)),
        (f"[{section}] {key}", (secrets.get(section) or {}).get(key)),
    ):
        if value is None or not str(value).strip():
            continue
        parts = urlsplit(str(value).strip())
        if parts.scheme not in WEB_SCHEMES or not parts.netloc:
            raise ValueError(
                _("{where} must be an http(s) address such as https://example.org/ice-map").format(where=where)
            )
        return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
    return None


def app_url(browser_url: str, page_path: str, base_url: str | None) -> str:
    """The app's own address, without a trailing slash: the configured base URL (configured_base_url), else the
    browser's address (`browser_url`, on the page `page_path`) without that page, its query and fragment."""
    if base_url is not None:
        return base_url
    browser = urlsplit(browser_url)
    app_path = browser.path.rstrip("/")
    if page_path and app_path.endswith(f"/{page_path}"):
        app_path = app_path.removesuffix(f"/{page_path}")
    return urlunsplit((browser.scheme, browser.netloc, app_path, "", ""))


def canonical_url(page_path: str, params: Mapping[str, str], browser_url: str, base_url: str | None) -> str:
    """The address of a page and view to give to others: the app's address (app_url), then the page (`page_path`:
    "" for the map, "county") and its parameters without the reader's own (PERSONAL_PARAMS)."""
    query = urlencode({name: value for name, value in params.items() if name not in PERSONAL_PARAMS})
    return f"{app_url(browser_url, page_path, base_url)}/{page_path}" + (f"?{query}" if query else "")
