"""What a question asks: which vendors, which concepts, what kind of value, which qualifiers.

The words come from knowledge/lexicon/questions.yaml and the vocabularies the reading layer
uses for proposals, so a question and a proposal are read the same way: 'staff turnover' in a
question and 'agent churn' in a proposal are one KPI, 'Spanish chat from Monterrey' names a
language, a channel and a place that an answering table cell must not contradict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from assistant.reading.lexicon import questions
from assistant.reading.mentions import Mention, read
from assistant.text import STOPWORDS, stem, terms, tokens

# Mention kinds that qualify what is asked (a language, channel, place...): an answering
# statement may name the same one, or none, but not only another.
QUALIFIER_KINDS = ("language", "channel", "location", "delivery_model", "framework", "platform", "kpi",
                   "pricing_model")


@dataclass(frozen=True)
class Concept:
    """One thing the question asks about, with the ways a statement may say it.

    Each variant is a set of stems that must all occur in the statement.
    """

    surface: str
    variants: tuple[frozenset[str], ...]
    position: int = 0  # where it stands in the question
    kind: str | None = None  # a word for a kind of named thing ('site'): naming one says it

    def covered_by(self, stems: frozenset[str], kinds: frozenset[str] = frozenset()) -> bool:
        """Whether a statement's stems say this concept in any of its ways, or, for a word of
        a kind of named thing, whether it names one ('our hubs' is said by 'Monterrey')."""
        return any(variant <= stems for variant in self.variants) or self.kind in kinds

    @property
    def stems(self) -> frozenset[str]:
        """Every stem of every variant."""
        return frozenset().union(*self.variants)


@dataclass(frozen=True)
class QuestionPlan:
    """The vendors a question is about and what an answering statement should hold."""

    question: str
    vendors: tuple[str, ...]
    cross_vendor: bool
    concepts: tuple[Concept, ...]
    answer_kinds: frozenset[str] = frozenset()
    qualifiers: tuple[Mention, ...] = ()
    extreme: str | None = None  # 'lowest' | 'highest'
    asks_about_clients: bool = False
    yes_no: bool = False
    named: tuple[str, ...] = ()
    query: str = ""  # the question without vendor names: what is embedded and searched
    vendor_terms: frozenset[str] = field(default_factory=frozenset)

    @property
    def surface(self) -> tuple[str, ...]:
        """What was looked for, in the buyer's words."""
        return tuple(c.surface for c in self.concepts)


def named_vendors(question: str, vendors: list[str], aliases: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """Vendors the question names, by name or any alias (fuzzy, accent-folded)."""
    from assistant.reading.names import VendorAliases, resolve_vendors

    known = [VendorAliases(v, tuple((aliases or {}).get(v, ()))) for v in vendors]
    return tuple(resolve_vendors(question, known))


def plan_question(
    question: str,
    vendors: list[str],
    aliases: Mapping[str, tuple[str, ...]] | None = None,
    vocabulary: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> QuestionPlan:
    """Read a question: named vendors stay alone, otherwise every vendor is asked.

    Args:
        question: the buyer's words.
        vendors: the workspace's vendors.
        aliases: other names of each vendor.
        vocabulary: the stems the documents hold; a question word that is not among them is
            matched to the closest one that is (a typo, another spelling).
        ignore: names that are nobody's topic (the buyer's own name in 'LES's customers').
    """
    named = named_vendors(question, vendors, aliases)
    scope = named or tuple(vendors)
    name_words = _name_words(named, aliases or {})
    query = _without_trade(_without_names(question, name_words, _name_words(named, aliases or {}, generic=True)))
    name_words |= {t for name in ignore for t in tokens(name)}
    lowered = _without_trade(question.lower())
    lex = questions()
    return QuestionPlan(
        question=question,
        vendors=scope,
        cross_vendor=len(scope) > 1,
        concepts=tuple(c for c in _concepts(query, name_words, frozenset(vocabulary))
                       if c.surface not in measure_ratio_words(lowered, lex.answer_kinds["money"])),
        answer_kinds=_kinds_asked(lowered, lex.answer_kinds),
        qualifiers=_qualifiers(query),
        extreme=_extreme(lowered),
        asks_about_clients=_any_phrase(lowered, lex.clients),
        yes_no=bool(tokens(question)) and tokens(question)[0] in lex.yes_no,
        named=named,
        query=query,
        vendor_terms=frozenset(stem(t) for v in vendors for t in tokens(v)),
    )


def _without_trade(text: str) -> str:
    """The text without the names of the trade itself ('contact centre', 'customer service'):
    every proposal is about them, and their 'centre' is no site ('contact-centre platform')."""
    return _trade_pattern().sub(" ", text)


@cache
def _trade_pattern() -> re.Pattern[str]:
    from assistant.reading.lexicon import organisations

    compounds = [w for w in organisations().company_words if " " in w.strip()]
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(compounds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


def _qualifiers(query: str) -> tuple[Mention, ...]:
    """The named things an answer must not contradict, and the role of a platform asked for
    ('which telephony platform') when no platform is named."""
    found = read(query, kinds=QUALIFIER_KINDS)
    if not any(m.kind == "platform" for m in found):
        lowered = query.lower()
        for role, cues in questions().platform_roles.items():
            if _any_phrase(lowered, cues):
                found.append(Mention("platform", {"role": role}, 0, 0, role))
                break
    return tuple(found)


def _name_words(named: tuple[str, ...], aliases: Mapping[str, tuple[str, ...]], generic: bool = False) -> set[str]:
    """The words of the named vendors' names, but for the words of what companies do
    ('services', 'solutions'): those may be the question's topic (kept with `generic`)."""
    from assistant.reading.lexicon import organisations
    from assistant.reading.names import name_tokens

    generic_words = {w.lower() for w in organisations().company_words} | {w.lower() for w in organisations().legal_suffixes}
    words = set()
    for vendor in named:
        for alias in (vendor, *aliases.get(vendor, ())):
            words |= set(tokens(alias)) | set(name_tokens(alias))
    return words if generic else {w for w in words if w not in generic_words}


def _without_names(question: str, name_words: set[str], tail_words: set[str] = frozenset()) -> str:
    """The question with the named vendors' words (and their possessives) taken out; after a
    name word, its name's other words too (in 'Acme Services fee', 'services' is the name's)."""
    if not name_words:
        return question
    from rapidfuzz import fuzz

    from assistant.reading.names import fold

    kept = []
    after_name = False
    for word in re.findall(r"\S+", question):
        bare = fold(re.sub(r"['’]s$", "", word.strip(".,;:?!()\"'’")))
        if bare in name_words or (len(bare) >= 5 and any(fuzz.ratio(bare, n) >= 85 for n in name_words if len(n) >= 5)):
            after_name = True
            continue
        # The next word of a name, misspelt ('Thornbury Vail'): short words need the name beside them.
        if after_name and (bare in tail_words or len(bare) >= 3 and any(fuzz.ratio(bare, n) >= 75 for n in name_words if len(n) >= 3)):
            continue
        after_name = after_name and not any(c.isalnum() for c in bare)  # '&' between name words
        kept.append(word)
    return " ".join(kept)


def _concepts(query: str, name_words: set[str], vocabulary: frozenset[str]) -> tuple[Concept, ...]:
    """Synonym families found in the question first (longest phrase wins), then each other
    content word, corrected to the documents' vocabulary when it is not in it."""
    words = [t for t in tokens(query) if t not in STOPWORDS]
    stems = [_lexicon_spelling(_doubling_fixed(t, vocabulary), vocabulary) for t in words]
    used = [False] * len(words)
    concepts: list[Concept] = []
    for family in _families():
        for phrase in sorted(family, key=len, reverse=True):
            at = _find(stems, phrase, used)
            if at is None:
                continue
            for i in range(at, at + len(phrase)):
                used[i] = True
            surface = " ".join(words[at : at + len(phrase)])
            concepts.append(Concept(surface, tuple(frozenset(p) for p in family), at, _named_kind(family)))
            break
    ignored = _ignored()
    for i, (word, term) in enumerate(zip(words, stems, strict=True)):
        if used[i] or word in ignored or term in ignored or word in name_words or len(term) < 2:
            continue
        if any(c.surface == word for c in concepts):
            continue
        variants = tuple(frozenset({v}) for v in _spellings(term, vocabulary)) + _compound_parts(word, vocabulary)
        concepts.append(Concept(word, variants + _country_named(word), i))
    return tuple(sorted(concepts, key=lambda c: c.position))


def _country_named(word: str) -> tuple[frozenset[str], ...]:
    """The country an adjective of place names stands for, as a further way to say the word
    ('mexican': 'Mexico'); () for any other word."""
    from assistant.reading.vocab import country_of_adjective

    country = country_of_adjective(word.title())
    return (frozenset(terms(country)),) if country else ()


# Kinds of named things whose general word a name says: a site, a language.
NAMED_KINDS = ("location", "language")


def _named_kind(family: tuple[tuple[str, ...], ...]) -> str | None:
    """The kind of named thing a synonym family's words stand for (the kind whose answer cues
    it shares), or None."""
    words = {phrase for phrase in family if len(phrase) == 1}
    for kind in NAMED_KINDS:
        cues = {tuple(terms(cue)) for cue in questions().answer_kinds.get(kind, ())}
        if words & cues:
            return kind
    return None


def _find(stems: list[str], phrase: tuple[str, ...], used: list[bool]) -> int | None:
    size = len(phrase)
    for i in range(len(stems) - size + 1):
        if tuple(stems[i : i + size]) == phrase and not any(used[i : i + size]):
            return i
    return None


def _spellings(term: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The term, or where the documents never use it, the closest stems they do use."""
    if not vocabulary or term in vocabulary or len(term) < 5 or not term.isalpha():
        return (term,)
    from rapidfuzz import fuzz, process

    from rapidfuzz.distance import OSA

    close = process.extract(term, vocabulary, scorer=fuzz.ratio, score_cutoff=84, limit=3)
    one_edit = process.extract(term, vocabulary, scorer=OSA.distance, score_cutoff=1, limit=3)
    found = [match for match, _score, _ in close if abs(len(match) - len(term)) <= 2]
    return tuple(dict.fromkeys((term, *found, *(match for match, _score, _ in one_edit))))


def _compound_parts(word: str, vocabulary: frozenset[str]) -> tuple[frozenset[str], ...]:
    """Where the documents never use a word, the two words they write it as ('pcidss' as
    'PCI DSS', 'omnichannel' as 'omni-channel'): each split into two stems they use, the
    shorter at least three letters long."""
    if not vocabulary or stem(word) in vocabulary or len(word) < 6 or not word.isalpha():
        return ()
    splits = []
    for at in range(3, len(word) - 2):
        head, tail = word[:at], word[at:]
        if stem(head) in vocabulary and stem(tail) in vocabulary and head not in STOPWORDS:
            splits.append(frozenset({stem(head), stem(tail)}))
    return tuple(splits[:2])


def _doubling_fixed(word: str, vocabulary: frozenset[str]) -> str:
    """A word's stem; where the documents never use it, the stem of the one spelling with a
    letter doubled or undoubled that they do ('biling' is 'billing', 'commited' 'committed'):
    a slip that changes a short stem beyond what an edit distance on stems can tell."""
    term = stem(word)
    if not vocabulary or term in vocabulary or len(word) < 5 or not word.isalpha():
        return term
    doubled = {word[: i + 1] + word[i:] for i in range(len(word))}
    undoubled = {word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]}
    found = {stem(w) for w in doubled | undoubled} & vocabulary
    return found.pop() if len(found) == 1 else term


def _lexicon_spelling(term: str, vocabulary: frozenset[str]) -> str:
    """A question's stem, or where neither the documents nor the lexicon's synonyms use it, the
    one synonym stem a single edit away ('atrition' is 'attrition'): the synonyms of a
    misspelt word are still found."""
    if term in vocabulary or len(term) < 5 or not term.isalpha() or term in _family_stems():
        return term
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    close = process.extract(term, _family_stems(), scorer=OSA.distance, score_cutoff=1, limit=2)
    return close[0][0] if len(close) == 1 else term


@cache
def _family_stems() -> frozenset[str]:
    """Every stem of the synonym families' phrases."""
    return frozenset(t for family in _families() for phrase in family for t in phrase)


@cache
def _families() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each synonym family as stem sequences: the lexicon's, then the currencies'."""
    return tuple(
        tuple(dict.fromkeys(tuple(terms(phrase)) for phrase in family if terms(phrase)))
        for family in (*questions().synonyms, *currency_families())
    )


CURRENCY_WORDS = ("currency", "currencies")


def currency_families() -> tuple[tuple[str, ...], ...]:
    """One family per currency (its code and names: 'USD', 'US dollars'), then one of every
    currency's words for the word 'currency' itself (a price in euro says what currency)."""
    from assistant.reading.lexicon import currencies

    by_code: dict[str, list[str]] = {}
    for name, code in currencies().names.items():
        by_code.setdefault(code, [code.lower()]).append(name)
    # The longest names first: 'Canadian dollars' is CAD before 'dollars' is USD.
    each = tuple(sorted((tuple(names) for names in by_code.values()),
                        key=lambda names: -max(len(terms(name)) for name in names)))
    return (*each, (*CURRENCY_WORDS, *(name for names in each for name in names)))


@cache
def _ignored() -> frozenset[str]:
    words = questions().question_words
    return frozenset(words) | frozenset(stem(w) for w in words)


def _kinds_asked(lowered: str, cues: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """The kinds of value the question asks for, by their cue words; a price word in or right
    after a measure's name is that measure's ratio, not a price ('the FCR rate', 'attrition rate')."""
    kinds = {kind for kind, words in cues.items() if _any_phrase(lowered, words)}
    if "money" in kinds and not _price_cues(lowered, cues["money"]) - measure_ratio_words(lowered, cues["money"]):
        kinds.discard("money")
    return frozenset(kinds)


def _price_cues(lowered: str, words: Iterable[str]) -> set[str]:
    return {w for w in words if _any_phrase(lowered, (w,))}


def measure_ratio_words(lowered: str, words: Iterable[str]) -> set[str]:
    """The price words that stand only in or right after the name of a measure (a KPI): 'rate'
    in 'what FCR rate'."""
    measures = [m for m in read(lowered) if m.kind == "kpi"]
    found = set()
    for word in words:
        matches = list(re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", lowered))
        if matches and all(any(0 <= x.start() - m.end <= 1 or m.start <= x.start() < m.end for m in measures)
                           for x in matches):
            found.add(word)
    return found


def _any_phrase(lowered: str, phrases: Iterable[str]) -> bool:
    return any(re.search(rf"(?<![\w]){re.escape(p)}(?![\w])", lowered) for p in phrases)


def _extreme(lowered: str) -> str | None:
    """'lowest' or 'highest' when asked for; 'at least 85%' and 'at most' are bounds, not that."""
    lowered = re.sub(r"\bat (?:least|most)\b", " ", lowered)
    extremes = questions().extremes
    for name in ("lowest", "highest"):
        if _any_phrase(lowered, getattr(extremes, name)):
            return name
    return None


_ADVICE = re.compile(
    r"\b(should (i|we|an?|the|our|my)|what should|how (do|should|can|would) (i|we)|what to ask|"
    r"which questions|questions? (should|to) ask|best practices?|guidance|checklist|tips?|"
    r"why (is|are|does|do|should|would|ask)|what does .{1,40} (mean|stand for)|define|definition|"
    r"what (is|are) (a |an )?(good|typical|reasonable|normal|usual)|industry (standard|benchmark)s?|"
    r"what makes|mistakes|pitfalls|red flags|how to (choose|select|evaluate|compare|write|measure))\b",
    re.I,
)


def is_guidance_question(
    question: str, vendors: list[str], aliases: Mapping[str, tuple[str, ...]] | None = None
) -> bool:
    """Advice-seeking questions that name no vendor go to the guidance knowledge base."""
    return bool(_ADVICE.search(question)) and not named_vendors(question, vendors, aliases)
