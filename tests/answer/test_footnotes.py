"""A mark after a table cell's value ('18.40*') refers to the note below the table opening with
the same mark; the answer quoting the cell quotes its note, and the note's one cell."""

from __future__ import annotations

from assistant.answer.evidence import cell_amount
from assistant.answer.footnotes import (
    cell_marks,
    marked_cell,
    notes_for,
    opening_mark,
    without_marks,
)
from assistant.index.statements import StatementIndex
from assistant.reading.mentions import read
from assistant.reading.statements import Statement, TableCell

HEADING = "6. Charges"


def _cell(value: str, row: int, label: str, page: int = 4) -> Statement:
    text = f"{label} — Rate (GBP per hour): {value}"
    cell = TableCell(row, 1, value, (label,), ("Rate (GBP per hour)",), 0, len(text))
    return Statement("m.pdf", "Corvid Peak", page, row * 100, row * 100 + len(text), text, HEADING,
                     cell=cell, mentions=tuple(read(text)))


def _sentence(text: str, start: int, heading: str = HEADING, page: int = 4) -> Statement:
    return Statement("m.pdf", "Corvid Peak", page, start, start + len(text), text, heading,
                     mentions=tuple(read(text)))


def test_the_marks_after_a_cells_value_are_read_each_once():
    assert cell_marks("21.30*") == ("*",)
    assert cell_marks("14.05*†") == ("*", "†")
    assert cell_marks("9.90**") == ("**",)
    assert cell_marks("Included¹") == ("¹",)
    assert cell_marks("42%‡") == ("‡",)
    # Negative controls: no mark, a mark before the value, a letter or digit after it.
    assert cell_marks("21.30") == ()
    assert cell_marks("* 21.30") == ()
    assert cell_marks("21.30 a") == ()
    assert without_marks("14.05*†") == "14.05" and without_marks("Not offered") == "Not offered"


def test_a_note_opens_with_its_mark():
    assert opening_mark("* Rates exclude bank holidays.") == "*"
    assert opening_mark("†Weekend cover is staffed from Leeds.") == "†"
    assert opening_mark("(‡) Billed monthly in arrears.") == "‡"
    assert opening_mark("** Subject to a six-month minimum.") == "**"
    assert opening_mark("Rates exclude bank holidays.") is None
    assert opening_mark("*† Mixed marks are two notes, not one.") is None


def test_a_starred_amount_in_a_price_table_is_a_price():
    assert cell_amount(_cell("21.30*", 1, "Voice / Welsh"))
    assert cell_amount(_cell("14.05*†", 2, "Chat / Welsh"))
    assert not cell_amount(_cell("Not offered*", 3, "Email / Welsh"))


def _table_page() -> list[Statement]:
    return [
        _cell("21.30*", 1, "Voice / Welsh"),
        _cell("17.80", 2, "Voice / English"),
        _cell("14.05*†", 3, "Chat / Welsh"),
        _sentence("* Rates exclude bank holidays.", 1000),
        _sentence("Work on a bank holiday is billed at the rate shown plus 30%.", 1031),
        _sentence("† Welsh chat opens in the second contract year.", 1100),
        _sentence("Invoices are issued monthly.", 1200),
        _sentence("Payment is due in 30 days.", 1300, heading="7. Invoicing"),
    ]


def _text(statements: list[Statement], breaks: tuple[int, ...] = ()) -> str:
    """A page's text holding each sentence at its offsets; a blank line before those starting
    at `breaks`."""
    text = [" "] * 1400
    for s in statements:
        text[s.start : s.end] = list(s.text)
        if s.start in breaks:
            text[s.start - 2 : s.start] = ["\n", "\n"]
    return "".join(text)


def test_a_marked_cell_brings_its_note_and_the_notes_sentences():
    page = _table_page()
    index = StatementIndex(page, {})
    text = _text(page, breaks=(1100, 1200))
    notes = notes_for(page[0], index.after_on_page(page[0]), text)
    assert [n.text for n in notes] == [page[3].text, page[4].text]
    both = notes_for(page[2], index.after_on_page(page[2]), text)
    assert page[3] in both and page[5] in both
    assert page[6] not in both and page[7] not in both  # a paragraph and a heading end a note
    assert notes_for(page[1], index.after_on_page(page[1]), text) == []  # no mark, no note
    # The next mark ends a note, blank line or not; without the page's text, its first sentence.
    assert page[5] not in notes_for(page[0], index.after_on_page(page[0]), _text(page))
    assert notes_for(page[0], index.after_on_page(page[0])) == [page[3]]


def test_a_blank_line_ends_a_note():
    first = _cell("21.30*", 1, "Voice / Welsh")
    note = _sentence("* Rates exclude bank holidays.", 10)
    later = _sentence("Our Cardiff site opened in 2019.", 50)
    page_text = " " * 10 + note.text + "\n\n" + " " * (50 - 12 - len(note.text)) + later.text
    assert notes_for(first, [note, later], page_text) == [note]
    assert notes_for(first, [note, later], page_text.replace("\n\n", "  ")) == [note, later]


def test_a_bullet_without_a_marked_cell_is_no_note():
    cell = _cell("17.80", 1, "Voice / English")
    bullet = _sentence("* Quality reviews every week.", 1000)
    assert notes_for(cell, [bullet]) == []
    assert marked_cell(bullet, [cell]) is None


def test_a_note_is_about_the_one_cell_carrying_its_mark():
    page = _table_page()
    index = StatementIndex(page, {})
    assert marked_cell(page[5], index.before_on_page(page[5])) is page[2]
    # Two cells carry '*': the note is about neither alone.
    assert marked_cell(page[3], index.before_on_page(page[3])) is None
    # A note on another page is about none of this page's cells.
    elsewhere = _sentence("† Welsh chat opens later.", 5, page=5)
    assert marked_cell(elsewhere, page[:3]) is None
