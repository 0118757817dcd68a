"""A workspace: one buyer's documents, index and answers, kept in one directory."""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.ingest import IngestError, LoadedDocument, load_document
from assistant.limits import check_length
from assistant.llm.config import LlmSpec
from assistant.models import Answer, DocumentRecord, IngestOutcome
from assistant.progress import Progress, no_progress
from assistant.settings import Settings
from assistant.state.workspace_db import LOCAL_USER, AuditEntry, WorkspaceDB

log = logging.getLogger(__name__)

EMBED_SLICE = 16  # chunks per embedding call: progress after each (a few pages)
LOADING_MODEL = "loading the embedding model"
RENAMES_FILE = "vendor-names.json"  # the user's names for detected vendors


class Workspace:
    """Ingest, list, remove and ask; the CLI and the web app are thin shells over this."""

    def __init__(self, settings: Settings, embedder=None, progress: Progress = no_progress) -> None:
        from assistant.index.catalog import Catalog

        self.settings = settings
        self.root = settings.workspace
        self.root.mkdir(parents=True, exist_ok=True)
        self.db = WorkspaceDB.for_folder(self.root)
        self._documents_version = self.db.documents_version()
        self.catalog = Catalog(self.db)
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
        """The Chroma collection of this workspace's chunks."""
        from assistant.index.store import open_store

        return open_store(self.root)

    @cached_property
    def statement_store(self):
        """The Chroma collection of this workspace's statements (sentences and table cells)."""
        from assistant.index.statements import COLLECTION
        from assistant.index.store import open_store

        return open_store(self.root, COLLECTION)

    def refresh(self) -> None:
        """Catch up with another app process's change to the documents (a shared database:
        the catalog is read again when its revision moved)."""
        if not self.db.shared:
            return
        from assistant.index.catalog import Catalog

        with self._lock:
            version = self.db.documents_version()
            if version != self._documents_version:
                self.catalog = Catalog(self.db)
                self._documents_version = version
                self._forget_derived()

    def documents(self) -> list[DocumentRecord]:
        """Documents held, by name."""
        return sorted(self.catalog.records.values(), key=lambda r: r.name)

    def ingest(
        self, paths: Iterable[Path], vendor: str | None = None, sample: bool = False,
        progress: Progress | None = None, user: str = LOCAL_USER,
    ) -> list[IngestOutcome]:
        """Ingest each file; a bad file is reported and the rest of the batch goes on.

        Args:
            paths: the files (PDF, DOCX, TXT, MD).
            vendor: the vendor's name for all of them (else each document says who wrote it).
            sample: the files are the demo's sample proposals (labelled so in listings).
            progress: told of each file's pages as they are read and embedded (default: the
                workspace's).
            user: who ingests (for the audit log).
        """
        return list(self.ingest_each(paths, vendor, sample, progress, user))

    def ingest_each(
        self, paths: Iterable[Path], vendor: str | None = None, sample: bool = False,
        progress: Progress | None = None, user: str = LOCAL_USER,
    ) -> Iterator[IngestOutcome]:
        """`ingest`, yielding each file's outcome as soon as it is stored."""
        report = progress or self.progress
        buyers = self.buyer_names()
        stored = False
        for path in map(Path, paths):
            try:
                document = self._renamed(self._read(path, vendor, buyers, report))
            except IngestError as exc:
                yield IngestOutcome(str(path), False, str(exc))
                continue
            record = self._index(document, sample, report)
            self._keep_original(path, document.name)
            self.db.record(user, "ingest", f"{record.name} ({record.vendor})")
            stored = True
            yield IngestOutcome(str(path), True, _summary(record), record)
        if stored:
            self.statement_keyword_index()  # built now, once, rather than by the next question

    def _read(self, path: Path, vendor: str | None, buyers: tuple[str, ...],
              report: Progress) -> LoadedDocument:
        """Read one file, telling `report` of each page where the reader takes a callback; an
        unexpected reader error is an IngestError too (one bad file never breaks a batch),
        logged with its traceback for whoever maintains the readers."""
        task = f"{path.name}: reading pages"
        extra = ({"progress": lambda done, total: report(task, done, total)}
                 if _takes_progress(load_document) else {})
        try:
            return load_document(path, self.settings, vendor, buyers, **extra)
        except IngestError:
            raise
        except Exception as exc:  # noqa: BLE001 - the boundary: report and skip the file
            log.exception("unexpected error reading %s", path.name)
            raise IngestError(
                f"could not be read (unexpected {type(exc).__name__} in the reader)"
            ) from exc

    def _index(self, document: LoadedDocument, sample: bool, report: Progress) -> DocumentRecord:
        """Read a document's statements, embed its chunks and statements (telling `report` of
        the pages done), then store it."""
        from assistant.index.catalog import loaded_statements
        from assistant.index.guidance import embed_reporting

        statements = loaded_statements(document)
        texts = [chunk.embedding_text() for chunk in document.chunks]
        texts += [s.embedding_text() for s in statements]
        task, pages = f"{document.name}: embedding pages", len(document.pages)
        vectors = embed_reporting(  # told in pages: the texts are the pages' chunks and statements
            self.embedder, texts, task,
            lambda _task, done, total: report(task, pages * done // max(total, 1), pages), EMBED_SLICE,
        )
        split = len(document.chunks)
        return self._store(document, vectors[:split], sample, statements, vectors[split:])

    def _store(self, document: LoadedDocument, vectors: np.ndarray, sample: bool,
               statements: list, statement_vectors: np.ndarray) -> DocumentRecord:
        """Store a document's vectors, texts and statements, replacing one of the same name."""
        with self._lock:
            self.store.delete_document(document.name)
            self.statement_store.delete_document(document.name)
            self.store.add(document.chunks, vectors)
            self.statement_store.add(statements, statement_vectors)
            record = self.catalog.add(document, sample, statements)
            self._forget_derived()
        return record

    def buyer_names(self) -> tuple[str, ...]:
        """The buyer's organisation as the profile names it (never taken for a vendor)."""
        from assistant.interview.profile import load_profile

        try:
            value = load_profile(self.root).get("company_name")
        except (OSError, ValueError):
            return ()
        return (str(value),) if value else ()

    def vendors(self) -> list[dict]:
        """Each vendor with its documents and aliases."""
        aliases = self.catalog.vendor_aliases()
        documents: dict[str, list[str]] = {}
        for record in self.documents():
            if record.is_proposal:
                documents.setdefault(record.vendor, []).append(record.name)
        return [
            {"vendor": vendor, "aliases": list(aliases.get(vendor, ())), "documents": documents[vendor]}
            for vendor in sorted(documents)
        ]

    def rename_vendor(self, old: str, new: str) -> list[str]:
        """Rename a vendor (its documents keep the old name as an alias); the documents changed."""
        new = new.strip()
        if not new:
            raise ValueError("the new vendor name is empty")
        names = [r.name for r in self.catalog.records.values() if r.vendor == old and r.is_proposal]
        if not names:
            raise ValueError(f"no vendor named '{old}' (see `procure vendors`)")
        self._set_vendor(names, new)
        self._remember_rename(old, new)
        return names

    def merge_vendors(self, source: str, target: str) -> list[str]:
        """Move every document of vendor `source` to vendor `target`; the documents moved."""
        if target not in self.catalog.vendors():
            raise ValueError(f"no vendor named '{target}' (see `procure vendors`)")
        return self.rename_vendor(source, target)

    def make_proposal(self, document: str, vendor: str) -> None:
        """Treat a reference document as a vendor's proposal after all."""
        if document not in self.catalog.records:
            raise ValueError(f"{document}: not in this workspace")
        self._set_vendor([document], vendor.strip())

    def _set_vendor(self, names: list[str], vendor: str) -> None:
        with self._lock:
            chunks = self.catalog.set_vendor(names, vendor)
            self.store.set_vendor(chunks)
            for name in names:  # statements were read again: their vectors follow
                self.statement_store.delete_document(name)
            self._forget_derived()

    def _renames(self) -> dict[str, str]:
        if self.db.shared:
            data = self.db.file(RENAMES_FILE)
            return json.loads(data) if data else {}
        path = self.root / RENAMES_FILE
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def _remember_rename(self, old: str, new: str) -> None:
        """A later upload of the same vendor's documents gets the user's name too (in a
        shared database, read and written in one locked transaction: app processes take turns)."""
        from assistant.index.catalog import write_json_atomic

        if not self.db.shared:
            write_json_atomic(self.root / RENAMES_FILE, _renamed_to(self._renames(), old, new))
            return
        with self.db.file_for_update(RENAMES_FILE) as (data, connection):
            renames = _renamed_to(json.loads(data) if data else {}, old, new)
            self.db.put_file(RENAMES_FILE, json.dumps(renames, ensure_ascii=False).encode(),
                             connection)

    def _renamed(self, document: LoadedDocument) -> LoadedDocument:
        """A document whose detected vendor the user renamed before, under the user's name."""
        new = self._renames().get(document.vendor)
        if not new or document.identity.source == "flag":
            return document
        identity = replace(
            document.identity, vendor=new, aliases=(*document.identity.aliases, document.vendor)
        )
        chunks = tuple(replace(chunk, vendor=new) for chunk in document.chunks)
        return replace(document, vendor=new, identity=identity, chunks=chunks)

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
                self._matrix = matrix_from_values(values, self.catalog.vendor_aliases())
            return self._matrix

    def remove(self, name: str, user: str = LOCAL_USER) -> bool:
        """Remove a document by name; False if it is not in the workspace."""
        with self._lock:
            if name not in self.catalog.records:
                return False
            self.store.delete_document(name)
            self.statement_store.delete_document(name)
            self.catalog.remove(name)
            self._forget_derived()
            from assistant.pages import forget_original, original_file

            forget_original(self.root, name)
            if self.db.shared:
                self.db.delete_file(original_file(name))
        self.db.record(user, "remove", name)
        return True

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        """Who changed what, and when (oldest first; the last `limit` when given)."""
        return self.db.audit_log(limit)

    def _keep_original(self, path: Path, name: str) -> None:
        """A copy of a PDF, to show its pages as they are (a failed copy only loses that)."""
        from assistant.pages import keep_original, original_file

        try:
            kept = keep_original(self.root, name, path)
            if kept is not None and self.db.shared:  # other app processes read it from there
                self.db.put_file(original_file(name), kept.read_bytes())
        except OSError as exc:
            log.warning("could not keep a copy of %s: %s", name, exc)

    def original(self, name: str) -> Path | None:
        """The kept copy of a PDF, or None (with a shared database, the folder's copy is a
        cache of the database's, fetched again when it is not the ingested file)."""
        from assistant.pages import original_file, original_path

        path = original_path(self.root, name)
        if self.db.shared and not _holds(path, self.catalog.records.get(name)):
            data = self.db.file(original_file(name))
            if data is None:
                return None
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return path if path.is_file() else None

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
        question = check_length(question.strip(), self.settings.max_question_chars, "question")
        from assistant.answer.question import is_guidance_question

        if is_guidance_question(question, self.catalog.vendors(), self.catalog.vendor_aliases()):
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

    def draft_rfp(
        self, llm: LlmSpec | None = None, limit: int | None = None, user: str = LOCAL_USER
    ):
        """The RFP drafted from this workspace's profile, its introductions reworded when a
        language model is set; returns (document, notes for the buyer)."""
        from assistant.rfp import draft_for_workspace

        document = draft_for_workspace(self.root)
        self.db.record(user, "rfp draft", f"{len(document.open_points)} open points")
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

        index, pages = guidance_index(
            self.settings.install_dir, load_guidance(), self.embedder, self.progress
        )
        return GroundedAnswerer(
            index, [GUIDANCE_VENDOR], lambda doc, _page: pages.get(doc), self.embed_query,
            subject="guidance notes",
        )

    def answerer(self):
        """The grounded engine over the current documents (rebuilt after each change)."""
        with self._lock:
            if self._answerer is None:
                self._answerer = self._build_answerer()
            return self._answerer

    def statement_keyword_index(self):
        """The BM25 index of the proposals' statements: read from the workspace's cache when
        the statements have not changed since it was built, else built and saved there."""
        with self._lock:
            if self._keyword is None:
                from assistant.index.keyword import KeywordIndex

                self._keyword = KeywordIndex.cached(
                    self._proposal_statements(), self.root / "statements-keyword.npz"
                )
            return self._keyword

    def _proposal_statements(self) -> list:
        """The statements of every proposal (reference documents are no vendor's offer)."""
        return [s for name in sorted(self.catalog.records) for s in self.catalog.statements(name)
                if self.catalog.records[name].is_proposal]

    def _build_answerer(self):
        from assistant.answer.grounded import GroundedAnswerer
        from assistant.index.statements import StatementIndex, ensure_statement_vectors

        statements = self._proposal_statements()
        vectors = ensure_statement_vectors(self.statement_store, statements, self.embedder.embed)
        index = StatementIndex(statements, vectors, self.statement_keyword_index())
        return GroundedAnswerer(
            index, self.catalog.vendors(), self.catalog.page,
            self.embed_query, aliases=self.catalog.vendor_aliases(), ignore=self._buyer_words(),
        )

    def _buyer_words(self) -> tuple[str, ...]:
        """The buyer's names: the profile's, and those the proposals are addressed to."""
        named = [r.addressed_to for r in self.catalog.records.values() if r.addressed_to]
        return tuple(dict.fromkeys([*self.buyer_names(), *named]))

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


def _renamed_to(renames: dict[str, str], old: str, new: str) -> dict[str, str]:
    """The user's vendor names after renaming `old` to `new` (earlier names of `old` follow)."""
    return {**{k: (new if v == old else v) for k, v in renames.items()}, old: new}


def _holds(path: Path, record: DocumentRecord | None) -> bool:
    """Whether a cached copy is the file a document was ingested from."""
    if record is None or not path.is_file():
        return False
    return hashlib.sha256(path.read_bytes()).hexdigest() == record.sha256


def _takes_progress(reader) -> bool:
    """Whether a document reader accepts a per-page `progress(done, total)` callback."""
    return "progress" in inspect.signature(reader).parameters


def _summary(record: DocumentRecord) -> str:
    """One line about an ingested document."""
    if record.is_proposal:
        line = f"ingested as vendor '{record.vendor}'"
    else:
        line = ("kept as a reference document, not a vendor proposal (no offer of contact-centre "
                "services found; `procure vendors assign` makes it one)")
    line += f": {record.pages} pages, {record.chunks} chunks"
    if record.tables:
        line += f", {record.tables} tables"
    if record.ocr_pages:
        line += f", {len(record.ocr_pages)} page(s) read by OCR"
    for warning in record.warnings:
        line += f"; WARNING: {warning}"
    return line
