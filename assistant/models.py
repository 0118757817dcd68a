"""Typed records that pass between the pipeline stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Page:
    """One page of extracted text; `number` is 1-based."""

    number: int
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    """A readable file turned into pages, before chunking."""

    name: str
    vendor: str
    pages: tuple[Page, ...]
    title: str = ""


@dataclass(frozen=True)
class Chunk:
    """A passage of one page, with the heading path it sits under."""

    id: str
    document: str
    vendor: str
    page: int
    start: int
    end: int
    text: str
    headings: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """The heading path as one line ("Pricing > Rates")."""
        return " > ".join(self.headings)

    def embedding_text(self) -> str:
        """What the embedder sees: the heading path travels with the passage."""
        return f"{self.heading}\n{self.text}" if self.headings else self.text


@dataclass(frozen=True)
class DocumentRecord:
    """A document held in a workspace."""

    name: str
    vendor: str
    pages: int
    chunks: int
    sha256: str
    title: str = ""
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready form."""
        data = asdict(self)
        data["warnings"] = list(self.warnings)
        return data


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one file of an ingest batch."""

    path: str
    ok: bool
    message: str
    record: DocumentRecord | None = None


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks that made it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    keyword_rank: int | None = None
    similarity: float = 0.0


@dataclass(frozen=True)
class Citation:
    """Where a quoted sentence of an answer stands."""

    marker: int
    document: str
    vendor: str
    page: int
    quote: str

    @property
    def source(self) -> str:
        """'guidance' for the knowledge base, 'proposal' for a vendor document."""
        return "guidance" if self.document.startswith("guidance:") else "proposal"

    def to_dict(self) -> dict:
        """JSON-ready form, in the CLI contract's key order (source added last)."""
        return {**asdict(self), "source": self.source}


@dataclass(frozen=True)
class Answer:
    """A question's answer; markers [n] in `text` match `citations`.

    `warnings` concern the sources (text aimed at AI assistants); `notes` concern the engine
    (which one wrote the answer, what the language model's check left out, a fallback).
    """

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    engine: str = "grounded"
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready form of the CLI contract (warnings, engine and notes added when present)."""
        data = {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        if self.engine != "grounded":
            data["engine"] = self.engine
        if self.notes:
            data["notes"] = list(self.notes)
        return data
