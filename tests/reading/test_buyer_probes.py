"""The reading layer on sentences buyers wrote (tests/reading/probes.yaml): what it must read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.reading.mentions import read
from assistant.reading.quantities import find_fractions

PROBES = yaml.safe_load((Path(__file__).parent / "probes.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("probe", PROBES, ids=[p["text"][:40] for p in PROBES])
def test_probe(probe):
    mentions = read(probe["text"])
    for want in probe.get("mentions", ()):
        hits = [m for m in mentions if m.kind == want["kind"] and m.text == want["text"]]
        assert hits, (
            f"{want['kind']} {want['text']!r} not read in {[(m.kind, m.text) for m in mentions]}"
        )
        for field, value in (want.get("value") or {}).items():
            assert hits[0].value.get(field) == value, (field, hits[0].value)
    for unwanted in probe.get("absent", ()):
        assert not [
            m for m in mentions if m.kind == unwanted["kind"] and m.text == unwanted["text"]
        ]


def test_fractions_are_shares_in_percent():
    shares = find_fractions("half phone, a third chat and three quarters of the rest")
    assert [(q.text, round(q.value["value"])) for q in shares] == [
        ("half", 50),
        ("a third", 33),
        ("three quarters", 75),
    ]
