"""The app's pages, and links to them that keep the reader's language."""

from lib import i18n

# The page files, as st.page_link and st.switch_page name them (app.py registers them).
COUNTY_PAGE = "app_pages/county.py"
COUNTY_URL_PATH = "county"  # /county?fips=06085
MAP_PAGE = "app_pages/map.py"
COMPARE_PAGE = "app_pages/compare.py"
SOURCES_PAGE = "app_pages/sources.py"


def county_page_url(fips: str) -> str:
    """A relative link to a county page that keeps the language (English is the default and stays out)."""
    lang = i18n.language()
    return f"/{COUNTY_URL_PATH}?fips={fips}" + (f"&lang={lang}" if lang != i18n.SOURCE_LANGUAGE else "")
