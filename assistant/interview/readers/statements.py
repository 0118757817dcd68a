"""Yes/no slots from their cue words and the cue's assertion status, text slots (peak periods,
go-live, pilot success, procurement procedure) from the words around their cue, goal targets,
and the short answers to the pending question ('yes', 'none', a bare value)."""

from __future__ import annotations

import re

from assistant.interview import discourse as d
from assistant.interview.plan import SlotDef
from assistant.interview.readers import Context, Found
from assistant.interview.readers.cues import _cue_regex, ctx_topics, question_of, slot_cues
from assistant.interview.readers.measures import clause_span
from assistant.reading.assertion import statuses

YES = re.compile(
    r"^\s*(?:yes|yeah|yep|yup|sure|correct|definitely|absolutely|of course|please do|we do"
    r"|we will|we'd like|we would|required|needed|must|y|ja|si|sì|oui)\b",
    re.I,
)
NO = re.compile(
    r"^\s*(?:no|nope|nah|not really|not needed|not required|none|we don't|we do not|n/a"
    r"|never|nothing|not applicable|not|n|nein)\b",
    re.I,
)


# --------------------------------------------------------------------------- yes/no


def read_flags(ctx: Context) -> list[Found]:
    """Each yes/no slot whose cue is said: yes when the cue is affirmed, no when negated; a
    cue in a question, an anecdote or a segment that leaves the topic for later says nothing."""
    found = []
    message = ctx.message
    for slot in ctx.slots_of("bool"):
        regex = _cue_regex(slot_cues(ctx.plan, slot) if slot.name != "open_24_7" else slot.cues)
        if regex is None:
            continue
        for m in regex.finditer(ctx.text):
            index = message.segment_at(m.start())
            role = message.roles[index]
            if (
                role.question
                or _in_query(message, m.start())
                or role.past
                or role.skip
                or role.acknowledgement
                or not ctx.free(m.start(), m.end())
            ):
                continue
            status = _status(ctx, index, m.start(), m.end())
            if status in ("third_party", "other_client"):
                continue
            priority = "nice" if status == "hedged" else role.priority
            found.append(
                Found(
                    slot.name, status != "negated", clause_span(ctx, m.start()), priority=priority
                )
            )
            break
    return found


def _in_query(message, at: int) -> bool:
    """Whether the sentence around `at` ends in '?': 'A pilot?' or 'Card payments too?' raises
    the topic; it says neither yes nor no."""
    return any(
        start <= at < end and message.text[start:end].rstrip(" \"')").endswith("?")
        for start, end in message.sentences
    )


def _status(ctx: Context, index: int, start: int, end: int) -> str:
    """The assertion status of a span inside its segment (the reading layer's ConText)."""
    segment = ctx.message.segments[index]
    text = ctx.text[segment.start : segment.end]
    return statuses(text, [(start - segment.start, end - segment.start)])[0]


# --------------------------------------------------------------------------- text slots

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may(?=\s+\d)|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WHEN = (
    rf"(?:q[1-4](?:\s+\d{{4}})?|{_MONTH}(?:\s+{_DAY}(?!\d))?(?:,?\s+\d{{4}})?|{_DAY}\s+{_MONTH}(?:\s+\d{{4}})?|"
    r"\d{4}-\d{2}(?:-\d{2})?|next (?:month|quarter|year|spring|summer|autumn|fall|winter)|"
    r"(?:this|next) (?:spring|summer|autumn|fall|winter)|(?:spring|summer|autumn|fall|winter)\s+\d{4}|"
    r"(?:(?<=before )|(?<=by )|(?<=after )|(?<=until ))(?:the\s+)?(?:spring|summer|autumn|fall|winter|easter|christmas|new year|black friday)"
    r"(?:\s+season)?|(?:the\s+)?(?:start|end|beginning) of (?:the\s+)?(?:year|quarter|month|financial year|"
    r"fiscal year)|(?:in\s+)?\d+\s+(?:weeks|months))"
)
DATE = re.compile(
    rf"(?:(?:not\s+)?(?:before|by|after|from|in|on|for|until|no later than)\s+)?(?:the\s+)?"
    rf"(?:(?:early|mid|late|end of|the end of|beginning of|start of)\s+)?{_WHEN}(?:\s+(?:next year|this year))?"
    r"(?:,?\s+at the latest)?",
    re.I,
)
PERIOD = re.compile(
    rf"\b{_MONTH}|\b(?:spring|summer|autumn|fall|winter|christmas|easter|bank holidays?|the holidays|"
    r"holiday season|black friday|new year|season|weekends?|mondays?|tuesdays?|month end|"
    r"end of (?:every|the|each) month|launch(?:es)?|launch weeks?|campaigns?|on tv|enrol?lment)\b",
    re.I,
)


def read_texts(ctx: Context) -> list[Found]:
    """Text slots: go-live, peak periods, pilot success criteria, procurement procedure."""
    found = []
    for slot in ctx.slots_of("text"):
        if slot.name == "company_name":
            continue
        reader = {"go_live_date": _go_live, "peak_periods": _peaks}.get(slot.name, _cued_text)
        value = reader(ctx, slot)
        if value is not None:
            found.append(value)
    return found


def _cue_segments(ctx: Context, slot: SlotDef) -> list[tuple[int, re.Match]]:
    regex = _cue_regex(slot_cues(ctx.plan, slot))
    if regex is None:
        return []
    hits = []
    for m in regex.finditer(ctx.text):
        index = ctx.message.segment_at(m.start())
        role = ctx.message.roles[index]
        if not (role.question or role.past or role.skip or role.acknowledgement):
            hits.append((index, m))
    return hits


def _go_live(ctx: Context, slot: SlotDef) -> Found | None:
    """The date phrases after a go-live cue in its segment ('Go-live must be 1 April next
    year', 'before the summer season, so April at the latest')."""
    hits = _cue_segments(ctx, slot)
    if not hits and slot.name in ctx.pending:
        hits = [(i, None) for i in range(len(ctx.message.segments))]
    for index, cue in hits:
        segment = ctx.message.segments[index]
        # from the cue's start: 'live before October' keeps its 'before'
        start = cue.start() if cue else segment.start
        end = _date_reach(ctx, index, start) if cue else segment.end
        dates = [
            m
            for m in _dates_in(ctx, start, end)
            if cue or ctx.short or not _BARE_LENGTH.fullmatch(m.group(0).strip())
        ]
        if dates:
            later = _corrected_date(ctx, index)
            if later is not None:
                return later
            text = ctx.text[dates[0].start() : dates[-1].end()].strip(" ,.")
            return Found(slot.name, _tidy(text), (dates[0].start(), dates[-1].end()))
    if slot.name in ctx.filled:
        return _corrected_date(ctx, -1, bare_lengths=False)
    return None


def _date_reach(ctx: Context, index: int, start: int) -> int:
    """Where the date of a cue in segment `index` may end: its segment, or the next segment of
    the same sentence when the cue's segment has no date and is a label or the next begins
    with 'so' ('i.e.', 'meaning', …)."""
    segments = ctx.message.segments
    segment = segments[index]
    if _dates_in(ctx, start, segment.end) or index + 1 >= len(segments):
        return segment.end
    after = segments[index + 1]
    if after.sentence != segment.sentence or ctx.message.roles[index + 1].question:
        return segment.end
    label = ctx.text[segment.end : after.start].strip().startswith(":")
    follows = re.match(r"\s*(?:so|i\.e\.|meaning|that is)\b", ctx.text[after.start : after.end], re.I)
    return after.end if label or follows else segment.end


def _dates_in(ctx: Context, start: int, end: int) -> list[re.Match]:
    """Date phrases in text[start:end], without the ones a correction dismisses ('rather than Q2')."""
    return [
        m
        for m in DATE.finditer(ctx.text, start, end)
        if not re.search(
            r"\b(?:than|not|instead of)\s+$", ctx.text[max(0, m.start() - 12) : m.start()], re.I
        )
    ]


# '8 weeks' with no 'in' before it: a length, a go-live date only as a short answer.
_BARE_LENGTH = re.compile(r"\d+\s+(?:weeks|months)")


def _corrected_date(ctx: Context, after: int, bare_lengths: bool = True) -> Found | None:
    """'Go-live in September. Sorry, I mean October.', 'Correction: April': a date after a
    correction word of its sentence. Without a go-live cue in the message (`bare_lengths`
    False), '8 weeks' alone corrects some other length ('Pilot 6 weeks. Make it 8 weeks')."""
    for index in range(len(ctx.message.segments) - 1, after, -1):
        role = ctx.message.roles[index]
        segment = ctx.message.segments[index]
        if role.question or role.past:
            continue
        sentence = ctx.message.sentences[segment.sentence]
        marks = [
            c for r in ctx.message.roles for c in r.corrections if sentence[0] <= c < segment.end
        ]
        if not marks:
            continue
        dates = [
            m
            for m in _dates_in(ctx, segment.start, segment.end)
            if m.start() > marks[0]
            and (bare_lengths or not _BARE_LENGTH.fullmatch(m.group(0).strip()))
        ]
        if dates:
            text = ctx.text[dates[0].start() : dates[-1].end()].strip(" ,.")
            return Found(
                "go_live_date", _tidy(text), (dates[0].start(), dates[-1].end()), corrected=True
            )
    return None


def _corrects(ctx: Context) -> bool:
    """A message that corrects something ('Actually, the volume is 50k, not 40k') is no answer
    in words to the question pending."""
    return any(r.corrections for r in ctx.message.roles)


def _tidy(text: str) -> str:
    """Without 'by', 'in', 'on' or 'for' before the date (the RFP says 'go-live is …'); 'not
    before', 'before' and 'after' stay, they change its meaning."""
    text = re.sub(r"^(?:by|in|on|for)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\bq([1-4])\b", r"Q\1", text)


def _peaks(ctx: Context, slot: SlotDef) -> Found | None:
    """The clauses that say when demand peaks ('Summer is mad, June to September is roughly
    double; there's a little bump at Christmas'), with short fragments between them; a peak
    cue without a time ('Can't scale at peak') names no period."""
    hits = [
        (i, m) for i, m in _cue_segments(ctx, slot) if _has_period(ctx, i) and not _deadline(ctx, m)
    ]
    if not hits and slot.name in ctx.pending and ctx.short and not _corrects(ctx):
        hits = [(0, None)]
    if not hits:
        return None
    pieces, spans = [], []
    indexes = sorted({index for index, _ in hits})
    for index in list(
        indexes
    ):  # a time said in the rest of the sentence ('Winter is busier - … from November')
        for later in range(index + 1, len(ctx.message.segments)):
            if ctx.message.segments[later].sentence != ctx.message.segments[index].sentence:
                break
            if PERIOD.search(ctx.message.segment_text(later)) and later not in indexes:
                indexes.append(later)
    indexes.sort()
    for index in range(indexes[0], indexes[-1] + 1):
        text = ctx.message.segment_text(index)
        if index not in indexes:
            if len(text.split()) <= 5 and not ctx.message.roles[index].past:
                pieces.append(text.strip(" ,.;"))
            continue
        clauses = _clauses(ctx, index)
        marked = [
            k
            for k, (s, e) in enumerate(clauses)
            if any(s <= m.start() < e for i, m in hits if m is not None)
            or PERIOD.search(ctx.text[s:e])
        ]
        if not marked:
            marked = list(range(len(clauses)))
        for s, e in clauses[min(marked) : max(marked) + 1]:
            if not ctx.message.roles[index].past:
                pieces.append(ctx.text[s:e].strip(" ,.;"))
                spans.append((s, e))
    text = "; ".join(p for p in pieces if p)
    return Found(slot.name, text[:300], (spans[0][0], spans[-1][1])) if text and spans else None


_BY_THEN = re.compile(
    r"\b(?:before|by|ahead of|in time for|until|till)\s+(?:(?:the|next|this|our|its)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def _deadline(ctx: Context, cue: re.Match) -> bool:
    """'running before next season', 'live ahead of the winter peak': a peak said as the time
    something must be ready by, not as when demand peaks."""
    return bool(_BY_THEN.search(ctx.text[max(0, cue.start() - 40) : cue.start()]))


def _has_period(ctx: Context, index: int) -> bool:
    """A time in the segment, or (for a fragment) in the sentence before."""
    if PERIOD.search(ctx.message.segment_text(index)):
        return True
    segment = ctx.message.segments[index]
    if segment.sentence == 0:
        return False
    start, end = ctx.message.sentences[segment.sentence - 1]
    return (
        bool(PERIOD.search(ctx.text[start:end]))
        and len(ctx.message.segment_text(index).split()) <= 6
    )


def _clauses(ctx: Context, index: int) -> list[tuple[int, int]]:
    segment = ctx.message.segments[index]
    spans, at = [], segment.start
    for m in re.finditer(r",\s*", ctx.text[segment.start : segment.end]):
        spans.append((at, segment.start + m.start()))
        at = segment.start + m.end()
    spans.append((at, segment.end))
    return [(s, e) for s, e in spans if ctx.text[s:e].strip(" ,.")]


def _cued_text(ctx: Context, slot: SlotDef) -> Found | None:
    """A text slot's value: its pattern near its cue, or the words after its cue; the whole
    answer when its question is pending."""
    pattern = re.compile(slot.pattern) if slot.pattern else None
    for index, cue in _cue_segments(ctx, slot):
        segment = ctx.message.segments[index]
        if pattern is not None:
            sentence = ctx.message.sentences[segment.sentence]
            matches = list(pattern.finditer(ctx.text, sentence[0], sentence[1]))
            if matches:
                m = max(matches, key=lambda x: len(x.group(0)))  # the fullest wording
                value = (m.group("value") if "value" in m.re.groupindex else m.group(0)).strip(
                    " .,"
                )
                return Found(slot.name, value, m.span())
            continue
        rest = ctx.text[cue.end() : segment.end]
        rest = re.sub(r"^\s*(?:is|are|means|mean|would be|will be|:|-|=)\s*", "", rest, flags=re.I)
        if len(rest.split()) >= 2:
            ctx.take(
                cue.end(), segment.end
            )  # its numbers belong to the text ('CSAT of 90 or above')
            return Found(slot.name, rest.strip(" .,")[:300], (cue.end(), segment.end))
    if (
        slot.name in ctx.pending
        and not slot.pattern
        and not ctx.message.only_acknowledges()
        and not _corrects(ctx)
    ):
        text = ctx.text.strip()
        ctx.take(0, len(ctx.text))
        return Found(slot.name, text[:300], (0, len(ctx.text)))
    return None


# --------------------------------------------------------------------------- goal targets

_GOAL = re.compile(
    r"\b(?:up to|up by|to at least|target|targets|goal|goals|improve|increase|raise|reduce|"
    r"cut|lower|down to|down by|keep|keeping|reach|get to|bring|"
    r"(?:get|take|push) (?:it|that) to)\b",
    re.I,
)
_DOWN = re.compile(r"\b(?:reduce|cut|lower|down|decrease|bring down)\b", re.I)


_CHANGE_IN = re.compile(
    r"\s*(?P<noun>reduction|decrease|drop|cut|fall|increase|improvement|rise|uplift|gain|"
    r"lift|boost)\s+(?:in|of|to)\s+(?:(?:the|our|its|their)\s+)?$",
    re.I,
)
_FALL = ("reduction", "decrease", "drop", "cut", "fall")


def read_measure_changes(ctx: Context) -> list[Found]:
    """'a 15% reduction in handle time', 'a 5% lift in conversion': a change of a named
    measure (read before the quantities by cue, which would take '20% increase' as growth)."""
    if "goal_targets" not in ctx.plan.slot_map:
        return []
    targets, spans = [], []
    for kpi in ctx.message.of_kind("kpi"):
        if not ctx.message.usable(kpi) or ctx.message.roles[kpi.segment].baseline:
            continue
        segment = ctx.message.segments[kpi.segment]
        for m in ctx.message.of_kind("percent"):
            if m.segment != kpi.segment or m.end > kpi.start or not ctx.free(m.start, m.end):
                continue
            change = _CHANGE_IN.fullmatch(ctx.text, m.end, kpi.start)
            if change is None or segment.start > m.start:
                continue
            sign = "-" if change.group("noun").lower() in _FALL else ""
            targets.append({"metric": kpi.name, "change": f"{sign}{m.value['value']:g}%"})
            spans.append(clause_span(ctx, m.start))
            ctx.take(m.start, kpi.end)
    if not targets:
        return []
    return [Found("goal_targets", targets, (spans[0][0], spans[-1][1]))]


_NEW_CLAUSE = re.compile(r",|\b(?:and|but)\s+(?=(?:I|we|I'd|we'd|I'm|we're)\b)", re.I)


def _said_of_today(ctx: Context, start: int, pos: int) -> bool:
    """'our save rate is 14% today and I want to get it to 25%': a baseline word in the
    clause that holds the figure (a clause after 'and I want' is its own)."""
    text = ctx.text[start:pos]
    cuts = [m.end() for m in _NEW_CLAUSE.finditer(text)]
    return bool(d.find(d.words().baseline, text[cuts[-1] if cuts else 0 :]))


def read_goal_targets(ctx: Context) -> list[Found]:
    """'I'd want that up to 35%' (conversion, named just before), 'reduce cost per contact by
    10%': a target for a measure that has no slot of its own."""
    if "goal_targets" not in ctx.plan.slot_map:
        return []
    from assistant.interview.readers.measures import bare_numbers

    targets, spans = [], []
    kpis = [m for m in ctx.message.of_kind("kpi") if ctx.message.usable(m)]
    numbers = ctx.message.of_kind("percent") + [
        n for n in bare_numbers(ctx) if 0 < n.value["value"] <= 100
    ]
    for m in sorted(numbers, key=lambda n: n.start):
        segment = ctx.message.segments[m.segment]
        if (
            not ctx.free(m.start, m.end)
            or not ctx.message.usable(m)
            or _said_of_today(ctx, segment.start, m.start)
        ):
            continue
        clause = clause_span(ctx, m.start)
        if not _GOAL.search(ctx.text, segment.start, m.start) and not (
            m.kind == "number" and _GOAL.search(ctx.text, m.end, segment.end)
        ):
            continue
        if m.kind == "number" and not _GOAL.search(ctx.text, m.end, segment.end):
            continue  # a bare number is a target only when called one ('90 is our stretch goal')
        before = [
            k
            for k in kpis
            if k.end <= m.start
            and k.start >= ctx.message.sentences[max(0, segment.sentence - 1)][0]
        ]
        if not before:
            continue
        metric = before[-1].name
        sign = "-" if _DOWN.search(ctx.text, segment.start, m.start) else ""
        targets.append({"metric": metric, "change": f"{sign}{m.value['value']:g}%"})
        spans.append(clause)
        ctx.take(m.start, m.end)
    if not targets:
        return []
    return [Found("goal_targets", targets, (spans[0][0], spans[-1][1]))]


# --------------------------------------------------------------------------- short answers


def read_short_answers(ctx: Context, found: list[Found]) -> list[Found]:
    """'yes' / 'no' to a yes/no question, 'none' to a list question."""
    if not ctx.pending:
        return []
    first = ctx.plan.slot(ctx.pending[0])
    done = {f.slot for f in found}
    text = ctx.text
    if ctx.message.only_acknowledges() or first.name in done:
        return []
    if first.type == "bool":
        if YES.match(text):
            return [Found(first.name, True, (0, len(text)))]
        if NO.match(text):
            return [Found(first.name, False, (0, len(text)))]
    if first.type == "list[str]" and NO.match(text) and ctx.short:
        return [Found(first.name, [], (0, len(text)))]
    return []


def question_named(ctx: Context, slot: str, index: int) -> bool:
    """Whether the segment names the topic of the slot's question."""
    question = question_of(ctx.plan, slot)
    return question is not None and question.id in ctx_topics(ctx)[index]


def must_words(text: str) -> bool:
    """Requirement language in a text."""
    return bool(d.find(d.words().requirement_words, text))
