"""The unseen buyers (evals/cases/rfp_unseen): what must hold for every one of them, whatever
the split: ordered working-day timetable with the buyer's dates, nothing excluded asked for,
the buyer's currency, workbooks that open with a row per requirement and per rate-card line."""

from __future__ import annotations

import openpyxl
import pytest

from assistant.rfp import compliance_matrix, rate_card
from assistant.rfp.workbooks import COMPLIANCE_SHEET, RATE_SHEET
from evals.rfp_unseen import SPLITS, currency, excluded_clean, load_split, run_case, timetable

CASES = [case for split in SPLITS for case in load_split(split)]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_timetable_exclusions_and_currency_hold(case):
    run = run_case(case)
    for scorer in (timetable, excluded_clean, currency):
        value, reason = scorer(case, run)
        assert value == 1.0, reason


@pytest.mark.parametrize("case", CASES[:2], ids=[c["id"] for c in CASES[:2]])
def test_the_workbooks_open_with_the_expected_rows(case, tmp_path):
    document = run_case(case).document
    matrix = openpyxl.load_workbook(compliance_matrix(document, tmp_path / "m.xlsx"))[COMPLIANCE_SHEET]
    assert matrix.max_row - 1 == len(document.requirements())
    card = openpyxl.load_workbook(rate_card(document, tmp_path / "r.xlsx"))[RATE_SHEET]
    lines = [(r[1], r[2], r[3]) for r in card.iter_rows(min_row=2, values_only=True)]
    assert lines == [(line.channel, line.language, line.site) for line in document.rate_card.lines]
    excluded = (case["buyer"]["delivery_models"] or {}).get("excluded") or []
    assert not any(model.lower() == site.lower() for _, _, site in lines for model in excluded)
