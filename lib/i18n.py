"""The app's two languages: English, the language the code is written in, and Spanish, from the gettext catalog
locale/es/LC_MESSAGES/messages.po.

How texts are written: `_("…")` where a text is shown; `N_("…")` where it is stored (module constants, cached
layers) and translated with `_()` when it is shown, so a cached object never holds one session's language;
`ngettext` for counts. Placeholders are named (`_("{county} is unknown").format(county=…)`) so a translation can
move them. Data (agency names, law names, notes from sources) stays in the language of its source.

The language belongs to one run of one session, so it lives in a context variable that each run sets; work done
later, outside the run (a download made on click), takes the run's language with `in_current_language`.
"""

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from io import BytesIO
from typing import TypeVar

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from lib.paths import PROJECT_ROOT

SOURCE_LANGUAGE, SPANISH = "en", "es"
LANGUAGES = {SOURCE_LANGUAGE: "English", SPANISH: "Español"}
LOCALE_DIR = PROJECT_ROOT / "locale"

T = TypeVar("T")
_language: ContextVar[str] = ContextVar("language", default=SOURCE_LANGUAGE)


def catalog_path(lang: str):
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of one language. Read from the .po file itself, so there is no compiled copy to go stale;
    fuzzy (unchecked) entries are left out and show in English."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    with catalog_path(lang).open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language() -> str:
    return _language.get()


def _offered(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return lang


def set_language(lang: str) -> None:
    """The language of the rest of this run (the UI sets it first thing on every run)."""
    _language.set(_offered(lang))


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    token = _language.set(_offered(lang))
    try:
        yield
    finally:
        _language.reset(token)


def in_current_language(function: Callable[..., T]) -> Callable[..., T]:
    """`function`, called later in the language that is current now."""
    lang = language()

    @wraps(function)
    def bound(*args, **kwargs) -> T:
        with use_language(lang):
            return function(*args, **kwargs)

    return bound


def _(message: str) -> str:
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a text for the catalog without translating it yet."""
    return message
