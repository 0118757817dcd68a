"""Statements limited to a state, a place or some sites: a framework under assessment, a
partial answer limited by 'only', a delivery model denied beyond a place, and counts written
with a European thousands separator (made-up sentences; the corpus itself is scored by the
`reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a framework named bare between 'in'/'under' and an assessment's noun is being assessed
        (
            "Our Porto site is in SOC 2 audit until March.",
            {"SOC 2": "planned", "Porto": "affirmed"},
        ),
        ("We are presently under ISO 22301 assessment.", {"ISO 22301": "planned"}),
        # controls: a finished or named event, a noun after, a denial
        ("No findings were raised in the SOC 2 audit.", {"SOC 2": "affirmed"}),
        ("See the controls listed in our ISO 27001 audit report.", {"ISO 27001": "affirmed"}),
        ("Those queues are in PCI DSS audit scope.", {"PCI DSS": "affirmed"}),
        ("We are not in ISO 27001 audit.", {"ISO 27001": "negated"}),
    ],
)
def test_framework_under_assessment_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partial answer limited by 'only' makes what it answers conditional
        (
            "Q7 Do you hold ISO 27001? Partially – certified for Sofia and Varna only.",
            {"ISO 27001": "conditional", "Sofia": "affirmed"},
        ),
        ("Weekend email | Partly, only on the retail queue", {"email": "conditional"}),
        # controls: a partial answer that says which site holds it, an 'only' elsewhere
        (
            "HITRUST: Partially — the Tampa centre is certified, the Reno one is not.",
            {"HITRUST": "affirmed"},
        ),
        ("We hold PCI DSS for card payments only.", {"PCI DSS": "affirmed"}),
    ],
)
def test_partial_answer_limited_to_some_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a delivery model denied beyond a place, or to a place, is denied; the place it keeps
        # is kept
        ("No nearshore outside Portugal.", {"nearshore": "negated", "Portugal": "affirmed"}),
        ("We use no offshore delivery beyond Europe.", {"offshore": "negated"}),
        ("Offshore to India, no.", {"Offshore": "negated"}),
        # controls: no denial, or a figure's range
        ("Our offshore teams work outside the UK.", {"offshore": "affirmed"}),
        (
            "Rates fall from USD 20 to USD 18 if a two-year term is signed.",
            {"USD 20": "affirmed"},
        ),
    ],
)
def test_delivery_model_denied_beyond_a_place(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We forecast 18.000 contacts a month.", 18000),
        ("A floor of 2.750 agents.", 2750),
        ("About 1.500 emails weekly.", 1500),
        # decimals stay decimals
        ("Some 3.5 million calls a year.", 3_500_000),
        ("We need 2.5 FTE on chat.", 2.5),
    ],
)
def test_counts_with_a_thousands_point(text, value):
    counts = [m for m in read(text) if m.kind == "count"]
    assert counts and counts[0].value["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a lone point before exactly three digits groups thousands, unless the sentence
        # writes decimal points elsewhere
        ("Onboarding training totals 3.200 hours a year.", 3200),
        ("We need 2.5 FTE and 1.500 hours of training.", 1.5),
        ("Calls last 4.25 minutes on average.", 4.25),
    ],
)
def test_durations_with_a_thousands_point(text, amount):
    durations = [m for m in read(text) if m.kind == "duration"]
    assert durations and durations[-1].value["amount"] == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # a clause's number heading its line, a level's number: no count
        ("4.2 Agent attrition shall stay below 30%.", []),
        ("Escalations go to Tier 2 specialists within a day.", []),
        ("7.1 Languages offered: Polish and Czech.", []),
        # controls: counts at the head of a line, and after other words
        ("4.5 FTE are needed on chat.", ["4.5 FTE"]),
        ("We need 12 agents in Tier 2.", ["12 agents"]),
    ],
)
def test_numbers_that_name_are_no_counts(text, counted):
    assert [m.text for m in read(text) if m.kind == "count"] == counted
