"""The sentence beside the answer that qualifies it, and the section preferred over a summary
that repeats it (assistant/answer/neighbours.py). Sentences made up for these tests."""

from __future__ import annotations

from assistant.answer.evidence import Evidence
from assistant.answer.neighbours import (
    better_source,
    qualifies,
    qualifying_neighbour,
    restated,
    status_cues,
)
from assistant.answer.question import plan_question
from assistant.reading.mentions import read
from assistant.reading.statements import Statement, sums_up

VENDORS = ["Corvid Peak"]


def _evidence(text: str, heading: str = "", score: float = 0.8, page: int = 5) -> Evidence:
    statement = Statement("corvid.pdf", "Corvid Peak", page, 0, len(text), text, heading=heading,
                          mentions=tuple(read(text)))
    return Evidence(statement, {}, score)


def test_a_condition_or_a_hedge_is_a_status_cue_a_plain_statement_none():
    def cues(text: str) -> frozenset[str]:
        return status_cues(_evidence(text).statement)

    assert cues("We could add Saturday cover from Leeds if volumes justify it.")
    assert cues("We do not offer Saturday cover from Leeds.")
    assert cues("We might be able to extend this later, subject to agreement.")  # names nothing
    assert not cues("Saturday cover runs from 08:00 to 18:00.")
    # A negation that qualifies no mention is as often a turn of phrase.
    assert not cues("Credits are the sole remedy, without prejudice to other rights.")


def test_a_neighbour_with_a_new_status_on_the_asked_topic_qualifies_the_answer():
    plan = plan_question("Does Corvid Peak cover Saturdays?", VENDORS)
    best = _evidence("Saturday cover is not part of our base offer.")
    condition = _evidence("We could add Saturday cover from Leeds if volumes justify it.")
    assert qualifies(plan, best, condition)


def test_a_neighbour_on_another_topic_or_with_the_same_status_does_not():
    plan = plan_question("Does Corvid Peak cover Saturdays?", VENDORS)
    best = _evidence("Saturday cover is not part of our base offer.")
    elsewhere = _evidence("We may refresh our agent scripts once a year.")
    same = _evidence("Saturday cover is not offered from Leeds either.")
    assert not qualifies(plan, best, elsewhere)
    assert not qualifies(plan, best, same)


def test_only_a_sentence_beside_the_best_is_taken():
    plan = plan_question("Does Corvid Peak cover Saturdays?", VENDORS)
    best = _evidence("Saturday cover is not part of our base offer.")
    beside = _evidence("We could add Saturday cover from Leeds if volumes justify it.")
    far = _evidence("Saturday cover could be priced separately if requested.")
    def around(statement):
        return None, beside.statement

    assert qualifying_neighbour(plan, best, [far, beside], around) is beside
    assert qualifying_neighbour(plan, best, [far], around) is None


def test_headings_that_sum_up_the_proposal():
    for heading in ("Executive Summary", "1. At a glance", "Our offer in brief", "Highlights",
                    "Summary", "2. Summary of our offer", "Pricing summary"):
        assert sums_up(heading), heading
    for heading in ("4. Training and onboarding", "Brief history of Corvid Peak", "Pricing",
                    "Summer peak staffing"):
        assert not sums_up(heading), heading


def test_the_section_is_cited_rather_than_the_summary_that_repeats_it():
    plan = plan_question("How does Corvid Peak use homeworkers?", VENDORS)
    summary = _evidence("Homeworkers take overflow calls only.", "Executive summary", 0.9, page=2)
    section = _evidence("Homeworkers are kept in reserve and take overflow calls only in peaks.",
                        "5. Delivery model", 0.8, page=7)
    other = _evidence("Homeworkers receive the same induction as office staff.",
                      "5. Delivery model", 0.85, page=7)
    assert restated(plan, summary, section) > restated(plan, summary, other)
    assert better_source(plan, summary, [other, section], 0.7) is section
    assert better_source(plan, summary, [other], 0.7) is None  # says something else
    weak = _evidence(section.quote, "5. Delivery model", 0.3, page=7)
    assert better_source(plan, summary, [weak], 0.7) is None  # far weaker a candidate


def test_the_section_named_by_the_question_is_cited_for_the_same_value():
    plan = plan_question("How long is Corvid Peak's onboarding course?", VENDORS)
    table = _evidence("Onboarding course — Duration: a 4-week course at the Leeds academy.",
                      "9.1 Rate card", 0.9, 12)
    section = _evidence("The onboarding course lasts 4 weeks.", "Onboarding", 0.85, 6)
    differs = _evidence("The onboarding course lasts 6 weeks.", "Onboarding", 0.85, 6)
    assert better_source(plan, table, [section], 0.7) is section
    assert better_source(plan, table, [differs], 0.7) is None  # another value: no restatement
    # Where the chosen statement's own heading names what was asked, it stays.
    named = _evidence(table.quote, "Onboarding costs", 0.9, 12)
    assert better_source(plan, named, [section], 0.7) is None


def test_the_same_language_or_site_is_no_restatement_of_a_price():
    plan = plan_question("What is Corvid Peak's monthly rate for a Welsh-speaking adviser in Cardiff?",
                         VENDORS)
    rate = _evidence("Welsh-speaking adviser — Cardiff: GBP 3,400", "Executive summary", 0.9, 2)
    example = _evidence("Welsh-speaking advisers in Cardiff — Monthly total: GBP 13,600", "Worked example",
                        0.85, 9)
    assert restated(plan, rate, example) == 0.0
    assert better_source(plan, rate, [example], 0.7) is None


def test_a_summary_sentence_of_several_facts_is_restated_by_the_one_asked():
    plan = plan_question("Which Corvid Peak site handles Welsh?", VENDORS)
    summary = _evidence("English voice and chat from all four sites; Welsh from our Cardiff site.",
                        "Executive summary", 0.9, 2)
    section = _evidence("Welsh is answered from our Cardiff site only.", "Languages", 0.8, 8)
    assert restated(plan, summary, section) == 1.0
    assert better_source(plan, summary, [section], 0.7) is section
