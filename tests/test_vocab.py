import math

from lib.vocab import CODE_WORDS, code_word


def test_a_code_reads_as_words():
    assert code_word("case_law") == "case law"
    assert code_word("preempts_local_limits") == "preempts local limits"


def test_a_code_without_words_is_shown_as_it_is():
    assert "ordinance" not in CODE_WORDS
    assert code_word("ordinance") == "ordinance"


def test_an_empty_cell_stays_empty():
    assert code_word(None) is None
    assert code_word(math.nan) is None


def test_the_words_are_translated_when_shown(marked):
    with marked:
        assert code_word("in_force") == "«in force»"
        assert code_word("ordinance") == "«ordinance»"
        assert code_word(None) is None  # not handed to the catalog, which would word it
    assert code_word("in_force") == "in force"
