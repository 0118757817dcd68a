"""Where and when the work is done: languages, delivery sites, delivery models, opening hours
and platforms, each with what the proposal asserts about it (offered, not offered, on request,
through a partner)."""

from __future__ import annotations

import re
from functools import cache

from assistant.compare.fields import CHANNELS, Found, hours_label
from assistant.compare.fieldspec import FieldSpec
from assistant.reading.assertion import find_triggers
from assistant.reading.lexicon import vocabulary
from assistant.reading.mentions import Mention
from assistant.reading.statements import Statement

LANGUAGE_STATUS = {"affirmed": "offered", "negated": "not offered", "conditional": "on request",
                   "hedged": "on request", "third_party": "via partner", "planned": "planned"}
_HEADER_LANGUAGE = re.compile(r"language", re.I)
_HEADER_SITE = re.compile(r"\b(?:site|location|centre|center|hub|delivery|country|city)", re.I)


@cache
def _near_words(source: str, attribute: str) -> re.Pattern[str]:
    words = getattr(vocabulary(source), attribute)
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


def _cell_denies(s: Statement) -> bool:
    """A table cell whose whole text denies ('Not offered', 'No', 'N/A', '—')."""
    if s.cell is None:
        return False
    text = s.cell.text.strip()
    if re.fullmatch(r"[-–—✗x]|n/?a|none", text, re.I):
        return True
    return any(t.status == "negated" for t in find_triggers(text)) and len(text.split()) <= 4


def _status(s: Statement, mention: Mention) -> str:
    if _cell_denies(s):
        return "negated"
    return mention.status


def languages(spec: FieldSpec, s: Statement) -> list[Found]:
    """Languages offered, not offered, on request or through a partner."""
    if s.section != "offer":
        return []
    cue = bool(s.cell and (_HEADER_LANGUAGE.search(f"{s.label} {s.column}")))
    offered_words = _near_words("languages", "offer_words")
    found: dict[str, str] = {}
    for m in s.of("language"):
        status = _status(s, m)
        if status == "other_client":
            continue
        if not (cue or s.cell or offered_words.search(s.text)):
            continue
        found.setdefault(m.value["name"], LANGUAGE_STATUS.get(status, "offered"))
    return [Found(spec.key, f"{name}: {status}", {"language": name, "status": status})
            for name, status in found.items()]


def locations(spec: FieldSpec, s: Statement) -> list[Found]:
    """Delivery sites proposed (or ruled out), with their delivery model where stated."""
    if s.section not in ("offer", "company"):
        return []
    site_words = _near_words("locations", "site_words")
    header_site = bool(s.cell and _HEADER_SITE.search(s.column + " " + s.label))
    if not (header_site or site_words.search(s.text)):
        return []
    places = [m for m in s.of("location") if m.status != "other_client" and "country" in m.value]
    found, seen = [], set()
    for i, m in enumerate(places):
        if m.value["name"] in seen:
            continue
        if i + 1 < len(places) and _city_country(s.text, m, places[i + 1]):
            site, country = f"{m.value['name']}, {places[i + 1].value['name']}", places[i + 1].value["name"]
            seen.add(places[i + 1].value["name"])
        else:
            site, country = m.value["name"], m.value["country"]
        seen.add(m.value["name"])
        proposed = _status(s, m) != "negated"
        if not proposed and not _EXCLUDES.search(s.text):
            continue  # a site named under a negation ('when neither <site> nor <site> is open') is no exclusion
        if s.section == "company" and proposed:
            continue  # the company at large: its sites are not all proposed
        data = {"site": site, "key": m.value["name"], "country": country, "proposed": proposed}
        if model := _model_near(s, m):
            data["model"] = model
        suffix = f" ({data['model']})" if data.get("model") else ""
        found.append(Found(spec.key, f"{site}{suffix}" if proposed else f"{site}: not proposed", data))
    return found


_EXCLUDES = re.compile(r"propos|offer|part of|\buse\b|\bused\b|include|scope|deliver|serve|staff", re.I)


def _city_country(text: str, city: Mention, country: Mention) -> bool:
    """'Manila, Philippines': a city and the country it is in, side by side."""
    return (re.fullmatch(r",\s*", text[city.end : country.start]) is not None
            and city.value.get("country") == country.value.get("name"))


def _model_near(s: Statement, place: Mention) -> str | None:
    """The shore model named next to a place ('our nearshore hub in Bogotá', 'Manila (offshore)')."""
    models = [m for m in s.of("delivery_model") if m.value["name"] in ("onshore", "nearshore", "offshore")]
    close = [m for m in models if abs(m.start - place.end) <= 40 or abs(place.start - m.end) <= 40]
    return min(close, key=lambda m: min(abs(m.start - place.end), abs(place.start - m.end))).value["name"] if close else None


def delivery_model(spec: FieldSpec, s: Statement) -> list[Found]:
    """Onshore, nearshore, offshore: proposed or explicitly not."""
    if s.section != "offer":
        return []
    found = []
    for m in s.of("delivery_model"):
        status = _status(s, m)
        if status == "other_client" or m.value["name"] not in ("onshore", "nearshore", "offshore"):
            continue
        state = "not proposed" if status == "negated" else "proposed"
        found.append(Found(spec.key, f"{m.value['name']}: {state}", {"model": m.value["name"], "status": state}))
    return found


_COVERAGE = re.compile(r"\b(?:hours|open|opening|cover|coverage|covered|staffed|available|service|"
                       r"support|answer|operate|operating)\b", re.I)


def hours(spec: FieldSpec, s: Statement) -> list[Found]:
    """A channel's opening hours: 24/7 (or 24/7 at extra cost), or its day and time ranges."""
    if s.section != "offer":
        return []
    times = [m for m in s.of("hours") if m.status != "other_client"]
    if not times:
        return []
    channels = [c for c in dict.fromkeys(m.value["name"] for m in s.of("channel")) if c in CHANNELS]
    site_row = bool(s.cell) and any(m.end <= len(s.label) for m in s.of("location"))
    if not channels and site_row:
        return []  # a site's hours are not a channel's
    if spec.channel not in (channels or (CHANNELS if _COVERAGE.search(s.text) else ())):
        return []
    always = [m for m in times if m.value.get("always")]
    states = [False if _status(s, m) == "negated" else
              ("at extra cost" if m.status in ("conditional", "hedged") or _extra_cost(s.text) else True)
              for m in always]
    round_clock = True if True in states else ("at extra cost" if "at extra cost" in states else False)
    ranges = [_range(m) for m in times if not m.value.get("always") and _status(s, m) != "negated"]
    ranges = [r for r in ranges if r]
    if not always and not ranges:
        return []
    data: dict = {"24_7": round_clock, "channel": spec.channel, "basis": "stated"}
    if ranges and round_clock is not True:
        data["ranges"] = ranges
    text = hours_label(round_clock)
    if round_clock is not True and ranges:
        text = "; ".join(([text] if always else []) + ranges)
    return [Found(spec.key, text, data)]


def _extra_cost(text: str) -> bool:
    """A surcharge, uplift or premium is said, and not denied ('with no overnight surcharge')."""
    for m in re.finditer(r"surcharge|uplift|premium|at extra|additional (?:cost|charge|fee)", text, re.I):
        if not re.search(r"\b(?:no|without|free of)\s+(?:\w+\s+)?$", text[max(0, m.start() - 25) : m.start()], re.I):
            return True
    return False


def _range(m: Mention) -> str:
    value = m.value
    if not value.get("start"):
        return value.get("days") or ""
    days = f"{value['days']} " if value.get("days") else ""
    zone = f" {value['tz']}" if value.get("tz") else ""
    return f"{days}{value['start']}–{value['end']}{zone}"


def platforms(spec: FieldSpec, s: Statement) -> list[Found]:
    """Contact-centre platforms (`platform`) or CRM and ticketing systems (`crm_integrations`)."""
    if s.section != "offer":
        return []
    roles = {"platform": ("contact_centre",), "crm_integrations": ("crm", "ticketing")}[spec.key]
    lexicon = vocabulary("platforms")
    found = []
    for m in s.of("platform"):
        term = lexicon.term(m.value["name"])
        if m.status in ("other_client", "negated") or term is None or term.role not in roles:
            continue
        found.append(Found(spec.key, m.value["name"], {"product": m.value["name"], "key": m.value["name"]}))
    return found


def data_residency(spec: FieldSpec, s: Statement) -> list[Found]:
    """Where the buyer's data is kept ('data residency: United Kingdom', 'hosted in the EU'):
    a place named in a statement with one of the field's residency words."""
    if s.section != "offer" or not s.text:
        return []
    cue = _phrases(spec.triggers).search(s.text)
    if not cue:
        return []
    found, seen = [], set()
    for m in s.of("location"):
        if m.status == "other_client" or m.value["name"] in seen or m.end < cue.start() - 80:
            continue
        seen.add(m.value["name"])
        kept = _status(s, m) != "negated"
        data = {"region": m.value["name"], "kept": kept, "key": m.value["name"]}
        if m.value.get("country") and m.value["country"] != m.value["name"]:
            data["country"] = m.value["country"]  # a city: it lies within its country
        found.append(Found(spec.key, m.value["name"] if kept else f"not {m.value['name']}", data))
    return found


@cache
def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


READERS = {"data_residency": data_residency, "languages": languages, "locations": locations, "delivery_model": delivery_model,
           "hours": hours, "platforms": platforms}
