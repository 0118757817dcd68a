"""Which generative model to use, from PROCURE_LLM / --llm / the web setting."""

from __future__ import annotations

import os
from dataclasses import dataclass

PROVIDERS = ("openai", "ollama", "local")
SPEC_HELP = (
    "none (the grounded engine), openai:<model> (OPENAI_BASE_URL / OPENAI_API_KEY; any "
    "OpenAI-compatible server), ollama:<model> (OLLAMA_HOST), or local:smollm2 (a tiny "
    "offline model, for tests)"
)
DEFAULT_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class LlmSpec:
    """A provider and a model name; `provider == "none"` means the grounded engine only."""

    provider: str = "none"
    model: str = ""
    timeout_s: float = DEFAULT_TIMEOUT_S

    @property
    def enabled(self) -> bool:
        """Whether a generative model is configured."""
        return self.provider != "none"

    @property
    def label(self) -> str:
        """'openai:gpt-4o-mini', or 'none'."""
        return f"{self.provider}:{self.model}" if self.enabled else "none"


def parse_llm_spec(text: str | None, timeout_s: float | None = None) -> LlmSpec:
    """Read 'none', 'openai:<model>', 'ollama:<model>' or 'local:<name>' (ValueError otherwise)."""
    timeout = DEFAULT_TIMEOUT_S if timeout_s is None else timeout_s
    value = (text or "").strip()
    if value.lower() in ("", "none", "off", "grounded"):
        return LlmSpec(timeout_s=timeout)
    provider, _, model = value.partition(":")
    provider, model = provider.strip().lower(), model.strip()
    if provider not in PROVIDERS or not model:
        raise ValueError(f"unknown language model {value!r}: use {SPEC_HELP}")
    return LlmSpec(provider, model, timeout)


def llm_spec_from_env() -> LlmSpec:
    """PROCURE_LLM and PROCURE_LLM_TIMEOUT (seconds), read at the edge."""
    timeout = os.environ.get("PROCURE_LLM_TIMEOUT")
    return parse_llm_spec(os.environ.get("PROCURE_LLM"), float(timeout) if timeout else None)
