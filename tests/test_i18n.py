"""The Spanish catalog covers every text of the app, and the language machinery keeps sessions apart."""

import threading

import pytest
from babel.messages.catalog import Catalog

from lib import i18n
from lib.i18n import _, ngettext, use_language
from scripts.translations import Message, load_catalog, problems, same_in_spanish, source_messages


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
    unused = [entry.id for entry in spanish if entry.id and (entry.id[0] if isinstance(entry.id, tuple)
                                                             else entry.id) not in in_code]
    assert not unused, f"{len(unused)} unused, e.g. {unused[:5]}; `make messages` drops them"


def test_the_allow_list_holds_only_texts_the_code_has():
    in_code = {m.msgid for m in source_messages() if isinstance(m.msgid, str)}
    assert same_in_spanish() <= in_code, same_in_spanish() - in_code


def _catalog(*entries) -> Catalog:
    catalog = Catalog(locale="es")
    for msgid, msgstr, *flags in entries:
        catalog.add(msgid, msgstr, flags=flags)
    return catalog


@pytest.mark.parametrize("msgid, msgstr, flags, complaint", [
    ("Unknown", None, [], "is not in the catalog"),
    ("Unknown", "", [], "has no Spanish"),
    ("Unknown", "Desconocido", ["fuzzy"], "fuzzy"),
    ("Unknown county", "Unknown county", [], "reads the same"),
    ("{county} is unknown", "{condado} es desconocido", [], "other placeholders"),
    ("Honors ICE detainers", "Cumple las órdenes de retención de ICE", [], "calls a detainer an order"),
    ("Honors ICE detainers", "Cumple los detainers de ICE", [], "solicitud de retención"),
])
def test_the_check_names_each_kind_of_bad_translation(msgid, msgstr, flags, complaint):
    catalog = _catalog(*([(msgid, msgstr, *flags)] if msgstr is not None else []))
    found = problems([Message(msgid, "lib/x.py:1")], catalog, allowed_same=set())
    assert any(complaint in problem for problem in found), found


def test_the_check_accepts_a_good_translation_and_allow_listed_names():
    catalog = _catalog(("Refuses ICE detainers in {county}", "Rechaza las solicitudes de retención en {county}"),
                       ("287(g)", "287(g)"))
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
