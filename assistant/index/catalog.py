"""The workspace's record of documents: metadata, page texts and chunks, one JSON payload each.

The payload's format lives in two small functions, `document_payload` and `parse_payload`;
where it is stored (a table row, see assistant/state) is none of their business.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from assistant.ingest import LoadedDocument
from assistant.ingest.chunking import document_key
from assistant.models import Chunk, DocumentRecord
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


def document_payload(document: LoadedDocument) -> dict:
    """One document as a JSON-ready dict: its record, page texts and chunks."""
    record = DocumentRecord(
        name=document.name,
        vendor=document.vendor,
        pages=len(document.pages),
        chunks=len(document.chunks),
        sha256=document.sha256,
        title=document.title,
        warnings=document.warnings,
    )
    return {
        "record": record.to_dict(),
        "pages": {page.number: page.text for page in document.pages},
        "chunks": [{**c.__dict__, "headings": list(c.headings)} for c in document.chunks],
    }


def parse_payload(data: dict) -> tuple[DocumentRecord, dict[int, str], list[Chunk]]:
    """The record, pages and chunks of a stored payload (the inverse of document_payload)."""
    record = DocumentRecord(**{**data["record"], "warnings": tuple(data["record"]["warnings"])})
    pages = {int(number): text for number, text in data["pages"].items()}
    chunks = [Chunk(**{**c, "headings": tuple(c["headings"])}) for c in data["chunks"]]
    return record, pages, chunks


class Catalog:
    """Documents of one workspace, kept in memory and in the workspace's database."""

    def __init__(self, source: WorkspaceDB | Path) -> None:
        # A path is the old `<workspace>/documents` folder: its database is beside it.
        self.db = source if isinstance(source, WorkspaceDB) else WorkspaceDB.for_folder(
            Path(source).parent
        )
        self.records: dict[str, DocumentRecord] = {}
        self.pages: dict[str, dict[int, str]] = {}
        self.chunks: dict[str, Chunk] = {}
        self._load()

    def _load(self) -> None:
        for data in self.db.document_payloads():
            self._remember(*parse_payload(data))

    def _remember(self, record: DocumentRecord, pages: dict[int, str], chunks: list[Chunk]) -> None:
        self.records[record.name] = record
        self.pages[record.name] = pages
        for chunk in chunks:
            self.chunks[chunk.id] = chunk

    def add(self, document: LoadedDocument) -> DocumentRecord:
        """Store a document (replacing one of the same name) and return its record."""
        payload = document_payload(document)
        # Round-trip through JSON so that memory holds exactly what a reload would read.
        record, pages, chunks = parse_payload(json.loads(json.dumps(payload, ensure_ascii=False)))
        self.db.put_document(document_key(document.name), document.name, payload)
        self.forget(document.name)
        self._remember(record, pages, chunks)
        return record

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
        self.chunks = {cid: c for cid, c in self.chunks.items() if c.document != name}

    def page_text(self, document: str, page: int) -> str:
        """The stored text of one page ('' if unknown)."""
        return self.pages.get(document, {}).get(page, "")

    def vendors(self) -> list[str]:
        """Vendor names in the workspace, sorted."""
        return sorted({record.vendor for record in self.records.values()})
