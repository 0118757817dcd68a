"""slot_accuracy: the pure scoring function of the interview eval."""

from __future__ import annotations

from assistant.interview.scoring import slot_accuracy, values_match


def test_all_match_with_loose_equality():
    expected = {
        "languages": ["english", "Spanish"],
        "monthly_volume": 60000,
        "service_level_voice": {"percent": 80, "seconds": 30},
        "industry": "Healthcare",
    }
    actual = {
        "languages": ["Spanish", "English"],
        "monthly_volume": 60000.0,
        "service_level_voice": {"percent": 80.0, "seconds": 30.0},
        "industry": "healthcare",
        "extra": 1,
    }
    assert slot_accuracy(expected, actual) == (1.0, "all 4 slots match")


def test_misses_are_named():
    score, reason = slot_accuracy({"a": 1, "b": True, "c": ["x"]}, {"a": 2, "b": 1, "c": ["x"]})
    assert score == 1 / 3
    assert "a: expected 1, got 2" in reason and "b: expected True" in reason
    assert "c:" not in reason


def test_none_means_must_stay_empty():
    assert slot_accuracy({"gdpr": None}, {})[0] == 1.0
    assert slot_accuracy({"gdpr": None}, {"gdpr": True})[0] == 0.0


def test_edge_cases():
    assert slot_accuracy({}, {"a": 1}) == (1.0, "no expected slots")
    assert not values_match(["a"], ["a", "b"])
    assert not values_match({"percent": 80, "seconds": 30}, {"percent": 80})
    assert values_match(100.0, 100.5)  # within 1%
    assert not values_match(True, 1)


def test_midnight_is_one_time_however_written():
    from assistant.interview.scoring import hours_hold

    assert hours_hold("chat", "Mon-Sun 08:00-00:00", {"chat": "Mon-Sun 08:00-24:00"})
    assert not hours_hold("chat", "Mon-Sun 08:00-23:00", {"chat": "Mon-Sun 08:00-24:00"})


def test_a_region_named_for_its_countries_holds_them():
    from assistant.interview.scoring import same

    assert same("customer_regions", "Austria", "DACH")
    assert same("delivery_locations", "Luxembourg", "Benelux")
    assert same("customer_regions", "New Zealand", "ANZ")
    assert not same("customer_regions", "France", "DACH")
    assert not same("customer_regions", "Austria", "Europe")  # edges drawn differently
    assert not same("languages", "German", "DACH")  # only places


def test_a_nation_holds_its_country_but_not_the_reverse():
    from assistant.interview.scoring import same

    assert same("customer_regions", "United Kingdom", "Wales")
    assert not same("customer_regions", "France", "Wales")
    assert not same("customer_regions", "Scotland", "United Kingdom")  # a nation is not held by its country
