"""The comparison's extracted terms, cached on disk per vendor (for `Workspace.matrix`).

Extraction reads every sentence of every page, so a large workspace would pay for it in each
new process. The values of a vendor are kept with a key of that vendor's documents (names and
file hashes) and of the code and vocabulary that extract them; only vendors whose key changed
are extracted again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from assistant.index.catalog import write_json_atomic
from assistant.progress import Progress, no_progress

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
# What the extracted values depend on besides the documents.
SOURCES = ("assistant/compare/*.py", "assistant/reading/*.py", "assistant/text.py", "knowledge/**/*.yaml")


@dataclass
class VendorView:
    """The part of a catalog that holds one vendor's documents (what extraction reads)."""

    records: dict
    pages: dict
    catalog: object

    def page_text(self, document: str, page: int) -> str:
        """The stored text of one page ('' if unknown)."""
        return self.catalog.page_text(document, page) if document in self.records else ""

    def statements(self, document: str) -> list:
        """The statements of one of the vendor's documents ([] if not the vendor's)."""
        return self.catalog.statements(document) if document in self.records else []


def code_key() -> str:
    """Changes when the extraction code or the vocabulary it reads changes."""
    digest = hashlib.sha256()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def vendor_key(catalog, vendor: str, code: str) -> str:
    """Changes when any document of the vendor is added, removed or replaced."""
    names = sorted(n for n, r in catalog.records.items() if r.vendor == vendor)
    held = [(n, catalog.records[n].sha256, len(catalog.pages.get(n, {}))) for n in names]
    return hashlib.sha256(json.dumps([code, held]).encode()).hexdigest()


EXTRACTING = "extracting terms for the comparison (vendors)"


def cached_values(catalog, path: Path, progress: Progress = no_progress) -> dict:
    """Extracted values per vendor: from `path` where the vendor's key still matches, else
    extracted now, vendor by vendor; the file is rewritten when anything changed."""
    from assistant.compare.extract import extract_catalog

    code = code_key()
    saved = _read(path)
    result, fresh, changed = {}, {}, []
    for vendor in catalog.vendors():
        key = vendor_key(catalog, vendor, code)
        entry = saved.get(vendor)
        if entry and entry["key"] == key:
            result[vendor] = [_value(item) for item in entry["values"]]
        else:
            changed.append(vendor)
        fresh[vendor] = {"key": key, "values": entry["values"] if entry else []}
    if changed:
        for done, vendor in enumerate(changed):
            progress(EXTRACTING, done, len(changed))
            result[vendor] = extract_catalog(_view(catalog, {vendor})).get(vendor, [])
            fresh[vendor]["values"] = [value.to_dict() for value in result[vendor]]
        progress(EXTRACTING, len(changed), len(changed))
        write_json_atomic(path, fresh)
        log.info("terms extracted for %d of %d vendors", len(changed), len(result))
    elif set(saved) != set(fresh):
        write_json_atomic(path, fresh)  # a vendor was removed
    return result


def _view(catalog, vendors: set[str]) -> VendorView:
    """The catalog restricted to some vendors' documents."""
    names = {n for n, r in catalog.records.items() if r.vendor in vendors}
    return VendorView(
        {n: catalog.records[n] for n in names}, {n: catalog.pages.get(n, {}) for n in names}, catalog
    )


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _value(item: dict):
    """A TermValue from its `to_dict` form."""
    from assistant.compare.extract import Source, TermValue

    citation = Source(**item["citation"]) if item["citation"] else None
    return TermValue(item["field"], item["value"], item["normalised"], citation)
