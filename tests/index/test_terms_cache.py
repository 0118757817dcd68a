"""The comparison's extracted terms are cached per vendor and give the same matrix."""

from __future__ import annotations

import json
import logging


def test_cached_terms_give_the_matrix_built_from_scratch(sample_workspace, tmp_path, caplog):
    from assistant.compare import build_matrix
    from assistant.compare.matrix import matrix_from_values
    from assistant.index.terms_cache import cached_values

    path = tmp_path / "terms.json"
    catalog = sample_workspace.catalog
    with caplog.at_level(logging.INFO, logger="assistant.index.terms_cache"):
        first = cached_values(catalog, path)
        again = cached_values(catalog, path)
    assert caplog.text.count("terms extracted for 5 of 5 vendors") == 1
    aliases = catalog.vendor_aliases()
    assert matrix_from_values(again, aliases) == matrix_from_values(first, aliases) == build_matrix(catalog)


def test_only_the_changed_vendor_is_extracted_again(make_workspace, sample_pdfs, caplog):
    workspace = make_workspace("terms")
    workspace.ingest([sample_pdfs["meridian.pdf"], sample_pdfs["atlas.pdf"]])
    workspace.matrix()
    saved = json.loads((workspace.root / "terms.json").read_text())
    assert set(saved) == {"Meridian", "Atlas"}
    with caplog.at_level(logging.INFO, logger="assistant.index.terms_cache"):
        workspace.ingest([sample_pdfs["helios.pdf"]])
        workspace.matrix()
    assert "terms extracted for 1 of 3 vendors" in caplog.text
    workspace.remove("atlas.pdf")
    assert workspace.matrix().vendors == ("Helios", "Meridian")
    assert "Atlas" not in json.loads((workspace.root / "terms.json").read_text())
