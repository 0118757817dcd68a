"""Assertion status: general rules of English re-derived for the reading layer, each checked on
sentences made up for these tests (the corpus itself is scored by the `reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'X is not going anywhere' says X stays: an idiom, no denial
        ("Our Manila site is not going anywhere.", {"Manila": "affirmed"}),
        ("We staff Genesys in-house and that isn't going anywhere.", {"Genesys": "affirmed"}),
        # 'not go anywhere near X' does deny X; a real denial beside the idiom still denies
        ("We will not go anywhere near offshore delivery.", {"offshore": "negated"}),
        ("Our Manila site is not going anywhere, but Spanish isn't offered.",
         {"Manila": "affirmed", "Spanish": "negated"}),
    ],
)
def test_an_idiom_of_staying_put_denies_nothing(text, expected):
    _check(text, expected)
