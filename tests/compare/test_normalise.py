"""Money, rate units, percentages, durations and multipliers parsed from proposal wording."""

from __future__ import annotations

import pytest

from assistant.compare.normalise import (
    convert,
    duration_dict,
    find_counts,
    find_durations,
    find_money,
    find_multipliers,
    find_percents,
    parse_money,
    parse_number,
    rate_unit,
)


@pytest.mark.parametrize(
    ("text", "currency", "amount", "unit", "channel"),
    [
        ("USD 28.50 per productive hour", "USD", 28.5, "hour", None),
        ("EUR 2.40 per email", "EUR", 2.4, "transaction", "email"),
        ("£4,250 per FTE per month", "GBP", 4250.0, "FTE-month", None),
        ("$0.62/min", "USD", 0.62, "minute", None),
        ("USD 1.2m", "USD", 1_200_000.0, None, None),
        ("GBP 65 per agent per month", "GBP", 65.0, "FTE-month", None),
        ("€3.10 per chat", "EUR", 3.1, "transaction", "chat"),
        ("USD 4.20 per call", "USD", 4.2, "transaction", "voice"),
        ("30 dollars an hour", "USD", 30.0, "hour", None),
        ("USD 0.94 per handled minute", "USD", 0.94, "minute", None),
        ("GBP 2,380 per full-time equivalent agent per month", "GBP", 2380.0, "FTE-month", None),
        ("USD 95,000 per month", "USD", 95000.0, "month", None),
    ],
)
def test_money_and_unit(text, currency, amount, unit, channel):
    money = parse_money(text)
    assert money is not None
    assert (money.currency, money.amount, money.unit, money.channel) == (
        currency,
        amount,
        unit,
        channel,
    )


def test_several_amounts_keep_their_own_units():
    found = find_money("EUR 2.40 per email, EUR 3.10 per chat and EUR 4.20 per call")
    assert [(m.amount, m.channel) for m in found] == [(2.4, "email"), (3.1, "chat"), (4.2, "voice")]
    row = find_money("English voice | USD 0.62 per handled minute | USD 0.71 per handled minute")
    assert [(m.amount, m.unit) for m in row] == [(0.62, "minute"), (0.71, "minute")]


def test_units_named_beside_a_table():
    assert rate_unit("Monthly base fee per FTE") == ("FTE-month", None)
    assert rate_unit("Price per FTE per month") == ("FTE-month", None)
    assert rate_unit("Per call") == ("transaction", "voice")
    assert rate_unit("Hourly rate") == ("hour", None)
    assert rate_unit("Site") == (None, None)


def test_numbers_and_non_money():
    assert parse_number("4,250") == 4250.0
    assert parse_number("1.2", "m") == 1_200_000.0
    assert parse_number("three") == 3.0
    assert parse_number("+48") == 48.0
    assert parse_number("n/a") is None
    assert find_money("We employ 4,800 people across 14 languages.") == []


def test_percentages():
    assert [p.value for p in find_percents("80% within 20s, abandonment below 3.5 per cent")] == [
        80.0,
        3.5,
    ]
    assert [p.value for p in find_percents("+2.5% of the monthly base fee")] == [2.5]


def test_durations_keep_their_unit_and_convert():
    found = find_durations(
        "a 45-day pilot; 120 days' written notice; 6 months' notice; two months' fees; "
        "8 business hours; RPO of 15 minutes; a 24-month term"
    )
    assert [(d.value, d.unit) for d in found] == [
        (45, "days"), (120, "days"), (6, "months"), (2, "months"), (8, "business hours"),
        (15, "minutes"), (24, "months"),
    ]  # fmt: skip
    assert convert(6, "months", "days") == 180
    assert convert(15, "minutes", "hours") == 0.25
    assert duration_dict(found[-1])["months"] == 24


def test_multipliers_and_counts():
    assert [m.value for m in find_multipliers("billed at 1.5x the standard hourly rate")] == [1.5]
    counts = find_counts("a pilot with 15 agents, then 12 FTE", r"agents?|fte")
    assert [(c.value, c.unit) for c in counts] == [(15, "agents"), (12, "fte")]
