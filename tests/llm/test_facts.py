"""The check of an answer's sentence against the passage it cites: a passage quoted whole is read
in its own context, and a possessive names what it possesses."""

from __future__ import annotations

from assistant.llm.facts import unsupported

KNOWN = {"corvid peak"}
CONDITIONAL = ("Where a target is missed in a month, a credit of 2% of the seat fees applies, "
               "with total credits capped at 9% of the invoice.")


def test_a_passage_quoted_whole_says_what_the_passage_says():
    assert unsupported(f'Corvid Peak: "{CONDITIONAL}"', CONDITIONAL, KNOWN) == []
    # The closing full stop an answer adds to a cell or a heading-less line changes nothing.
    cell = "Chat / Welsh — Rate (GBP per hour): 14.05"
    assert unsupported(f'Corvid Peak: "{cell}."', cell, KNOWN) == []
    # Of several cited passages, each one quoted whole.
    other = "Credits are earned back after three good months."
    both = f"{CONDITIONAL}\n{other}"
    assert unsupported(f'Corvid Peak: "{CONDITIONAL}" "{other}"', both, KNOWN) == []


def test_part_of_a_passage_quoted_out_of_its_context_is_still_checked():
    # 'capped at 9%' alone drops the condition the passage opens with.
    assert unsupported('Corvid Peak: credits are "capped at 9% of the invoice"', CONDITIONAL, KNOWN)
    # The claim's own words around a whole quotation are checked as before.
    held = "PCI DSS — Status: Not held"
    assert unsupported(f'Corvid Peak holds PCI DSS: "{held}."', held, KNOWN)
    assert unsupported(f'Corvid Peak charges 12%: "{CONDITIONAL}"', CONDITIONAL, KNOWN)
    # A quotation that is not the passage is no passage.
    assert unsupported('Corvid Peak: "Total credits are capped at 9%."', CONDITIONAL, KNOWN)


def test_a_possessive_names_its_owner():
    passage = "Agents work inside Harwell's CRM console from day one."
    assert unsupported("Agents use Harwell's CRM console.", passage, KNOWN) == []
    assert unsupported("Agents use the Harwell CRM console.", passage, KNOWN) == []
    # Negative control: a name the passage does not hold, possessive or not.
    assert unsupported("Agents use Dunmore's CRM console.", passage, KNOWN)
