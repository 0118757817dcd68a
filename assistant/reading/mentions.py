"""Every mention of a text, typed and with its assertion status: the reading layer's one entry.

    >>> [(m.kind, m.value, m.status) for m in read("We do not currently support German.")]
    [('language', {'name': 'German'}, 'negated')]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from assistant.reading.assertion import statuses
from assistant.reading.pointers import has_pointer, next_sentence, pointer_label, status_from_next
from assistant.reading.quantities import QUANTITY_KINDS, find_quantities
from assistant.reading.vocab import find_terms

TERM_KINDS = ("channel", "delivery_model", "framework", "kpi", "platform", "pricing_model", "language",
              "location")
KINDS = QUANTITY_KINDS + TERM_KINDS


@dataclass(frozen=True)
class Mention:
    """A mention: its kind, value (plain fields), span, and what the text asserts about it."""

    kind: str
    value: dict
    start: int
    end: int
    text: str
    status: str = "affirmed"

    @property
    def affirmed(self) -> bool:
        """Stated as held, offered or true, without hedge or condition."""
        return self.status == "affirmed"

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


def read(text: str, context: str | None = None, kinds: tuple[str, ...] | None = None) -> list[Mention]:
    """The mentions of one sentence (or table line), in order.

    Args:
        text: the sentence.
        context: 'other_client' when the sentence stands in a case study or reference.
        kinds: only these kinds (default: every kind).
    """
    found = _read_sentence(text, context, kinds)
    return _pointed_on(text, found, lambda t: _read_sentence(t, context, kinds))


def read_after_pointer(
    mentions: list[Mention], text: str, following: str, context: str | None = None
) -> list[Mention]:
    """A statement's mentions, with the status the next statement gives them where the
    statement only points on ('PCI DSS: see below.' then 'Not currently held.')."""
    label = pointer_label(text)
    if label is None or not mentions:
        return mentions
    states = status_from_next(label, mentions, following, lambda t: _read_sentence(t, context))
    return _restated(mentions, states) if states else mentions


def _pointed_on(text: str, found: list[Mention], reader) -> list[Mention]:
    """Within one text: a sentence that only points on takes its status from the next."""
    if not found or not has_pointer(text):
        return found
    start = 0
    result = list(found)
    while (sentence := next_sentence(text, start)) is not None:
        begin, words = sentence
        end = begin + len(words)
        label = pointer_label(words)
        inside = [i for i, m in enumerate(result) if begin <= m.start < end]
        following = next_sentence(text, end)
        if label and inside and following:
            states = status_from_next(label, [result[i] for i in inside], following[1], reader)
            for i, state in zip(inside, states or (), strict=False):
                result[i] = replace(result[i], status=state)
        start = end
    return result


def _restated(mentions: list[Mention], states: list[str]) -> list[Mention]:
    return [replace(m, status=s) for m, s in zip(mentions, states, strict=True)]


def _read_sentence(
    text: str, context: str | None = None, kinds: tuple[str, ...] | None = None
) -> list[Mention]:
    wanted = set(kinds) if kinds else None
    found: list[Mention] = []
    if wanted is None or wanted & set(QUANTITY_KINDS):
        found += [
            Mention(q.kind, q.value, q.start, q.end, q.text)
            for q in find_quantities(text)
            if wanted is None or q.kind in wanted
        ]
    term_kinds = tuple(k for k in TERM_KINDS if wanted is None or k in wanted)
    if term_kinds:
        for term in find_terms(text, term_kinds):
            if not any(m.start < term.end and term.start < m.end for m in found):
                found.append(Mention(term.kind, term.value, term.start, term.end, term.text))
    found.sort(key=lambda m: m.start)
    states = statuses(text, [(m.start, m.end) for m in found], context, [m.kind for m in found])
    return [Mention(m.kind, m.value, m.start, m.end, m.text, s) for m, s in zip(found, states, strict=True)]
