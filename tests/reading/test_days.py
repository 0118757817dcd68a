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
