"""Who wrote a document: the company behind a proposal, never the buyer it is addressed to.

Company names are found as runs of capitalised words (with a legal form such as 'Inc.' or
next to words that say who writes: 'About X', 'X is pleased to', 'submitted by X', '© X').
Mentions of one company are grouped by their short name; the buyer's name (after 'prepared
for', 'X's requirements', or the buyer's own profile) is set aside. The title metadata and the
file name are used only when the text names no company at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from assistant.models import Page
from assistant.reading.lexicon import offer, organisations
from assistant.reading.names import (
    RARE_WORD_ZIPF,
    acronym,
    distinctive_word,
    fold,
    legal_suffix,
    name_tokens,
    normal_case,
    short_name,
    without_suffix,
)
from assistant.text import heading_text

_CONNECTORS = {"&", "and", "of", "de", "du", "des", "la", "le", "y", "e", "van", "von", "der", "da"}
_LEADING = {"the", "our", "we", "this", "at", "about", "why", "in", "for", "with", "and", "by", "to",
            "from", "a", "an", "as", "on", "dear", "all", "its", "their", "your", "prepared",
            "submitted", "proposal", "response", "copyright"}
# A word of a name starts with a capital letter (any script's); digits may lead a brand ('3C').
_WORD = r"\d*\p{Lu}[\p{L}\p{M}\d'’.\-]*"
_COPYRIGHT_YEAR = re.compile(r"(©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*", re.I)
DOMAIN_TERMS_FOR_PROPOSAL = 2
_PRICE = re.compile(r"(?:[$€£]|\b[A-Z]{3})\s?\d[\d,.]*\s*(?:per|/|an?\b)", re.I)


@dataclass(frozen=True)
class Identity:
    """The vendor a document speaks for (empty for a reference document) and how it is known."""

    vendor: str
    legal_name: str = ""
    aliases: tuple[str, ...] = ()
    source: str = "document"  # flag | document | heading | title | file name
    kind: str = "proposal"  # proposal | reference
    note: str = ""
    addressed_to: str = ""  # the buyer the document is written for, when it says


@dataclass
class _Company:
    key: str
    surfaces: Counter = field(default_factory=Counter)
    legal: Counter = field(default_factory=Counter)
    author: float = 0.0
    addressee: float = 0.0
    first_page: bool = False
    mentions: int = 0
    acronyms: set[str] = field(default_factory=set)

    @property
    def legal_weight(self) -> float:
        """A legal name is evidence of who writes, but its repeats are not more of it: a
        partner named in full on every page it appears on ('… Ltée, our subcontractor')
        must not outweigh the author."""
        return 2 * min(sum(self.legal.values()), 2)

    @property
    def score(self) -> float:
        return self.author + self.legal_weight + self.first_page + 0.2 * min(self.mentions, 15)

    @property
    def eligible(self) -> bool:
        evidence = self.author > 0 or self.legal or (self.first_page and self.mentions >= 3)
        return bool(evidence) and self.author + self.legal_weight > self.addressee


def identify(
    pages: list[Page], title: str, path: Path, explicit: str | None = None, buyers: tuple[str, ...] = ()
) -> Identity:
    """The vendor of a document, its legal name and aliases; or a reference document."""
    text = "\n".join(page.text for page in pages)
    stem = _stem_words(path)
    if explicit and explicit.strip():
        name = explicit.strip()
        return Identity(name, "", _aliases(name, "", set(), stem), "flag")
    companies = _companies(pages, buyers)
    best = max((c for c in companies if c.eligible), key=lambda c: c.score, default=None)
    proposal = _reads_like_a_proposal(text, best is not None)
    if best is not None:
        legal = _legal_name(best)
        display = normal_case(short_name(_surface(best)))
        identity = Identity(display, legal, _aliases(display, legal, best.acronyms, stem), "document")
    else:
        identity = _fallback(pages, title, path, companies)
    buyer = max((c for c in companies if c.addressee > c.author and c.addressee >= 3),
                key=lambda c: c.addressee, default=None)
    addressed_to = normal_case(_surface(buyer)) if buyer else ""
    if not proposal:
        return Identity("", identity.legal_name, identity.aliases, identity.source, "reference",
                        "no offer of contact-centre services found: kept as a reference document",
                        addressed_to)
    return replace(identity, addressed_to=addressed_to)


def _companies(pages: list[Page], buyers: tuple[str, ...]) -> list[_Company]:
    """Every company named in the document, with the evidence of who it is."""
    companies: dict[str, _Company] = {}
    text = _COPYRIGHT_YEAR.sub("© ", "\n".join(page.text for page in pages))
    first_page_end = len(pages[0].text) if pages else 0
    for match in _name_runs(text):
        surface = match.text
        core = without_suffix(surface)
        key = _key(core)
        if not key or _is_party_role(core):
            continue
        company = companies.setdefault(key, _Company(key))
        company.surfaces[core] += 1
        if suffix := legal_suffix(surface):
            company.legal[f"{core}, {suffix}" if "," in surface else f"{core} {suffix}"] += 1
        company.first_page |= match.start < first_page_end
        company.author += _cue_weight(text, match, "author")
        company.addressee += _cue_weight(text, match, "addressee")
        if acr := _DEFINED_ACRONYM.match(text, match.end):
            company.acronyms.add(acr.group(1))
    folded = fold(text)
    for company in companies.values():
        company.mentions = len(re.findall(rf"(?<!\w){re.escape(company.key)}(?!\w)", folded))
    _fold_acronyms(companies)
    _fold_short_names(companies)
    for buyer in buyers:
        if company := companies.get(_key(buyer)):
            company.addressee += 100
    return list(companies.values())


def _is_party_role(core: str) -> bool:
    """'the Provider', 'Service Provider', 'Client': a role written as a defined term, not a name."""
    return fold(core) in _party_roles()


@cache
def _party_roles() -> frozenset[str]:
    return frozenset(fold(role) for role in organisations().party_roles)


# 'Tallgrass Homeshore Solutions, LLC ("THS")', '(hereinafter "BPS")', '(the "Company")' aside.
_DEFINED_ACRONYM = re.compile(r"\s*\((?:hereinafter\s+|together\s+)?[\"“'‘]?([A-Z][A-Z&]{1,5})[\"”'’]?\)")


def _fold_acronyms(companies: dict[str, _Company]) -> None:
    """A company written as its acronym ('THS proposes ...') is the company whose name it
    abbreviates, defined in the text or by initials: its mentions and cues count there."""
    for key, short in list(companies.items()):
        letters = next(iter(short.surfaces), "")
        if not re.fullmatch(r"[A-Z][A-Z&]{1,5}", letters):
            continue
        expanded = [
            c for c in companies.values()
            if c is not short and (letters in c.acronyms or any(acronym(s) == letters for s in c.surfaces))
        ]
        if len(expanded) != 1:
            continue  # unknown or ambiguous: left as it is
        into = expanded[0]
        into.acronyms.add(letters)
        into.author += short.author
        into.addressee += short.addressee
        into.first_page |= short.first_page
        into.mentions += short.mentions
        del companies[key]


def _fold_short_names(companies: dict[str, _Company]) -> None:
    """A company written by the first words of its legal name ('Nirvana' for 'Nirvana Data
    Systems Ltd.') is that company: its mentions and cues count there. Only where one company
    with a legal name begins so (or one that the others begin with: 'Solara Bridge' beside
    'Solara Bridge USA'), and the short form has no legal name of its own."""
    for key, short in list(companies.items()):
        if short.legal:
            continue
        longer = sorted((c for c in companies.values()
                         if c is not short and c.legal and c.key.startswith(key + " ")),
                        key=lambda c: len(c.key))
        if not longer or not all(c.key.startswith(longer[0].key) for c in longer):
            continue
        into = longer[0]
        into.author += short.author
        into.addressee += short.addressee
        into.first_page |= short.first_page
        into.mentions += short.mentions
        into.surfaces.update(short.surfaces)  # the name it goes by
        del companies[key]


def _name_runs(text: str):
    """Runs of capitalised words, with connectors ('&', 'of') inside and a legal form at the end."""
    for match in _run_pattern().finditer(text):
        trimmed = _trim(text, match)
        if trimmed is not None:
            yield trimmed


@cache
def _run_pattern():
    import regex

    suffix = "|".join(
        regex.escape(s).replace(r"\.", r"\.?").replace(r"\ ", r"\s*")
        for s in sorted(organisations().legal_suffixes, key=len, reverse=True)
    )
    connectors = "|".join(regex.escape(c) for c in sorted(_CONNECTORS, key=len, reverse=True))
    run = rf"(?<![\w'’]){_WORD}(?:[ \t]+(?:(?:{connectors})[ \t]+)?{_WORD}){{0,6}}"
    return regex.compile(rf"{run}(?:,?[ \t]+(?i:{suffix})\.?(?!\w))?")


@dataclass(frozen=True)
class _Mention:
    """A company name as written, and where."""

    text: str
    start: int
    end: int


def _trim(text: str, match: re.Match[str]) -> _Mention | None:
    """Drop sentence-initial words ('The', 'Our') and connectors at the ends of a run."""
    words = match.group(0).split()
    while words and (fold(words[0]) in _LEADING or words[0] in _CONNECTORS or not words[0][0].isupper()):
        words = words[1:]
    while words and (words[-1] in _CONNECTORS or not (words[-1][0].isupper() or _ends_in_legal_form(words))):
        words = words[:-1]
    surface = re.sub(r"['’]s$", "", " ".join(words).rstrip(","))
    if len(surface) < 3:
        return None
    begin = text.find(words[0], match.start())
    return _Mention(surface, begin, begin + len(surface))


def _ends_in_legal_form(words: list[str]) -> bool:
    """'… Group plc', '… sp. z o.o.': a legal form in lower case, as the lexicon writes it (a
    word such as 'as' after a name is not the Norwegian 'AS')."""
    name = " ".join(words).rstrip(".")
    return any(name.endswith(f" {form}") for form in organisations().legal_suffixes if not form[0].isupper())


def _key(core: str) -> str:
    """What groups mentions of one company: its short name, folded."""
    return " ".join(name_tokens(short_name(core)))


@cache
def _cues(kind: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str], float], ...]:
    """(text before the name, text after it, weight) for the cues and hints of one kind."""
    lex = organisations()
    strong = lex.author_cues if kind == "author" else lex.addressee_cues
    weak = lex.author_hints if kind == "author" else lex.addressee_hints
    result = []
    for cues, weight in ((strong, 3.0), (weak, 1.0)):
        for cue in cues:
            before, after = cue.split("{name}")
            result.append((
                re.compile(rf"{_flexible(before)}$", re.I) if before.strip() else None,
                re.compile(rf"^{_flexible(after)}", re.I) if after.strip() else None,
                weight,
            ))
    return tuple(result)


def _flexible(fragment: str) -> str:
    """A cue fragment as a pattern: spaces may vary, 's may be ’s."""
    parts = [re.escape(part) for part in fragment.split()]
    body = r"\s+".join(parts).replace("'", "['’]")
    if fragment.startswith(" "):
        body = r"\s+" + body
    if fragment.endswith(" "):
        body += r"\s+"
    return body


def _cue_weight(text: str, mention: _Mention, kind: str) -> float:
    before = text[max(0, mention.start - 40) : mention.start]
    defined = _DEFINED_ACRONYM.match(text, mention.end)
    after = text[defined.end() if defined else mention.end : mention.end + 50]
    weight = 0.0
    for lead, trail, value in _cues(kind):
        if (lead is None or lead.search(before)) and (trail is None or trail.search(after)):
            if lead is None and trail is None:
                continue
            weight = max(weight, value)
    return weight


def _surface(company: _Company) -> str:
    """How the document most often writes the name, preferring normal case to capitals."""
    mixed = [s for s, _ in company.surfaces.most_common() if not s.isupper()]
    return mixed[0] if mixed else company.surfaces.most_common(1)[0][0]


def _legal_name(company: _Company) -> str:
    if not company.legal:
        return ""
    mixed = [s for s, _ in company.legal.most_common() if not s.isupper()]
    return normal_case(mixed[0] if mixed else company.legal.most_common(1)[0][0])


def _aliases(display: str, legal: str, acronyms: set[str], stem: str) -> tuple[str, ...]:
    """Legal name, full name, short name, acronym, unspaced and unaccented forms, file stem."""
    full = without_suffix(legal) if legal else display
    forms = [legal, full, display, acronym(full), *_shorter_acronyms(full, display), *sorted(acronyms)]
    forms += [display.replace(" ", ""), fold(display), distinctive_word(display)]
    if stem and _similar(stem, display):
        forms.append(stem)
    seen, result = set(), []
    for form in forms:
        if form and form != display and form.lower() not in seen:
            seen.add(form.lower())
            result.append(form)
    return tuple(result)


def _shorter_acronyms(full: str, display: str) -> list[str]:
    """The initials of the name without its last words, down to the short name: 'Solara Bridge
    Global Services' is also 'SBG', 'Thornbury & Vale Customer Operations' also 'T&V'. An
    acronym that is an English word ('CAN') is left out: it would name the vendor by accident."""
    from wordfreq import zipf_frequency

    words = full.split()
    if not full.startswith(display):
        return []
    result = []
    for size in range(len(words) - 1, len(display.split()) - 1, -1):
        short = acronym(" ".join(words[:size]))
        if short and not (short.isalpha() and zipf_frequency(short.lower(), "en") >= RARE_WORD_ZIPF):
            result.append(short)
    return result


def _similar(stem: str, display: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(fold(stem).replace(" ", ""), fold(display).replace(" ", "")) >= 85


def _fallback(pages: list[Page], title: str, path: Path, companies: list[_Company]) -> Identity:
    """No company named in the text: the cover heading, then the title, then the file name."""
    buyers = {c.key for c in companies if c.addressee > c.author}
    for source, candidate in (("heading", _first_heading(pages)), ("title", title)):
        name = _strip_document_words(candidate)
        if name and _key(name) not in buyers:
            display = normal_case(short_name(name))
            return Identity(display, "", _aliases(display, "", set(), ""), source)
    display = _stem_words(path) or _strip_document_words(path.stem.replace("_", " ")) or path.stem
    return Identity(display, "", (), "file name")


def _first_heading(pages: list[Page]) -> str:
    for page in pages[:1]:
        for line in page.text.splitlines()[:8]:
            if line.startswith("#"):
                return heading_text(line)
    return ""


@cache
def _document_words() -> re.Pattern[str]:
    words = sorted(organisations().document_words, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b|\bv\d+\b|\b\d+\b", re.I)


def _strip_document_words(text: str) -> str:
    """'Meridian Contact Solutions — Proposal for …' -> 'Meridian Contact Solutions'."""
    parts = re.split(r"\s+[—–|:-]\s+|:\s+", text or "")
    for part in parts:
        if re.search(r"\b(for|to)\b", part, re.I) and _document_words().search(part):
            continue  # 'Proposal for <buyer>' names the buyer
        name = re.sub(r"\s+", " ", _document_words().sub(" ", part)).strip(" .,_-")
        if 2 <= len(name) <= 60 and any(ch.isalpha() for ch in name):
            return name
    return ""


def _stem_words(path: Path) -> str:
    """The name a file's name starts with: 'blue_water-proposal-2026.pdf' -> 'Blue Water'.

    Reading stops at the first document word, number or reference code ('LES', 'v3'), so
    'Acme_LES-CX-2027_Proposal.pdf' gives 'Acme' and 'RFP_Response_FINAL.pdf' gives ''.
    """
    kept = []
    for word in (w for w in re.split(r"[\s_\-.]+", path.stem) if w):
        if _document_words().fullmatch(word) or any(ch.isdigit() for ch in word) or (
            word.isupper() and len(word) <= 4
        ):
            break
        kept.append(word)
    return " ".join(w[:1].upper() + w[1:] for w in kept)


@cache
def _offer_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    words = offer()
    compile_ = lambda terms: tuple(re.compile(rf"(?<!\w){re.escape(t)}(?!\w)", re.I) for t in terms)  # noqa: E731
    return compile_(words.domain_terms), compile_(words.offer_terms)


def _reads_like_a_proposal(text: str, named: bool) -> bool:
    """Some of the domain's words, and an offer: a company behind it, offer words or a price."""
    domain, offers = _offer_patterns()
    if sum(bool(p.search(text)) for p in domain) < DOMAIN_TERMS_FOR_PROPOSAL:
        return False
    return named or any(p.search(text) for p in offers) or bool(_PRICE.search(text))
