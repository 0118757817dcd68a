"""Answers written by a generative model from numbered passages, shown only once verified.

The grounded engine gathers the evidence and decides "not stated"; the model only rewords
what the passages say. Every sentence it writes is checked (see verify.py); unsupported
sentences are left out, vendors it skipped get the grounded lines, and when nothing survives,
or the model fails or times out, the grounded answer is shown with a note.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace

from assistant.answer.grounded import Gathered, GroundedAnswerer
from assistant.llm.chat import ChatModel
from assistant.llm.errors import LlmUnavailable
from assistant.llm.prompts import fenced, render_prompt
from assistant.llm.verify import Passage, Verdict, says_not_stated, verify_answer
from assistant.models import Answer, Citation

log = logging.getLogger(__name__)

MAX_PASSAGES = 12


class LlmAnswerer:
    """The grounded engine's evidence, worded by a chat model, every sentence verified."""

    def __init__(self, grounded: GroundedAnswerer, chat: ChatModel) -> None:
        self.grounded = grounded
        self.chat = chat

    def answer(self, question: str) -> Answer:
        """The final answer."""
        *_, final = self.stream(question)
        return final

    def stream(self, question: str) -> Iterator[Answer]:
        """Verified partial answers as the model writes, then the final answer."""
        if not self.grounded.vendors:
            yield self.grounded.answer(question)
            return
        gathered = self.grounded.gather(question)
        if not gathered.answered:
            yield self.grounded.compose(gathered)
            return
        passages = self.passages(gathered)
        system, user = render_prompt("answer.system"), self.user_prompt(gathered, passages)
        written, shown = "", 0
        try:
            for piece in self.chat.stream(system, user):
                written += piece
                if any(mark in piece for mark in ".!?]\n"):
                    partial = self._partial(gathered, passages, written)
                    if partial is not None and len(partial.citations) > shown:
                        shown = len(partial.citations)
                        yield partial
        except LlmUnavailable as exc:
            log.warning("language model not used: %s", exc)
            yield self._fallback(gathered, f"The language model was not used ({exc}).")
            return
        yield self.finish(gathered, passages, written)

    def passages(self, gathered: Gathered) -> dict[int, Passage]:
        """Numbered evidence per vendor: the selected sentences, then the next best ones."""
        per_vendor = 2 if gathered.plan.cross_vendor else 4
        chosen: list[Passage] = []
        for vendor in gathered.plan.vendors:
            picked = list(gathered.found.get(vendor, []))
            for evidence in gathered.ranked.get(vendor, []):
                if len(picked) >= per_vendor:
                    break
                if evidence not in picked and self.grounded.verified_quote(evidence):
                    picked.append(evidence)
            for e in picked[:per_vendor]:
                chosen.append(Passage(len(chosen) + 1, e.vendor, e.document, e.page, e.quote))
        return {p.number: p for p in chosen[:MAX_PASSAGES]}

    def user_prompt(self, gathered: Gathered, passages: dict[int, Passage]) -> str:
        """The question and the fenced passages."""
        blocks = [
            fenced(p.text, f"[{n}] {p.vendor}, {p.document}, page {p.page}")
            for n, p in passages.items()
        ]
        return render_prompt(
            "answer.user",
            question=gathered.plan.question,
            vendors=", ".join(gathered.plan.vendors),
            passages="\n\n".join(blocks),
        )

    def finish(self, gathered: Gathered, passages: dict[int, Passage], written: str) -> Answer:
        """The verified answer, completed per vendor, or the grounded one with a note."""
        if says_not_stated(written):
            return self._fallback(
                gathered, "The language model found no answer in the passages it was given."
            )
        verdicts = self._verdicts(passages, written)
        kept = [v for v in verdicts if v.kept]
        if not kept:
            return self._fallback(
                gathered, "The language model's answer could not be verified against the sources."
            )
        answer = self._compose(gathered, passages, kept)
        if dropped := len(verdicts) - len(kept):
            note = (
                f"{dropped} sentence(s) of the language model's answer were left out: the "
                "passages they cite do not support them."
            )
            answer = _with_note(answer, note)
        return answer

    def _partial(
        self, gathered: Gathered, passages: dict[int, Passage], written: str
    ) -> Answer | None:
        """The verified sentences written so far (the last, unfinished one is held back)."""
        if says_not_stated(written):
            return None
        verdicts = self._verdicts(passages, written)[:-1]
        kept = [v for v in verdicts if v.kept]
        return self._text_answer(gathered, passages, kept) if kept else None

    def _verdicts(self, passages: dict[int, Passage], written: str) -> list[Verdict]:
        names = frozenset(v.lower() for v in self.grounded.vendors)
        return verify_answer(written, passages, names)

    def _text_answer(
        self, gathered: Gathered, passages: dict[int, Passage], kept: list[Verdict]
    ) -> Answer:
        """The kept sentences with markers renumbered in order of first use."""
        numbering: dict[int, int] = {}
        sentences = []
        for verdict in kept:
            for n in verdict.claim.markers:
                numbering.setdefault(n, len(numbering) + 1)
            marks = "".join(f"[{numbering[n]}]" for n in verdict.claim.markers)
            sentences.append(f"{verdict.claim.text} {marks}")
        citations = tuple(
            Citation(new, passages[old].document, passages[old].vendor, passages[old].page,
                     passages[old].text, self.grounded.read_by_ocr(passages[old]))
            for old, new in numbering.items()
        )
        return Answer(
            gathered.plan.question, " ".join(sentences), False, citations, gathered.warnings,
            engine=self.chat.label,
        )

    def _compose(
        self, gathered: Gathered, passages: dict[int, Passage], kept: list[Verdict]
    ) -> Answer:
        """The model's sentences, then grounded lines for vendors it left unanswered."""
        answer = self._text_answer(gathered, passages, kept)
        covered = {c.vendor for c in answer.citations}
        missing = tuple(v for v in gathered.plan.vendors if v not in covered)
        lines, extra = self.grounded.vendor_lines(
            gathered.plan, gathered.found, missing, first_marker=len(answer.citations) + 1
        )
        text = "\n".join([answer.text, *lines])
        return replace(answer, text=text, citations=answer.citations + tuple(extra))

    def _fallback(self, gathered: Gathered, note: str) -> Answer:
        answer = self.grounded.compose(gathered)
        return _with_note(answer, f"{note} This is the grounded answer.")


def _with_note(answer: Answer, note: str) -> Answer:
    return replace(answer, notes=(*answer.notes, note))
