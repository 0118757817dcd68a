"""A question about the cap of one thing is not answered by the cap of another."""

from __future__ import annotations

import pytest

from assistant.answer.caps import caps_something_else
from assistant.answer.question import plan_question


def _caps_else(question: str, statement: str) -> bool:
    return caps_something_else(plan_question(question, ["Orrin Basalt"]), statement)


@pytest.mark.parametrize("question", ["Is there a cap on price increases?", "What is the indexation ceiling?",
                                      "Does Orrin Basalt limit annual rate rises?"])
@pytest.mark.parametrize("statement", [
    "Our aggregate liability under this agreement is capped at twelve months of fees.",
    "Liability cap — Amount: 12 months of charges",
    "We accept a cap on liability equal to one year of charges.",
])
def test_a_liability_cap_is_no_cap_on_price_rises(question, statement):
    assert _caps_else(question, statement)


@pytest.mark.parametrize("statement", [
    "Annual price increases are capped at 3%.",
    "Indexation is limited to CPI plus one point.",
    "Rates are fixed for two years, then capped at 4%.",
    "A cap of 3% applies to yearly increases.",
    "The liability cap is 100% of annual fees; rate increases are capped at CPI.",
    "Any uplift will be capped at 4%.",
])
def test_a_cap_on_what_is_asked_answers(statement):
    assert not _caps_else("Is there a cap on price increases?", statement)


def test_a_cap_naming_nothing_it_bounds_may_answer():
    assert not _caps_else("Is there a cap on price increases?", "Capped at 4% a year.")


def test_a_price_cap_is_no_liability_cap():
    assert _caps_else("Is the supplier's liability capped?", "Any uplift will be capped at 4%.")
    assert not _caps_else("Is the supplier's liability capped?", "Liability cap — Amount: 12 months of charges")


def test_a_count_limited_to_a_number_of_the_asked_thing_answers():
    assert not _caps_else("Is there a limit on the number of pilot agents?", "The pilot is limited to 40 agents.")


def test_questions_about_no_cap_are_left_alone():
    assert not _caps_else("What is the hourly rate?", "Our liability is capped at twelve months of fees.")


@pytest.mark.parametrize("statement", [
    "Yearly rate review: each March, capped at 3.5%.",
    "Indexation: euro rates by HICP; sterling rates by UK CPI; in both cases capped at 5% a year.",
    "Price review / Yearly — Position: capped at 4%",
])
def test_a_label_or_an_earlier_list_item_names_what_is_capped(statement):
    assert not _caps_else("Is there a cap on annual price increases?", statement)


def test_a_cap_in_brackets_bounds_the_label_before_it():
    statement = "Service credits: 2% of the invoice per missed target, with a maximum (cap) of 8% a month."
    assert not _caps_else("Is there a cap on service credits?", statement)


def test_a_heading_naming_the_asked_thing_lets_its_sentence_answer():
    plan = plan_question("Is there a cap on price increases?", ["Orrin Basalt"])
    assert not caps_something_else(plan, "Each review is capped at 4% a year.", "Price increases")
    assert caps_something_else(plan, "Each review is capped at 4% a year.", "Limitation of liability")


def test_words_saying_how_much_name_nothing_capped():
    assert not _caps_else("Is there a cap on service credits?", "Overall cap: credits never exceed 9% of a month's invoice.")
    assert not _caps_else("Is there a cap on price increases?", "The total is capped at 4% a year.")


def test_a_maximum_of_one_thing_is_no_cap_on_another():
    assert _caps_else("What is the cap on the supplier's liability?", "The maximum of service credits is 5% of the invoice.")
    assert not _caps_else("Is there a cap on service credits?", "Service credits: maximum 6% per month.")
