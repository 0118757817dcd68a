"""The domain's vocabulary, as validated data in knowledge/lexicon/*.yaml (one copy of each list)."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from assistant.resources import knowledge_dir, read_yaml

LEXICON_DIR = knowledge_dir() / "lexicon"
VOCABULARIES = ("channels", "delivery", "frameworks", "kpis", "platforms", "pricing_models",
                "languages", "locations")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisations(_Strict):
    """How company names are written and which words around them say who wrote a document."""

    legal_suffixes: tuple[str, ...]
    company_words: tuple[str, ...]
    author_cues: tuple[str, ...]
    author_hints: tuple[str, ...]
    addressee_cues: tuple[str, ...]
    addressee_hints: tuple[str, ...]
    document_words: tuple[str, ...]
    department_nouns: tuple[str, ...] = ()
    party_roles: tuple[str, ...] = ()

    @field_validator("author_cues", "author_hints", "addressee_cues", "addressee_hints")
    @classmethod
    def _has_slot(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        for cue in cues:
            if cue.count("{name}") != 1:
                raise ValueError(f"cue {cue!r} must hold exactly one {{name}}")
        return cues


class Offer(_Strict):
    """Words that together mark a document as an offer of contact-centre services."""

    domain_terms: tuple[str, ...]
    offer_terms: tuple[str, ...]


class LexTerm(_Strict):
    """One entry of a vocabulary: its canonical name and the ways it is written.

    `phrases` match in any case; `exact` only as written ('US', not the pronoun 'us');
    `patterns` are regular expressions (case-sensitive) for names with many forms.
    `answer_only` phrases count only as the answer to the interview question that asks.
    `country`: the country a place lies in, where it is not one itself ('Wales').
    `people`: what a country's people are called, matched as written ('Kiwis').
    """

    name: str
    phrases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    answer_only: tuple[str, ...] = ()
    group: str | None = None
    role: str | None = None
    country: str | None = None
    agreement: bool = False
    people: tuple[str, ...] = ()

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns


class Vocabulary(_Strict):
    """A kind of mention (channel, framework…) and its terms."""

    kind: str
    description: str
    terms: tuple[LexTerm, ...]
    common: tuple[str, ...] = ()  # languages: names matched in lower case too
    eea: tuple[str, ...] = ()  # locations: the countries of the EEA
    city_population: int = 15000  # locations: the smallest city known by name
    famous_city_population: int = 0  # locations: a city this big is known even if its name is a word
    holding_words: tuple[str, ...] = ()  # frameworks: words that say one is held or signed
    offer_words: tuple[str, ...] = ()  # languages: words that say one is offered
    header_words: tuple[str, ...] = ()  # languages: a table header's words that say its cells are ones
    site_words: tuple[str, ...] = ()  # locations: words that make a place a delivery site
    company_units: tuple[str, ...] = ()  # locations: nouns for the whole of a vendor's operation
    members: dict[str, tuple[str, ...]] = {}  # locations: the countries a region is made of

    def term(self, name: str) -> LexTerm | None:
        """The entry of a canonical name."""
        return next((t for t in self.terms if t.name == name), None)


class Units(_Strict):
    """Units of money, time and counts (see units.yaml)."""

    money_unit_nouns: dict[str, tuple[str, ...]]
    per_words: tuple[str, ...]
    money_unit_words: dict[str, tuple[str, ...]]
    free_phrases: tuple[str, ...]
    money_units_before: dict[str, tuple[str, ...]]
    time_units: dict[str, tuple[str, ...]]
    business_words: tuple[str, ...]
    duration_adjectives: tuple[str, ...]
    period_adjectives: dict[str, tuple[str, ...]]
    periods: dict[str, tuple[str, ...]]
    count_nouns: dict[str, tuple[str, ...]]
    multiplier_words: dict[str, float] = {}
    fractions: dict[str, float] = {}


class Currencies(_Strict):
    """Currency symbols and names, each standing for an ISO 4217 code."""

    symbols: dict[str, str]
    names: dict[str, str]


class Directions(_Strict):
    """The triggers of one status: scopes that run right, look left, both, or fill the sentence."""

    forward: tuple[str, ...] = ()
    backward: tuple[str, ...] = ()
    both: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # forward, three words at most
    predicate: tuple[str, ...] = ()  # forward from the clause's verb: the subject is not denied
    subject: tuple[str, ...] = ()  # backward to the subject just before it, and its list


class Assertion(_Strict):
    """ConText termsets (see assertion.yaml)."""

    precedence: tuple[str, ...]
    pseudo: tuple[str, ...]
    negated: Directions
    planned: Directions
    hedged: Directions
    conditional: Directions
    third_party: Directions
    other_client: Directions
    terminators: tuple[str, ...]
    clause_joins: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    windows: dict[str, int]
    back_windows: dict[str, int]
    client_nouns: tuple[str, ...]
    client_pools: tuple[str, ...]
    attainment_verbs: tuple[str, ...]
    result_kinds: tuple[str, ...]
    site_words: tuple[str, ...]
    relativizers: tuple[str, ...]
    orphan_negations: tuple[str, ...]
    reversers: tuple[str, ...]
    measure_changes: tuple[str, ...]
    elliptical_adverbs: tuple[str, ...]
    negative_verbs: tuple[str, ...]
    revivals: tuple[str, ...]
    lapses: tuple[str, ...]
    restrictives: tuple[str, ...]
    auxiliaries: tuple[str, ...]
    opening_words: tuple[str, ...]
    expectation_modals: tuple[str, ...]
    arrival_predicates: tuple[str, ...]
    comparatives: tuple[str, ...]
    bound_gap: int
    bound_verbs: tuple[str, ...]
    trouble_nouns: tuple[str, ...]
    denial_complements: tuple[str, ...]
    denial_adverbs: tuple[str, ...]
    negation_adverbs: tuple[str, ...]
    corrections: tuple[str, ...]
    harm_verbs: tuple[str, ...]
    superiors: tuple[str, ...]
    now_affirmed: tuple[str, ...]
    story_verbs: tuple[str, ...]
    out_verbs: tuple[str, ...]
    delegation_verbs: tuple[str, ...]
    correction_reads: tuple[str, ...]
    past_auxiliaries: tuple[str, ...]
    negative_subjects: tuple[str, ...]
    past_verbs: tuple[str, ...]
    own_delivery: tuple[str, ...]
    predicate_conditions: tuple[str, ...]
    subject_gap: int
    pointers: tuple[str, ...]
    subordinate_conditions: tuple[str, ...]
    ambiguous_marks: tuple[str, ...]
    clause_verbs: tuple[str, ...]
    participles: tuple[str, ...]
    judging_participles: tuple[str, ...]
    containers: tuple[str, ...] = ()
    asking_verbs: tuple[str, ...] = ()
    answer_verbs: tuple[str, ...] = ()
    closure_verbs: tuple[str, ...] = ()
    charge_nouns: tuple[str, ...] = ()
    premium_nouns: tuple[str, ...] = ()
    case_verbs: tuple[str, ...] = ()
    not_served: tuple[str, ...] = ()
    offer_predicates: tuple[str, ...] = ()
    closure_nouns: tuple[str, ...] = ()
    site_nouns: tuple[str, ...] = ()
    opening_progressives: tuple[str, ...] = ()
    usual_adverbs: tuple[str, ...] = ()
    aim_verbs: tuple[str, ...] = ()
    term_nouns: tuple[str, ...] = ()
    commitment_verbs: tuple[str, ...] = ()
    process_nouns: tuple[str, ...] = ()
    partial_answers: tuple[str, ...] = ()
    client_compounds: tuple[str, ...] = ()

    def triggers(self) -> dict[str, Directions]:
        """Status -> its triggers, in precedence order."""
        return {status: getattr(self, status) for status in self.precedence}


class Sections(_Strict):
    """Heading words that say what a proposal's section is about; the buyer's own voice; the
    headings of a section that sums up the proposal."""

    buyer: tuple[str, ...]
    references: tuple[str, ...]
    company: tuple[str, ...]
    buyer_voice: tuple[str, ...]
    summary: tuple[str, ...] = ()


class Extremes(_Strict):
    """Words asking for the lowest or the highest value."""

    lowest: tuple[str, ...]
    highest: tuple[str, ...]


class Questions(_Strict):
    """How buyers ask: question words, synonym families, answer-kind cues, extremes."""

    question_words: tuple[str, ...]
    synonyms: tuple[tuple[str, ...], ...]
    answer_kinds: dict[str, tuple[str, ...]]
    extremes: Extremes
    clients: tuple[str, ...]
    yes_no: tuple[str, ...]
    platform_roles: dict[str, tuple[str, ...]]
    pointers: tuple[str, ...]
    cap_words: tuple[str, ...] = ()
    cap_measures: tuple[str, ...] = ()

    @field_validator("answer_kinds")
    @classmethod
    def _known_kinds(cls, kinds: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        from assistant.reading.mentions import KINDS

        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown mention kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
        return kinds


class Spellings(_Strict):
    """Shortened written forms of words, read as the full word on both sides of a match."""

    abbreviations: dict[str, str]
    slash_forms: dict[str, str] = {}


def _load(name: str) -> dict:
    path = LEXICON_DIR / f"{name}.yaml"
    return read_yaml(path) or {}


@cache
def organisations() -> Organisations:
    """knowledge/lexicon/organisations.yaml, validated."""
    return Organisations(**_load("organisations"))


@cache
def offer() -> Offer:
    """knowledge/lexicon/offer.yaml, validated."""
    return Offer(**_load("offer"))


@cache
def vocabulary(name: str) -> Vocabulary:
    """One vocabulary file (channels, frameworks, …), validated."""
    if name not in VOCABULARIES:
        raise KeyError(f"no vocabulary {name!r}; known: {', '.join(VOCABULARIES)}")
    return Vocabulary(**_load(name))


@cache
def units() -> Units:
    """knowledge/lexicon/units.yaml, validated."""
    return Units(**_load("units"))


@cache
def currencies() -> Currencies:
    """knowledge/lexicon/currencies.yaml, validated."""
    return Currencies(**_load("currencies"))


@cache
def assertion() -> Assertion:
    """knowledge/lexicon/assertion.yaml, validated."""
    return Assertion(**_load("assertion"))


@cache
def sections() -> Sections:
    """knowledge/lexicon/sections.yaml, validated."""
    return Sections(**_load("sections"))


@cache
def questions() -> Questions:
    """knowledge/lexicon/questions.yaml, validated."""
    return Questions(**_load("questions"))


@cache
def spellings() -> Spellings:
    """knowledge/lexicon/spellings.yaml, validated."""
    return Spellings(**_load("spellings"))


def validate_all() -> list[str]:
    """Load every lexicon file; the names of those loaded (raises on the first invalid one)."""
    loaded = []
    for loader, name in ((organisations, "organisations"), (offer, "offer"), (units, "units"),
                         (currencies, "currencies"), (assertion, "assertion"),
                         (sections, "sections"), (questions, "questions"),
                         (spellings, "spellings")):
        loader()
        loaded.append(name)
    for name in VOCABULARIES:
        vocabulary(name)
        loaded.append(name)
    return loaded


