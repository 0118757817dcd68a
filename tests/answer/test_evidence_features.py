"""Features of a candidate statement: a bare-number table cell as a price, a share as a price
only beside a price word, and the share of the asked kinds a statement gives."""

from __future__ import annotations

from assistant.answer.evidence import cell_amount, features
from assistant.answer.question import plan_question
from assistant.models import TableCell
from assistant.reading.mentions import read
from assistant.reading.statements import Statement

VENDORS = ["Corvid Peak"]


def _cell(value: str, row: tuple[str, ...], col: tuple[str, ...], heading: str = "",
          unit_hint: str | None = None) -> Statement:
    text = f"{' / '.join(row)} — {' / '.join(col)}: {value}"
    cell = TableCell(1, 1, value, row, col, 0, len(text))
    return Statement("d.pdf", "Corvid Peak", 3, 0, len(text), text, heading, cell=cell,
                     mentions=tuple(read(text)), unit_hint=unit_hint)


def _sentence(text: str, heading: str = "") -> Statement:
    return Statement("d.pdf", "Corvid Peak", 3, 0, len(text), text, heading, mentions=tuple(read(text)))


def _features(question: str, statement: Statement) -> dict[str, float]:
    plan = plan_question(question, VENDORS)
    return features(plan, statement, 0.5, [1.0] * len(plan.concepts), ())


def test_a_bare_number_under_a_currency_or_price_header_is_a_price():
    assert cell_amount(_cell("12,300", ("Onboarding",), ("Amount (EUR)",)))
    assert cell_amount(_cell("0.93", ("Spanish",), ("Voice",), heading="7.2 Price list"))
    assert cell_amount(_cell("3.15", ("Email",), ("Leeds",), unit_hint="contact"))


def test_a_bare_number_without_a_price_around_it_is_no_price():
    assert not cell_amount(_cell("420", ("Leeds",), ("Seats",), heading="Our sites"))
    assert not cell_amount(_cell("640", ("Leeds",), ("Seats",), unit_hint="contact"))  # no decimals
    assert not cell_amount(_cell("Included", ("Training",), ("Amount (EUR)",)))
    assert not cell_amount(_sentence("We charge 12,300 for onboarding."))


def test_a_price_cell_gives_the_money_a_question_asks_for():
    found = _features("How much is Corvid Peak's onboarding charge?",
                      _cell("12,300", ("Onboarding",), ("Amount (EUR)",)))
    assert found["kind_present"] == 1.0 and found["kind_missing"] == 0.0


def test_a_share_is_a_price_only_beside_a_price_word():
    question = "What fee does Corvid Peak charge in Leeds?"
    assert _features(question, _sentence("Weekend work carries a 15% surcharge."))["kind_present"] == 1.0
    assert _features(question, _sentence("Agent turnover in Leeds was 31% last year."))["kind_missing"] == 1.0


def test_a_statement_giving_both_asked_kinds_outscores_one_giving_one():
    question = "Corvid Peak trial length and size?"
    both = _features(question, _sentence("The trial runs for 10 weeks with 18 agents."))
    one = _features(question, _sentence("The trial runs for 10 weeks."))
    assert both["kind_present"] == 1.0
    assert one["kind_present"] == 0.5 and one["kind_missing"] == 0.0


def test_a_yes_or_no_question_is_answered_without_the_kind_its_topic_names():
    sentence = _sentence("If you prefer, our agents can log in to your own phone system after a review.")
    asked = _features("Could we keep our own telephony platform with Corvid Peak?", sentence)
    assert asked["kind_missing"] == 0.0
    which = _features("Which telephony platform does Corvid Peak run on?", sentence)
    assert which["kind_missing"] == 1.0


def test_a_statement_naming_the_asked_case_among_others_is_less_about_it():
    question = "What does Corvid Peak charge per hour for Portuguese voice?"
    mixed = _features(question, _sentence("Portuguese and Italian voice agents are billed at EUR 31 per hour."))
    alone = _features(question, _sentence("Portuguese voice agents are billed at EUR 29 per hour."))
    other = _features(question, _sentence("Italian voice agents are billed at EUR 27 per hour."))
    assert mixed["qualifier_shared"] > 0
    assert alone["qualifier_shared"] == 0 and other["qualifier_shared"] == 0  # another language only: a conflict


def test_the_lead_is_how_far_a_candidate_stands_above_the_best_of_the_others():
    from assistant.answer.evidence import Evidence, with_lead

    statements = [_sentence(t) for t in ("Notice is 90 days.", "Notice is given in writing.", "Term: 3 years.")]
    ranked = with_lead([Evidence(s, {"lead": 0.0}, p) for s, p in zip(statements, (0.9, 0.5, 0.2))])
    assert [round(e.features["lead"], 2) for e in ranked] == [0.4, -0.4, -0.7]
    assert with_lead([Evidence(statements[0], {"lead": 0.0}, 0.6)])[0].features["lead"] == 0.6


def test_a_count_of_something_else_does_not_answer_how_many():
    from assistant.answer.evidence import counts_something_else

    plan = plan_question("How many loading docks does Corvid Peak's Leeds warehouse have?", VENDORS)
    assert counts_something_else(plan, _sentence("Our Leeds centre has 640 seats."))
    assert not counts_something_else(plan, _sentence("The Leeds warehouse has 4 loading docks."))
    # a qualifier among the counted words is not what is counted: agents are
    agents = plan_question("How many Welsh agents will Corvid Peak staff?", VENDORS)
    assert not counts_something_else(agents, _sentence("We will staff 12 agents for the Welsh line."))
    assert not counts_something_else(plan_question("What does Corvid Peak charge?", VENDORS),
                                     _sentence("Our Leeds centre has 640 seats."))
