"""The language model's reading of interview answers (FAKE scripted models): values are
checked, merged after the rules, and never override what the profile holds."""

from __future__ import annotations

import json

import pytest

from assistant.interview.commands import chat_turn, profile_view
from assistant.interview.plan import load_plan
from assistant.llm.interview import InterviewReader, parse_json_object
from tests.llm.fakes import fake_chat

PLAN = load_plan()


def _reader(reply: dict | str, **options) -> InterviewReader:
    text = reply if isinstance(reply, str) else json.dumps(reply)
    return InterviewReader(fake_chat(text, **options), PLAN)


def _started(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(tmp_path, "Harbor Mutual")  # the company name
    return tmp_path


def test_a_value_the_rules_miss_is_added_when_the_message_states_it(tmp_path):
    reader = _reader({"customer_regions": ["Canada"]})
    result = chat_turn(_started(tmp_path), "Retail; most of our buyers live in Canada",
                       understand=reader)
    assert result["profile"]["customer_regions"] == ["Canada"]
    assert "Canada" in result["reply"]  # the buyer is told what was noted


@pytest.mark.parametrize(
    ("delta", "reason"),
    [
        ({"agent_count": 250}, "250 is not in the message"),
        ({"industry": "space tourism"}, "wrong type"),
        ({"languages": ["Klingon"]}, "wrong type"),
        ({"csat_target": "very high"}, "wrong type"),
        ({"no_such_field": 1}, "not a field the model was offered"),
        ({"peak_periods": "every single Christmas"}, "not in the message"),
        ({"customer_regions": ["Brazil"]}, "not mentioned"),
    ],
)
def test_invented_or_malformed_values_are_rejected(delta, reason):
    message = "We are a retailer with customers in Canada and a small team."
    slots = {s.name: s for s in PLAN.slots}
    reading = _reader(delta).check(delta, message, slots)
    assert reading.found == []
    assert reason in reading.rejected[0][1]


def test_malformed_output_changes_nothing(tmp_path):
    workspace = _started(tmp_path)
    before = profile_view(workspace)["profile"]
    reader = _reader("Sure! Here are the fields: industry=retail, {broken json")
    chat_turn(workspace, "We run a network of garden centres", understand=reader)
    assert reader.last.rejected == [("*", "the model's reply is not a JSON object")]
    assert profile_view(workspace)["profile"].keys() - before.keys() <= {"industry"}


def test_a_corrected_value_is_never_overridden(tmp_path):
    workspace = _started(tmp_path)
    chat_turn(workspace, "Retail, about 60k contacts a month")
    chat_turn(workspace, "actually 70,000 contacts a month")
    held = profile_view(workspace)["profile"]["monthly_volume"]
    assert held["value"] == 70000 and held["corrected"]
    reader = _reader({"monthly_volume": 90000, "agent_count": 90000})
    chat_turn(workspace, "Peaks reach 90000 in December", understand=reader)
    assert profile_view(workspace)["profile"]["monthly_volume"]["value"] == 70000


def test_a_stalled_model_leaves_the_rules_to_do_the_work(tmp_path):
    reader = _reader({"customer_regions": ["Canada"]}, sleep=30.0, timeout_s=0.3)
    result = chat_turn(_started(tmp_path), "Retail", understand=reader)
    assert result["profile"]["industry"] == "retail"
    assert "did not finish" in reader.last.note


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ('```json\n{"industry": "retail"}\n```', {"industry": "retail"}),
        ('{"a": 1} trailing words', {"a": 1}),
        ("[1, 2]", None),
        ("no json here", None),
        ('{"a": 1,}', None),
    ],
)
def test_parse_json_object(raw, parsed):
    assert parse_json_object(raw) == parsed


def test_the_rules_reading_replaces_a_value_only_the_model_had_read(tmp_path):
    workspace = _started(tmp_path)
    reader = _reader({"go_live_date": "next spring"})
    chat_turn(workspace, "Retail. We hope to open the lines next spring", understand=reader)
    held = profile_view(workspace)["profile"]["go_live_date"]
    assert held["value"] == "next spring" and held["inferred"]
    chat_turn(workspace, "Go-live is 1 March 2027", understand=_reader({}))
    held = profile_view(workspace)["profile"]["go_live_date"]
    assert "March 2027" in held["value"] and not held["inferred"]


@pytest.mark.parametrize(
    ("delta", "message", "kept"),
    [
        ({"languages": ["French"]}, "French is not required, only English.", False),
        ({"languages": ["English"]}, "French is not required, only English.", True),
        ({"monthly_volume": 10000}, "About 120,000 contacts a year.", True),
        ({"pilot_duration": {"amount": 45, "unit": "days"}}, "Pilot 45d, then a 2y term.", True),
        ({"pilot_duration": {"amount": 2, "unit": "years"}}, "Pilot 45d, then a 2y term.", True),
        ({"pilot_duration": {"amount": 3, "unit": "months"}}, "Pilot 45d, then a 2y term.", False),
        ({"card_payments_by_agents": True}, "Agents will not take card payments.", False),
        ({"card_payments_by_agents": False}, "Agents will not take card payments.", True),
    ],
)
def test_the_delta_is_checked_against_the_reading_layers_typed_values(delta, message, kept):
    slots = {s.name: s for s in PLAN.slots}
    reading = _reader(delta).check(delta, message, slots)
    assert bool(reading.found) is kept, reading.rejected
