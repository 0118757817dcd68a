"""Candidate statements for a question, and how likely each one answers it.

A candidate is described by a few features: how much of the question it says in any of the
question's words (synonyms, typos), how close it is in meaning (the embedding model), whether
it holds the kind of value asked (an amount, a duration, a language...), and whether it names
the qualifiers the question names (Spanish, chat, Monterrey) or contradicts them. A logistic
model turns the features into a probability; its weights and the abstention threshold are
fitted on the development split of the unseen eval corpus (knowledge/answer/scoring.yaml,
written by `python -m evals.calibrate`), never on the test split.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from assistant.answer.footnotes import without_marks
from assistant.answer.question import QuestionPlan
from assistant.index.keyword import KeywordIndex
from assistant.reading.mentions import Mention
from assistant.reading.statements import Statement
from assistant.resources import knowledge_dir, read_yaml
from assistant.text import terms

SCORING_PATH = knowledge_dir() / "answer" / "scoring.yaml"
FEATURES = ("coverage", "context_coverage", "similarity", "kind_present", "kind_missing",
            "qualifier_agrees", "qualifier_conflicts", "qualifier_missing", "rarest_missing",
            "absent_from_vendor", "table_cell", "scrap", "keyword", "pointer", "qualifier_shared", "lead")
# Features that describe a candidate among the vendor's others (set by `with_lead` once all are
# ranked): only the confidence model reads them, the ranking model cannot (they follow from it).
CONFIDENCE_ONLY = ("lead",)
RANKING_FEATURES = tuple(f for f in FEATURES if f not in CONFIDENCE_ONLY)
# Mentions that give a value of an asked kind besides the kind itself: a price may be a share
# of another ('60% of the FTE rate'), a KPI's name is a topic and its figure the value.
_VALUE_KINDS = {"money": ("percent", "multiplier"), "kpi": ("percent", "duration", "count", "service_level")}


@dataclass(frozen=True)
class Scoring:
    """The fitted models. `weights`/`bias` rank a vendor's candidates (the probability that a
    statement answers); `confidence`/`confidence_bias` say how likely the best of them is a
    right answer, and below `threshold` the engine says 'not stated'; a second statement is
    shown only when its probability is at least `runner_up` times the best's."""

    weights: dict[str, float]
    bias: float
    confidence: dict[str, float]
    confidence_bias: float
    threshold: float
    runner_up: float

    def probability(self, features: dict[str, float]) -> float:
        """The probability that a statement with these features answers the question."""
        return _logistic(self.bias, self.weights, features)

    def confident(self, features: dict[str, float]) -> float:
        """The probability that the best candidate, with these features, is a right answer."""
        return _logistic(self.confidence_bias, self.confidence, features)


def _logistic(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@cache
def scoring() -> Scoring:
    """knowledge/answer/scoring.yaml."""
    data = read_yaml(SCORING_PATH)
    unknown = (set(data["weights"]) | set(data["confidence"])) - set(FEATURES)
    if unknown:
        raise ValueError(f"{SCORING_PATH}: unknown features {sorted(unknown)}")
    return Scoring(dict(data["weights"]), float(data["bias"]), dict(data["confidence"]),
                   float(data["confidence_bias"]), float(data["threshold"]), float(data["runner_up"]))


@dataclass(frozen=True)
class Evidence:
    """One candidate statement, its features and its probability of answering."""

    statement: Statement
    features: dict[str, float]
    score: float
    other_case: bool = False  # about another site, language, channel or delivery model than asked
    completes: bool = False  # brought in to complete a chosen one: a cell's note, a row's cells

    @property
    def vendor(self) -> str:
        return self.statement.vendor

    @property
    def document(self) -> str:
        return self.statement.document

    @property
    def page(self) -> int:
        return self.statement.page

    @property
    def quote(self) -> str:
        return self.statement.text


def concept_weights(plan: QuestionPlan, keyword: KeywordIndex) -> list[float]:
    """Each concept's weight: how rare its most common way of being said is in the documents."""
    weights = []
    for concept in plan.concepts:
        seen = [max(keyword.idf(t) for t in variant) for variant in concept.variants
                if all(keyword.contains(t) for t in variant)]
        weights.append(min(seen) if seen else max(keyword.idf(t) for t in concept.stems))
    return weights


def features(plan: QuestionPlan, statement: Statement, similarity: float, weights: list[float],
             heading_mentions: tuple[Mention, ...], keyword: float = 0.0,
             vendor_stems: frozenset[str] = frozenset(), before: str = "") -> dict[str, float]:
    """The features of one candidate statement: how much of the question its words say
    (`coverage`) and its words with its heading's (`context_coverage`), and the rest.

    `vendor_stems` are the words of all the vendor's statements: a concept of the question
    that none of them says is a sign the proposal does not answer it. `before` is the sentence
    before it, read as its context when it goes on from it ('They are capped at 6%').
    """
    stems = frozenset(terms(statement.text))
    heading = frozenset(terms(statement.heading))
    if goes_on(statement.text):
        heading |= frozenset(terms(before))
    total = sum(weights) or 1.0
    kinds = frozenset({m.kind for m in statement.mentions} | ({"money"} if cell_amount(statement) else set()))
    covered = sum(w for c, w in zip(plan.concepts, weights, strict=True) if c.covered_by(stems, kinds))
    in_context = sum(w for c, w in zip(plan.concepts, weights, strict=True) if c.covered_by(heading | stems, kinds))
    rarest = max(zip(weights, plan.concepts, strict=True), key=lambda p: p[0])[1] if plan.concepts else None
    given = sum(gives(kind, kinds, stems | heading) for kind in plan.answer_kinds)
    present = given / len(plan.answer_kinds) if plan.answer_kinds else 0.0  # 'length and size': a share of both
    agrees, conflicts = qualifier_fit(plan.qualifiers, statement.mentions + heading_mentions)
    absent = any(not c.covered_by(vendor_stems) for c in plan.concepts) if vendor_stems else False
    return {
        "coverage": covered / total if plan.concepts else 0.0,
        "context_coverage": in_context / total if plan.concepts else 0.0,
        "similarity": similarity,
        "kind_present": present,
        "kind_missing": float(bool(plan.answer_kinds) and not given and not plan.yes_no),
        "qualifier_agrees": agrees,
        "qualifier_conflicts": conflicts,
        "qualifier_missing": 1.0 - agrees - conflicts if plan.qualifiers else 0.0,
        "rarest_missing": float(rarest is not None and not rarest.covered_by(stems | heading, kinds)),
        "absent_from_vendor": float(absent),
        "table_cell": float(statement.cell is not None),
        "scrap": float(len(statement.text.split()) < 5 and not statement.mentions),
        "keyword": keyword,
        "pointer": float(points_elsewhere(statement.text)),
        "qualifier_shared": qualifier_shared(plan.qualifiers, statement.mentions + heading_mentions),
        "lead": 0.0,
    }


def with_lead(ranked: list[Evidence]) -> list[Evidence]:
    """The candidates of one vendor, best first, each with its `lead`: how far its probability
    of answering stands above the best of the others' (below it, negative). A right answer
    tends to stand out; where the proposal is silent, several near misses score alike."""
    result = []
    for i, evidence in enumerate(ranked):
        rivals = [e.score for j, e in enumerate(ranked[:2]) if j != i]
        lead = evidence.score - (rivals[0] if rivals else 0.0)
        result.append(replace(evidence, features={**evidence.features, "lead": round(lead, 6)}))
    return result


# Words that open a sentence going on from the one before: its subject is said there.
_GOES_ON = re.compile(r"^\W*(?:(?:thereafter|then|after that|from then on|in addition|also),?\s+)?"
                      r"(?:they|it|this|these|those|such|both|each)\b", re.I)


def goes_on(text: str) -> bool:
    """Whether a sentence opens with a pronoun for what the sentence before it named ('They
    will be adjusted...', 'Thereafter it rises...')."""
    return _GOES_ON.match(text) is not None


def points_elsewhere(text: str) -> bool:
    """A statement that sends the reader to another place ('see section 13')."""
    return _pointer_pattern().search(text) is not None


@cache
def _pointer_pattern():
    import re

    from assistant.reading.lexicon import questions

    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in questions().pointers)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])|\((?:see )?(?:section|appendix|annex) [\w.]+\)", re.I)


def gives(kind: str, present: set[str], stems: frozenset[str] = frozenset()) -> bool:
    """Whether a statement gives a value of the asked kind; a share or a multiple gives a price
    only beside a word of prices ('+12% surcharge', '1.5x the rate'; not 'turnover 41%')."""
    if kind in present:
        return True
    if kind == "money" and not stems & price_stems():
        return False
    return any(k in present for k in _VALUE_KINDS.get(kind, ()))


@cache
def price_stems() -> frozenset[str]:
    """The stems of the words that ask for a price (knowledge/lexicon/questions.yaml), but for
    'how much', which asks for any quantity."""
    from assistant.reading.lexicon import questions

    return frozenset(t for cue in questions().answer_kinds["money"] if cue != "how much" for t in terms(cue))


# What follows a length of time that makes it a quantity of charges: 'of' and a few words
# ending on a word of prices ('4 months of minimum monthly billing'), or a possessive
# ("three months' fees").
_SPAN_OF = re.compile(r"^(?:\s+of(?:\s+[\w-]+){1,4}|['\u2019]s?(?:\s+[\w-]+){1,3})")


def charges_for_a_span(statement: Statement) -> bool:
    """Whether a statement prices something as a length of time's charges ('an exit fee of
    three months of service fees', 'six months' billing'); 'after 6 months of operation' is none."""
    for mention in statement.mentions:
        if mention.kind != "duration":
            continue
        after = _SPAN_OF.match(statement.text[mention.end:])
        if after and frozenset(terms(after.group())) & price_stems():
            return True
    return False


_BARE_NUMBER = re.compile(r"^\s*[+]?\d[\d.,]*(?:\s|$)")
_DECIMAL = re.compile(r"^\s*\d+[.,]\d{2}\b")


def cell_amount(statement: Statement) -> bool:
    """A table cell that is a price though no currency stands beside its number: the number
    alone, in a table whose headers or heading name a currency or a price ('Amount (USD):
    38,000', 'Rate card ... Chat: 0.68'), or a decimal amount under a unit the table is
    charged in ('per handled contact' above it)."""
    cell = statement.cell
    if cell is None or not _BARE_NUMBER.match(without_marks(cell.text)) \
            or statement.of("percent", "duration", "count"):
        return False
    context = " ".join((*cell.row_header, *cell.col_header, statement.heading))
    if frozenset(terms(context)) & price_stems() or _names_currency(context):
        return True
    return statement.unit_hint is not None and _DECIMAL.match(without_marks(cell.text)) is not None


def _names_currency(text: str) -> bool:
    """Whether a text names a currency by code, symbol or name ('USD', '€', 'pounds')."""
    from assistant.reading.lexicon import currencies

    table = currencies()
    words = set(re.findall(r"[A-Za-z]+", text))
    codes = set(table.names.values()) | set(table.symbols.values())
    if words & codes or any(symbol in text for symbol in table.symbols if not symbol.isalpha()):
        return True
    lowered = f" {text.lower()} "
    return any(f" {name} " in lowered for name in table.names)


def qualifier_fit(asked: tuple[Mention, ...], said: tuple[Mention, ...]) -> tuple[float, float]:
    """Shares of the question's qualifiers the statement names, and of those it contradicts
    (names another of the same kind and not the one asked)."""
    if not asked:
        return 0.0, 0.0
    agrees = conflicts = 0
    for qualifier in asked:
        same_kind = [m for m in said if m.kind == qualifier.kind]
        if any(_same(qualifier, m) for m in same_kind):
            agrees += 1
        elif same_kind:
            conflicts += 1
    return agrees / len(asked), conflicts / len(asked)


def qualifier_shared(asked: tuple[Mention, ...], said: tuple[Mention, ...]) -> float:
    """Share of the question's qualifiers the statement names together with another of the same
    kind: a row for 'English/Spanish' agents is less about Spanish than a row for Spanish."""
    if not asked:
        return 0.0
    shared = 0
    for qualifier in asked:
        same_kind = [m for m in said if m.kind == qualifier.kind]
        if any(_same(qualifier, m) for m in same_kind) and not all(_same(qualifier, m) for m in same_kind):
            shared += 1
    return shared / len(asked)


# The kinds of qualifier that make a case of their own: a site, a delivery model, a language, a channel.
CASE_KINDS = ("location", "delivery_model", "language", "channel")


def other_case(asked: tuple[Mention, ...], said: tuple[Mention, ...], question: str = "") -> bool:
    """Whether a statement (with its heading and row) is about another case than the question
    names: for a delivery model, language or channel asked, or a place asked as a site ('at
    the Pune centre', not 'for Quebec customers'), it names one or more of that kind and never
    the one asked ('Philippine hubs' for a question about Pune)."""
    for qualifier in asked:
        if qualifier.kind not in CASE_KINDS or qualifier.kind == "location" and not _asked_as_site(qualifier, question):
            continue
        same_kind = [m for m in said if m.kind == qualifier.kind]
        if same_kind and not any(_same(qualifier, m) for m in same_kind):
            return True
    return False


def unnamed_case(asked: tuple[Mention, ...], said: tuple[Mention, ...], mates: tuple[Mention, ...],
                 question: str = "") -> bool:
    """Whether a table cell that names no site answers for none: the question asks for one
    site, the cell (`said`: its text and heading) names none (an aggregate, a line of
    business), and the cells beside it in its row or column (`mates`) name sites, never the
    one asked ('Philippine hubs: 38%', 'Utility programmes: 31%' for a question about Pune)."""
    sites = asked_sites(asked, question)
    if not sites or any(m.kind == "location" for m in said):
        return False
    named = [m for m in mates if m.kind == "location"]
    return bool(named) and not any(_same(site, m) for site in sites for m in named)


_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|our\s+|your\s+)?([\w-]+)(?:\s+([\w-]+))?", re.I)


def counted_things(plan: QuestionPlan) -> list:
    """The concepts a 'how many ...' question counts: of the two words after 'how many', those
    that are no qualifier ('how many parking spaces' counts parking spaces; 'how many French
    agents', agents)."""
    found = _HOW_MANY.search(plan.query)
    if not found:
        return []
    words = {w.lower() for w in found.groups() if w}
    qualifiers = {q.text.lower() for q in plan.qualifiers}
    return [c for c in plan.concepts if c.surface.lower() in words and c.surface.lower() not in qualifiers]


def counts_something_else(plan: QuestionPlan, statement: Statement, before: str = "") -> bool:
    """Whether a statement, with its heading (and the sentence it goes on from), says none of
    the things a 'how many' question counts: its figure counts something else ('1,150 seats'
    for 'how many parking spaces')."""
    counted = counted_things(plan)
    if not counted:
        return False
    stems = frozenset(terms(" ".join((statement.text, statement.heading, before if goes_on(statement.text) else ""))))
    kinds = frozenset(m.kind for m in statement.mentions)
    return not any(c.covered_by(stems, kinds) for c in counted)


# A figure of answer speed ('three in four calls within 15 seconds') measures the metrics of
# answer speed.
_SPEED_METRICS = frozenset({"service level", "ASA"})


def misses_asked_metric(asked: tuple[Mention, ...], said: tuple[Mention, ...]) -> bool:
    """Whether a statement (with its heading and row) names none of the metrics the question
    asks the figure of: a question about attrition is not answered by a row of seat counts or
    a fee, however close its other words ('What is the churn at the Pune hub?' and 'Pune: 270
    agents'). A service level figure names the metrics of answer speed."""
    metrics = [q for q in asked if q.kind == "kpi"]
    if not metrics:
        return False
    named = [m for m in said if m.kind == "kpi"]
    speed = any(m.kind == "service_level" for m in said)
    return not any(any(_same(metric, m) for m in named)
                   or speed and metric.value.get("name") in _SPEED_METRICS for metric in metrics)


def whole_company_for_a_site(asked: tuple[Mention, ...], said: tuple[Mention, ...], text: str,
                             question: str) -> bool:
    """Whether a statement gives a figure for the whole vendor ('company-wide', 'across all our
    accounts') where the question asks about one site, and never names that site (or a place
    in it): the whole's figure is not the site's ('Attrition across all our centres was 30%'
    for a question about the Pune centre)."""
    sites = asked_sites(asked, question)
    if not sites or not says_whole_company(text):
        return False
    places = [m for m in said if m.kind == "location"]
    return not any(_inside(m, site) for site in sites for m in places)


def says_whole_company(text: str) -> bool:
    """Whether a text says its figure is for the whole of the vendor's operation
    ('group-wide', 'across all programmes', 'in every one of our centres', 'our entire network')."""
    return _whole_company().search(text) is not None


@cache
def _whole_company() -> re.Pattern[str]:
    """Constructions that scope a figure to the whole vendor, over the lexicon's nouns for its
    operation and the plural site words (knowledge/lexicon/locations.yaml)."""
    from assistant.reading.lexicon import vocabulary

    lexicon = vocabulary("locations")
    nouns = {*lexicon.company_units, *(w for w in lexicon.site_words if " " not in w and w.endswith("s"))}
    unit = "(?:" + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + ")"
    every = r"(?:all|every|each)(?:\s+one)?(?:\s+of)?(?:\s+(?:our|its|their|the))?"
    whole = r"(?:our|its|their|the)\s+(?:whole|entire)"
    return re.compile(
        rf"\b(?:{unit}[- ]wide|(?:across|in|for|at|over)\s+{every}\s+(?:[\w-]+\s+)?{unit}|{whole}\s+{unit})\b",
        re.I,
    )


def _inside(said: Mention, site: Mention) -> bool:
    """A place that is the site asked or lies in it (Pune for Pune; not India for Pune)."""
    name = site.value.get("name", "")
    return bool(name) and name in (said.value.get("name"), said.value.get("country"))


def asked_sites(asked: tuple[Mention, ...], question: str) -> list[Mention]:
    """The places a question asks about as delivery sites ('the Pune centre')."""
    return [q for q in asked if q.kind == "location" and _asked_as_site(q, question)]


def _asked_as_site(place: Mention, question: str) -> bool:
    """A place the question names with a word of delivery sites beside it ('the Manila site',
    'agents based in Pune', 'our Mexican hubs')."""
    window = question[max(0, place.start - 20) : place.end + 12]
    return bool(_site_words().search(window))


@cache
def _site_words() -> re.Pattern[str]:
    """The lexicon's words that make a place a delivery site (knowledge/lexicon/locations.yaml)."""
    from assistant.reading.lexicon import vocabulary

    words = sorted(vocabulary("locations").site_words, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w-])", re.I)


def _same(asked: Mention, said: Mention) -> bool:
    """One named thing: the same name, a city in the country asked, 'SOC 2' and 'SOC 2 Type II'."""
    if "name" not in asked.value and "role" in asked.value:
        return said.value.get("role") == asked.value["role"]
    a, s = asked.value.get("name", ""), said.value.get("name", "")
    if not a or not s:
        return False
    if a == s or said.value.get("country") == a or asked.value.get("country") == s:
        return True
    return asked.kind == "framework" and (s.startswith(a) or a.startswith(s))


def usable(plan: QuestionPlan, statement: Statement) -> bool:
    """Statements that may answer at all: never text aimed at AI assistants, never the buyer's
    own requirements restated, and about other clients only when the question asks about them."""
    if statement.flagged or statement.section == "buyer":
        return False
    if plan.asks_about_clients:
        return True
    if statement.section == "references":
        return False
    statuses = [m.status for m in statement.mentions]
    return not statuses or any(status != "other_client" for status in statuses)
