"""Eval metrics for drafted RFPs: guidance coverage and per-case must/must-not strings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.knowledge import GuidanceBase, GuidanceItem
from assistant.resources import read_yaml
from assistant.rfp.model import RfpDocument
from assistant.rfp.relevance import out_of_scope
from assistant.rfp.templates import SectionsFile, load_sections

QUESTIONNAIRE_ID = "vendor_questionnaire"
REFLECTED_SHARE = 0.3
_STOP = frozenset(
    "about after also among and any are been before being both but can could does each every "
    "from have how into its more most much must other our over same shall should such than that "
    "their them then there these they this those through under upon very what when where which "
    "while who whom why will with within would your you yours".split()
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Lower-case content words of four letters or more, crudely stemmed."""
    words = re.findall(r"[a-z][a-z0-9-]+", text.lower())
    return {_stem(w) for w in words if len(w) >= 4 and w not in _STOP}


def ask_overlap(item: GuidanceItem, text: str) -> float:
    """Best share of an ask's (or the title's) content words that appear in `text`."""
    found = content_words(text)
    shares = []
    for ask in (*item.ask_vendors, item.title):
        words = content_words(ask)
        if words:
            shares.append(len(words & found) / len(words))
    return max(shares, default=0.0)


@dataclass(frozen=True)
class CoverageDetail:
    """How each relevant guidance item is reflected in the draft."""

    relevant: tuple[str, ...]
    by_requirement: tuple[str, ...]
    by_question: tuple[str, ...]
    missing: tuple[str, ...]
    excluded: dict[str, str]

    @property
    def value(self) -> float:
        """Covered share of the relevant items."""
        covered = len(self.by_requirement) + len(self.by_question)
        return covered / len(self.relevant) if self.relevant else 1.0


def coverage_detail(
    document: RfpDocument, guidance: GuidanceBase, spec: SectionsFile | None = None
) -> CoverageDetail:
    """Classify every guidance item as out of scope, covered (and how) or missing."""
    spec = spec or load_sections()
    excluded = out_of_scope(spec, document.scope)
    sections = {s.id: s for s in document.sections if s.intro or s.requirements or s.tables}
    questions = (
        {r.text for r in sections[QUESTIONNAIRE_ID].requirements}
        if QUESTIONNAIRE_ID in sections
        else set()
    )
    relevant, by_requirement, by_question, missing = [], [], [], []
    for item in guidance:
        if item.id in excluded:
            continue
        relevant.append(item.id)
        home = sections.get(item.rfp_section)
        citing = [r for r in home.requirements if item.id in r.guidance] if home else []
        if any(ask_overlap(item, r.text) >= REFLECTED_SHARE for r in citing):
            by_requirement.append(item.id)
        elif home is not None and any(ask in questions for ask in item.ask_vendors):
            by_question.append(item.id)
        else:
            missing.append(item.id)
    return CoverageDetail(
        tuple(relevant), tuple(by_requirement), tuple(by_question), tuple(missing), excluded
    )


def rfp_coverage(document: RfpDocument, guidance: GuidanceBase) -> tuple[float, str]:
    """Share of the guidance items relevant to the buyer's scope that the draft reflects.

    Relevant: every guidance item except those the scope rules in
    ``knowledge/rfp/sections.yaml`` (``guidance_scope``) rule out for this document's scope
    (for example ``sec-pci-dss`` when agents are known not to take card payments; an
    unknown condition keeps the item). Reflected: the item's own RFP section
    (``rfp_section``) is present with content, and either (a) a requirement in that section
    cites the item and carries at least 30% of the content words of one of its
    ``ask_vendors`` questions or its title, or (b) one of its ``ask_vendors`` questions is
    asked verbatim in the vendor questionnaire.

    Returns:
        (covered / relevant, a reason naming the split, the misses and the exclusions).
    """
    detail = coverage_detail(document, guidance)
    reason = (
        f"{len(detail.by_requirement) + len(detail.by_question)}/{len(detail.relevant)} relevant "
        f"items reflected ({len(detail.by_requirement)} by a requirement, "
        f"{len(detail.by_question)} by a questionnaire question); "
        f"missing: {list(detail.missing) or 'none'}; "
        f"out of scope: {sorted(detail.excluded) or 'none'}"
    )
    return detail.value, reason


class RfpCase(BaseModel):
    """An eval case: a profile, strings the draft must and must not contain, sections required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str
    values: dict[str, object]
    must_contain: tuple[str, ...] = ()
    must_not_contain: tuple[str, ...] = ()
    required_sections: tuple[str, ...] = ()
    min_open_points: int = Field(default=0, ge=0)
    max_open_points: int | None = None


def load_rfp_cases(directory: Path) -> list[RfpCase]:
    """Every ``*.yaml`` case in a directory, in name order."""
    return [
        RfpCase.model_validate(read_yaml(path))
        for path in sorted(Path(directory).glob("*.yaml"))
    ]


def case_terms(case: RfpCase, document: RfpDocument, text: str) -> tuple[float, str]:
    """Share of the case's checks that pass: strings present/absent (case-insensitive),
    required sections present, and the number of open points within bounds."""
    lowered = text.lower()
    failures = [f"missing {s!r}" for s in case.must_contain if s.lower() not in lowered]
    failures += [f"forbidden {s!r}" for s in case.must_not_contain if s.lower() in lowered]
    present = {s.id for s in document.sections}
    failures += [f"no section {s}" for s in case.required_sections if s not in present]
    count = len(document.open_points)
    bounds_ok = count >= case.min_open_points and (
        case.max_open_points is None or count <= case.max_open_points
    )
    if not bounds_ok:
        failures.append(
            f"{count} open points outside [{case.min_open_points}, {case.max_open_points}]"
        )
    checks = len(case.must_contain) + len(case.must_not_contain) + len(case.required_sections) + 1
    return 1 - len(failures) / checks, "; ".join(failures) or "all checks pass"
