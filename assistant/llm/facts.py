"""Is a model's sentence backed by the passage it cites? Compared as the reading layer reads
both: every typed mention of the sentence (money, percentages, durations, counts, service
levels, hours, languages, frameworks, places, platforms…) must stand in the passage with the
same value and the same assertion status, so '$28.50' matches 'USD 28.50' and 'forty-five
days' matches '45 days', while 'holds PCI DSS' against 'PCI DSS | Not held' fails: a dropped
negation fails as surely as an added one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reading.mentions import Mention, read
from assistant.reading.numbers import find_numbers
from assistant.reading.quantities import QUANTITY_KINDS, duration_seconds
from assistant.text import stem, terms

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,}[a-z]?\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][A-Za-z'-]*\b")
_NEGATION = re.compile(r"\b(not|no|none|never|cannot|without|neither|nor)\b|n't\b", re.I)
_COMMON_CAPITALS = frozenset(
    "i a an the it its this that these those they their there both each all in on for with "
    "yes no however also and but or if as at by from to of our we you your he she his her "
    "vendor vendors proposal proposals page pages document answer question".split()
)
STATUS_WORDS = {"negated": "not", "planned": "planned or in progress", "hedged": "not firm",
                "conditional": "conditional", "third_party": "through a third party",
                "other_client": "about another client", "affirmed": "affirmed"}


@dataclass(frozen=True)
class Facts:
    """What a text asserts that can be checked: its typed mentions, bare numbers, names."""

    mentions: tuple[Mention, ...]
    numbers: frozenset[float]
    names: frozenset[str]
    negated: bool
    terms: frozenset[str]


def read_facts(text: str) -> Facts:
    """A text's typed mentions (with their status), the numbers outside them, names, terms."""
    mentions = tuple(read(text))
    inside = [(m.start, m.end) for m in mentions if m.kind in QUANTITY_KINDS]
    numbers = frozenset(
        n.value for n in find_numbers(text)
        if not any(s <= n.start < e for s, e in inside)
    )
    return Facts(mentions, numbers, frozenset(_names(text)), bool(_NEGATION.search(text)),
                 frozenset(terms(text)))


def stated_numbers(text: str) -> frozenset[float]:
    """Every number a text states, digits or words, scales applied ('60k' is 60000)."""
    return frozenset(n.value for n in find_numbers(text))


def unsupported(claim: str, source: str, known_names: set[str] | frozenset[str] = frozenset(),
                min_term_share: float = 0.5) -> list[str]:
    """What the claim states that the source does not; [] when every fact is found.

    Args:
        claim: one sentence written by the model (markers removed).
        source: the text it cites.
        known_names: lower-case names that need no source (the vendors, the buyer).
        min_term_share: the share of the claim's content words the source must contain.
    """
    checked, quoted = _whole_quotes_blanked(claim, source)
    said, backing = read_facts(checked), read_facts(source)
    known_words = _words(" ".join(known_names))
    problems, backed_words = [], set()
    for mention in said.mentions:
        if mention.kind == "location" and mention.text.lower() in known_words:
            continue
        problem = _unbacked(mention, backing.mentions)
        if problem:
            problems.append(problem)
        else:
            backed_words |= _words(mention.text)
    source_numbers = backing.numbers | _mention_numbers(backing.mentions)
    problems += [f"number {_fmt(n)}" for n in sorted(said.numbers) if not _among(n, source_numbers)]
    source_words = _words(source)
    # A name inside a mention the passage backs ('United Kingdom' for 'UK') is that mention.
    problems += [f"name {name}" for name in sorted(said.names)
                 if name.lower() not in source_words | known_words | backed_words]
    if said.negated and not backing.negated:
        problems.append("a negation")
    claim_words = terms(_without_quantities(checked, said.mentions)) + terms(" ".join(quoted))
    content = {t for t in claim_words if t.isalpha()} - {stem(w) for w in known_words}
    if len(content) >= 2 and len(content & backing.terms) / len(content) < min_term_share:
        problems.append("words not in the passage")
    return problems


_QUOTED = re.compile(r'"([^"\n]+)"')


def _whole_quotes_blanked(claim: str, source: str) -> tuple[str, list[str]]:
    """The claim with each quotation of a whole cited passage blanked, and those quotations: a
    passage quoted whole says what the passage says, read in its own context (a condition
    opening it still governs its end), so only the claim's own words around it are checked. A
    quotation of part of a passage is checked as any words are: out of its context it may say
    more than the passage does."""
    passages = {_bare(line) for line in source.splitlines() if line.strip()}
    quoted, parts, last = [], [], 0
    for match in _QUOTED.finditer(claim):
        if _bare(match.group(1)) in passages:
            quoted.append(match.group(1))
            parts += [claim[last : match.start()], " " * (match.end() - match.start())]
            last = match.end()
    return "".join(parts) + claim[last:], quoted


def _bare(text: str) -> str:
    """A passage as quoted: spaces made single, the closing full stop an answer adds dropped."""
    return " ".join(text.split()).rstrip(".").strip()


def _without_quantities(text: str, mentions: tuple[Mention, ...]) -> str:
    """The text with its quantities blanked ('forty-five days' is checked as a duration)."""
    for m in sorted((m for m in mentions if m.kind in QUANTITY_KINDS), key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    return text


def _unbacked(mention: Mention, source: tuple[Mention, ...]) -> str:
    """'' when the source states the same thing with the same status; else what differs."""
    same = [m for m in source if m.kind == mention.kind and _same_value(mention, m)]
    if not same:
        return f"{mention.kind} {mention.text!r}"
    if any(_compatible(mention.status, m.status) for m in same):
        return ""
    status = same[0].status
    return f"{mention.text!r} is {STATUS_WORDS.get(status, status)} in the passage"


def _compatible(claimed: str, stated: str) -> bool:
    """A claim may restate a status, or soften a firm one; it may never firm up a negation,
    plan, hedge, condition, partner or other client's figure, nor deny what is affirmed."""
    if claimed == stated:
        return True
    if stated == "affirmed":
        return claimed not in ("negated", "other_client")
    return False


def _same_value(a: Mention, b: Mention) -> bool:
    va, vb = a.value, b.value
    if a.kind == "money":
        return _close(va.get("amount"), vb.get("amount")) and (
            not va.get("currency") or not vb.get("currency") or va["currency"] == vb["currency"]
        ) and (not va.get("unit") or not vb.get("unit") or va["unit"] == vb["unit"])
    if a.kind == "percent":
        return _close(va["value"], vb["value"])
    if a.kind == "duration":
        return _close(duration_seconds(va), duration_seconds(vb))
    if a.kind == "count":
        return _close(va["value"], vb["value"])
    if a.kind == "service_level":
        return _close(va["percent"], vb["percent"]) and _close(va["seconds"], vb["seconds"])
    if a.kind == "hours":
        if va.get("always") or vb.get("always"):
            return bool(va.get("always")) == bool(vb.get("always"))
        return (va.get("start"), va.get("end")) == (vb.get("start"), vb.get("end"))
    if a.kind == "multiplier":
        return _close(va["value"], vb["value"])
    return va.get("name") == vb.get("name") or (
        a.kind == "framework" and va.get("name", "").split(" Type")[0] == vb.get("name", "").split(" Type")[0]
    )


def _mention_numbers(mentions: tuple[Mention, ...]) -> frozenset[float]:
    """The numbers inside a text's quantities (a bare '28.50' in a claim may restate them)."""
    values = set()
    for m in mentions:
        for key in ("amount", "value", "percent"):
            if isinstance(m.value.get(key), int | float):
                values.add(float(m.value[key]))
    return frozenset(values)


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def _among(value: float, values: frozenset[float]) -> bool:
    return any(_close(value, v) for v in values)


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _words(text: str) -> set[str]:
    """Lower-case words, hyphenated ones also in their parts ('HHH-CS-2026' has 'cs'), and a
    possessive also without its 's ("ACME's" has 'acme')."""
    words = {w.lower() for w in re.findall(r"[\w&'-]+", text)} | {
        w.lower() for w in re.findall(r"[\w&']+", text)}
    return words | {w[:-2] for w in words if w.endswith("'s") and len(w) > 2}


def _names(text: str) -> set[str]:
    """Acronyms anywhere, and capitalised words that do not open a sentence."""
    found = {m.group(0) for m in _ACRONYM.finditer(text)}
    for match in _CAPITALISED.finditer(text):
        before = text[: match.start()].rstrip()
        opens_sentence = not before or before[-1] in ".!?:;\n-•*(\"'"
        if not opens_sentence:
            found.add(match.group(0))
    return {name for name in found if name.lower() not in _COMMON_CAPITALS}
