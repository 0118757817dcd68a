"""Footnotes of table cells: a mark after a cell's value ('18.40*', '9.10†') sends the reader to
the note below the table that opens with the same mark ('* Excludes public holidays ...'). The
note qualifies the value, so an answer quoting the cell quotes its note too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.reading.statements import Statement

# The reference marks writers put after a value: asterisks, daggers, section and pilcrow signs,
# superscript digits (never a plain digit or letter: '12.50 a' is no footnote).
MARK_CHARS = "*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK = f"[{re.escape(MARK_CHARS)}]"
# Marks closing a cell's text, after its last digit or word ('7.85*', '10.20*†', 'Included¹').
_TRAILING = re.compile(rf"(?<=[\w%)])({_MARK}+)\s*$")
# A note opens with its mark, bare or in brackets, before its text ('* Excludes', '(†) Only').
_OPENING = re.compile(rf"^\s*\(?({_MARK}+)\)?\s*(?=\S)")
MAX_NOTE_SENTENCES = 3  # a note's own sentences: its opening one and those going on from it


def cell_marks(text: str) -> tuple[str, ...]:
    """The reference marks after a cell's value, each once ('10.20*†' has '*' and '†'; '**' is
    one mark of its own)."""
    match = _TRAILING.search(text)
    if match is None:
        return ()
    return tuple(dict.fromkeys(run.group(0) for run in re.finditer(r"(.)\1*", match.group(1))))


def without_marks(text: str) -> str:
    """A cell's text with the reference marks after its value taken off ('7.85*' is '7.85')."""
    return _TRAILING.sub("", text).rstrip()


def opening_mark(text: str) -> str | None:
    """The mark a note opens with ('*' for '* Excludes public holidays.'), None for a sentence
    that opens with none."""
    match = _OPENING.match(text)
    if match is None or len(set(match.group(1))) != 1:
        return None
    return match.group(1)


def notes_for(cell: Statement, after: Sequence[Statement], page_text: str = "") -> list[Statement]:
    """The notes a table cell's marks refer to, among the statements after it on its page
    (`after`, in reading order): per mark, the first sentence opening with it and the sentences
    of its paragraph after it (`page_text` says where a paragraph ends; a next mark, a table
    cell or a new heading always does). A mark with no note brings nothing."""
    if cell.cell is None:
        return []
    page = [s for s in after if s.document == cell.document and s.page == cell.page]
    found: list[Statement] = []
    for mark in cell_marks(cell.cell.text):
        found += [s for s in _note(mark, page, page_text) if s not in found]
    return found


def _note(mark: str, after: Sequence[Statement], page_text: str) -> list[Statement]:
    """The sentences of the note opening with `mark`."""
    for i, statement in enumerate(after):
        if statement.cell is None and opening_mark(statement.text) == mark:
            note = [statement]
            for more in after[i + 1 :]:
                if (len(note) == MAX_NOTE_SENTENCES or more.cell is not None
                        or more.heading != statement.heading or opening_mark(more.text)
                        or _paragraph_ends(page_text, note[-1], more)):
                    break
                note.append(more)
            return note
    return []


def _paragraph_ends(page_text: str, one: Statement, next_one: Statement) -> bool:
    """Whether a blank line stands between two sentences of a page (where the page's text is
    unknown, or the offsets do not fit it, a note is taken to end with its first sentence)."""
    if not 0 <= one.end <= next_one.start <= len(page_text):
        return True
    return bool(re.search(r"\n\s*\n", page_text[one.end : next_one.start]))


def marked_cell(note: Statement, before: Sequence[Statement]) -> Statement | None:
    """The one table cell before a note (`before`: the statements above it on its page) whose
    value carries the note's mark: what the note is about. None where no cell, or more than one,
    carries it ('* Excludes holidays' under six starred rates is about none of them alone)."""
    mark = opening_mark(note.text) if note.cell is None else None
    if mark is None:
        return None
    cells = [s for s in before if s.cell is not None and s.document == note.document
             and s.page == note.page and mark in cell_marks(s.cell.text)]
    return cells[0] if len(cells) == 1 else None
