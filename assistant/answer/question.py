"""What a question asks about: its scope (which vendors) and its focus terms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.text import STOPWORDS, stem, terms, tokens

# Words that say how a question is asked, not what it is about.
_QUESTION_WORDS = frozenset(
    terms(
        """vendor vendors supplier suppliers provider providers proposal proposals company companies
        bidder bidders document documents offer offers offered provide provides provided state
        states stated hold holds held has have having say says mention mentions mentioned list tell describe give show does do
        which who whose compare comparison across each every all any both lowest highest cheapest
        best worst most least longest shortest fastest biggest largest smallest more less
        their they them its it our please explain detail details information anything something
        kind type available include includes included propose proposed quote quoted much many
        long require required requires need needs commit commits committed feature features
        annual annualised annualized status approach summarise summarize summary work works
        current currently option options one two three four five six seven eight nine ten
        question questions ask asking good choose select between matter matters important
        typical reasonable recommend recommended consider"""
    )
)
SYNONYM_GROUPS = [
    "price pricing rate cost fee charge charges billed billing tariff usd eur gbp",
    "hour hourly",
    "certification certified certificate accredited accreditation compliant compliance attestation",
    "pilot trial",
    "terminate termination exit convenience",
    "attrition turnover",
    "language languages multilingual bilingual",
    "location site sites centre center located based delivery",
    "hours 24/7 opening coverage",
    "sla slas",
    "email e-mail",
    "voice phone call calls telephone telephony",
    "chat messaging webchat",
    "crm integration integrations platform",
    "disaster continuity recovery rto rpo",
    "quality qa monitoring calibration",
    "training onboarding nesting",
    "credit credits penalty penalties",
    "setup set-up implementation one-time",
    "minimum commitment",
    "reference references",
    "automation ai bot chatbot virtual",
    "agent agents fte ftes headcount seat seats staff",
]


def _synonyms() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in SYNONYM_GROUPS:
        group = frozenset(stem(word) for word in line.split())
        for member in group:
            table[member] = table.get(member, frozenset()) | group
    return table


SYNONYMS = _synonyms()


@dataclass(frozen=True)
class QuestionPlan:
    """The vendors a question is about and the terms an answering sentence should contain."""

    question: str
    vendors: tuple[str, ...]
    cross_vendor: bool
    focus: tuple[str, ...]
    surface: dict[str, str]
    vendor_terms: frozenset[str] = frozenset()

    def variants(self, term: str) -> frozenset[str]:
        """A focus term and its synonyms."""
        return SYNONYMS.get(term, frozenset({term}))

    def all_variants(self) -> frozenset[str]:
        """Every focus term with its synonyms."""
        return frozenset().union(*(self.variants(term) for term in self.focus))


def named_vendors(question: str, vendors: list[str], aliases: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """Vendors the question names, by name or any alias (fuzzy, accent-folded)."""
    from assistant.reading.names import VendorAliases, resolve_vendors

    known = [VendorAliases(v, tuple((aliases or {}).get(v, ()))) for v in vendors]
    return tuple(resolve_vendors(question, known))


def plan_question(
    question: str, vendors: list[str], aliases: Mapping[str, tuple[str, ...]] | None = None
) -> QuestionPlan:
    """Decide scope and focus: named vendors stay alone; otherwise every vendor is asked."""
    from assistant.reading.names import name_tokens

    question_tokens = tokens(question)
    named = named_vendors(question, vendors, aliases)
    scope = named or tuple(vendors)
    name_tokens_ = {t for v in named for a in (v, *(aliases or {}).get(v, ())) for t in tokens(a)}
    name_tokens_ |= {t for v in named for a in (v, *(aliases or {}).get(v, ())) for t in name_tokens(a)}
    surface: dict[str, str] = {}
    for token in question_tokens:
        term = stem(token)
        if token in STOPWORDS or token in name_tokens_ or term in _QUESTION_WORDS or len(term) < 2:
            continue
        if named and _near_name(token, name_tokens_):
            continue  # a misspelt vendor name is a name, not a topic
        surface.setdefault(term, token)
    for pattern, word in _INTENTS:
        if pattern.search(question):
            surface.setdefault(stem(word), word)
    vendor_terms = frozenset(stem(t) for v in vendors for t in tokens(v))
    return QuestionPlan(question, scope, len(scope) > 1, tuple(surface), surface, vendor_terms)


def _near_name(token: str, names: set[str]) -> bool:
    from rapidfuzz import fuzz

    return len(token) >= 5 and any(fuzz.ratio(token, n) >= 85 for n in names if len(n) >= 5)


_INTENTS = [(re.compile(r"\bwhere\b", re.I), "location")]

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
