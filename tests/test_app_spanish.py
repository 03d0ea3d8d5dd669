"""Every page in Spanish (`?lang=es` or the sidebar switch): no heading, label or message left in English."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from lib import i18n
from scripts.translations import load_catalog
from tests.apptext import shown
from tests.test_app_smoke import run_page

PAGES = [
    ("app_pages/map.py", {}),
    ("app_pages/map.py", {"layer": "287g", "state": "AZ"}),
    ("app_pages/map.py", {"mode": "present", "tour": "06085,48201", "fips": "48201"}),
    ("app_pages/county.py", {"fips": "06085"}),
    ("app_pages/county.py", {"fips": "48201"}),
    ("app_pages/county.py", {"fips": "99999"}),
    ("app_pages/compare.py", {"compare": "06085,48201"}),
    ("app_pages/changes.py", {}),
    ("app_pages/sources.py", {}),
]
# Words that mark a sentence or label as English; none of them is a Spanish word.
ENGLISH_WORDS = re.compile(r"\b(the|of|and|with|what|which|who|this|from|for|by|is|are|has|does|not)\b", re.IGNORECASE)
LABELLED = (
    "selectbox",
    "multiselect",
    "toggle",
    "text_input",
    "text_area",
    "number_input",
    "select_slider",
    "radio",
    "checkbox",
    "segmented_control",
    "button",
    "download_button",
    "expander",
    "tabs",
    "metric",
    "page_link",
)


def headings_and_labels(app: AppTest) -> list[str]:
    texts = [shown(element.value) for kind in ("title", "header", "subheader") for element in getattr(app, kind)]
    for kind in LABELLED:
        texts += [element.label for element in app.get(kind) if getattr(element, "label", None)]
    return texts


def shown_texts(app: AppTest) -> list[str]:
    texts = headings_and_labels(app)
    for kind in ("caption", "markdown", "info", "warning", "error", "success"):
        texts += [shown(element.value) for element in getattr(app, kind)]
    return [text.strip() for text in texts if isinstance(text, str)]


@pytest.fixture(scope="module")
def english_only_texts() -> set[str]:
    """English texts of the catalog whose Spanish differs: seeing one on a Spanish page means a missed `_()`."""
    catalog = load_catalog(i18n.catalog_path("es"))
    return {
        entry.id
        for entry in catalog
        if isinstance(entry.id, str) and entry.id and entry.string and entry.string != entry.id
    }


@pytest.mark.parametrize("page, query", PAGES, ids=[f"{p}{q}" for p, q in PAGES])
def test_a_spanish_page_shows_no_english_text(page, query, english_only_texts):
    app = run_page(page, lang="es", **query)
    assert not app.exception, app.exception
    texts = shown_texts(app)
    assert texts, "nothing rendered"
    left_in_english = [text for text in texts if text in english_only_texts]
    assert not left_in_english, left_in_english
    english_labels = [text for text in headings_and_labels(app) if ENGLISH_WORDS.search(text)]
    assert not english_labels, english_labels


def test_the_sidebar_switch_turns_the_app_spanish_and_puts_it_in_the_link():
    app = run_page("app_pages/map.py")
    english_title = app.header[0].value
    app.sidebar.segmented_control(key="lang").set_value("es").run()
    assert not app.exception
    assert app.header[0].value != english_title
    assert app.query_params["lang"] == ["es"] or app.query_params["lang"] == "es"
    app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert app.header[0].value == english_title
    assert "lang" not in app.query_params


def test_asks_in_spanish_call_a_detainer_a_request():
    app = run_page("app_pages/county.py", fips="48201", lang="es")
    asks_tab = app.tabs[-1]
    text = shown(" ".join(m.value for m in asks_tab.markdown) + " ".join(i.value for i in app.info))
    assert "solicitud" in text.lower() and "no es asesoría legal" in text.lower()
    assert "orden de retención" not in text.lower()
