"""How a question is read: vendor names (short initials, a misspelt word), synonym families
(currencies, recovery objectives), measure words, and words for a kind of named thing."""

from __future__ import annotations

import pytest

from assistant.answer.question import plan_question
from assistant.ingest.identity import _aliases, _shorter_acronyms
from assistant.text import stem

VENDORS = ["Harrow & Finch", "Corvid Peak", "Meadowlark"]


def _concept(plan, word):
    return next(c for c in plan.concepts if word in c.surface)


@pytest.mark.parametrize(
    ("full", "display", "expected"),
    [
        ("Orrin Basalt Global Services", "Orrin Basalt", ["OBG"]),
        ("Harrow & Finch Contact Operations", "Harrow & Finch", ["HFC", "H&F"]),
        ("Clear Answer Network Services", "Clear Answer", []),  # 'CAN' is a word: left out
        ("Meadowlark Services", "Meadowlark", []),
    ],
)
def test_shorter_initials_of_a_long_name(full, display, expected):
    assert _shorter_acronyms(full, display) == expected


def test_a_vendor_named_by_its_shorter_initials_is_the_only_one_asked():
    aliases = {"Harrow & Finch": _aliases("Harrow & Finch", "Harrow & Finch Contact Operations Ltd", set(), "")}
    plan = plan_question("H&F notice period?", VENDORS, aliases)
    assert plan.vendors == ("Harrow & Finch",)
    assert plan_question("Any notice period?", VENDORS, aliases).vendors == tuple(VENDORS)


def test_a_misspelt_word_of_a_vendor_name_is_not_a_topic():
    plan = plan_question("corvid peek termination fee", VENDORS)
    assert plan.vendors == ("Corvid Peak",)
    assert "peek" not in plan.surface
    # Next to no name, a close word stays a topic.
    assert "peek" in plan_question("what does the peek season cost", VENDORS).surface


def test_a_currency_name_and_its_code_are_one_concept():
    plan = plan_question("Will Meadowlark bill us in Canadian dollars?", VENDORS)
    dollars = _concept(plan, "dollars")
    assert dollars.covered_by(frozenset({"cad", "invoic"}))
    assert not dollars.covered_by(frozenset({"eur"}))


def test_the_word_currency_is_said_by_any_currency():
    concept = _concept(plan_question("Which currency are Corvid Peak's rates in?", VENDORS), "currency")
    for words in ({"euro"}, {"gbp"}, {"sterl"}):
        assert concept.covered_by(frozenset(stem(w) for w in words))
    assert not concept.covered_by(frozenset({"rat", "month"}))


def test_recovery_time_and_recovery_point_are_not_one_concept():
    plan = plan_question("What recovery point objective does Meadowlark give?", VENDORS)
    rpo = _concept(plan, "recovery point")
    assert rpo.covered_by(frozenset({"rpo"}))
    assert not rpo.covered_by(frozenset({"recoveri", "rto", "object"}))


def test_measure_words_ask_for_a_kind_and_are_not_topics():
    plan = plan_question("Corvid Peak trial length and size?", VENDORS)
    assert plan.answer_kinds >= {"duration", "count"}
    assert plan.surface == ("trial",)


def test_a_word_for_sites_is_said_by_a_named_site():
    plan = plan_question("What does Meadowlark charge for chat from its hubs?", VENDORS)
    hubs = _concept(plan, "hubs")
    assert hubs.kind == "location"
    assert hubs.covered_by(frozenset({"chat"}), frozenset({"location"}))
    assert not hubs.covered_by(frozenset({"chat"}), frozenset({"language"}))
    assert _concept(plan, "chat").kind is None


def test_raise_is_an_increase():
    plan = plan_question("How far can Meadowlark raise prices each year?", VENDORS)
    assert _concept(plan, "raise").covered_by(frozenset({stem("indexation")}))
    assert not _concept(plan, "raise").covered_by(frozenset({stem("discount")}))


def test_the_trade_s_own_name_is_no_site_and_no_topic():
    plan = plan_question("Which contact-centre telephony platform does Corvid Peak use?", VENDORS)
    assert "location" not in plan.answer_kinds
    assert not any("centre" in c.surface for c in plan.concepts)
    assert "location" in plan_question("Which centre would serve our calls?", VENDORS).answer_kinds


def test_a_generic_word_of_the_name_after_it_is_the_name_s():
    aliases = {"Corvid Peak": ("Corvid Peak Interactive Ltd", "Corvid Peak Interactive")}
    plan = plan_question("What is Corvid Peak Interactive's hourly rate?", VENDORS, aliases)
    assert "interactive" not in plan.surface


def test_a_rate_after_a_measures_name_is_its_ratio_not_a_price():
    from assistant.answer.question import plan_question

    plan = plan_question("What abandonment rate does Corvid Peak promise?", ["Corvid Peak"])
    assert "money" not in plan.answer_kinds
    assert "rate" not in [c.surface for c in plan.concepts]
    priced = plan_question("What hourly rate does Corvid Peak quote for chat?", ["Corvid Peak"])
    assert "money" in priced.answer_kinds
    assert "rate" in [c.surface for c in priced.concepts]
    both = plan_question("What abandonment rate and what price does Corvid Peak quote?", ["Corvid Peak"])
    assert "money" in both.answer_kinds


def test_by_how_much_asks_the_size_of_a_change_which_may_be_a_share():
    from assistant.answer.question import plan_question

    plan = plan_question("By how much can Corvid Peak lift its hourly prices after year one?", ["Corvid Peak"])
    assert {"money", "percent"} <= plan.answer_kinds
    assert "percent" not in plan_question("How much is Corvid Peak's set-up fee?", ["Corvid Peak"]).answer_kinds
