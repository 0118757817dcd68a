"""FAKE chat models for the plumbing tests: LangChain's FakeListChatModel, scripted replies.

A real remote LLM cannot run here; these fakes stand in for one so that every way a model can
misbehave (uncited claims, invented numbers, echoed injections, bad JSON, stalls, errors) can
be scripted. The real small model is exercised in test_local_model.py and test_llm_eval.py.
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pydantic import Field

from assistant.llm.chat import LangChainChat


class RecordingFakeChatModel(FakeListChatModel):
    """FAKE: LangChain's scripted chat model that also keeps the messages it was sent."""

    seen: list[Any] = Field(default_factory=list)

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(messages)
        yield from super()._stream(messages, stop, run_manager, **kwargs)


def fake_chat(*replies: str, timeout_s: float = 10.0, **options: Any) -> LangChainChat:
    """Our protocol over a FAKE LangChain chat model that answers `replies` in turn."""
    model = RecordingFakeChatModel(responses=list(replies), **options)
    return LangChainChat(model, "fake:scripted", timeout_s)
