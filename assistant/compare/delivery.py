"""Extractors for where and when work is done: languages, sites, shore model, hours, platforms."""

from __future__ import annotations

import re

from assistant.compare.fields import CHANNELS, Found, channels_in
from assistant.compare.normalise import find_money
from assistant.compare.sentences import Sentence
from assistant.compare.vocab import (
    CONTACT_CENTRE_PLATFORMS,
    WORKFORCE_TOOLS,
    language_spans,
    languages_named,
    platforms_named,
)

OFFER_CUE = re.compile(
    r"\blanguages?\b|offer|propos|support|\bserv(?:e|es|ing)\b|available|fluent|bilingual|"
    r"native|speak|covered",
    re.I,
)
NOT_OFFERED = re.compile(
    r"not offered|not available|(?:does|do|will) not (?:offer|provide|support|cover)|"
    r"(?:doesn't|don't|won't) (?:offer|provide|support)|out of scope|not supported|\bcannot\b",
    re.I,
)
ON_REQUEST = re.compile(r"\bif\b|on request|optional|\bexpan", re.I)


def languages(s: Sentence) -> list[Found]:
    """Languages offered, not offered or available on request, per cell or clause."""
    if s.section != "offer":
        return []
    statuses: dict[str, str] = {}
    for piece, cue in _language_pieces(s):
        for _, _, name in language_spans(piece):
            if NOT_OFFERED.search(piece):
                statuses.setdefault(name, "not offered")
            elif cue or OFFER_CUE.search(piece):
                statuses.setdefault(name, "on request" if ON_REQUEST.search(piece) else "offered")
    return [
        Found("languages", f"{name}: {status}", {"language": name, "status": status})
        for name, status in statuses.items()
    ]


def _language_pieces(s: Sentence) -> list[tuple[str, bool]]:
    """Cells (with whether row context already says 'language offered') or clauses of prose."""
    if not s.cells:
        return [(clause, False) for clause in re.split(r";|(?<=\.)\s", s.text)]
    priced = bool(find_money(" ".join(s.cells[1:])))
    pieces = []
    for index, cell in enumerate(s.cells):
        header = s.header[index] if len(s.header) == len(s.cells) else ""
        cue = bool(re.search(r"language", f"{header} {s.label}", re.I)) or (index == 0 and priced)
        pieces.append((cell, cue))
    return pieces


PLACE = r"[A-ZÀ-Þ][\w'’.-]*(?: (?:[A-ZÀ-Þ][\w'’.-]*|de|del))*"
_STOP = {"Our", "The", "We", "This", "These", "Both", "Only", "All", "Each", "A", "An", "In", "At"}
SITE_PHRASE = re.compile(
    rf"\b(?:centre|center|site|team|hub|solution|operation|facility|office)s? (?:in|at) "
    rf"(?P<places>{PLACE}(?:, {PLACE})?(?: and {PLACE}(?:, {PLACE})?)?)"
)
SEATS_BULLET = re.compile(rf"^[•*-]?\s*(?P<places>{PLACE}, {PLACE}) \([\d,]+ seats")
NOT_PROPOSED = re.compile(
    r"not part of this (?:offer|proposal)|not (?:be )?proposed|do not propose|serve other clients|"
    r"at capacity|fully committed",
    re.I,
)
SHORE = re.compile(r"(?<![-\w])(onshore|nearshore|offshore|near-shore|off-shore|on-shore)\b", re.I)


def locations(s: Sentence) -> list[Found]:
    """Delivery sites proposed (or explicitly not proposed), with a shore model where stated."""
    if s.section == "references" or s.section == "buyer":
        return []
    if NOT_PROPOSED.search(s.text):
        return [_site(p, None, proposed=False) for p in _excluded_places(s.text)]
    if s.section != "offer":
        return []
    found = []
    for place, model in _site_mentions(s):
        found.append(_site(place, model, proposed=True))
    return found


def _site_mentions(s: Sentence) -> list[tuple[str, str | None]]:
    """(place, shore model) pairs from site phrases, site columns and price-table headers."""
    mentions: list[tuple[str, str | None]] = []
    for regex in (SITE_PHRASE, SEATS_BULLET):
        for m in regex.finditer(s.text):
            before = s.text[max(0, m.start() - 30) : m.start() + 20]
            model = SHORE.search(before)
            for place in _split_places(m.group("places")):
                mentions.append((place, _model(model)))
    if site := s.column(r"^(site|location|centre|center)"):
        mentions.append((site, _model(SHORE.search(site))))
    if re.match(LOCATION_LABEL, s.label, re.I) and not s.header_row:
        model = SHORE.search(s.value_text)
        for place in _split_places(s.value_text.split(":")[-1]):
            mentions.append((place, _model(model)))
    if s.cells and find_money(s.text) and len(s.header) == len(s.cells):
        for cell in s.header[1:]:
            if re.match(rf"^{PLACE}, {PLACE}", cell):
                mentions.append((cell, _model(SHORE.search(cell))))
    return [(p, m) for p, m in mentions if _clean_places([p])]


LOCATION_LABEL = (
    r"^(delivery (model|locations?|centres?|centers?|sites?)|locations?|sites?|delivery)$"
)
EXCLUDED = re.compile(
    rf"(?P<places>(?:{PLACE}, )*{PLACE}(?: and {PLACE})?) (?:centres?|centers?|sites?|offices?)\b"
)


def _excluded_places(text: str) -> list[str]:
    """Places named right before 'centre(s)' in a sentence that rules them out."""
    places = []
    for m in EXCLUDED.finditer(text):
        places += re.split(r", | and ", m.group("places"))
    return _clean_places([_strip_stop(p) for p in places])


def _split_places(text: str) -> list[str]:
    """'Mexico City, Mexico and Bogotá, Colombia' -> ['Mexico City, Mexico', 'Bogotá, Colombia']."""
    return [_strip_stop(p) for p in re.findall(rf"{PLACE}(?:, {PLACE})?", text)]


def _strip_stop(place: str) -> str:
    words = place.split(" ")
    while words and words[0] in _STOP:
        words = words[1:]
    return " ".join(words)


def _clean_places(places: list[str]) -> list[str]:
    return [p for p in places if p and not languages_named(p) and not platforms_named(p)]


def _model(match: re.Match[str] | None) -> str | None:
    return match.group(1).lower().replace("-", "") if match else None


def _site(place: str, model: str | None, proposed: bool) -> Found:
    name = re.sub(r"\s*\(.*?\)", "", place).strip(" ,")
    key = name.split(",")[0].strip()
    data = {"site": name, "key": key, "proposed": proposed}
    if model:
        data["model"] = model
    suffix = f" ({model})" if model else ""
    return Found("locations", f"{name}{suffix}" if proposed else f"{name}: not proposed", data)


def delivery_model(s: Sentence) -> list[Found]:
    """Onshore / nearshore / offshore, as proposed or explicitly not proposed."""
    if s.section != "offer":
        return []
    found = []
    for m in SHORE.finditer(s.text):
        model = _model(m)
        negated = re.search(r"\b(?:not|no|n't)\b[^.;]{0,25}$", s.text[: m.start()])
        status = "not proposed" if negated else "proposed"
        found.append(
            Found("delivery_model", f"{model}: {status}", {"model": model, "status": status})
        )
    return found


ROUND_CLOCK = re.compile(
    r"24/7|24x7|24 hours a day|round[- ]the[- ]clock|around the clock|24 hours, 7 days", re.I
)
RANGE = re.compile(
    r"(?:from )?\d{1,2}[:.]\d{2}\s*(?:to|-|–|until)\s*\d{1,2}[:.]\d{2}"
    r"(?:[^.;|(]{0,30}?\b(?:time|ET|CT|PT|GMT|UTC)\b)?",
    re.I,
)
COVERAGE = re.compile(r"answer|service|coverage|covered|\bopen\b|\bhours\b|support|staffed", re.I)
CONDITIONAL = re.compile(
    r"uplift|premium|at extra|additional (?:cost|charge|fee)|on request|optional|available at", re.I
)


def hours(s: Sentence) -> list[Found]:
    """Opening hours per channel: 24/7 (or 24/7 at extra cost) or the stated time ranges."""
    if s.section != "offer":
        return []
    clocks = list(ROUND_CLOCK.finditer(s.text))
    ranges = [r.strip() for r in RANGE.findall(s.value_text)]
    if not clocks and not ranges:
        return []
    site_row = bool(s.column(r"^(site|location|centre)"))
    channels = channels_in(s.text)
    if not channels and (site_row or not COVERAGE.search(s.text)):
        return []
    data: dict = {"basis": "site" if site_row else "stated", "24_7": _round_clock(s, clocks)}
    if ranges and data["24_7"] is not True:
        data["ranges"] = ranges
    text = _hours_text(data)
    return [Found(f"hours_{c}", text, {**data, "channel": c}) for c in channels or CHANNELS]


def _round_clock(s: Sentence, clocks: list[re.Match[str]]) -> bool | str:
    """True for plain 24/7, 'at extra cost' with an uplift, False when denied or absent."""
    states = []
    for m in clocks:
        if re.search(r"\b(?:not|no|n't)\b[^.;]{0,25}$", s.text[: m.start()]):
            states.append(False)
            continue
        window = s.text if s.cells else s.text[max(0, m.start() - 40) : m.end() + 50]
        states.append("at extra cost" if CONDITIONAL.search(window) else True)
    if True in states:
        return True
    return "at extra cost" if "at extra cost" in states else False


def _hours_text(data: dict) -> str:
    parts = []
    if data["24_7"] is True:
        parts.append("24/7")
    elif data["24_7"] == "at extra cost":
        parts.append("24/7 at extra cost")
    elif not data.get("ranges"):
        parts.append("not 24/7")
    parts += data.get("ranges", [])
    return "; ".join(parts)


def platforms(s: Sentence) -> list[Found]:
    """Contact-centre platforms and CRM/ticketing systems the vendor uses or integrates with."""
    if s.section != "offer":
        return []
    found = []
    for name in platforms_named(s.text):
        if name in WORKFORCE_TOOLS:
            continue
        field = "platform" if name in CONTACT_CENTRE_PLATFORMS else "crm_integrations"
        found.append(Found(field, name, {"product": name, "key": name}))
    return found


EXTRACTORS = (languages, locations, delivery_model, hours, platforms)
