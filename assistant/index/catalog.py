"""The workspace's record of documents: metadata, pages (text, tables, positions) and chunks."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from assistant.ingest import LoadedDocument
from assistant.ingest.chunking import document_key
from assistant.models import Chunk, DocumentRecord, Page


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


def document_payload(record: DocumentRecord, pages: dict[int, Page], chunks: list[Chunk]) -> dict:
    """One document as one JSON-ready object."""
    return {
        "record": record.to_dict(),
        "pages": {str(number): page.to_dict() for number, page in pages.items()},
        "chunks": [chunk.to_dict() for chunk in chunks],
    }


def parse_payload(data: dict) -> tuple[DocumentRecord, dict[int, Page], list[Chunk]]:
    """Inverse of document_payload (older payloads hold pages as plain strings)."""
    pages = {int(n): Page.from_dict(int(n), page) for n, page in data["pages"].items()}
    return (
        DocumentRecord.from_dict(data["record"]),
        pages,
        [Chunk.from_dict(chunk) for chunk in data["chunks"]],
    )


class Catalog:
    """Documents of one workspace, one JSON file each under `documents/`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.records: dict[str, DocumentRecord] = {}
        self.pages: dict[str, dict[int, Page]] = {}
        self.chunks: dict[str, Chunk] = {}
        self._load()

    def _path(self, name: str) -> Path:
        return self.directory / f"{document_key(name)}.json"

    def _load(self) -> None:
        for path in sorted(self.directory.glob("*.json")):
            self._remember(*parse_payload(json.loads(path.read_text(encoding="utf-8"))))

    def _remember(self, record: DocumentRecord, pages: dict[int, Page], chunks: list[Chunk]) -> None:
        self.records[record.name] = record
        self.pages[record.name] = pages
        for chunk in chunks:
            self.chunks[chunk.id] = chunk

    def add(self, document: LoadedDocument, sample: bool = False) -> DocumentRecord:
        """Store a document (replacing one of the same name) and return its record."""
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
        self._write(record, pages, list(document.chunks))
        return record

    def _write(self, record: DocumentRecord, pages: dict[int, Page], chunks: list[Chunk]) -> None:
        write_json_atomic(self._path(record.name), document_payload(record, pages, chunks))
        self.forget(record.name)
        self._remember(record, pages, chunks)

    def remove(self, name: str) -> bool:
        """Delete a document's file and memory; False if it was not here."""
        if name not in self.records:
            return False
        self._path(name).unlink(missing_ok=True)
        self.forget(name)
        return True

    def forget(self, name: str) -> None:
        """Drop a document from memory only."""
        self.records.pop(name, None)
        self.pages.pop(name, None)
        self.chunks = {cid: c for cid, c in self.chunks.items() if c.document != name}

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
            self._write(new, self.pages[name], chunks)
            changed += chunks
        return changed
