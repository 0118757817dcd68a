"""A workspace: one buyer's documents, index and answers, kept in one directory."""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.ingest import IngestError, LoadedDocument, load_document
from assistant.llm.config import LlmSpec
from assistant.models import Answer, DocumentRecord, IngestOutcome
from assistant.progress import Progress, no_progress
from assistant.settings import Settings

log = logging.getLogger(__name__)

EMBED_SLICE = 16  # chunks per embedding call: progress after each (a few pages)
LOADING_MODEL = "loading the embedding model"


class Workspace:
    """Ingest, list, remove and ask; the CLI and the web app are thin shells over this."""

    def __init__(self, settings: Settings, embedder=None, progress: Progress = no_progress) -> None:
        from assistant.index.catalog import Catalog

        self.settings = settings
        self.root = settings.workspace
        self.root.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog(self.root / "documents")
        self._embedder = embedder
        self.progress = progress  # told of long work: model load, indexing, ingest
        self._lock = threading.RLock()
        self._keyword = None
        self._answerer = None
        self._guidance = None
        self._matrix = None
        self._chats: dict[LlmSpec, object] = {}

    @property
    def embedder(self):
        """The embedding model, loaded on first use."""
        if self._embedder is None:
            from assistant.index.embedder import is_loaded, shared_embedder

            model = (self.settings.install_dir, self.settings.embedding)
            waits = not is_loaded(*model)
            if waits:
                self.progress(LOADING_MODEL, 0, 1)
            self._embedder = shared_embedder(*model)
            if waits:
                self.progress(LOADING_MODEL, 1, 1)
        return self._embedder

    @cached_property
    def store(self):
        """The Chroma collection of this workspace."""
        from assistant.index.store import VectorStore

        return VectorStore(self.root / "chroma")

    def documents(self) -> list[DocumentRecord]:
        """Documents held, by name."""
        return sorted(self.catalog.records.values(), key=lambda r: r.name)

    def ingest(
        self, paths: Iterable[Path], vendor: str | None = None, progress: Progress | None = None
    ) -> list[IngestOutcome]:
        """Ingest each file; a bad file is reported and the rest of the batch goes on.

        Args:
            paths: the files (PDF, DOCX, TXT, MD).
            vendor: the vendor's name for all of them (default: found in each document).
            progress: told of each file's pages as they are read and embedded (default: the
                workspace's).
        """
        return list(self.ingest_each(paths, vendor, progress))

    def ingest_each(
        self, paths: Iterable[Path], vendor: str | None = None, progress: Progress | None = None
    ) -> Iterator[IngestOutcome]:
        """`ingest`, yielding each file's outcome as soon as it is stored."""
        report = progress or self.progress
        stored = False
        for path in map(Path, paths):
            try:
                document = self._read(path, vendor, report)
            except IngestError as exc:
                yield IngestOutcome(str(path), False, str(exc))
                continue
            record = self._store(document, self._embed_pages(document, report))
            stored = True
            yield IngestOutcome(str(path), True, _summary(record), record)
        if stored:
            self.keyword_index()  # built now, once, rather than by the next question

    def _read(self, path: Path, vendor: str | None, report: Progress) -> LoadedDocument:
        """Read one file, telling `report` of each page where the reader takes a callback."""
        if not _takes_progress(load_document):
            return load_document(path, self.settings, vendor)
        task = f"{path.name}: reading pages"
        return load_document(
            path, self.settings, vendor, progress=lambda done, total: report(task, done, total)
        )

    def _embed_pages(self, document: LoadedDocument, report: Progress) -> np.ndarray:
        """The vectors of a document's chunks, reporting pages embedded as slices finish."""
        chunks, task = document.chunks, f"{document.name}: embedding pages"
        pages = len(document.pages)
        embedder = self.embedder
        report(task, 0, pages)
        parts = []
        for start in range(0, len(chunks), EMBED_SLICE):
            part = chunks[start : start + EMBED_SLICE]
            parts.append(embedder.embed([chunk.embedding_text() for chunk in part]))
            done = pages if start + EMBED_SLICE >= len(chunks) else part[-1].page - 1
            report(task, max(0, min(done, pages)), pages)
        if not parts:
            report(task, pages, pages)
            return np.zeros((0, 0), dtype=np.float32)
        return np.concatenate(parts)

    def _store(self, document: LoadedDocument, vectors: np.ndarray) -> DocumentRecord:
        """Store a document's vectors and texts, replacing an earlier one of the same name."""
        with self._lock:
            self.store.delete_document(document.name)
            self.store.add(document.chunks, vectors)
            record = self.catalog.add(document)
            self._forget_derived()
        return record

    def _forget_derived(self) -> None:
        """Indexes built from the documents are rebuilt after any change."""
        self._keyword = None
        self._answerer = None
        self._matrix = None

    def matrix(self):
        """The comparison matrix of the vendors' terms (built once per change; the extracted
        terms are cached on disk per vendor, so a new process does not extract them again)."""
        with self._lock:
            if self._matrix is None:
                from assistant.compare.matrix import matrix_from_values
                from assistant.index.terms_cache import cached_values

                path = self.root / "terms.json"
                values = cached_values(self.catalog, path, self.progress)
                self._matrix = matrix_from_values(values)
            return self._matrix

    def remove(self, name: str) -> bool:
        """Remove a document by name; False if it is not in the workspace."""
        with self._lock:
            if name not in self.catalog.records:
                return False
            self.store.delete_document(name)
            self.catalog.remove(name)
            self._forget_derived()
        return True

    def ask(self, question: str, llm: LlmSpec | None = None) -> Answer:
        """Answer from the guidance (advice), the terms matrix (comparisons) or the proposals."""
        *_, final = self.ask_stream(question, llm)
        return final

    def ask_stream(self, question: str, llm: LlmSpec | None = None) -> Iterator[Answer]:
        """Verified partial answers, then the final one (one answer without a language model).

        Args:
            question: the buyer's question.
            llm: the generative model to word the answer; default: the settings' one.
        """
        question = question.strip()
        from assistant.answer.question import is_guidance_question

        if is_guidance_question(question, self.catalog.vendors()):
            yield from self._worded(self.guidance_answerer(), question, llm)
            return
        if self.catalog.records:
            from assistant.compare import matrix_answer

            if (answer := matrix_answer(_LazyMatrix(self), question)) is not None:
                yield answer
                return
        yield from self._worded(self.answerer(), question, llm)

    def _worded(self, grounded, question: str, llm: LlmSpec | None) -> Iterator[Answer]:
        """The grounded answer, or the language model's verified wording of its evidence."""
        chat, why_not = self._chat_for(llm)
        if chat is None:
            answer = grounded.answer(question)
            if why_not:
                note = f"The language model was not used ({why_not}). This is the grounded answer."
                answer = replace(answer, notes=(*answer.notes, note))
            yield answer
            return
        from assistant.llm.answer import LlmAnswerer

        yield from LlmAnswerer(grounded, chat).stream(question)

    def interview_reader(self, llm: LlmSpec | None = None):
        """The language model's reader of interview answers, or None (rules only)."""
        chat, why_not = self._chat_for(llm)
        if chat is None:
            if why_not:
                log.warning("interview answers read by the rules only: %s", why_not)
            return None
        from assistant.interview.plan import load_plan
        from assistant.llm.interview import InterviewReader

        return InterviewReader(chat, load_plan())

    def draft_rfp(self, llm: LlmSpec | None = None, limit: int | None = None):
        """The RFP drafted from this workspace's profile, its introductions reworded when a
        language model is set; returns (document, notes for the buyer)."""
        from assistant.rfp import draft_for_workspace

        document = draft_for_workspace(self.root)
        chat, why_not = self._chat_for(llm)
        if chat is None:
            notes = [f"The language model was not used ({why_not}); template wording kept."]
            return document, notes if why_not else []
        from assistant.interview.commands import profile_view
        from assistant.llm.rfp import polish_rfp, profile_facts

        slots = profile_view(self.root)["profile"].values()
        facts = profile_facts({s["label"]: s["display"] for s in slots})
        document, report = polish_rfp(document, chat, facts, limit)
        notes = [report.note] if report.note else []
        notes.append(
            f"{report.rewritten} introduction paragraph(s) reworded by {chat.label}; "
            f"{len(report.kept)} kept as drafted because the rewrite failed a fact check."
        )
        return document, notes

    def _chat_for(self, llm: LlmSpec | None):
        """(chat model, '') for the given or configured spec; (None, '') when none is set;
        (None, why) when it cannot be built."""
        spec = self.settings.llm if llm is None else llm
        if not spec.enabled:
            return None, ""
        from assistant.llm.errors import LlmUnavailable

        try:
            return self.chat_model(spec), ""
        except LlmUnavailable as exc:
            return None, str(exc)

    def chat_model(self, spec: LlmSpec | None = None):
        """The generative model of a spec (built once; LlmUnavailable when it cannot be)."""
        from assistant.llm.chat import build_chat_model

        spec = self.settings.llm if spec is None else spec
        with self._lock:
            if spec not in self._chats:
                self._chats[spec] = build_chat_model(spec)
            return self._chats[spec]

    def guidance_answerer(self):
        """The grounded engine over the guidance knowledge base (indexed once per workspace)."""
        with self._lock:
            if self._guidance is None:
                self._guidance = self._build_guidance_answerer()
            return self._guidance

    def _build_guidance_answerer(self):
        from assistant.answer.grounded import GroundedAnswerer
        from assistant.index.guidance import GUIDANCE_VENDOR, guidance_index
        from assistant.knowledge import load_guidance
        from assistant.retrieve import HybridRetriever

        index = guidance_index(
            self.settings.install_dir, load_guidance(), self.embedder, self.progress
        )
        texts = {chunk.document: chunk.text for chunk in index.chunks}
        retriever = HybridRetriever(
            {c.id: c for c in index.chunks}, index.keyword, index.store, self.embed_query
        )
        return GroundedAnswerer(
            retriever,
            index.keyword,
            [GUIDANCE_VENDOR],
            lambda doc, _page: texts.get(doc, ""),
            self.embed_query,
            subject="guidance notes",
        )

    def answerer(self):
        """The grounded engine over the current documents (rebuilt after each change)."""
        with self._lock:
            if self._answerer is None:
                self._answerer = self._build_answerer()
            return self._answerer

    def keyword_index(self):
        """The BM25 index of the documents: read from the workspace's cache when the
        documents have not changed since it was built, else built and saved there."""
        with self._lock:
            if self._keyword is None:
                from assistant.index.keyword import KeywordIndex

                self._keyword = KeywordIndex.cached(
                    self.catalog.chunks.values(), self.root / "keyword.npz"
                )
            return self._keyword

    def _build_answerer(self):
        from assistant.answer.grounded import GroundedAnswerer
        from assistant.retrieve import HybridRetriever

        keyword = self.keyword_index()
        retriever = HybridRetriever(
            dict(self.catalog.chunks),
            keyword,
            self.store,
            self.embed_query,
            self.settings.dense_k,
            self.settings.keyword_k,
            self.settings.rrf_k,
        )
        # Chunks are split into sentences as questions retrieve them (and kept): reading all of
        # them up front cost a cold `procure ask` 3.4 s on 2,000 pages for the ~30 it needs.
        return GroundedAnswerer(
            retriever, keyword, self.catalog.vendors(), self.catalog.page_text, self.embed_query
        )

    def embed_query(self, text: str) -> np.ndarray:
        """The vector of one query."""
        return self.embedder.embed([text])[0]


class _LazyMatrix:
    """The workspace's matrix, built only when used beyond its vendor list: deciding that a
    question is not a comparison needs only the vendors, and most questions are not."""

    def __init__(self, workspace: Workspace) -> None:
        self.vendors = tuple(workspace.catalog.vendors())  # as Matrix.vendors: sorted names
        self._workspace = workspace

    def __getattr__(self, name: str):
        return getattr(self._workspace.matrix(), name)


def _takes_progress(reader) -> bool:
    """Whether a document reader accepts a per-page `progress(done, total)` callback."""
    return "progress" in inspect.signature(reader).parameters


def _summary(record: DocumentRecord) -> str:
    """One line about an ingested document."""
    line = f"ingested as vendor '{record.vendor}': {record.pages} pages, {record.chunks} chunks"
    if record.warnings:
        line += (
            f"; WARNING: {len(record.warnings)} page(s) contain instructions aimed at AI assistants"
        )
    return line
