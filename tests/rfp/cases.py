"""Shared inputs for the RFP tests: the eval cases and a fixed issue date."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from assistant.knowledge import load_guidance
from assistant.rfp import RfpDocument, draft_rfp
from assistant.rfp.scoring import RfpCase, load_rfp_cases

CASES_DIR = Path(__file__).resolve().parents[2] / "evals" / "cases" / "rfp"
ISSUE_DATE = date(2025, 11, 3)


@cache
def cases() -> dict[str, RfpCase]:
    """Every RFP eval case by id."""
    return {case.id: case for case in load_rfp_cases(CASES_DIR)}


@cache
def drafted(case_id: str) -> RfpDocument:
    """The draft for one case (drafting is deterministic, so it is made once)."""
    return draft_rfp(cases()[case_id].values, load_guidance(), ISSUE_DATE)
