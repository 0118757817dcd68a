"""The slot-accuracy eval: replay each scripted conversation and check the expected slots."""

from __future__ import annotations

import pytest

from assistant.interview.cases import CASES_DIR, load_interview_cases, replay_case
from assistant.interview.scoring import slot_accuracy

CASES = load_interview_cases()


def test_there_are_enough_distinct_cases():
    files = sorted(CASES_DIR.glob("*.yaml"))
    assert len(CASES) == len(files) >= 5  # none was skipped as malformed
    assert len({c.id for c in CASES}) == len(CASES)
    assert len({c.expect_profile.get("industry") for c in CASES}) >= 5


def test_expected_slots_are_real_slots(plan):
    for case in CASES:
        unknown = set(case.expect_profile) - set(plan.slot_map)
        assert not unknown, f"{case.id}: {unknown}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_replayed_conversation_fills_the_expected_slots(case, tmp_path):
    profile = replay_case(case, tmp_path / case.id)
    score, reason = slot_accuracy(case.expect_profile, profile)
    assert score == 1.0, reason


def test_a_malformed_case_is_skipped(tmp_path, caplog):
    (tmp_path / "bad.yaml").write_text("id: x\nturns: []\n", encoding="utf-8")
    (tmp_path / "good.yaml").write_text(
        "id: y\ndescription: d\nturns: [hi]\nexpect_profile: {industry: retail}\n", encoding="utf-8"
    )
    assert [c.id for c in load_interview_cases(tmp_path)] == ["y"]
    assert "bad.yaml" in caplog.text
