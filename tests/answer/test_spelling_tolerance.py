"""Ways one word is written are read as one, on both sides of a match (made-up sentences)."""

from assistant.answer.question import _compound_parts, _concepts
from assistant.text import terms, tokens


def test_letters_and_digits_are_separate_tokens():
    assert terms("We hold ISO9001 and SOC1") == terms("We hold ISO 9001 and SOC 1")


def test_numbers_with_slash_or_decimals_stay_whole():
    assert tokens("open 24/7 at 3.15 each") == ["open", "24/7", "at", "3.15", "each"]


def test_one_letter_prefix_joins_its_word():
    assert terms("e-billing and x-ray") == terms("ebilling and xray")
    assert tokens("mon-fri") == ["mon", "fri"]


def test_abbreviations_and_slash_forms_are_spelt_out():
    assert terms("avg wkly volume w/ backups") == terms("average weekly volume with backups")


def test_a_one_edit_typo_matches_the_documents_word():
    vocabulary = frozenset(terms("invoice schedule"))
    (concept,) = _concepts("invoise", set(), vocabulary)
    assert frozenset(terms("invoice")) in concept.variants


def test_a_closed_compound_matches_its_two_written_words():
    assert frozenset({"web", "portal"}) in _compound_parts("webportal", frozenset({"web", "portal"}))
    assert _compound_parts("webportal", frozenset({"webportal"})) == ()
