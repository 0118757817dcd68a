"""Requirements no slot holds, kept in the buyer's words: a segment that requires something
(must, need, essential, nice to have, not in scope, only if …) whose content words the slot
values did not take. The segment's reasons ('because …') travel with it."""

from __future__ import annotations

import re

from assistant.interview import discourse as d
from assistant.interview.readers import Context, Found
from assistant.interview.readers.vocabulary import EXCLUDED

_REASON = re.compile(r"^\s*(?:because|as|since|so that|which|that's|that is|given)\b", re.I)
_POINTS_BACK = re.compile(r"^\s*(?:it|they|those|these|that|this|them)\b", re.I)
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’/-]*")
MIN_WORDS = 2
_NOT_NUMBER = re.compile(r"\b(?:not|rather than|instead of)\s+[£$€]?\d", re.I)
_NOT_NEEDED = re.compile(
    r"\b(?:not|no longer)\s+(?:needed|required|necessary|wanted)\b|\b(?:don't|do not)\s+need\b",
    re.I,
)


def read_requirements(ctx: Context, found: list[Found], away: list[Found] = ()) -> list[Found]:
    """Free-text requirements, one per segment that states one; not a segment that holds a
    value the buyer corrected away (its old figure would reach the RFP)."""
    covered = [f.span for f in found if f.span and f.slot != "other_requirements"]
    covered_words = _covered_words(ctx, found)
    out = []
    message = ctx.message
    for index in range(len(message.segments)):
        role = message.roles[index]
        text = message.segment_text(index)
        if (
            role.question
            or role.past
            or role.acknowledgement
            or role.skip
            or _label_only(ctx, index)
            or message.is_heading(index)
        ):
            continue
        if d.is_pointer(text, d.words().must + d.words().nice) or d.about_the_talk(text):
            continue
        scope = _pilot_scope(ctx, index, found)
        prohibits = _prohibits(ctx, index, found)
        if not (scope or prohibits or _requires(ctx, index, text)):
            continue
        start, end = _with_context(ctx, index)
        if any(f.span and start <= f.span[0] < end for f in away):
            continue
        if (role.corrections or _NOT_NUMBER.search(text)) and any(
            f.span and f.slot != "other_requirements" and start <= f.span[0] < end for f in found
        ):
            continue  # 'it should be 85/20, not 80/20': a correction of a value, no requirement
        if _NOT_NEEDED.search(text) and any(
            f.remove and f.span and start <= f.span[0] < end for f in found
        ):
            continue  # 'Portuguese is not needed any more': a removal, not a requirement
        words = [w for w in _content_words(ctx.text[start:end]) if w.lower() not in covered_words]
        # a pilot's scope may restate a channel another slot took ('pilot 30d, email only')
        scoped = scope and any(
            not _PILOT.fullmatch(w) and not w[0].isdigit()
            for w in _content_words(ctx.text[start:end])
        )
        if (
            len(words) < MIN_WORDS
            and not _place_rule(ctx, index, words)
            and not scoped
            and not (prohibits and _content_words(ctx.text[start:end]))
            and not _ties_slots(ctx, found, start, end, text)
        ):
            continue
        wording = _wording(ctx.text[start:end])
        if wording and not any(
            s <= start and end <= e for s, e in covered if (e - s) > (end - start)
        ):
            priority = role.priority or (
                "nice" if _hedged(ctx, index) else "must" if _must(text) else None
            )
            out.append(Found("other_requirements", [wording], (start, end), priority=priority))
    return out


# Between listed items, not inside brackets ('operational contacts (leaks, supply
# interruptions)' is one item).
_ITEM_SPLIT = re.compile(r"(?:,\s*|;\s*|\s+and\s+|\s+plus\s+|\s+-\s+)(?![^()]*\))", re.I)


def read_scope_items(ctx: Context, found: list[Found]) -> list[Found]:
    """'Scope: eligibility questions, ID card requests, help finding a provider': each listed
    service the plan's vocabulary does not know is kept in the buyer's words."""
    from assistant.interview.readers.cues import ctx_topics

    out = []
    topics = ctx_topics(ctx)
    for index, segment in enumerate(ctx.message.segments):
        role = ctx.message.roles[index]
        scope = "scope-services" in topics[index] or "services" in ctx.pending
        if not scope or role.question or role.past or role.skip or _label_only(ctx, index):
            continue
        text = ctx.message.segment_text(index)
        sentence = ctx.message.sentences[segment.sentence]
        if EXCLUDED.search(ctx.text, *sentence) or text.rstrip().endswith(":"):
            continue  # 'X and Y are not in scope: …'; a heading ('Current set-up and scope:')
        at = segment.start
        for piece in _ITEM_SPLIT.split(text):
            start = ctx.text.find(piece, at)
            at = start + len(piece)
            item = _without_gloss(piece)
            if not _names_a_thing(item):
                continue
            bracket = piece.find("(")
            head_end = start + (bracket if bracket > 0 else len(piece))
            # what the item names before any elaboration in brackets
            inside = [m for m in ctx.message.mentions if m.start < head_end and start < m.end]
            if any(m.kind == "term:services" for m in inside) or EXCLUDED.search(piece):
                continue
            words = _content_words(item)
            if 2 <= len(words) and len(item.split()) <= 8 and not inside:
                out.append(
                    Found(
                        "other_requirements",
                        [f"Service in scope: {item}"],
                        (start, start + len(piece)),
                        priority=role.priority,
                    )
                )
    return out


_PREPOSITION = re.compile(r"^(?:for|to|with|by|at|from|of|about|into|on|in|over|under)\b", re.I)
_SELF_INTRODUCTION = re.compile(r"\bhere$", re.I)


def _without_gloss(piece: str) -> str:
    """The item without the words that lead into it ('meaning balance questions', 'so for us
    it would be donation changes')."""
    openers = d.pattern(d.words().gloss_openers)
    item = piece.strip(" .,:;")
    while (lead := openers.match(item) or _MODAL_LEAD_IN.match(item)) and lead.end() < len(item):
        item = item[lead.end() :].strip(" .,:;")
    return item


# A few words ending in a modal 'be' lead into what they name ('for us it would be …',
# 'the main scope will be …', 'it'd be …'): the item is what follows.
_MODAL_LEAD_IN = re.compile(
    r"(?:[\w'’]+\s+){0,5}?(?:would|will|should|could|might|\w+['’]d)\s+be\s+", re.I
)


def _names_a_thing(item: str) -> bool:
    """Whether a listed item is a noun phrase ('debit card disputes', 'help finding a
    provider'), not a clause ('the team is tiny'), a prepositional tail ('for the deposits')
    a self-introduction ('Jo Bloggs here') or a name alone."""
    clause = {w.lower() for w in d.words().clause_words}
    tokens = re.findall(r"[\w'’]+", item)
    if any(
        t.lower().replace("’", "'") in clause and not (t.isupper() and len(t) > 1) for t in tokens
    ):
        return False
    if all(t[:1].isupper() or t[:1].isdigit() for t in tokens):
        return False  # only capitalised words: a name (a person, a product), not a service
    return not (_PREPOSITION.match(item) or _SELF_INTRODUCTION.search(item))


_PROHIBITION = re.compile(
    r"^\W*(?:(?:and|but|so|also|plus|oh|ok|okay|i mean it|really)\W+)*"
    r"(?:absolutely\s+|definitely\s+|strictly\s+)?(?:no|zero|never)\s+(?=[\w£$€])"
    r"|\b(?:no|zero)\s+(?:[\w/-]+\s+){1,4}(?:at all|ever|whatsoever)\b",
    re.I,
)


def _prohibits(ctx: Context, index: int, found: list[Found]) -> bool:
    """A segment that rules something out flatly ('No voice at all.', 'no US hosting at all',
    'agents get zero access to live data'); not an idiom ('no idea', 'no rush') and not the 'no' that answers
    a yes/no question ('No pilot, we switch over in one go')."""
    text = ctx.message.segment_text(index)
    staff = d.pattern(d.words().staff_words).pattern
    m = _PROHIBITION.search(text) or re.search(
        rf"(?:{staff})\s+(?:[\w'’-]+\s+){{0,2}}?(?:no|zero|never)\s+(?=\w)", text, re.I
    )
    if m is None or d.find(d.words().not_prohibitions, text[m.start() :]):
        return False
    segment = ctx.message.segments[index]
    return not any(
        f.value is False and f.span and segment.start <= f.span[0] < segment.end for f in found
    )


def _requires(ctx: Context, index: int, text: str) -> bool:
    """Requirement language, a priority given to the segment, a condition, an exclusion, or a
    quantity no slot took ('First response on P1s within 15 minutes')."""
    role = ctx.message.roles[index]
    if role.priority or d.find(d.words().requirement_words, text) or EXCLUDED.search(text):
        return True
    if _a_rule_applies(ctx, index):
        return True
    here = [m for m in ctx.message.mentions if m.segment == index]
    if any(m.status == "conditional" for m in here):
        return True
    return any(
        m.kind in ("duration", "service_level", "percent", "hours")
        and ctx.free(m.start, m.end)
        and not role.baseline
        for m in here
    )


_APPLIES = re.compile(r"\b(?:applies|apply)\b(?!\s+(?:for|online|now)\b)", re.I)
_RULE_NOUN = re.compile(
    r"\b(?:rules?|regulations?|guidelines?|standards?|duty|law|act|code|directive|framework)\b",
    re.I,
)


def _a_rule_applies(ctx: Context, index: int) -> bool:
    """'TUPE does apply', 'Consumer Duty applies', 'the vulnerability rules apply in full': a
    named rule (a framework, a name, a rule noun) said to apply binds the contract."""
    text = ctx.message.segment_text(index)
    m = _APPLIES.search(text)
    if m is None:
        return False
    head = text[: m.start()]
    start = ctx.message.segments[index].start
    named = any(
        mention.kind == "framework" and mention.end <= start + m.start()
        for mention in ctx.message.mentions
        if mention.segment == index
    )
    capitalised = re.search(r"(?<!^)\b[A-Z][\w-]*[A-Z0-9]\b|(?<=\s)[A-Z][a-z]+\s+[A-Z]", head)
    return bool(named or capitalised or _RULE_NOUN.search(head))


_PILOT = re.compile(r"\b(?:pilot|trial|proof of concept|poc)\b", re.I)
_SCOPE_WORD = re.compile(r"\b(?:only|on|over|during|limited to|starting with|just)\b", re.I)


def _pilot_scope(ctx: Context, index: int, found: list[Found]) -> bool:
    """A pilot said with its scope ('pilot 30d, email only', 'a pilot over the January
    deadline'): the scope is a requirement in the buyer's words; a pilot ruled out has none."""
    text = ctx.message.segment_text(index)
    pilot = _PILOT.search(text)
    if not pilot or not _SCOPE_WORD.search(text, pilot.end()):
        return False
    segment = ctx.message.segments[index]
    return not any(
        f.slot == "pilot_wanted"
        and f.value is False
        and f.span
        and segment.start <= f.span[0] < segment.end
        for f in found
    )


def _ties_slots(ctx: Context, found: list[Found], start: int, end: int, text: str) -> bool:
    """A requirement that ties named values of two slots together ('agents on refund calls
    must follow the Consumer Duty', 'the chat has to meet WCAG 2.1'): no slot holds the tie,
    so the quote is kept. A figure said again with its slot ('abandonment must stay under 5%')
    ties nothing."""
    slots = {
        f.slot
        for f in found
        if f.slot != "other_requirements"
        and f.span
        and start <= f.span[0] < end
        and not f.remove
        and ctx.plan.slot(f.slot).type in ("list[str]", "enum")
    }
    return len(slots) >= 2 and _must(text)


def _must(text: str) -> bool:
    return bool(d.find(d.words().must, text))


def _hedged(ctx: Context, index: int) -> bool:
    return any(m.status == "hedged" for m in ctx.message.mentions if m.segment == index)


def _label_only(ctx: Context, index: int) -> bool:
    """'Essential:' or 'Languages' alone."""
    return len(ctx.message.segment_text(index).split()) <= 2


def _with_context(ctx: Context, index: int) -> tuple[int, int]:
    """The segment, with the one before when it only points back ('…, and it must stay in the
    UK') and the one after when it gives the reason."""
    segments = ctx.message.segments
    start, end = segments[index].start, segments[index].end
    same = lambda j: 0 <= j < len(segments) and segments[j].sentence == segments[index].sentence  # noqa: E731
    if _POINTS_BACK.match(ctx.text[start:end]) and same(index - 1):
        start = segments[index - 1].start
    if same(index + 1) and _REASON.match(ctx.message.segment_text(index + 1)):
        end = segments[index + 1].end
    return start, end


def _content_words(text: str) -> list[str]:
    """Words that carry content: not filler, not requirement language, not very common."""
    from wordfreq import zipf_frequency

    words = d.words()
    filler = {w.lower() for w in words.filler_words}
    required = d.pattern(
        words.requirement_words
        + words.must
        + words.nice
        + words.corrections
        + words.acknowledgements
    )
    text = required.sub(" ", text)
    kept = []
    for w in _WORD.findall(text):
        low = w.lower().strip("'’")
        if low in filler or len(low) < 3 and not low.isdigit():
            continue
        if zipf_frequency(low, "en") >= 5.6 and not w[:1].isupper():
            continue  # 'would', 'there', 'about': function words
        kept.append(w)
    return kept


def _covered_words(ctx: Context, found: list[Found]) -> set[str]:
    """Words inside the mentions that slot values used, and the cue words that tied them."""
    from assistant.interview.readers.cues import slot_cues

    covered: set[str] = {w.lower() for s, e in ctx.taken for w in _WORD.findall(ctx.text[s:e])}
    used = [f for f in found if f.slot != "other_requirements"]
    for m in ctx.message.mentions:
        if any(s < m.end and m.start < e for s, e in ctx.taken) or any(
            f.span and f.span[0] <= m.start < f.span[1] and _holds(f, m) for f in used
        ):
            covered |= {w.lower() for w in _WORD.findall(m.text)}
    for f in used:
        slot = ctx.plan.slot(f.slot)
        for cue in slot_cues(ctx.plan, slot):
            covered |= {w.lower() for w in _WORD.findall(cue)}
        covered |= {w.lower() for w in _WORD.findall(slot.label)}
        if f.span and isinstance(f.value, str) and ctx.plan.slot(f.slot).type == "text":
            covered |= {w.lower() for w in _WORD.findall(ctx.text[f.span[0] : f.span[1]])}
    return covered


def _holds(found: Found, mention) -> bool:
    value = found.value
    names = value if isinstance(value, list) else [value]
    return mention.name in [str(n) for n in names] or not mention.name


def _place_rule(ctx: Context, index: int, words: list[str]) -> bool:
    """A place the buyer ties data or agents to ('it must stay in the UK') is a requirement
    even in few words."""
    text = ctx.message.segment_text(index)
    places = [m for m in ctx.message.mentions if m.segment == index and m.kind == "location"]
    return (
        bool(places)
        and len(words) >= 1
        and bool(re.search(r"\b(?:stay|stays|remain|kept|based|located|in-state)\b", text, re.I))
    )


def _wording(text: str) -> str:
    """The buyer's words, trimmed: no leading 'and', 'but', 'so' or label punctuation, and no
    number the buyer corrected away ('more like 55,000 than 50,000' keeps 55,000)."""
    text = re.sub(
        r"^\s*(?:and|but|so|also|plus|then|oh|well)\b[\s,]*", "", text.strip(), flags=re.I
    )
    text = re.sub(r"\s+than\s+(?:about\s+|around\s+)?\d[\d,.]*(?:\s?[km]\b)?", "", text, flags=re.I)
    text = text.strip(" ,;:-–—")
    return text[:1].upper() + text[1:] if text else ""
