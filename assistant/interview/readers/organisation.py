"""The buyer's organisation name: a run of capitalised words after 'I work for', 'at', 'for',
'from', 'with the', 'this is', 'we're' …, or the whole short answer to the name question; never
a greeting, the buyer's own name, a place or a sentence."""

from __future__ import annotations

import re
from functools import cache

from assistant.interview.readers import Context, Found

_WORD = r"(?:[A-Z][\w'’&.-]*|&)"
_JOIN = r"(?:\s+(?:&|and|of|the|for|de|du|la|van|von|der|di|y)\s+|\s+|-)"
_RUN = rf"{_WORD}(?:{_JOIN}{_WORD}){{0,7}}"
_SUFFIX = r"(?:,?\s+(?:S\.r\.l\.|S\.p\.A\.|S\.A\.|Ltd\.?|Limited|Inc\.?|LLC|AG|GmbH|plc|PLC|B\.V\.|N\.V\.|SE|SA|SAS|Pty Ltd|Co\.))?"
# Cues before a name, strongest first.
CUES = (
    # a consultant names the buyer it speaks for before its own firm
    r"on behalf of(?: (?:my|our) clients?,?)?|(?:my|our) client,|representing",
    r"work(?:ing)? (?:for|at)|I'?m with|I am with|here from|our company is|the company is|"
    r"company name is|my company,|our company,|I run|we run|I own|"
    # 'we're called', 'a charity called': the organisation's name, not a system's
    r"(?:we're|we are|we’re|(?:company|business|firm|organi[sz]ation|group|brand|charity|"
    r"council|trust|start-up|startup|ORGANISATION_KINDS)(?: is)?) (?:called|named)|"
    # 'co-founder of Pawprint Cover', 'chief operating officer of …': a role that leads the
    # whole organisation
    r"(?:co-?founder|founder|owner|CEO|C[A-Z]O|chief executive|chief [a-z]+ officer|"
    r"managing director|general manager|president|chair)"
    r"(?:woman|man|person)? of|"
    # 'my father started McGrath Family Tours in 1978': the business someone founded
    r"(?:started|founded|co-?founded|set up|established)(?: the)?(?: company| business| firm)?|"
    # 'head of operations in Vento Rent', 'Head of Medical Information at Aldermoor'
    rf"(?:{'|'.join(['manager', 'director', 'head', 'lead', 'officer', 'vp', 'chief'])})"
    r"(?: of(?: [\w&-]+){1,4}?)? (?:at|in|with)",
    r"from|at|for|with the|with",
    r"this is|we are|we're|we’re|it's|it is",
)


def _organisation_kinds() -> str:
    """The nouns of a kind of organisation ('a retailer called …', 'an insurer named …'), from
    the lexicon's one list of them."""
    from assistant.reading.lexicon import assertion

    nouns = sorted(set(assertion().client_nouns), key=len, reverse=True)
    return "|".join(re.escape(n) for n in nouns)


CUED = [
    re.compile(
        rf"(?:\b(?i:{cues.replace('ORGANISATION_KINDS', _organisation_kinds())})|\s@)\s+"
        rf"(?:the\s+)?(?P<name>{_RUN}{_SUFFIX})"
    )
    for cues in CUES
]
LEAD = re.compile(
    rf"^\s*(?P<name>{_RUN}{_SUFFIX})(?:\s*[,.;!]|\s+-\s|\s*$|\s+(?:is|are)\s+(?:a|an|the)\s)"
)
GREETINGS = re.compile(
    r"^(?:(?:well|oh|so)\W+)?(?:hi|hello|hey|good (?:morning|afternoon|evening)|morning|afternoon|evening|"
    r"guten tag|buongiorno|bonjour|hola|dear|thanks|thank you|ok|okay|yes|no)\b"
    r"(?:\W+(?:there|all|everyone|folks|team))?",
    re.I,
)
_ROLE_WORDS = (
    r"(?:manager|director|head|lead|officer|vp|president|chief|ceo|coo|cfo|cto|cxo|owner|"
    r"founder|buyer|analyst|specialist|coordinator|supervisor|administrator|executive)"
)
ROLES = re.compile(rf"\b{_ROLE_WORDS}\b", re.I)
NOT_NAMES = {
    "I",
    "We",
    "Our",
    "The",
    "This",
    "That",
    "It",
    "A",
    "An",
    "Support",
    "Tier",
    "Volume",
    "Volumes",
    "Hours",
    "Languages",
    "Scope",
    "Pricing",
    "Contract",
    "Customer",
    "Customers",
    "Tech",
    "Systems",
    "UK",
    "US",
    "EU",
    "NHS",
    "CX",
    "VP",
}


def read_organisation(ctx: Context) -> list[Found]:
    """The organisation named in the message (its question pending, or said with a cue)."""
    if "company_name" in ctx.filled and "company_name" not in ctx.pending:
        return []
    text = ctx.text
    sentences = [
        (start, end) for start, end in ctx.message.sentences if not _courtesy(text[start:end])
    ][:2]
    for weak, regex in ((r is CUED[-2], r) for r in CUED):
        for start, end in sentences:
            for m in regex.finditer(text, start, end):
                name = _clean(m.group("name"))
                role = ctx.message.roles[ctx.message.segment_at(m.start("name"))]
                if (
                    name
                    and not (weak and (role.past or role.question or not _speaker_before(text, start, m.start())))
                    and _plausible(ctx, name, m.start("name"))
                    and not _person(text, m.end("name"))
                    and not _department(text, m.group("name"), m.end("name"))
                ):
                    return [Found("company_name", name, m.span("name"))]
    if sentences:
        start, end = sentences[0]
        candidate = _after_role(text[start:end]) or _lead(ctx, text[start:end])
        if candidate:
            return [Found("company_name", candidate, (start, end))]
    return _lower_case_name(ctx)


# In a message written all in lower case, the one word after a role and 'at' or 'with' ('its
# raj cto at payvane we do …', 'head of support at quillpay'), or after 'work for' or 'i'm
# with', with the organisation nouns after it ('brightpath insurance'); never a word of no name.
_LOWER_CUE = re.compile(
    rf"\b(?:{_ROLE_WORDS}(?:\s+of(?:\s+[\w&-]+){{1,4}}?)?\s+(?:at|with)|work(?:ing)?\s+(?:for|at)|i'?m\s+with)"
    r"\s+(?P<name>[a-z][\w&'-]+(?:\s+(?:bank|insurance|health|healthcare|energy|group|ltd|limited|inc|llc|"
    r"water|housing|homes|telecom|mobile|foods|tours|travel|airlines?|motors|labs|logistics|council|"
    r"trust|university|college|credit union|building society)){0,2})\b"
)
_NO_NAME = {"a", "an", "the", "our", "my", "this", "that", "home", "work", "present", "moment",
            "least", "most", "first", "last", "scale", "night", "weekends"}


def _lower_case_name(ctx: Context) -> list[Found]:
    if re.search(r"[A-Z]", ctx.text):
        return []
    m = _LOWER_CUE.search(ctx.text)
    if m is None or m.group("name") in _NO_NAME:
        return []
    name = m.group("name")
    if not _plausible(ctx, name, m.start("name")):
        return []
    return [Found("company_name", " ".join(w[:1].upper() + w[1:] for w in name.split()), m.span("name"))]


_SPEAKER = re.compile(r"\b(?i:I|I'm|I’m|I am|we|we're|we’re|we are|us|my|our|here)(?![\w'’])|[A-Z][a-z]+\s*$")


_SELF_INTRODUCTION = re.compile(
    r"(?:my name is|my name's|i'm|i am)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*[.!]?", re.I
)


def _courtesy(sentence: str) -> bool:
    """A greeting, a short greeting with thanks ('Good afternoon, and thank you for your
    time.'), or the speaker's own name alone ('I am Tomasz Wiecek.'): no sentence of the
    organisation's."""
    words = sentence.strip(" .,!")
    if GREETINGS.fullmatch(words):
        return True
    if GREETINGS.match(words) and len(words.split()) <= 8 and not re.search(r"\s[A-Z]", words):
        return True
    return bool(_SELF_INTRODUCTION.fullmatch(sentence.strip()))


def _speaker_before(text: str, start: int, cue: int) -> bool:
    """'from', 'at', 'for' or 'with' names the buyer's organisation only after the speaker
    ('I'm Jo from Acme', 'we're at Acme', 'Priya Shah from Acme', 'COO at Acme'); 'one lady
    from Boston' is where someone else comes from."""
    before = text[start:cue]
    return bool(_SPEAKER.search(before) or ROLES.search(before))


def _person(text: str, end: int) -> bool:
    """'Jonas Becker, I am head of …', 'Marcus Hill, contracts officer': a person, not the
    organisation."""
    after = text[end : end + 60]
    return bool(
        re.match(r",\s*(?:I am|I'm)\b", after)
        or (
            re.match(r",\s*[^,.]{0,40}", after)
            and ROLES.search(re.match(r",\s*([^,.]{0,40})", after).group(1))
            and not re.match(r",\s*(?:a|an|the)\b", after)
            and not _CLAUSE_AFTER.match(after)
        )
    )


# A comma that opens a clause of its own ('Acme Ltd, where I'm the care director'): what
# follows says something of the name, it does not make a person of it.
_CLAUSE_AFTER = re.compile(
    r",\s*(?:where|which|who|whose|that|and|but|so|because|since|as|here|there)\b", re.I
)


def _department(text: str, name: str, end: int) -> bool:
    """'the IT help desk', 'the Member Services team': the name labels a part of the
    organisation (a department noun follows it), not the organisation; an owner's
    possessive ('Fenwick Housing's contact centre') names the organisation."""
    return not re.search(r"['’]s$", name) and bool(_department_after().match(text, end))


@cache
def _department_after() -> re.Pattern[str]:
    from assistant.reading.lexicon import organisations

    nouns = sorted(organisations().department_nouns, key=len, reverse=True)
    return re.compile(rf"\s+(?:{'|'.join(re.escape(n) for n in nouns)})\b")


def _lead(ctx: Context, sentence: str) -> str | None:
    """A short answer that starts with the name ('Acme Health', 'Acme, a retailer')."""
    if "company_name" not in ctx.pending or GREETINGS.match(sentence):
        return None
    if re.fullmatch(r"\s*\S+\s*!\s*", sentence):
        return None  # 'Howdy!': a word called out is an interjection, not a name
    m = LEAD.match(sentence)
    if not m or (
        len(sentence.split()) > 6
        and not re.match(r"[,.;!-]", sentence[m.end("name") :].strip()[:1] or ",")
    ):
        return None
    name = _clean(m.group("name"))
    return (
        name
        if name
        and _plausible(ctx, name, m.start("name"))
        and not _verb_follows(sentence, m.end("name"))
        and not _person(sentence, m.end("name"))
        else None
    )


def _verb_follows(sentence: str, end: int) -> bool:
    """'Hello expects about 30,000 contacts': a name does not run into a sentence."""
    return bool(re.match(r"\s+[a-z]+s\b", sentence[end:]))


def _after_role(sentence: str) -> str | None:
    """'Dan, ops manager, Ironhaus Fitness.': the name after a person and a role."""
    parts = [p.strip() for p in re.split(r",\s*", sentence.rstrip(". "))]
    for i, part in enumerate(parts[:-1]):
        if ROLES.search(part) and len(part.split()) <= 5:
            m = LEAD.match(parts[i + 1])
            if m and m.group("name").strip() == parts[i + 1].strip():
                return _clean(parts[i + 1])
    return None


def _clean(name: str) -> str:
    """Without the sentence's full stop (an abbreviation keeps its own: 'S.r.l.'), a trailing
    possessive or a leading 'the'."""
    name = name.strip(" ,-")
    if name.endswith(".") and not re.search(r"\.\w+\.$", name):
        name = name[:-1]
    name = re.sub(r"['’]s$", "", name)
    words = name.split()
    while words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


# Mentions that are no organisation's name ('comply with the GDPR', 'work in Salesforce').
_NAMED_THINGS = ("location", "language", "framework", "platform", "kpi", "channel")


def _plausible(ctx: Context, name: str, start: int) -> bool:
    """Not a greeting, not a place, a language, a framework, a platform or a month."""
    if name in NOT_NAMES or GREETINGS.match(name) or len(name) < 2:
        return False
    if re.match(r"(?:I|We|It|They|You|He|She)['’]", name):
        return False  # "We're Acme": the name follows
    if re.fullmatch(r"[\w.&]+-[a-z][\w-]*", name):
        return False  # 'FCA-authorised', 'UK-based': a word about the buyer, not its name
    covered = [
        m
        for m in ctx.message.mentions
        if m.kind in _NAMED_THINGS and m.start >= start and m.end <= start + len(name)
    ]
    joins = re.sub(r"\s+(?:and|of|the|for|&)\s+|\s+", "", name)
    if covered and sum(len(m.text.replace(" ", "")) for m in covered) >= len(joins) - 1:
        return False  # 'Americans and Canadians': places and the words that join them
    return not re.fullmatch(
        r"(?:January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4])",
        name,
    )


# --------------------------------------------------------------------------- regulators

_REGULATOR_CUE = re.compile(
    r"\b(?:regulated by|registered with|supervised by|licensed by|authorised by|authorized by|"
    r"(?:competent|supervisory|regulatory) authorit(?:y|ies)(?:,?\s+namely|,?\s+i\.e\.|:)?|"
    r"our regulators?(?:,|:| is| are)?|the regulators?(?:,|:| is| are)?)\s+",
    re.I,
)
_CAPITAL = r"(?!(?:I|We|It|They|You)\b|(?:I|We|It|They|You)['’])[A-Z][\w'’&-]*"
_NAME = re.compile(
    rf"(?:the\s+)?(?P<name>{_CAPITAL}(?:\s+(?:for|of|and|&)\s+{_CAPITAL}|\s+{_CAPITAL})*)"
)
_BETWEEN_NAMES = re.compile(
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)"
)


def read_regulators(ctx: Context) -> list[Found]:
    """'We're regulated by the Office for Students', 'the competent authorities, namely BfArM
    and the Paul-Ehrlich-Institut in Germany, AGES in Austria': names after a regulator cue,
    kept as written (the plan's vocabulary gives the known ones their canonical names)."""
    slot = ctx.plan.slot_map.get("regulators")
    if slot is None:
        return []
    known = {t.name.lower() for t in ctx.plan.terms(slot.vocabulary)} if slot.vocabulary else set()
    out = []
    for cue in _REGULATOR_CUE.finditer(ctx.text):
        segment = ctx.message.segment_at(cue.start())
        role = ctx.message.roles[segment]
        if role.question or role.past or role.acknowledgement:
            continue
        at = cue.end()
        while True:
            m = _NAME.match(ctx.text, at)
            if not m or not ctx.free(m.start("name"), m.end("name")):
                break
            name = m.group("name")
            if name.lower() not in known and _plausible_regulator(ctx, m.start("name"), name):
                out.append(Found("regulators", [name], m.span("name"), priority=slot.priority))
            between = _BETWEEN_NAMES.match(ctx.text, m.end())
            if not between:
                break
            at = between.end()
    return out


def _plausible_regulator(ctx: Context, start: int, name: str) -> bool:
    """A name, not a place, a framework or a pronoun."""
    if name in NOT_NAMES or len(name) < 2:
        return False
    return not any(
        m.kind in _NAMED_THINGS + ("term:regulators",)
        and m.start <= start
        and m.end >= start + len(name) - 1
        for m in ctx.message.mentions
    )
