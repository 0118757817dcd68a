"""Profile persistence and the CLI-facing functions."""

from __future__ import annotations

import json
import os

import pytest
from pydantic import ValidationError

from assistant.interview.commands import (
    chat_turn,
    format_profile,
    profile_view,
    restart_interview,
    run_interactive,
)
from assistant.interview.profile import Profile, atomic_write_json, load_profile, save_profile
from assistant.interview.values import Duration


def test_profile_round_trip_keeps_types_and_provenance(workspace):
    profile = Profile()
    profile.set("pilot_duration", "duration", {"amount": 3, "unit": "months"}, 4, "a 3 month pilot")
    profile.set("languages", "list[str]", ["English"], 5, "English only", corrected=True)
    save_profile(workspace, profile)
    loaded = load_profile(workspace)
    assert loaded.get("pilot_duration") == Duration(amount=3, unit="months")
    assert loaded.slots["languages"].corrected and loaded.slots["languages"].message_index == 5


def test_a_value_of_the_wrong_type_is_rejected(workspace):
    with pytest.raises(ValidationError):
        Profile().set("monthly_volume", "int", "lots", 1, "lots")
    (workspace / "profile.json").write_text(
        json.dumps(
            {
                "slots": {
                    "open_24_7": {
                        "type": "bool",
                        "value": "maybe",
                        "message_index": 1,
                        "message": "x",
                    }
                }
            }
        )
    )
    with pytest.raises(ValidationError):
        load_profile(workspace)


def test_missing_profile_is_empty(workspace):
    assert load_profile(workspace).slots == {}


def test_atomic_write_leaves_no_temp_files_and_survives_a_failed_write(workspace):
    path = workspace / "profile.json"
    atomic_write_json(path, {"a": 1})
    with pytest.raises(TypeError):
        atomic_write_json(path, {"a": object()})
    assert json.loads(path.read_text()) == {"a": 1}
    assert os.listdir(workspace) == ["profile.json"]


def test_chat_turn_contract(workspace):
    first = chat_turn(workspace, "")
    assert set(first) == {"reply", "profile", "requirements", "progress", "citations"}
    assert set(first["progress"]) == {
        "answered", "required", "required_answered", "total", "added", "added_answered", "skipped", "parked"
    }
    result = chat_turn(workspace, "We're Acme Health, a healthcare provider")
    assert result["profile"] == {"company_name": "Acme Health", "industry": "healthcare"}
    json.dumps(result)  # JSON-ready
    why = chat_turn(workspace, "why do you ask?")
    assert all(c["id"].startswith("guidance:") and c["title"] for c in why["citations"])


def test_restart_forgets_the_answers(workspace):
    chat_turn(workspace, "start")
    chat_turn(workspace, "Acme")
    restart_interview(workspace)
    result = chat_turn(workspace, "start")
    assert result["profile"] == {} and "What is the name of your organisation?" in result["reply"]
    assert "Welcome back" not in result["reply"]


def test_must_and_nice_are_in_the_profile_json(workspace):
    chat_turn(workspace, "start")
    chat_turn(workspace, "Acme")
    chat_turn(workspace, "English is essential; Spanish would be nice to have.")
    view = profile_view(workspace)
    assert view["profile"]["languages"]["item_priority"] == {"English": "must", "Spanish": "nice"}
    wanted = {(r["slot"], r["item"]): r["priority"] for r in view["requirements"]}
    assert wanted[("languages", "English")] == "must" and wanted[("languages", "Spanish")] == "nice"
    assert "English (must-have), Spanish (nice-to-have)" in format_profile(view)


@pytest.mark.parametrize(
    "terse",
    ["telephone 55 webchat 45", "voice 50, email 30, chat 20", "email 35 phone 65"],
)
def test_a_terse_channel_split_is_quoted_to_its_last_share(workspace, terse):
    chat_turn(workspace, "start")
    chat_turn(workspace, "Acme")
    chat_turn(workspace, terse)
    mix = profile_view(workspace)["profile"]["channel_mix"]
    assert sum(mix["value"].values()) == 100
    assert mix["source"] == terse  # the panel's 'from your message' keeps every share
    assert f"from your message: '{terse}'" in format_profile(profile_view(workspace))


def test_profile_view_and_format(workspace):
    chat_turn(workspace, "start")
    chat_turn(workspace, "Acme")
    chat_turn(workspace, "we're a retailer; about 60k contacts a month")
    chat_turn(workspace, "actually 70k a month")
    view = profile_view(workspace)
    volume = view["profile"]["monthly_volume"]
    assert volume["value"] == 70000 and volume["display"] == "70,000" and volume["corrected"]
    assert volume["message"] == "actually 70k a month"
    assert view["current_question"] == "org-current"
    assert view["progress"]["answered"] == 3  # name, industry, and volume in passing
    assert volume["source"] == "actually 70k a month"
    text = format_profile(view)
    assert "Volumes and demand curve\n  monthly volume: 70,000 (corrected)\n" in text
    assert "    from your message: 'actually 70k a month'" in text
    assert "Organisation and goals\n  organisation: Acme\n    from your message: 'Acme'\n  industry: retail" in text
    assert format_profile(load_profile(workspace)) == text
    assert format_profile({"monthly_volume": 5000}).endswith("monthly volume: 5,000")
    assert format_profile({}) == "(nothing recorded yet)"


def test_run_interactive_until_quit_then_resume(workspace):
    out: list[str] = []
    inputs = iter(["Acme", "why?", "quit"])
    run_interactive(workspace, input_fn=lambda _prompt: next(inputs), output_fn=out.append)
    assert "What is the name of your organisation?" in out[0]
    assert any("Noted: organisation Acme." in line for line in out)
    assert any("[1]" in line and "Sources:" in line for line in out)
    assert not any("[guidance:" in line for line in out)  # the buyer never sees internal ids
    assert out[-1].startswith("Saved")

    out.clear()

    def eof(_prompt: str) -> str:
        raise EOFError

    run_interactive(workspace, input_fn=eof, output_fn=out.append)
    assert "Welcome back" in out[0] and "Which industry" in out[0]


def test_the_panels_editor_keeps_a_free_text_field_as_typed(tmp_path):
    from assistant.interview.commands import edit_text_field, profile_view

    typed = "Acme <b>Corp</b> (see www.acme.example)."
    assert edit_text_field(tmp_path, "organisation", typed, user="ann")
    assert profile_view(tmp_path)["profile"]["company_name"]["value"] == typed
    assert not edit_text_field(tmp_path, "languages", "English")  # a list: read from the words
    from assistant.state.workspace_db import WorkspaceDB

    assert [(e.user, e.action) for e in WorkspaceDB.for_folder(tmp_path).audit_log()][-1:] == [
        ("ann", "profile edit")]


def test_the_reply_ends_a_value_that_ends_a_sentence_once():
    from assistant.interview.plan import load_plan
    from assistant.interview.update import Change, describe

    plan = load_plan()
    said = describe([Change("other_requirements", None, ["Agents must be based in Ohio."])], plan)
    assert said.endswith("Ohio.") and not said.endswith("..")
    assert describe([Change("monthly_volume", None, 40000)], plan) == "Noted: monthly volume 40,000."
