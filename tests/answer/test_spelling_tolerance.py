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


def test_a_letter_doubled_or_undoubled_by_mistake_is_still_the_word():
    from assistant.answer.question import plan_question

    vocabulary = terms("Monthly minimum billing; the address of our office")
    plan = plan_question("Corvid Peak minimum monthly biling?", ["Corvid Peak"], vocabulary=vocabulary)
    assert any(frozenset(terms("billing")) in c.variants for c in plan.concepts)
    plan = plan_question("What is the adress of the office?", ["Corvid Peak"], vocabulary=vocabulary)
    assert any(frozenset(terms("address")) in c.variants for c in plan.concepts)


def test_a_word_the_documents_use_is_left_as_it_is():
    from assistant.answer.question import plan_question

    plan = plan_question("Is the pilot billed?", ["Corvid Peak"], vocabulary=terms("pilot billed pill"))
    assert any(c.surface == "pilot" and frozenset({"pilot"}) in c.variants for c in plan.concepts)
