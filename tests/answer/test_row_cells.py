"""A yes-or-no answer from a status table quotes the item's row whole: its status beside its
notes (assistant/answer/neighbours.py, row_cells). Tables made up for these tests."""

from __future__ import annotations

from assistant.answer.neighbours import ROW_CELLS, row_cells
from assistant.index.statements import StatementIndex
from assistant.models import TableCell
from assistant.reading.statements import Statement


def _cell(item: str, column: str, value: str, row: int, col: int, page: int = 7) -> Statement:
    text = f"{item} — {column}: {value}"
    cell = TableCell(row, col, value, (item,), (column,), 0, len(text))
    start = row * 100 + col
    return Statement("corvid.pdf", "Corvid Peak", page, start, start + len(text), text,
                     "8. Compliance", cell=cell)


def _table() -> list[Statement]:
    return [
        _cell("Cyber Essentials Plus", "Status", "Held", 1, 1),
        _cell("Cyber Essentials Plus", "Notes", "Renewed each March", 1, 2),
        _cell("ISO 22301", "Status", "Not held", 2, 1),
        _cell("ISO 22301", "Notes", "Continuity plans follow the standard; no certificate", 2, 2),
        _cell("ISO 22301", "Expiry", "—", 2, 3),
        _cell("ISO 22301", "Owner", "Head of risk", 2, 4),
    ]


def test_a_rows_other_cells_complete_the_one_chosen_in_column_order():
    table = _table()
    index = StatementIndex(table, {})
    notes = table[3]
    assert row_cells(notes, index.table_mates(notes)) == [table[2], table[4]][:ROW_CELLS]
    status = table[0]
    assert row_cells(status, index.table_mates(status)) == [table[1]]


def test_no_other_rows_cells_nor_another_pages_and_nothing_for_a_sentence():
    table = _table()
    index = StatementIndex(table, {})
    mates = index.table_mates(table[0])
    assert all(c.cell.row == 1 for c in row_cells(table[0], mates))
    # The same item on another page is another table.
    elsewhere = _cell("Cyber Essentials Plus", "Notes", "Audited in 2026", 1, 2, page=9)
    assert row_cells(table[0], [elsewhere]) == []
    sentence = Statement("corvid.pdf", "Corvid Peak", 7, 0, 20, "We hold Cyber Essentials.")
    assert row_cells(sentence, table) == []
