"""Which triggers reach which mentions of one sentence: the scope rules of the assertion
status (windows, clause ends, lists, fronted objects, table cells, answers, own sites).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from assistant.reading.lexicon import assertion
from assistant.reading.quantities import QUANTITY_KINDS
from assistant.reading.triggers import TIME_AHEAD, Trigger, boundaries, denial_adverbs, word_class

# a trigger that is a predicate, headed by a modal or a negation ('can wait', 'not needed')
_PREDICATE_HEAD = re.compile(
    r"(?:not|never|can|could|may|might|will|would|shall|should|must|is|are)\b", re.I
)
_PRONOUNS = ("i", "we", "you", "they", "he", "she", "it", "that", "this", "these", "those")
_WORD = re.compile(r"[\w'’/&+-]+|[^\w\s]")
_DASH = re.compile(r"\s[—–]\s")
_BRACKET = re.compile(r"\s*\(\s*")
_CLEFT = re.compile(r"^\W*what\b(?:(?![;.!?]).)*$", re.I)  # 'What we do not offer … is X'
_YES = re.compile(
    r"\s*[:|—–-]?\s*(?:yes|yep|yeah|ok)\b(?!\s+\w+\s+(?:not|no)\b)\s*(?:$|[,.;:!?)|—–-])", re.I
)
_SUBJECT_NEXT = re.compile(
    r"\s*[,:—–-]?\s*(?:[\w-]+(?:\s+[\w-]+){0,3},\s*)?(?:we|i|they|our\s+[\w-]+)\b", re.I
)
_TOPIC_HEAD = re.compile(
    r"\W*((?:as\s+for|as\s+to|for|regarding|concerning|on|about|with\s+regard\s+to|in\s+terms\s+of|when\s+it\s+comes\s+to)\s+)?(?:the\s+)?",
    re.I,
)
_DENIED_SITE = re.compile(
    r"(?:\bno|(?:\bnot|n['’]t|\bnever|\bwithout)\s+(?:[\w-]+\s+)?(?:an?|any)"
    # 'no longer run the Durban site': the site is gone
    r"|\bno\s+longer\s+(?:run|operate|have|use|staff)\s+(?:the|our|a))\s+$",
    re.I,
)
_COPULA_GAP = re.compile(
    r"\s*(?:(?:is|are|was|were|has|have|had|been|will|would|can|could|may|might|must|should|shall|really|honestly|currently|still|just|definitely|def|probably|likely)\b\s*){0,2}",
    re.I,
)
_ANSWER_OPENING = re.compile(
    # a row's answer cell after the question's, perhaps labelled ('Offshore? | Response: no')
    r"\?[?!]*\s*(?:a\s*[:.)-]?\s*|answer\s*[:.-]?\s*|\|\s*(?:[A-Za-z][\w ]{0,24}?\s*(?::\s*|$))?)?"
    r"(?:\w+ly,?\s+|\w+,\s+)?"
    r"(?:(?:we|i|they|it|that|this)\s+)?"
    r"(?:(?:do|does|did|are|is|was|were|can|ca|will|wo|have|has|would|could|should)\s*)?$",
    re.I,
)
_ELIDED = re.compile(
    r"\b(?:but|though|although|albeit)(?:\s+(?:\w+ly|really|just|still|also|def|tbh))*"
    r"(?:\s+(?:it|that|this|they|he|she))?(?:\s+(?:is|are|was|were|has|have|had|been|will|would))*\s*$",
    re.I,
)
# 'X is available, although only through our partner': a clause of contrast with its subject
# and verb left out, opened by a restricting adverb and perhaps a preposition and a determiner;
# what it restricts is what the clause before offered
_RESTRICTION = re.compile(
    r"[,;]\s*(?:but|though|although|albeit)\s+(?:only|just|solely|exclusively|mainly|mostly|partly)"
    r"(?:\s+(?:through|via|by|from|with|using|on|upon|if|when|where))?"
    r"(?:\s+(?:our|their|its|his|her|a|an|the|one\s+of\s+our))?"
    r"(?:\s+(?!(?:we|i|they|you|it|he|she|is|are|was|were|be|been|will|would|can|could|do|does)\b)"
    r"[\w'’-]+){0,2}\s*$",
    re.I,
)
_TIME_COMPLEMENT = re.compile(
    r"\s*(?:(?:be|been|being|yet|really|currently)\s+)?(?:at|in|for|this|now|today|day|rn|atm)\b",
    re.I,
)
_AGENT_PARTICIPLES = (
    r"(?:provided|delivered|handled|performed|run|covered|supplied|staffed|managed|hosted|done|"
    r"serviced|answered|taken|operated|met|achieved|fulfilled|sourced|held|attested)"
)
_PASSIVE_AGENT = re.compile(
    rf"(?:\b(?:be|been|is|are|was|were)\s+(?:[\w-]+ly\s+)?(?:{_AGENT_PARTICIPLES}\s+(?:by|through|via)"
    r"|through|via)"  # the participle left out: 'Spanish would be through our sister company'
    # the copula left out after a label: 'PCI DSS — covered by our provider's AOC'
    rf"|(?:^|[—–:|]|\s-)\s*{_AGENT_PARTICIPLES}\s+(?:by|through|via))\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_LISTED_PLACE = re.compile(r"\s*(?:,|and|or|nor|&)\s+(?:the\s+)?", re.I)
_SITE_AFTER = re.compile(
    r"\s+(?:site|centre|center|hub|office|entity|campus|facility|floor)\b", re.I
)
_MODAL_PREDICATE = re.compile(
    # the subject's last words, a place's country after a comma among them ('Monterrey, Mexico')
    r"\s*(?:(?!(?:and|or|but|while|whereas)\b)"
    r"(?:[\w'’-]+\s+|(?-i:[A-Z])[\w'’-]*,\s+(?=(?-i:[A-Z]))))"
    r"{0,6}?(?:can|could|may|might|will|would|shall|is|are)"
    r"(?:\s*,\s*(?:[\w-]+\s*){1,3},)?"  # an aside: 'can, however, be provided'
    # the predicate, unless the condition starts it ('is available on request')
    r"(?:\s+(?:also|only|still|be|made|[\w-]+ed|available|offered|possible|achievable|"
    r"optional))*\s+",
    re.I,
)
# what or whom an option is for, closing its clause ('on request for Spanish queues.')
_FOR_WHOM_END = re.compile(r"\s+for\s+[^,;:.!?|—–]{1,40}(?:$|[,.;:!?)—–]|-\s)")
_OFFERED_HEAD = re.compile(r"^(?:available|possible|offered|provided|optional)\s+", re.I)
_MODAL_SUBJECT = re.compile(
    r"\s*(?:(?!(?:and|or|but|we|i|they|you)\b)[\w'’-]+\s+){0,3}?"  # the subject's last words
    r"(?:can|could|may|might|would|will|shall)\b(?:(?!\b(?:and|or|but)\b)[^,;:—–|])*",
    re.I,
)
_OWNED_BY = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:is|are|was|were|belongs\s+to|belong\s+to)\s+(?:\w+ly\s+)?"
    r"(?:our|their|its|his|her|the|a|an)\s+(?:[\w-]+\s+){0,2}",
    re.I,
)
# Between a subject's head and a mention in the phrase that qualifies it ('Spanish at our Cebu
# site', 'weekend cover for the Leeds queue', 'French support from Montreal')
_MODIFIER_GAP = re.compile(
    r"\s+(?:(?!(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|shall|"
    r"should|must|do|does|did|we|they|it|and|or|but)\b)[\w-]+(?<!ed)\s+){0,2}?"
    r"(?:for|at|in|from|on|of|across)\s+(?:(?:the|our|a|an|its|their)\s+)?"
    # a bound before a figure: 'a CSAT of at least 90%'
    r"(?:(?:at\s+least|at\s+most|up\s+to|no\s+less\s+than|no\s+more\s+than|over|above|"
    r"below|under)\s+)?",
    re.I,
)
# a participle of relation between a subject's head and what qualifies it ('a gainshare tied
# to CSAT', 'a bonus based on FCR'): the head is the subject
_RELATION_GAP = re.compile(
    r"\s+(?:(?!(?:is|are|was|were|be|been|being|not)\b)[\w-]+\s+)?"  # the head: 'fees tied to'
    r"(?:(?:tied|linked|pegged|indexed|attached|related|geared)\s+to|based\s+on|"
    r"measured\s+(?:on|against|by))\s+(?:(?:the|our|a|an|its|their)\s+)?",
    re.I,
)
# where a delivery model sends work ('offshore to Asia', 'nearshore to the Caribbean')
_DIRECTION_GAP = re.compile(r"\s+to\s+(?:(?:the|our|a|an)\s+)?", re.I)
# 'with' and a subject of its own with a passive after it: an absolute clause
_ABSOLUTE_PASSIVE = re.compile(
    r",\s*with\s+(?:[\w-]+\s+){1,3}?(?:[\w-]+ed|run|done|taken)"
    r"(?:\s+(?:by|through|via)(?:\s+[\w'’-]+){0,3})?\s*$",
    re.I,
)
# the rest of a label after a mention ('… integration: '), and the end of a bare answer
_LABEL_BEFORE = re.compile(r"(?:\s+[\w-]+){0,2}\s*:\s*")
_ANSWER_END = re.compile(r"\s*(?:$|[;|.]|\(|[—–]\s)")
# a relative clause set off by commas (', which handles our German lines,')
_SET_OFF_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,;:.!?|]{1,80},", re.I)
_ALTERNATIVE = re.compile(r",\s*(?:or|alternatively|otherwise)\b", re.I)
_CONJUNCTION_END = re.compile(r"\b(?:and|but|or)\s*$", re.I)
_MODAL_HEAD = re.compile(r"(?:will|shall|would|may|might|can|could|should|must)\b", re.I)
_LABEL_SUBJECT = re.compile(
    r"\s*[:—–-]\s*(?:our|the|its|their)\s+(?:[\w-]+\s+)?(?:certificate|certification|"
    r"accreditation|attestation|report|licence|license|registration)"
    r"\s+(?:(?:has|have|was|were|is|had)\s+)?",
    re.I,
)
_DENIED_JUST_BEFORE = re.compile(r"\b(?:not|never|n['’]t)\s+(?:[\w-]+\s+){0,2}$")
_NOT_US = re.compile(r"\s*(?:us|ourselves|we)\b", re.I)  # 'our provider, not us, holds it'
# a third party as the subject of its clause ('but our partner does') or as an agent
_PARTNER_AS_AGENT = re.compile(
    r"(?:^\W*(?:(?:and|but|while|whereas|though|although|so|yet|instead)\b\W*)?"
    r"|\b(?:by|belongs?\s+to|belonging\s+to)\s+)(?:(?:our|their|its|his|her|the|a|an)\s+)?$",
    re.I,
)
_TIME_AHEAD = re.compile(rf"(?<![\w-]){TIME_AHEAD}", re.I)
_TIME_BEHIND = re.compile(r"\b(?:since|last|past|ago|previous|prior|earlier)\b[^,;.]*$", re.I)
_CONTRAST = re.compile(r"rather\s+than|instead\s+of|as\s+opposed\s+to", re.I)
_PURPOSE = re.compile(r"\b(?:for|with|on|to|across)\b", re.I)
# a cell or a label's answer opens: a colon, bar or dash, perhaps an adverb ('Welsh: currently not')
_CELL_OPENING = re.compile(r"(?:[:|—–]|\s-)\s*(?:[\w-]+ly\s+|still\s+|just\s+)?$")
_IFS = ("if", "should", "in case", "in the event", "in the event that", "assuming", "supposing")
_SINGULAR_COPULA = re.compile(r"\s*(?:is|was|has|isn['’]t|wasn['’]t|hasn['’]t)\b", re.I)
_INTERRUPTION = re.compile(r"\s*(,|[—–]|-(?=\s))\s")
_INTERRUPTION_WORDS = 12
_UNNAMED_LAST = re.compile(r"\s*,?\s*(?:and|or|nor)\s+[\w-]+\s*(?:(?:are|is)\s*)?", re.I)
_CLAUSE_END = re.compile(r"\s*(?:$|[,.;:!?)—–]|-\s)")
_LIST_JOIN = re.compile(r"^\s*(?:,|/|&|\+|\band\b|\bor\b|\bnor\b|,\s*(?:and|or)\b)?\s*$", re.I)


class Scope:
    """Which triggers reach which mentions of one sentence."""

    def __init__(
        self,
        text: str,
        triggers: list[Trigger],
        spans: list[tuple[int, int]],
        kinds: list[str] | None = None,
    ) -> None:
        self.text, self.spans, self.triggers = text, spans, triggers
        self.kinds = kinds or [""] * len(spans)
        self.bounds, self.joins = boundaries(text, triggers)
        self.words = [m.start() for m in _WORD.finditer(text)]
        self.windows = assertion().windows
        self.back_windows = assertion().back_windows

    def covers(self, trigger: Trigger, index: int) -> bool:
        start, end = self.spans[index]
        if trigger.direction == "sentence":
            aside = _bracket_around(self.text, trigger.start)
            # a whole sentence's status, unless told in brackets: '(we serve a travel client
            # in Portuguese)' is an aside about that client, not about the sentence around it
            return aside is None or aside[0] <= start and end <= aside[1]
        if trigger.status == "third_party" and self._own_agent(trigger):
            return False
        if trigger.start < end and start < trigger.end:
            # the mention is the trigger's own words; inside a partner's name it tells the
            # partner's place or model ('our Montréal partner', 'our nearshore partner')
            return trigger.status == "third_party" and trigger.start < start and end < trigger.end
        verb = self._predicate(trigger)
        if verb is not None:
            return start >= verb and self._open(verb, start, trigger.status, forward=True)
        ahead = trigger.end <= start
        if trigger.direction == "subject":
            return not ahead and self._subject_before(trigger, index)
        if not ahead and trigger.status == "conditional" and _SET_OFF_AFTER_JOIN.search(
            self.text, end, trigger.start
        ):
            return False  # '… the $30 rate and, if requested, is charged at $45': what follows
        if trigger.status == "conditional" and (
            self._whole_clause(trigger, start, end) or self._conditioned_subject(trigger, end)
        ):
            return True
        if trigger.status == "third_party" and (
            self._passive_agent(trigger, end) or self._possessive_predicate(trigger, end)
        ):
            return True
        if ahead and trigger.status == "negated" and self._in_container(trigger, start):
            return False  # 'is excluded from the base rate of $30': the rate stands
        if ahead and trigger.status == "negated" and self.text.count("|", trigger.end, start) >= 2:
            # 'night cover excluded | Yes / No | Note: X …': a denial stays in its row's
            # cells; a reference's row ('References | … | Comment: …') heads what follows
            return False
        if ahead and "|" in self.text[trigger.end : start] and self._answer_cell(trigger):
            return False  # 'Video | Answer: in part | Note: …': a cell's answer is its row's
        resume = self._after_interruption(trigger) if ahead else None
        if resume is not None and resume <= start and trigger.direction in ("forward", "both"):
            return self._open(resume, start, trigger.status, forward=True)
        if ahead and self.answered_yes(index):
            return False
        if ahead and self._label(trigger):
            return self._open(
                trigger.end, start, trigger.status, window=self.windows["negated"]
            )  # a dash may open the list
        if ahead and self._answer(trigger):
            return False  # 'chat no, voice yes': the answer is for what came before
        if ahead and trigger.direction == "short":
            gap = self.text[trigger.end : start]
            if _CONTRAST.fullmatch(trigger.text) and _PURPOSE.search(gap):
                return False  # 'human agents rather than bots for Spanish': Spanish is shared
            return ":" not in gap and self._open(
                trigger.end, start, trigger.status, forward=True, window=3
            )
        if ahead and trigger.status == "negated" and self._kept_in_house(trigger, start):
            return False
        if ahead and trigger.direction in ("forward", "both"):
            return self._open(trigger.end, start, trigger.status, forward=True)
        if not ahead and self._determiner_cell(trigger):
            return False  # 'Only voice — no email, no SMS': the 'no' is email's, not voice's
        if not ahead and self.text.count("|", end, trigger.start) >= 2:
            return False  # 'GDPR … | Comply / Not comply | Comment: no …': another cell's
        if not ahead and self.answered_by_mark(index, trigger):
            return False  # 'Greek ✓ Hebrew – planned': Greek has its answer
        if not ahead and self._own_cell_mark(trigger, end):
            return False  # 'Mon 9–5 | Tue ✗': the mark answers its own cell's label
        if not ahead and self._elliptical_denial(trigger, index):
            return True  # 'Thai and Lao are offered, Khmer however not'
        if not ahead and trigger.status == "negated" and _LABEL_SUBJECT.fullmatch(
            self.text[end : trigger.start]
        ):
            return True  # 'ISO 27001: our certificate lapsed in June': the label's certificate
        orphan = trigger.status == "negated" and (
            not self._mention_after(trigger) or _denied_passive_with_agent(self.text, trigger.end)
        )
        fronted = orphan and self._fronted(trigger, index)
        closed = trigger.status == "negated" and re.match(r"\s*[,.;!|]", self.text[trigger.end :])
        if (orphan or closed) and not ahead and self._answers_question(trigger, index):
            return True  # 'Is Tongan required? A: No, and nor … is Fijian': the 'No,' answers
        if (
            trigger.status in ("hedged", "planned", "conditional")
            and not ahead
            and not self._mention_after(trigger)
            and self._answers_question(trigger, index)
        ):
            # 'whatsapp? tbd', 'Welsh?? not sure yet', 'Is X held? A: Not yet', 'Social media?
            # Only as part of a bundle': a doubt, a plan or a condition answers the question
            return True
        if (
            not ahead
            and trigger.status in ("hedged", "planned", "conditional")
            and self._answers_label(trigger, end)
        ):
            return True  # 'Salesforce integration: Roadmap': the label's answer
        if orphan and not ahead and self._elided_subject(trigger, index):
            return True
        if not ahead and self._restricted_clause(trigger, index):
            return True
        looks_back = (
            trigger.direction in ("backward", "both")
            or self._answer(trigger)
            or self._answer_cell(trigger)
            or fronted
            or (
                orphan
                and (self._cell(trigger) or self._denied_subject(trigger, verbal=_verbal(trigger)))
            )
        )
        if not ahead and looks_back and self._new_predicate(trigger, end):
            return False  # 'we run on Genesys today and will migrate to Five9': Genesys stands
        if (
            not ahead
            and looks_back
            and (trigger.status == "negated" or _PREDICATE_HEAD.match(trigger.text))
            and self._subject_after_comma(trigger, end)
        ):
            return False  # 'Mon–Fri 9–5, weekends not needed': the weekends are denied
        if (
            not ahead
            and trigger.status == "conditional"
            and self._alternative_between(end, trigger)
        ):
            return False  # '£24 an hour, or £3,900 a month if you prefer': the alternative's
        if not ahead and _ABSOLUTE_PASSIVE.search(self.text, end, trigger.start):
            return False  # '…, with overflow handled by our partner': the overflow's
        if not ahead and looks_back and self._own_cell_subject(trigger, end):
            return False  # 'Voice, email | WhatsApp via a partner': the partner is WhatsApp's
        if not ahead and looks_back and self._relative_of_another(trigger, end):
            return False  # 'we use Genesys on every laptop that is not shared': the laptop's
        if not ahead and looks_back and trigger.start >= end and self._inside_proviso(trigger, end):
            return False
        if not ahead and looks_back and self._past_an_aside(trigger, end):
            return False  # 'Greek via our partner – my note didn't say so'
        if not ahead and looks_back and trigger.start >= end:
            if self.answered_yes(index):
                return False  # 'ISO 27001 yes, ISO 22301 in progress': the yes stands apart
            # a plan too takes its subject and those listed with it, not any mention in reach
            # ('we deliver voice …, with SMS expected to go live in Q1': SMS only)
            in_list = trigger.status in ("negated", "conditional", "hedged", "planned")
            listed = not in_list or self._listed_before(trigger, index)
            # a list is reached where its last item is ('Irish and Scottish Gaelic services
            # shall be provided only if …' reaches Irish too)
            last = self.spans[self._nearest_before(trigger)][1] if in_list and listed else end
            reach = (
                self._open(last, trigger.start, trigger.status)
                or self._dislocated(trigger, end)
                or fronted
            )
            return reach and listed
        return False

    def _new_predicate(self, trigger: Trigger, end: int) -> bool:
        """Whether the trigger opens a predicate coordinated with the one the mention stands in:
        a conjunction right before it and a modal at its head ('we offer email and will add
        chat'); the subject is shared, the mention is the first predicate's."""
        return bool(
            _CONJUNCTION_END.search(self.text, end, trigger.start)
            and _MODAL_HEAD.match(trigger.text)
        )

    def _subject_after_comma(self, trigger: Trigger, end: int) -> bool:
        """Whether a bare noun of its own, one word after a comma, stands between the mention and
        the trigger ('…, weekends not needed'): it is the trigger's subject, not the mention."""
        comma = self.text.rfind(",", end, trigger.start)
        if comma < 0:
            return False
        word = re.fullmatch(
            r"\s*(?:the\s+|our\s+|all\s+)?([A-Za-z][\w-]+)\s*", self.text[comma + 1 : trigger.start]
        )
        if word is None:
            return False
        said = word.group(1).lower()
        others = {*assertion().elliptical_adverbs, *assertion().negation_adverbs, *_PRONOUNS}
        return said not in others and not said.endswith("ly")

    def _answers_label(self, trigger: Trigger, end: int) -> bool:
        """Whether the trigger is the whole answer to a label that the mention ends ('Salesforce
        integration: Roadmap', 'Welsh: TBC;'): the label's words, a colon, the trigger, and
        the end of its clause or cell."""
        return bool(_LABEL_BEFORE.fullmatch(self.text, end, trigger.start)) and bool(
            _ANSWER_END.match(self.text, trigger.end)
        )

    def _own_cell_subject(self, trigger: Trigger, end: int) -> bool:
        """Whether a table cell ('|') closes between the mention and the trigger and another
        mention stands in the trigger's own cell before it: that one is its subject."""
        cell = self.text.rfind("|", end, trigger.start)
        return cell >= 0 and any(
            cell < start and stop <= trigger.start for start, stop in self.spans
        )

    def _alternative_between(self, end: int, trigger: Trigger) -> bool:
        """Whether ', or' and another mention (an alternative) stand between the mention and a
        condition after it: the condition is the alternative's."""
        alternative = _ALTERNATIVE.search(self.text, end, trigger.start)
        return alternative is not None and any(
            alternative.end() <= start < trigger.start for start, _ in self.spans
        )

    def _relative_of_another(self, trigger: Trigger, end: int) -> bool:
        """Whether the trigger stands in a relative clause ('that', 'which', 'who' right before
        it) whose antecedent is a word after the mention: the clause denies that word only."""
        gap = self.text[end : trigger.start]
        relative = re.search(
            rf"(?<![\w-])(?:{word_class('relativizers').pattern})\s+$", gap, re.I
        )
        return relative is not None and bool(re.search(r"\w", gap[: relative.start()]))

    def _in_container(self, trigger: Trigger, start: int) -> bool:
        """Whether a mention lies in the whole a denial of inclusion names ('excluded from the
        base rate of $30', 'not included in our Lisbon contract'), to the next comma or
        conjunction: what is left out of it is denied, not the whole."""
        relative = word_class("relativizers").pattern
        if re.search(rf"\b(?:{relative})\s+(?:[\w-]+\s+)?$", self.text[: trigger.start], re.I):
            return False  # 'no site that is not included in our scope': a double negation
        for m in _containers().finditer(self.text, trigger.start):
            if m.start() > trigger.end + 20:
                return False
            rest = _CONTAINER_END.search(self.text, m.end())
            return m.end() <= start < (rest.start() if rest else len(self.text))
        return False

    def _past_an_aside(self, trigger: Trigger, end: int) -> bool:
        """A spaced dash, then a clause of its own (two words or more) before the trigger: the
        writer turns to something else ('… from Porto – that wasn't in my last note'); a label's
        answer after the dash ('Welsh – not offered', 'Welsh – recruiting, live in May') still
        looks back."""
        dash = None
        for dash in _DASH.finditer(self.text, end, trigger.start):
            pass
        if dash is None:
            return False
        start = max((s for s, e in self.spans if e == end), default=end)
        left = max([b for b in self.bounds if b < start], default=-1) + 1
        label = len(re.findall(r"[\w'’]+", self.text[left:start])) <= 3
        last = max((e for _, e in self.spans if e <= dash.start()), default=end)  # a list's last
        if label and not self.text[last : dash.start()].strip():
            return False  # 'ISO 9001 — audit booked for May': the dash opens the label's answer
        return len(re.findall(r"[\w'’]+", self.text[dash.end() : trigger.start])) >= 2

    def _own_cell_mark(self, trigger: Trigger, end: int) -> bool:
        """A mark (no word: '✗', '✓') after a cell bar with a label of its own before it
        ('Sat 10–2 | Sun ✗'): it answers that label, not a mention in an earlier cell."""
        if re.search(r"\w", trigger.text):
            return False
        bar = self.text.rfind("|", end, trigger.start)
        return bar >= 0 and bool(re.search(r"\w", self.text[bar + 1 : trigger.start]))

    def _elliptical_denial(self, trigger: Trigger, index: int) -> bool:
        """A bare 'not' closing its clause right after a mention, perhaps after an adverb of
        contrast or time (`elliptical_adverbs`): 'Khmer however not', 'Lao, sadly, not.'; the
        verb is left out, and the denial is the mention's."""
        if trigger.text.lower() != "not" or not _CLAUSE_END.match(self.text, trigger.end):
            return False
        before = [i for i, (_, e) in enumerate(self.spans) if e <= trigger.start]
        if not before or before[-1] != index:
            return False
        adverbs = word_class("elliptical_adverbs").pattern
        gap = self.text[self.spans[index][1] : trigger.start]
        return bool(re.fullmatch(rf"\s*,?\s*(?:(?:{adverbs})\s*,?\s*)?", gap, re.I))

    def _predicate(self, trigger: Trigger) -> int | None:
        """Where the predicate begins, for a negation that denies only it: a partitive subject
        ('No part of the work, including email, shall be …') or a cleft ('What we do not offer,
        for cost reasons, is …'); None for any other trigger. With no verb after it, a partitive
        denies what follows it ('No part of the contract covers German')."""
        cleft = trigger.status == "negated" and _CLEFT.match(self.text[: trigger.start])
        if trigger.direction != "predicate" and not cleft:
            return None
        verb = word_class("auxiliaries").search(self.text, trigger.end)
        if verb:
            return verb.start()
        return None if cleft else self._group_named(trigger)

    def _group_named(self, trigger: Trigger) -> int:
        """Where a partitive's predicate begins with no auxiliary to mark it: after the mention
        its preposition names, a determiner and a word at most between ('Nobody at the Lima site
        speaks Dutch': Lima is the group, Dutch is denied); else right after the trigger ('No part
        of the contract covers German')."""
        if not re.search(r"\b(?:in|at|from|on)$", trigger.text, re.I):
            return trigger.end
        for start, end in self.spans:
            if start >= trigger.end:
                gap = self.text[trigger.end : start]
                named = re.fullmatch(r"\s*(?:(?:the|our|their|its|a|an)\s+)?(?:[\w-]+\s+)?", gap, re.I)
                return end if named else trigger.end
        return trigger.end

    def _label(self, trigger: Trigger) -> bool:
        """A negation heading a list ('Out of scope: chat, social', 'Channels excluded | SMS',
        'Not in scope — chat'): nothing asserted before it in its clause, a colon, bar or dash
        (perhaps after one more label word) after it; it denies the list that follows."""
        if trigger.status != "negated" or re.match(r"\W", trigger.text):
            return False  # '| None — all chat is in-house' answers a cell; it heads nothing
        if not re.match(r"\s*(?:[\w-]+\s*)?[:|—–]", self.text[trigger.end :]):
            return False
        left = max([b for b in self.bounds if b < trigger.start], default=-1) + 1
        head = self.text[left : trigger.start]
        return not re.search(r"[:|—–]", head) and not any(
            left <= e <= trigger.start for _, e in self.spans
        )

    def _denied_subject(self, trigger: Trigger, verbal: bool) -> bool:
        """A negation with nothing after it to deny, speaking of the mention before it. Right
        after the mention (perhaps after a copula: 'chat not a priority', 'Spanish has never been
        needed') it denies only with a complement of need, offer or time (`denial_complements`):
        'our Manila vendor wasn't great' judges Manila, it does not deny it. Further on, only a
        verb's negation looks back ('The Portuguese, we do not offer it')."""
        before = [e for _, e in self.spans if e <= trigger.start]
        if not before:
            return False
        if not _COPULA_GAP.fullmatch(self.text[max(before) : trigger.start]):
            return verbal
        return bool(word_class("denial_complements").match(self.text, trigger.end)) or (
            _passive_participle(self.text, trigger.end)
        )

    def answered_no(self, negations: list[Trigger], index: int) -> Trigger | None:
        """The answer after a question that denies the mention asked of ('Is there 24/7 email
        support? A: No'), when every negation reaching it is such an answer; else None."""
        end = self.spans[index][1]
        answers = [t for t in negations if end <= t.start and self._answers_question(t, index)]
        return answers[0] if answers and len(answers) == len(negations) else None

    def _answers_question(self, trigger: Trigger, index: int) -> bool:
        """'german? no', 'Weekend cover? Not needed.', 'Italian? We don't.', 'Q: … Welsh? A: No,
        we cannot.': an answer right after a question (perhaps after an answer label, an
        adverb or a subject and its auxiliary) speaks of what the question names."""
        answer = _ANSWER_OPENING.search(self.text[: trigger.start])
        if answer is None:
            return False
        question = self.text[: answer.start()].rstrip(" ?!")  # "welsh?? not sure"
        if _asks_of_a_harm(question):
            return False  # 'Is Spanish an extra cost? No.': the cost is denied, not Spanish
        left = max([b for b in self.bounds if b < len(question)], default=-1) + 1
        start, end = self.spans[index]
        return left <= start and end <= len(question)

    def _subject_before(self, trigger: Trigger, index: int) -> bool:
        """Whether the mention is the subject a predicate follows ('the BAA will be signed',
        'our Durban site will be operational'): the nearest mention before it, at most
        `subject_gap` words before, in its clause, or one listed with it."""
        nearest = self._nearest_before(trigger) if self.spans[index][1] <= trigger.start else -1
        if nearest < 0:
            return False
        gap = self.text[self.spans[nearest][1] : trigger.start]
        if len(gap.split()) > assertion().subject_gap or any(
            self.spans[nearest][1] <= b < trigger.start for b in self.bounds
        ):
            return False
        return self._listed_before(trigger, index)

    def _conditioned_subject(self, trigger: Trigger, end: int) -> bool:
        """'A nearshore option from Poznań can be provided upon request', 'Spanish can, however,
        be arranged on request', 'Dutch could be offered from Lisbon if volumes grow': a
        condition closing a modal predicate conditions its subject, the mention before the modal
        in the same clause."""
        if end > trigger.start or any(end <= b < trigger.start for b in self.bounds):
            return False
        gap = self.text[end : trigger.start]
        if word_class("subordinate_conditions").fullmatch(trigger.text.strip()):
            # 'Dutch could be offered from our Lisbon site if volumes grow': a modal right after
            # the subject, no conjunction starting another predicate on the way
            return bool(_MODAL_SUBJECT.fullmatch(gap))
        # the condition, perhaps with the predicate it closes ('available on request')
        condition = _OFFERED_HEAD.sub("", trigger.text)
        if not word_class("predicate_conditions").fullmatch(condition):
            return False
        closes = self._closes_clause(trigger) or bool(_FOR_WHOM_END.match(self.text, trigger.end))
        return closes and bool(_MODAL_PREDICATE.fullmatch(gap))

    def _possessive_predicate(self, trigger: Trigger, end: int) -> bool:
        """'The PCI DSS certificate is our payment partner's', 'that SOC 2 report was really
        their parent company's': a third party's possessive after a copula, with no noun after
        it, says whose the subject is."""
        if end > trigger.start or not re.search(r"['’]s$", trigger.text):
            return False
        if not self._closes_clause(trigger):
            return False
        return bool(_OWNED_BY.fullmatch(self.text[end : trigger.start]))

    def _closes_clause(self, trigger: Trigger) -> bool:
        """Whether the trigger ends its clause: punctuation or the end of the text follows."""
        return bool(_CLAUSE_END.match(self.text, trigger.end))

    def _passive_agent(self, trigger: Trigger, end: int) -> bool:
        """'Translation into Arabic will continue to be provided by the Council's existing
        supplier': a third party named as the agent of a passive verb does what its whole
        clause says, however long."""
        if end > trigger.start:
            return False
        if self.text.rfind("(", 0, end) > self.text.rfind(")", 0, end) and ")" in self.text[
            end : trigger.start
        ]:
            return False  # 'PCI DSS (Leeds queue) — covered by …': a gloss in brackets
        head = self.text[max(0, trigger.start - 40) : trigger.start]
        first = re.match(r"(by|through|via)\s", trigger.text, re.I)
        if first:
            head += first.group(1) + " "  # the trigger's own 'by' ('by our Glasgow partner')
        if _PASSIVE_AGENT.search(head) is None:
            return False
        return not any(end <= b < trigger.start for b in self.bounds) and not any(
            end <= b < trigger.start for b, _ in self.joins
        )

    def _inside_proviso(self, trigger: Trigger, end: int) -> bool:
        """'… not less than 72%, provided that transferred contacts shall be excluded': a scope
        inside a proviso does not look back out of it."""
        return trigger.status != "conditional" and any(
            t.status == "conditional"
            and end <= t.start < trigger.start
            and (t.text.startswith(",") or re.search(r",\s*$", self.text[: t.start]))
            for t in self.triggers
        )

    def _whole_clause(self, trigger: Trigger, start: int, end: int) -> bool:
        """A condition that heads its sentence ('Provided that volumes exceed 60,000, the rate
        …') reaches to the end of the clause; a proviso after a comma (', provided that
        forecasts are within 10%') reaches back over its whole clause. No window holds them."""
        if trigger.direction not in ("forward", "both", "backward"):
            return False
        if trigger.end <= start and trigger.direction != "backward":
            left = max([b for b in self.bounds if b < trigger.start], default=-1) + 1
            heads = not re.search(r"\w", self.text[left : trigger.start])
            return heads and not any(trigger.end <= b < start for b in self.bounds)
        if end <= trigger.start and trigger.direction != "forward":
            proviso = trigger.text.startswith(",") or re.search(
                r",\s*$", self.text[: trigger.start]
            )
            return bool(proviso) and not any(end <= b < trigger.start for b in self.bounds)
        return False

    def _after_interruption(self, trigger: Trigger) -> int | None:
        """'We do not, as a matter of policy, use offshore agents', 'is not, and shall not be
        deemed to be, a Business Associate': a phrase set off by commas or dashes right after a
        negation interrupts it; the denial resumes after the phrase, which counts for nothing.
        None where no such phrase follows (or it holds a clause end)."""
        opening = _INTERRUPTION.match(self.text, trigger.end)
        if opening is None or trigger.status != "negated":
            return None
        mark = opening.group(1).strip()
        closer = self.text.find(mark, opening.end())
        if closer < 0 or any(opening.end() <= b < closer for b in self.bounds):
            return None
        inserted = self.text[opening.end() : closer]
        if re.search(r"[:|]", inserted) or len(inserted.split()) > _INTERRUPTION_WORDS:
            return None
        return closer + len(mark)

    def _elided_subject(self, trigger: Trigger, index: int) -> bool:
        """'Tagalog came up in the survey but honestly not a requirement', 'Spanish was on the
        list, but isn't needed': after 'but' a negation whose subject is left out, with a
        complement of denial, denies the subject of the clause before, unless that clause gave
        it a status of its own ('nice to have but not a must' hedges). A complement of time
        ('but not at launch') defers it; it does not deny it."""
        elision = _ELIDED.search(self.text, 0, trigger.start)
        if elision is None:
            return False
        if trigger.direction not in ("both", "backward"):  # a bare 'not': what it denies follows
            after = trigger.end + len(_COPULA_GAP.match(self.text, trigger.end).group(0))
            if _TIME_COMPLEMENT.match(self.text, after) or not word_class(
                "denial_complements"
            ).match(self.text, after):
                return False
        left = max([b for b in self.bounds if b < elision.start()], default=-1) + 1
        if any(left <= t.start < elision.start() and t.status != "negated" for t in self.triggers):
            return False  # 'nice to have but not a must': the first clause hedged it already
        clause = [i for i, (s, e) in enumerate(self.spans) if left <= s and e <= elision.start()]
        if not clause or not _TOPIC_HEAD.fullmatch(self.text[left : self.spans[clause[0]][0]]):
            return False
        subject = [clause[0]]
        for i in clause[1:]:
            if not _LIST_JOIN.match(self.text[self.spans[subject[-1]][1] : self.spans[i][0]]):
                break
            subject.append(i)
        return index in subject

    def _restricted_clause(self, trigger: Trigger, index: int) -> bool:
        """'French is available, although only through our partner', 'Dutch is offered, but
        only on request': a partner or a condition in a clause of restriction whose subject and
        verb are left out reaches the mentions of the clause before, unless that clause gave
        them a status of its own."""
        if trigger.status not in ("third_party", "conditional"):
            return False
        opening = _RESTRICTION.search(self.text, 0, trigger.start)
        if opening is None:
            return False
        left = max([b for b in self.bounds if b < opening.start()], default=-1) + 1
        if any(left <= t.start < opening.start() for t in self.triggers):
            return False
        start, end = self.spans[index]
        return left <= start and end <= opening.start()

    def _kept_in_house(self, trigger: Trigger, start: int) -> bool:
        """'We don't outsource Spanish': a denied verb of handing work on, right after the
        negation, keeps its object in-house; what comes after 'to' or 'with' is denied."""
        verb = word_class("delegation_verbs").match(self.text, trigger.end + 1)
        if verb is None or not re.fullmatch(r"\s*", self.text[trigger.end : verb.start()]):
            return False
        return verb.end() <= start and not re.search(
            r"\b(?:to|with|into|via|through)\b", self.text[verb.end() : start], re.I
        )

    def _determiner_cell(self, trigger: Trigger) -> bool:
        """A cell's 'no' (': no', '— no') with a mention right after it denies that mention; it
        answers for nothing before it."""
        if trigger.status != "negated" or not re.match(r"\W", trigger.text):
            return False
        return any(
            s >= trigger.end and re.fullmatch(r"\s+(?:[\w-]+\s+)?", self.text[trigger.end : s])
            for s, _ in self.spans
        )

    def _cell(self, trigger: Trigger) -> bool:
        """A negation opening a table cell or a label's answer ('Chat support: not at this
        stage', 'Weekend cover | never'): with nothing after it, it speaks of the label."""
        return bool(_CELL_OPENING.search(self.text[: trigger.start]))

    def _answer_cell(self, trigger: Trigger) -> bool:
        """A trigger that fills a table cell, perhaps after the cell's label ('SOC 2 report |
        Response: Roadmap |', 'Video | In progress'): the cell answers for its row."""
        row_before = self.text[: trigger.start].rpartition("|")
        if not row_before[1]:
            # a label's answer, a time ahead perhaps after it ('Welsh: Roadmap Q3 2027')
            return trigger.status in ("planned", "hedged") and bool(
                _CELL_OPENING.search(self.text[: trigger.start])
                and _TIMED_CELL_END.match(self.text, trigger.end)
            )
        return bool(_CELL_LABEL.fullmatch(row_before[2])) and bool(
            _TIMED_CELL_END.match(self.text, trigger.end)
            if trigger.status in ("planned", "hedged")
            else _CELL_END.match(self.text, trigger.end)
        )

    def _answer(self, trigger: Trigger) -> bool:
        """A bare 'no' closing its phrase answers for the mention before it ('sms yes, whatsapp
        no —', 'Weekend cover? None.')."""
        if trigger.status != "negated" or trigger.text.strip(" :|—–-").lower() not in (
            "no",
            "none",
            "nope",
            "nah",
        ):
            return False
        return bool(re.match(r"\s*(?:$|[,.;:!?)|—–]|-\s)", self.text[trigger.end :]))

    def _fronted(self, trigger: Trigger, index: int) -> bool:
        """'Avaya we no longer support', 'As for Dutch, we can't': the object stands first, before
        the subject and the negated verb that has no object of its own. The mention (and those
        listed with it) heads its clause, after at most a topic phrase ('as for', 'regarding')."""
        start, end = self.spans[index]
        if end > trigger.start or not self._listed_before(trigger, index):
            return False
        if any(end <= b < trigger.start for b in self.bounds):
            return False
        gap = self.text[self.spans[self._nearest_before(trigger)][1] : trigger.start]
        if not _SUBJECT_NEXT.match(gap) or len(gap.split()) > 8:
            return False
        first = min(i for i in range(len(self.spans)) if self._listed_before(trigger, i))
        left = max([b for b in self.bounds if b < self.spans[first][0]], default=-1) + 1
        head = _TOPIC_HEAD.fullmatch(self.text[left : self.spans[first][0]])
        if not head:
            return False
        # After a topic phrase ('As for chat, we don't use bots') the verb may have an object of
        # its own: the topic is denied only by a bare negation or a complement of denial.
        denial = trigger.direction in ("both", "backward")  # the phrase itself: 'not certified'
        return (
            not head.group(1)
            or denial
            or bool(word_class("denial_complements").match(self.text, trigger.end))
        )

    def _nearest_before(self, trigger: Trigger) -> int:
        """The last mention ending before the trigger."""
        return max(i for i, (_, e) in enumerate(self.spans) if e <= trigger.start)

    def _dislocated(self, trigger: Trigger, end: int) -> bool:
        """'The Portuguese, we do not offer it': a verb's negation whose object pronoun points
        back across the comma to the mention."""
        after = self.text[trigger.end : trigger.end + 30]
        if not (
            _verbal(trigger)
            and re.match(r"\s+(?:[\w-]+\s+)?(?:it|them|this|that|these|those)\b", after, re.I)
        ):
            return False
        gap = self.text[end : trigger.start]
        crossed = any(end <= b < trigger.start for b in self.bounds)
        return len(gap.split()) <= 4 and not crossed

    def _mention_after(self, trigger: Trigger) -> bool:
        """Whether any mention follows the trigger inside its clause (one answered 'yes' is
        asserted apart: 'Spanish: not this year, French yes')."""
        return any(
            s >= trigger.end
            and self._open(trigger.end, s, trigger.status, True)
            and not self.answered_yes(i)
            for i, (s, _) in enumerate(self.spans)
        )

    def answered_yes(self, index: int) -> bool:
        """'French yes', 'email: yes': a bare yes after the mention affirms it."""
        return bool(_YES.match(self.text, self.spans[index][1]))

    def reversed(self, negations: list[Trigger], index: int) -> bool:
        """'no Services delivered from outside the United Kingdom': the place after 'outside'."""
        start, _ = self.spans[index]
        reverser = word_class("reversers")
        if any(t.end <= start and reverser.search(self.text[t.end : start]) for t in negations):
            return True
        before = [t for t in negations if t.end <= start]
        return bool(before) and all(
            reverser.fullmatch(t.text) and self._excepts_a_denial(t) for t in before
        )

    def _excepts_a_denial(self, exception: Trigger) -> bool:
        """'we run no night shift, except for a pilot in Lyon': an exception that follows a
        denial in its sentence excepts from the denial, so what it names is kept; after a whole
        ('no chat, and all languages except Thai') it excepts from the whole."""
        reverser = word_class("reversers")
        return any(
            t.status == "negated"
            and t.end <= exception.start
            and not reverser.fullmatch(t.text)
            and not re.search(r"[;.!?|]", self.text[t.end : exception.start])
            and not _WHOLE.search(self.text[t.end : exception.start])
            for t in self.triggers
        )

    def cancelled(self, negations: list[Trigger], index: int) -> bool:
        """Two negations in one clause cancel: joined by a relative word just before the second
        ('no site that does not hold'), or a negative subject heading the clause and a verb that
        denies the mention ('Nothing in our scope excludes …'); and 'not … X alone' keeps X."""
        relative = word_class("relativizers")
        start, end = self.spans[index]
        before = [t for t in negations if t.end <= start]
        follows = word_class("restrictives").match(self.text, end) or word_class(
            "trouble_nouns"
        ).match(self.text, end)
        bound = self.kinds[index] in QUANTITY_KINDS and any(self._bound(t, start) for t in before)
        if before and (follows or bound):
            return True
        for first in negations:
            if (
                first.end <= start
                and self._heads_clause(first)
                and self._denied_by_verb(first.end, start)
            ):
                return True
            for second in negations:
                if first.end > second.start or not self._open(first.end, second.start, "negated"):
                    continue
                if _SHARED_NEGATION.match(self.text, first.end):
                    # 'will not, and will see that its affiliates will not, subcontract': one denial
                    continue
                gap = " ".join(self.text[first.end : second.start].split()[-3:])
                if any(not _RESUMPTIVE.search(gap, 0, m.end()) for m in relative.finditer(gap)):
                    return True
        return False

    def _bound(self, trigger: Trigger, start: int) -> bool:
        """'must not be greater than 30 seconds': a comparison closes the gap from a negation,
        a few words on, to the figure (a name after 'over' or 'under' is no bound: 'not
        available over chat', 'not certified under ISO 27001')."""
        gap = self.text[trigger.end : start]
        last = max(word_class("comparatives").finditer(gap), key=lambda m: m.start(), default=None)
        if last is None or gap[last.end() :].strip():
            return False
        # a verb of exceeding is a bound however far its subject runs ('In no event shall the
        # aggregate Service Credits in any month exceed 12%'), within its clause
        limit = assertion().bound_gap
        if word_class("bound_verbs").fullmatch(last.group(0).strip()) or _BY.search(
            gap, 0, last.start()
        ):
            # a cap on a change, however far its object runs ('shall not increase the
            # Charges by more than 3%')
            limit = self.windows["negated"]
        return len(gap[: last.start()].split()) <= limit and not any(
            trigger.end <= b < start for b in self.bounds
        )

    def _denied_by_verb(self, left: int, right: int) -> bool:
        """Whether a verb that denies ('excludes', 'lacks') stands between, in the same clause."""
        verb = word_class("negative_verbs").search(self.text, left, right)
        return (
            bool(verb)
            and "," not in self.text[left : verb.start()]
            and self._open(left, verb.start(), "negated")
        )

    def _heads_clause(self, trigger: Trigger) -> bool:
        """Whether the trigger is the first word of its clause."""
        left = max([b for b in self.bounds if b < trigger.start], default=-1) + 1
        return not re.search(r"\w", self.text[left : trigger.start])

    def after_lapse(self, negations: list[Trigger]) -> str | None:
        """What follows a lapse ('expired', 'suspended'): 'affirmed' where a revival comes after
        it in the sentence ('… and reinstated'), 'planned' where a plan does ('renewal in
        progress'); None where the negation is no lapse or nothing follows."""
        lapses = [t for t in negations if word_class("lapses").search(t.text)]
        if not lapses or len(lapses) < len(negations):
            return None
        end = max(t.end for t in lapses)
        inside = [(t.start, t.end) for t in self.triggers]
        for m in word_class("revivals").finditer(self.text, end):
            denied = _DENIED_JUST_BEFORE.search(self.text, end, m.start())
            if not denied and not any(s <= m.start() < e for s, e in inside):
                return "affirmed"  # 'lapsed … and has not yet been renewed' is no revival
        plans = [
            t
            for t in self.triggers
            if t.status == "planned"
            and t.start >= end
            and not any(end <= b < t.start for b in self.bounds)
        ]
        return "planned" if plans else None

    def out_of_reach(self, index: int) -> bool:
        """Whether a verb's negation stands earlier in the mention's clause, nothing between
        ending its scope, but past its window ('The Supplier does not, in respect of any of
        the services described in this Schedule or in any Order, process … under HIPAA'), or a
        doubt so ('it is not clear whether …'): whether it reaches the mention cannot be told."""
        start, _ = self.spans[index]
        for t in self.triggers:
            if t.status not in ("negated", "hedged") or t.end > start or not _verbal(t):
                continue
            limit = self.windows[t.status]
            if t.direction not in ("forward", "both") or _DASH.search(self.text[t.end : start]):
                continue
            if any(t.end <= b < start for b in self.bounds) or any(
                t.end <= b < start for b, _ in self.joins
            ):
                continue
            between = bisect_left(self.words, start) - bisect_left(self.words, t.end)
            if limit < between <= 2 * limit:
                return True
        return False

    def until_after(self, index: int, negations: list[Trigger]) -> bool:
        """Whether 'until' or 'till' follows the mention and its negation, in their clause, or
        opens the sentence before the negation ('Until Q3 we won't have Portuguese on chat')."""
        end = max([self.spans[index][1]] + [t.end for t in negations])
        right = min([b for b in self.bounds if b >= end], default=len(self.text))
        fronted = re.match(r"\W*(?:until|till)\b", self.text, re.I)
        if fronted and min(t.start for t in negations) > 0:
            return True
        return bool(re.search(r"\b(?:until|till)\b", self.text[end:right], re.I))

    def denied_of_self_only(self, negations: list[Trigger], index: int) -> bool:
        """Whether the negations that reach the mention stand in a later clause and deny only
        that the speaker (or the vendor) does it itself ("C's partner holds PCI, C itself
        doesn't", 'their payment partner's SOC 2, not their own'): the mention's own clause
        gave it to someone else."""
        end = self.spans[index][1]
        own = word_class("own_delivery")
        for t in negations:
            breaks = [m.end() for m in re.finditer(r"[,;:—–|]", self.text[end : t.start])]
            if not breaks:
                return False
            right = min([b for b in self.bounds if b >= t.end], default=len(self.text))
            if not own.search(self.text, end + max(breaks), right):
                return False
        return bool(negations)

    def goes_on_without_a_plan(self, after: int, denials: list[Trigger]) -> bool:
        """Whether the sentence goes on past a 'not yet' to a clause of its own ('not yet
        HIPAA-ready, so for now all calls go to Cebu') and says nothing of what is to come: the
        denial of the present is all it says. A bare 'SOC 2: not yet.' still expects it."""
        ends = [b for b in [*self.bounds, *(j for j, _ in self.joins)] if b >= after]
        if not ends or len(re.findall(r"[\w'’]+", self.text[min(ends) :])) < 2:
            return False
        return not self.looks_ahead(after, denials)

    def looks_ahead(self, after: int, denials: list[Trigger]) -> bool:
        """Whether the sentence, after a denial of the present ('not yet'), says what is to
        come: a time ahead ('the audit is booked for March', 'on the list for next year') or a
        plan trigger of its own; a time that looks back ('since 2021', 'over the last 12
        months'), or one after a doubt ('a possible pilot next year'), says nothing firm of what
        comes."""
        doubts = [t.start for t in self.triggers if t.status == "hedged" and t.start >= after]
        until = min(doubts, default=len(self.text))
        for m in _TIME_AHEAD.finditer(self.text, after, until):
            if not _TIME_BEHIND.search(self.text, max(0, m.start() - 20), m.start() + 1):
                return True
        return any(
            t.status == "planned" and after <= t.start < until and t not in denials
            for t in self.triggers
        )

    def denied_in_house_only(self, negations: list[Trigger], index: int) -> bool:
        """'We don't do Mandarin in-house, but our partner does', 'our hosting provider, not
        us, holds ISO 27018': every negation reaching the mention denies only the vendor's own
        doing (an `own_delivery` word in its clause, or 'not us'), and a third party, not itself
        denied, does it in another clause that names nothing else of the mention's kind."""
        if not negations:
            return False
        ends = sorted(self.bounds + [b for b, _ in self.joins])
        own = word_class("own_delivery")
        for t in negations:
            left = max([b for b in ends if b < t.start], default=-1) + 1
            right = min(
                [b for b in ends if b >= max(t.end, self.spans[index][1])], default=len(self.text)
            )
            if not (own.search(self.text, left, right) or _NOT_US.match(self.text, t.end)):
                return False
        return any(self._gives_to_partner(p, index, ends) for p in self.triggers)

    def _gives_to_partner(self, partner: Trigger, index: int, ends: list[int]) -> bool:
        """Whether a third party, not denied, is the one doing it (the subject of its clause or
        a passive's agent: '… but our partner in Auckland does', 'provided by our sister
        company'), in a clause with no other mention of the kind of `index`."""
        if partner.status != "third_party" or _DENIED_JUST_BEFORE.search(
            self.text, 0, partner.start
        ):
            return False
        left = max([b for b in ends if b < partner.start], default=0)
        right = min([b for b in ends if b >= partner.end], default=len(self.text))
        if not _PARTNER_AS_AGENT.search(self.text[left : partner.start]):
            return False  # 'calls would be routed to our partner': a means, not the one doing it
        start, end = self.spans[index]
        said = self.text[start:end].lower()
        return not any(
            left <= s and e <= right and self.kinds[j] == self.kinds[index]
            and self.text[s:e].lower() != said
            for j, (s, e) in enumerate(self.spans)
        )

    def volume_thresholds(self) -> set[int]:
        """The mentions a volume threshold conditions: a count after a comparative ('above
        500,000 contacts a year', 'programmes over 50 FTE') in a clause with a rate before it
        (a charge word, a price or a pricing model: a bare percentage may be a result), and the
        clause's rates (prices, percentages, pricing models; not the base a discount is taken
        off: '8% off the hourly rate')."""
        rates = ("money", "percent", "pricing_model")
        charge = word_class("charge_nouns")
        comparative = re.compile(rf"\b(?:{word_class('comparatives').pattern})\s+$", re.I)
        ends = sorted(self.bounds + [p for p, _ in self.joins])
        conditioned: set[int] = set()
        for j, (start, end) in enumerate(self.spans):
            before = max(0, start - 20)
            if self.kinds[j] != "count" or not comparative.search(self.text, before, start):
                continue
            left = max([b for b in ends if b < start], default=0)
            right = min([b for b in ends if b >= end], default=len(self.text))
            in_clause = [k for k, (s, e) in enumerate(self.spans) if left <= s and e <= right]
            rated = [
                k
                for k in in_clause
                if self.kinds[k] in rates
                and not _DISCOUNT_BASE.search(self.text, left, self.spans[k][0])
            ]
            priced = [k for k in rated if self.kinds[k] != "percent" and self.spans[k][1] <= start]
            if priced or charge.search(self.text, left, start):
                conditioned |= {j, *rated}
        return conditioned

    def kept_own_after_denied_partner(self, negations: list[Trigger], index: int) -> bool:
        """'Reliance on a partner for social media has not been accepted and that channel shall
        be delivered in-house': a partner denied, then the work stated as the vendor's own
        (`own_delivery`) with no further negation and no other thing of the kind between;
        the work stands, it is the partner that is denied."""
        if not negations or not self.kinds:
            return False
        last = max(t.end for t in negations)
        own = word_class("own_delivery").search(self.text, last)
        if own is None:
            return False
        if any(last <= t.start < own.start() for t in self.triggers if t.status == "negated"):
            return False
        kind, start, end = self.kinds[index], *self.spans[index]
        said = self.text[start:end].lower()
        return not any(
            last <= s < own.start() and self.kinds[j] == kind and self.text[s:e].lower() != said
            for j, (s, e) in enumerate(self.spans)
        )

    def delayed_in_past(self, negations: list[Trigger]) -> bool:
        """Whether a 'not … until' speaks of the past, so that the thing came in the end ('we
        didn't offer chat until 2024', 'nobody raised GDPR until the audit'); a delay in the
        present or the future is a plan ('we do not offer Spanish until Q3')."""
        first = min(t.start for t in negations)
        left = max([b for b in self.bounds if b < first], default=-1) + 1
        until = re.compile(r"\b(?:until|till)\b", re.I).search(self.text, first)
        clause = self.text[left : until.start() if until else len(self.text)]
        if word_class("past_auxiliaries").search(clause):
            return True
        subject = word_class("negative_subjects").pattern
        past = word_class("past_verbs").pattern
        return bool(re.search(rf"(?:{subject})\s+(?:[\w-]+ed\b|{past})", clause, re.I))

    def until_before(self, index: int, negations: list[Trigger]) -> bool:
        """Whether 'until' or 'till' stands between a negation and the mention: the mention is
        what must happen first ('we won't share a record until a BAA is signed')."""
        start = self.spans[index][0]
        ends = [t.end for t in negations if t.end <= start]
        return bool(ends) and bool(re.search(r"\b(?:until|till)\b", self.text[max(ends) : start], re.I))

    def supposed(self, negations: list[Trigger], covering: list[Trigger]) -> bool:
        """Whether every negation reaching the mention stands inside a condition that opens its
        clause ('If they can't do Dutch, they're out', 'if you don't need Spanish, …'): the
        denial is supposed, not stated."""
        conditions = [t for t in covering if t.status == "conditional" and t.text.lower() in _IFS]
        ends = [*self.bounds, *(j for j, _ in self.joins)]
        return bool(negations) and bool(conditions) and all(
            any(
                c.end <= t.start
                and self._heads_clause(c)
                and not any(c.end <= b < t.start for b in ends)
                for c in conditions
            )
            for t in negations
        )

    def taken_back(self, negations: list[Trigger]) -> bool:
        """'Until recently we didn't offer chat, but now we do': a later clause takes the denial
        back."""
        end = max(t.end for t in negations)
        later = word_class("now_affirmed").search(self.text, end)
        return later is not None and any(
            end <= b < later.start() for b in [*self.bounds, *(j for j, _ in self.joins)]
        )

    def open_question(self, index: int) -> bool:
        """A question that weighs alternatives ('genesys or five9?', 'do we need Spanish on day
        one or can it wait?'): what it names is undecided."""
        start, end = self.spans[index]
        left = max([b for b in self.bounds if b < start], default=-1) + 1
        right = min([b for b in self.bounds if b >= end], default=len(self.text))
        clause = self.text[left : right + 1]
        return clause.rstrip().endswith("?") and bool(re.search(r"\bor\b", clause, re.I))

    def reported_answer(self, index: int) -> str | None:
        """'negated' or 'affirmed' for a mention in a reported question that the next clause
        answers ('Ana asked whether SMS was offered; they said no'); None for any other."""
        start, end = self.spans[index]
        for m in _reported_question().finditer(self.text, 0, start):
            ends = self.bounds + [b for b, _ in self.joins]
            close = min([b for b in ends if b >= m.end()], default=len(self.text))
            if not m.end() <= start or end > close:
                continue
            answer = _reported_reply().match(self.text, close)
            if answer:
                return "negated" if answer.group("reply").lower() == "no" else "affirmed"
        return None

    def opening(self, covering: list[Trigger]) -> bool:
        """Whether a plan is to open the site itself ('our Durban site is due to open in May'),
        as against a plan for something at it."""
        opening = word_class("opening_words")
        return any(
            t.status == "planned" and opening.search(self.text, t.start, t.end + 12)
            for t in covering
        )

    def _own_agent(self, trigger: Trigger) -> bool:
        """'held by the Lisbon site only', 'never been held by us': the one who holds it is the
        vendor or one of its own sites."""
        after = self.text[trigger.end : trigger.end + 45]
        return bool(
            re.match(
                r"\s+(?:(?:the|our)\s+(?:[\w-]+\s+){0,2}(?:site|centre|center|hub|office|team)s?"
                r"|us|ourselves|our\s+own)\b",
                after,
                re.I,
            )
        )

    def _in_partner_name(self, index: int) -> bool:
        """Whether the mention stands inside a partner's trigger, before its noun ('our Lima
        partner', 'our nearshore partner in Cebu')."""
        start, end = self.spans[index]
        return any(
            t.status == "third_party" and t.start < start and end < t.end for t in self.triggers
        )

    def former_site(self, index: int) -> bool:
        """'our former Manila site', 'the old Cebu centre': a site the vendor had once."""
        start, end = self.spans[index]
        return bool(
            re.search(
                r"\b(?:former|old|previous|ex)\W*$", self.text[max(0, start - 12) : start], re.I
            )
            and _SITE_AFTER.match(self.text, end)
        )

    def closed_site(self, index: int) -> bool:
        """'the Montreal business was sold', 'we shut down our Cebu centre': a place whose site
        or operation was ended (`closure_verbs`, `closure_nouns`) is no longer there."""
        start, end = self.spans[index]
        passive, active, site_after = _closure_patterns()
        if _closed_cell().match(self.text, end):
            return True  # a table row: 'Cebu site | Closed 2024 | …'
        return bool(passive.match(self.text, end)) or bool(
            active.search(self.text, max(0, start - 40), start) and site_after.match(self.text, end)
        )

    def own_site(self, index: int) -> bool:
        """A place named as the vendor's own site ('at our Noida site', '(Manila)', 'the Bogotá
        site', 'not for the Manila entity'): the site exists, whatever is said of it."""
        start, end = self.spans[index]
        before, after = self.text[max(0, start - 25) : start], self.text[end : end + 25]
        if _DENIED_SITE.search(before):
            return False  # 'we have no Cebu site': the site itself is what is denied
        if self.former_site(index):
            return False
        if re.search(r"\b(?:their|its|partner['’]s)\s+(?:[\w-]+\s+)?$", before, re.I):
            return False  # 'our partner's Lima site', 'at their Lima site': someone else's
        if self._in_partner_name(index):
            return False  # 'our Lima partner': the partner's place
        if re.search(r"\bour\s+(?:[\w-]+\s+)?$", before, re.I):
            return True
        bracket = self.text.rfind("(", 0, start)
        if before.rstrip().endswith("(") and any(
            t.status == "third_party" and not self.text[t.end : bracket].strip()
            for t in self.triggers
        ):
            return False  # 'Portuguese via partner (São Paulo)': the partner's place
        if before.rstrip().endswith("(") and re.match(
            r"\s*(?:site|centre|center|hub|office)?\s*\)", after, re.I
        ):
            # 'ISO 27001 (Manila)': the site where it is held; 'Offshore (Manila): n/a' glosses
            # a delivery model: the place is where it would be delivered, denied with it
            glossed = [
                i
                for i, (_, e) in enumerate(self.spans)
                if e <= start and not self.text[e:start].strip(" (")
            ]
            return not (glossed and self.kinds[glossed[-1]] == "delivery_model")
        return bool(_SITE_AFTER.match(after)) or self._shares_site_noun(index)

    def _shares_site_noun(self, index: int) -> bool:
        """'the Pune and the Leeds centres', 'neither the Cork nor the Derry site': a place
        listed before another that a site noun follows shares that noun."""
        end = self.spans[index][1]
        joined = _LISTED_PLACE.match(self.text, end)
        return bool(joined) and any(
            kind == "location" and start == joined.end() and _SITE_AFTER.match(self.text, stop)
            for (start, stop), kind in zip(self.spans, self.kinds, strict=True)
        )

    def _open(
        self, left: int, right: int, status: str, forward: bool = False, window: int | None = None
    ) -> bool:
        """No clause end or terminator between (nor, but for a condition's or a case study's
        consequence, a comma starting a new clause), and within the status's window of words."""
        if any(left <= b < right for b in self.bounds):
            return False
        carries = forward and status in ("conditional", "other_client")
        joins = [
            b
            for b, relative in self.joins
            if not (relative and self._skips(b, right, status, forward))
            and not self._aside(b, right, forward)
        ]
        if not carries and any(left <= b < right for b in joins):
            return False
        if forward and not carries and _DASH.search(self.text[left:right]):
            return False  # 'we don't do offshore — every agent sits in Australia'
        between = bisect_left(self.words, right) - bisect_left(self.words, left)
        aside = None if forward else _ASIDE_AFTER.match(self.text, left, right)
        if aside and (
            any(aside.start(1) <= e and b < aside.end(1) for b, e in self.spans)
            or not _COPULA_GAP.fullmatch(self.text[aside.end() : right])
        ):
            aside = None  # a list's item ('Greek, Thai (TH), Lao — …'), or no predicate next
        if aside:
            # 'Night cover, for the reasons given in our letter of May, is not offered': the
            # words of an aside right after the mention do not count
            between -= bisect_left(self.words, aside.end(1)) - bisect_left(self.words, aside.start(1))
        if forward and status == "third_party":
            # 'our sister company, which runs our Polish line, holds ISO 9001': a relative
            # clause set off by commas does not count either
            for relative in _SET_OFF_RELATIVE.finditer(self.text, left, right):
                between -= bisect_left(self.words, relative.end()) - bisect_left(
                    self.words, relative.start()
                )
        limit = window or (self.windows if forward else self.back_windows)[status]
        return between <= limit

    def _skips(self, join: int, right: int, status: str, forward: bool) -> bool:
        """Whether a scope passes over a relative clause: a third party's does ('a partner,
        which …'), and a backward one over a clause closed before its trigger ('ISO 27001,
        which we do not hold, is not required')."""
        return status == "third_party" or (not forward and "," in self.text[join + 1 : right])

    def _aside(self, join: int, right: int, forward: bool) -> bool:
        """'Welsh, as noted in our response, is not offered': a backward scope passes over an
        aside set off by commas and closed before its trigger."""
        return not forward and "," in self.text[join + 1 : right]

    def _sent_to_a_place(self, head: int, place: int) -> bool:
        """'offshore to Asia': a delivery model and the place it sends work to."""
        return self.kinds[head] == "delivery_model" and self.kinds[place] == "location"

    def _listed_before(self, trigger: Trigger, index: int) -> bool:
        """A backward scope: the nearest mention before the trigger, and those listed with it."""
        before = [i for i, (_, e) in enumerate(self.spans) if e <= trigger.start]
        if not before:
            return False
        chain = [before[-1]]
        # A list ends 'A, B and C': a bare comma joins only once 'and' has (perhaps before a
        # last item that names no mention: 'Welsh, Gaelic and Cornish are not required').
        tail = self.text[self.spans[before[-1]][1] : trigger.start]
        joined = bool(_UNNAMED_LAST.fullmatch(tail))
        for i in reversed(before[:-1]):
            gap = self.text[self.spans[i][1] : self.spans[chain[-1]][0]]
            if any(self.spans[i][1] <= b < self.spans[chain[-1]][0] for b, _ in self.joins):
                break  # '… in Wellington, and working from home is not permitted': a new clause
            if (
                _same_phrase(gap)
                or _BRACKET.fullmatch(gap)
                or _MODIFIER_GAP.fullmatch(gap)
                or _RELATION_GAP.fullmatch(gap)
                or (self._sent_to_a_place(i, chain[-1]) and _DIRECTION_GAP.fullmatch(gap))
            ):
                chain.append(i)  # 'Spanish at our Cebu site is not offered': Spanish is denied
                continue
            if not _LIST_JOIN.match(gap) or (
                gap.strip() in (",", "") and not joined and len(chain) == 1
            ):
                break
            if len(chain) == 1 and self._own_subject(i, trigger):
                break  # 'Spanish is offered in Madrid and Dutch is not': two clauses
            joined = joined or bool(re.search(r"\b(?:and|or|nor)\b|&", gap, re.I))
            chain.append(i)
        return index in chain

    def _own_subject(self, earlier: int, trigger: Trigger) -> bool:
        """Whether the last mention before a backward trigger is a clause's subject of its own,
        not a list's last item: a singular copula after it ('… and Dutch is not offered'), and a
        verb before the earlier mention in its clause ('Spanish is offered in Madrid')."""
        last = self.spans[self._nearest_before(trigger)][1]
        if not _SINGULAR_COPULA.match(self.text, last):
            return False
        left = max([b for b in self.bounds if b < self.spans[earlier][0]], default=-1) + 1
        before = self.text[left : self.spans[earlier][0]]
        return bool(word_class("clause_verbs").search(before) or re.search(r"\w+ed\b", before))

    def replaced(self, index: int) -> bool:
        """Whether a correction replaces the mention with another of its kind ('change the SLA
        from 85/20 to 80/20', 'the 85/20 in the draft, pls fix to 80/20', '60 days should read
        90 days'): what is replaced is not what stands."""
        start, end = self.spans[index]
        before = self.text[:start]
        for other, (o_start, _) in enumerate(self.spans):
            if other == index or o_start < end or self.kinds[other] != self.kinds[index]:
                continue
            gap = self.text[end:o_start]
            if re.search(r"[.;!?]\s", gap):
                return False
            if re.fullmatch(r"\s+to\s+", gap) and (
                _corrections("from").search(before) or _corrections("request").search(before)
            ):
                return True
            return bool(_corrections("reads").fullmatch(gap) or _corrections("after").search(gap))
        return False

    def answered_by_mark(self, index: int, trigger: Trigger) -> bool:
        """'Greek ✓ Turkish ✓ Hebrew – planned': a mention with its own mark after it is
        answered; a later trigger speaks of what follows the mark."""
        end = self.spans[index][1]
        mark = _OWN_MARK.match(self.text, end)
        if mark and trigger.status == "third_party" and re.fullmatch(
            r"\s*[—–,-]\s*", self.text[mark.end() : trigger.start]
        ):
            return False  # 'Italian ✗ – partner-delivered': the note goes on with the same item
        return bool(mark) and mark.end() <= trigger.start

    def to_be_attained(self, index: int) -> bool:
        """A framework after 'shall', 'will' or 'to' and one of `attainment_verbs`, in its
        clause ('we will attain HITRUST certification', 'shall gain ISO 9001'): still to come."""
        if self.kinds[index] != "framework":
            return False
        start = self.spans[index][0]
        left = max([b for b in self.bounds if b < start], default=-1) + 1
        verbs = word_class("attainment_verbs").pattern
        return bool(
            re.search(rf"\b(?:shall|will|to)\s+(?:[\w-]+ly\s+)?(?:{verbs})\s+(?:[\w-]+\s+){{0,2}}$",
                      self.text[left:start], re.I)
        )

    def pooled_result(self, index: int) -> bool:
        """A result measured over some of the vendor's clients, told in the mention's cell or
        clause ('CSAT for our travel accounts reached 88%', 'our churn across existing
        programmes is 4%'); not over all of them ('across all our clients', 'across our
        portfolio')."""
        if self.kinds[index] not in assertion().result_kinds:
            return False
        start, end = self.spans[index]
        breaks = [m.end() for m in _SEGMENT_BREAK.finditer(self.text, 0, start)]
        left = max(breaks, default=0)
        after = _SEGMENT_BREAK.search(self.text, end)
        right = after.start() if after else len(self.text)
        return any(
            not _WHOLE.search(m.group(0)) and not _WHOLE_BOOK.search(m.group(0))
            for m in _client_pool().finditer(self.text, left, right)
        )

    def about_site(self, index: int) -> bool:
        """A place named with words about opening or adding a site ('a new site in …', 'we're
        kicking off a second site in …')."""
        start, end = self.spans[index]
        window = self.text[max(0, start - 40) : end + 35]
        return any(word_class(c).search(window) for c in ("site_words", "opening_progressives"))





_DISCOUNT_BASE = re.compile(r"\b(?:off|on)\s+(?:the\s+|our\s+|your\s+)?(?:[\w-]+\s+)?$", re.I)
_BY = re.compile(r"\bby\s+$", re.I)
# a whole, not some of it: 'all languages except Thai', 'across all our clients'
_WHOLE = re.compile(r"\b(?:all|every|each)\b", re.I)
# the vendor's book with nothing to narrow it ('across our portfolio', 'for our clients'): all of it
_WHOLE_BOOK = re.compile(
    r"^\w+\s+our\s+(?:clients|customers|accounts|programmes|programs|portfolio|client\s+base|"
    r"customer\s+base)$",
    re.I,
)
_ASIDE_AFTER = re.compile(r"\s*,([^,;.!?|]*),")
_OWN_MARK = re.compile(r"\s*[✓✔✗✘☑☒]")
_SEGMENT_BREAK = re.compile(r"[|;!?]|\.(?=\s)")


@cache
def _client_pool() -> re.Pattern:
    """Some of the vendor's clients, after a preposition: 'for our retail clients', 'across
    existing accounts', 'on a comparable account', "on our current bank's desk" (see
    `client_pools`); a subject ('Our clients see …') at the head of its clause. A count of
    clients ('for 30 clients') sizes the vendor's own book."""
    lex = assertion()
    plural = [f"{n}s" for n in lex.client_nouns] + list(lex.client_pools)
    heads = "|".join(re.escape(n) for n in sorted(plural, key=len, reverse=True))
    owners = "|".join(re.escape(n) for n in sorted(lex.client_nouns, key=len, reverse=True))
    heads += rf"|(?:{owners})['’]s"
    return re.compile(
        r"\b(?:for|across|on|at|among|in)\s+(?:(?:our|all\s+our|all\s+of\s+our|one\s+of\s+our|"
        r"(?:an?|one)\s+(?:similar|comparable))\s+|(?:existing|current)\s+)(?:[\w-]+\s+){0,3}?"
        rf"(?:{heads})\b|^\W*our\s+(?:[\w-]+\s+)?(?:clients|customers)\s+(?:see|saw|get|got|"
        r"report|reported|achieve|achieved|enjoy|enjoyed)\b",
        re.I,
    )
# a table cell's label before its answer ('| Response: '), and the end of the cell after it
_CELL_LABEL = re.compile(r"\s*(?:[A-Za-z][\w ]{0,24}:\s*)?")
_CELL_TAIL = r"\s*(?:\(\w{1,3}\)\s*)?[.]?\s*(?:\||$)"
_CELL_END = re.compile(_CELL_TAIL)
# a plan's or a doubt's cell may end with its time ('Roadmap H1 2027 |')
_TIMED_CELL_END = re.compile(rf"(?:\s+{TIME_AHEAD}){{0,2}}{_CELL_TAIL}", re.I)
# a negation interrupted by a coordination, whose verb comes after the second negation
_SHARED_NEGATION = re.compile(r"\s*,\s*(?:and|or|nor)\b", re.I)
# 'that' after a comma points back to what was said; it opens no relative clause ('but not
# social media, that is outside our scope')
_RESUMPTIVE = re.compile(r",\s*that$", re.I)


def _passive_participle(text: str, at: int) -> bool:
    """Whether a passive participle follows a negation ('not staffed', "isn't done in-house"),
    not a word of feeling or harm ('not impressed', 'not affected')."""
    word = re.compile(rf"{denial_adverbs()}([a-z][a-z-]*)\b", re.I).match(text, at)
    if word is None:
        return False
    verb = word.group(1).lower()
    lex = assertion()
    if verb in lex.judging_participles or word_class("harm_verbs").fullmatch(verb):
        return False
    return verb in lex.participles or (verb.endswith("ed") and len(verb) > 4)


def _denied_passive_with_agent(text: str, at: int) -> bool:
    """'ISO 27001 will not be held by the Lisbon site': after the negation a passive participle
    and its agent; the mention after it is the agent, what is denied stands before."""
    if not re.compile(rf"{denial_adverbs()}[a-z][a-z-]*\s+by\b", re.I).match(text, at):
        return False
    return _passive_participle(text, at) or bool(word_class("denial_complements").match(text, at))


def _verbal(trigger: Trigger) -> bool:
    """A negation of a verb ('we do not offer'), as against a determiner ('no subcontracting')."""
    text = trigger.text.replace("’", "'")
    return any(
        re.search(rf"(?<!\w){re.escape(o)}(?!\w)", text, re.I) for o in assertion().orphan_negations
    )


def _same_phrase(gap: str) -> bool:
    """Mentions side by side in one phrase ('English voice', 'Spanish-language chat')."""
    return bool(re.fullmatch(r"[\s-]*(?:language|speaking)?[\s-]*", gap))


@cache
def _corrections(shape: str) -> re.Pattern:
    """The shapes of a correction around the mention it replaces: `from` ('change the SLA from
    X to'), `request` ('please amend X to'), `reads` (X 'in clause 4 should read' Y), `after`
    (X ', pls fix to' Y)."""
    verb = word_class("corrections").pattern
    request = r"(?:^|[,:;(—–]\s*|\b(?:please|pls|plz|kindly)\s+)"
    if shape == "from":
        return re.compile(rf"(?:{verb})(?:\s+[\w'’-]+){{0,4}}?\s+from\s+$", re.I)
    if shape == "request":
        return re.compile(rf"{request}(?:{verb})\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
    if shape == "reads":
        reads = word_class("correction_reads").pattern
        return re.compile(rf"(?:\s+[\w'’-]+){{0,6}}?\s+(?:{reads})\s+(?:an?\s+)?", re.I)
    objects = r"(?:\s+(?:it|this|that|them|these|those))?"
    return re.compile(rf"{request}(?:please\s+|pls\s+)?(?:{verb}){objects}\s+to\s+$", re.I)


# a condition set off by commas after a conjunction conditions the predicate that follows it
_SET_OFF_AFTER_JOIN = re.compile(r"\b(?:and|or|but)\s*,\s*$", re.I)
_CONTAINER_END = re.compile(r"[,;.:!?|]|\s(?:and|or|but|while|whereas)\b|\s[—–-]\s", re.I)


@cache
def _reported_question() -> re.Pattern:
    """A verb of asking, perhaps its addressee, then 'whether' or 'if'."""
    asking = word_class("asking_verbs").pattern
    return re.compile(rf"\b(?:{asking})\s+(?:[\w'’-]+\s+){{0,2}}?(?:whether|if)\b", re.I)


@cache
def _reported_reply() -> re.Pattern:
    """The next clause's opening: who answers, a verb of answering, then 'no' or 'yes'."""
    answer = word_class("answer_verbs").pattern
    return re.compile(
        rf"[\s,;.:—–-]*(?:(?:and|but|so)\s+)?(?:[\w'’.-]+\s+){{0,3}}?(?:{answer})\s+(?:that\s+)?"
        r"(?P<reply>no|yes)\b",
        re.I,
    )


@cache
def _containers() -> re.Pattern:
    """A denial of inclusion's preposition and the determiner of the whole it names."""
    words = word_class("containers").pattern
    return re.compile(
        rf"\b(?:{words})\s+(?:the|our|its|their|this|that|your|any|a|an)\s", re.I
    )


def _asks_of_a_harm(question: str) -> bool:
    """A question about a cost, a trouble or a failure ('Any surcharge for French?')."""
    last = re.split(r"[.;!?]\s", question)[-1]
    return bool(
        re.search(word_class("harm_verbs").pattern, last, re.I)
        or re.search(
            r"\b(?:" + "|".join(re.escape(t) for t in assertion().trouble_nouns) + r")\b",
            last,
            re.I,
        )
    )


def _bracket_around(text: str, position: int) -> tuple[int, int] | None:
    """The innermost round brackets around a position, as (opening, closing) offsets."""
    opening = text.rfind("(", 0, position)
    if opening < 0 or ")" in text[opening:position]:
        return None
    closing = text.find(")", position)
    return (opening, closing) if closing >= 0 else None


@cache
def _closure_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """After a place: its site or operation, then a passive of closure ('Montreal business was
    sold', 'Cebu centre has been shut down'; not a pause: 'closed for two days'); before it: a
    closure verb and a determiner ('we closed our Cebu site'; the site noun is needed after)."""
    lex = assertion()
    verbs = "|".join(re.escape(v) for v in sorted(lex.closure_verbs, key=len, reverse=True))
    nouns = "|".join(
        re.escape(n) for n in sorted(lex.closure_nouns + lex.site_nouns, key=len, reverse=True)
    )
    passive = re.compile(
        rf"\s+(?:[\w-]+\s+)?(?:{nouns})\s+(?:was|were|has\s+been|have\s+been|had\s+been|got)"
        rf"\s+(?:(?:since|recently|later|eventually|finally|subsequently)\s+)?(?:{verbs})\b"
        r"(?!\s+(?:out|for|during|over|until|till)\b)",  # 'sold out', 'closed for the holiday'
        re.I,
    )
    active = re.compile(rf"\b(?:{verbs})\s+(?:the|our|their|its|his|her)\s+$", re.I)
    return passive, active, re.compile(rf"\s+(?:{nouns})\b", re.I)


@cache
def _closed_cell() -> re.Pattern:
    """After a place: its site noun, then a table cell that is a closure verb dated in a past
    year or ending the cell ('Cebu site | Closed 2024', '| Decommissioned in 2023 |'); not a
    schedule ('Store | Closed Sundays', 'Hours | closed on holidays')."""
    lex = assertion()
    verbs = "|".join(re.escape(v) for v in sorted(lex.closure_verbs, key=len, reverse=True))
    sites = "|".join(re.escape(n) for n in sorted(lex.site_nouns, key=len, reverse=True))
    return re.compile(
        rf"\s+(?:{sites})\s*\|\s*(?:{verbs})"
        rf"(?:\s+(?:in\s+)?(?:(?:[A-Z][a-z]+|Q[1-4])\s+)?(?:19|20)\d\d)?\s*(?:\||$)",
        re.I,
    )

