"""The interview plan: validated YAML, topic order, conditions, and guidance ids that exist."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from assistant.interview.plan import PLAN_PATH, Plan, load_plan

TOPIC_ORDER = [
    "organisation-goals",
    "scope-services",
    "volumes-demand",
    "channels-hours",
    "languages",
    "locations-delivery",
    "compliance-data-protection",
    "service-levels",
    "quality",
    "technology",
    "workforce-training",
    "reporting-governance",
    "business-continuity",
    "pricing",
    "pilot",
    "contract-exit",
    "timeline-evaluation",
]


def _raw() -> dict:
    return yaml.safe_load(PLAN_PATH.read_text(encoding="utf-8"))


def _load(tmp_path: Path, raw: dict) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return load_plan(path)


def test_topics_come_in_the_agreed_order(plan):
    assert [t.id for t in plan.topics] == TOPIC_ORDER
    asked_topics = list(dict.fromkeys(q.topic for q in plan.questions))
    assert asked_topics == TOPIC_ORDER


def test_every_guidance_id_in_the_plan_exists(plan, guidance):
    missing = sorted(gid for gid in plan.guidance_ids() if guidance.get(gid) is None)
    assert missing == []
    assert all(q.guidance for q in plan.questions)


def test_every_slot_is_asked_for_and_every_question_slot_is_defined(plan):
    asked = {s for q in plan.questions for s in q.slots}
    assert asked == set(plan.slot_map)


def test_conditional_questions_are_wired_to_the_right_answers(plan):
    conditions = {q.id: {(c.slot, c.equals, c.group) for c in q.ask_if} for q in plan.questions}
    assert ("industry", "healthcare", None) in conditions["comp-hipaa"]
    assert ("handles_health_data", True, None) in conditions["comp-hipaa"]
    assert conditions["comp-pci"] == {("card_payments_by_agents", True, None)}
    assert conditions["comp-gdpr"] == {
        ("customer_regions", None, "EEA"),
        ("delivery_locations", None, "EEA"),
    }
    assert conditions["ch-overnight"] == {("open_24_7", True, None)}


def test_eu_group_holds_member_states_but_not_the_uk(plan):
    members = plan.group_members("locations", "EEA")
    assert {"Germany", "France", "Ireland", "EU", "Europe"} <= members
    assert "United Kingdom" not in members and "United States" not in members


def test_unknown_keys_are_rejected(tmp_path):
    raw = _raw()
    raw["questions"][0]["hint"] = "not a field"
    with pytest.raises(ValidationError, match="hint"):
        _load(tmp_path, raw)


def test_a_question_naming_an_unknown_slot_is_rejected(tmp_path):
    raw = _raw()
    raw["questions"][0]["slots"] = ["no_such_slot"]
    with pytest.raises(ValidationError, match="unknown slot"):
        _load(tmp_path, raw)


def test_ask_if_must_refer_to_an_earlier_question(tmp_path):
    raw = _raw()
    raw["questions"][0]["ask_if"] = [{"slot": "industry", "equals": "healthcare"}]
    with pytest.raises(ValidationError, match="not asked earlier"):
        _load(tmp_path, raw)


def test_an_enum_slot_needs_a_known_vocabulary(tmp_path):
    raw = _raw()
    slot = next(s for s in raw["slots"] if s["name"] == "industry")
    slot["vocabulary"] = "no_such_vocabulary"
    with pytest.raises(ValidationError, match="vocabulary"):
        _load(tmp_path, raw)


def test_a_condition_needs_exactly_one_test(tmp_path):
    raw = _raw()
    question = next(q for q in raw["questions"] if q["id"] == "comp-pci")
    question["ask_if"] = [{"slot": "card_payments_by_agents"}]
    with pytest.raises(ValidationError, match="exactly one"):
        _load(tmp_path, raw)


def test_the_plan_is_a_full_interview(plan):
    assert len(plan.questions) >= 40
    assert sum(q.required for q in plan.questions) >= 20
    assert all(q.prompt.endswith("?") for q in plan.questions)
