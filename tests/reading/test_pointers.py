"""A label that points elsewhere takes its status from the statement it points to."""

from __future__ import annotations

import pytest

from assistant.models import Page
from assistant.reading.mentions import read
from assistant.reading.pointers import pointer_label
from assistant.reading.statements import page_statements


def _statuses(text: str) -> dict[str, str]:
    return {m.text: m.status for m in read(text)}


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("HIPAA: see below.", "HIPAA"),
        ("ISO 22301 — refer to section 4.", "ISO 22301"),
        ("Cyber Essentials Plus (see Appendix C).", "Cyber Essentials Plus"),
        # a sentence that says something is no pointer
        ("We hold HIPAA attestation for all US sites.", None),
        ("Abandonment below 5% is guaranteed.", None),
    ],
)
def test_a_pointer_is_a_label_and_nothing_else(sentence, label):
    assert pointer_label(sentence) == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HIPAA: see below. Not held at present.", {"HIPAA": "negated"}),
        (
            "SOC 2 Type II — refer to section 7. Audit scheduled for the spring.",
            {"SOC 2 Type II": "planned"},
        ),
        # the next statement names a mention of its own: nothing is carried
        (
            "HIPAA: see below. We hold ISO 9001 instead.",
            {"HIPAA": "affirmed", "ISO 9001": "affirmed"},
        ),
        # no pointer: a sentence keeps its own status
        ("We hold HIPAA attestation. Not all sites are covered.", {"HIPAA": "affirmed"}),
    ],
)
def test_the_next_sentence_gives_a_pointer_its_status(text, expected):
    found = _statuses(text)
    assert {k: found.get(k) for k in expected} == expected


def test_ingest_carries_the_status_across_statements():
    text = (
        "## Certifications\n\nCOPC: see below.\n\nNot pursued; we follow ISO 9001 instead.\n\n"
        "PCI DSS: see below.\n\nHeld since 2021.\n"
    )
    statements = page_statements(Page(1, text), "d.pdf", "Orrin Basalt")
    found = {m.text: m.status for s in statements for m in s.mentions}
    assert found["COPC"] == "affirmed"  # the next statement names ISO 9001: nothing carried
    assert found["PCI DSS"] == "affirmed"
    text = "## Certifications\n\nCOPC: see below.\n\nNot pursued at this time.\n"
    statements = page_statements(Page(1, text), "d.pdf", "Orrin Basalt")
    assert [m.status for s in statements for m in s.mentions] == ["negated"]
