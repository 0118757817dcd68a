"""The workspace's record of documents: metadata, page texts and chunks, as JSON files."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from assistant.ingest import LoadedDocument
from assistant.ingest.chunking import document_key
from assistant.models import Chunk, DocumentRecord


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


class Catalog:
    """Documents of one workspace, one JSON file each under `documents/`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.records: dict[str, DocumentRecord] = {}
        self.pages: dict[str, dict[int, str]] = {}
        self.chunks: dict[str, Chunk] = {}
        self._load()

    def _path(self, name: str) -> Path:
        return self.directory / f"{document_key(name)}.json"

    def _load(self) -> None:
        for path in sorted(self.directory.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            self._remember(
                DocumentRecord(**{**data["record"], "warnings": tuple(data["record"]["warnings"])}),
                {int(number): text for number, text in data["pages"].items()},
                [Chunk(**{**c, "headings": tuple(c["headings"])}) for c in data["chunks"]],
            )

    def _remember(self, record: DocumentRecord, pages: dict[int, str], chunks: list[Chunk]) -> None:
        self.records[record.name] = record
        self.pages[record.name] = pages
        for chunk in chunks:
            self.chunks[chunk.id] = chunk

    def add(self, document: LoadedDocument) -> DocumentRecord:
        """Store a document (replacing one of the same name) and return its record."""
        record = DocumentRecord(
            name=document.name,
            vendor=document.vendor,
            pages=len(document.pages),
            chunks=len(document.chunks),
            sha256=document.sha256,
            title=document.title,
            warnings=document.warnings,
        )
        pages = {page.number: page.text for page in document.pages}
        write_json_atomic(
            self._path(document.name),
            {
                "record": record.to_dict(),
                "pages": pages,
                "chunks": [
                    {**chunk.__dict__, "headings": list(chunk.headings)} for chunk in document.chunks
                ],
            },
        )
        self.forget(document.name)
        self._remember(record, pages, list(document.chunks))
        return record

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

    def page_text(self, document: str, page: int) -> str:
        """The stored text of one page ('' if unknown)."""
        return self.pages.get(document, {}).get(page, "")

    def vendors(self) -> list[str]:
        """Vendor names in the workspace, sorted."""
        return sorted({record.vendor for record in self.records.values()})
