"""The domain's vocabulary, as validated data in knowledge/lexicon/*.yaml (one copy of each list)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator

LEXICON_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "lexicon"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisations(_Strict):
    """How company names are written and which words around them say who wrote a document."""

    legal_suffixes: tuple[str, ...]
    company_words: tuple[str, ...]
    author_cues: tuple[str, ...]
    author_hints: tuple[str, ...]
    addressee_cues: tuple[str, ...]
    addressee_hints: tuple[str, ...]
    document_words: tuple[str, ...]

    @field_validator("author_cues", "author_hints", "addressee_cues", "addressee_hints")
    @classmethod
    def _has_slot(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        for cue in cues:
            if cue.count("{name}") != 1:
                raise ValueError(f"cue {cue!r} must hold exactly one {{name}}")
        return cues


class Offer(_Strict):
    """Words that together mark a document as an offer of contact-centre services."""

    domain_terms: tuple[str, ...]
    offer_terms: tuple[str, ...]


def _load(name: str) -> dict:
    path = LEXICON_DIR / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@cache
def organisations() -> Organisations:
    """knowledge/lexicon/organisations.yaml, validated."""
    return Organisations(**_load("organisations"))


@cache
def offer() -> Offer:
    """knowledge/lexicon/offer.yaml, validated."""
    return Offer(**_load("offer"))
