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


def _unnamed(question: str, cell: str, beside: list[str]) -> bool:
    from assistant.answer.evidence import unnamed_case

    plan = plan_question(question, VENDORS)
    mates = tuple(m for text in beside for m in read(text))
    return unnamed_case(plan.qualifiers, tuple(read(cell)), mates, plan.query)


def test_a_row_naming_no_site_among_other_sites_rows_answers_for_none():
    question = "What is agent attrition at Corvid Peak's Nairobi centre?"
    beside = ["Agent attrition — Lagos hub: 29%", "Agent attrition — Accra hub: 22%"]
    assert _unnamed(question, "Agent attrition — Energy clients: 19%", beside)
    # The asked site among the rows: the unnamed row may be its total; and the asked site's
    # own row, or a table that names no sites at all, are no such case.
    assert not _unnamed(question, "Agent attrition — Energy clients: 19%", [*beside, "Agent attrition — Nairobi: 24%"])
    assert not _unnamed(question, "Agent attrition — Energy clients: 19%", ["Agent attrition — Telecom clients: 31%"])
    # A question about no site in particular takes the row as it is.
    assert not _unnamed("What is agent attrition at Corvid Peak?", "Agent attrition — Energy clients: 19%", beside)


def _whole(question: str, statement: str) -> bool:
    from assistant.answer.evidence import whole_company_for_a_site

    plan = plan_question(question, VENDORS)
    return whole_company_for_a_site(plan.qualifiers, tuple(read(statement)), statement, plan.query)


def test_a_whole_company_figure_does_not_answer_for_one_site():
    question = "What is agent attrition at Corvid Peak's Nairobi centre?"
    assert _whole(question, "Group-wide agent attrition was 27% last year.")
    assert _whole(question, "Attrition across all our contact centres averaged 27%.")
    assert _whole(question, "Attrition in every one of our hubs stayed below 30%.")
    # A country that holds the site is not the site.
    assert _whole(question, "Across all accounts attrition was 27%, below the Kenyan market average.")
    # The site named beside the whole's figure, a figure with no scope word, a question
    # about no site in particular: none of them is this case.
    assert not _whole(question, "Across all our centres attrition was 27%, and 21% in Nairobi.")
    assert not _whole(question, "Agent attrition averaged 24% across the programme.")
    assert not _whole("What is Corvid Peak's agent attrition?", "Group-wide agent attrition was 27% last year.")
    assert not _whole(question, "Emails are answered within 4 hours across all channels.")


def test_scope_words_are_a_construction_not_a_word():
    from assistant.answer.evidence import says_whole_company

    assert says_whole_company("a network-wide quality score of 91%")
    assert says_whole_company("measured over the entire business")
    assert not says_whole_company("the wide range of services in our business")
    assert not says_whole_company("all agents complete training")


def _misses(question: str, statement: str) -> bool:
    from assistant.answer.evidence import misses_asked_metric

    plan = plan_question(question, VENDORS)
    return misses_asked_metric(plan.qualifiers, tuple(read(statement)))


def test_a_statement_that_never_names_the_asked_metric_does_not_give_its_figure():
    question = "What is the staff turnover at Corvid Peak's Kisumu hub?"
    assert _misses(question, "Kisumu hub — seats: 310")
    assert _misses(question, "Kisumu calls are answered within 25 seconds, 80% of the time.")
    # The metric in the vendor's own words, or with a figure for another site, still names it.
    assert not _misses(question, "Agent attrition at the Kisumu hub was 18% in 2025.")
    assert not _misses(question, "Annual attrition in Mombasa: 26%")
    # A question that asks for no metric asks nothing of this kind.
    assert not _misses("How many seats does Corvid Peak have in Kisumu?", "Kisumu hub — seats: 310")


def test_any_asked_metric_or_a_figure_of_answer_speed_names_the_metric():
    assert not _misses("What are Corvid Peak's attrition and average tenure?", "Average agent tenure: 2.1 years")
    assert not _misses("What speed of answer does Corvid Peak commit to?", "Voice: 80% of calls answered in 20 seconds")
    assert _misses("What speed of answer does Corvid Peak commit to?", "Voice calls are answered from Kisumu.")
    assert _misses("What CSAT does Corvid Peak commit to?", "Voice: 80% of calls answered in 20 seconds")
