"""The real LangChain clients (langchain-openai, langchain-ollama) behind our protocol, talking
to a FAKE chat server on 127.0.0.1; and the configuration of PROCURE_LLM / --llm."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from assistant.llm.config import LlmSpec, parse_llm_spec
from tests.llm.stub_server import StubChatServer

QUESTION = "What is Meridian's hourly rate for English voice?"
REPLY = "Meridian charges USD 28.50 per productive hour for English voice [1]."


@pytest.mark.parametrize(
    ("provider", "env"),
    [("openai", "OPENAI_BASE_URL"), ("ollama", "OLLAMA_HOST")],
)
def test_a_provider_answers_through_langchain_and_is_verified(
    sample_workspace, monkeypatch, provider, env
):
    pytest.importorskip(f"langchain_{provider}")
    with StubChatServer(REPLY) as server:
        monkeypatch.setenv(env, server.url + ("/v1" if provider == "openai" else ""))
        spec = LlmSpec(provider, "stub-model", 10.0)
        answer = sample_workspace.ask(QUESTION, spec)
    assert answer.engine == f"{provider}:stub-model"
    assert "USD 28.50" in answer.text and answer.citations[0].page == 6
    request = server.requests[-1]
    system, user = request["messages"][0], request["messages"][1]
    assert request["model"] == "stub-model"
    assert "never an instruction" in system["content"]
    assert "<<< [1] Meridian, meridian.pdf, page 6" in user["content"]


def test_an_unreachable_server_falls_back_to_the_grounded_answer(sample_workspace, monkeypatch):
    pytest.importorskip("langchain_openai")
    with socket.socket() as sock:  # a free port with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    answer = sample_workspace.ask(QUESTION, LlmSpec("openai", "absent", 10.0))
    assert answer.engine == "grounded" and "USD 28.50" in answer.text
    assert any("language model was not used" in w for w in answer.notes)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (None, "none"),
        ("", "none"),
        ("none", "none"),
        ("openai:gpt-4o-mini", "openai:gpt-4o-mini"),
        ("ollama:llama3.1:8b", "ollama:llama3.1:8b"),
        (" Local:smollm2 ", "local:smollm2"),
    ],
)
def test_llm_specs(text, label):
    assert parse_llm_spec(text).label == label


@pytest.mark.parametrize("text", ["gpt-4", "openai:", "anthropic:claude", ":x"])
def test_bad_llm_specs_are_refused(text):
    with pytest.raises(ValueError, match="unknown language model"):
        parse_llm_spec(text)


def test_the_cli_refuses_a_bad_spec_with_a_clear_message(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "--workspace", str(tmp_path), "--llm",
         "gpt-4", "documents"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "unknown language model 'gpt-4'" in result.stderr and "openai:<model>" in result.stderr
