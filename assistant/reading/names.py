"""Company names as people write them: folded for matching, shortened for display, resolved
from a question by alias with fuzzy matching (rapidfuzz)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from assistant.reading.lexicon import organisations

# Letters NFKD does not split into a base letter and a mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th"})
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.U)


def fold(text: str) -> str:
    """Lower case without accents: 'Åkerström' -> 'akerstrom', 'Łódź' -> 'lodz'."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def name_tokens(text: str) -> list[str]:
    """Folded word tokens of a name or a question; a possessive 's is not part of the name."""
    return [re.sub(r"['’]s$", "", token) for token in _TOKEN.findall(fold(text))]


@cache
def _suffix_pattern() -> re.Pattern[str]:
    forms = sorted(organisations().legal_suffixes, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\.", r"\.?").replace(r"\ ", r"\s*") for f in forms)
    return re.compile(rf"(?:,?\s+|\s*,\s*)(?:{body})\.?$", re.I)


@cache
def _company_words() -> tuple[str, ...]:
    return tuple(sorted((fold(w) for w in organisations().company_words), key=len, reverse=True))


def legal_suffix(name: str) -> str:
    """The legal form ending a name ('Inc.' of 'Blue Peak Services, Inc.'), or ''."""
    match = _suffix_pattern().search(name.strip())
    return match.group(0).strip(" ,") if match else ""


def without_suffix(name: str) -> str:
    """'Blue Peak Services, Inc.' -> 'Blue Peak Services'."""
    return _suffix_pattern().sub("", name.strip()).strip(" ,")


def short_name(name: str) -> str:
    """The distinctive part of a company name: legal form and trailing trade words dropped.

    'Blue Peak Services, Inc.' -> 'Blue Peak'; 'Global Services Ltd' stays 'Global Services';
    'Blue Peak Services Portugal' -> 'Blue Peak', but 'Air Chile' stays.
    """
    core = without_suffix(name)
    words = core.split()
    while len(words) > 1:
        tail = fold(words[-1])
        two = fold(" ".join(words[-2:])) if len(words) > 2 else ""
        if two in _company_words():
            words = words[:-2]
        elif tail in _company_words() or tail in ("&", "and"):
            words = words[:-1]
        elif len(words) > 2 and fold(words[-2]) in _company_words() and _is_country(words[-1]):
            words = words[:-1]  # a subsidiary's country after trade words ('… Solutions Philippines')
        else:
            break
    return " ".join(words).strip(" ,&-") or core


def _is_country(word: str) -> bool:
    from assistant.reading.places import is_country

    return is_country(word)


def acronym(name: str) -> str:
    """'Blue Peak Services' -> 'BPS' (three or more words; connectors left out), 'Thornbury &
    Vale' -> 'T&V' (two names joined by an ampersand), else ''.

    Two bare letters are too often another word ('NB', 'CS') to stand for a company.
    """
    pair = re.fullmatch(r"\s*([^\W\d_])[\w'’-]*\s*&\s*([^\W\d_])[\w'’-]*\s*", without_suffix(name))
    if pair:
        return f"{pair.group(1).upper()}&{pair.group(2).upper()}"
    words = [w for w in re.split(r"[\s\-]+", without_suffix(name)) if w and w[0].isalpha()]
    words = [w for w in words if fold(w) not in ("of", "and", "the", "de", "du", "la", "y", "et")]
    return "".join(w[0].upper() for w in words) if len(words) >= 3 else ""


def normal_case(name: str) -> str:
    """A name in capitals ('BLUE PEAK SERVICES, INC.') in normal case; mixed case stays."""
    if not name.isupper():
        return name
    suffixes = {fold(s).rstrip("."): s for s in organisations().legal_suffixes}
    words = []
    for word in name.split():
        bare = fold(word).strip(",.")
        if bare in suffixes:
            words.append(word.replace(word.strip(",."), suffixes[bare].rstrip(".")))
        elif len(bare) <= 3 and not re.search(r"[aeiouy]", bare):
            words.append(word)  # an acronym such as 'CX' or 'BPO'
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


RARE_WORD_ZIPF = 3.0  # rarer than ~1 in a million words of English: a name, not a word


def distinctive_word(name: str) -> str:
    """The first word of a longer name when it is rare enough to name the company alone
    ('Åkerby' of 'Åkerby Kontakt'; not 'Blue' of 'Blue Peak'), else ''."""
    from wordfreq import zipf_frequency

    words = without_suffix(name).split()
    if len(words) < 2 or len(words[0]) < 4:
        return ""
    return words[0] if zipf_frequency(fold(words[0]), "en") < RARE_WORD_ZIPF else ""


@dataclass(frozen=True)
class VendorAliases:
    """A vendor's display name and every other way people write it."""

    name: str
    aliases: tuple[str, ...]


def alias_keys(alias: str) -> tuple[str, ...]:
    """The folded forms an alias is matched in: spaced and unspaced ('blue peak', 'bluepeak')."""
    tokens = name_tokens(alias)
    spaced = " ".join(tokens)
    return tuple(dict.fromkeys(k for k in (spaced, "".join(tokens)) if k))


def resolve_vendors(question: str, vendors: Iterable[VendorAliases], threshold: float = 86) -> list[str]:
    """Vendors a question names by any alias: exact for acronyms and short names, fuzzy else."""
    tokens = name_tokens(question)
    if not tokens:
        return []
    vendors = list(vendors)
    keys = {vendor.name: {k for alias in (vendor.name, *vendor.aliases) for k in alias_keys(alias)} for vendor in vendors}
    windows = _windows(tokens)
    matched: dict[str, set[str]] = {}  # vendor -> the words of its longest alias found
    for vendor in vendors:
        # Words that are exactly another vendor's name are that vendor's, never a misspelling of
        # this one's ('Kestrevane contract' is not 'Kestrel Lane Contact' where Kestrevane is a vendor).
        others = set().union(*(k for name, k in keys.items() if name != vendor.name)) - keys[vendor.name]
        fuzzy = _windows(tokens, others)
        for alias in (vendor.name, *vendor.aliases):
            words = set(name_tokens(alias))
            if len(words) > len(matched.get(vendor.name, ())) and _alias_in(alias, question, tokens, windows,
                                                                           threshold, fuzzy):
                matched[vendor.name] = words
    # 'Kestrel' of one vendor inside 'Kestrel Bay' of another names only the other
    return [
        name for name, words in matched.items()
        if not any(words < other for other in matched.values())
    ]


def _windows(tokens: list[str], blocked: set[str] = frozenset()) -> dict[int, set[str]]:
    """Runs of 1-4 question tokens, spaced and unspaced, by length; none holding a `blocked`
    word or spelling a blocked name."""
    result: dict[int, set[str]] = {}
    for size in range(1, 5):
        for i in range(len(tokens) - size + 1):
            run = tokens[i : i + size]
            forms = {" ".join(run), "".join(run)}
            if not blocked or not (set(run) | forms) & blocked:
                result.setdefault(size, set()).update(forms)
    return result


def _alias_in(alias: str, question: str, tokens: list[str], windows: Mapping[int, set[str]], threshold: float,
              fuzzy: Mapping[int, set[str]] | None = None) -> bool:
    """Whether the question names an alias: as written, or (runs of `fuzzy`, default all) misspelt."""
    words = name_tokens(alias)
    if not words or all(w in _company_words() for w in words):
        return False
    if "&" in alias and len(alias) <= 5:  # 'T&V': as written
        return re.search(rf"(?<![\w&]){re.escape(alias)}(?![\w&])", question) is not None
    if alias.isupper() and len(alias) <= 6:  # an acronym: the exact word
        return fold(alias) in tokens
    keys = alias_keys(alias)
    size = len(words)
    candidates = windows.get(size, set()) | windows.get(max(1, size - 1), set()) | windows.get(size + 1, set())
    fuzzy = windows if fuzzy is None else fuzzy
    misspelt = fuzzy.get(size, set()) | fuzzy.get(max(1, size - 1), set()) | fuzzy.get(size + 1, set())
    for key in keys:
        if key in candidates:
            return True
        if len(key) >= 6 and any(fuzz.ratio(key, c) >= threshold for c in misspelt if abs(len(c) - len(key)) <= 3):
            return True
    return False
