"""Replies that are not answers: 'why do you ask?' and side questions, cited from guidance."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from assistant.interview.plan import Question

STOPWORDS = {
    "the", "and", "for", "you", "your", "our", "what", "how", "why", "should", "can", "could",
    "does", "are", "which", "when", "who", "where", "would", "will", "with", "that", "this",
    "have", "has", "about", "into", "from", "they", "them", "there", "their", "is", "do", "we",
    "a", "an", "of", "to", "in", "on", "it", "be", "or", "as", "at", "by", "if", "i", "me",
    "my", "vendor", "vendors", "need", "best", "good", "usually", "typical",
}  # fmt: skip


class GuidanceItemLike(Protocol):
    """What the interview reads from a guidance item."""

    id: str
    title: str
    why: str
    keywords: tuple[str, ...]

    @property
    def citation_id(self) -> str: ...


class GuidanceLike(Protocol):
    """What the interview needs from the guidance base: lookup by id and iteration."""

    def get(self, item_id: str) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


def citation(item: GuidanceItemLike) -> dict[str, str]:
    """{"id": "guidance:<id>", "title": ...}."""
    return {"id": item.citation_id, "title": item.title}


def question_items(question: Question, guidance: GuidanceLike) -> list[GuidanceItemLike]:
    """The guidance items a question points at (ids missing from the base are left out)."""
    items = (guidance.get(gid) for gid in question.guidance)
    return [item for item in items if item is not None]


def explain(question: Question, guidance: GuidanceLike) -> tuple[str, list[dict[str, str]]]:
    """Why the question is asked: the plan's reason, then each guidance item's, cited."""
    items = question_items(question, guidance)
    lines = [f"I ask because {question.why[0].lower()}{question.why[1:]}"]
    lines += [f"- {item.title}: {item.why} [{item.citation_id}]" for item in items]
    return "\n".join(lines), [citation(item) for item in items]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 1}


def _score(item: GuidanceItemLike, text: str, words: set[str]) -> int:
    lowered = text.lower()
    score = sum(4 for k in item.keywords if re.search(rf"\b{re.escape(k.lower())}\b", lowered))
    score += 2 * len(words & _words(item.title))
    score += len(words & _words(" ".join(item.keywords)))
    return score


# What a question is about when it states a quantity of that kind ('Would 85/45 do?').
KIND_TOPICS = {"service_level": "service level", "hours": "opening hours", "money": "price"}


def _stated_topics(text: str) -> list[str]:
    """The topics of the quantities a question states, read by the reading layer."""
    from assistant.reading.mentions import read

    return [KIND_TOPICS[k] for k in sorted({m.kind for m in read(text)} & KIND_TOPICS.keys())]


def _on_topic(item: GuidanceItemLike, topics: list[str]) -> bool:
    named = " ".join([item.title, *item.keywords]).lower()
    return any(topic in named for topic in topics)


def search_guidance(text: str, guidance: GuidanceLike, k: int = 2) -> list[GuidanceItemLike]:
    """Guidance items whose keywords and title best match the question (keyword match); a
    quantity the question states is its subject ('Would 85/45 suit our service desk?' asks
    about the service level), so items on that topic come first."""
    topics = _stated_topics(text)
    words = _words(text)
    scored = [
        (_on_topic(item, topics), _score(item, text, words), index, item)
        for index, item in enumerate(guidance)
    ]
    scored = [s for s in scored if s[0] or s[1] >= 2]
    return [s[-1] for s in sorted(scored, key=lambda s: (-s[0], -s[1], s[2]))[:k]]


NO_GUIDANCE = "I don't have guidance on that yet, so I won't guess."


def answer_from_guidance(text: str, guidance: GuidanceLike) -> tuple[str, list[dict[str, str]]]:
    """A short answer built from the best-matching guidance items, with its sources listed, or
    an honest 'not covered'."""
    items = search_guidance(text, guidance)
    if not items:
        return NO_GUIDANCE, []
    lines = [f"You asked: \"{text.strip()}\" From our guidance:"]
    figures = {item.citation_id: _figures(item) for item in items} if _asks_figure(text) else {}
    if figures and not any(figures.values()):
        lines[0] = f"You asked: \"{text.strip()}\" Our guidance gives no figure for that; what it says:"
    lines += [
        f"- {item.title}: {item.why}{' ' + figures[item.citation_id] if figures.get(item.citation_id) else ''}"
        f" [{item.citation_id}]"
        for item in items
    ]
    return "\n".join(lines), [citation(item) for item in items]


# How a guidance item is cited inside the engine until the reply is shown: '[guidance:<id>]'.
_GUIDANCE_MARK = re.compile(r"\[(guidance:[\w.-]+)\]")
_NUMBER_MARK = re.compile(r"\[(\d+)\]")


def number_sources(
    lines: list[str], citations: list[dict[str, Any]]
) -> tuple[list[str], list[dict[str, Any]]]:
    """The buyer sees numbered markers, never internal ids: each guidance id cited in the lines
    becomes [1], [2]… (after any numbers already there), and a list of the sources by title
    ends the lines; each guidance citation gets its `marker`."""
    titles = {c["id"]: c.get("title", "") for c in citations if "id" in c}
    start = max((int(n) for line in lines for n in _NUMBER_MARK.findall(line)), default=0)
    markers: dict[str, int] = {}
    for line in lines:
        for cited in _GUIDANCE_MARK.findall(line):
            markers.setdefault(cited, start + len(markers) + 1)
    if not markers:
        return lines, citations
    numbered = [_GUIDANCE_MARK.sub(lambda m: f"[{markers[m.group(1)]}]", line) for line in lines]
    sources = "\n".join(f"[{n}] {titles.get(cited) or 'Guidance'}" for cited, n in markers.items())
    numbered.append(f"Sources:\n{sources}")
    marked = [{**c, "marker": markers[c["id"]]} if c.get("id") in markers else c for c in citations]
    return numbered, marked


def _asks_figure(text: str) -> bool:
    """Whether a question asks for a figure ('what's a typical handle time?')."""
    from assistant.interview import discourse as d

    return bool(d.find(d.words().figure_questions, text))


def _figures(item: Any) -> str:
    """The sentences of an item's details that state a figure ('Typical voice targets are
    80-88%.'), for a question that asks for one."""
    details = getattr(item, "details", None) or ""
    sentences = re.split(r"(?<=[.!?])\s+", details.strip())
    return " ".join(s for s in sentences if re.search(r"\d", s))


def answer_buyer(
    text: str, guidance: GuidanceLike, answer_question: Callable[[str], Any] | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """A buyer's question answered: by the project's answerer when there is one and it answers
    with sources, else from the guidance base (an answer without sources is no answer)."""
    if answer_question is not None:
        body, cites = ask_external(text, answer_question)
        if cites and not _abstained(answer_question, body):
            return body, cites
    return answer_from_guidance(text, guidance)


def _abstained(answer_question: Any, body: str) -> bool:
    return bool(re.search(r"\b(?:do not say|does not state|holds no proposals|no proposals)\b", body, re.I))


def ask_external(
    text: str, answer_question: Callable[[str], Any]
) -> tuple[str, list[dict[str, Any]]]:
    """Call the project's question answerer and read its result (str, dict or Answer-like)."""
    result = answer_question(text)
    if isinstance(result, str):
        return result, []
    if isinstance(result, dict):
        body = result.get("answer") or result.get("text") or result.get("reply") or ""
        return str(body), [_citation_dict(c) for c in result.get("citations", [])]
    body = getattr(result, "text", None) or getattr(result, "answer", None) or str(result)
    return str(body), [_citation_dict(c) for c in getattr(result, "citations", ())]


def _citation_dict(cite: Any) -> dict[str, Any]:
    if isinstance(cite, dict):
        return cite
    if isinstance(cite, str):
        return {"id": cite}
    if hasattr(cite, "citation_id"):
        return {"id": cite.citation_id, "title": getattr(cite, "title", "")}
    if hasattr(cite, "to_dict"):
        return dict(cite.to_dict())
    return {"id": str(cite)}
