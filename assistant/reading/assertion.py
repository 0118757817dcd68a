"""Assertion status of mentions, ConText-style: affirmed, negated, planned, hedged, conditional,
through a third party, or about another client.

Trigger phrases (knowledge/lexicon/assertion.yaml) open a scope forward, backward, both ways or
over the whole sentence; a scope ends at a terminator ('but', 'however'), at the end of the
clause, or after the status's window of words. A backward scope takes the nearest mention and
those listed with it. A mention inside a scope takes the trigger's status; two negations in
one scope cancel; where several statuses apply, the lexicon's precedence decides.
Pseudo-triggers ('not only', 'no later than') are masked first, and where two triggers
overlap the longer one wins ('will not' negates; it plans nothing).

triggers.py finds the triggers and where clauses end; scope.py decides which trigger reaches
which mention; this module settles each mention's status (cancelled and reversed negations,
lapses, places, open questions).
"""

from __future__ import annotations

import re
from functools import cache

from assistant.reading.lexicon import assertion
from assistant.reading.quantities import QUANTITY_KINDS
from assistant.reading.scope import Scope
from assistant.reading.triggers import Trigger, figures_only, find_triggers, word_class

__all__ = ["STATUSES", "Trigger", "find_triggers", "statuses"]

# 'not ISO 27001 certified yet', "we don't have Welsh speakers yet"
_YET = re.compile(
    r"\s+(?:[\w-]+(?:ed|ant|ent|ble)\s+|live\s+|ready\s+|(?:speakers|support|agents|coverage|cover|"
    r"capability|capacity|staff|team|certification|accreditation)\s+)?yet\b",
    re.I,
)
_NOT_YET = re.compile(r"\b(?:not|n['’]t)\s+(?:\w+\s+)?yet\b", re.I)
# a reduced relative of the present state right after a mention ('advisers currently employed
# by the incumbent', 'seats presently in production')
_PRESENT_STATE_AFTER = re.compile(
    r"\s+(?:currently|presently|now|today)\s+(?:[\w-]+(?:ed|ing)|in\s+(?:place|use|production|"
    r"service))\b",
    re.I,
)
_FOR_NOW = re.compile(r"\b(?:yet|until|till)\b", re.I)
_YET_AFTER = re.compile(r"\s+yet\b", re.I)
_EXCEPTION_AFTER = re.compile(
    r"\b(?:unless|save\s+where|except\s+where|save\s+as|except\s+as|"
    r"(?:save|except)\s+to\s+the\s+extent)\b",
    re.I,
)
_EXCEPTION = re.compile(r"(?:without|unless|save\s+where|except\s+where|save\s+as)\b", re.I)
_NON = re.compile(r"(?<![\w-])non-$", re.I)
_ONLY_AFTER = re.compile(r"\s+only\b", re.I)
_DENIED_BEFORE = re.compile(
    r"\b(?:not|no|never|without|rather than|instead of)\s+(?:(?:a|an|the|any|through|via)\s+)?$", re.I
)
# 'Apart from Welsh, all …': an exception to everything is left out of it
_EXCEPTED_FROM_ALL = re.compile(
    r"^\W*(?:apart|aside)\s+from\s+[^,;:]{1,60},\s*(?:all|every|each|everything)\b", re.I
)
# what a norm hedges ('typically within a day'): figures; an aim ('we target FCR above 75%'):
# figures and the KPIs they measure
_HEDGED_KINDS = {"usual": QUANTITY_KINDS, "aim": (*QUANTITY_KINDS, "kpi")}
STATUSES = (
    "affirmed",
    "negated",
    "planned",
    "hedged",
    "conditional",
    "third_party",
    "other_client",
)


def _reaches_kind(trigger: Trigger, kind: str | None) -> bool:
    """Whether a trigger may give its status to a mention of this kind: a norm or an aim only to
    figures (`_HEDGED_KINDS`), any other trigger to any mention."""
    only = figures_only(trigger)
    return not only or kind in _HEDGED_KINDS[only]


def statuses(
    text: str,
    spans: list[tuple[int, int]],
    context: str | None = None,
    kinds: list[str] | None = None,
) -> list[str]:
    """The status of each mention span of one sentence.

    Args:
        text: the sentence (or table line).
        spans: (start, end) of each mention, in order.
        context: 'other_client' when the whole passage is about another client (a case study).
        kinds: each mention's kind (a place is planned only when the site itself is).
    """
    if context == "other_client":
        return ["other_client"] * len(spans)
    triggers = find_triggers(text)
    scope = Scope(text, triggers, spans, kinds)
    order = assertion().precedence
    result = []
    answers: dict[int, Trigger] = {}  # mention -> the 'No' answering the question it is in
    thresholds = scope.volume_thresholds() if kinds else set()
    for i in range(len(spans)):
        covering = [
            t
            for t in triggers
            if scope.covers(t, i) and _reaches_kind(t, kinds[i] if kinds else None)
        ]
        found = {t.status for t in covering}
        negations = [t for t in covering if t.status == "negated"]
        if negations and (answer := scope.answered_no(negations, i)):
            answers[i] = answer
        if scope.cancelled(negations, i) or scope.reversed(negations, i):
            found.discard("negated")  # 'no site that does not hold …' holds it
        elif negations and "negated" in found:
            after_lapse = scope.after_lapse(negations)
            if after_lapse:
                found.discard("negated")
                found |= {after_lapse} - {"affirmed"}
        if "negated" in found and scope.supposed(negations, covering):
            # 'if they can't do Dutch, they're out': a denial supposed, not stated
            found = (found - {"negated"}) | {"conditional"}
        if negations and scope.taken_back(negations):
            found.discard("negated")  # '… didn't offer chat, but now we do'
        if negations and _excepted(covering):
            found.discard("negated")  # 'shall not, without consent, …': allowed with consent
        elif "negated" in found and _excepted_after(scope, negations, spans[i][1]):
            # 'shall not use offshore resources save where the Customer consents': allowed in
            # the case the exception names
            found = (found - {"negated"}) | {"conditional"}
        if "negated" in found and _commitment_withheld(scope, negations):
            # "we can't commit to Sunday opening yet": undecided, not denied
            found = (found - {"negated"}) | {"hedged"}
        elif "negated" in found and _YET.match(text, spans[i][1]):
            if not scope.goes_on_without_a_plan(spans[i][1], negations):
                found = (found - {"negated"}) | {"planned"}  # "we're not ISO 27001 yet"
        elif "negated" in found and _denied_yet_ahead(text, negations, scope):
            found = (found - {"negated"}) | {"planned"}  # "we don't yet offer video; pilot in June"
        elif negations and "negated" in found and scope.until_after(i, negations):
            # 'not … until': delayed, not denied; planned unless it speaks of the past
            # ("we won't hold it until May", "no chat until launch"; "nobody raised it until …")
            found.discard("negated")
            found |= set() if scope.delayed_in_past(negations) else {"planned"}
        elif negations and "negated" in found and scope.until_before(i, negations):
            # 'we won't share a record until a BAA is signed': the BAA is the condition
            found = (found - {"negated"}) | {"conditional"}
        if "negated" in found and _needed_for_a_denial(negations, triggers):
            # 'without a BAA we cannot handle PHI': the BAA is what it takes, not denied
            found = (found - {"negated"}) | {"conditional"}
        excepted = _EXCEPTED_FROM_ALL.match(text)
        if excepted and spans[i][1] <= excepted.end():
            # 'Apart from Welsh, all UK languages are covered': left out of what all the rest
            # are; of a status other than affirmed, nothing firm is said
            found = {"hedged"} if found else {"negated"}
        if "third_party" in found and all(
            _DENIED_BEFORE.search(text, 0, t.start) for t in covering if t.status == "third_party"
        ):
            found.discard("third_party")  # 'fluent speakers, not an interpreter service'
        if {"negated", "third_party"} <= found and scope.denied_of_self_only(negations, i):
            found.discard("negated")  # "their partner holds PCI, they themselves don't"
        elif {"negated", "third_party"} <= found and scope.kept_own_after_denied_partner(
            negations, i
        ):
            found -= {"negated", "third_party"}  # 'no partner for chat: it stays in-house'
        if {"negated", "third_party"} <= found and _mark_then_partner(text, negations, covering):
            found.discard("negated")  # 'Italian ✗ – partner-delivered': not in-house, a partner's
        if "negated" in found and scope.denied_in_house_only(negations, i):
            found = (found - {"negated"}) | {"third_party"}  # 'not in-house, our partner does'
        if "negated" in found and _ONLY_AFTER.match(text, spans[i][1]):
            if not any(spans[i][0] - t.end <= 2 for t in negations if t.end <= spans[i][0]):
                found.discard("negated")  # 'no phone ever, english only': 'X only' asserts X
        yet = [t for t in covering if t.status == "planned" and _NOT_YET.search(t.text)]
        if yet and "negated" not in found and scope.goes_on_without_a_plan(yet[0].end, yet):
            if all(t in yet for t in covering if t.status == "planned"):
                # 'not yet HIPAA-ready, so for now …': a denial of the present, with nothing
                # said of what comes
                found = (found - {"planned"}) | {"negated"}
        if "planned" in found and _PRESENT_STATE_AFTER.match(text, spans[i][1]):
            found.discard("planned")  # 'the 14 advisers currently employed by …': they are there
        if kinds and scope.replaced(i):
            found.add("negated")  # 'change the SLA from 85/20 to 80/20': 85/20 no longer stands
        if i in thresholds:
            found.add("conditional")  # 'discounts of 3% apply above 500,000 contacts a year'
        if kinds and kinds[i] == "pricing_model" and _charge_denied(text, spans[i]):
            found = {"negated"}  # 'without any per-minute surcharge': that charge is denied
        if kinds and kinds[i] == "location" and (scope.former_site(i) or scope.closed_site(i)):
            found.add("negated")  # 'our former Manila site', 'the Cebu centre was sold': gone
        elif kinds and kinds[i] == "location":
            if scope.own_site(i):
                # the vendor's own site is neither denied nor a partner's
                found -= {"negated", "hedged", "third_party"} | (
                    set() if scope.opening(covering) else {"planned"}
                )
            elif not (scope.about_site(i) or scope.opening(covering)):
                found -= {"planned"}  # a plan for something at the place; its site opening is one
        if kinds and kinds[i] == "location" and {"hedged", "third_party"} <= found:
            found.discard("third_party")  # 'could source it via an agency in Miami': a place hedged
        if kinds and not found and scope.to_be_attained(i):
            found = {"planned"}  # 'the Supplier shall attain ISO 9001 within a year'
        if kinds and scope.pooled_result(i):
            found.add("other_client")  # 'AHT for our retail accounts fell to 5 minutes'
        if kinds and kinds[i] == "framework" and not found and _under_assessment(text, spans[i]):
            found = {"planned"}  # 'we are in PCI DSS assessment': being assessed, not held
        if kinds and kinds[i] == "delivery_model" and _denied_beyond_a_place(text, spans[i]):
            found = {"negated"}  # 'no offshore outside the EU': denied where the place ends
        if _NON.search(text, 0, spans[i][0]):
            found.add("negated")  # 'non-English calls', 'our non-PCI queues': the prefix denies it
        answered = scope.reported_answer(i)
        if answered == "negated" and "other_client" not in found:
            found = {"negated"}  # 'she asked whether chat was offered; they said no'
        elif answered == "affirmed":
            found -= {"negated", "hedged"}
        if not found and (scope.open_question(i) or scope.out_of_reach(i)):
            found = {"hedged"}  # undecided, or a negation that may reach it: not firm
        elif not found and _marked(text, spans[i]):
            found = {"hedged"}  # 'SMS | x': ticked or crossed
        result.append(min(found, key=order.index) if found else "affirmed")
    result = _restated_in_later_cell(text, spans, kinds, result, triggers)
    result = _capacity_of_planned_site(text, spans, kinds, result)
    result = _limited_by_partial_answer(text, spans, result)
    result = _done_by_the_partner_named(text, spans, result, triggers)
    return _reaffirmed_after_answer(text, spans, kinds, result, answers)


_THEY_CLAUSE = re.compile(
    r"[,;—–]\s*(?:and\s+|so\s+)?they\s+(?!are\s+not\b|don['’]t\b|do\s+not\b)", re.I
)
_OWN_WORDS = re.compile(r"\b(?:we|our|us|I)\b")


def _done_by_the_partner_named(
    text: str, spans: list[tuple[int, int]], result: list[str], triggers: list[Trigger]
) -> list[str]:
    """'We work with a partner agency in Budapest, they translate the e-mails in 24 hours': a
    clause whose subject is 'they' right after one that names a partner tells what the
    partner does."""
    partners = [t for t in triggers if t.status == "third_party"]
    if not partners:
        return result
    done = list(result)
    for clause in _THEY_CLAUSE.finditer(text):
        named = [t for t in partners if t.end <= clause.start()]
        if not named or _OWN_WORDS.search(text, named[-1].end, clause.start()):
            continue
        stop = re.search(r"[;.!?|]|,\s*(?:but|while|whereas)\b", text[clause.end() :])
        right = clause.end() + stop.start() if stop else len(text)
        for i, (start, end) in enumerate(spans):
            if clause.end() <= start and end <= right and result[i] == "affirmed":
                done[i] = "third_party"
    return done


@cache
def _partial_answer() -> re.Pattern:
    """A bare partial answer after a label, a question or a cell ('…: Partially –', '| Partly,',
    '? A: In part;') and the words it goes on with, up to the end of its cell or sentence."""
    answers = sorted(assertion().partial_answers, key=len, reverse=True)
    words = "|".join(re.escape(w) for w in answers)
    return re.compile(
        rf"(?:^|[:|?]|\b(?:answer|response|reply))\s*(?:(?:answer|response|reply|a)\s*:\s*)?"
        rf"(?:{words})\s*[-–—:,;]\s*(?P<rest>[^|.;]*)",
        re.I,
    )


def _limited_by_partial_answer(
    text: str, spans: list[tuple[int, int]], result: list[str]
) -> list[str]:
    """'ISO 27001 | Partially – attested for Leeds and York only': what a partial answer
    limited by 'only' answers, the mentions before it, holds only where it says (conditional)."""
    if not assertion().partial_answers:
        return result
    limited = [
        m for m in _partial_answer().finditer(text) if re.search(r"\bonly\b", m.group("rest"), re.I)
    ]
    if not limited:
        return result
    answer = limited[0].start()
    return [
        "conditional" if status == "affirmed" and end <= answer else status
        for (_, end), status in zip(spans, result, strict=True)
    ]


_CAPACITY = re.compile(
    r"\b(?:with|of|and)\s+(?:an?\s+|the\s+)?(?:initial\s+|total\s+|starting\s+)?capacity\s+"
    r"(?:of|for)\s+$",
    re.I,
)


# a size given right after a planned site ('our new Leeds floor opens in May with 90 seats')
_WITH_SIZE = re.compile(r"\swith\s+(?:an?\s+|the\s+)?(?:initial\s+|total\s+)?$", re.I)
_WITH_COUNT = re.compile(
    r",\s*with\s+(?:an?\s+|the\s+)?"
    r"(?:initial\s+|total\s+|starting\s+|further\s+|additional\s+)?$",
    re.I,
)


def _capacity_of_planned_site(
    text: str, spans: list[tuple[int, int]], kinds: list[str] | None, result: list[str]
) -> list[str]:
    """'We will open a site in Bucharest in March with capacity of 150 seats', 'our new Leeds
    floor opens in May with 90 seats': the capacity or size given after a place whose site is
    planned, in the same clause, is planned with it; so is
    a count that a planned clause goes on to give with 'with' ('we will add chat from Rabat,
    with 40 advisers')."""
    if not kinds:
        return result
    for i, (start, _) in enumerate(spans):
        if kinds[i] != "count" or result[i] != "affirmed":
            continue
        given_with = bool(_WITH_COUNT.search(text, max(0, start - 30), start))
        sized = _CAPACITY.search(text, max(0, start - 45), start) or _WITH_SIZE.search(
            text, max(0, start - 30), start
        )
        if not (given_with or sized):
            continue
        if any(
            (kinds[j] == "location" or given_with)
            and result[j] == "planned"
            and spans[j][1] <= start
            and not re.search(r"[;.!?|]", text[spans[j][1] : start])
            for j in range(len(spans))
        ):
            result[i] = "planned"
    return result


def _restated_in_later_cell(
    text: str,
    spans: list[tuple[int, int]],
    kinds: list[str] | None,
    result: list[str],
    triggers: list[Trigger],
) -> list[str]:
    """'Q3 Polish and Romanian support | Response: Partially compliant | Comment: Polish is
    delivered in-house; Romanian is not available': a mention that another cell's response
    hedges (no trigger in its own cell), named again in a later cell, takes what that cell
    says of it."""
    if not kinds or "|" not in text:
        return result
    restated = list(result)
    for i, (start, end) in enumerate(spans):
        left = text.rfind("|", 0, start) + 1
        right = text.find("|", end) if "|" in text[end:] else len(text)
        if result[i] != "hedged" or any(left <= t.start < right for t in triggers):
            continue
        said = text[start:end].lower()
        later = [
            j
            for j in range(i + 1, len(spans))
            if kinds[j] == kinds[i]
            and text[spans[j][0] : spans[j][1]].lower() == said
            and "|" in text[end : spans[j][0]]
        ]
        if later and result[later[-1]] != "hedged":
            restated[i] = result[later[-1]]
    return restated


def _reaffirmed_after_answer(
    text: str,
    spans: list[tuple[int, int]],
    kinds: list[str] | None,
    result: list[str],
    answers: dict[int, Trigger],
) -> list[str]:
    """'Is there 24/7 email support? A: No; email is handled 8 to 8': a question answered 'No'
    denies what it asks, but a mention it asks of that the answer states again, affirmed, is
    not what the 'No' denies (the rest of the question is)."""
    if not kinds:
        return result
    for i, answer in answers.items():
        if result[i] != "negated":
            continue
        said = text[spans[i][0] : spans[i][1]].lower()
        if any(
            spans[j][0] >= answer.end
            and kinds[j] == kinds[i]
            and text[spans[j][0] : spans[j][1]].lower() == said
            and result[j] == "affirmed"
            for j in range(len(spans))
        ):
            result[i] = "affirmed"
    return result


_STATE_BEFORE = re.compile(
    r"(?<![\w-])(?:in|under|undergoing)\s+(?:(?:currently|now|presently)\s+)?$", re.I
)
# what may follow the assessment's noun: its end, or a word that starts no noun of its own
_PROCESS_END = (
    r"(?=\s*(?:[,.;:|)—–-]|$)|\s+(?:at|for|with|since|until|till|by|and|now|currently|today)\b)"
)


@cache
def _process_after() -> re.Pattern:
    """One of `process_nouns` right after a mention, and nothing that makes it a noun's
    modifier after it."""
    nouns = "|".join(re.escape(n) for n in sorted(assertion().process_nouns, key=len, reverse=True))
    return re.compile(rf"\s+(?:{nouns}){_PROCESS_END}", re.I)


def _under_assessment(text: str, span: tuple[int, int]) -> bool:
    """'We are in PCI DSS assessment', 'currently under ISO 27001 audit': a framework named bare
    between 'in'/'under' and an assessment's noun is being assessed."""
    start, end = span
    return bool(assertion().process_nouns) and bool(
        _STATE_BEFORE.search(text, max(0, start - 25), start) and _process_after().match(text, end)
    )


_NO_BEFORE = re.compile(r"\b(?:no|not|never)\s+(?:any\s+)?$", re.I)
_BEYOND_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:outside|beyond|outwith)\b", re.I)


def _denied_beyond_a_place(text: str, span: tuple[int, int]) -> bool:
    """'No offshore outside the EU', 'not nearshore beyond Iberia': a delivery model that a
    negation right before denies beyond a place is denied (the place itself is kept)."""
    start, end = span
    return bool(_NO_BEFORE.search(text, max(0, start - 12), start)) and bool(
        _BEYOND_AFTER.match(text, end)
    )


_BARE_ANSWER = re.compile(r"\W*(?:no|n|✗|✘|❌|✖|×)\W*", re.I)


def _mark_then_partner(text: str, negations: list[Trigger], covering: list[Trigger]) -> bool:
    """Whether every negation is a bare 'No' or cross that a third party's note follows after
    a dash or a comma ('Italian ✗ – partner-delivered', 'Greek: No – via our partner'): what is
    denied is doing it in-house."""
    partners = [t for t in covering if t.status == "third_party"]
    return bool(negations) and all(
        _BARE_ANSWER.fullmatch(t.text)
        and any(re.fullmatch(r"\s*[—–,-]\s*", text[t.end : p.start]) for p in partners)
        for t in negations
    )


def _denied_yet_ahead(text: str, negations: list[Trigger], scope: Scope) -> bool:
    """Whether every negation reaching the mention is one of 'not yet' ("we don't yet offer
    video", 'have not yet signed') and the sentence says what is to come after it."""
    return bool(negations) and all(
        (m := _YET_AFTER.match(text, t.end)) and scope.looks_ahead(m.end(), negations)
        for t in negations
    )


def _commitment_withheld(scope: Scope, negations: list[Trigger]) -> bool:
    """Whether every negation reaching the mention withholds a commitment for now: a verb of
    committing right after it (`commitment_verbs`) and 'yet' or 'until' later in its clause."""
    if not assertion().commitment_verbs:
        return False  # an empty list would match any word
    verbs = word_class("commitment_verbs").pattern
    ends = [*scope.bounds, *(b for b, _ in scope.joins)]
    for t in negations:
        verb = re.match(rf"\s+(?:[\w-]+\s+)?(?:{verbs})\b", scope.text[t.end :], re.I)
        if verb is None:
            return False
        right = min([b for b in ends if b > t.end + verb.end()], default=len(scope.text))
        if not _FOR_NOW.search(scope.text, t.end + verb.end(), right):
            return False
    return bool(negations)


def _marked(text: str, span: tuple[int, int]) -> bool:
    """A row whose answer cell is only a mark that may mean yes or no ('SMS | x', 'Video | -',
    'Fax | ?'): not firm either way."""
    if "|" in text[: span[0]]:
        return False
    marks = "|".join(re.escape(m) for m in assertion().ambiguous_marks)
    return bool(re.match(rf"[^|]*\|\s*(?:{marks})\s*(?:\||$)", text[span[1] :], re.I))


def _needed_for_a_denial(negations: list[Trigger], triggers: list[Trigger]) -> bool:
    """Whether 'without' reaches the mention and another negation stands in the sentence
    ('Without a BAA we cannot handle PHI', 'no card data is taken without PCI DSS'): what the
    denial is without is what it needs."""
    lacking = [t for t in negations if t.text.lower() in ("without", "w/o")]
    return bool(lacking) and any(t.status == "negated" and t not in lacking for t in triggers)


def _excepted_after(scope: Scope, negations: list[Trigger], end: int) -> bool:
    """Whether an exception ('unless', 'save where', 'except as') follows the mention and every
    negation reaching it, in their clause: the prohibition yields in that case."""
    last = max([end, *(t.end for t in negations)])
    exception = _EXCEPTION_AFTER.search(scope.text, last)
    ends = [*scope.bounds, *(b for b, _ in scope.joins)]
    return exception is not None and not any(last <= b < exception.start() for b in ends)


def _excepted(covering: list[Trigger]) -> bool:
    """Whether an exception to a prohibition qualifies the scope: a condition of consent
    ('without the Customer's consent'), 'unless', 'save where'."""
    return any(t.status == "conditional" and _EXCEPTION.match(t.text) for t in covering)


_DENIAL_JUST_BEFORE = re.compile(
    r"(?:\bno|\bnot|n['’]t|\bnever|\bwithout)\s+(?:(?:any|a|an|the|further|extra|separate)\s+)?$",
    re.I,
)


@cache
def _charge_after() -> re.Pattern:
    """A charge noun right after a pricing model, a word at most between ('per-minute
    telephony surcharge')."""
    nouns = "|".join(re.escape(n) for n in assertion().charge_nouns)
    return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{nouns})\b", re.I)


def _charge_denied(text: str, span: tuple[int, int]) -> bool:
    """Whether a pricing model names a charge that a negation just before denies ('no
    per-minute charges', 'without any per-seat fee')."""
    start, end = span
    return bool(_DENIAL_JUST_BEFORE.search(text, max(0, start - 25), start)) and bool(
        _charge_after().match(text, end)
    )

