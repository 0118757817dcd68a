"""A result the vendor reports is no second value of what it commits to."""

from __future__ import annotations

import pytest

from assistant.answer.undertakings import reported_beside_undertaking, says_undertaking


@pytest.mark.parametrize(
    "text",
    [
        "We commit to a first contact resolution of at least 75%.",
        "Abandonment — Corvid Peak commitment: 4% or less",
        "Net Promoter Score is guaranteed at +30 from month four.",
        "Our SLA for email is a reply within 8 business hours.",
        "We target annual attrition below 30%.",
    ],
)
def test_an_undertaking_is_recognised(text):
    assert says_undertaking(text)


@pytest.mark.parametrize(
    "text",
    [
        "Last year our CSAT reached 92% across the retail book.",
        "First contact resolution 2024: 81%.",
        "Over the pilot, abandonment fell to 2.1%.",
    ],
)
def test_a_reported_result_is_no_undertaking(text):
    assert not says_undertaking(text)


def test_a_reported_result_beside_a_commitment_is_not_a_contradiction():
    question = "What CSAT does Meadowlark commit to?"
    committed = "CSAT — Meadowlark commitment: 84%"
    reported = "In 2025 our CSAT averaged 90% on comparable programmes."
    assert reported_beside_undertaking(question, committed, reported)
    # two commitments that disagree still are a contradiction
    assert not reported_beside_undertaking(question, committed, "We guarantee a CSAT of 88%.")
    # a question about results asks for no undertaking: both values stay
    assert not reported_beside_undertaking("What CSAT has Meadowlark achieved?", committed, reported)
