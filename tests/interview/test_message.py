"""How a message's segments are read: headings, anecdotes and their exceptions."""

from __future__ import annotations

from assistant.interview.message import Message
from assistant.interview.plan import load_plan


def _roles(text: str) -> dict[str, object]:
    message = Message(text, load_plan())
    return {message.segment_text(i).strip(): r for i, r in enumerate(message.roles)}


def test_a_heading_gives_its_priority_to_the_lines_below_it():
    roles = _roles("Desirable requirements:\n- Polish speakers\n- Weekend chat\n\nWe use Zendesk.")
    assert roles["- Polish speakers"].priority == "nice"
    assert roles["- Weekend chat"].priority == "nice"
    assert roles["We use Zendesk."].priority is None  # after the blank line


def test_a_heading_without_a_priority_ends_the_one_before():
    roles = _roles("Mandatory:\n- UK agents\nBackground:\n- We run two sites today")
    assert roles["- UK agents"].priority == "must"
    assert roles["- We run two sites today"].priority is None


def test_a_colon_inside_a_line_is_no_heading():
    message = Message("Essential: UK agents. Other things are open.", load_plan())
    assert not any(message.is_heading(i) for i in range(len(message.segments)))


def test_a_story_leaves_the_requirement_before_it_and_the_consequence_after_it_stated():
    roles = _roles(
        "Call data must stay in Canada - we had a breach in 2021, a mess - so audit rights are essential."
    )
    assert not roles["Call data must stay in Canada"].past
    assert roles["we had a breach in 2021, a mess"].past
    assert not roles["so audit rights are essential."].past


def test_an_organisations_age_is_no_anecdote():
    roles = _roles("We're a credit union, founded in 1987, with 12 branches.")
    assert not any(r.past for r in roles.values())
    assert _roles("Our old vendor, founded in 1990, lost the contract last year.")[
        "Our old vendor, founded in 1990, lost the contract last year."
    ].past
