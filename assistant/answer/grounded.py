"""The default answer engine: cited statements from the proposals, or an honest 'not stated'.

For each vendor in the question's scope, candidates come from two searches over the
workspace's statements (by words, BM25 with the question's synonyms, and by meaning, the
embedding model); each is scored (assistant/answer/evidence.py) and the best are kept only when
their probability of answering clears the threshold fitted on the development corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import numpy as np

from assistant.answer.caps import caps_something_else
from assistant.answer.clauses import focused
from assistant.answer.compose import (
    CASE_KINDS,
    RANKABLE,
    compose_answer,
    compose_guidance,
    different_cases,
    disagree,
    names_differ,
    not_stated,
    vendor_lines,
)
from assistant.answer.evidence import (
    Evidence,
    asked_sites,
    cell_amount,
    charges_for_a_span,
    concept_weights,
    counts_something_else,
    features,
    gives,
    goes_on,
    misses_asked_metric,
    other_case,
    price_stems,
    scoring,
    unnamed_case,
    usable,
    whole_company_for_a_site,
    with_lead,
)
from assistant.answer.footnotes import marked_cell, notes_for
from assistant.answer.neighbours import better_source, qualifying_neighbour, row_cells, status_cues
from assistant.answer.question import CURRENCY_WORDS, QuestionPlan, plan_question
from assistant.index.statements import StatementIndex
from assistant.models import Answer, Citation, Page
from assistant.reading.mentions import Mention, read
from assistant.reading.quantities import days_covered, days_named
from assistant.text import quote_in_page, terms, tokens

CANDIDATES_PER_SEARCH = 16
QUALIFIED_BEST = 3  # the best candidates whose qualifying neighbours are considered too


@dataclass(frozen=True)
class Gathered:
    """The evidence for one question: selected (`found`) and all scored (`ranked`) per vendor."""

    plan: QuestionPlan
    found: dict[str, list[Evidence]]
    ranked: dict[str, list[Evidence]]
    warnings: tuple[str, ...] = ()

    @property
    def answered(self) -> bool:
        """Whether any vendor has a statement strong enough to answer with."""
        return any(self.found.values())


class GroundedAnswerer:
    """Answers from the documents' statements only; every quote is cited and checked."""

    def __init__(
        self,
        index: StatementIndex,
        vendors: list[str],
        page: Callable[[str, int], Page | None],
        embed_query: Callable[[str], np.ndarray],
        subject: str = "proposals",
        aliases: dict[str, tuple[str, ...]] | None = None,
        ignore: Iterable[str] = (),
    ) -> None:
        self.index = index
        self.vendors = vendors
        self.page = page
        self.embed_query = embed_query
        self.subject = subject
        self.aliases = aliases or {}
        self.ignore = tuple(ignore)  # names that are nobody's topic (the buyer's own)
        self.model = scoring()
        self._vocabulary = index.keyword.vocabulary()
        self._headings: dict[str, tuple[Mention, ...]] = {}

    def answer(self, question: str) -> Answer:
        """Answer one question from the documents."""
        if not self.vendors:
            return Answer(question, "The workspace holds no proposals yet: ingest some first.", True)
        return self.compose(self.gather(question))

    def plan(self, question: str) -> QuestionPlan:
        """How the engine reads the question."""
        return plan_question(question, self.vendors, self.aliases, self._vocabulary, self.ignore)

    def gather(self, question: str) -> Gathered:
        """Find, score and verify the evidence for a question, per vendor in scope."""
        plan = self.plan(question)
        ranked, displaced = self._rank(plan)
        found = {vendor: self.select(plan, candidates) for vendor, candidates in ranked.items()}
        chosen = [e.statement for picks in found.values() for e in picks]
        return Gathered(plan, found, ranked, self._warnings(chosen, displaced))

    def compose(self, gathered: Gathered) -> Answer:
        """The grounded answer: the selected statements, cited; or an honest 'not stated'."""
        if not gathered.answered:
            text = not_stated(gathered.plan, self.subject)
            return Answer(gathered.plan.question, text, True, (), gathered.warnings)
        if self.subject == "proposals":
            text, citations = compose_answer(gathered.plan, self.focused(gathered))
        else:
            text, citations = compose_guidance(gathered.plan, gathered.found)
        citations = [replace(c, ocr=True) if self.read_by_ocr(c) else c for c in citations]
        return Answer(gathered.plan.question, text, False, tuple(citations), gathered.warnings)

    def focused(self, gathered: Gathered) -> dict[str, list[Evidence]]:
        """The selected statements, each narrowed to its clause that answers where another
        clause gives another value of the asked kind (assistant/answer/clauses.py)."""
        return {vendor: [focused(gathered.plan, e) for e in picks] for vendor, picks in gathered.found.items()}

    def read_by_ocr(self, cited) -> bool:
        """Whether a cited page (anything with a document and a page) was read by OCR."""
        page = self.page(cited.document, cited.page)
        return bool(page and page.ocr)

    def rank(self, plan: QuestionPlan) -> dict[str, list[Evidence]]:
        """Every usable candidate of each vendor in scope, best first."""
        return self._rank(plan)[0]

    def _rank(self, plan: QuestionPlan):
        """The usable candidates per vendor, best first; and the statements aimed at AI
        assistants that would have outranked them (never shown, but warned about)."""
        vector = self.embed_query(plan.query or plan.question)
        weights = concept_weights(plan, self.index.keyword)
        ranked: dict[str, list[Evidence]] = {}
        displaced = []
        for vendor, candidates in self.candidates(plan, vector).items():
            stems = self.index.vendor_stems(vendor)
            scored = [self._scored(plan, statement, similarity, weights, keyword, stems)
                      for statement, similarity, keyword in candidates
                      if statement.flagged or usable(plan, statement)]
            scored.sort(key=lambda e: -e.score)
            scored += self._qualifying(plan, scored, vector, weights, stems)
            scored.sort(key=lambda e: -e.score)
            ranked[vendor] = with_lead([e for e in scored if not e.statement.flagged])
            best = ranked[vendor][0].score if ranked[vendor] else 0.0
            displaced += [e.statement for e in scored if e.statement.flagged and e.score >= best]
        return ranked, displaced

    def _scored(self, plan: QuestionPlan, statement, similarity: float, weights: list[float],
                keyword: float, stems: frozenset[str]) -> Evidence:
        """One candidate statement with its features and probability of answering."""
        context = self._heading_mentions(statement) + self.index.row_values(statement)
        before = self.index.previous(statement)
        found = features(plan, statement, similarity, weights, context, keyword, stems,
                         before.text if before else "")
        return Evidence(statement, found, self.model.probability(found),
                        other_case(plan.qualifiers, statement.mentions + context, plan.query))

    def _qualifying(self, plan: QuestionPlan, scored: list[Evidence], vector: np.ndarray,
                    weights: list[float], stems: frozenset[str]) -> list[Evidence]:
        """The sentences next to the best candidates that carry a status cue ('We may be able
        to...', 'We do not...') and are not candidates yet: they may qualify the answer."""
        seen = {id(e.statement) for e in scored}
        added = []
        for evidence in scored[:QUALIFIED_BEST]:
            for statement in self._beside(evidence.statement):
                if (statement is None or id(statement) in seen or not status_cues(statement)
                        or not usable(plan, statement)):
                    continue
                seen.add(id(statement))
                added.append(self._scored(plan, statement, self.index.similarity(statement, vector),
                                          weights, 0.0, stems))
        return added

    def _beside(self, statement) -> tuple:
        """The sentences before and after one, in its passage (None where there is none)."""
        return self.index.previous(statement), self.index.following(statement)

    def candidates(self, plan: QuestionPlan, vector: np.ndarray):
        """Per vendor: (statement, similarity, keyword score relative to the vendor's best) of
        the statements nearest in meaning and of those sharing the most words."""
        search = " ".join(sorted({t for c in plan.concepts for t in c.stems})) or plan.query
        lexical = self.index.lexical(search, list(plan.vendors), CANDIDATES_PER_SEARCH)
        result = {}
        for vendor in plan.vendors:
            hits = lexical.get(vendor, [])
            top = hits[0][1] if hits else 1.0
            keyword = {id(s): score / top for s, score in hits}
            found = {id(s): (s, sim, keyword.get(id(s), 0.0))
                     for s, sim in self.index.dense(vector, vendor, CANDIDATES_PER_SEARCH)}
            for statement, _ in hits:
                found.setdefault(id(statement), (statement, self.index.similarity(statement, vector),
                                                 keyword[id(statement)]))
            for statement, _, _ in list(found.values()):  # a sentence going on from a candidate
                after = self.index.following(statement)
                if after is not None and goes_on(after.text):
                    found.setdefault(id(after), (after, self.index.similarity(after, vector), 0.0))
            result[vendor] = list(found.values())
        return result

    def select(self, plan: QuestionPlan, ranked: list[Evidence]) -> list[Evidence]:
        """The statements strong enough to answer with ([] means 'not stated'): the best one,
        and others nearly as strong that say as much of the question and either give another
        value of the asked kind (the vendor contradicts itself) or for another case the
        question left open, or, for a question that asks for no value, add to it; in the order
        the vendor wrote them."""
        verified = [e for e in ranked if self.verified_quote(e)]
        if self.subject == "proposals" and _wants_a_value(plan):
            # 'How much is X' is not answered by a sentence about X with no amount.
            verified = [e for e in verified if _gives_a_price(e)]
        if self.subject == "proposals":
            # Another site's or channel's figure does not answer for the one asked, nor does
            # a row naming no site in a column of other sites' figures, nor a cap of another thing.
            verified = [e for e in verified if not e.other_case and not self._unnamed_case(plan, e)
                        and not self._whole_company(plan, e) and not self._misses_metric(plan, e)
                        and not self._counts_else(plan, e)
                        and not caps_something_else(plan, e.quote, e.statement.heading)]
        if not verified or self.model.confident(verified[0].features) < self.model.threshold:
            return []
        limit = 2 if self.subject == "proposals" else 4
        best = verified[0]
        if self.subject == "proposals":
            # The section about the fact, not a summary (or another table) that repeats it.
            best = better_source(plan, best, verified[1:], self.model.runner_up,
                                 self.index.keyword.idf) or best
        chosen = [best]
        for other in verified:
            if len(chosen) == limit:
                break
            if other is not best and other.score >= best.score * self.model.runner_up \
                    and self._adds(plan, chosen, other):
                chosen.append(other)
        if self.subject == "proposals":
            # The sentence beside the best that qualifies it ('... subject to volume').
            neighbour = qualifying_neighbour(plan, best, verified, self._beside)
            if neighbour is not None and neighbour.quote not in {e.quote for e in chosen}:
                chosen.append(neighbour)
        chosen = for_asked_days(plan.question, chosen)
        if self.subject == "proposals":
            chosen += self._row_cells(plan, best, chosen)
            chosen += self._footnotes(plan, chosen)
        # Shown in the order the vendor wrote them (the onshore row before the offshore one).
        return sorted(chosen, key=lambda e: (e.document, e.page, e.statement.start))

    def _row_cells(self, plan: QuestionPlan, best: Evidence,
                   chosen: list[Evidence]) -> list[Evidence]:
        """For a yes-or-no question answered by a table cell, the other cells of its row (its
        status beside its notes), not chosen yet, about the case asked and naming no other site,
        language or channel than the best, and found on the page."""
        if not plan.yes_no or best.statement.cell is None:
            return []
        quoted = {e.quote for e in chosen}
        found = []
        for cell in row_cells(best.statement, self.index.table_mates(best.statement)):
            evidence = replace(best, statement=cell, other_case=False, completes=True)
            if cell.text in quoted or self._another_case(plan, cell) \
                    or different_cases(best, evidence):
                continue  # a status for other sites than the best's is not its status
            if self.verified_quote(evidence):
                found.append(evidence)
        return found

    def _footnotes(self, plan: QuestionPlan, chosen: list[Evidence]) -> list[Evidence]:
        """The notes the chosen table cells' marks refer to ('7.85*' and '* Excludes statutory
        holidays'), and the one cell a chosen note is about ('† Only on Sundays' and '10.20†'),
        not chosen yet and found on the cited page (that cell only where it is about the case
        asked); each weighs as what brought it."""
        quoted = {e.quote for e in chosen}
        notes = []
        for evidence in chosen:
            statement = evidence.statement
            if statement.cell is None:
                cell = marked_cell(statement, self.index.before_on_page(statement))
                if cell is None or cell.text in quoted or self._another_case(plan, cell):
                    continue
                found = replace(evidence, statement=cell, other_case=False, completes=True)
                if self.verified_quote(found):
                    quoted.add(cell.text)
                    notes.append(found)
                continue
            after = self.index.after_on_page(statement)
            page_text = self.page_text(statement.document, statement.page)
            for note in notes_for(statement, after, page_text):
                found = replace(evidence, statement=note, other_case=False, completes=True)
                if note.text not in quoted and self.verified_quote(found):
                    quoted.add(note.text)
                    notes.append(found)
        return notes

    def _said(self, statement) -> tuple[Mention, ...]:
        """What a statement says with its heading and its row: its mentions and theirs."""
        heading, row = self._heading_mentions(statement), self.index.row_values(statement)
        return statement.mentions + heading + row

    def _another_case(self, plan: QuestionPlan, statement) -> bool:
        """Whether a statement, with its heading and row, is about another case than asked."""
        return other_case(plan.qualifiers, self._said(statement), plan.query)

    def _unnamed_case(self, plan: QuestionPlan, evidence: Evidence) -> bool:
        """A cell naming no site among cells naming other sites than the one asked."""
        statement = evidence.statement
        if statement.cell is None or not asked_sites(plan.qualifiers, plan.query):
            return False
        said = statement.mentions + self._heading_mentions(statement)
        mates = tuple(m for mate in self.index.table_mates(statement) for m in mate.mentions)
        return unnamed_case(plan.qualifiers, said, mates, plan.query)

    def _whole_company(self, plan: QuestionPlan, evidence: Evidence) -> bool:
        """A figure for the whole vendor, where the question asks about one of its sites."""
        statement = evidence.statement
        said = self._said(statement)
        return whole_company_for_a_site(plan.qualifiers, said, statement.text, plan.query)

    def _counts_else(self, plan: QuestionPlan, evidence: Evidence) -> bool:
        """A statement that says none of what a 'how many' question counts."""
        before = self.index.previous(evidence.statement)
        return counts_something_else(plan, evidence.statement, before.text if before else "")

    def _misses_metric(self, plan: QuestionPlan, evidence: Evidence) -> bool:
        """A statement that never names the metric whose figure the question asks."""
        return misses_asked_metric(plan.qualifiers, self._said(evidence.statement))

    def _adds(self, plan: QuestionPlan, chosen: list[Evidence], other: Evidence) -> bool:
        """Whether a further statement belongs in the answer: it says as much of the question
        as the best; in a table, it is another column of the best's row for the same case (its
        status and its detail, not the next site's price), never another row; where a value is
        asked, it gives another one for the same case (the vendor contradicts itself); the
        sentence after the best that goes on from it ('They are capped at 6%') when it gives
        an asked kind of value."""
        if other.quote in {e.quote for e in chosen}:
            return False
        best = chosen[0]
        if other.features["coverage"] < best.features["coverage"] - 0.05:
            # says less of the question in its own words: only the sentence that goes on from the best
            follows = goes_on(other.quote) and self.index.following(best.statement) is other.statement
            return follows and (bool(other.features["kind_present"]) or not plan.answer_kinds)
        if self.subject != "proposals":
            return True
        if _another_case(plan, best, other):
            return True
        if other.features["qualifier_conflicts"] > best.features["qualifier_conflicts"]:
            return False  # about another site, language or channel than asked: no contradiction
        if _same_table(best, other):
            return _same_row(best, other) and not different_cases(best, other)
        if plan.answer_kinds & RANKABLE.keys():
            return disagree(plan, [best, other])
        return True

    def retrieved_pages(self, question: str) -> list[tuple[str, int]]:
        """The pages of every candidate considered (what retrieval recall is measured on)."""
        ranked = self.rank(self.plan(question))
        return list(dict.fromkeys((e.document, e.page) for found in ranked.values() for e in found))

    def vendor_lines(self, plan: QuestionPlan, found: dict[str, list[Evidence]],
                     vendors: tuple[str, ...], first_marker: int = 1) -> tuple[list[str], list[Citation]]:
        """One cited line per vendor (what a language model's answer is completed with)."""
        return vendor_lines(plan, found, vendors, first_marker)

    def verified_quote(self, evidence: Evidence) -> bool:
        """A quote is shown only if it occurs in the cited page's text."""
        return quote_in_page(evidence.quote, self.page_text(evidence.document, evidence.page))

    def page_text(self, document: str, number: int) -> str:
        """The stored text of a page ('' when unknown)."""
        page = self.page(document, number)
        return page.text if page else ""

    def _heading_mentions(self, statement) -> tuple[Mention, ...]:
        """The mentions of a statement's heading (read once per heading)."""
        heading = statement.heading
        if heading not in self._headings:
            self._headings[heading] = tuple(read(heading)) if terms(heading) else ()
        return self._headings[heading]

    def _warnings(self, chosen: list, displaced: list) -> tuple[str, ...]:
        """A note for each page where the answer's evidence stands next to text aimed at AI
        assistants, or where such text is what the question found (it is data: never
        followed, never quoted)."""
        flagged = [s for statement in chosen for s in self.index.neighbours(statement) if s.flagged]
        notes = []
        for statement in flagged + displaced:
            note = (f"{statement.document} page {statement.page} contains instructions aimed at AI "
                    "assistants; they were treated as data and not followed.")
            if note not in notes:
                notes.append(note)
        return tuple(notes)


def for_asked_days(question: str, chosen: list[Evidence]) -> list[Evidence]:
    """The cells for the day the question names, where a table splits its figures by day: a
    column for 'Monday to Saturday' does not answer 'the Sunday rate' when the 'Sunday and
    public holidays' column beside it is chosen too. Nothing is dropped unless a chosen cell's
    headers cover every day asked."""
    asked = days_named(question)
    if not asked or len(chosen) < 2:
        return chosen
    spans = [_header_days(e) for e in chosen]
    if not any(asked <= days for days in spans):
        return chosen
    return [e for e, days in zip(chosen, spans, strict=True) if not days or days & asked]


def _header_days(evidence: Evidence) -> frozenset[str]:
    """The days a table cell's headers cover (none for a sentence)."""
    cell = evidence.statement.cell
    return days_covered(" ".join((*cell.row_header, *cell.col_header))) if cell is not None else frozenset()


def _gives_a_price(evidence: Evidence) -> bool:
    """Whether a statement gives an amount, a share or multiple of a price, a span of charges
    ('three months of fees'), or a way of charging."""
    statement = evidence.statement
    kinds = {m.kind for m in statement.mentions} | ({"money"} if cell_amount(statement) else set())
    return gives("money", kinds, frozenset(terms(statement.text + " " + statement.heading))) \
        or "pricing_model" in kinds or charges_for_a_span(statement)


def _wants_a_value(plan: QuestionPlan) -> bool:
    """A question that asks for a price by name ('what fee', 'how much is the rate'; not 'how
    much training', not a yes or no, not which currency): only a statement giving one answers."""
    if plan.yes_no or "money" not in plan.answer_kinds or plan.answer_kinds & {"duration", "percent", "count"}:
        return False
    words = set(tokens(plan.query))
    return bool(set(terms(plan.query)) & price_stems()) and not words & set(CURRENCY_WORDS)


def _same_table(one: Evidence, other: Evidence) -> bool:
    """Two cells of one page's tables."""
    a, b = one.statement, other.statement
    return a.cell is not None and b.cell is not None and a.document == b.document and a.page == b.page


def _another_case(plan: QuestionPlan, best: Evidence, other: Evidence) -> bool:
    """Another table row with a value of the asked kind, for a site, delivery model, language
    or channel the question does not name, that contradicts none of the question's qualifiers
    and names as many of them as the best."""
    asked_kinds = {q.kind for q in plan.qualifiers}
    open_kinds = [k for k in CASE_KINDS if k not in asked_kinds]
    if not any(names_differ(best, other, kind) for kind in open_kinds):
        return False
    if any(names_differ(best, other, kind) for kind in asked_kinds):
        return False
    if other.features["qualifier_conflicts"] > 0:
        return False
    if other.features["qualifier_agrees"] < best.features["qualifier_agrees"]:
        return False
    return bool(plan.answer_kinds & RANKABLE.keys()) and all(
        any(m.kind in plan.answer_kinds for m in e.statement.mentions) for e in (best, other))


def _same_row(one: Evidence, other: Evidence) -> bool:
    """Two cells of one row (the same headers on two rows are two cases: 'Monterrey / Chat'
    once in English, once in Spanish)."""
    a, b = one.statement.cell, other.statement.cell
    return a.row == b.row and a.row_header == b.row_header
