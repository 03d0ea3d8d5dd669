"""The Spanish catalog covers every text of the app, and the language machinery keeps sessions apart."""

import ast
import threading

import pytest
from babel.messages.catalog import Catalog

from lib import i18n
from lib.i18n import _, ngettext, use_language
from scripts.translations import Message, load_catalog, problems, same_in_spanish, source_messages
from tests.test_markdown_sinks import streamlit_modules


@pytest.fixture(scope="module")
def spanish():
    return load_catalog(i18n.catalog_path("es"))


def test_every_text_of_the_app_has_a_reviewed_spanish_translation(spanish):
    messages = source_messages()
    assert len(messages) > 300, "the extraction found too few texts: is babel.cfg still pointing at the code?"
    found = problems(messages, spanish, same_in_spanish())
    assert not found, "\n".join(found[:40]) + f"\n… {len(found)} problem(s); run `make messages` and translate"


def test_the_catalog_holds_no_translation_the_code_no_longer_uses(spanish):
    in_code = {m.msgid[0] if isinstance(m.msgid, tuple) else m.msgid for m in source_messages()}
    unused = [
        entry.id
        for entry in spanish
        if entry.id and (entry.id[0] if isinstance(entry.id, tuple) else entry.id) not in in_code
    ]
    assert not unused, f"{len(unused)} unused, e.g. {unused[:5]}; `make messages` drops them"


def test_the_allow_list_holds_only_texts_the_code_has():
    in_code = {m.msgid for m in source_messages() if isinstance(m.msgid, str)}
    assert same_in_spanish() <= in_code, same_in_spanish() - in_code


def _catalog(*entries) -> Catalog:
    catalog = Catalog(locale="es")
    for msgid, msgstr, *flags in entries:
        catalog.add(msgid, msgstr, flags=flags)
    return catalog


@pytest.mark.parametrize(
    "msgid, msgstr, flags, complaint",
    [
        ("Unknown", None, [], "is not in the catalog"),
        ("Unknown", "", [], "has no Spanish"),
        ("Unknown", "Desconocido", ["fuzzy"], "fuzzy"),
        ("Unknown county", "Unknown county", [], "reads the same"),
        ("{county} is unknown", "{condado} es desconocido", [], "other placeholders"),
        ("Honors ICE detainers", "Cumple las órdenes de retención de ICE", [], "calls a detainer an order"),
        ("Honors ICE detainers", "Cumple los detainers de ICE", [], "solicitud de retención"),
    ],
)
def test_the_check_names_each_kind_of_bad_translation(msgid, msgstr, flags, complaint):
    catalog = _catalog(*([(msgid, msgstr, *flags)] if msgstr is not None else []))
    found = problems([Message(msgid, "lib/x.py:1")], catalog, allowed_same=set())
    assert any(complaint in problem for problem in found), found


def test_the_check_accepts_a_good_translation_and_allow_listed_names():
    catalog = _catalog(
        ("Refuses ICE detainers in {county}", "Rechaza las solicitudes de retención en {county}"), ("287(g)", "287(g)")
    )
    messages = [Message("Refuses ICE detainers in {county}", "a:1"), Message("287(g)", "a:2")]
    assert problems(messages, catalog, allowed_same={"287(g)"}) == []


def test_plural_forms_may_leave_out_the_count():
    catalog = Catalog(locale="es")
    catalog.add(("one county", "{count} counties"), ("un condado", "{count} condados"))
    assert problems([Message(("one county", "{count} counties"), "a:1")], catalog, set()) == []


def test_english_is_the_text_itself_and_spanish_comes_from_the_catalog(spanish):
    some_entry = next(entry for entry in spanish if entry.id and isinstance(entry.id, str) and entry.string)
    assert _(some_entry.id) == some_entry.id
    with use_language("es"):
        assert _(some_entry.id) == some_entry.string
    assert _(some_entry.id) == some_entry.id


def test_an_unknown_text_or_language_is_not_guessed():
    with use_language("es"):
        assert _("no such text in any catalog") == "no such text in any catalog"
        assert ngettext("{count} thing", "{count} things", 2) == "{count} things"
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_work_done_later_keeps_the_language_it_was_prepared_in(spanish):
    entry = next(entry for entry in spanish if entry.id and isinstance(entry.id, str) and entry.string)
    with use_language("es"):
        later = i18n.in_current_language(lambda: _(entry.id))
    assert _(entry.id) == entry.id
    assert later() == entry.string


def test_each_thread_has_its_own_language():
    """Streamlit runs each session's script in its own thread: one session's Spanish never leaks to another."""
    seen = {}

    def session(lang):
        i18n.set_language(lang)
        threading.Event().wait(0.05)
        seen[lang] = i18n.language()

    threads = [threading.Thread(target=session, args=(lang,)) for lang in ("es", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"es": "es", "en": "en"}
    assert i18n.language() == "en"


# Streamlit calls whose first argument, or whose label/help/placeholder keyword, a person reads.
SHOWN_ARGUMENTS = {
    "title",
    "header",
    "subheader",
    "caption",
    "markdown",
    "write",
    "info",
    "warning",
    "error",
    "success",
    "button",
    "download_button",
    "link_button",
    "page_link",
    "selectbox",
    "multiselect",
    "toggle",
    "checkbox",
    "radio",
    "text_input",
    "text_area",
    "number_input",
    "select_slider",
    "segmented_control",
    "metric",
    "expander",
    "tabs",
    "bar_chart",
    "TextColumn",
    "LinkColumn",
    "CheckboxColumn",
    "NumberColumn",
}
SHOWN_KEYWORDS = {"label", "help", "placeholder", "x_label", "y_label", "display_text"}
NAMES_SHOWN_AS_THEY_ARE = {"SCAAP", "MOA"}  # a program's and a document's name, the same in every language
UI_FILES = [str(path.relative_to(i18n.PROJECT_ROOT)) for path in streamlit_modules()]


def _words_in(node) -> list[str]:
    """English text written straight into the code: a literal with letters, or the literal parts of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [part.value for part in node.values if isinstance(part, ast.Constant)]
    elif isinstance(node, ast.List | ast.Tuple):
        return [word for element in node.elts for word in _words_in(element)]
    else:
        return []
    return [part for part in parts if any(character.isalpha() for character in part)]


@pytest.mark.parametrize("path", UI_FILES)
def test_no_text_is_shown_without_passing_through_the_catalog(path):
    """Catches a label typed straight into a widget, which the catalog check (texts wrapped in _()) cannot see."""
    tree = ast.parse((i18n.PROJECT_ROOT / path).read_text(encoding="utf-8"))
    allowed = same_in_spanish() | NAMES_SHOWN_AS_THEY_ARE
    bare = []
    for call in ast.walk(tree):
        if not (
            isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in SHOWN_ARGUMENTS
        ):
            continue
        shown = call.args[:1] + [keyword.value for keyword in call.keywords if keyword.arg in SHOWN_KEYWORDS]
        bare += [f"{path}:{call.lineno}: {text!r}" for node in shown for text in _words_in(node) if text not in allowed]
    assert not bare, "wrap these in _(): " + "; ".join(bare)
