"""Section introductions of the RFP reworded by the language model, each rewrite checked.

A rewrite is used only when it keeps every number, name and "To be confirmed" mark of the
template paragraph and adds no number, amount, currency or name that is not in the paragraph
or the buyer's profile; otherwise the template paragraph stays.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from assistant.ingest.safety import is_suspicious
from assistant.llm.chat import ChatModel
from assistant.llm.errors import LlmUnavailable
from assistant.llm.facts import stated_numbers, unsupported
from assistant.llm.prompts import fenced, render_prompt
from assistant.rfp.model import TBC_PATTERN, RfpDocument, Section

log = logging.getLogger(__name__)


@dataclass
class PolishReport:
    """How many paragraphs were reworded, and why the others kept the template text."""

    rewritten: int = 0
    kept: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""


def polish_rfp(
    document: RfpDocument, chat: ChatModel, facts: str, limit: int | None = None
) -> tuple[RfpDocument, PolishReport]:
    """The document with checked rewrites of its section introductions.

    Args:
        document: the drafted RFP.
        chat: the language model.
        facts: the buyer's profile as 'label: value' lines; the only new facts allowed.
        limit: reword at most this many paragraphs (a slow local model), the rest stay.
    """
    report = PolishReport()
    sections = []
    budget = limit
    for section in document.sections:
        intro = []
        for paragraph in section.intro:
            if report.note or budget == 0:
                intro.append(paragraph)
                continue
            budget = None if budget is None else budget - 1
            intro.append(_reworded(section, paragraph, chat, facts, document.buyer, report))
        sections.append(replace(section, intro=tuple(intro)))
    return replace(document, sections=tuple(sections)), report


def _reworded(
    section: Section, paragraph: str, chat: ChatModel, facts: str, buyer: str,
    report: PolishReport,
) -> str:
    user = render_prompt(
        "rfp.user", section=section.title, facts=fenced(facts), paragraph=fenced(paragraph)
    )
    try:
        candidate = chat.complete(render_prompt("rfp.system"), user).strip()
    except LlmUnavailable as exc:
        log.warning("RFP wording kept: %s", exc)
        report.note = f"The language model was not used ({exc}); the template wording stays."
        return paragraph
    if reason := rewrite_problem(paragraph, candidate, facts, buyer):
        report.kept.append((section.id, reason))
        return paragraph
    report.rewritten += 1
    return candidate


def rewrite_problem(paragraph: str, candidate: str, facts: str, buyer: str) -> str:
    """Why a rewrite cannot replace the paragraph ('' when it can)."""
    if not candidate:
        return "empty rewrite"
    if not 0.5 <= len(candidate) / max(len(paragraph), 1) <= 1.8:
        return "length changed too much"
    if is_suspicious(candidate):
        return "reads as an instruction to an AI system"
    if TBC_PATTERN.findall(candidate) != TBC_PATTERN.findall(paragraph):
        return "changed a 'To be confirmed' mark"
    if lost := stated_numbers(paragraph) - stated_numbers(candidate):
        return f"dropped the number {sorted(lost)[0]:g}"
    source = f"{paragraph}\n{facts}"
    if added := unsupported(candidate, source, frozenset({buyer.lower()}), min_term_share=0.0):
        return "added " + ", ".join(added[:3])
    return ""


def profile_facts(values: dict[str, str]) -> str:
    """The buyer's profile as 'label: value' lines, the facts a rewrite may use."""
    return "\n".join(f"{label}: {value}" for label, value in values.items()) or "(none yet)"
