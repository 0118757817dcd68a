"""A sentence that goes on from the one before ('They are capped at 4%') is read with it."""

from __future__ import annotations

from assistant.answer.evidence import features, goes_on
from assistant.answer.question import plan_question
from assistant.index.statements import StatementIndex
from assistant.reading.mentions import read
from assistant.reading.statements import Statement


def _sentence(text: str, start: int, heading: str = "9.1 Fees") -> Statement:
    return Statement("d.pdf", "Corvid Peak", 4, start, start + len(text), text, heading, mentions=tuple(read(text)))


def test_a_sentence_opening_with_a_pronoun_goes_on():
    assert goes_on("They rise by at most 4% a year.")
    assert goes_on("After that, it is reviewed every quarter.")
    assert not goes_on("Hourly prices rise by at most 4% a year.")
    assert not goes_on("Theyre is no such word.")


def test_the_sentence_before_is_the_context_of_one_that_goes_on():
    first = _sentence("Hourly prices stay fixed in year one.", 0)
    second = _sentence("They rise by at most 4% a year after that.", 40)
    plan = plan_question("By how much can Corvid Peak raise its hourly prices?", ["Corvid Peak"])
    weights = [1.0] * len(plan.concepts)
    alone = features(plan, second, 0.5, weights, ())
    read_on = features(plan, second, 0.5, weights, (), before=first.text)
    assert read_on["context_coverage"] > alone["context_coverage"]
    # A sentence that does not go on keeps its own context.
    third = _sentence("Parking is free for visitors.", 90)
    assert features(plan, third, 0.5, weights, (), before=first.text)["context_coverage"] == \
        features(plan, third, 0.5, weights, ())["context_coverage"]


def test_the_passage_neighbours_are_sentences_of_one_page_and_heading():
    first, second = _sentence("Prices are fixed.", 0), _sentence("They rise later.", 20)
    other = _sentence("A new section starts.", 40, heading="9.2 Invoicing")
    index = StatementIndex([first, second, other], {})
    assert index.following(first) is second and index.previous(second) is first
    assert index.following(second) is None and index.previous(first) is None
