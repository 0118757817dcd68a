"""One Settings object, built from environment variables at the edge and passed in."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.limits import MAX_MESSAGE_CHARS, MAX_QUESTION_CHARS
from assistant.llm.config import LlmSpec, llm_spec_from_env


def default_home() -> Path:
    """The per-user data directory, overridable with PROCURE_HOME."""
    if home := os.environ.get("PROCURE_HOME"):
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("procure", appauthor=False))


def default_install_dir() -> Path:
    """Where files made once per installation live (ONNX export, guidance index, gazetteer),
    overridable with PROCURE_INSTALL_DIR."""
    if install := os.environ.get("PROCURE_INSTALL_DIR"):
        return Path(install).expanduser()
    return Path(sys.prefix) / "share" / "procure"


# How texts become vectors: the ONNX export (int8 or fp32), or sentence-transformers itself.
EMBEDDINGS = ("onnx-int8", "onnx-fp32", "sentence-transformers")


ENV_NUMBERS = {
    "PROCURE_MAX_MESSAGE_CHARS": ("max_message_chars", int),
    "PROCURE_MAX_QUESTION_CHARS": ("max_question_chars", int),
    "PROCURE_SESSIONS_PER_USER": ("sessions_per_user", int),
    "PROCURE_WORKSPACES_PER_USER": ("workspaces_per_user", int),
    "PROCURE_SESSION_DAYS": ("session_days", float),
    "PROCURE_EXPORT_TTL_S": ("export_ttl_s", float),
    "PROCURE_CLEANUP_INTERVAL_S": ("cleanup_interval_s", float),
}


@dataclass(frozen=True)
class Settings:
    """Tunable knobs of the pipeline; defaults suit a laptop with two cores."""

    workspace: Path
    chunk_chars: int = 900
    max_file_bytes: int = 50 * 1024 * 1024
    max_pages: int = 2000
    dense_k: int = 24
    keyword_k: int = 24
    rrf_k: int = 60
    embed_batch: int = 32
    llm: LlmSpec = field(default_factory=LlmSpec)
    install_dir: Path = field(default_factory=default_install_dir)
    embedding: str = "onnx-int8"
    max_message_chars: int = MAX_MESSAGE_CHARS
    max_question_chars: int = MAX_QUESTION_CHARS
    # The server: per-user caps, lifetimes, and how often expired things are cleaned up.
    sessions_per_user: int = 10
    workspaces_per_user: int = 20
    session_days: float = 30
    export_ttl_s: float = 3600
    cleanup_interval_s: float = 600

    @classmethod
    def from_env(cls, workspace: Path | str | None = None) -> Settings:
        """Settings for a workspace (default: the per-user data directory)."""
        settings = cls(
            workspace=Path(workspace) if workspace else default_home(), llm=llm_spec_from_env()
        )
        if limit := os.environ.get("PROCURE_MAX_FILE_MB"):
            settings = replace(settings, max_file_bytes=int(float(limit) * 1024 * 1024))
        if embedding := os.environ.get("PROCURE_EMBEDDING"):
            if embedding not in EMBEDDINGS:
                raise ValueError(f"PROCURE_EMBEDDING must be one of {', '.join(EMBEDDINGS)}")
            settings = replace(settings, embedding=embedding)
        numbers = {name: kind(os.environ[var]) for var, (name, kind) in ENV_NUMBERS.items()
                   if os.environ.get(var)}
        return replace(settings, **numbers)


def quiet_third_parties() -> None:
    """Switch off telemetry and hub access before heavy libraries are imported."""
    for key, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "ORT_DISABLE_TELEMETRY": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "TOKENIZERS_PARALLELISM": "false",
        "TRANSFORMERS_VERBOSITY": "error",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    }.items():
        os.environ.setdefault(key, value)
