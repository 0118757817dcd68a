"""Conversations written from issue 16's failure classes (tests/interview/conversations.yaml):
what the profile must and must not hold after them, and what the last reply says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.interview.commands import chat_turn
from assistant.interview.scoring import same, similar

CONVERSATIONS = yaml.safe_load(
    (Path(__file__).parent / "conversations.yaml").read_text(encoding="utf-8")
)


def _holds(slot, expected, profile) -> bool:
    held = profile.get(slot)
    if isinstance(expected, list) and isinstance(held, list):
        return all(any(same(slot, e, h) for h in held) for e in expected)
    if (
        isinstance(expected, dict)
        and isinstance(held, dict)
        and slot in ("channel_mix", "evaluation_weights")
    ):
        return all(same(slot, v, held.get(k)) for k, v in expected.items())
    return same(slot, expected, held)


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["id"] for c in CONVERSATIONS])
def test_conversation(conversation, tmp_path):
    result = chat_turn(tmp_path, "start")
    for message in conversation["turns"]:
        result = chat_turn(tmp_path, message)
    profile = result["profile"]
    for slot, expected in (conversation.get("expect") or {}).items():
        assert _holds(slot, expected, profile), (slot, expected, profile.get(slot))
    for slot, value in (conversation.get("absent") or {}).items():
        held = profile.get(slot)
        if isinstance(value, list):
            assert not any(v in (held or []) for v in value), (slot, held)
        else:
            assert held is None or not same(slot, value, held), (slot, held)
    for wording in conversation.get("free_text") or ():
        assert any(similar(wording, r) for r in profile.get("other_requirements") or []), (
            profile.get("other_requirements")
        )
    for text in conversation.get("reply_has") or ():
        assert text in result["reply"], result["reply"]
    for text in conversation.get("reply_lacks") or ():
        assert text not in result["reply"], result["reply"]
