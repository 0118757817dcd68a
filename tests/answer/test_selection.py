"""Which statements the engine shows: a price question needs an amount; two cells with the
same row headers on different rows are different cases, not a contradiction."""

from __future__ import annotations

from assistant.answer.evidence import Evidence
from assistant.answer.grounded import _gives_a_price, _same_row, _wants_a_value
from assistant.answer.question import plan_question
from assistant.models import TableCell
from assistant.reading.statements import Statement

VENDORS = ["Corvid Peak"]


def test_a_question_naming_a_price_wants_an_amount():
    assert _wants_a_value(plan_question("What set-up fee does Corvid Peak charge?", VENDORS))
    assert _wants_a_value(plan_question("How much is Corvid Peak's interpreter surcharge?", VENDORS))
    # Beside a named kind ('weekend' asks for hours too) it still wants a price; beside another
    # kind of value ('how long'), the rule stands aside.
    assert _wants_a_value(plan_question("How much is Corvid Peak's weekend surcharge?", VENDORS))
    assert not _wants_a_value(plan_question("How long is Corvid Peak's set-up fee period?", VENDORS))


def test_other_questions_do_not_need_an_amount():
    for question in ("How much coaching do Corvid Peak's agents get?",  # a quantity, not a price
                     "Does Corvid Peak charge a set-up fee?",  # a yes or no
                     "Which currency are Corvid Peak's rates in?",
                     "How long is Corvid Peak's notice period?"):
        assert not _wants_a_value(plan_question(question, VENDORS)), question


def _cell_evidence(row: int, value: str) -> Evidence:
    cell = TableCell(row, 2, value, ("Leeds / Chat",), ("Rate",), 0, 10)
    statement = Statement("d.pdf", "Corvid Peak", 4, row * 100, row * 100 + 10,
                          f"Leeds / Chat — Rate: {value}", cell=cell)
    return Evidence(statement, {}, 0.5)


def test_cells_of_one_row_are_one_case_and_of_two_rows_two():
    first, again, second = _cell_evidence(1, "$20.10"), _cell_evidence(1, "$20.10"), _cell_evidence(2, "$21.40")
    assert _same_row(first, again)
    assert not _same_row(first, second)


def _sentence_evidence(text: str) -> Evidence:
    from assistant.reading.mentions import read

    return Evidence(Statement("d.pdf", "Corvid Peak", 4, 0, len(text), text, mentions=tuple(read(text))), {}, 0.5)


def test_a_price_is_an_amount_a_share_of_a_price_or_a_way_of_charging():
    assert _gives_a_price(_sentence_evidence("The set-up fee is EUR 9,500."))
    assert _gives_a_price(_sentence_evidence("Weekend hours carry a 20% surcharge."))
    assert _gives_a_price(_sentence_evidence("We bill per handled minute."))
    assert not _gives_a_price(_sentence_evidence("Set-up is included in the transition plan."))
    assert not _gives_a_price(_sentence_evidence("Weekend staffing is 20% lower."))


def _prose_evidence(text: str, features: dict[str, float]) -> Evidence:
    from assistant.reading.mentions import read

    statement = Statement("d.pdf", "Corvid Peak", 6, len(text), 2 * len(text), text, mentions=tuple(read(text)))
    return Evidence(statement, features, 0.5)


def test_a_figure_for_another_site_than_asked_is_no_contradiction():
    from assistant.answer.grounded import GroundedAnswerer

    answerer = GroundedAnswerer.__new__(GroundedAnswerer)
    answerer.subject = "proposals"
    plan = plan_question("What was agent attrition at Corvid Peak's Leeds site?", VENDORS)
    base = {"coverage": 1.0, "qualifier_agrees": 1.0}
    best = _prose_evidence("Agent attrition last year: 18%.", {**base, "qualifier_conflicts": 0.0})
    other_site = _prose_evidence("Agent attrition last year: 26%.", {**base, "qualifier_conflicts": 0.5})
    same_site = _prose_evidence("Attrition for the year was 21%.", {**base, "qualifier_conflicts": 0.0})
    assert not answerer._adds(plan, [best], other_site)
    assert answerer._adds(plan, [best], same_site)  # the vendor contradicts itself: both shown


def _day_cell(row: int, col: int, day_header: str, value: str) -> Evidence:
    cell = TableCell(row, col, value, ("Leeds / Voice",), (day_header,), 0, 10)
    statement = Statement("d.pdf", "Corvid Peak", 4, row * 100 + col, row * 100 + col + 5,
                          f"Leeds / Voice — {day_header}: {value}", cell=cell)
    return Evidence(statement, {}, 0.5)


def test_the_column_for_the_day_asked_answers_for_that_day():
    from assistant.answer.grounded import for_asked_days

    weekdays = _day_cell(1, 2, "Mon–Fri", "£21.00")
    weekend = _day_cell(1, 3, "Saturday and Sunday", "£26.50")
    picked = for_asked_days("What does Corvid Peak charge for Leeds voice on Saturdays?", [weekdays, weekend])
    assert picked == [weekend]
    assert for_asked_days("Corvid Peak's weekday rate for Leeds voice?", [weekdays, weekend]) == [weekdays]


def test_day_columns_stay_when_no_day_is_asked_or_none_covers_it():
    from assistant.answer.grounded import for_asked_days

    weekdays = _day_cell(1, 2, "Mon–Fri", "£21.00")
    weekend = _day_cell(1, 3, "Saturday and Sunday", "£26.50")
    both = [weekdays, weekend]
    assert for_asked_days("What does Corvid Peak charge for Leeds voice?", both) == both
    # No chosen column covers Sunday: the engine does not guess which one holds it.
    only_weekdays = [weekdays, _day_cell(1, 4, "Monday to Thursday", "£20.00")]
    assert for_asked_days("Corvid Peak's Sunday rate for Leeds voice?", only_weekdays) == only_weekdays
    # A sentence, with no headers, is never dropped.
    sentence = _sentence_evidence("Saturday voice costs £26.50 per hour.")
    assert for_asked_days("Corvid Peak's Saturday rate?", [weekdays, weekend, sentence]) == [weekend, sentence]


def test_spans_of_days_cover_every_day_between():
    from assistant.reading.quantities import days_covered

    assert days_covered("Monday to Saturday") == frozenset({"Mon", "Tue", "Wed", "Thu", "Fri", "Sat"})
    assert days_covered("Sunday and public holidays") == frozenset({"Sun"})
    assert days_covered("Fri-Mon") == frozenset({"Fri", "Sat", "Sun", "Mon"})
    assert days_covered("We handle chat in English") == frozenset()


def test_a_span_of_charges_is_a_price():
    assert _gives_a_price(_sentence_evidence("Leaving early costs three months of service fees."))
    assert _gives_a_price(_sentence_evidence("An exit payment equal to six months' charges applies."))
    assert not _gives_a_price(_sentence_evidence("After 6 months of operation we review staffing."))
    assert not _gives_a_price(_sentence_evidence("Implementation takes 4 months; invoices follow."))
