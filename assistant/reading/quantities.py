"""Quantities with one set of types: money, percentages, durations, counts, service levels and
opening hours, each read by one parser from the text, with its span.

The words (currency symbols and names, units, periods, count nouns) are data in
knowledge/lexicon (currencies.yaml, units.yaml); ISO 4217 codes come from Babel.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache

from assistant.reading.lexicon import currencies, units
from assistant.reading.numbers import Number, decimal_mark, find_numbers

QUANTITY_KINDS = ("money", "percent", "duration", "count", "service_level", "hours", "multiplier")
SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800,
           "months": 2592000, "years": 31536000}


@dataclass(frozen=True)
class Quantity:
    """A quantity found in a text: its kind, value (a dict of plain fields) and span."""

    kind: str  # money | percent | duration | count | service_level | hours | multiplier
    value: dict
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


# --------------------------------------------------------------------------- word tables


def _alternation(phrases, word_edges: bool = True) -> str:
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return rf"(?<![\w])(?:{body})(?![\w])" if word_edges else body


@cache
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@cache
def _money_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = currencies()
    symbols = sorted(table.symbols, key=len, reverse=True)
    codes = sorted(_currency_codes())
    symbol = "|".join(re.escape(s).replace(r"\ ", r"\s?") for s in symbols)
    code = "|".join(codes)
    names = _alternation(table.names)
    number = r"(?P<num>\d[\d.,\u202f ]*\d|\d)(?:\s?(?P<scale>k|K|m|M|mn|bn|thousand|million|billion|lakhs?|crores?)(?![\w]))?"
    prefix = re.compile(rf"(?<![\w$€£])(?P<cur>{symbol}|(?<![A-Za-z])(?:{code})(?![A-Za-z]))\s?{number}")
    suffix = re.compile(rf"(?<![\w.,]){number}\s?(?P<cur>{symbol}(?![\w])|(?:{code})(?![A-Za-z])|{names})")
    return prefix, suffix


def currency_of(mark: str) -> str | None:
    """'$' -> 'USD', 'CA$' -> 'CAD', 'euros' -> 'EUR', 'GBP' -> 'GBP'; None when unknown."""
    table = currencies()
    mark = re.sub(r"\s+", " ", mark.strip())
    if mark in table.symbols:
        return table.symbols[mark]
    if mark.upper() in _currency_codes() and mark.isupper():
        return mark.upper()
    return table.names.get(mark.lower())


@cache
def _unit_after() -> list[tuple[str, re.Pattern[str]]]:
    """(unit, pattern) for the words after an amount: a joining word and what it buys
    ('per productive hour', '/hr', 'by ticket'), or a unit word ('hourly', 'one-time')."""
    lex = units()
    per = "|".join(re.escape(w) if w != "/" else r"/(?=\S)" for w in sorted(lex.per_words, key=len, reverse=True))
    found = []
    for unit, nouns in lex.money_unit_nouns.items():
        for noun in nouns:
            body = re.escape(noun).replace(r"\ ", r"[\s-]+").replace("/", r"\s?/\s?")
            pattern = rf"\s*(?:\(\s*)?(?:{per})\s?(?:(?:[\w-]+\s+){{0,1}}?)(?P<noun>{body})s?(?![\w])"
            found.append((len(noun) + 10, "fte_month" if unit == "fte" else unit, re.compile(pattern, re.I)))
    for unit, words in lex.money_unit_words.items():
        for word in words:
            found.append((len(word), unit, re.compile(rf"\s*(?:\(\s*)?{re.escape(word)}(?![\w])", re.I)))
    return [(unit, pattern) for _, unit, pattern in sorted(found, key=lambda f: -f[0])]


@cache
def _unit_before() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (unit, re.compile(_alternation(phrases), re.I))
        for unit, phrases in units().money_units_before.items()
    ]


# --------------------------------------------------------------------------- money


def find_money(text: str, mark: str | None = None) -> list[Quantity]:
    """Money amounts with their currency and unit ('USD 28.50 per productive hour', '28,50 €/h',
    '£4,250 per FTE per month', 'a one-time fee of $12,500')."""
    mark = mark or decimal_mark(text)
    prefix, suffix = _money_patterns()
    found: list[Quantity] = []
    for pattern in (prefix, suffix):
        for m in pattern.finditer(text):
            if any(q.start < m.end() and m.start() < q.end for q in found):
                continue
            amount = _amount(m.group("num"), m.group("scale"), mark)
            currency = currency_of(m.group("cur"))
            if amount is None or currency is None:
                continue
            end = m.end()
            unit, unit_end, noun = _unit_and_noun(text, end)
            unit = unit or _unit_preceding(text, m.start())
            unit = unit or _parallel_unit(text, found, m.start(), currency)
            stop = unit_end or end
            value = {"amount": amount, "currency": currency, "unit": unit}
            if unit == "contact" and (channel := _channel_of(noun)):
                value["channel"] = channel  # 'per email', 'per call'
            found.append(Quantity("money", value, m.start(), stop, text[m.start() : stop]))
    found += _free(text, found)
    return sorted(found, key=lambda q: q.start)


def _channel_of(noun: str) -> str | None:
    from assistant.reading.vocab import find_terms

    named = [t.name for t in find_terms(noun, ("channel",))] if noun else []
    return named[0] if named else None


def _parallel_unit(text: str, found: list[Quantity], start: int, currency: str) -> str | None:
    """'28,50 € per productive hour, for Dutch 27,90 €': a list of prices shares its unit."""
    before = [q for q in found if q.end <= start and q.value["currency"] == currency and q.value["unit"]]
    if not before:
        return None
    gap = text[before[-1].end : start]
    return before[-1].value["unit"] if len(gap.split()) <= 6 and not re.search(r"[;.]\s", gap) else None


@cache
def _free_pattern() -> re.Pattern[str]:
    return re.compile(_alternation(units().free_phrases), re.I)


def _free(text: str, found: list[Quantity]) -> list[Quantity]:
    """'at no additional cost': an amount of nothing."""
    return [
        Quantity("money", {"amount": 0.0, "currency": None, "unit": None}, m.start(), m.end(), m.group(0))
        for m in _free_pattern().finditer(text)
        if not any(q.start < m.end() and m.start() < q.end for q in found)
    ]


def _amount(raw: str, scale: str | None, mark: str) -> float | None:
    """The amount of money written: a lone separator before three digits groups thousands
    (money has no third decimal), so '8.500 €' is 8500 and 'USD 1,250' is 1250."""
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}[.,]\d{3}", raw):
        raw = raw.replace(",", "").replace(".", "")
    numbers = find_numbers(raw + (f" {scale}" if scale else ""), mark)
    return numbers[0].value if numbers and numbers[0].start == 0 else None


def cell_amount(text: str) -> float | None:
    """The amount a table cell holds when it is a bare number ('34.80', '5,150', '4.402,00'),
    read as money is (a lone separator before three digits groups thousands); else None."""
    if not re.fullmatch(r"\d[\d.,\u202f ]*\d|\d", text):
        return None
    return _amount(text, None, decimal_mark(text))


def _unit_following(text: str, end: int) -> tuple[str | None, int]:
    """The unit named right after an amount ('per productive hour', '/hr'), and where it ends."""
    unit, stop, _ = _unit_and_noun(text, end)
    return unit, stop


def _unit_and_noun(text: str, end: int) -> tuple[str | None, int, str]:
    """The unit after an amount, where it ends, and the noun it names ('email' of 'per email')."""
    tail = text[end : end + 48]
    for unit, pattern in _unit_after():
        m = pattern.match(tail)
        if m:
            # 'per FTE per month': the longest phrase was tried first
            noun = m.groupdict().get("noun") or ""
            return unit, end + m.end(), noun
    return None, 0, ""


def unit_named(text: str) -> str | None:
    """The unit a heading or caption names for the amounts under it ('Rate (USD per productive
    hour)', 'All prices are charged per FTE per month'), or None."""
    for i in range(len(text)):
        if text[i].isspace() or text[i] == "(":
            unit, _ = _unit_following(text, i)
            if unit and unit not in ("month", "year", "one_time"):
                return unit
    return None


def currency_named(text: str) -> str | None:
    """The one currency a heading, caption or table header names for the amounts under it
    ('Price per productive hour (EUR)', 'All prices are in euros'), or None when it names
    none or several. Codes count only in capitals and only for currencies the lexicon writes."""
    table = currencies()
    known = set(table.symbols.values()) | set(table.names.values())
    named = {m.group(0) for m in re.finditer(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])", text)} & known
    named |= {table.names[m.group(0).lower()] for m in _currency_names().finditer(text)}
    named |= {table.symbols[m.group(0)] for m in _currency_symbols().finditer(text)}
    return named.pop() if len(named) == 1 else None


@cache
def _currency_names() -> re.Pattern[str]:
    return re.compile(_alternation(currencies().names), re.I)


@cache
def _currency_symbols() -> re.Pattern[str]:
    # A symbol written as a mark of its own ('(€)', '€ per hour', 'US$'), not inside a word.
    symbols = sorted(currencies().symbols, key=len, reverse=True)
    body = "|".join(re.escape(s) for s in symbols)
    return re.compile(rf"(?<![\w$€£])(?:{body})(?![\w$])")


def _unit_preceding(text: str, start: int) -> str | None:
    """A unit said before the amount: 'a one-time fee of …', 'Monthly management fee | …'."""
    head = text[max(0, start - 40) : start]
    head = re.split(r"[;]|\.\s", head)[-1]
    if re.search(r"\bhourly\b", head, re.I):
        return "hour"
    for unit, pattern in _unit_before():
        if pattern.search(head):
            return unit
    return None


# --------------------------------------------------------------------------- percent


_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b|p\.c\.)", re.I)


def find_percents(text: str, mark: str | None = None) -> list[Quantity]:
    """'85%', '85 %', '3,5 %', '20 pct', 'ninety percent'."""
    found = []
    for n in find_numbers(text, mark):
        m = _PERCENT.match(text, n.end)
        if m:
            found.append(Quantity("percent", {"value": n.value}, n.start, m.end(), text[n.start : m.end()]))
    return found


# --------------------------------------------------------------------------- durations


@cache
def _time_unit() -> tuple[re.Pattern[str], dict[str, str]]:
    table = units().time_units
    lookup = {word: unit for unit, words in table.items() for word in words}
    words = sorted(lookup, key=len, reverse=True)
    business = "|".join(units().business_words)
    adjectives = "|".join(units().duration_adjectives)
    pattern = re.compile(
        rf"(?:\s?-\s?|\s?)(?:(?:{adjectives})\s+)?(?:(?P<biz>{business}|calendar)[\s-]+)?"
        rf"(?P<unit>{'|'.join(map(re.escape, words))})(?:s|'s|s'|’s|s’)?(?![\w/])",
        re.I,
    )
    return pattern, lookup


def find_durations(text: str, mark: str | None = None) -> list[Quantity]:
    """'45 days', '45-day', '2 working days', 'one business day', '24h', '2y', '3 months'."""
    pattern, lookup = _time_unit()
    found = []
    for n in find_numbers(text, mark):
        m = pattern.match(text, n.end)
        if not m:
            continue
        word = m.group("unit").lower()
        if word in ("m", "s") and not n.text.isdigit():
            continue  # '1.2m' is a million, not minutes
        if word == "m":
            continue  # 'm' alone is too often a million
        unit = lookup.get(word) or lookup.get(word.rstrip("s"))
        if unit is None:
            continue
        business = bool(m.group("biz")) and m.group("biz").lower() != "calendar"
        value = {"amount": n.value, "unit": unit, "business": business}
        found.append(Quantity("duration", value, n.start, m.end(), text[n.start : m.end()]))
    found += [q for q in _one_unit(text, lookup) if not any(f.start < q.end and q.start < f.end for f in found)]
    return _compound(text, sorted(found, key=lambda q: q.start))


@cache
def _one_unit_pattern() -> re.Pattern[str]:
    _, lookup = _time_unit()
    unit_words = "|".join(sorted((w for w in lookup if len(w) >= 3), key=len, reverse=True))
    return re.compile(
        r"(?:\b(?:about|around|roughly|approximately|within|in|for|under|than|least|over|of|on|after|"
        r"only|just|maybe|perhaps|first|like|is|be)\s+(?P<n>an|a)|(?<![\w])(?P<couple>a\s+couple\s+of))\s+"
        rf"(?:(?P<biz>business|working)\s+)?(?P<unit>{unit_words})(?:s|'s|’s)?(?![\w])",
        re.I,
    )


_ONE = {"a": 1.0, "an": 1.0, "a couple of": 2.0}


def _one_unit(text: str, lookup: dict[str, str]) -> list[Quantity]:
    """'about a month', 'within an hour', 'a couple of months': one (or two) of a unit, after a
    word that makes it a length of time (not 'contacts a month', a rate)."""
    found = []
    for m in _one_unit_pattern().finditer(text):
        group = "couple" if m.group("couple") else "n"
        count = _ONE.get(re.sub(r"\s+", " ", m.group(group).lower()))
        unit = lookup.get(m.group("unit").lower())
        if count is None or unit is None or len(m.group("unit")) < 3:
            continue
        value = {"amount": count, "unit": unit, "business": bool(m.group("biz"))}
        found.append(Quantity("duration", value, m.start(group), m.end(), text[m.start(group) : m.end()]))
    return found


def _compound(text: str, found: list[Quantity]) -> list[Quantity]:
    """'5 min 40 s', '1 hour and 30 minutes': one duration, in the smaller unit."""
    merged: list[Quantity] = []
    for q in found:
        last = merged[-1] if merged else None
        if (last and re.fullmatch(r"\s*(?:and\s+)?", text[last.end : q.start])
                and SECONDS[q.value["unit"]] < SECONDS[last.value["unit"]]):
            total = (duration_seconds(last.value) + duration_seconds(q.value)) / SECONDS[q.value["unit"]]
            value = {"amount": total, "unit": q.value["unit"], "business": last.value["business"]}
            merged[-1] = Quantity("duration", value, last.start, q.end, text[last.start : q.end])
        else:
            merged.append(q)
    return merged


def duration_seconds(value: dict) -> float:
    """A duration's length in seconds (a month is 30 days, a year 365)."""
    return value["amount"] * SECONDS[value["unit"]]


# --------------------------------------------------------------------------- counts


@cache
def _count_words() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    nouns = {w: canon for canon, words in units().count_nouns.items() for w in words}
    periods = {w: canon for canon, words in units().periods.items() for w in words}
    noun = re.compile(rf"(?:\s*|-)(?:[\w-]+\s+){{0,2}}?(?P<noun>{_alternation(nouns)})", re.I)
    period = re.compile(rf"\s*(?P<period>{_alternation(periods, word_edges=False)})(?![\w])", re.I)
    return noun, nouns, period, periods


_ADJECTIVES = re.compile(r"(?:inbound|outbound|monthly|annual|yearly|weekly|daily|new|total|"
                         r"customer|dedicated|bilingual|full-time|part-time|additional|active|"
                         r"trained|seasonal|current|experienced|support|service|voice|chat|email)", re.I)


def find_counts(text: str, mark: str | None = None) -> list[Quantity]:
    """'60 000 contacts', '120 FTE', '40k/mo', '1.2m calls a year', '7 delivery centres'."""
    noun_re, nouns, period_re, periods = _count_words()
    found = []
    for n in find_numbers(text, mark):
        if _CLOCK_AFTER.match(text, n.end):
            continue  # '8pm' is a time, not eight a month
        if _numbering(text, n):
            continue  # '6.3 Agent occupancy …', 'Tier 1 enquiries': a number that names
        end, what, per = n.end, None, None
        m = noun_re.match(text, end)
        if m and _only_adjectives(text[end : m.start("noun")]):
            what, end = nouns[m.group("noun").lower()], m.end()
            more = re.match(rf"\s+{_alternation(nouns)}", text[end:], re.I)
            if more:
                end += more.end()  # 'claims calls', 'customer emails': the noun is the last word
        p = period_re.match(text, end)
        if p:
            per, end = periods[p.group("period").lower()], p.end()
        if what is None and per is None:
            continue
        per = per or _period_before(text, n.start)
        value = {"value": _whole(n), "per": per, "what": what}
        found.append(Quantity("count", value, n.start, end, text[n.start : end]))
    return found


# a clause's number heading its line ('6.3 Agent occupancy shall …'), and the nouns a number
# after which names a level or a part rather than counts ('Tier 1 enquiries', 'Lot 2 calls')
_CLAUSE_NUMBER = re.compile(r"\W*\d{1,2}(?:\.\d{1,2})+\s+(?-i:[A-Z][a-z])")
_NAMING_BEFORE = re.compile(
    r"\b(?:tier|level|phase|stage|step|wave|lot|type|schedule|annex|appendix|section|clause|"
    r"table|part|version|release)\s+$",
    re.I,
)


def _numbering(text: str, n: Number) -> bool:
    """Whether a number names a clause or a level instead of counting: it heads the line with
    dotted parts and a word after, or follows a noun of levels and parts."""
    heading = _CLAUSE_NUMBER.match(text)
    if heading and n.start == len(text) - len(text.lstrip(" \t([")) and n.end <= heading.end():
        return True
    return bool(_NAMING_BEFORE.search(text, max(0, n.start - 12), n.start))


_CLOCK_AFTER = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?)(?![\w])", re.I)


def _whole(n: Number) -> float:
    """A count is whole: '12.000 contacts' groups thousands, whatever the text's decimal mark."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", n.text):
        return float(n.text.replace(".", ""))
    return n.value


@cache
def _period_adjectives() -> list[tuple[str, re.Pattern[str]]]:
    return [(period, re.compile(_alternation(words), re.I))
            for period, words in units().period_adjectives.items()]


def _period_before(text: str, start: int) -> str | None:
    """'an annual volume of 1.2 million calls', 'if monthly volumes go above 2 lakh'."""
    head = re.split(r"[;]|\.\s", text[max(0, start - 45) : start])[-1]
    for period, pattern in _period_adjectives():
        if pattern.search(head):
            return period
    return None


_LINKS = re.compile(r"(?:of|per|a|an|the|to|in|on|for|with|and|or|than|from|by|each|every|over|under|about|"
                    r"more|less|at|is|are|was|were|be|been|we|our|their|its|it|this|that|these|those)", re.I)


def _only_adjectives(gap: str) -> bool:
    """Words that qualify a count's noun ('1,500 onboarding calls', '12k inbound customer
    emails'): lower-case words, none of them a link word ('5 years of calls' counts years)."""
    words = gap.split()
    return all(_ADJECTIVES.fullmatch(w) or (re.fullmatch(r"[a-z][a-z-]*", w) and not _LINKS.fullmatch(w))
               for w in words)


# --------------------------------------------------------------------------- service levels


# a full stop may end the sentence after it ('voice 80/20.'), a decimal may not ('80/20.5')
_SLASH_LEVEL = re.compile(r"(?<![\w./])(?P<p>\d{2,3})\s?/\s?(?P<s>\d{1,3})(?![\w/%]|\.\d)")
_RATIO = re.compile(
    r"(?<![\w])(?P<a>one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out of)\s+"
    r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b", re.I
)
@cache
def _level_link() -> re.Pattern[str]:
    """What may stand between a share and its time: 'of calls answered within', 'calls in'."""
    nouns = "|".join(re.escape(w) for w in units().count_nouns["contacts"])
    return re.compile(rf"^\s*(?:(?:{nouns})\s+)?" + _LEVEL_LINK.pattern.removeprefix("^\\s*"), re.I)


_LEVEL_LINK = re.compile(
    r"^\s*(?:of\s+(?:all\s+)?(?:[\w-]+\s+){0,3}?)?(?:(?:are|is|to\s+be|must\s+be|will\s+be|be|"
    r"would|should|will|must)\s+)?(?:(?:answered|responded\s+to|handled|resolved|picked\s+up|"
    r"replied\s+to|acknowledged|closed|offered|receive|get|have)\s+(?:[\w-]+\s+){0,5}?)?"
    r"(?:in|within|under|inside|by|<)\s*$",
    re.I,
)


def find_service_levels(text: str, mark: str | None = None) -> list[Quantity]:
    """'80/20', '85% in 20 s', '90% of emails within 24 hours', 'four in five calls within 20
    seconds', 'within 20 seconds, 80%'."""
    mark = mark or decimal_mark(text)
    found: list[Quantity] = []
    percents = find_percents(text, mark) + _ratios(text)
    durations = find_durations(text, mark)
    for pct in percents:
        after = next((d for d in durations if d.start >= pct.end and d.start - pct.end <= 90), None)
        if after and _level_link().match(text[pct.end : after.start]) and after.value["unit"] in (
            "seconds", "minutes", "hours", "days"
        ):
            found.append(_level(text, pct, after))
            continue
        before = next((d for d in reversed(durations) if d.end <= pct.start and pct.start - d.end <= 6), None)
        if before and re.match(r"^\s*[,|:—–-]?\s*$", text[before.end : pct.start]) and re.search(
            r"(?:in|within|under)\s*$", text[max(0, before.start - 10) : before.start], re.I
        ):
            found.append(_level(text, before, pct))
    for m in _SLASH_LEVEL.finditer(text):
        pct, secs = int(m.group("p")), int(m.group("s"))
        if 50 <= pct <= 100 and 5 <= secs <= 600 and not (pct == 24 and secs == 7):
            if not any(q.start < m.end() and m.start() < q.end for q in found):
                found.append(Quantity("service_level", {"percent": pct, "seconds": secs},
                                      m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda q: q.start)


def _ratios(text: str) -> list[Quantity]:
    from assistant.reading.numbers import words_to_number

    found = []
    for m in _RATIO.finditer(text):
        a, b = (words_to_number(g) if not g.isdigit() else float(g) for g in (m.group("a"), m.group("b")))
        if a and b and a < b:
            found.append(Quantity("percent", {"value": round(100 * a / b, 1)}, m.start(), m.end(), m.group(0)))
    return found


def _level(text: str, first: Quantity, second: Quantity) -> Quantity:
    pct, dur = (first, second) if first.kind == "percent" else (second, first)
    value = {"percent": pct.value["value"], "seconds": duration_seconds(dur.value)}
    if dur.value.get("business"):
        value["business"] = True  # '90% within 2 working days': days the buyer works
    start, end = min(first.start, second.start), max(first.end, second.end)
    return Quantity("service_level", value, start, end, text[start:end])


# --------------------------------------------------------------------------- opening hours


_DAY_NAMES = {
    "mon": "Mon", "monday": "Mon", "mondays": "Mon", "tue": "Tue", "tues": "Tue", "tuesday": "Tue",
    "wed": "Wed", "wednesday": "Wed", "thu": "Thu", "thur": "Thu", "thurs": "Thu", "thursday": "Thu",
    "fri": "Fri", "friday": "Fri", "fridays": "Fri", "sat": "Sat", "saturday": "Sat", "saturdays": "Sat",
    "sun": "Sun", "sunday": "Sun", "sundays": "Sun", "mo": "Mon", "tu": "Tue", "we": "Wed",
    "th": "Thu", "fr": "Fri", "sa": "Sat", "su": "Sun", "m": "Mon", "f": "Fri",
}  # fmt: skip
_ORDER = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
# A day name is a word of its own: 'SAT' in 'CSAT' is no Saturday.
_DAY = (r"(?<![a-z])(?:mon(?:day)?s?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?s?|"
        r"sat(?:urday)?s?|sun(?:day)?s?|(?-i:Mo|Tu|We|Th|Fr|Sa|Su))(?![a-z])\.?")
# A day alone: a two-letter initial only before a time ('Sa 9-13'); 'We support chat' names no day.
_LONE_DAY = (r"(?<![a-z])(?:(?:mon(?:day)?s?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?s?|"
             r"sat(?:urday)?s?|sun(?:day)?s?)(?![a-z])\.?|(?-i:Mo|Tu|We|Th|Fr|Sa|Su)\.?(?=\s*\d))")


# Days as shorthand: 'M-F' (capital initials only), and two days joined ('Sat/Sun', 'Sat & Sun').
_INITIALS = r"(?-i:M\s?[-–]\s?F)(?![A-Za-z])"
_PAIR = rf"(?:{_DAY})\s*(?:/|&|\+|and)\s*(?:{_DAY})"


def _days_group(name: str) -> str:
    return (
        rf"(?P<{name}>{_INITIALS}|{_PAIR}|(?:{_DAY})\s*(?:-|–|—|to|through|thru|until|till)\s*(?:{_DAY})|weekdays|"
        rf"weekends?|(?:seven|7)\s+days(?:\s+a\s+week)?|every\s+day|daily|{_LONE_DAY})"
    )


_CLOCK = (
    r"(?:noon|midday|midnight|\d{1,2}(?:[:.h]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)|\d{1,2}[:.h]\d{2}|"
    r"\d{1,2}\s?h(?:\d{2})?(?![\w])|\d{1,2}(?=\s?(?:-|–|to)\s?\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?)))"
)
_RANGE = rf"(?P<from>{_CLOCK}|\d{{1,2}})\s*(?:-|–|—|to|until|till|through)\s*(?P<to>{_CLOCK}|\d{{1,2}})(?![\w:])"
_ZONE = (r"(?:\s*(?:\(?(?P<tz>ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|"
         r"IST|AEST|Eastern(?:\s+Time)?|Central(?:\s+Time)?|Mountain(?:\s+Time)?|Pacific(?:\s+Time)?|"
         r"UK\s+time|local\s+time)\)?))?")
# Words between the days and the times: 'Saturday mornings, 9am…', 'Saturday is 9 till 2'.
_COVER = (r"(?:\s+(?:coverage|cover|hours|opening|service|support|shifts?|only|mornings?|afternoons?|"
          r"evenings?|nights?|is|are|has\s+been|have\s+been|will\s+be|runs?|opens?)){0,2}")
_HOURS = re.compile(
    rf"(?:(?:on\s+)?{_days_group('days')}{_COVER}[\s,:]*(?:from\s+|between\s+)?)?{_RANGE}{_ZONE}"
    # days after the times, unless they lead the next range ('… 18:00, Saturday 9:00 to 13:00')
    rf"(?:\s*,?\s*(?:on\s+)?{_days_group('days_after')}(?!{_COVER}[\s,:]*(?:from\s+)?(?:\d|noon|midday))"
    # nor the first of two days that lead it ('…10pm ET, Sat/Sun 9-5')
    rf"(?!\s*(?:/|&|\+|-|–|—)\s*(?:{_DAY})))?",
    re.I,
)
_ALWAYS = re.compile(
    r"24\s?/\s?7(?:\s?/\s?365)?|24\s?x\s?7|round[- ]the[- ]clock|around[- ]the[- ]clock|"
    r"24\s+hours\s+a\s+day(?:,?\s+(?:7|seven)\s+days\s+a\s+week)?|24h\s?/\s?24(?:,?\s*7j?\s?/\s?7)?|"
    r"24\s+hours,?\s+(?:7|seven)\s+days",
    re.I,
)
# '24/5', '24x5': around the clock on weekdays (not a date: 'on 24/5', '24/5/2026').
_WEEKDAYS_ALWAYS = re.compile(
    r"(?<![\d/.])(?<!on )(?<!by )(?<!from )(?<!until )24\s?[/x]\s?5(?![\d/.]|\.\d)", re.I
)
_ZONE_CODES = {"eastern": "ET", "eastern time": "ET", "central": "CT", "central time": "CT",
               "mountain": "MT", "mountain time": "MT", "pacific": "PT", "pacific time": "PT",
               "est": "ET", "edt": "ET", "cst": "CT", "cdt": "CT", "mst": "MT", "mdt": "MT",
               "pst": "PT", "pdt": "PT"}


def find_hours(text: str) -> list[Quantity]:
    """Opening hours: '24/7', 'Mon–Fri 8:00–20:00 ET', '8.30am to 5pm', '7 h to 22 h',
    'Monday through Saturday, 7:00 a.m. to 7:00 p.m. Central Time', 'business hours'."""
    found = [
        Quantity("hours", {"always": True}, m.start(), m.end(), m.group(0))
        for m in _ALWAYS.finditer(text)
    ]
    found += [
        Quantity("hours", {"days": "Mon-Fri", "start": "00:00", "end": "24:00", "tz": None},
                 m.start(), m.end(), m.group(0))
        for m in _WEEKDAYS_ALWAYS.finditer(text)
    ]
    for m in _HOURS.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        start, end = _clock(m.group("from")), _clock(m.group("to"))
        day_words = m.group("days") or m.group("days_after")
        if start is None or end is None or not (day_words or _is_clock(m.group("from")) or _is_clock(m.group("to"))):
            continue
        if end <= start and end != "00:00":
            end = _afternoon(m.group("to"), end)
            if end is None or end <= start:
                continue
        days = _days(day_words) if day_words else None
        tz = m.group("tz")
        value = {"days": days, "start": start, "end": end, "tz": _ZONE_CODES.get((tz or "").lower(), tz)}
        stop = m.end()
        if m.group("days") and m.group("days_after"):
            # 'Mon–Sat 8–22, Sundays not needed': the days after are the next statement's
            kept = re.sub(r"[\s,]*(?:\bon\s*)?$", "", text[m.start() : m.start("days_after")])
            stop = m.start() + len(kept)
        found.append(Quantity("hours", value, m.start(), stop, text[m.start() : stop].rstrip(" ,")))
    found += _days_only(text, found)
    business = list(_BUSINESS.finditer(text))
    # 'within 8 business hours' is a length of time, not the hours open (durations are read
    # only where 'business hours' stands, to keep this off every other sentence)
    lengths = find_durations(text) if business else []
    found += [
        Quantity("hours", {"business": True}, m.start(), m.end(), m.group(0))
        for m in business
        if not any(q.start < m.end() and m.start() < q.end for q in [*found, *lengths])
    ]
    return sorted(found, key=lambda q: q.start)


_BUSINESS = re.compile(r"\b(?:(?:normal|standard|usual|regular)\s+)?(?:business|office)\s+hours\b", re.I)


_DAYS_ONLY = re.compile(
    # 'daily' alone says how often, not which days ('daily service level reports')
    rf"(?:(?<=\bon\s){_days_group('days')}|(?!daily\b){_days_group('named')}(?=\s+(?:coverage|cover|service|"
    r"support|opening|hours|shifts?|working|chat|calls|email)\b|\s*[|:—])"
    # a span of days that ends its clause ('email weekdays.', 'chat Mon-Sat,')
    rf"|(?P<span>weekdays|(?:{_DAY})\s*(?:-|–|—|to|through|thru)\s*(?:{_DAY})|(?:seven|7)\s+days\s+a\s+week)"
    r"(?=\s*(?:[,.;!?)]|$)))",
    re.I,
)


def _days_only(text: str, found: list[Quantity]) -> list[Quantity]:
    """Days named without times: 'Sunday cover | On request', 'on Saturdays', 'seven days a week'."""
    result = []
    for m in _DAYS_ONLY.finditer(text):
        raw = m.group("days") or m.group("named") or m.group("span")
        days = _days(raw)
        if days and not any(q.start < m.end() and m.start() < q.end for q in found + result):
            result.append(Quantity("hours", {"days": days, "start": None, "end": None, "tz": None},
                                   m.start(), m.end(), m.group(0)))
    return result


def _is_clock(raw: str) -> bool:
    return bool(re.search(r"[:.h]|am|pm|a\.m|p\.m|noon|midnight", raw, re.I))


def _clock(raw: str) -> str | None:
    raw = raw.strip().lower().replace(" ", "")
    if raw in ("noon", "midday"):
        return "12:00"
    if raw == "midnight":
        return "24:00"
    m = re.match(r"(\d{1,2})(?:[:.h](\d{2}))?(a\.?m\.?|p\.?m\.?)?h?$", raw)
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _afternoon(raw: str, end: str) -> str | None:
    """'8–5' means 8:00–17:00: an end without am/pm before its start is in the afternoon."""
    if re.search(r"am|a\.m", raw, re.I):
        return None
    hour, minute = map(int, end.split(":"))
    return f"{hour + 12:02d}:{minute:02d}" if hour < 12 else None


def _days(raw: str) -> str | None:
    raw = raw.strip().lower().rstrip(".")
    if re.match(r"(seven|7)\s+days|every\s+day|daily", raw):
        return "Mon-Sun"
    if raw.startswith("weekday"):
        return "Mon-Fri"
    if raw.startswith("weekend"):
        return "Sat-Sun"
    names = [_DAY_NAMES.get(w.rstrip(".")) for w in re.findall(r"[a-z]+\.?", raw)]
    names = [n for n in names if n]
    if len(names) == 2 and re.search(r"-|–|—|to|through|thru|until|till", raw):
        return f"{names[0]}-{names[1]}"
    if len(names) == 2 and _ORDER.index(names[1]) == _ORDER.index(names[0]) + 1:
        return f"{names[0]}-{names[1]}"  # 'Sat/Sun': two days in a row
    return names[0] if names else None


_DAY_WORD = re.compile(
    r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)days?|weekends?|weekdays?)\b", re.I)


def days_named(text: str) -> frozenset[str]:
    """The days of the week a text names in words ('Sunday', 'on Saturdays', 'weekends': Sat
    and Sun), as 'Mon'...'Sun'; not the shorthand of opening hours ('M-F')."""
    days: set[str] = set()
    for m in _DAY_WORD.finditer(text):
        span = _days(m.group(0)) or ""
        first, _, last = span.partition("-")
        if first in _ORDER:
            days.update(_ORDER[_ORDER.index(first) : _ORDER.index(last or first) + 1])
    return frozenset(days)


_DAY_SPAN = re.compile(
    rf"(?<![\w])(?:{_PAIR}|(?:{_DAY})\s*(?:-|–|—|to|through|thru|until|till)\s*(?:{_DAY})|weekdays?|"
    rf"weekends?|(?:seven|7)\s+days(?:\s+a\s+week)?|every\s+day|daily|{_LONE_DAY})", re.I)


def days_covered(text: str) -> frozenset[str]:
    """The days of the week a text's spans of days cover, as 'Mon'...'Sun': 'Monday to
    Saturday' is six days, 'Sat/Sun' and 'weekends' two, 'Sunday and public holidays' one."""
    days: set[str] = set()
    for m in _DAY_SPAN.finditer(text):
        first, _, last = (_days(m.group(0)) or "").partition("-")
        if first in _ORDER and (not last or last in _ORDER):
            start, end = _ORDER.index(first), _ORDER.index(last or first)
            days.update(_ORDER[start : end + 1] if start <= end else _ORDER[start:] + _ORDER[: end + 1])
    return frozenset(days)


# --------------------------------------------------------------------------- all together


_MULTIPLIER = re.compile(r"(?<![\w.])(?P<n>\d+(?:[.,]\d+)?)\s?(?:x|×|times)(?![\w])", re.I)


@cache
def _multiplier_words() -> tuple[re.Pattern[str], dict[str, float]]:
    words = {w.lower(): float(v) for w, v in units().multiplier_words.items()}
    return re.compile(_alternation(words), re.I), words


def find_multipliers(text: str) -> list[Quantity]:
    """'1.5x', '2 times' (overtime and surcharge rates); 'doubles', 'triple' (a volume that
    rises to twice or three times itself)."""
    found = [
        Quantity("multiplier", {"value": float(m.group("n").replace(",", "."))}, m.start(), m.end(), m.group(0))
        for m in _MULTIPLIER.finditer(text)
    ]
    pattern, words = _multiplier_words()
    found += [
        Quantity("multiplier", {"value": words[m.group(0).lower()]}, m.start(), m.end(), m.group(0))
        for m in pattern.finditer(text)
    ]
    return sorted(found, key=lambda q: q.start)


@cache
def _fraction_words() -> tuple[re.Pattern[str], dict[str, float]]:
    words = {re.sub(r"\s+", " ", w.lower()): float(v) for w, v in units().fractions.items()}
    return re.compile(_alternation(words), re.I), words


def find_fractions(text: str) -> list[Quantity]:
    """Shares said in words ('half', 'a third', 'three quarters') as percentages. Not part of
    find_quantities: 'half' is a share only where shares are being given (a channel mix)."""
    pattern, words = _fraction_words()
    return [
        Quantity("percent", {"value": words[re.sub(r"\s+", " ", m.group(0).lower())]}, m.start(), m.end(), m.group(0))
        for m in pattern.finditer(text)
    ]


_PRIORITY = ("hours", "service_level", "money", "percent", "duration", "count", "multiplier")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in text; where two overlap, the more specific kind wins (a service level
    over its percent and its duration, money over a bare count)."""
    mark = decimal_mark(text)
    candidates = (
        find_hours(text) + find_service_levels(text, mark) + find_money(text, mark)
        + find_percents(text, mark) + find_durations(text, mark) + find_counts(text, mark)
        + find_multipliers(text)
    )
    chosen: list[Quantity] = []
    for q in sorted(candidates, key=lambda q: (_PRIORITY.index(q.kind), q.start)):
        if not any(c.start < q.end and q.start < c.end for c in chosen):
            chosen.append(q)
    return sorted(chosen, key=lambda q: q.start)


__all__ = [
    "Number", "Quantity", "duration_seconds", "find_counts", "find_durations", "find_hours",
    "currency_of", "find_fractions", "find_money", "find_multipliers", "find_percents",
    "find_quantities", "find_service_levels", "unit_named",
]  # fmt: skip
