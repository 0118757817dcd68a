"""Vocabulary mentions given to slots: channels, languages, places, delivery models,
frameworks, KPIs, platforms and pricing models from the reading layer; industries, goals,
services and the plan's other vocabularies from the plan. A negated mention removes (or, for
a slot that records exclusions, is recorded there); a hedged one is nice to have."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.interview import discourse as d
from assistant.interview.message import LEXICON_KINDS, Mention
from assistant.interview.plan import SlotDef
from assistant.interview.readers import Context, Found
from assistant.interview.readers.cues import (
    SAME_SENTENCE,
    best_slot,
    ctx_topics,
    question_of,
    readable,
    topic_names,
)
from assistant.interview.readers.measures import clause_span
from assistant.interview.terms import answer_only_terms, phrase_pattern
from assistant.reading.assertion import statuses
from assistant.reading.places import nations, us_states
from assistant.reading.vocab import names_a_people

CUSTOMER_PLACES = "customer_regions"

DATA_PLACE = re.compile(
    r"\b(?:data|stored|storage|hosted|hosting|residency|transfer|kept|backups?)\b", re.I
)
EXCLUDED = re.compile(
    r"\b(?:stays? with (?:us|our)|stays? in-house|stays? in house|not in scope|out of scope|"
    r"not part of it|not up for discussion|remains? in-house|separate vendor)\b",
    re.I,
)
PREFER = re.compile(
    r"\b(?:want|wants|prefer|preferred|would like|'d like|’d like|should|moving to|switch to|let's say)\b",
    re.I,
)


def _vocabulary_of(ctx: Context, mention: Mention) -> str | None:
    """The plan vocabulary a mention belongs to."""
    if mention.kind.startswith("term:"):
        return mention.kind[5:]
    if mention.kind == "delivery_model":
        for vocabulary in ("shore_models", "work_models"):
            if any(t.name == mention.name for t in ctx.plan.terms(vocabulary)):
                return vocabulary
        return None
    return LEXICON_KINDS.get(mention.kind)


def read_vocabulary(ctx: Context) -> list[Found]:
    """Every vocabulary mention given to the slot its vocabulary and cues point at."""
    groups: dict[str, list[SlotDef]] = {}
    for slot in ctx.plan.slots:
        if slot.type in ("enum", "list[str]") and slot.vocabulary and not slot.negated_of:
            groups.setdefault(slot.vocabulary, []).append(slot)
    excluded = {s.negated_of: s for s in ctx.plan.slots if s.negated_of}
    picked: dict[str, list[tuple[Mention, bool]]] = {}
    for m in _mentions(ctx):
        vocabulary = _vocabulary_of(ctx, m)
        slots = [s for s in groups.get(vocabulary or "", []) if _canonical_ok(ctx, s, m)]
        if m.kind == "location" and names_a_people(m.text):
            # 'mostly Americans and Canadians': a country's people are whom the service serves,
            # whatever the topic; beside the staff ('our agents are Mexicans') they are neither
            staff = d.find(d.words().staff_words, ctx.message.segment_text(m.segment))
            slots = [
                s for s in groups.get(vocabulary or "", []) if s.name == CUSTOMER_PLACES and not staff
            ]
        if not slots or not _kept(ctx, m):
            continue
        slot = _slot_for(ctx, slots, m)
        if slot is None or _asked_elsewhere(ctx, slot, m):
            continue
        if m.status == "negated" and _pain_point(ctx, slot, m):
            m = replace(m, status="affirmed")  # 'we can't scale at peak': the goal is to
        removed = (
            (m.status == "negated" and (_denied(ctx, m) or _dropped(ctx, m)))
            or bool(EXCLUDED.search(ctx.message.segment_text(m.segment)))
        ) and not _kind_of_contact(ctx, m)
        if m.status == "negated" and not removed:
            continue  # 'no card payments over the phone' denies the payments, not the phone
        picked.setdefault(slot.name, []).append((m, removed))
        if removed and slot.name in excluded and m.status == "negated":
            picked.setdefault(excluded[slot.name].name, []).append((m, False))
        elif not removed and slot.name in excluded and not _only(ctx, [m]):
            # 'nearshore is fine too' after 'onshore only': what is wanted is no longer ruled out
            picked.setdefault(excluded[slot.name].name, []).append((m, True))
    found: list[Found] = []
    for name, items in picked.items():
        found += _found_for(ctx, ctx.plan.slot(name), items)
    return found


_DENY_BEFORE = re.compile(
    r"(?:\b(?:not interested in|no interest in|not keen on|not open to|no|zero|not|nothing|none|never|"
    r"without|nor|neither|drop|exclude|excluding|other than|"
    r"rather than|instead of)|n't)\s+(?:[\w'-]+\s+){0,2}$",
    re.I,
)
_DENY_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}(?:is|are|isn't|aren't|was|do|does|did|would|will|can)?\s*(?:not|never|n't)\b"
    r"|^\s*(?:\w+\s+){0,2}"
    r"(?:not needed|not required|not in scope|out of scope|isn't needed|not part)"
    r"|^\s*(?:is|are)\s+(?:also\s+)?out\b(?!\s+of\b)"
    r"|^\s*[,:-]\s*no\s*(?:[.!;]|$)",  # 'Offshore, no.'
    re.I,
)


_QUALIFIER = re.compile(r"([A-Za-z][\w-]*)\s+$")


def _kind_of_contact(ctx: Context, m: Mention) -> bool:
    """'Warranty repair calls are not in scope': a channel's word after a word that says which
    contacts names a kind of contact (the calls about repairs), not the channel; the phone
    stays. A channel said as such ('phone', 'the calls', 'all emails') is the channel."""
    from wordfreq import zipf_frequency

    if m.kind != "channel" or " " in m.text.strip():
        return False
    before = _QUALIFIER.search(ctx.text[ctx.message.segments[m.segment].start : m.start])
    if before is None:
        return False
    word = before.group(1).lower()
    neighbours = [o for o in ctx.message.mentions if o.end <= m.start and o.end >= before.start()]
    return not neighbours and zipf_frequency(word, "en") < 5.6 and not word.endswith("ly")


def _denied(ctx: Context, m: Mention) -> bool:
    """Whether the negation is about the term itself ('no offshore', 'French is not required',
    'chat is not in scope'), not about something said near it."""
    segment = ctx.message.segments[m.segment]
    before = ctx.text[max(segment.start, m.start - 30) : m.start]
    after = ctx.text[m.end : min(segment.end, m.end + 30)]
    return bool(_DENY_BEFORE.search(before) or _DENY_AFTER.search(after))


def _mentions(ctx: Context) -> list[Mention]:
    """The message's vocabulary mentions, with the answer-only phrases of the pending
    question's vocabularies ('Ours.', 'The vendor's.') and of pricing where pricing is the
    topic ('Pricing per ticket', 'For the price, per contact')."""
    mentions = [m for m in ctx.message.mentions if _vocabulary_of(ctx, m)]
    asked = {ctx.plan.slot(s).vocabulary for s in ctx.pending if ctx.plan.slot(s).vocabulary}
    for index, segment in enumerate(ctx.message.segments):
        vocabularies = set(asked)
        if readable_topic(ctx, "pricing_model", index):
            vocabularies.add("pricing_models")
        text = ctx.message.segment_text(index)
        for vocabulary in vocabularies:
            kind = _kind_of(vocabulary)
            for hit in answer_only_terms(text, ctx.plan.terms(vocabulary)):
                start, end = segment.start + hit.start, segment.start + hit.end
                if vocabulary in asked:
                    # the asked question's answer outranks another vocabulary's reading of the
                    # same words ('A hybrid model - …' to the pricing question is pricing)
                    mentions = [
                        m
                        for m in mentions
                        if not (m.start < end and start < m.end and _vocabulary_of(ctx, m) not in asked)
                    ]
                if not any(m.start < end and start < m.end for m in mentions):
                    status = _status_like(ctx, index, start, end)
                    mentions.append(
                        Mention(
                            kind,
                            {"name": hit.name},
                            start,
                            end,
                            text[hit.start : hit.end],
                            status,
                            index,
                        )
                    )
    return sorted(mentions, key=lambda m: m.start)


def _kind_of(vocabulary: str) -> str:
    """The mention kind of a plan vocabulary's terms."""
    lexicon = {v: k for k, v in LEXICON_KINDS.items()}
    if vocabulary in lexicon:
        return lexicon[vocabulary]
    if vocabulary in ("shore_models", "work_models"):
        return "delivery_model"
    return f"term:{vocabulary}"


def readable_topic(ctx: Context, slot: str, index: int) -> bool:
    """Whether the segment names the topic of a slot's question (or a price word)."""
    from assistant.interview.readers.cues import ctx_topics

    question = question_of(ctx.plan, slot)
    text = ctx.message.segment_text(index) + " " + ctx.message.label(index)
    return (question is not None and question.id in ctx_topics(ctx)[index]) or bool(
        re.search(r"\b(?:pric\w*|pay|paid|charge\w*|bill\w*|rate)\b", text, re.I)
    )


def _status_like(ctx: Context, index: int, start: int, end: int) -> str:
    """Negated where a denial stands right before `start` ('per transaction, not per FTE' keeps
    'per contact' affirmed), or where the reading layer's triggers deny the words from `start`
    to `end` in their segment ('per minute would be difficult for finance')."""
    segment = ctx.message.segments[index]
    before = ctx.text[segment.start : start]
    if re.search(r"\b(?:not|no|never|rather than|instead of)\s+$", before, re.I):
        return "negated"
    span = (start - segment.start, end - segment.start)
    denied = statuses(ctx.message.segment_text(index), [span])[0] == "negated"
    return "negated" if denied else "affirmed"


def _canonical_ok(ctx: Context, slot: SlotDef, m: Mention) -> bool:
    """A slot read only on its topic still takes a bare list of its terms said by their exact
    names ('So: scalability, lower cost')."""
    if readable(ctx, slot, m.segment):
        return True
    if slot.incidental or slot.context or m.text.lower() != m.name.lower():
        return False
    if m.kind.startswith("term:") and re.search(r"[\s-]", m.name):
        return True  # a name of several words says itself ('follow the sun', 'we provide')
    pending_kinds = {
        f"term:{ctx.plan.slot(p).vocabulary}" for p in ctx.pending if ctx.plan.slot(p).vocabulary
    }
    if any(
        o.kind in pending_kinds and o.start < m.end and m.start < o.end
        for o in ctx.message.mentions
    ):
        return False  # the words answer the question asked ('Weekly and quarterly' meetings)
    same = [o for o in ctx.message.mentions if o.segment == m.segment and o.kind == m.kind]
    rest = ctx.message.segment_text(m.segment)
    for o in sorted(same, key=lambda o: -o.start):
        rest = (
            rest[: o.start - ctx.message.segments[m.segment].start]
            + rest[o.end - ctx.message.segments[m.segment].start :]
        )
    return not re.sub(
        r"\b(?:and|or|so|also|plus|then|both|mainly|mostly)\b|[\s,;:.&/+-]", "", rest, flags=re.I
    )


def _asked_elsewhere(ctx: Context, slot: SlotDef, m: Mention) -> bool:
    """Read outside its topic only by its `read_with` words, a term that is the cue of a slot
    another question asks for ('attrition under 45%' answers the attrition cap, 'QA score of
    88%' the quality target) is not an item of this slot."""
    if not slot.read_with or slot.incidental or slot.name in ctx.pending:
        return False
    own = question_of(ctx.plan, slot.name)
    if own is not None and own.id in ctx_topics(ctx)[m.segment]:
        return False
    for question in ctx.plan.questions:
        if own is not None and question.id == own.id:
            continue
        words = topic_names(question, ctx.plan) + tuple(
            c for name in question.slots for c in ctx.plan.slot(name).cues
        )
        if any(re.fullmatch(phrase_pattern(w), m.text, re.I) for w in words):
            return True
    return False


def _pain_point(ctx: Context, slot: SlotDef, m: Mention) -> bool:
    """A goal the buyer's operation cannot reach today ('our in-house team can't scale at
    peak', 'we struggle to cover weekends'): an inability before the goal in its clause."""
    if slot.vocabulary != "goals":
        return False
    start, _ = clause_span(ctx, m.start)
    before = ctx.message.text[start : m.start]
    own_clause = re.split(r"[,;]|\b(?:and|but|while|whereas)\b", before)[-1]
    return bool(d.find(d.words().inability, own_clause))


_FOR_USE = re.compile(
    r"\s+for\s+(?:(?:the|our|all)\s+)?(?:[\w-]+\s*(?:,|/|&|\band\b|\bor\b)\s*)*", re.I
)


_WISHED = re.compile(
    r"\b(?:want|wants|would like|'d like|looking to|plan to|planning to|hope to)\b(?:\s+[\w-]+){0,3}\s+$",
    re.I,
)


def _a_tools_use(ctx: Context, m: Mention) -> bool:
    """'Five9 for phones', 'Zendesk for email and chat': the channels say what a platform is
    used for, not which channels the service covers."""
    return any(
        p.end <= m.start and _FOR_USE.fullmatch(ctx.text[p.end : m.start])
        for p in ctx.message.of_kind("platform")
    )


def _kept(ctx: Context, m: Mention) -> bool:
    """Mentions that speak of the buyer's own needs: usable where they stand, not said of a
    partner or another client, not the label of a sentence ('Languages: …'), not a city, not a
    place where data is kept."""
    if not ctx.message.usable(m) or m.status == "other_client":
        return False
    if m.status == "third_party" and m.kind != "term:platform_owners":
        return False  # 'the partner would work in our systems' says who provides them
    if m.kind.startswith("term:") and m.kind != "term:criteria" and not ctx.free(m.start, m.end):
        return False  # the words are another reader's ('60% quality' is a weight, not a goal)
    if m.kind == "term:services" and _job_title(ctx, m):
        return False
    if m.kind == "channel" and (_a_tools_use(ctx, m) or (m.start, m.end) in ctx.share_keys):
        return False
    if m.kind == "term:current_models" and _WISHED.search(ctx.text[max(0, m.start - 30) : m.start]):
        return False  # 'want support outsourced': the aim, not how it is run today
    label = ctx.message.label(m.segment)
    start = ctx.message.sentence_span(m.segment)[0]
    if (
        label
        and m.end <= start + len(label)
        and m.kind.startswith("term:")
        and len(label.split()) <= 2
    ):
        return False
    if m.kind == "location":
        if _city(m) or _state_of_a_named_country(ctx, m):
            return False
        if DATA_PLACE.search(ctx.message.segment_text(m.segment)):
            return False
        if _destination(ctx, m):
            return False
    return True


def _city(m: Mention) -> bool:
    country = m.value.get("country")
    return bool(country) and country != m.name and m.name not in us_states() and m.name not in nations()


_ROLE_BEFORE = re.compile(
    r"\b(?:head|director|vp|vice president|manager|lead|officer|chief|team leader)\s+(?:of|for)\s+(?:the\s+)?$",
    re.I,
)
_ROLE_AFTER = re.compile(
    r"^\s+(?:director|manager|lead|leader|officer|team lead|head|supervisor|vp)\b", re.I
)


def _job_title(ctx: Context, m: Mention) -> bool:
    """'head of customer service', 'customer care director': a person's title, not a service."""
    before = ctx.text[max(0, m.start - 30) : m.start]
    return bool(_ROLE_BEFORE.search(before) or _ROLE_AFTER.match(ctx.text[m.end : m.end + 20]))


def _state_of_a_named_country(ctx: Context, m: Mention) -> bool:
    """'All in the US - Ohio and Kentucky': the country stands for its states."""
    if m.name not in us_states():
        return False
    sentence = ctx.message.sentences[ctx.message.segments[m.segment].sentence]
    return any(
        o.name == "United States" and sentence[0] <= o.start < sentence[1]
        for o in ctx.message.of_kind("location")
    )


def _destination(ctx: Context, m: Mention) -> bool:
    """'package holidays to Spain, Portugal and the Canaries', 'flying across Europe': places
    people travel to."""
    clause = clause_span(ctx, m.start)
    segment = ctx.message.segments[m.segment]
    head = ctx.text[segment.start : m.start]
    return (
        bool(
            re.search(
                r"\b(?:holidays?|flights?|trips?|travel|travelling|fly|flying)\s+(?:to|across|around)\s+"
                r"(?:[\w' ]+(?:,|\band\b)\s*)*(?:the\s+)?"
                r"(?:(?:north|south|east|west|northern|southern|eastern|western|central)\s+)?$",
                head,
                re.I,
            )
        )
        and clause[0] >= segment.start
    )


def _slot_for(ctx: Context, slots: list[SlotDef], m: Mention) -> SlotDef | None:
    """One slot: the only one, else the one whose cue is nearest (or the pending one)."""
    if len(slots) == 1:
        return slots[0]
    best = best_slot(ctx, slots, m.start, m.end)
    if best is not None and best[1][0] <= SAME_SENTENCE:
        return best[0]
    held = [s for s in slots if m.name in (ctx.filled.get(s.name) or [])]
    if held and not any(s.name in ctx.pending for s in held):
        same = [o for o in ctx.message.mentions if o.segment == m.segment and o.kind == m.kind]
        if all(o.name in (ctx.filled.get(held[0].name) or []) for o in same):
            return held[0]  # the buyer repeats a list it gave for another slot
    pending = [s for s in slots if s.name in ctx.pending]
    if pending:
        return pending[0]
    return best[0] if best is not None else None


def _found_for(ctx: Context, slot: SlotDef, items: list[tuple[Mention, bool]]) -> list[Found]:
    if slot.type == "enum":
        return _enum_found(ctx, slot, [m for m, removed in items if not removed])
    last: dict[str, tuple[Mention, bool]] = {}
    for m, removed in items:
        dropped = removed or _dropped(ctx, m)
        if (
            m.name in last
            and not last[m.name][1]
            and dropped
            and not _dropped(ctx, m)
            and not _later_said(ctx, last[m.name][0], m)
        ):
            continue  # 'Spanish …, we get a lot of Spanish guests': a passing negation keeps it
        last[m.name] = (m, dropped)
    found = [
        Found(
            slot.name,
            [name],
            clause_span(ctx, m.start),
            remove=dropped,
            priority=None if dropped else _item_priority(ctx, slot, name, items),
        )
        for name, (m, dropped) in last.items()
    ]
    if found and _only(ctx, [m for m, removed in items if not removed]):
        rest = _the_rest_excluded(ctx, slot, found)
        found = [Found(slot.name, [], None, corrected=True), *found, *rest]
    return found


def _the_rest_excluded(ctx: Context, slot: SlotDef, found: list[Found]) -> list[Found]:
    """'Onshore only': where the slot has a slot of what is ruled out, the rest of its
    vocabulary is ruled out (nearshore and offshore)."""
    excluded = next((s for s in ctx.plan.slots if s.negated_of == slot.name), None)
    kept = {name for f in found if not f.remove for name in f.value}
    if excluded is None or not kept or not slot.vocabulary:
        return []
    span = next((f.span for f in found if not f.remove), None)
    rest = [t.name for t in ctx.plan.terms(slot.vocabulary) if t.name not in kept]
    return [Found(excluded.name, [name], span) for name in rest]


_CONTRAST = re.compile(r"\b(?:but|however|though|although|yet)\b", re.I)


def _later_said(ctx: Context, first: Mention, later: Mention) -> bool:
    """A later statement about the same item in another sentence ('Web chat is something we'd
    like priced … web chat is an optional line item, not a requirement'), or after a contrast
    in the same one ('some refund calls come in, but we'd rather not include refunds')."""
    return (
        ctx.message.segments[first.segment].sentence
        != ctx.message.segments[later.segment].sentence
        or any(first.end <= c < later.start for r in ctx.message.roles for c in r.corrections)
        or bool(_CONTRAST.search(ctx.text[first.end : later.start]))
    )


def _item_priority(ctx: Context, slot: SlotDef, name: str, items) -> str | None:
    """Must-have when any mention of the item says so; nice-to-have when every one is hedged
    or marked so; else the slot's default."""
    priorities = [ctx.priority(m) for m, removed in items if m.name == name and not removed]
    if "must" in priorities:
        return "must"
    if priorities and all(p == "nice" for p in priorities):
        return "nice"
    if "nice" in priorities and priorities[0] == "nice":
        return "nice"
    return slot.priority


def _dropped(ctx: Context, m: Mention) -> bool:
    """'drop Punjabi', 'take out French', 'we moved off Genesys' (the drop word right before
    the name); and the items
    of a segment that adds to a removal before it in the sentence ('remove the Netherlands -
    the Dutch language and its regulator as well')."""
    before = ctx.text[max(ctx.message.segments[m.segment].start, m.start - 40) : m.start]
    drop = d.pattern(d.words().drop + d.words().switch_from).pattern
    if re.search(rf"(?:{drop})\s+(?:the\s+)?$", before, re.I):
        return True
    return _adds_to_a_removal(ctx, m.segment)


_VERB = re.compile(
    r"\b(?:is|are|was|were|be|stays?|remains?|keeps?|will|has|have|goes|go|needs?|continues?)\b",
    re.I,
)


def _adds_to_a_removal(ctx: Context, index: int) -> bool:
    """A segment ending 'as well' or 'too' right after a segment of the same sentence that
    removes something."""
    segments = ctx.message.segments
    if index == 0 or segments[index - 1].sentence != segments[index].sentence:
        return False
    text = ctx.message.segment_text(index)
    if not re.search(r"\b(?:as well|too)\W*$", text, re.I) or _VERB.search(text):
        return False  # 'the Spanish line stays as well' says something of its own
    drop = d.pattern(d.words().drop).pattern
    return bool(re.search(rf"(?:{drop})\s", ctx.message.segment_text(index - 1), re.I))


_PHASE = re.compile(
    r"\b(?:pilot|trial|proof of concept|poc|first phase|phase one|phase 1|initially|"
    r"to start with|to begin with|at first|at launch)\b",
    re.I,
)


def _only(ctx: Context, mentions: list[Mention]) -> bool:
    """'English only', 'just English', 'UK only': the list is these items and no others."""
    words = d.pattern(d.words().only).pattern
    for m in mentions:
        if _PHASE.search(ctx.message.segment_text(m.segment)) or _PHASE.search(
            ctx.text, ctx.message.sentence_span(m.segment)[0], m.start
        ):
            continue  # 'pilot 30 days, email only', 'A pilot, yes: 2 months, German only': the
            # pilot's scope, not the whole list
        after = ctx.text[m.end : m.end + 12]
        before = ctx.text[max(0, m.start - 10) : m.start]
        if re.match(rf"\s*(?:{words})\b", after, re.I) or re.search(
            rf"\b(?:{words})\s+$", before, re.I
        ):
            return True
    return False


def _enum_found(ctx: Context, slot: SlotDef, mentions: list[Mention]) -> list[Found]:
    """One value: the one said after a correction, else the one the buyer says they want,
    else (for a slot that combines) the combined value, else the first; values said of today
    give way to others."""
    if not mentions:
        return []
    mentions = [m for m in mentions if not _compared_away(ctx, m)]
    if not mentions:
        return []
    wanted = (
        mentions
        if slot.today
        else [m for m in mentions if not _baseline_segment(ctx, m)] or mentions
    )
    names = list(dict.fromkeys(m.name for m in wanted))
    corrected = [m for m in wanted if any(c < m.start for c in _marks_before(ctx, m))]
    preferred = [m for m in wanted if PREFER.search(ctx.text, *clause_span(ctx, m.start))]
    if corrected and len(names) > 1:
        choice = corrected[-1]
    elif len(names) > 1 and preferred and len({m.name for m in preferred}) == 1:
        choice = preferred[0]
    elif slot.combined_value and (len(names) > 1 or _split_between(ctx, wanted[0])):
        first = wanted[0]
        return [
            Found(
                slot.name,
                slot.combined_value,
                clause_span(ctx, first.start),
                priority=ctx.priority(first),
            )
        ]
    else:
        choice = wanted[0]
    return [
        Found(slot.name, choice.name, clause_span(ctx, choice.start), priority=ctx.priority(choice))
    ]


_SPLIT = re.compile(r"\b(partly|partially|in part)\b.+\b\1\b", re.I)


def _split_between(ctx: Context, m: Mention) -> bool:
    """'answered partly in-house and partly by a contractor': one of two sides named, the
    work split between them; the combined value."""
    start, end = ctx.message.sentence_span(m.segment)
    return bool(_SPLIT.search(ctx.text[start:end]))


_COMPARED = re.compile(r"\b(?:than|rather than|instead of|over)\s+(?:the\s+)?$", re.I)


def _compared_away(ctx: Context, m: Mention) -> bool:
    """'per minute is better for us than per hour': the value it is compared with is not the
    choice."""
    segment = ctx.message.segments[m.segment]
    return bool(_COMPARED.search(ctx.text[max(segment.start, m.start - 20) : m.start]))


def _marks_before(ctx: Context, m: Mention) -> list[int]:
    """Correction marks in the message before the mention (after some earlier value)."""
    return [c for r in ctx.message.roles for c in r.corrections if c < m.start]


def _baseline_segment(ctx: Context, m: Mention) -> bool:
    return ctx.message.roles[m.segment].baseline
