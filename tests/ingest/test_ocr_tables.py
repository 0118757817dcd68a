"""Tables found among OCR lines from the gaps between their words (assistant/ingest/ocr_tables.py).
Lines laid out by hand as Tesseract would give them; names and figures made up."""

from __future__ import annotations

from assistant.ingest.compose import compose_page
from assistant.ingest.layout import Line, Word
from assistant.ingest.ocr_tables import groups, ocr_tables
from assistant.models import Box

CHAR = 4.0  # points per character
SPACE = 3.0  # points between two words of one cell


def _line(top: float, *cells: tuple[float, str]) -> Line:
    """A line whose cells start at the given x; words of a cell stand a space apart."""
    words = []
    for x, text in cells:
        for token in text.split():
            box = Box(x, top, x + CHAR * len(token), top + 8)
            words.append(Word(token, box, size=8))
            x = box.x1 + SPACE
    box = words[0].box
    for word in words[1:]:
        box = box.union(word.box)
    return Line(words, " ".join(w.text for w in words), box)


def _rate_table(top: float = 100.0) -> list[Line]:
    return [
        _line(top, (60, "Role"), (250, "Leeds"), (350, "Braga"), (450, "Accra")),
        _line(top + 12, (250, "(UK)"), (350, "(Portugal)"), (450, "(Ghana)")),
        _line(top + 24, (60, "Voice adviser"), (250, "EUR 3,100"), (350, "EUR 2,450"), (450, "EUR 1,720")),
        _line(top + 36, (60, "Chat adviser"), (250, "EUR 2,980"), (350, "|"), (360, "not offered"),
              (450, "EUR 1,640")),
        _line(top + 48, (60, "Team lead"), (250, "EUR 4,200"), (350, "EUR 3,300"), (450, "EUR 2,500")),
    ]


def test_wide_gaps_and_column_rules_split_a_line_into_cells():
    line = _line(10, (60, "Chat adviser"), (250, "EUR 2,980"), (350, "|"), (360, "not offered"))
    assert [g.text for g in groups(line)] == ["Chat adviser", "EUR 2,980", "not offered"]
    prose = _line(10, (60, "Our advisers in Braga handle chat and email in two languages."))
    assert len(groups(prose)) == 1


def test_a_scanned_rate_table_keeps_each_figure_with_its_row_and_column_headers():
    prose = _line(40, (60, "Monthly rates per adviser are set out below."))
    after = _line(200, (60, "Rates are fixed for the first contract year."))
    lines, tables = ocr_tables([prose, *_rate_table(), after])
    assert len(tables) == 1 and [line.table for line in lines] == [None, 0, None]
    page = compose_page(3, lines, tables, ocr=True)
    assert "Chat adviser — Braga (Portugal): not offered" in page.text
    assert "Team lead — Accra (Ghana): EUR 2,500" in page.text
    assert "Voice adviser — Leeds (UK): EUR 3,100" in page.text
    assert "Monthly rates per adviser are set out below." in page.text  # prose stays prose


def test_a_wrapped_cell_goes_on_in_its_own_column():
    lines = [
        _line(10, (60, "Item"), (200, "Charge"), (320, "Basis")),
        _line(22, (60, "Set-up fee"), (200, "GBP 9,000"), (320, "Half at signature, half")),
        _line(34, (320, "at go-live")),
        _line(46, (60, "Overtime"), (200, "150%"), (320, "Of the hourly rate")),
    ]
    found, tables = ocr_tables(lines)
    page = compose_page(1, found, tables, ocr=True)
    assert "Set-up fee — Basis: Half at signature, half at go-live" in page.text
    assert "Set-up fee — Charge: GBP 9,000" in page.text


def test_lines_without_figures_or_with_two_columns_are_no_table():
    words = [
        _line(10, (60, "Leeds"), (250, "Our main centre")),
        _line(22, (60, "Braga"), (250, "Our nearshore centre")),
        _line(34, (60, "Accra"), (250, "Our offshore centre")),
    ]
    assert ocr_tables(words)[1] == []  # two columns of words only: a list, not a rate table
    labels = [_line(10 + 12 * i, (60, "Leeds"), (250, "voice"), (350, "chat")) for i in range(4)]
    assert ocr_tables(labels)[1] == []  # no figure in any value column
    short = _rate_table()[:2]
    assert ocr_tables(short)[1] == []  # a header alone
