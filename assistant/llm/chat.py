"""One small protocol over LangChain chat models, with a deadline so nothing hangs."""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any, Protocol

from assistant.llm.config import LlmSpec
from assistant.llm.errors import LlmUnavailable

log = logging.getLogger(__name__)

_DONE = object()


class ChatModel(Protocol):
    """What the answerer, the interview and the RFP ask of a generative model."""

    label: str

    def stream(self, system: str, user: str) -> Iterator[str]:
        """The reply in pieces as they arrive (LlmUnavailable on error or timeout)."""
        ...

    def complete(self, system: str, user: str) -> str:
        """The whole reply (LlmUnavailable on error or timeout)."""
        ...


class LangChainChat:
    """A LangChain `BaseChatModel` behind our protocol, bounded by a wall-clock deadline."""

    def __init__(self, model: Any, label: str, timeout_s: float) -> None:
        self.model = model
        self.label = label
        self.timeout_s = timeout_s

    def complete(self, system: str, user: str) -> str:
        """The whole reply."""
        return "".join(self.stream(system, user))

    def stream(self, system: str, user: str) -> Iterator[str]:
        """Pieces of the reply; the model runs in a worker thread so a stall cannot hang us."""
        from langchain_core.messages import HumanMessage, SystemMessage

        messages = [SystemMessage(system), HumanMessage(user)]
        pieces: queue.Queue = queue.Queue()
        abandoned = threading.Event()
        worker = threading.Thread(
            target=self._produce, args=(messages, pieces, abandoned), name="procure-llm",
            daemon=True,
        )
        worker.start()
        deadline = time.monotonic() + self.timeout_s
        try:
            while True:
                left = deadline - time.monotonic()
                try:
                    item = pieces.get(timeout=max(left, 0.0))
                except queue.Empty:
                    raise LlmUnavailable(
                        f"{self.label} did not finish within {self.timeout_s:g} s"
                    ) from None
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    raise LlmUnavailable(f"{self.label} failed: {_one_line(item)}") from item
                yield item
        finally:
            abandoned.set()  # a model still writing stops at its next piece

    def _produce(self, messages: list, pieces: queue.Queue, abandoned: threading.Event) -> None:
        try:
            for chunk in self.model.stream(messages):
                if abandoned.is_set():
                    break
                if text := _chunk_text(chunk):
                    pieces.put(text)
        except BaseException as exc:  # handed to the reader, which raises LlmUnavailable
            pieces.put(exc)
        pieces.put(_DONE)


def build_chat_model(spec: LlmSpec) -> LangChainChat:
    """The configured model, reached through its LangChain integration (nothing is called yet)."""
    if not spec.enabled:
        raise LlmUnavailable("no language model is configured")
    makers = {"openai": _openai, "ollama": _ollama, "local": _local}
    return LangChainChat(makers[spec.provider](spec), spec.label, spec.timeout_s)


def _openai(spec: LlmSpec) -> Any:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise LlmUnavailable("openai models need: pip install 'procure[llm]'") from exc
    return ChatOpenAI(
        model=spec.model,
        base_url=os.environ.get("OPENAI_BASE_URL") or None,
        # local OpenAI-compatible servers (vLLM, llama.cpp, Ollama) accept any key
        api_key=os.environ.get("OPENAI_API_KEY") or "not-needed",
        temperature=0,
        timeout=spec.timeout_s,
        max_retries=0,
    )


def _ollama(spec: LlmSpec) -> Any:
    try:
        from langchain_ollama import ChatOllama
    except ImportError as exc:
        raise LlmUnavailable("ollama models need: pip install 'procure[llm]'") from exc
    return ChatOllama(
        model=spec.model,
        base_url=os.environ.get("OLLAMA_HOST") or None,
        temperature=0,
        client_kwargs={"timeout": spec.timeout_s},
    )


def _local(spec: LlmSpec) -> Any:
    try:
        from assistant.llm.local import local_chat_model
    except ImportError as exc:
        raise LlmUnavailable(f"local models need transformers, gguf and accelerate: {exc}") from exc
    return local_chat_model(spec.model)


def _chunk_text(chunk: Any) -> str:
    """The text of a streamed message chunk (content may be a string or a list of parts)."""
    content = getattr(chunk, "content", chunk)
    if isinstance(content, str):
        return content
    return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content or [])


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
