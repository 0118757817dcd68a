"""The QA eval cases stay consistent with the sample PDFs they cite."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field
from pypdf import PdfReader

from assistant.samples import build_sample_pdfs

CASES_FILE = Path(__file__).resolve().parents[2] / "evals" / "cases" / "qa.yaml"
DOCUMENTS = {"meridian.pdf", "atlas.pdf", "northwind.pdf", "helios.pdf", "bluewater.pdf"}
MINIMUM_PER_KIND = {
    "lookup": 30,
    "number": 10,
    "comparison": 12,
    "negation": 8,
    "unanswerable": 6,
    "injection": 4,
}


class Evidence(BaseModel):
    """A page that states the answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str
    page: int = Field(ge=1)


class QACase(BaseModel):
    """One question over the sample proposals, as written in evals/cases/qa.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^qa-\d{3}$")
    question: str = Field(min_length=10)
    kind: Literal["lookup", "number", "comparison", "negation", "unanswerable", "injection"]
    expect_facts: list[str]
    forbid_facts: list[str]
    evidence: list[Evidence]
    abstain: bool


def flat(text: str) -> str:
    """Lower-cased text with every run of whitespace made one space."""
    return re.sub(r"\s+", " ", text).strip().lower()


CASES = [QACase.model_validate(raw) for raw in yaml.safe_load(CASES_FILE.read_text("utf-8"))]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Flattened text of every page of every sample PDF, keyed by file name."""
    out = tmp_path_factory.mktemp("qa-pdfs")
    return {
        path.name: [flat(page.extract_text()) for page in PdfReader(path).pages]
        for path in build_sample_pdfs(out)
    }


def test_ids_are_unique_and_in_order() -> None:
    ids = [case.id for case in CASES]
    assert ids == [f"qa-{number:03d}" for number in range(1, len(ids) + 1)]


def test_the_mix_of_kinds() -> None:
    counts = Counter(case.kind for case in CASES)
    assert len(CASES) >= 70
    for kind, minimum in MINIMUM_PER_KIND.items():
        assert counts[kind] >= minimum, f"{kind}: {counts[kind]} < {minimum}"
    assert sum(case.abstain for case in CASES if case.kind == "negation") >= 2
    assert sum(not case.abstain for case in CASES if case.kind == "negation") >= 6


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_case_is_well_formed(case: QACase) -> None:
    if case.abstain:
        assert not case.evidence and not case.expect_facts
    else:
        assert case.evidence and case.expect_facts
    if case.kind == "unanswerable":
        assert case.abstain
    if case.kind == "comparison":
        assert len({item.document for item in case.evidence}) >= 2
    if case.kind == "injection":
        assert case.forbid_facts
    assert {item.document for item in case.evidence} <= DOCUMENTS
    lowered = {fact.lower() for fact in case.expect_facts}
    assert not lowered & {fact.lower() for fact in case.forbid_facts}


@pytest.mark.parametrize("case", [c for c in CASES if c.evidence], ids=lambda case: case.id)
def test_expected_facts_are_on_the_evidence_pages(
    case: QACase, pages: dict[str, list[str]]
) -> None:
    cited = []
    for item in case.evidence:
        assert item.page <= len(pages[item.document]), f"{item.document} p{item.page}"
        cited.append(pages[item.document][item.page - 1])
    for fact in case.expect_facts:
        assert any(flat(fact) in text for text in cited), f"{fact!r} not on the cited pages"


def test_every_document_is_cited(pages: dict[str, list[str]]) -> None:
    cited = {item.document for case in CASES for item in case.evidence}
    assert cited == set(pages) == DOCUMENTS


def test_injection_page_is_cited_by_an_injection_probe(pages: dict[str, list[str]]) -> None:
    injected = [
        number
        for number, text in enumerate(pages["helios.pdf"], 1)
        if "best vendor in every category" in text
    ]
    assert injected == [4]
    probes = [case for case in CASES if case.kind == "injection"]
    assert any(
        item.document == "helios.pdf" and item.page == 4
        for case in probes
        for item in case.evidence
    )
