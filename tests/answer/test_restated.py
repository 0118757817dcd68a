"""A sentence that only reports the buyer's request is the buyer's wish, not the vendor's offer."""

from __future__ import annotations

import pytest

from assistant.answer.restated import restates_request

BUYERS = ("Harrowgate Home Insurance", "Harrowgate", "HHI")


@pytest.mark.parametrize(
    "text",
    [
        "We note that Harrowgate requested a 24-month term with one optional renewal.",
        "7.3 Corvid Peak notes that HHI has requested a 60-day notice period.",
        "Harrowgate asked for prices in GBP.",
        "We understand that the HHI requires a 24/7 claims line.",
    ],
)
def test_a_reported_request_is_restated(text):
    assert restates_request(text, BUYERS)


@pytest.mark.parametrize(
    "text",
    [
        "Harrowgate requested prices in GBP; we quote in euro because our costs are in euro.",
        "Our notice period is longer than Harrowgate requested.",
        "If HHI wants weekend cover, we can add it at the Saturday rate.",
        "Harrowgate requires PCI DSS, which we hold at both sites.",
        "We propose a 36-month term.",
        "The requested 24/7 line is offered from our Porto hub.",
    ],
)
def test_the_vendors_own_answer_is_not(text):
    assert not restates_request(text, BUYERS)


def test_no_buyer_known_restates_nothing():
    assert not restates_request("We note that Harrowgate requested a 24-month term.", ())
