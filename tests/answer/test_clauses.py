"""The answering clause of a statement whose other clause gives another value of the asked kind."""

from __future__ import annotations

from assistant.answer.clauses import clauses, focused
from assistant.answer.evidence import Evidence
from assistant.answer.question import plan_question
from assistant.reading.mentions import read
from assistant.reading.statements import Statement

VENDORS = ["Corvid Peak"]


def _evidence(text: str) -> Evidence:
    statement = Statement("d.pdf", "Corvid Peak", 2, 500, 500 + len(text), text, mentions=tuple(read(text)))
    return Evidence(statement, {}, 0.5)


def test_clauses_split_at_semicolons_and_full_stops():
    text = "Onboarding takes 3 weeks; refresher courses run 2 days. Coaching is weekly."
    assert [text[a:b] for a, b in clauses(text)] == [
        "Onboarding takes 3 weeks", "refresher courses run 2 days.", "Coaching is weekly."]
    assert clauses("Version 2.5 applies.") == [(0, len("Version 2.5 applies."))]


def test_the_clause_about_what_was_asked_is_quoted_alone():
    plan = plan_question("How long is Corvid Peak's onboarding?", VENDORS)
    found = focused(plan, _evidence("Onboarding takes 3 weeks; refresher courses run 2 days."))
    assert found.quote == "Onboarding takes 3 weeks"
    assert found.statement.start == 500 and found.statement.end == 500 + len("Onboarding takes 3 weeks")
    assert all(m.start >= 0 and m.end <= len(found.quote) for m in found.statement.mentions)


def test_a_statement_is_kept_whole_without_a_competing_value():
    plan = plan_question("How long is Corvid Peak's onboarding?", VENDORS)
    whole = "Onboarding takes 3 weeks; it is run by our own trainers."
    assert focused(plan, _evidence(whole)).quote == whole
    # Both clauses say what was asked: no one clause is the answer.
    both = "Onboarding takes 3 weeks; onboarding for team leads takes 5 weeks."
    assert focused(plan, _evidence(both)).quote == both
    # A question asking for no value (a yes or no on a status) keeps the statement whole.
    status = plan_question("Is Corvid Peak ISO 27001 certified?", VENDORS)
    text = "ISO 27001: certified in 2024; renewal audit due in 3 months."
    assert focused(status, _evidence(text)).quote == text


def test_a_question_asking_two_values_keeps_the_clauses_that_give_them():
    plan = plan_question("Corvid Peak trial length and size?", VENDORS)
    text = "The trial runs 6 weeks; 14 agents take part."
    assert focused(plan, _evidence(text)).quote == text


def test_a_clause_that_goes_on_with_its_value_first_or_a_pronoun_keeps_the_statement_whole():
    plan = plan_question("What average handle time does Corvid Peak target?", VENDORS)
    elided = "Average handle time is 6 minutes for voice; 9 minutes for email."
    assert focused(plan, _evidence(elided)).quote == elided
    onboarding = plan_question("How long is Corvid Peak's onboarding?", VENDORS)
    restated = "Onboarding takes 3 weeks; that is 120 hours in all."
    assert focused(onboarding, _evidence(restated)).quote == restated
    # A clause naming its own subject before its value is another thing's value.
    other = "Onboarding takes 3 weeks; refresher courses run 2 days."
    assert focused(onboarding, _evidence(other)).quote == "Onboarding takes 3 weeks"
