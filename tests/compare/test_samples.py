"""The sample proposals' terms matrix: provenance, the Atlas contradiction, exports, eval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from assistant.compare import field_accuracy, read_csv, read_markdown, xlsx_available
from assistant.compare.export import cell_text
from assistant.text import quote_in_page

CASES = Path(__file__).resolve().parents[2] / "evals" / "cases" / "compare.yaml"
ATLAS = "Atlas"


def test_every_value_quotes_its_page(sample_matrix, sample_workspace):
    catalog = sample_workspace.catalog
    count = 0
    for row in sample_matrix.rows:
        for cell in row.cells.values():
            for value in cell.values:
                c = value.citation
                assert c.vendor == cell.vendor and c.document in catalog.records
                assert 1 <= c.page <= catalog.records[c.document].pages
                assert quote_in_page(c.quote, catalog.page_text(c.document, c.page)), (
                    row.field.key,
                    c,
                )
                count += 1
    assert count > 300


def test_atlas_term_contradiction_keeps_both_citations(sample_matrix):
    cell = sample_matrix.cell("contract_term", ATLAS)
    assert cell.conflicting and cell.status == "conflicting"
    found = {
        (tv.normalised["months"], tv.citation.document, tv.citation.page) for tv in cell.values
    }
    assert found == {(24, "atlas.pdf", 1), (36, "atlas.pdf", 7)}
    assert "24 months" in cell.summary and "36 months" in cell.summary
    assert not sample_matrix.cell("contract_term", "Meridian").conflicting


def test_not_stated_is_distinct_from_not_held(sample_matrix):
    assert sample_matrix.cell("cert_hipaa", "Northwind").status == "not stated"
    assert sample_matrix.cell("cert_hipaa", "Bluewater").status == "not held"
    assert sample_matrix.cell("cert_iso_27001", ATLAS).status == "not held"
    assert sample_matrix.cell("cert_soc2", "Meridian").status == "in progress"
    assert sample_matrix.cell("cert_pci_dss", ATLAS).status == "via third party"


def test_field_accuracy_on_the_samples(sample_matrix):
    expected = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    score, reason = field_accuracy(expected, sample_matrix)
    assert score >= 0.95, reason


def test_csv_round_trip(sample_matrix, tmp_path):
    path = sample_matrix.to_csv(tmp_path / "matrix.csv")
    back = read_csv(path)
    expected = {
        (row.field.key, v): cell_text(c) for row in sample_matrix.rows for v, c in row.cells.items()
    }
    assert back == expected
    assert back[("contract_term", ATLAS)].startswith("CONFLICTING:")
    sources = read_csv(path, sources=True)
    term = sample_matrix.cell("contract_term", ATLAS)
    assert sources[("contract_term", ATLAS)].splitlines() == [
        f"{s.document} p.{s.page}: “{s.quote}”" for s in dict.fromkeys(v.citation for v in term.values)
    ]
    assert "atlas.pdf p.7: “Initial term — " in sources[("contract_term", ATLAS)]
    assert all(
        sources[(row.field.key, v)] == "" for row in sample_matrix.rows
        for v, c in row.cells.items() if not c.stated
    )  # fmt: skip


def test_markdown_round_trip(sample_matrix, tmp_path):
    path = sample_matrix.to_markdown(tmp_path / "matrix.md")
    back = read_markdown(path)
    expected = {
        (row.field.label, v): cell_text(c)
        for row in sample_matrix.rows
        for v, c in row.cells.items()
    }
    assert back == expected
    text = path.read_text(encoding="utf-8")
    # Quotes are escaped Markdown (document text is data).
    assert "## Sources" in text and 'atlas.pdf p.7: "Initial term — ' in text


def test_json_is_serialisable_and_complete(sample_matrix):
    data = json.loads(json.dumps(sample_matrix.to_json()))
    assert len(data["vendors"]) == 5
    term = next(f for f in data["fields"] if f["field"] == "contract_term")
    atlas = term["cells"][ATLAS]
    assert atlas["conflicting"] and {v["citation"]["page"] for v in atlas["values"]} == {1, 7}


@pytest.mark.skipif(not xlsx_available(), reason="openpyxl not installed")
def test_xlsx_export(sample_matrix, tmp_path):
    from openpyxl import load_workbook

    book = load_workbook(sample_matrix.to_xlsx(tmp_path / "matrix.xlsx"))
    assert book.sheetnames == ["Matrix", "Evidence"]
    sheet = book["Matrix"]
    header = [c.value for c in sheet[1]]
    column = header.index(ATLAS) + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == "Initial contract term")
    assert sheet.cell(row, column).value.startswith("CONFLICTING:")
    assert header[column] == f"{ATLAS} — source"
    assert "atlas.pdf p.7: “Initial term — " in sheet.cell(row, column + 1).value
    assert "atlas.pdf p.7" in sheet.cell(row, column).comment.text


def test_xlsx_without_openpyxl_says_how(sample_matrix, tmp_path):
    if xlsx_available():
        pytest.skip("openpyxl is installed")
    with pytest.raises(RuntimeError, match="openpyxl"):
        sample_matrix.to_xlsx(tmp_path / "matrix.xlsx")


def test_volume_tiers_price_at_the_band_the_buyer_falls_in(sample_matrix):
    """Atlas prices each channel by its volume band (table headers 'Tier 1: up to 40,000…')."""
    from assistant.compare import Requirements, estimate_costs

    req = Requirements(monthly_contacts=60_000, channel_mix={"voice": 75, "chat": 25},
                       aht_minutes={"voice": 6, "chat": 8})  # fmt: skip
    atlas = estimate_costs(sample_matrix, req)[ATLAS]
    used = {i.label: i.value for i in atlas.inputs if i.label.endswith(" rate")}
    assert "Tier 2" in used["voice rate"] and "USD 4.55" in used["voice rate"]  # 45,000 calls
    assert "Tier 1" in used["chat rate"] and "USD 2.95" in used["chat rate"]  # 15,000 chats
    assert atlas.low == atlas.high == pytest.approx(45_000 * 4.55 + 15_000 * 2.95)
