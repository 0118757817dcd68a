"""A statement about another site, language or channel than the question names does not answer it."""

from __future__ import annotations

from assistant.answer.evidence import other_case
from assistant.answer.question import plan_question
from assistant.reading.mentions import read

VENDORS = ["Corvid Peak"]


def _other(question: str, statement: str) -> bool:
    plan = plan_question(question, VENDORS)
    return other_case(plan.qualifiers, tuple(read(statement)), plan.query)


def test_another_sites_figure_is_another_case():
    question = "What is agent attrition at Corvid Peak's Nairobi centre?"
    assert _other(question, "Agent attrition at our Lagos centre was 29% last year.")
    assert not _other(question, "Agent attrition at our Nairobi centre was 24% last year.")
    # A city in the asked country, or no place at all, is not another case.
    assert not _other("What is attrition at Corvid Peak's Kenyan hubs?", "Attrition in Nairobi is 24%.")
    assert not _other(question, "Agent attrition averaged 24% across the programme.")


def test_a_place_where_customers_are_is_not_a_site_asked():
    question = "Can Corvid Peak serve our customers in Ontario in French?"
    assert not _other(question, "French is answered from our Lagos centre.")


def test_another_channel_or_language_is_another_case():
    assert _other("What is Corvid Peak's chat abandonment target?", "Voice abandonment stays below 5%.")
    assert not _other("What is Corvid Peak's chat abandonment target?", "Chat abandonment stays below 3%.")
    assert _other("What does Corvid Peak charge for German email?", "Italian email costs EUR 2.10 per contact.")
