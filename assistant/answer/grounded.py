"""The default answer engine: cited sentences from the proposals, or an honest 'not stated'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.answer.evidence import (
    ChunkReading,
    Evidence,
    Sentence,
    read_chunk,
    score_hits,
    select,
    weights,
)
from assistant.answer.question import QuestionPlan, plan_question
from assistant.index.keyword import KeywordIndex
from assistant.models import Answer, Chunk, Citation, Hit, Page
from assistant.retrieve import HybridRetriever
from assistant.text import quote_in_page

HITS_PER_VENDOR = 8


@dataclass(frozen=True)
class Gathered:
    """The evidence for one question: selected (`found`) and all scored (`ranked`) per vendor."""

    plan: QuestionPlan
    found: dict[str, list[Evidence]]
    ranked: dict[str, list[Evidence]]
    warnings: tuple[str, ...] = ()

    @property
    def answered(self) -> bool:
        """Whether any vendor has a sentence strong enough to answer with."""
        return any(self.found.values())


class GroundedAnswerer:
    """Answers from retrieved sentences only; every sentence is cited and checked."""

    def __init__(
        self,
        retriever: HybridRetriever,
        keyword: KeywordIndex,
        vendors: list[str],
        page: Callable[[str, int], Page | None],
        embed_query: Callable[[str], np.ndarray],
        subject: str = "proposals",
        aliases: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.retriever = retriever
        self.keyword = keyword
        self.vendors = vendors
        self.page = page
        self.embed_query = embed_query
        self.subject = subject
        self.aliases = aliases or {}
        self._readings: dict[str, ChunkReading] = {}

    def answer(self, question: str) -> Answer:
        """Answer one question from the workspace's documents."""
        if not self.vendors:
            return Answer(question, "The workspace holds no proposals yet: ingest some first.", True)
        return self.compose(self.gather(question))

    def gather(self, question: str) -> Gathered:
        """Retrieve, score and verify the evidence for a question, per vendor in scope."""
        plan = plan_question(question, self.vendors, self.aliases)
        hits_by_vendor = self.retrieve(plan)
        term_weights = weights(plan, self.keyword)
        limit = 2 if plan.cross_vendor else 3
        found: dict[str, list[Evidence]] = {}
        ranked: dict[str, list[Evidence]] = {}
        for vendor, hits in hits_by_vendor.items():
            ranked[vendor] = score_hits(plan, hits, self._sentences_of, term_weights)
            selected = select(ranked[vendor], hits, limit)
            found[vendor] = [e for e in selected if self.verified_quote(e)]
        warnings = self._injection_warnings([h for hits in hits_by_vendor.values() for h in hits])
        return Gathered(plan, found, ranked, warnings)

    def compose(self, gathered: Gathered) -> Answer:
        """The grounded answer: the selected sentences, cited; or an honest 'not stated'."""
        plan, found = gathered.plan, gathered.found
        if not gathered.answered:
            closest = [ranked[0] for ranked in gathered.ranked.values() if ranked]
            text = self._not_stated(plan, closest)
            return Answer(plan.question, text, True, (), gathered.warnings)
        lines, citations = self.vendor_lines(plan, found, plan.vendors)
        return Answer(plan.question, "\n".join(lines), False, tuple(citations), gathered.warnings)

    def retrieve(self, plan: QuestionPlan) -> dict[str, list[Hit]]:
        """The hits for each vendor in the question's scope (one query embedding for all)."""
        vector = self.embed_query(plan.question)
        return self.retriever.retrieve_per_vendor(
            plan.question, list(plan.vendors), HITS_PER_VENDOR, vector
        )

    def prepare(self) -> None:
        """Read every chunk now, so no question pays for it later."""
        for chunk in self.retriever.chunks.values():
            self._reading(chunk)

    def _reading(self, chunk: Chunk) -> ChunkReading:
        """A chunk's sentences and injection flag, read once and cached."""
        if chunk.id not in self._readings:
            page = self.page(chunk.document, chunk.page) or Page(chunk.page, "")
            self._readings[chunk.id] = read_chunk(chunk, page)
        return self._readings[chunk.id]

    def _sentences_of(self, chunk: Chunk) -> list[Sentence]:
        """A chunk's candidate sentences."""
        return self._reading(chunk).sentences

    def verified_quote(self, evidence: Evidence) -> bool:
        """A quote is shown only if it occurs in the cited page's text."""
        return quote_in_page(evidence.quote, self.page_text(evidence.document, evidence.page))

    def page_text(self, document: str, number: int) -> str:
        """The stored text of a page ('' when unknown)."""
        page = self.page(document, number)
        return page.text if page else ""

    def vendor_lines(
        self,
        plan: QuestionPlan,
        found: dict[str, list[Evidence]],
        vendors: tuple[str, ...],
        first_marker: int = 1,
    ) -> tuple[list[str], list[Citation]]:
        """One cited line per vendor; 'does not state' for a vendor of a cross-vendor question."""
        citations: list[Citation] = []
        lines: list[str] = []
        for vendor in vendors:
            cited = []
            for evidence in found.get(vendor, []):
                marker = first_marker + len(citations)
                citations.append(
                    Citation(marker, evidence.document, evidence.vendor, evidence.page,
                             evidence.quote)
                )
                cited.append(f"{_sentence(evidence.quote)} [{marker}]")
            if cited:
                lines.append(f"{vendor}: " + " ".join(cited))
            elif plan.cross_vendor:
                lines.append(f"{vendor}: the proposal does not state this.")
        return lines, citations

    def _not_stated(self, plan: QuestionPlan, closest: list[Evidence]) -> str:
        if self.subject != "proposals":
            where = f"the {self.subject}"
        elif plan.cross_vendor:
            where = "any proposal"
        else:
            where = f"the proposal of {plan.vendors[0]}"
        best = max(closest, key=lambda e: e.score, default=None)
        missing = best.missing if best else tuple(plan.surface.values())
        topic = ", ".join(f"'{word}'" for word in missing[:3]) or "this question"
        return f"The {self.subject} do not say. Nothing in {where} addresses {topic}."

    def _injection_warnings(self, hits: list[Hit]) -> tuple[str, ...]:
        flagged = []
        for hit in hits:
            chunk = hit.chunk
            if self._reading(chunk).suspicious:
                note = (
                    f"{chunk.document} page {chunk.page} contains instructions aimed at AI "
                    "assistants; they were treated as data and not followed."
                )
                if note not in flagged:
                    flagged.append(note)
        return tuple(flagged)


def _sentence(quote: str) -> str:
    """A quote as it reads inside the answer."""
    return quote if quote.endswith((".", "!", "?")) else quote + "."
