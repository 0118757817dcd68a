"""The workbooks vendors return: they open in openpyxl with the expected rows, and the rate
card's total evaluated cost is a live formula (recalculated by LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from assistant.interview import Profile
from assistant.knowledge import load_guidance
from assistant.rfp import compliance_matrix, draft_from_profile, rate_card
from assistant.rfp.workbooks import COMPLIANCE_HEADER, COMPLIANCE_SHEET, RATE_SHEET, TOTAL_SHEET
from tests.rfp.cases import ISSUE_DATE, drafted


def test_the_compliance_matrix_has_a_row_per_requirement_with_its_mark(tmp_path):
    document = drafted("healthcare-card-payments")
    sheet = openpyxl.load_workbook(compliance_matrix(document, tmp_path / "m.xlsx"))[COMPLIANCE_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COMPLIANCE_HEADER
    requirements = document.requirements()
    assert [r[0] for r in rows[1:]] == [r.id for r in requirements]
    for row, req in zip(rows[1:], requirements, strict=True):
        assert row[3].startswith("Mandatory" if req.priority == "mandatory" else "Desirable")
        assert row[4:] == (None, None, None)
    assert sheet.data_validations.dataValidation[0].formula1 == '"Comply,Partly comply,Does not comply"'


def test_the_rate_card_prices_every_allowed_line_in_the_buyers_currency(tmp_path):
    document = drafted("healthcare-card-payments")
    book = openpyxl.load_workbook(rate_card(document, tmp_path / "r.xlsx"))
    rows = list(book[RATE_SHEET].iter_rows(values_only=True))
    assert rows[0][5] == "Year 1 price (USD per productive hour)"
    lines = {(r[1], r[2], r[3]) for r in rows[1:]}
    # one line per channel, language and allowed delivery model, at the place the buyer named
    # for it (sites in the United States and Mexico for customers in the United States)
    assert ("Voice", "Spanish", "Nearshore (Mexico)") in lines and len(lines) == 12
    assert {site for _, _, site in lines} == {"Onshore (United States)", "Nearshore (Mexico)"}
    totals = list(book[TOTAL_SHEET].iter_rows(values_only=True))
    assert totals[-1][0] == "Total evaluated cost" and totals[-1][1].startswith("=SUM(")


def _calc_available(tmp_path) -> bool:
    if shutil.which("soffice") is None:
        return False
    probe = tmp_path / "probe.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = 1
    book.save(probe)
    done = subprocess.run(["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(probe)],
                          capture_output=True, timeout=120)
    return done.returncode == 0 and (tmp_path / "probe.csv").exists()


def test_every_line_cost_is_its_price_times_its_units_and_the_total_sums_them(tmp_path):
    document = drafted("eu-retailer-no-cards")
    book = openpyxl.load_workbook(rate_card(document, tmp_path / "r.xlsx"))
    sheet, years = book[RATE_SHEET], len(document.rate_card.years)
    for row in range(2, sheet.max_row + 1):
        for offset in range(years):
            price = sheet.cell(row=row, column=6 + offset).coordinate
            units = sheet.cell(row=row, column=6 + years + offset).coordinate
            assert sheet.cell(row=row, column=6 + 2 * years + offset).value.endswith(f",0,{price}*{units})")
    totals = [r for r in book[TOTAL_SHEET].iter_rows(values_only=True)][1:]
    cost_columns = {openpyxl.utils.get_column_letter(6 + 2 * years + o) for o in range(years)}
    for (_, formula), column in zip(totals[:years], sorted(cost_columns), strict=True):
        assert formula == f"=SUM('{RATE_SHEET}'!{column}2:{column}{sheet.max_row})"
    assert totals[years] == ("One-time fees", "=SUM('One-time fees'!B2:B6)")
    assert totals[-1] == ("Total evaluated cost", f"=SUM(B2:B{years + 2})")


def test_the_total_cost_formula_computes_price_times_units_plus_fees(tmp_path):
    if not _calc_available(tmp_path):
        pytest.skip("LibreOffice Calc is not installed (only Writer): formulas checked above instead")
    document = drafted("eu-retailer-no-cards")
    path = rate_card(document, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[RATE_SHEET]
    years = len(document.rate_card.years)
    expected = 0.0
    for row in range(2, sheet.max_row + 1):
        for offset in range(years):
            price = sheet.cell(row=row, column=6 + offset)
            units = sheet.cell(row=row, column=6 + years + offset)
            price.value = 2.5
            expected += 2.5 * (units.value or 0)
    book["One-time fees"]["B2"] = 1000
    book.save(path)
    out = tmp_path / "calc"
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=120)
    computed = openpyxl.load_workbook(out / "r.xlsx", data_only=True)[TOTAL_SHEET]
    total = [r for r in computed.iter_rows(values_only=True)][-1][1]
    assert expected > 0 and total == pytest.approx(expected + 1000)


def test_rate_card_sites_take_their_model_from_where_they_are_and_never_an_excluded_one():
    profile = Profile()
    profile.set("customer_regions", "list[str]", ["Canada"], 1, "m")
    profile.set("channels", "list[str]", ["voice"], 1, "m")
    profile.set("languages", "list[str]", ["English"], 1, "m")
    profile.set("delivery_locations", "list[str]", ["Toronto", "Colombia", "Manila"], 1, "m",
                item_priority={"Manila": "nice"})
    profile.set("excluded_shore_models", "list[str]", ["nearshore", "work from home"], 1, "m")
    document = draft_from_profile(profile, load_guidance(), ISSUE_DATE)
    lines = {(line.site, line.optional) for line in document.rate_card.lines}
    assert lines == {("Onshore (Toronto)", False), ("Offshore (Manila)", True)}  # Colombia: nearshore
    text = " ".join(r.text for r in document.requirements())
    assert "home working" not in text and "home-based" not in text  # the buyer ruled it out
