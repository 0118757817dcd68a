"""Check a model's answer sentence by sentence against the numbered passages it was given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.safety import is_suspicious
from assistant.llm.facts import unsupported
from assistant.llm.prompts import FENCE_CLOSE, FENCE_OPEN

NOT_STATED = "NOT STATED"
_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_BREAK = re.compile(r"(?<=[.!?\]])\s+")
_LEADING_MARKERS = re.compile(r"^\s*((?:\[[\d,;\s]+\]\s*)+)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@dataclass(frozen=True)
class Passage:
    """One numbered piece of evidence shown to the model."""

    number: int
    vendor: str
    document: str
    page: int
    text: str


@dataclass(frozen=True)
class Claim:
    """One sentence of the model's answer and the passage numbers it cites."""

    text: str
    markers: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    """Whether a claim may be shown, and why not."""

    claim: Claim
    kept: bool
    reason: str = ""


_QUOTATION = re.compile(r'"[^"\n]*"')
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def split_claims(answer: str) -> list[Claim]:
    """The sentences of an answer; markers written after the full stop stay with their sentence,
    and a quotation is one claim however many sentences it holds."""
    pieces: list[str] = []
    for line in answer.splitlines():
        line = _BULLET.sub("", line).strip()
        quotes = _QUOTATION.findall(line)
        line = _QUOTATION.sub(lambda m: f"\x00{quotes.index(m.group(0))}\x00", line)
        for piece in _BREAK.split(line) if line else []:
            lead = _LEADING_MARKERS.match(piece)
            if lead and pieces:
                pieces[-1] += " " + lead.group(1).strip()
                piece = piece[lead.end():]
            if piece.strip():
                pieces.append(_PLACEHOLDER.sub(lambda m: quotes[int(m.group(1))], piece.strip()))
    return [_claim(piece) for piece in pieces]


def _claim(piece: str) -> Claim:
    numbers = [int(n) for group in _MARKER.findall(piece) for n in re.split(r"[,;\s]+", group) if n]
    text = re.sub(r"\s+([.,;!?])", r"\1", _MARKER.sub("", piece)).strip()
    return Claim(text, tuple(dict.fromkeys(numbers)))


def says_not_stated(answer: str) -> bool:
    """The model's own 'the passages do not answer this'."""
    return answer.strip().upper().startswith(NOT_STATED)


def check_claim(claim: Claim, passages: dict[int, Passage], known_names: frozenset[str]) -> Verdict:
    """Keep a claim only if it cites real passages that contain each of its facts."""
    if not claim.markers:
        return Verdict(claim, False, "no citation")
    if missing := [n for n in claim.markers if n not in passages]:
        return Verdict(claim, False, f"cites passage {missing[0]}, which does not exist")
    if is_suspicious(claim.text):
        return Verdict(claim, False, "repeats an instruction aimed at AI assistants")
    if FENCE_OPEN in claim.text or FENCE_CLOSE in claim.text:
        return Verdict(claim, False, "repeats the prompt's passage markup")
    cited = [passages[n] for n in claim.markers]
    source = "\n".join(p.text for p in cited)
    names = known_names | {p.vendor.lower() for p in cited}
    if problems := unsupported(claim.text, source, names):
        return Verdict(claim, False, "not in the cited passage: " + ", ".join(problems[:3]))
    return Verdict(claim, True)


def verify_answer(
    answer: str, passages: dict[int, Passage], known_names: frozenset[str] = frozenset()
) -> list[Verdict]:
    """A verdict for every sentence of the model's answer."""
    return [check_claim(claim, passages, known_names) for claim in split_claims(answer)]
