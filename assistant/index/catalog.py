"""The workspace's record of documents: metadata, pages (text, tables, positions), chunks, and
the statements the reading layer found in them (read once, at ingest), one JSON payload each.

The payload's format lives in two small functions, `document_payload` and `parse_payload`;
where it is stored (a table row, see assistant/state) is none of their business.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.ingest import LoadedDocument
from assistant.ingest.chunking import document_key
from assistant.models import Chunk, DocumentRecord, Page
from assistant.reading.statements import Statement, document_statements
from assistant.state.workspace_db import WorkspaceDB


def write_json_atomic(path: Path, data: object) -> None:
    """Write JSON so that a crash never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class StoredDocument:
    """What the catalog keeps of one document."""

    record: DocumentRecord
    pages: dict[int, Page]
    chunks: list[Chunk]
    statements: list[Statement]


def read_statements(record: DocumentRecord, pages: dict[int, Page]) -> list[Statement]:
    """The statements of a document, read now (at ingest, after a rename, or for an old payload)."""
    return document_statements(pages, record.name, record.vendor, record.addressed_to)


def loaded_statements(document: LoadedDocument) -> list[Statement]:
    """The statements of a document just read (before it is stored)."""
    pages = {page.number: page for page in document.pages}
    return document_statements(pages, document.name, document.vendor, document.identity.addressed_to)


def document_payload(document: StoredDocument) -> dict:
    """One document as one JSON-ready object."""
    return {
        "record": document.record.to_dict(),
        "pages": {str(number): page.to_dict() for number, page in document.pages.items()},
        "chunks": [chunk.to_dict() for chunk in document.chunks],
        "statements": [statement.to_dict() for statement in document.statements],
    }


def parse_payload(data: dict) -> StoredDocument:
    """Inverse of document_payload; an older payload's pages may be plain strings and its
    statements missing (they are read again)."""
    record = DocumentRecord.from_dict(data["record"])
    pages = {int(n): Page.from_dict(int(n), page) for n, page in data["pages"].items()}
    chunks = [Chunk.from_dict(chunk) for chunk in data["chunks"]]
    if "statements" in data:
        statements = [Statement.from_dict(s, record.name, record.vendor, pages) for s in data["statements"]]
    else:
        statements = read_statements(record, pages)
    return StoredDocument(record, pages, chunks, statements)


class Catalog:
    """Documents of one workspace, kept in memory and in the workspace's database."""

    def __init__(self, source: WorkspaceDB | Path) -> None:
        # A path is the old `<workspace>/documents` folder: its database is beside it.
        self.db = source if isinstance(source, WorkspaceDB) else WorkspaceDB.for_folder(
            Path(source).parent
        )
        self.records: dict[str, DocumentRecord] = {}
        self.pages: dict[str, dict[int, Page]] = {}
        self.chunks: dict[str, Chunk] = {}
        self._statements: dict[str, list[Statement]] = {}
        self._load()

    def _load(self) -> None:
        for data in self.db.document_payloads():
            stored = parse_payload(data)
            if "statements" not in data:  # read once, kept from now on
                self.db.put_document(document_key(stored.record.name), stored.record.name,
                                     document_payload(stored))
            self._remember(stored)

    def _remember(self, document: StoredDocument) -> None:
        name = document.record.name
        self.records[name] = document.record
        self.pages[name] = document.pages
        self._statements[name] = document.statements
        for chunk in document.chunks:
            self.chunks[chunk.id] = chunk

    def add(self, document: LoadedDocument, sample: bool = False,
            statements: list[Statement] | None = None) -> DocumentRecord:
        """Store a document (replacing one of the same name) and return its record; its
        statements are read unless given (`loaded_statements`)."""
        identity = document.identity
        record = DocumentRecord(
            name=document.name,
            vendor=document.vendor,
            pages=len(document.pages),
            chunks=len(document.chunks),
            sha256=document.sha256,
            title=document.title,
            warnings=document.warnings,
            kind=identity.kind,
            legal_name=identity.legal_name,
            aliases=identity.aliases,
            vendor_source=identity.source,
            tables=document.tables,
            ocr_pages=document.ocr_pages,
            sample=sample,
            addressed_to=identity.addressed_to,
        )
        pages = {page.number: page for page in document.pages}
        if statements is None:
            statements = read_statements(record, pages)
        self._write(StoredDocument(record, pages, list(document.chunks), statements))
        return record

    def _write(self, document: StoredDocument) -> None:
        name = document.record.name
        self.db.put_document(document_key(name), name, document_payload(document))
        self.forget(name)
        self._remember(document)

    def remove(self, name: str) -> bool:
        """Delete a document's row and memory; False if it was not here."""
        if name not in self.records:
            return False
        self.db.delete_document(document_key(name))
        self.forget(name)
        return True

    def forget(self, name: str) -> None:
        """Drop a document from memory only."""
        self.records.pop(name, None)
        self.pages.pop(name, None)
        self._statements.pop(name, None)
        self.chunks = {cid: c for cid, c in self.chunks.items() if c.document != name}

    def statements(self, document: str) -> list[Statement]:
        """The statements of one document, in reading order ([] if unknown)."""
        return self._statements.get(document, [])

    def page(self, document: str, number: int) -> Page | None:
        """One stored page, or None."""
        return self.pages.get(document, {}).get(number)

    def page_text(self, document: str, page: int) -> str:
        """The stored text of one page ('' if unknown)."""
        found = self.page(document, page)
        return found.text if found else ""

    def vendors(self) -> list[str]:
        """Vendor names in the workspace (reference documents are no vendor), sorted."""
        return sorted({r.vendor for r in self.records.values() if r.is_proposal and r.vendor})

    def vendor_aliases(self) -> dict[str, tuple[str, ...]]:
        """Every vendor's aliases, gathered over its documents."""
        result: dict[str, list[str]] = {}
        for record in self.records.values():
            if record.is_proposal and record.vendor:
                known = result.setdefault(record.vendor, [])
                known += [a for a in (record.legal_name, *record.aliases) if a and a not in known]
        return {vendor: tuple(aliases) for vendor, aliases in result.items()}

    def set_vendor(self, names: list[str], vendor: str, kind: str = "proposal") -> list[Chunk]:
        """Give documents another vendor (rename, merge, or make a reference a proposal).

        The old name stays an alias. Returns the chunks whose vendor changed.
        """
        changed: list[Chunk] = []
        for name in names:
            record = self.records[name]
            aliases = tuple(dict.fromkeys(a for a in (*record.aliases, record.vendor) if a and a != vendor))
            new = replace(record, vendor=vendor, kind=kind, aliases=aliases, vendor_source="user")
            chunks = [replace(c, vendor=vendor) for c in self.chunks.values() if c.document == name]
            pages = self.pages[name]
            self._write(StoredDocument(new, pages, chunks, read_statements(new, pages)))
            changed += chunks
        return changed
