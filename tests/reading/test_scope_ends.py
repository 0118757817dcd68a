"""Where a trigger's reach ends and which mention it governs (made-up sentences; the corpus
itself is scored by the `reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'No.' between a noun and a numeral is 'number', no answer
        (
            "Staff are vetted under the Police Act (No. 3) Order and speak Welsh.",
            {"Welsh": "affirmed"},
        ),
        ("We follow GDPR and Schedule No. 7 of the contract.", {"GDPR": "affirmed"}),
        # controls: an answer 'No.' still denies
        (
            "Do you offer Welsh? No. 2 sites offer English.",
            {"Welsh": "negated", "English": "affirmed"},
        ),
        ("Is SMS supported? A: No. Email is.", {"SMS": "negated"}),
    ],
)
def test_number_abbreviation_is_no_answer(text, expected):
    _check(text, expected)