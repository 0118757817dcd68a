"""Two-letter language codes are languages only under a table header that says language."""

from __future__ import annotations

from assistant.ingest.compose import compose_page
from assistant.ingest.layout import Line
from assistant.ingest.tables import Grid, build_table
from assistant.reading.statements import page_statements
from assistant.reading.vocab import coded_languages


def _languages(rows: list[list[str]], text_before: str = "Our rates.") -> dict[str, set[str]]:
    table = build_table(Grid(rows), 0)
    page = compose_page(1, [Line([], text_before), Line([], table=0)], [table])
    statements = page_statements(page, "d.pdf", "Orrin Basalt")
    return {s.text: {m.value["name"] for m in s.mentions if m.kind == "language"} for s in statements}


def test_a_code_in_a_language_column_is_that_language():
    found = _languages([["Queue", "Language", "Hourly rate"],
                        ["Tier 1", "DE", "€31.40"], ["Tier 1", "FR", "€29.80"]])
    assert any(v == {"German"} for k, v in found.items() if "DE" in k)
    assert any(v == {"French"} for k, v in found.items() if "FR" in k)


def test_a_language_label_column_names_the_language_of_its_row():
    found = _languages([["Language", "Hourly rate", "Setup fee"],
                        ["DE", "€31.40", "€900"], ["IT", "€28.10", "€900"]])
    rates = {k: v for k, v in found.items() if "€" in k}
    assert any(v == {"German"} for k, v in rates.items() if k.startswith("DE"))
    assert any(v == {"Italian"} for k, v in rates.items() if k.startswith("IT"))


def test_codes_joined_in_one_language_cell_are_each_a_language():
    found = _languages([["Pod", "Languages spoken", "Agents"], ["Lisbon", "PT-BR, ES", "14"]])
    assert {"Portuguese", "Spanish"} in found.values()


def test_a_code_under_another_header_is_no_language():
    found = _languages([["Service", "Team", "Hourly rate"],
                        ["IT support", "IT", "€44.00"], ["Billing", "EN", "€30.00"]])
    assert all(not v for v in found.values())


def test_a_standard_number_in_a_language_table_is_no_language():
    found = _languages([["Language", "Accessibility standard"], ["English", "EN 301 549"]])
    assert all(v <= {"English"} for v in found.values())


def test_only_texts_made_of_codes_are_read():
    assert [t.name for t in coded_languages("DE/EN")] == ["German", "English"]
    assert coded_languages("IT helpdesk") == []
    assert coded_languages("NA") == []  # a code that is no common language
    assert coded_languages("de") == []  # codes are written in capitals
