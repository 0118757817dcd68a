"""The guidance knowledge base indexed like a proposal: statements with citable ids
(`guidance:<id>`, page 1), their vectors in Chroma (embedded once per change of the guidance)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from assistant.index.catalog import write_json_atomic
from assistant.index.statements import StatementIndex, ensure_statement_vectors
from assistant.index.store import VectorStore
from assistant.knowledge import GuidanceBase
from assistant.models import Page
from assistant.reading.statements import Statement, page_statements

GUIDANCE_VENDOR = "Guidance"
COLLECTION = "guidance-statements"


def guidance_pages(base: GuidanceBase) -> dict[str, Page]:
    """One page per guidance item, under its citable id."""
    return {item.citation_id: Page(1, item.as_text()) for item in base}


def guidance_statements(base: GuidanceBase, pages: dict[str, Page]) -> list[Statement]:
    """Every statement of every item, its heading the item's title (all of it is advice)."""
    result = []
    for item in base:
        for statement in page_statements(pages[item.citation_id], item.citation_id, GUIDANCE_VENDOR,
                                         heading=item.title):
            result.append(replace(statement, section="offer"))
    return result


def fingerprint(statements: list[Statement]) -> str:
    """Changes whenever any guidance text changes."""
    digest = hashlib.sha256()
    for statement in statements:
        digest.update(f"{statement.id}\0{statement.embedding_text()}\0".encode())
    return digest.hexdigest()


def guidance_index(root: Path, base: GuidanceBase, embed) -> tuple[StatementIndex, dict[str, Page]]:
    """The guidance's statements indexed, their vectors in the workspace's Chroma store
    (embedded again only when the guidance changed)."""
    pages = guidance_pages(base)
    statements = guidance_statements(base, pages)
    store = VectorStore(root / "chroma", collection=COLLECTION)
    marker = root / "guidance.json"
    current = fingerprint(statements)
    known = json.loads(marker.read_text())["fingerprint"] if marker.exists() else None
    if known != current:
        store.clear()
        write_json_atomic(marker, {"fingerprint": current})
    vectors = ensure_statement_vectors(store, statements, embed)
    return StatementIndex(statements, vectors), pages
