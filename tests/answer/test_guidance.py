"""Advice questions are answered from the knowledge base, cited as guidance:<id>, kept apart from vendor facts."""

from __future__ import annotations

from assistant.answer.question import is_guidance_question
from assistant.knowledge import load_guidance
from assistant.text import quote_in_page

VENDORS = ["Meridian", "Atlas"]


def test_routing_sends_advice_to_guidance_and_facts_to_proposals():
    assert is_guidance_question("What should an SLA include?", VENDORS)
    assert is_guidance_question("What is a good first contact resolution target?", VENDORS)
    assert is_guidance_question("Which questions should we ask about attrition?", VENDORS)
    assert not is_guidance_question("What is Meridian's attrition?", VENDORS)
    assert not is_guidance_question("What should Meridian's pilot include?", VENDORS)
    assert not is_guidance_question("Which vendors hold ISO 27001?", VENDORS)


def test_guidance_answer_cites_real_items_with_verified_quotes(sample_workspace):
    base = load_guidance()
    answer = sample_workspace.ask("What hidden charges should we watch for in pricing?")
    assert not answer.abstained
    assert answer.citations and all(c.source == "guidance" for c in answer.citations)
    for citation in answer.citations:
        item = base.get(citation.document)
        assert item is not None, citation.document
        assert quote_in_page(citation.quote, item.as_text())
    assert "price-hidden-charges" in {c.document.removeprefix("guidance:") for c in answer.citations}


def test_vendor_questions_never_cite_guidance(sample_workspace):
    answer = sample_workspace.ask("What is Meridian's attrition?")
    assert answer.citations and all(c.source == "proposal" for c in answer.citations)


def test_guidance_abstains_off_topic(make_workspace):
    answer = make_workspace("guidance-only").ask("What should we know about the capital of Peru?")
    assert answer.abstained and answer.citations == ()
    assert answer.text.startswith("The guidance notes do not say")
