"""How a grounded answer reads: the conclusion first when the question asks for the lowest or
highest, then one line per vendor with whole sentences or table cells (their headers in front),
each with its marker; both values when a vendor's own statements disagree; and a 'not stated'
that names what was looked for in the buyer's words."""

from __future__ import annotations

from assistant.answer.evidence import CASE_KINDS, Evidence
from assistant.answer.question import QuestionPlan
from assistant.models import Citation
from assistant.reading.mentions import Mention
from assistant.reading.quantities import duration_seconds

# The kinds whose values can be ranked, and how to read one as a number to compare.
RANKABLE = {
    "money": lambda v: v.get("amount"),
    "duration": lambda v: duration_seconds(v) if v.get("amount") is not None else None,
    "percent": lambda v: v.get("value"),
    "count": lambda v: v.get("value"),
}


def compose_answer(plan: QuestionPlan, found: dict[str, list[Evidence]]) -> tuple[str, list[Citation]]:
    """The answer's text and its citations."""
    order, headline = _ranked_order(plan, found)
    lines, citations = vendor_lines(plan, found, order)
    if headline:
        vendor, mention = headline
        marker = next(c.marker for c in citations if c.vendor == vendor)
        word = "lowest" if plan.extreme == "lowest" else "highest"
        topic = " ".join(plan.surface[:3]) or "value"
        lines.insert(0, f"{vendor} states the {word} {topic}: {mention.text} [{marker}].")
    return "\n".join(lines), citations


def vendor_lines(
    plan: QuestionPlan, found: dict[str, list[Evidence]], vendors: tuple[str, ...], first_marker: int = 1
) -> tuple[list[str], list[Citation]]:
    """One cited line per vendor; 'does not state' for a vendor of a cross-vendor question."""
    citations: list[Citation] = []
    lines: list[str] = []
    for vendor in vendors:
        chosen = found.get(vendor, [])
        if not chosen:
            if plan.cross_vendor:
                lines.append(f"{vendor}: the proposal does not state this.")
            continue
        cited = []
        for evidence in chosen:
            marker = first_marker + len(citations)
            citations.append(Citation(marker, evidence.document, evidence.vendor, evidence.page, evidence.quote,
                                      location=evidence.statement.location))
            cited.append(f'"{_sentence(evidence.quote)}" [{marker}]')
        lead = "conflicting statements: " if disagree(plan, chosen) else ""
        lines.append(f"{vendor}: {lead}" + " ".join(cited))
    return lines, citations


def compose_guidance(plan: QuestionPlan, found: dict[str, list[Evidence]]) -> tuple[str, list[Citation]]:
    """Advice as a short titled list: per guidance note, its title (cited: it is the note's
    first line), then one quoted point per statement of that note."""
    citations: list[Citation] = []
    lines: list[str] = []
    by_note: dict[str, list[Evidence]] = {}
    for evidence in (e for chosen in found.values() for e in chosen):
        by_note.setdefault(evidence.document, []).append(evidence)
    for note, points in by_note.items():
        title = points[0].statement.heading
        if title:
            citations.append(Citation(len(citations) + 1, note, points[0].vendor, 1, title))
            lines.append(f"{title} [{len(citations)}]")
        for evidence in points:
            shown = evidence.quote.lstrip("-•* ").strip()
            if title and shown.rstrip(".") == title.rstrip("."):
                continue  # the title again
            citations.append(Citation(len(citations) + 1, note, evidence.vendor, evidence.page,
                                      evidence.quote))
            lines.append(f'- "{_sentence(shown)}" [{len(citations)}]')
    return "\n".join(lines), citations


def not_stated(plan: QuestionPlan, subject: str = "proposals") -> str:
    """'Not stated', naming where was looked and what for, in the buyer's words."""
    if subject != "proposals":
        where = f"the {subject}"
    elif plan.cross_vendor:
        where = "any proposal"
    else:
        where = f"the proposal of {plan.vendors[0]}"
    topic = ", ".join(f"'{word}'" for word in plan.surface[:4]) or "this question"
    return f"The {subject} do not say. Nothing in {where} addresses {topic}."


def _asked_values(plan: QuestionPlan, evidence: Evidence) -> list[Mention]:
    """The statement's mentions of the kind of value the question asks for."""
    return [m for m in evidence.statement.mentions if m.kind in plan.answer_kinds and m.kind in RANKABLE]


def disagree(plan: QuestionPlan, chosen: list[Evidence]) -> bool:
    """Two statements of one vendor that give different values of the asked kind for the same
    case (statements about different sites, languages or channels are different cases); a
    cell's footnote qualifies its value and never contradicts it."""
    chosen = [e for e in chosen if not e.completes]
    if len(chosen) < 2:
        return False
    values = [{(m.kind, str(sorted(m.value.items()))) for m in _asked_values(plan, e)} for e in chosen]
    if not all(values) or values[0] & values[1]:
        return False
    return not different_cases(chosen[0], chosen[1])


def different_cases(one: Evidence, other: Evidence) -> bool:
    """Whether two statements name different sites, delivery models, languages or channels."""
    return any(names_differ(one, other, kind) for kind in CASE_KINDS)


def names_differ(one: Evidence, other: Evidence, kind: str) -> bool:
    """Both statements name something of this kind, and not the same."""
    a = {m.value.get("name") for m in one.statement.mentions if m.kind == kind}
    b = {m.value.get("name") for m in other.statement.mentions if m.kind == kind}
    return bool(a and b and a != b)


def _ranked_order(plan: QuestionPlan, found: dict[str, list[Evidence]]):
    """Vendors in the order the question asks (lowest first...), and the headline's vendor and
    value; the vendors as given when their values cannot be compared."""
    vendors = tuple(plan.vendors)
    if not plan.extreme or not plan.cross_vendor:
        return vendors, None
    values: dict[str, tuple[float, Mention]] = {}
    keys = set()
    for vendor in vendors:
        chosen = found.get(vendor)
        mentions = _asked_values(plan, chosen[0]) if chosen else []
        if mentions:
            first = mentions[0]
            number = RANKABLE[first.kind](first.value)
            if number is not None:
                values[vendor] = (number, first)
                keys.add((first.kind, first.value.get("currency"), first.value.get("unit")
                          if first.kind == "money" else None))
    if len(values) < 2 or len(keys) != 1:
        return vendors, None
    reverse = plan.extreme == "highest"
    ordered = sorted(values, key=lambda v: values[v][0], reverse=reverse)
    rest = tuple(v for v in vendors if v not in values)
    return tuple(ordered) + rest, (ordered[0], values[ordered[0]][1])


def _sentence(quote: str) -> str:
    """A quote as it reads inside the answer."""
    return quote if quote.endswith((".", "!", "?")) else quote + "."
