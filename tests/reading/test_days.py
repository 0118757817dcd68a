"""Days of the week as opening hours: which words name one."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # a two-letter day initial alone names a day only before a time
        ("We support chat and email.", []),
        ("Mo-Fr 8-18, Sa 9-13", ["Mo-Fr 8-18", "Sa 9-13"]),
        ("Chat on Saturdays only", ["Saturdays"]),
    ],
)
def test_we_is_no_wednesday(text, hours):
    assert [m.text for m in read(text) if m.kind == "hours"] == hours


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a day name is a word of its own: the end of an acronym is no day
        ("CSAT — our commitment: 88%", [("kpi", "CSAT"), ("percent", "88%")]),
        ("Post-call CSAT: 4.6 of 5", [("kpi", "CSAT")]),
        ("SAT 9-13 only", [("hours", "SAT 9-13")]),
    ],
)
def test_a_day_is_a_word_of_its_own(text, kinds):
    assert [(m.kind, m.text) for m in read(text) if m.kind in {"kpi", "percent", "hours"}] == kinds
