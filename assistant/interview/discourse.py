"""How a buyer's message is built: sentences and segments, and what each segment does besides
stating facts (asks back, acknowledges, skips, corrects, sets a priority, tells an anecdote).

The words are data (knowledge/interview/discourse.yaml); this module only finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict

from assistant.resources import knowledge_dir, read_yaml

DISCOURSE_PATH = knowledge_dir() / "interview" / "discourse.yaml"

Span = tuple[int, int]


class Discourse(BaseModel):
    """The discourse words (see discourse.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    acknowledgements: tuple[str, ...]
    skip_commands: tuple[str, ...]
    back_commands: tuple[str, ...]
    summary_commands: tuple[str, ...]
    start_commands: tuple[str, ...]
    skip_phrases: tuple[str, ...]
    deferral_times: tuple[str, ...] = ()
    corrections: tuple[str, ...]
    no_corrections: tuple[str, ...]
    rather_than: tuple[str, ...]
    must: tuple[str, ...]
    nice: tuple[str, ...]
    pointers: tuple[str, ...]
    past: tuple[str, ...]
    dismissed: tuple[str, ...] = ()
    founding: tuple[str, ...] = ()
    consequence: tuple[str, ...] = ()
    back_to_now: tuple[str, ...] = ()
    inability: tuple[str, ...] = ()
    baseline: tuple[str, ...]
    confirm: tuple[str, ...]
    drop: tuple[str, ...]
    switch_from: tuple[str, ...] = ()
    change_verbs: tuple[str, ...] = ()
    only: tuple[str, ...]
    requirement_words: tuple[str, ...]
    filler_words: tuple[str, ...]
    question_openers: tuple[str, ...]
    why: tuple[str, ...]
    figure_questions: tuple[str, ...] = ()
    talk_verbs: tuple[str, ...] = ()
    clause_words: tuple[str, ...] = ()
    gloss_openers: tuple[str, ...] = ()
    staff_words: tuple[str, ...] = ()
    not_prohibitions: tuple[str, ...] = ()
    contact_nouns: tuple[str, ...] = ()


@cache
def words() -> Discourse:
    """knowledge/interview/discourse.yaml, validated."""
    return Discourse(**read_yaml(DISCOURSE_PATH))


@cache
def pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word alternation of phrases, longest first, spaces and hyphens flexible."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"[\s-]+".join(re.escape(p) for p in phrase.split())
        body = body.replace("'", "['’]")
        lead = r"(?<![\w'’])" if phrase[:1].isalnum() else ""
        tail = r"(?![\w'’])" if phrase[-1:].isalnum() else ""
        parts.append(f"{lead}{body}{tail}")
    return re.compile("|".join(parts), re.I)


def find(
    phrases: tuple[str, ...], text: str, start: int = 0, end: int | None = None
) -> list[re.Match]:
    """Every phrase of the list in text[start:end]."""
    return list(pattern(phrases).finditer(text, start, len(text) if end is None else end))


def whole(phrases: tuple[str, ...], text: str) -> bool:
    """Whether the text is one of the phrases (trailing punctuation aside)."""
    return bool(pattern(phrases).fullmatch(text.strip().strip(".!?,;: ")))


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|[;\n]+|(?<=[!?])\s+")
# A terse writer's lower-case sentence ('under 60s. email within 4 hrs'), not one after an
# abbreviation ('e.g. chat', 'approx. half').
_LOWER_START = re.compile(r"(?<=[\w)])\.\s+(?=[a-z])")
_ABBREVIATIONS = {"eg", "ie", "etc", "vs", "cf", "ca", "c", "no", "nr", "esp", "est", "avg",
                  "min", "max", "incl", "approx", "dept", "mr", "mrs", "ms", "dr", "st"}  # fmt: skip
_SEGMENT_BREAK = re.compile(
    r":\s+|\s+[-–—]\s+|,\s+(?=(?:and|but|so|only|while|whereas|although|though)\b)"
)
_CLAUSE_BREAK = re.compile(r",(?!\d{3})\s*|[()]\s*|\s+(?:but|while|whereas|although)\s+", re.I)


@dataclass(frozen=True)
class Segment:
    """A stretch of one sentence that is read on its own; `question` when its sentence asks."""

    start: int
    end: int
    sentence: int
    question: bool


def _pieces(text: str, breaks: re.Pattern[str], start: int, end: int) -> list[Span]:
    spans, at = [], start
    for m in breaks.finditer(text, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    return [(s, e) for s, e in spans if text[s:e].strip(" ,.;:-")]


def sentences(text: str) -> list[Span]:
    """(start, end) of each sentence (a ';' or a line break also ends one)."""
    out = []
    for start, end in _pieces(text, _SENTENCE_END, 0, len(text)):
        at = start
        for m in _LOWER_START.finditer(text, start, end):
            word = re.search(r"[\w.]*$", text[at : m.start()]).group(0).lower()
            if word in _ABBREVIATIONS or len(word) < 2 or "." in word:
                continue
            out.append((at, m.start() + 1))
            at = m.end()
        out.append((at, end))
    return [(s, e) for s, e in out if text[s:e].strip(" ,.;:-")]


def segments(text: str) -> list[Segment]:
    """Each sentence cut at ': ', ' - ' and ', and' / ', but' (where a scope of negation or
    priority ends); a segment of a sentence that asks is a question."""
    found = []
    for index, (start, end) in enumerate(sentences(text)):
        asks = asks_back(text[start:end])
        for s, e in _pieces(text, _SEGMENT_BREAK, start, end):
            found.append(Segment(s, e, index, asks))
    return found


def clause_of(text: str, pos: int, segment: Segment) -> Span:
    """The comma-separated clause of a segment that holds `pos`."""
    for s, e in _pieces(text, _CLAUSE_BREAK, segment.start, segment.end):
        if s <= pos < e or (pos == e):
            return s, e
    return segment.start, segment.end


def is_acknowledgement(text: str) -> bool:
    """'OK, makes sense.', 'Thanks, that's reassuring.': nothing but acknowledgements."""
    rest = pattern(words().acknowledgements).sub(" ", text)
    return bool(text.strip()) and not re.search(r"\w", rest)


def is_pointer(text: str, keep: tuple[str, ...]) -> bool:
    """Whether a segment is only a pointer back and words of `keep` ('That's essential.')."""
    rest = pattern(keep).sub(" ", text)
    rest = pattern(words().pointers).sub(" ", rest)
    rest = re.sub(
        r"\b(?:is|are|'s|’s|was|one|part|too|also|really|absolutely|very|of course|for|"
        r"tier \d|us|me|a|the)\b",
        " ",
        rest,
        flags=re.I,
    )
    return bool(find(keep, text)) and not re.search(r"[a-z]{3,}", rest, re.I)


def priority_of(text: str) -> str | None:
    """'must' or 'nice' from the segment's words; nice-to-have wins where both appear
    ('nice to have, not essential')."""
    if find(words().nice, text):
        return "nice"
    return "must" if find(words().must, text) else None


def corrects_at(text: str, start: int, end: int) -> list[int]:
    """Where correction markers stand in text[start:end] ('sorry', 'actually', 'no,')."""
    marks = [m.start() for m in find(words().corrections, text, start, end)]
    marks += [m.start() for m in find(words().no_corrections, text, start, end)]
    return sorted(marks)


_REASON = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|hang on|wait)\W+)?(?:why|how\s+come)\s+"
    r"(?:do|does|did|would|should|is|are|must|will|can)\b",
    re.I,
)


def about_the_talk(segment: str) -> bool:
    """Whether a segment only says what the speaker will do in the conversation ('Hold on, I
    need to correct that.', 'Let me check with finance.'): no requirement on the vendor."""
    verbs = pattern(words().talk_verbs).pattern
    return bool(re.fullmatch(
        r"\W*(?:(?:hold on|hang on|wait|sorry|oh|ok|okay|actually|right|so|um+|er+)\W+)*"
        rf"(?:i|let me|i'll|i'd|i will|i must|i should)\s+(?:\w+\s+){{0,3}}?(?:{verbs})"
        r"(?:\s+(?:that|this|it|something|one thing|myself|the\s+\w+|my\s+\w+|"
        r"(?:with|on|about|to)\s+(?:\w+\s*){1,3}))?"
        # what it points back to ('the figure I gave you before')
        r"(?:\s+(?:that\s+)?(?:i|we)\s+(?:said|told you|mentioned|gave you|wrote)"
        r"(?:\s+(?:earlier|before|above|just now|last time))?)?\W*",
        segment.strip(), re.I,
    ))


def asks_why(sentence: str) -> bool:
    """Whether the sentence asks the reason for a question: the listed phrasings, or 'why'
    with a verb after it, with or without a '?' ('why do you want our CRM's name')."""
    return bool(find(words().why, sentence) or _REASON.match(sentence))


def asks_back(sentence: str) -> bool:
    """A sentence that ends in '?' and opens like a question (after any label: 'Before I go
    any further: what do charities outsource?'), or one that asks why; 'About 60k a month?'
    is an unsure answer."""
    sentence = sentence.strip().rstrip(" \"')")
    if asks_why(sentence):
        return True
    if not sentence.endswith("?"):
        return False
    head = re.split(r":\s+|,\s+(?=\w+\s+(?:is|are|do|does|would|should|can|could)\b)", sentence)
    return any(opens_question(part) for part in head) or bool(
        re.search(
            r"\b(?:is|are|do|does|would|should|can|could|will)\s+(?:it|that|this|there|they|you|we|vendors?)\b",
            sentence,
            re.I,
        )
    )


_CONTRACTION = re.compile(r"^(\w+)['’](?:s|re|d|ll|ve)\b", re.I)


def opens_question(text: str) -> bool:
    """Whether the text opens like a question ('what', 'how', 'should', ...), its opener
    contracted or not ("what's", "how's", "who'd")."""
    text = _CONTRACTION.sub(r"\1", text.strip())
    return bool(re.match(pattern(words().question_openers).pattern, text, re.I))
