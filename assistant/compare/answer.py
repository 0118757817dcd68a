"""Answer cross-vendor comparison questions from the terms matrix, every vendor listed and cited."""

from __future__ import annotations

import re

from assistant.compare.extract import Source, TermValue
from assistant.compare.fields import CERTIFICATIONS, FIELD_MAP, channels_in, fmt_money
from assistant.compare.matrix import Cell, Matrix
from assistant.models import Answer, Citation

# (pattern, field) in priority order; the first that matches the question wins.
TOPICS = (
    (r"\bsoc ?(?:2|ii)\b", "cert_soc2"), (r"\biso(?:/iec)? ?27001\b", "cert_iso_27001"),
    (r"\bpci\b", "cert_pci_dss"), (r"\bhipaa\b|business associate|\bbaa\b", "cert_hipaa"),
    (r"\bhitrust\b", "cert_hitrust"), (r"\bgdpr\b|data processing agreement", "cert_gdpr"),
    (r"pilot|proof of concept|\btrial\b", "pilot"),
    (r"recovery time|\brto\b", "rto"), (r"recovery point|\brpo\b", "rpo"),
    (r"attrition|turnover", "attrition"), (r"\btenure\b", "tenure"),
    (r"termination fee|early termination|exit fee", "termination_fee"),
    (r"\bnotice\b", "termination_notice"),
    (r"exit (?:assistance|support)|transition support", "exit_assistance"),
    (r"data ownership|owns? (?:the |its )?data", "data_ownership"),
    (r"(?:contract|initial) (?:terms?|length)|length of the contract", "contract_term"),
    (r"pricing models?|how (?:do|does) (?:they|each|the vendors?) (?:charge|bill|price)",
     "pricing_model"),
    (r"set-?up fees?|one-?time|implementation fees?|transition fees?", "one_time_fees"),
    (r"minimum (?:commitment|volume|billing|spend)", "minimum_commitment"),
    (r"overtime|holiday|surcharge|uplift", "other_charges"),
    (r"indexation|price increase|annual increase|inflation", "price_indexation"),
    (r"currenc", "currency"),
    (r"first (?:contact|call) resolution|\bfcr\b", "fcr"),
    (r"customer satisfaction|\bcsat\b", "csat"), (r"net promoter|\bnps\b", "nps"),
    (r"quality (?:score|target)|\bqa (?:score|target)", "qa_target"),
    (r"abandon", "abandonment"), (r"earn[- ]?back", "earn_back"),
    (r"service credit", "credit_cap"),
    (r"\brates?\b|cheapest|prices?\b|per hour|per minute|per fte|per transaction", "rates"),
    (r"24/7|around the clock|round[- ]the[- ]clock|opening hours|hours of (?:operation|coverage)",
     "hours"),
    (r"service levels?|answered within|speed of answer|\basa\b|response times?", "sl"),
    (r"languages?|speak|bilingual", "languages"),
    (r"nearshore|offshore|onshore|delivery model|\bshore\b", "delivery_model"),
    (r"locations?|\bsites?\b|centres?|centers?|where .* (?:serve|deliver|located|based)",
     "locations"),
    (r"\bcrm\b|ticketing|integrat", "crm_integrations"),
    (r"platform|telephony|ccaas", "platform"),
)  # fmt: skip
# A question across vendors: a comparison word, 'which vendor(s)', or a question that starts
# with 'who' ('which'/'who' inside a question are mostly relative pronouns).
COMPARE = re.compile(
    r"\b(compare|comparison|each|every|all|vendors|suppliers|providers|bidders|proposals|across|"
    r"rank|ranking|lowest|highest|cheapest|longest|shortest|fewest|least|most|best|between)\b|"
    r"\b(which|what) (vendor|supplier|provider|bidder|proposal|company|one)s?\b|^\W*who\b",
    re.I,
)
LOWEST = re.compile(r"(?<!at )\b(lowest|cheapest|shortest|fewest|least|smallest|fastest|minimum)\b", re.I)
HIGHEST = re.compile(r"(?<!at )\b(highest|longest|most|largest|biggest|greatest|maximum)\b", re.I)
QUOTE_CHARS = 180
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def answer_from_matrix(matrix: Matrix, question: str) -> dict | None:
    """A cited cross-vendor answer when the question maps to a matrix field, else None.

    Args:
        matrix: the terms matrix of the workspace.
        question: the buyer's question.

    Returns:
        {"question", "answer", "abstained", "citations", "field"} (citations shaped like
        `assistant.models.Citation`), or None when the matrix cannot answer it.
    """
    answer = matrix_answer(matrix, question)
    if answer is None:
        return None
    return {**answer.to_dict(), "field": _field_for(question, matrix) or ""}


def matrix_answer(matrix: Matrix, question: str) -> Answer | None:
    """The same answer as an `assistant.models.Answer` (what `Workspace.ask` returns)."""
    vendors = _scope(matrix, question)
    field = _field_for(question, matrix)
    if not vendors or field is None:
        return None
    cells = {v: matrix.cell(field, v) for v in vendors}
    if not any(c.stated and _relevant(c, question) for c in cells.values()):
        return None  # nothing the question asks for: the proposals' statements answer instead
    writer = _Writer()
    lines = _headline(field, cells, question, writer)
    for vendor, cell in cells.items():
        lines.append(_vendor_line(vendor, cell, question, writer))
    return Answer(question, "\n".join(lines), False, tuple(writer.citations))


def _scope(matrix: Matrix, question: str) -> list[str]:
    """Vendors the question is about: those it names (two or more), or all for a comparison."""
    from assistant.answer.question import named_vendors

    named = list(named_vendors(question, list(matrix.vendors), matrix.aliases))
    if len(named) == 1:
        return []
    if len(named) >= 2:
        return named
    return list(matrix.vendors) if COMPARE.search(question) else []


def _field_for(question: str, matrix: Matrix) -> str | None:
    """The field a question asks about; a topic word in a compound ('on-site') does not count."""
    for pattern, topic in TOPICS:
        if re.search(rf"(?<![-\w])(?:{pattern})", question, re.I):
            return _resolve(topic, question)
    return "languages" if _languages_asked(question) else None


def _resolve(topic: str, question: str) -> str:
    channel = (channels_in(question) or ["voice"])[0]
    if topic == "pilot":
        return (
            "pilot_size"
            if re.search(r"\bsize|how many|agents|team|\bfte", question, re.I)
            else "pilot_length"
        )
    if topic in ("hours", "sl"):
        return f"{'hours' if topic == 'hours' else 'sl'}_{channel}"
    if topic == "currency":
        return "rates"
    if topic == "delivery_model" and re.search(r"\brates?\b|price|cheapest", question, re.I):
        return "rates"
    return topic


class _Writer:
    """Numbers citations: one marker per distinct (document, page, quote)."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._markers: dict[tuple[str, int, str], int] = {}

    def mark(self, source: Source | None) -> str:
        if source is None:
            return ""
        key = (source.document, source.page, source.quote)
        if key not in self._markers:
            self._markers[key] = len(self._markers) + 1
            self.citations.append(source.citation(self._markers[key]))
        return f"[{self._markers[key]}]"


def _segment(values: list[TermValue], writer: _Writer) -> str:
    """Values read from one quote, then the quote itself, then its marker."""
    source = values[0].citation
    quote = source.quote if source else ""
    shown = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
    texts = [tv.value for tv in values if all(n in quote for n in _NUMBER.findall(tv.value))]
    lead = "; ".join(dict.fromkeys(texts))
    return (f"{lead}: " if lead else "") + f'"{shown}" {writer.mark(source)}'


def _vendor_line(vendor: str, cell: Cell, question: str, writer: _Writer) -> str:
    values = _relevant(cell, question)
    if not values:
        return f"- {vendor}: the proposal does not state this."
    groups: dict[Source | None, list[TermValue]] = {}
    for tv in values:
        groups.setdefault(tv.citation, []).append(tv)
    shown = list(groups.values())[: 4 if cell.conflicting else 3]
    prefix = "conflicting statements: " if cell.conflicting else ""
    return f"- {vendor}: {prefix}" + "; ".join(_segment(g, writer) for g in shown)


def _relevant(cell: Cell, question: str) -> list[TermValue]:
    """A cell's values, narrowed to the shore model, channel and language the question names."""
    values = list(cell.values)
    if cell.field == "languages" and (asked := _languages_asked(question)):
        return [tv for tv in values if tv.normalised["language"] in asked]
    if FIELD_MAP[cell.field].occasions:
        values = _for_occasion(FIELD_MAP[cell.field], values, question)
    if cell.field != "rates":
        if FIELD_MAP[cell.field].channel is None and (asked := channels_in(question)):
            values = [tv for tv in values if _for_channels(tv, asked)]
        return _strongest_first(cell, values)
    values = [tv for tv in values if not tv.normalised.get("qualifier")] or values
    if model := re.search(r"\b(onshore|nearshore|offshore)\b", question, re.I):
        values = [tv for tv in values if tv.normalised.get("delivery") == model.group(1).lower()]
    for channel in channels_in(question):
        values = [tv for tv in values if channel in tv.normalised.get("channels", [channel])]
    for language in _languages_asked(question):
        values = [tv for tv in values if language in tv.normalised.get("languages", [language])]
    return sorted(values, key=lambda tv: tv.normalised["amount"])


def _for_occasion(spec, values: list[TermValue], question: str) -> list[TermValue]:
    """The values for the occasion the question names ('overtime', 'Sunday work'): those whose
    quote names it or one of its days; all of them when the question names none."""
    from assistant.reading.quantities import days_named

    words = [w for w in spec.occasions if _says(question, w)]
    days = days_named(question)
    if not words and not days:
        return values
    return [tv for tv in values if tv.citation and (any(_says(tv.citation.quote, w) for w in words)
                                                   or days & days_named(tv.citation.quote))]


def _for_channels(value: TermValue, asked: list[str]) -> bool:
    """Whether a value may be for the channels asked: its quote names one of them, or no channel
    at all ('Voice abandonment: below 4%' is not the chat figure)."""
    named = channels_in(value.citation.quote) if value.citation else []
    return not named or any(c in named for c in asked)


def _says(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}s?(?![\w-])", text, re.I) is not None


def _strongest_first(cell: Cell, values: list[TermValue]) -> list[TermValue]:
    if FIELD_MAP[cell.field].kind != "status":
        return values
    status = cell.primary.get("status")
    return sorted(
        values,
        key=lambda tv: (tv.normalised.get("status") != status, -tv.normalised.get("strength", 2)),
    )


def _headline(field: str, cells: dict[str, Cell], question: str, writer: _Writer) -> list[str]:
    """A first line that answers 'which' or 'lowest/highest' before the per-vendor list."""
    spec = FIELD_MAP[field]
    if spec.kind == "status":
        return [_status_headline(field, cells, writer)]
    if field == "languages" and (asked := _languages_asked(question)):
        return [_language_headline(asked, cells, writer)]
    if field.startswith("hours_"):
        return [_hours_headline(field, cells, writer)]
    if field == "rates" and re.search(r"currenc", question, re.I):
        return [_currency_headline(cells, writer)]
    if field == "rates" and LOWEST.search(question):
        return [_lowest_rates(cells, question, writer)]
    extreme = LOWEST.search(question) or HIGHEST.search(question)
    if extreme and any(c.number is not None for c in cells.values()):
        return [_extreme(spec.label, cells, extreme.group(1), writer)]
    return []


def _status_headline(field: str, cells: dict[str, Cell], writer: _Writer) -> str:
    groups: dict[str, list[str]] = {}
    for vendor, cell in cells.items():
        mark = (
            writer.mark(_strongest_first(cell, list(cell.values))[0].citation)
            if cell.values
            else ""
        )
        groups.setdefault(cell.status, []).append(f"{vendor} {mark}".strip())
    order = ["held", "will sign", "in progress", "via third party", "conditional", "conflicting",
             "not held", "not stated"]
    parts = [f"{status}: {', '.join(groups[status])}" for status in order if status in groups]
    return f"{CERTIFICATIONS[field]} status — " + "; ".join(parts) + "."


def _languages_asked(question: str) -> list[str]:
    from assistant.reading.vocab import find_terms

    return list(dict.fromkeys(t.name for t in find_terms(question, ("language",))))


def _language_headline(asked: list[str], cells: dict[str, Cell], writer: _Writer) -> str:
    parts = []
    for language in asked:
        yes, no, unknown = [], [], []
        for vendor, cell in cells.items():
            hits = [tv for tv in cell.values if tv.normalised["language"] == language]
            offered = [tv for tv in hits if tv.normalised["status"] != "not offered"]
            if offered:
                yes.append(f"{vendor} {writer.mark(offered[0].citation)}")
            elif hits:
                no.append(f"{vendor} {writer.mark(hits[0].citation)}")
            else:
                unknown.append(vendor)
        text = f"{language} offered by: {', '.join(yes) or 'none'}"
        text += f"; not offered by: {', '.join(no)}" if no else ""
        text += f"; not stated by: {', '.join(unknown)}" if unknown else ""
        parts.append(text)
    return ". ".join(parts) + "."


def _hours_headline(field: str, cells: dict[str, Cell], writer: _Writer) -> str:
    channel = field.split("_")[1]
    labels = {
        True: "round the clock",
        "at extra cost": "round the clock at extra cost",
        False: "limited hours",
    }
    groups: dict[str, list[str]] = {}
    for vendor, cell in cells.items():
        if not cell.values:
            groups.setdefault("not stated", []).append(vendor)
            continue
        state = cell.primary.get("24_7")
        best = next(
            (tv for tv in cell.values if tv.normalised.get("24_7") == state), cell.values[0]
        )
        groups.setdefault(labels[state], []).append(f"{vendor} {writer.mark(best.citation)}")
    order = [*labels.values(), "not stated"]
    return (
        f"{channel.capitalize()} hours — "
        + "; ".join(f"{k}: {', '.join(groups[k])}" for k in order if k in groups)
        + "."
    )


def _currency_headline(cells: dict[str, Cell], writer: _Writer) -> str:
    parts = []
    for vendor, cell in cells.items():
        currencies = list(dict.fromkeys(tv.normalised["currency"] for tv in cell.values))
        if currencies:
            parts.append(f"{vendor} {'/'.join(currencies)} {writer.mark(cell.values[0].citation)}")
        else:
            parts.append(f"{vendor} not stated")
    return "Price currencies — " + "; ".join(parts) + "."


def _lowest_rates(cells: dict[str, Cell], question: str, writer: _Writer) -> str:
    """Lowest rate per billing unit: rates in different units cannot be ranked together."""
    best: dict[tuple[str, str], tuple[float, str, TermValue]] = {}
    for vendor, cell in cells.items():
        for tv in _relevant(cell, question):
            key = (tv.normalised["unit"], tv.normalised["currency"])
            if key not in best or tv.normalised["amount"] < best[key][0]:
                best[key] = (tv.normalised["amount"], vendor, tv)
    if not best:
        return "No matching rates are stated."
    parts = []
    for (unit, currency), (amount, vendor, tv) in best.items():
        price = fmt_money(currency, amount)
        shown = f", {price}" if tv.citation and price.split()[-1] in tv.citation.quote else ""
        per = _UNIT_TEXT.get(unit, unit)
        parts.append(f"per {per} ({currency}): {vendor}{shown} {writer.mark(tv.citation)}")
    note = (
        "Rates are quoted in different units and currencies, so the lowest is given per unit — "
        if len(best) > 1
        else "Lowest rate — "
    )
    return note + "; ".join(parts) + "."


_UNIT_TEXT = {"FTE-month": "FTE per month", "FTE-year": "FTE per year"}


def _extreme(label: str, cells: dict[str, Cell], word: str, writer: _Writer) -> str:
    numbered = {v: c.number for v, c in cells.items() if c.number is not None}
    choose = min if LOWEST.match(word) else max
    pick = choose(numbered, key=lambda v: numbered[v] or 0.0)
    mark = writer.mark(cells[pick].values[0].citation)
    return f"{word.capitalize()} ({label.lower()}): {pick} {mark}."
