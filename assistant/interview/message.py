"""A buyer's message as the reading layer reads it: segments, typed mentions with their
assertion status, the plan's own vocabularies, bare numbers, and each segment's roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from assistant.interview import discourse as d
from assistant.interview.discourse import Segment
from assistant.interview.plan import Plan
from assistant.interview.terms import find_plan_terms
from assistant.reading.assertion import statuses
from assistant.reading.numbers import find_numbers
from assistant.reading.quantities import find_fractions, find_quantities
from assistant.reading.vocab import KINDS, find_terms

# The plan's vocabularies that are the lexicon's, by the reading layer's mention kind.
LEXICON_KINDS = {"channel": "channels", "language": "languages", "location": "locations",
                 "framework": "frameworks", "kpi": "kpis", "platform": "platforms",
                 "pricing_model": "pricing_models"}  # fmt: skip
NOT_STATED = ("other_client", "third_party")


@dataclass(frozen=True)
class Mention:
    """One thing the message names: a reading-layer mention or a term of a plan vocabulary.

    `kind` is the reading layer's ('count', 'language', …) or 'term:<vocabulary>' for the
    plan's own; `segment` indexes Message.segments.
    """

    kind: str
    value: dict
    start: int
    end: int
    text: str
    status: str
    segment: int

    @property
    def name(self) -> str:
        """The canonical name of a vocabulary mention."""
        return str(self.value.get("name", ""))

    @property
    def stated(self) -> bool:
        """Said of the buyer's own service: affirmed, hedged, planned or conditional."""
        return self.status not in ("negated", *NOT_STATED)


@dataclass
class Role:
    """What a segment does besides stating facts."""

    question: bool = False
    acknowledgement: bool = False
    past: bool = False
    baseline: bool = False
    skip: bool = False
    confirm: bool = False
    priority: str | None = None
    given: bool = False  # the priority came from a label or a pointer, for the whole segment
    corrections: list[int] = field(default_factory=list)


class Message:
    """One buyer message, read once."""

    def __init__(self, text: str, plan: Plan) -> None:
        self.text = text
        self.plan = plan
        self.segments: list[Segment] = d.segments(text)
        self.sentences = d.sentences(text)
        self.mentions: list[Mention] = []
        for index, segment in enumerate(self.segments):
            self.mentions += _read_segment(text, segment, index, plan)
        self.roles = [self._role(i, s) for i, s in enumerate(self.segments)]
        _refused_by_pointer(self)
        _past_sentences(self)
        _give_priorities(self)

    # --- where things are

    def segment_at(self, pos: int) -> int:
        """The index of the segment holding `pos` (the last one before it otherwise)."""
        best = 0
        for index, segment in enumerate(self.segments):
            if segment.start <= pos:
                best = index
        return best

    def segment_text(self, index: int) -> str:
        """The words of one segment."""
        segment = self.segments[index]
        return self.text[segment.start : segment.end]

    def sentence_span(self, index: int) -> tuple[int, int]:
        """The sentence of a segment."""
        return self.sentences[self.segments[index].sentence]

    def label(self, index: int, max_words: int = 6) -> str:
        """The words before the first ': ' of the segment's sentence ('Languages', 'Budget')."""
        start, end = self.sentence_span(index)
        head, colon, _ = self.text[start:end].partition(":")
        return head if colon and len(head.split()) <= max_words else ""

    def is_heading(self, index: int) -> bool:
        """The segment's sentence is a heading of a few words that ends with ':' on its line
        ('Essential requirements (no exceptions):'), a list below it."""
        start, end = self.sentence_span(index)
        line = self.text[start:end].strip()
        after = self.text[end : end + 2]
        at_line_end = not after.strip(" ") or "\n" in after
        return line.endswith(":") and len(line.split()) <= 6 and at_line_end

    def of_kind(self, *kinds: str) -> list[Mention]:
        """Mentions of these kinds, in order."""
        return [m for m in self.mentions if m.kind in kinds]

    @cached_property
    def numbers(self):
        """Every number in the message (the reading layer's), digits and words."""
        return find_numbers(self.text)

    @cached_property
    def fractions(self):
        """Shares said in words ('half', 'a third'), as percentages."""
        return find_fractions(self.text)

    # --- what segments do

    def usable(self, mention: Mention) -> bool:
        """Whether a mention can answer: not in a question (unless confirmed), an anecdote or an
        acknowledgement."""
        role = self.roles[mention.segment]
        if role.question and not self._confirmed(mention.segment):
            return False
        return not (role.past or role.acknowledgement)

    def _confirmed(self, index: int) -> bool:
        """'… is 80/20 the usual standard? Let's put that down.'"""
        segment = self.segments[index]
        later = [i for i, s in enumerate(self.segments) if s.sentence == segment.sentence + 1]
        return any(self.roles[i].confirm for i in later)

    def _role(self, index: int, segment: Segment) -> Role:
        words = d.words()
        text = self.text[segment.start : segment.end]
        return Role(
            question=segment.question,
            acknowledgement=d.is_acknowledgement(text),
            past=_past(_without_founding(text)) and not _reason_after(text),
            baseline=bool(d.find(words.baseline, text)),
            skip=bool(d.find(words.skip_phrases, text)),
            confirm=bool(d.find(words.confirm, text)),
            priority=d.priority_of(text),
            corrections=d.corrects_at(self.text, segment.start, segment.end),
        )

    def only_acknowledges(self) -> bool:
        """Every segment only acknowledges ('OK, makes sense. Thanks.')."""
        return bool(self.segments) and all(r.acknowledgement for r in self.roles)


def _past(text: str) -> bool:
    """A past marker ('ago', 'last year', 'in 2019') or a wish the buyer dismisses; 'since
    last year' says since when something is so, and 'we switched from X last year' when a
    change was made: neither is an anecdote."""
    words = d.words()
    text = _SINCE.sub(" ", text)
    switch = d.pattern(words.switch_from).pattern
    if re.search(rf"(?:{switch})\s+(?:the\s+|our\s+)?[A-Z]", text):
        return False  # 'we moved off Genesys last spring': when a change was made, no story
    if _changed_until_now(text):
        return False
    return bool(d.find(words.past, text) or d.find(words.dismissed, text)) or _past_year(text)


def _changed_until_now(text: str) -> bool:
    """'we changed last year, it is Freshdesk now': a change made, then what holds now."""
    change = d.find(d.words().change_verbs, text)
    if not change:
        return False
    now = d.pattern(d.words().back_to_now)
    return any(m.start() > change[0].end() for m in now.finditer(text))


_SINCE = re.compile(r"\bsince\s+(?:last\s+\w+|(?:19|20)\d\d|\w+\s+(?:\w+\s+)?ago)\b", re.I)


def _reason_after(text: str) -> bool:
    """'drop Italian, we left that country in 2023': the first clause drops or requires
    something and is not past itself; the story after its comma is its reason."""
    head, comma, _ = text.partition(", ")
    words = d.words()
    return (
        bool(comma)
        and not _past(head)
        and not d.find(words.dismissed, text)  # '… 99% FCR, which is unrealistic'
        and bool(d.find(_present_requirement_words() + words.drop, head))
    )


def _without_founding(text: str) -> str:
    """The text without a clause of the organisation's age (', launched 18 months ago')."""
    founding = d.pattern(d.words().founding).pattern if d.words().founding else None
    if founding is None:
        return text
    return re.sub(rf",\s*(?:{founding})\b[^,;.]*", "", text, flags=re.I)


_YEAR = re.compile(r"\b(?:in|from|back in)\s+((?:19|20)\d\d)\b", re.I)


def _past_year(text: str) -> bool:
    """'in 2019': a year before this one."""
    from datetime import date

    return any(int(m.group(1)) < date.today().year for m in _YEAR.finditer(text))


# 'outside the summer rush', 'outside peak months', 'volumes outside Enrolment': a time frame,
# which negates nothing; 'I told you email 15': the buyer quotes itself, which is not about
# someone else.
_NO_TRIGGER = re.compile(
    r"\bI (?:said|told you|gave you|wrote|put)\b|\boutside\s+(?:of\s+)?(?:(?:the|our|those|these|its)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:seasons?|peaks?|periods?|months?|weeks?|term|terms|holidays?|weekends?|summer|winter|"
    r"spring|autumn|christmas|busy times)\b"
    r"|(?<=\bvolumes )outside\b|(?<=\bvolume )outside\b|(?<=\bdemand )outside\b",
    re.I,
)
_LEADING_NO = re.compile(r"\s*no\s*[,;:-]\s*", re.I)


def _read_segment(text: str, segment: Segment, index: int, plan: Plan) -> list[Mention]:
    """The reading layer's mentions of one segment and the plan's own terms, with one set of
    assertion statuses computed over all of them. A leading 'No,' that corrects ('No, two
    years') is no negation of what follows."""
    lead = _LEADING_NO.match(text, segment.start, segment.end)
    if lead:
        segment = Segment(lead.end(), segment.end, segment.sentence, segment.question)
    piece = text[segment.start : segment.end]
    found: list[tuple[str, dict, int, int, str]] = [
        (q.kind, q.value, q.start, q.end, q.text) for q in find_quantities(piece)
    ]
    for term in find_terms(piece, tuple(KINDS)):
        if not any(s < term.end and term.start < e for _, _, s, e, _ in found):
            found.append((term.kind, term.value, term.start, term.end, term.text))
    for vocabulary, hit in find_plan_terms(piece, plan):
        if _focus_adverb(piece, hit.start, hit.end):
            continue
        found.append(
            (
                f"term:{vocabulary}",
                {"name": hit.name},
                hit.start,
                hit.end,
                piece[hit.start : hit.end],
            )
        )
    found.sort(key=lambda f: f[2])
    states = statuses(
        _NO_TRIGGER.sub(lambda m: " " * len(m.group(0)), piece),
        [(s, e) for _, _, s, e, _ in found],
        kinds=[k for k, *_ in found],
    )
    states = [
        _own_clause(piece, s, e, state)
        if state == "other_client" or (state == "negated" and _says_itself(piece, s, e))
        else state
        for (_, _, s, e, _), state in zip(found, states, strict=True)
    ]
    return [
        Mention(kind, value, segment.start + s, segment.start + e, t, state, index)
        for (kind, value, s, e, t), state in zip(found, states, strict=True)
    ]


_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)-]|$)")


def _focus_adverb(piece: str, start: int, end: int) -> bool:
    """'either' closing a clause after other words ('nearshore isn't acceptable either') is
    the adverb of a negation, not the answer 'either'."""
    if piece[start:end].lower() != "either" or not _CLAUSE_END.match(piece, end):
        return False
    left = max([m.end() for m in _CLAUSE.finditer(piece, 0, start)], default=0)
    return bool(piece[left:start].strip())


# A sentence whose subject only points back ('I fear this could be hard to fund', 'That
# won't work'), after an opening of opinion at most, and which names nothing itself. ('It'
# is left out: it is mostly a dummy subject, 'it is too early to say'.)
_POINTER_SUBJECT = re.compile(
    r"\W*(?:(?:i\s+think|i\s+fear|i'm\s+afraid|i\s+am\s+afraid|i\s+suspect|honestly|frankly)"
    r",?\s+)?(?:that|this)\s+(?=\S)",
    re.I,
)


def _refused_by_pointer(message: Message) -> None:
    """'Weekend cover from Lisbon... I fear this might be problematic': a sentence naming nothing,
    whose subject points back, and whose predicate the reading layer reads as a denial, denies
    what the last segment of the sentence before it named."""
    for number, (start, end) in enumerate(message.sentences):
        if number == 0 or any(start <= m.start < end for m in message.mentions):
            continue
        opening = _POINTER_SUBJECT.match(message.text, start, end)
        if opening is None:
            continue
        before = [m for m in message.mentions if message.segments[m.segment].sentence == number - 1]
        if not before:
            continue
        last = [m for m in before if m.segment == before[-1].segment and m.status == "affirmed"]
        predicate = message.text[opening.end() : end]
        for m in last:
            if statuses(f"{m.text} {predicate}", [(0, len(m.text))])[0] == "negated":
                message.mentions[message.mentions.index(m)] = replace(m, status="negated")


def _past_sentences(message: Message) -> None:
    """An anecdote is a sentence: one past marker makes all of it a side remark ('My
    predecessor tried outsourcing in 2019: …, and it lasted eight months'), but for a
    requirement stated before the story and a consequence drawn after it."""
    first: dict[int, int] = {}
    for index, (segment, role) in enumerate(zip(message.segments, message.roles, strict=True)):
        if role.past:
            first.setdefault(segment.sentence, index)
    for index, (segment, role) in enumerate(zip(message.segments, message.roles, strict=True)):
        if role.past or segment.sentence not in first:
            continue
        if index < first[segment.sentence]:
            role.past = not _requirement(message.text, segment)
        else:
            role.past = not (
                _consequence(message.text, segment, role) or _back_to_now(message.text, segment)
            )


def _requirement(text: str, segment: Segment) -> bool:
    """A segment that says what is required or drops an item ('Tenant data has to stay in the
    EU - we had the regulator on to us once', 'drop PL, we sold that business last year'): the story
    after it is its reason, not its frame."""
    piece = text[segment.start : segment.end]
    return bool(d.find(_present_requirement_words() + d.words().drop, piece))


def _present_requirement_words() -> tuple[str, ...]:
    """Requirement words that are not themselves past ('we needed 300 agents - in 2019')."""
    return tuple(w for w in d.words().requirement_words if w not in ("needed", "wanted"))


def _consequence(text: str, segment: Segment, role: Role) -> bool:
    """A segment that draws a requirement from the story before it ('… disaster - so
    termination for convenience is a must'): it opens with 'so' ('which is why', …), has no
    past marker of its own and says what is required."""
    piece = text[segment.start : segment.end]
    opens = d.pattern(d.words().consequence).match(piece.lstrip())
    return bool(opens) and not role.past and _requirement(text, segment)


def _back_to_now(text: str, segment: Segment) -> bool:
    """A clause after the story that opens with 'now' ('today', 'these days') and has no
    past marker of its own: the buyer is back to the present."""
    piece = text[segment.start : segment.end]
    words = d.pattern(d.words().back_to_now).pattern
    opens = re.match(rf"\W*(?:(?:and|but|so)\s+)?(?:{words})\b", piece, re.I)
    return bool(opens) and not _past(piece)


_CLAUSE = re.compile(r"[,;]\s*")


_OWN_VERB = re.compile(
    r"\b(?:is|are|was|were|be|needed|required|essential|mandatory|matters?|stays?|wanted)\b", re.I
)


def _says_itself(piece: str, start: int, end: int) -> bool:
    """A clause after a comma with a verb of its own ('French is not required, English and
    Spanish are'): a negation before the comma does not reach it."""
    left = max([m.end() for m in _CLAUSE.finditer(piece, 0, start)], default=0)
    right = next((m.start() for m in _CLAUSE.finditer(piece, end)), len(piece))
    return left > 0 and bool(_OWN_VERB.search(piece, left, right))


def _own_clause(piece: str, start: int, end: int, state: str) -> str:
    """A buyer speaks of its own service: 'about another client' holds only where the clause
    itself says so ('not someone who is also answering for a car-hire firm' leaves 'I'd want a
    dedicated team' affirmed)."""
    left = max([m.end() for m in _CLAUSE.finditer(piece, 0, start)], default=0)
    right = next((m.start() for m in _CLAUSE.finditer(piece, end)), len(piece))
    clause = piece[left:right]
    if left == 0 and _SELF_DESCRIPTION.match(clause):
        # A reply that opens 'a regional retail bank' says who the buyer is (in a proposal the
        # same words open a case study): read it as 'We are a regional retail bank'.
        clause, left = "We are " + clause, left - len("We are ")
    return statuses(clause, [(start - left, end - left)])[0]


def _under_heading(text: str, heading: tuple[str | None, int], start: int) -> str | None:
    """The priority of a heading line ('Essential requirements (no exceptions):') for the lines
    of the list under it, up to a blank line."""
    priority, at = heading
    if priority is None or at >= start or re.search(r"\n\s*\n", text[at:start]):
        return None
    return priority


_SELF_DESCRIPTION = re.compile(r"\s*(?:an?|one)\s", re.I)


def _give_priorities(message: Message) -> None:
    """A pointer segment ('That's essential.') gives its priority to the segment before it;
    a label ('Essential: …', 'This one is mandatory …: …') to the rest of its sentence and to
    the sentences that follow it after a ';' (a list under one label); a segment's own words
    come first."""
    words = d.words()
    roles, segments = message.roles, message.segments
    for i, role in enumerate(roles):
        text = message.segment_text(i)
        if role.priority and d.is_pointer(text, words.must + words.nice) and i > 0:
            if roles[i - 1].priority is None or not roles[i - 1].given:
                roles[i - 1].priority, roles[i - 1].given = role.priority, True
            role.priority = None
    carried, label_end = None, 0
    heading: tuple[str | None, int] = (None, 0)
    for i, segment in enumerate(segments):
        start = message.sentence_span(i)[0]
        if i == 0 or segments[i - 1].sentence != segment.sentence:
            if not message.text[:start].rstrip().endswith(";"):
                carried = _under_heading(message.text, heading, start)
            if message.is_heading(i):
                heading = (d.priority_of(message.text[slice(*message.sentence_span(i))]), start)
            label = message.label(i, max_words=14)
            lead = d.priority_of(label) if label else None
            carried = lead or carried
            label_end = start + len(label) if lead else start
        if carried and segment.start >= label_end and roles[i].priority is None:
            roles[i].priority, roles[i].given = carried, True
