"""Trigger phrases and clause boundaries of one sentence: the ConText termsets of
knowledge/lexicon/assertion.yaml compiled, pseudo-triggers masked, overlaps resolved, and the
places where a scope ends (clause breaks, terminators, commas that start a new clause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.reading.lexicon import assertion, organisations

_CLITIC = re.compile(r"n['’]t$", re.I)  # 'n't' joins any auxiliary: can't, couldn't, mustn't
_ANNOUNCER = re.compile(
    r"\b(?:following|these|those|below|follows|namely|include|includes|including|are|is)\b", re.I
)


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase found in a sentence."""

    status: str
    direction: str  # forward | backward | both | sentence
    start: int
    end: int
    text: str


def _phrase_parts(phrase: str, nouns: tuple[str, ...]) -> tuple[str, str, str]:
    """A termset phrase as a pattern in three parts: what must stand before it (a word edge or
    the sentence start), the words, and the word edge after it."""
    words = []
    parts = phrase.split()
    for at, word in enumerate(parts):
        if _NEGATION_WORD.search(word) and at + 1 < len(parts) and parts[at + 1] not in _adverbs():
            # 'is not offered' reads 'is not presently offered' too
            words.append(re.escape(word).replace("'", "['’]") + rf"(?:\s+(?:{_adverbs_pattern()}))?")
        elif word == "*":
            words.append(r"[\w'’-]+")
        elif word == "#":
            words.append(r"\d[\d.,]*")  # a numeral ('No. 1')
        elif word in ("CLIENT", "CLIENTS", "CLIENT's"):
            forms = tuple(f"{n}s" for n in nouns) if word == "CLIENTS" else nouns
            words.append(
                "(?:" + "|".join(re.escape(n) for n in sorted(forms, key=len, reverse=True)) + ")"
                + ("['’]s" if word == "CLIENT's" else "")
            )
        else:
            words.append(re.escape(word).replace(r"\-", r"[\s-]").replace("'", "['’]"))
    anchored = phrase.startswith("^")
    if anchored:
        words[0] = words[0].replace(r"\^", "", 1)
    body = r"[\s-]+".join(words)
    first, last = phrase.lstrip("^").split()[0], phrase.split()[-1]
    lead = (
        r"(?<![\w-])(?<!\w['’])"  # a quote may open the phrase ("ISO 22301 'in progress'")
        if (first[:1].isalnum() or first == "*") and not _CLITIC.match(first)
        else ""
    )
    if anchored:
        lead = r"^\W*"
    elif first == "will":
        # 'will' is also the contracted "'ll" after its subject ("we'll sign", "it'll open")
        lead, words[0] = "", r"(?:(?<![\w-])will|(?<=\w)['’]ll)"
        body = r"[\s-]+".join(words)
    tail = r"(?![\w-])(?!['’]\w)" if last[-1:].isalnum() or last == "*" else ""
    return lead, body, tail


def _alternation(phrases, nouns: tuple[str, ...] = (), longest_first: bool = True) -> str:
    """Phrases as one pattern, the longer first; phrases with the same edges share them
    (edge, then 'a b' or 'c', then edge), so each place in a sentence tests its edge once,
    not once a phrase: the same matches, several times faster on the termsets."""
    ordered = sorted(phrases, key=len, reverse=True) if longest_first else phrases
    groups: dict[tuple[str, str], list[str]] = {}
    for phrase in ordered:
        lead, body, tail = _phrase_parts(phrase, nouns)
        groups.setdefault((lead, tail), []).append(body)
    return "|".join(
        f"{lead}(?:{'|'.join(bodies)}){tail}" for (lead, tail), bodies in groups.items()
    )


_NEGATION_WORD = re.compile(r"^(?:not|never)$|n't$", re.I)


@cache
def _adverbs() -> frozenset[str]:
    return frozenset(assertion().negation_adverbs)


@cache
def _adverbs_pattern() -> str:
    return "|".join(re.escape(w) for w in sorted(_adverbs(), key=len, reverse=True))


_DIRECTIONS = ("forward", "backward", "both", "sentence", "short", "predicate", "subject")


@cache
def _patterns():
    lex = assertion()
    nouns = lex.client_nouns
    alternation = lambda phrases: _alternation(phrases, nouns)  # noqa: E731
    pseudo = re.compile(alternation(lex.pseudo), re.I)
    triggers = []
    for status, directions in lex.triggers().items():
        for direction in _DIRECTIONS:
            phrases = getattr(directions, direction)
            if phrases:
                triggers.append(
                    (status, direction, re.compile(alternation(phrases), re.I), _anchors(phrases))
                )
    terminators = re.compile(alternation(lex.terminators), re.I)
    marks = "".join(re.escape(c) for c in lex.clause_breaks)
    clause_end = re.compile(rf"[{marks}]|\.(?=\s+[A-Z])|\.\s*$")
    joins = re.compile(
        "|".join(re.escape(j).replace(r"\ ", r"\s+") + r"(?![\w])" for j in lex.clause_joins), re.I
    )
    return pseudo, triggers, terminators, clause_end, joins


@cache
def word_class(name: str) -> re.Pattern:
    """One of the lexicon's word lists (`negative_verbs`, `revivals`, `lapses`, `restrictives`,
    `trouble_nouns`, `comparatives`) as a pattern; a restrictive or a trouble follows a
    mention (a trouble perhaps one word on)."""
    phrases = getattr(assertion(), name)
    body = _alternation(phrases)
    if name == "denial_complements":
        return re.compile(rf"{denial_adverbs()}(?:{body}|[.!?]*\s*$)", re.I)
    if name == "trouble_nouns":
        return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{body})", re.I)
    return re.compile(rf"\s*(?:{body})" if name == "restrictives" else body, re.I)


@cache
def figures_only(trigger: Trigger) -> str:
    """'usual' for an adverb of what is usual ('typically'), which hedges figures only; 'aim'
    for an aim of one's own ('we target'), which hedges figures and the KPIs they measure; ''
    for any other trigger."""
    if trigger.status != "hedged":
        return ""
    if word_class("usual_adverbs").fullmatch(trigger.text):
        return "usual"
    return "aim" if _aim().fullmatch(trigger.text) or _AIMED_PASSIVE.fullmatch(trigger.text) else ""


# 'a CSAT of at least 90% is targeted': the figure before is aimed at
_AIMED_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:targeted|aimed\s+for)\b", re.I)


@cache
def _aim() -> re.Pattern:
    """'we target', 'I aim for': an aim of one's own (`aim_verbs`)."""
    return re.compile(
        rf"\b(?:we|i)(?:\s+are|\s+am|['’]re|['’]m)?\s+(?:also\s+)?(?:{_alternation(assertion().aim_verbs)})",
        re.I,
    )


@cache
def denial_adverbs() -> str:
    """A pattern for the words that may stand between a negation and what it denies ('not
    presently supported', 'not yet staffed'), each followed by space; perhaps none."""
    lex = assertion()
    words = "|".join(
        re.escape(w) for w in sorted(lex.denial_adverbs + lex.negation_adverbs, key=len, reverse=True)
    )
    return rf"\s*(?:(?:{words})\s+){{0,2}}"


def _anchors(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Lower-case literal first words, one of which a match of any phrase contains; () when a
    phrase starts with a wildcard or a noun class (then the pattern always runs)."""
    anchors = set()
    for phrase in phrases:
        first = re.split(r"[\s'’-]", phrase.lstrip("^").lower(), maxsplit=1)[0]
        if not first or first == "*" or first.startswith("client") or not re.search(r"\w", first):
            return ()
        anchors.add(first)
    return tuple(anchors)


def find_triggers(text: str) -> list[Trigger]:
    """The triggers of a sentence, pseudo-triggers masked, the longer of two overlapping kept."""
    pseudo, patterns, *_ = _patterns()
    masked = [(m.start(), m.end()) for m in pseudo.finditer(text)]
    found = []
    lowered = text.lower()
    for status, direction, pattern, anchors in patterns:
        if anchors and not any(a in lowered for a in anchors):
            continue
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in masked):
                found.append(Trigger(status, direction, m.start(), m.end(), m.group(0)))
    # A negation of a harm goes, and with it a negative word that names the harm ("we don't
    # lack Spanish speakers", "we haven't stopped offering Welsh").
    harms = [(t.start, e) for t in found if t.status == "negated" and (e := _harm_end(text, t))]
    found = [
        t for t in found if not (t.status == "negated" and any(s <= t.start < e for s, e in harms))
    ]
    found = [
        t
        for t in found
        if not _document_speaks(text, t) and not _kin_company(t) and not _client_compound(text, t)
    ]
    # "we're the leading CX partner in Leeds": the vendor names itself; no third party
    found = [
        t for t in found if not (t.status == "third_party" and _SELF_DESCRIBED.search(text, 0, t.start))
    ]
    found = [t for t in found if not (t.status == "negated" and _measured_change(text, t))]
    # 'no data may leave the UK': after a negative subject 'may' forbids; it doubts nothing
    found = [
        t for t in found if not (t.status == "hedged" and _FORBIDDING_MAY.search(text, 0, t.end))
    ]
    # 'Bidders may propose Cardiff or Swansea': 'may' after the parties an invitation addresses
    # permits; it doubts nothing ('the Supplier may, at its discretion, …' stays a doubt)
    found = [
        t for t in found if not (t.status == "hedged" and _PERMITTING_MAY.search(text, 0, t.end))
    ]
    # an answer option ('Comply / Partially / Not comply', 'Yes / No') states nothing
    found = [t for t in found if not (t.status == "negated" and _option(text, t))]
    # 'unable to confirm whether …', 'could not confirm that …': not known, not denied
    found = [
        Trigger("hedged", t.direction, t.start, t.end, t.text)
        if t.status == "negated" and _UNKNOWN.match(text, t.end)
        else Trigger("hedged", "both", t.start, t.end, t.text)
        if t.status == "negated" and _UNPROMISED.match(text, t.end)
        else t
        for t in found
    ]
    found += [
        Trigger("negated", "short", m.start(), m.end("verb"), m.group("verb"))
        for m in _set_aside().finditer(text)
    ]
    found += [
        Trigger("planned", "subject", m.start(), m.end("predicate"), m.group("predicate"))
        for m in _expected_arrival().finditer(text)
    ]
    found += [
        Trigger("planned", "subject", m.start(), m.end(), m.group(0))
        for m in _scheduled_opening().finditer(text)
    ]
    found += [
        Trigger("planned", "forward", m.start(), m.end(), m.group(0))
        for m in _site_opening().finditer(text)
    ]
    found += [
        Trigger("conditional", "both", m.start(), m.end(), m.group(0))
        for m in _at_a_premium().finditer(text)
        if not m.group("where")
    ]
    found += [
        # 'available from Cebu at extra cost': the predicate and 'at', the place between them
        # in the reach of 'at'
        Trigger("conditional", "both", start, end, text[start:end])
        for m in _at_a_premium().finditer(text)
        if m.group("where")
        for start, end in ((m.start(), m.start("where")), (m.start("at"), m.end()))
    ]
    # 'back-office work may be performed in Kraków': a passive after a modal of possibility
    # allows or supposes its subject, and 'Sunday cover should be doable' only likely judges
    # it; neither states anything firm
    found += [
        Trigger("hedged", "subject", m.start("passive"), m.end(), m.group("passive"))
        for pattern in (_POSSIBLE_PASSIVE, _LIKELY_FEASIBLE)
        for m in pattern.finditer(text)
        # not after a negative subject ('no data may be stored …'), nor after an aside that
        # closes with a comma ('No part of it, including email, may be …')
        if not _FORBIDDING_MAY.search(text, 0, m.end("modal"))
        and not text[: m.start("modal")].rstrip().endswith(",")
    ]
    # 'Spanish is going to be offered from May': a passive future with 'going to' before a time
    # ahead plans its subject ('is not going to be' denies it, and is no match)
    found += [
        Trigger("planned", "subject", m.start(), m.end("passive"), m.group("passive"))
        for m in _going_to_passive_ahead().finditer(text)
    ]
    # 'onboarding typically takes eight weeks', 'we target 80/20': a norm or an aim; the statuses
    # keep it to figures
    found += [
        Trigger("hedged", "forward", m.start(), m.end(), m.group(0))
        for m in word_class("usual_adverbs").finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in masked)  # 'generally available'
    ]
    # 'we anticipate a SOC 2 report by mid-2027': an expectation of one's own with a time ahead
    found += [
        Trigger("planned", "forward", m.start("verb"), m.end(), m.group("verb"))
        for m in _EXPECTED_BY.finditer(text)
    ]
    # 'at no additional cost for contracts of 12 months or more': a minimum length conditions
    # its clause
    for m in _minimum_term().finditer(text):
        # the words before the length look back on what is offered, its bound on the length
        found.append(Trigger("conditional", "backward", m.start(), m.end("head"), m.group("head")))
        found.append(Trigger("conditional", "backward", *m.span("bound"), m.group("bound")))
    # 'up to 150 extra seats, given six weeks' notice': an offer that stands on notice given
    for m in _GIVEN_NOTICE.finditer(text):
        found.append(Trigger("conditional", "backward", *m.span("given"), m.group("given")))
        found.append(Trigger("conditional", "backward", *m.span("notice"), m.group("notice")))
    # 'credits of up to 10% where 80/20 is missed': a case of failure is a condition
    found += [
        Trigger("conditional", "both", *m.span("case"), m.group("case"))
        for m in _MISSED_CASE.finditer(text)
    ]
    # 'sat 9-1 maybe, later in the yr', 'chat maybe': a doubt closing its clause looks back
    found += [
        Trigger("hedged", "backward", *m.span("doubt"), m.group("doubt"))
        for m in _TRAILING_DOUBT.finditer(text)
        if not _lists_before(text, m.start("doubt"))  # 'Spanish, and German perhaps': German's
    ]
    # 'once the Leeds site reaches 150 FTE, …': the figure to be reached is a threshold
    found += [
        Trigger("conditional", "short", *m.span("verb"), m.group("verb"))
        for m in _THRESHOLD_REACHED.finditer(text)
    ]
    # '30 additional seats available from Q2 2027': offered only from a time ahead, so planned
    found += [
        Trigger("planned", "subject", m.start(), m.end(), m.group(0))
        for m in _AVAILABLE_FROM_AHEAD.finditer(text)
        if not _PAST_BEFORE.search(text, 0, m.start())
    ]
    # 'a second site would be opened should volumes pass 15,000 calls': 'should' before its
    # subject is 'if'
    found += [
        Trigger("conditional", "both", *m.span("should"), m.group("should"))
        for m in _INVERTED_SHOULD.finditer(text)
    ]
    # a row's last cell that dates an opening ('Site | Medellín | 180 seats | Opening Q3'):
    # the row is a plan
    found += [
        Trigger("planned", "sentence", m.start(), m.end(), m.group(0))
        for m in _OPENING_CELL.finditer(text)
    ]
    # 'we can support Dutch only from Q2': not before a time ahead, so planned (not in a clause
    # that speaks of the past: 'we have offered chat only from March')
    found += [
        Trigger("planned", "both", m.start(), m.end(), m.group(0))
        for m in _ONLY_FROM_AHEAD.finditer(text)
        if not _PAST_BEFORE.search(text, 0, m.start())
    ]
    served = _served_story().match(text)
    if served:
        found.append(Trigger("other_client", "sentence", *served.span(), served.group(0)))
    quoted = _ATTRIBUTED_QUOTE.match(text)
    if quoted:
        start, end = quoted.span(1)
        found.append(Trigger("other_client", "sentence", start, end, quoted.group(1)))
    story = _story().search(text)
    if story and any(story.group(g) for g in ("client", "own", "us", "head")):
        found.append(
            Trigger("other_client", "sentence", story.start(), story.end(), story.group(0))
        )
    found += [
        Trigger("other_client", "forward", m.start(), m.end(), m.group(0))
        for m in _apposition().finditer(text)
    ]
    # 'ISO 27001 will not be held by the Lisbon site': a passive denied by a negation before it
    # ('will not be', as 'is not held by') names an agent that does not do it; no third party
    adverbs = re.compile(denial_adverbs() + r"$", re.I)
    denied_ends = [t.end for t in found if t.status == "negated"]
    found = [
        t
        for t in found
        if not (
            t.status == "third_party"
            and any(e <= t.start and adverbs.match(text, e, t.start) for e in denied_ends)
        )
    ]
    order = assertion().precedence
    found.sort(key=lambda t: (-(t.end - t.start), order.index(t.status)))
    kept: list[Trigger] = []
    for trigger in found:
        clash = [i for i, k in enumerate(kept) if k.start < trigger.end and trigger.start < k.end]
        if not clash:
            kept.append(trigger)
            continue
        for i in clash:  # an overlapping phrase of the same status: one trigger, both directions
            k = kept[i]
            if k.status == trigger.status:
                start, end = min(k.start, trigger.start), max(k.end, trigger.end)
                kept[i] = Trigger(
                    k.status, _join(k.direction, trigger.direction), start, end, text[start:end]
                )
    # an aim ('we target', "we're targeting") stands beside a plan on the same words ('aim to'):
    # it hedges the figures, the plan keeps the rest
    kept += [
        Trigger("hedged", "forward", m.start(), m.end(), m.group(0)) for m in _aim().finditer(text)
    ]
    kept += [
        Trigger("hedged", "backward", m.start(), m.end(), m.group(0))
        for m in _AIMED_PASSIVE.finditer(text)
    ]
    return sorted(kept, key=lambda t: t.start)


_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
MONTH_NAMES = _MONTHS  # the months' names and abbreviations, as a regular expression's alternatives
_UNITS_OF_TIME = r"days?|weeks?|months?|quarters?|years?"
# a time ahead: 'in March', 'by Q3', 'by the end of 2027', 'within six weeks', 'next month',
# 'some eight weeks later', 'early next year', 'from mid-2027'
# a deadline set by a milestone still to come: 'before go-live', 'prior to launch'
_BEFORE_MILESTONE = (
    r"(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+)?(?:go[\s-]?live|launch|commencement|"
    r"contract\s+start|service\s+start|cut-?over)\b"
)
TIME_AHEAD = (
    rf"(?:{_BEFORE_MILESTONE}|"
    r"(?:(?:in|by|from|within|before|around|about|during|at|on|for|until|towards?)\s+)?"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+|early\s+|late\s+|mid-?\s*|the\s+)?"
    rf"(?:(?:{_MONTHS})\b|q[1-4]\b|h[12]\b|(?:19|20)\d\d\b|next\s+(?:{_UNITS_OF_TIME})\b|"
    rf"this\s+(?:{_UNITS_OF_TIME}|spring|summer|autumn|fall|winter)\b|"
    rf"[\w-]+\s+(?:{_UNITS_OF_TIME})\b|(?:{_UNITS_OF_TIME})\s+later\b|later\s+this\b|soon\b|"
    r"shortly\b))"
)


@cache
def _expected_arrival() -> re.Pattern:
    """A modal of expectation, a verb of arrival and a time ahead: 'the report should land in
    March', 'the site is expected to open by Q3'; the predicate is the trigger."""
    lex = assertion()
    return re.compile(
        rf"(?P<predicate>(?:{_alternation(lex.expectation_modals)})\s+(?:\w+ly\s+)?"
        rf"(?:{_alternation(lex.arrival_predicates)}))(?=\s+(?:[\w-]+\s+){{0,2}}?{TIME_AHEAD})",
        re.I,
    )


# the present of a site's or a service's start, or its participle ('opens', 'launching')
_OPENING_PRESENT = (
    r"(?:opens|launches|goes\s+live|starts|opening|launching|going\s+live|starting|coming\s+online)"
)


@cache
def _scheduled_opening() -> re.Pattern:
    """A start told in the present with a time ahead right after it ('our new Leeds floor opens
    in March', 'pods across the Visayas, launching from Q2'): scheduled, so its subject is
    planned."""
    return re.compile(
        rf"(?<![\w-]){_OPENING_PRESENT}(?=\s+(?:in|from|on|by|during)\s+{TIME_AHEAD})", re.I
    )


@cache
def _going_to_passive_ahead() -> re.Pattern:
    """'is going to be offered from May', "they're going to be added in Q3": a passive with
    'going to' and then, within two words, a time ahead."""
    return re.compile(
        r"\b(?:is|are|(?<=\w)['’]s|(?<=\w)['’]re)\s+going\s+to\s+(?P<passive>be\s+(?:[a-z]+ed|"
        r"done|run|held|kept|made|built|sent|met|given|taken|seen|put|set|brought|rolled\s+out))"
        rf"(?=\s+(?:[\w-]+\s+){{0,2}}?{TIME_AHEAD})",
        re.I,
    )


# a numbered period of a programme: 'by month three', 'in week 6', 'from year two'
_NUMBERED_PERIOD = (
    r"(?:day|week|month|quarter|year)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)\b"
)
_EXPECTED_BY = re.compile(
    # the subject perhaps shared with an earlier verb: 'we sample 2% … and expect …'
    r"\b(?:we|i)\s+(?:(?:(?!(?:who|that|which|they|you|he|she|it)\b)[\w%'’-]+\s+){1,10}?and\s+)?"
    r"(?:(?:fully|now|currently)\s+)?"
    r"(?P<verb>expect|anticipate)\b"
    rf"(?=[^.;:!?]{{0,80}}?\b(?:by|in|from|before|within)\s+(?:{_NUMBERED_PERIOD}|{TIME_AHEAD}))",
    re.I,
)
@cache
def _minimum_term() -> re.Pattern:
    """'for contracts of 12 months or more', 'on a term of 36 months or longer', 'with a
    commitment of two years or above': a length of contract with a bound at its end (the head
    before the length, the bound after it)."""
    return re.compile(
        rf"(?P<head>\b(?:for|on|with|under)\s+(?:an?\s+|the\s+)?(?:minimum\s+)?"
        rf"(?:{_alternation(assertion().term_nouns)})\s+of)"
        rf"\s+[\w.,-]+\s+(?:{_UNITS_OF_TIME})\s+(?P<bound>or\s+(?:more|longer|above|over|greater))\b",
        re.I,
    )


_GIVEN_NOTICE = re.compile(
    r"(?P<given>\b(?:given|with|on\s+receipt\s+of))\s+(?:at\s+least\s+|not\s+less\s+than\s+|sufficient\s+|"
    r"enough\s+)?(?:[\w()-]+\s+){1,2}"
    rf"(?:{_UNITS_OF_TIME})['’]?\s+(?:(?:written|advance|prior)\s+)?(?P<notice>notice)\b",
    re.I,
)
_MISSED_CASE = re.compile(
    r"(?P<case>\b(?:where|when|if|whenever))\s+(?:the\s+|a\s+|an\s+|any\s+)?[^\s,;:.]+(?:\s+[^\s,;:.]+){0,3}?"
    r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:missed|breached|failed)\b",
    re.I,
)
_TRAILING_DOUBT = re.compile(
    r"[\w%)]\s+(?P<doubt>maybe|perhaps|possibly)(?=\s*(?:[,;:!?)]|\.|$))", re.I
)
def _lists_before(text: str, at: int) -> bool:
    """Whether the clause before `at` is a list ('Spanish and German', 'chat, email'), or
    follows one."""
    head = text[:at]
    start = max(head.rfind(c) for c in ";.?!|:")
    return bool(re.search(r",|/|\+|&|\b(?:and|or|nor)\b", head[start + 1 :], re.I))


_THRESHOLD_REACHED = re.compile(
    r"\b(?:once|when|whenever|as\s+soon\s+as)\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?P<verb>reaches|reach|exceeds|exceed|passes|pass|hits|hit|tops|top|surpasses|surpass|"
    r"goes\s+(?:above|beyond|over)|go\s+(?:above|beyond|over))(?=\s+(?:about\s+|around\s+)?[\d$£€])",
    re.I,
)
# offered only from a quarter, a month or a period ahead; a bare year may be past ('available
# from 2019')
_AVAILABLE_FROM_AHEAD = re.compile(
    rf"\b(?:available|offered|live|ready|operational|in\s+production)\s+"
    rf"(?:from|as\s+of|starting(?:\s+in)?)\s+(?:(?:{_MONTHS})\b|q[1-4]\b|h[12]\b|"
    rf"next\s+(?:month|quarter|year)\b|(?:early|mid|late)[\s-]+(?:19|20)\d\d\b)",
    re.I,
)
# 'should' with its subject after it, then the subject's bare verb: a condition ('should
# Saturday cover be required', 'should volumes fall below'); not a modal right before its verb
# or adverb ('the report should be ready', 'calls should then go')
_INVERTED_SHOULD = re.compile(
    r"(?P<should>\bshould)\s+"
    r"(?!(?:be|have|not|also|only|still|always|never|then|now|first|ever|just|really|"
    r"we|i|you|they|he|she|it|there)\b)(?![\w-]+ly\b)"
    r"(?:(?:the|a|an|any|your|our|their|its|this|that|these|those|monthly|annual|weekly)\s+)?"
    r"(?:[\w-]+\s+){1,2}?"
    r"(?:be|exceed|pass|fall|rise|go|grow|drop|expand|increase|decrease|reach|elect|choose|decide|"
    r"wish|want|prefer|need|require|request|change)\b",
    re.I,
)
_ONLY_FROM_AHEAD = re.compile(
    rf"\bonly\s+(?:from|as\s+of|starting|after)(?=\s+(?:next\s+)?(?:{_MONTHS}|q[1-4]|h[12]|"
    rf"next\s+(?:month|quarter|year))\b)",
    re.I,
)
_POSSIBLE_PASSIVE = re.compile(
    # the passive is the trigger, so that the modal's own forward scope stays
    r"\b(?P<modal>may|might)\s+(?:also\s+)?(?P<passive>be\s+(?:[a-z]+ed|done|run|held|kept|made|"
    r"built|sent|met|given|taken|seen|put|set))\b",
    re.I,
)
# a judgement of feasibility that is only likely ('Nearshore might be okay', 'Sunday cover
# should be doable'); 'should be available' expects, it is no doubt
_LIKELY_FEASIBLE = re.compile(
    r"\b(?P<modal>may|might|could|should)\s+(?:also\s+)?(?P<passive>be\s+(?:okay|ok|fine|"
    r"doable|feasible|workable|achievable|manageable))\b",
    re.I,
)
_OPENING_CELL = re.compile(
    rf"(?<=\|)\s*(?:opening|opens|launching|launches|go-live|going\s+live)"
    rf"(?=\s+{TIME_AHEAD}(?:\s+(?:19|20)\d\d)?\s*$)",
    re.I,
)
_PAST_BEFORE = re.compile(
    r"\b(?:have|has|had|did|was|were)\b(?![^.;!?]*[.;!?])|['’]ve\b(?![^.;!?]*[.;!?])", re.I
)


@cache
def _at_a_premium() -> re.Pattern:
    """A predicate of offer and 'at' before a price that is extra ('available at a 15%
    premium', 'possible at an additional fee of $2,000', 'available from Cebu at extra cost');
    the trigger is the predicate and 'at', so that the price after it is in its scope."""
    lex = assertion()
    price = r"(?:[$£€]\s?[\d.,]+[km]?|[\d.,]+\s?%|[\d.,]+\s?(?:percent|per\s+cent))"
    return re.compile(
        rf"\b(?:{_alternation(lex.offer_predicates)})"
        # where from ('available from Cebu at additional cost')
        r"(?P<where>\s+(?:from|in|at\s+our|for)\s+"
        r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)?"
        rf"\s+(?P<at>at|for|on)(?=\s+(?:an?\s+)?(?:(?:{price}\s+)?"
        rf"(?:{_alternation(lex.premium_nouns)})\b"
        # an extra price itself: 'at an additional USD 95 per agent'
        rf"|(?:additional|extra)\s+(?:{price}|(?-i:[A-Z]{{3}})\s?\d)))",
        re.I,
    )


# a testimonial: a sentence that is a quotation, closed and then attributed after a dash
# ("'They cut our AHT by 40 seconds' – Head of CX, UK telco"); a quoted word inside a sentence
# ("our 'premium' tier – …") is none
_ATTRIBUTED_QUOTE = re.compile(r"\s*['‘\"“][^'‘’\"“”]{12,}(['’\"”]\s*[—–-]\s*)[A-Z]")


@cache
def _site_opening() -> re.Pattern:
    """A progressive of starting a site: a form of 'be', one of `opening_progressives`, then a
    site a few words on ('we are opening a second site', "we'll be setting up a new hub")."""
    lex = assertion()
    return re.compile(
        rf"(?:\b(?:am|is|are|be|been)|['’]re|['’]s)\s+(?:(?:now|currently|also|already)\s+)?"
        rf"(?:{_alternation(lex.opening_progressives)})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:{_alternation(lex.site_nouns)})\b(?!-)",
        re.I,
    )


_FORBIDDING_MAY = re.compile(r"\b(?:no|nothing|none|nobody|no\s+one)\b[^,;.:|]*\bmay$", re.I)
_PERMITTING_MAY = re.compile(
    r"\b(?:bidders|suppliers|vendors|tenderers|respondents|offerors|"
    r"providers)\s+(?:also\s+)?may$",
    re.I,
)
_OPTION_BEFORE = re.compile(r"(?<![\w/])[A-Za-z][\w-]*\s*/\s*$")  # words, not '24/7' or '80/20'
_OPTION_AFTER = re.compile(r"\s*(?:[A-Za-z][\w-]*\s*)?/\s*[A-Za-z]")
_UNKNOWN = re.compile(
    r"(?:\s+(?:be\s+)?(?:able\s+to|yet)?)?\s*(?:(?:confirm|say|tell|know|verify|determine|"
    r"clarify|establish)\s+(?:whether|if)|(?:confirm|verify|establish)\s+that|"
    # 'it is not clear whether …': not known either way
    r"(?:clear|certain|known)\s+(?:whether|if))\b",
    re.I,
)
# 'volumes are not guaranteed', 'cannot guarantee a move', 'not contractually committed': a
# figure or a plan without a promise, not denied; it speaks of what comes before or after
_UNPROMISED = re.compile(
    r"\s*(?:contractually\s+)?(?:guaranteed|guarantee|committed|binding)\b(?!\s+(?:to|that)\b)",
    re.I,
)


def _option(text: str, trigger: Trigger) -> bool:
    """A negation that is one of a form's answer options ('Comply / Not comply', 'Yes / No')."""
    bare = re.fullmatch(r"\W*(?:no|not|non)\W*", trigger.text, re.I)
    return bool(_OPTION_BEFORE.search(text, 0, trigger.start)) or bool(
        bare and _OPTION_AFTER.match(text, trigger.end)
    )


_NOT_A_JOIN = r"(?!(?:but|and|or|so|yet|though|although|while|whereas|however)\b)"


def _harm_end(text: str, trigger: Trigger) -> int | None:
    """Where the harm or rival a negation denies ends, for a negation that denies one and no
    mention: a `trouble_nouns` right after it, perhaps a word on ('no downtime', 'no cap on'),
    or a few words on ('not had a single outage'); one of `harm_verbs` a few words on ('never
    once have we missed our target', 'nothing stops us'); or a comparison in favour in its
    clause ('no-one does Welsh better'). None for any other negation."""
    trouble = word_class("trouble_nouns").match(text, trigger.end)
    if trouble:
        return trouble.end()
    harm, superior = _harm_patterns()
    found = harm.match(text, trigger.end) or superior.match(text, trigger.end)
    return found.end() if found else None


@cache
def _harm_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A harm verb or trouble noun a few words on, and a comparison in favour a few words on
    (built once: `_harm_end` runs for every negation); no harm across a conjunction ('used to
    do chat but we stopped' denies chat)."""
    gap = rf"(?:\s+{_NOT_A_JOIN}[\w'’-]+){{0,3}}?"
    harm = word_class("harm_verbs").pattern
    troubles = _alternation(assertion().trouble_nouns, longest_first=False)
    superior = word_class("superiors").pattern
    return (
        re.compile(rf"{gap}\s+(?:to\s+)?(?:{harm}|{troubles})", re.I),
        re.compile(rf"(?:\s+{_NOT_A_JOIN}[\w'’/-]+){{0,4}}?\s+(?:{superior})", re.I),
    )


# 'we're the leading CX partner in …', 'we are your partner for …': the vendor names itself
_SELF_DESCRIBED = re.compile(
    # the determiner before the trigger or its own first word ('we are a nearshore partner')
    r"\b(?:we['’]re|we\s+are|we\s+have\s+been)\s+(?:(?:the|a|an|your)\s+(?:[\w-]+\s+){0,3})?$",
    re.I,
)
_FIGURE_AFTER = re.compile(
    r"\s+(?:(?:by|to|from)\s+)?(?:(?:about|around|roughly|nearly|almost|over|some)\s+)?[$€£]?\d"
)


def _measured_change(text: str, trigger: Trigger) -> bool:
    """'churn dropped 4%', 'fell to 9%': a verb of a fall before a figure measures a change in
    it (see `measure_changes`); it denies nothing."""
    return bool(word_class("measure_changes").fullmatch(trigger.text)) and bool(
        _FIGURE_AFTER.match(text, trigger.end)
    )


def _client_compound(text: str, trigger: Trigger) -> bool:
    """'A dedicated client manager …': a client noun closing the trigger that modifies the noun
    after it (`client_compounds`) names a role or a service, no other client; after a
    provider's word ('our partner agency') it names a provider."""
    lex = assertion()
    if trigger.status != "other_client" or not lex.client_compounds:
        return False
    if _PROVIDER_NOUN.search(trigger.text):
        return True  # 'our partner agency in Porto': a provider, no client
    last = trigger.text.split()[-1].lower() if trigger.text.split() else ""
    return last in lex.client_nouns and bool(
        re.match(rf"\s+(?:{_alternation(lex.client_compounds)})", text[trigger.end :], re.I)
    )


# a client noun that a provider's word makes a provider ('partner agency', 'staffing firm')
_PROVIDER_NOUN = re.compile(
    r"\b(?:partner|staffing|recruitment|translation|interpreting|outsourcing|sister|parent)\s+"
    r"(?:agency|company|firm|operator|brand)\b",
    re.I,
)


def _kin_company(trigger: Trigger) -> bool:
    """'our sister company in Guatemala City': a company of the vendor's own group is no client."""
    return trigger.status == "other_client" and bool(_KIN.search(trigger.text))


_KIN = re.compile(
    r"\b(?:sister|parent|partner|group|holding|affiliated?|associated?|allied|subsidiary)\s+"
    r"(?:company|companies|firm|brand)",
    re.I,
)


@cache
def _set_aside() -> re.Pattern:
    """A verb with 'out' after its object ('leave SMS out'; see `out_verbs`)."""
    verbs = word_class("out_verbs").pattern
    return re.compile(
        rf"(?P<verb>{verbs})\s+(?:[\w'’/-]+\s+){{1,3}}?out\b(?!\s+(?:of\s+)?(?:hours|of\s+hours))",
        re.I,
    )


@cache
def _story() -> re.Pattern:
    """The head of another organisation's story (see `story_verbs` in assertion.yaml)."""
    lex = assertion()
    nouns = "|".join(re.escape(n) for n in sorted(lex.client_nouns, key=len, reverse=True))
    verbs = word_class("story_verbs").pattern
    return re.compile(
        rf"^\W*{_LABEL}{_WHEN}(?:when\s+|after\s+|once\s+)?(?:(?:the|that|this)\s+(?P<client>{nouns})s?\s+"
        rf"(?:(?:[\w-]+ly|also|then|later|soon)\s+)?(?:{verbs})\b|(?:an?|one)\s+(?:[\w&'’.-]+\s+){{0,4}}?(?:{verbs})\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?P<own>its|their|to\s+us|with\s+us)\b"
        rf"|(?:an?|one)\s+(?:[\w&'’.-]+\s+){{0,3}}?(?:{nouns})\s+(?:{verbs})\s+(?P<us>us)\b"
        # a client heading the sentence with a verb of its story ('one of Spain's largest
        # insurers saw NPS climb …', 'a national carrier moved its …')
        rf"|(?:an?|one\s+of)\s+(?:[\w&'’.-]+\s+){{0,3}}?(?P<head>{nouns})s?\s+(?:{verbs})\b)",
        re.I,
    )


@cache
def _served_story() -> re.Pattern:
    """'For a regional Blue Cross plan, we reduced average speed of answer …', 'For a Leeds
    retailer, our Cebu team of 30 agents handled …': a sentence that opens with an organisation
    served and goes on with what the vendor or its team did for it (`case_verbs`, past):
    another client's story."""
    lex = assertion()
    return re.compile(
        rf"^\W*for\s+(?:an?|one)\s+(?!(?:{_alternation(lex.not_served)})\b)"
        rf"(?:[\w&'’.-]+\s+){{0,6}}?[\w&'’.-]+,\s+(?:we|our(?:\s+[\w-]+){{1,6}}?)\s+"
        rf"(?:{_alternation(lex.case_verbs)})\b",
        re.I,
    )


# a short label before the story's sentence ('Reference: a health insurer …', 'Our clients
# love us: one retailer …')
_LABEL = r"(?:[\w'’ ]{1,30}:\s+)?"
# a time that may open a story ('Last year a telecom brand asked us …')
_WHEN = (
    # 'Read how a global airline cut its …', or a case study's title: 'How a bank cut its …'
    r"(?:(?:(?:read|see|learn|find\s+out)\s+)?how\s+)?"
    r"(?:(?:last|this|earlier\s+this|in)\s+"
    r"(?:year|month|quarter|spring|summer|autumn|fall|winter|\d{4}),?\s+)?"
)


@cache
def _apposition() -> re.Pattern:
    """A client named beside one of the vendor's accounts ('our biggest account, a regional
    bank, …', 'one of our clients, an online grocer, …'): what follows in the clause is that
    client's."""
    nouns = "|".join(re.escape(n) for n in sorted(assertion().client_nouns, key=len, reverse=True))
    return re.compile(
        r"\b(?:one\s+of\s+)?our\s+(?:[\w-]+\s+){0,2}?(?:one|account|accounts|client|clients|"
        rf"customer|customers),\s+an?\s+(?:[\w&'’-]+\s+){{0,2}}?(?:{nouns})s?\s*,",
        re.I,
    )


def _document_speaks(text: str, trigger: Trigger) -> bool:
    """'The draft says 85/20', 'B says they could …', 'all three said', 'our ops lead says': a
    document, a pronoun, a vendor's letter, a count or the writer's own people (not a client of
    theirs) that says something quotes no client; a named person's words do ('… for us,' Maria
    says)."""
    said = re.fullmatch(r"([\w'’-]+)\s+(?:says|said)", trigger.text, re.I)
    if trigger.status != "other_client" or said is None:
        return False
    word = said.group(1).lower()
    clients = assertion().client_nouns
    own = _OWN_SPEAKER.search(text, 0, trigger.start) and word.rstrip("s") not in clients
    return (
        word in organisations().document_words
        or word in _SPEAKERS_NOT_QUOTED
        or len(word) == 1
        or bool(own)
    )


_OWN_SPEAKER = re.compile(r"\b(?:our|my)\s+(?:[\w-]+\s+){0,2}$", re.I)


_SPEAKERS_NOT_QUOTED = frozenset(
    "they he she we i it you everyone everybody all both three two four vendor vendors "
    "supplier suppliers bidder bidders".split()
)


def _join(longer: str, shorter: str) -> str:
    """The directions of two triggers on the same words: a narrow scope (a predicate's, a short
    one) is the longer phrase's to give ('no part of' over 'no'; 'outside our scope' looks back
    where 'outside' alone would not)."""
    if "sentence" in (longer, shorter):
        return "sentence"
    if longer in ("predicate", "short", "subject"):
        return longer
    if shorter in ("predicate", "short", "subject"):
        return longer
    return longer if longer == shorter else "both"


def boundaries(text: str, triggers: list[Trigger]) -> tuple[list[int], list[tuple[int, bool]]]:
    """Where scopes end: (clause ends and terminator words, commas that join a new clause and
    whether the clause is a relative one); a terminator inside a trigger, or one running into
    it, is none."""
    _, _, terminators, clause_end, joins = _patterns()
    inside = [(t.start, t.end) for t in triggers]
    hard = [m.start() for m in clause_end.finditer(text)]
    hard += [
        m.start()
        for m in terminators.finditer(text)
        # a terminator inside a trigger, or running into one ('— only if …'), is none
        if not any(s < m.end() and m.start() < e for s, e in inside)
        and not _parenthetical(text, m)
    ]
    soft = [(m.start(), bool(re.match(r",\s*wh", m.group(0), re.I))) for m in joins.finditer(text)]
    soft += [(m.start(), False) for m in _new_subject().finditer(text)]
    soft += [(comma, False) for comma in _antecedent_ends(text, triggers)]
    soft += [(colon, False) for colon in _elaborations(text, triggers)]
    return sorted(hard), sorted(soft)


def _antecedent_ends(text: str, triggers: list[Trigger]) -> list[int]:
    """'If chat is not needed, email starts in week 2': a condition that opens its clause ends
    at its first comma, where the consequence begins; what is denied in it stays there."""
    ends = []
    for trigger in triggers:
        if trigger.status == "conditional" and not re.search(
            r"\w", _clause_head(text, trigger.start)
        ):
            comma = text.find(",", trigger.end)
            if comma >= 0:
                ends.append(comma)
    return ends


def _elaborations(text: str, triggers: list[Trigger]) -> list[int]:
    """'We can't give an exact figure: about 30,000 calls a month': a colon after a negated verb
    that has its object already opens an elaboration, which the negation does not reach. A
    colon after a list's announcer ('we do not offer the following languages: Thai') or right
    after the negation ('Languages not offered: Thai') opens what is denied."""
    colons = []
    for trigger in triggers:
        if trigger.status != "negated":
            continue
        colon = text.find(":", trigger.end)
        if colon < 0 or re.search(r"[;.!?|—–]", text[trigger.end : colon]):
            continue
        words = re.findall(r"[\w'’-]+", text[trigger.end : colon])
        if (
            len(words) >= 2
            and not _ANNOUNCER.search(" ".join(words[-2:]))
            and not words[-1].lower().endswith("s")
        ):
            colons.append(colon)
    return colons


def _clause_head(text: str, position: int) -> str:
    """The text from the last clause break (or the start) up to a position."""
    breaks = [m.end() for m in re.finditer(r"[;.!?:•]\s", text[:position])]
    return text[max(breaks, default=0) : position]


@cache
def _new_subject() -> re.Pattern:
    """', and chat is included': a comma, a conjunction and a short subject before a verb of its
    own start a new clause (the subject is not a list's last item)."""
    return re.compile(
        rf",\s+(?:and|but|so|or)\s+(?:[\w'’-]+\s+){{1,3}}?(?:{word_class('auxiliaries').pattern})",
        re.I,
    )


def _parenthetical(text: str, match: re.Match) -> bool:
    """An adverb set off by commas ('we won't, however, guarantee …') comments on its clause;
    it does not end it."""
    return bool(
        re.search(r",\s*$", text[: match.start()]) and re.match(r"\s*,", text[match.end() :])
    )
