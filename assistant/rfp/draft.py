"""Draft an RFP from the buyer's answers, the RFP wording and the guidance base."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from assistant.interview.plan import Plan, load_plan
from assistant.knowledge import GuidanceBase
from assistant.rfp.facts import Answers, join_words
from assistant.rfp.model import (
    OpenPoint,
    Requirement,
    RfpDocument,
    Scope,
    Section,
    Table,
    display_numbers,
    tbc,
)
from assistant.rfp.ratecard import build_rate_card
from assistant.rfp.relevance import allowed_question, questionnaire
from assistant.rfp.scope import build_scope, condition_slots
from assistant.rfp.tables import BUILDERS, format_date
from assistant.rfp.templates import (
    Conditional,
    PublicRegister,
    RequirementSpec,
    SectionsFile,
    SectionSpec,
    fill_template,
    load_sections,
)
from assistant.rfp.timetable import Timetable, build_timetable, country_from_code

log = logging.getLogger(__name__)

QUESTIONNAIRE_ID = "vendor_questionnaire"


@dataclass(frozen=True)
class BuyerFacts:
    """What the buyer fixed outside the interview slots: its country (ISO code) and time
    zone, its currency (ISO 4217) and dates it set for timetable steps (step key -> date:
    ``proposals_due``, ``pilot_start``, ``go_live``…)."""

    country: str | None = None
    time_zone: str | None = None
    currency: str | None = None
    dates: Mapping[str, date] = field(default_factory=dict)


@dataclass
class _PendingPoint:
    """An open point while the draft is being written."""

    what: str
    slot: str | None
    section_id: str
    requirement_ids: list[str] = field(default_factory=list)
    question: str | None = None
    section_ids: list[str] = field(default_factory=list)

    def used(self, section_id: str, requirement_id: str | None) -> None:
        """Record one more place that carries this point's marker."""
        if requirement_id is None:
            if section_id not in self.section_ids:
                self.section_ids.append(section_id)
        elif requirement_id not in self.requirement_ids:
            self.requirement_ids.append(requirement_id)


@dataclass(frozen=True)
class _Rendered:
    """A filled template, the slots it used and the open points it hit."""

    text: str
    slots: tuple[str, ...]
    missing: tuple[str, ...]


class _Placeholders(Mapping[str, str]):
    """Resolves the names in one template and remembers which slots and gaps it touched."""

    def __init__(self, drafter: _Drafter, extra: Mapping[str, str]) -> None:
        self._drafter = drafter
        self._extra = extra
        self.slots: list[str] = []
        self.missing: list[str] = []

    def __getitem__(self, key: str) -> str:
        if key in self._extra:
            return self._extra[key]
        return self._drafter.resolve(key, self)

    def __iter__(self) -> Iterator[str]:
        return iter(self._extra)

    def __len__(self) -> int:
        return len(self._extra)


def possessive(text: str, name: str) -> str:
    """"Larkspur & Vine Hotels's" as "Larkspur & Vine Hotels'": a name ending in s takes an
    apostrophe alone."""
    if not name.endswith("s") or name.endswith("ss"):
        return text
    return text.replace(f"{name}'s", f"{name}'")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


class _Drafter:
    """Writes one RFP; also the context table builders read from."""

    def __init__(
        self,
        answers: Answers,
        spec: SectionsFile,
        guidance: GuidanceBase,
        scope: Scope,
        today: date,
        priorities: Mapping[tuple[str, str | None], str] | None = None,
        buyer: BuyerFacts | None = None,
    ) -> None:
        facts = buyer or BuyerFacts()
        self.answers = answers
        self.priorities = dict(priorities or {})
        self.spec = spec
        self.guidance = guidance
        self.scope = scope
        self.today = today
        self.buyer = organisation_name(answers.text("company_name")) or spec.client_noun
        country = country_from_code(facts.country, facts.time_zone) if facts.country else None
        self.timetable: Timetable = build_timetable(
            answers, spec.timetable, today, self._holds, facts.dates, country
        )
        self.register: PublicRegister | None = None  # a public body's wording, else None
        if answers.flag("public_sector") is True:
            known = self.timetable.country
            self.register = spec.public_register(known.code if known else None)
        self.derived = derived_values(answers, self.timetable)
        if facts.currency:
            self.derived["currency"] = facts.currency
        self._points: dict[str, _PendingPoint] = {}
        self._section_id = ""
        self.sections = [s for s in spec.sections if s.holds(scope.flag)]
        numbers = display_numbers([s.appendix for s in self.sections])
        self._numbers = {s.id: n for n, s in zip(numbers, self.sections, strict=True)}

    # --- placeholders -------------------------------------------------------------------

    def resolve(self, key: str, seen: _Placeholders) -> str:
        """The text for one placeholder name (KeyError for an unknown name)."""
        if key == "buyer":
            return self.buyer
        if key == "company_name" and answers_name_rejected(self):
            seen.slots.append(key)
            seen.missing.append(key)
            return tbc(self.answers.label(key))
        if key == "issue_date":
            return format_date(self.timetable.milestones[0].day)
        if key.startswith("date_"):
            return self._milestone_text(key[5:])
        if key in DERIVED_LABELS:
            value = self.derived.get(key)
            if value is None:
                seen.missing.append(key)
                return tbc(DERIVED_LABELS[key])
            definite = {p.lower() for p in self.spec.definite_places}
            return f"the {value}" if key in ("country", "governing_law") and value.lower() in definite else value
        if key.startswith("sec_") and key[4:] in self._numbers:
            return self.section_label(key[4:])
        if key in self.spec.no_slot_points:
            seen.missing.append(key)
            return tbc(self.spec.no_slot_points[key])
        if key.endswith("_phrase") and key[: -len("_phrase")] in self.answers.plan.slot_map:
            return self._phrase(key[: -len("_phrase")], seen)
        if key in self.answers.plan.slot_map:
            seen.slots.append(key)
            filled = self.answers.fill(key)
            seen.missing.extend(filled.missing)
            if not filled.missing and self.answers.plan.slot(key).vocabulary == "locations":
                return self._places(key)
            return filled.text
        raise KeyError(key)

    def _milestone_text(self, key: str) -> str:
        """'12 January 2026' or, for a deadline, '12 January 2026 at 12:00 (Europe/London time)'."""
        for milestone in self.timetable.milestones:
            if milestone.key == key:
                when = format_date(milestone.day)
                if milestone.time:
                    zone = self.timetable.country.time_zone if self.timetable.country else "local time"
                    when += f" at {milestone.time} ({zone} time)" if self.timetable.country else f" at {milestone.time} {zone}"
                return when
        raise KeyError(f"date_{key}")

    def _places(self, slot: str) -> str:
        """Place names in running text, with "the" where English needs it."""
        definite = {p.lower() for p in self.spec.definite_places}
        names = [f"the {n}" if n.lower() in definite else n for n in self.answers.items(slot)]
        return join_words(names)

    def _phrase(self, slot: str, seen: _Placeholders) -> str:
        """The phrase for an enum answer, itself a template; the answer when unlisted."""
        seen.slots.append(slot)
        text = self.answers.text(slot)
        if text is None:
            seen.missing.append(slot)
            return tbc(self.answers.label(slot))
        phrases = {k.lower(): v for k, v in self.spec.phrases.get(slot, {}).items()}
        phrase = phrases.get(text.lower())
        if phrase and self.register:
            phrase = public_wording(phrase, self.register.terms)
        return fill_template(phrase, seen, f"phrase {slot}={text}") if phrase else text

    def render(
        self, template: str, where: str, extra: Mapping[str, str] | None = None
    ) -> _Rendered:
        """Fill a template strictly."""
        seen = _Placeholders(self, extra or {})
        if self.register:
            template = public_wording(template, self.register.terms)
        text = possessive(_capitalised(fill_template(template, seen, where)), self.buyer)
        return _Rendered(text, tuple(dict.fromkeys(seen.slots)), tuple(dict.fromkeys(seen.missing)))

    # --- open points (also the TableContext API) ----------------------------------------

    def _note(self, keys: tuple[str, ...], requirement_id: str | None = None) -> None:
        for key in keys:
            point = self._points.get(key)
            if point is None:
                point = self._new_point(key)
                self._points[key] = point
            point.used(self._section_id, requirement_id)

    def _new_point(self, key: str) -> _PendingPoint:
        if key in self.spec.no_slot_points:
            return _PendingPoint(self.spec.no_slot_points[key], None, self._section_id)
        if key in DERIVED_LABELS:
            return _PendingPoint(DERIVED_LABELS[key], None, self._section_id)
        label = self.answers.label(key)
        return _PendingPoint(label, key, self._section_id, question=self.answers.question(key))

    def fill(self, slot: str) -> str:
        """A slot's text for a table cell; a marker (and an open point) when unanswered."""
        filled = self.answers.fill(slot)
        self._note(filled.missing)
        return filled.text

    def gap(self, what: str, slot: str | None) -> str:
        """A marker for a specific missing detail, recorded as an open point."""
        key = f"{slot or ''}:{what}"
        if key not in self._points:
            question = self.answers.question(slot) if slot else None
            self._points[key] = _PendingPoint(what, slot, self._section_id, question=question)
        self._points[key].used(self._section_id, None)
        return tbc(what)

    def open_points(self) -> list[OpenPoint]:
        """Open points in the order of the sections that first need them."""
        order = {s.id: i for i, s in enumerate(self.spec.sections)}
        points = sorted(self._points.values(), key=lambda p: order.get(p.section_id, len(order)))
        return [
            OpenPoint(
                p.what,
                p.slot,
                p.section_id,
                tuple(p.requirement_ids),
                p.question,
                tuple(p.section_ids),
            )
            for p in points
        ]

    def section_label(self, section_id: str) -> str:
        """'section 7' or 'Appendix A'."""
        number = self._numbers[section_id]
        return number if number.startswith("Appendix") else f"section {number}"

    # --- sections -----------------------------------------------------------------------

    def _holds(self, item: Conditional) -> bool:
        return item.holds(self.scope.flag)

    def section(self, spec: SectionSpec, requirements: tuple[Requirement, ...] = ()) -> Section:
        """One section: intro, tables and requirements whose conditions hold."""
        self._section_id = spec.id
        where = f"section {spec.id}"
        intro = []
        for paragraph in (p for p in spec.intro if self._holds(p)):
            rendered = self.render(paragraph.text, f"{where} intro")
            self._note(rendered.missing)
            intro.append(rendered.text)
        if not requirements:
            requirements = self._requirements(spec)
        tables = tuple(
            self._table(t.builder, t.caption, where) for t in spec.tables if self._holds(t)
        )
        return Section(spec.id, self.title(spec), tuple(intro), requirements, tables, spec.appendix)

    def title(self, spec: SectionSpec) -> str:
        """A section's heading, in a public body's wording when the buyer is one."""
        return public_wording(spec.title, self.register.terms) if self.register else spec.title

    def _table(self, builder: str, caption: str, where: str) -> Table:
        rendered = self.render(caption, f"{where} table {builder}")
        self._note(rendered.missing)
        header, rows = BUILDERS[builder](self)
        return Table(rendered.text, header, rows)

    def _requirements(self, spec: SectionSpec) -> tuple[Requirement, ...]:
        made: list[Requirement] = []
        for index, req in enumerate(spec.requirements):
            if self._holds(req):
                for text, guidance, extra in self._variants(req):
                    if not self._askable(text, extra, req.conditions()):
                        continue
                    ident = f"REQ-{spec.code}-{len(made) + 1:02d}"
                    made.append(
                        self._requirement(ident, req, text, guidance, extra, f"{spec.id} #{index}")
                    )
        return tuple(made)

    def _askable(self, template: str, extra: Mapping[str, str], conditions: tuple[str, ...]) -> bool:
        """False for wording that names an option the buyer ruled out (a regime out of scope,
        a delivery model it excluded), unless the wording is the one stating the exclusion."""
        if "{excluded_" in template:
            return True
        words = template.replace("{buyer}", "").replace("{item}", extra.get("item", ""))
        return allowed_question(words, self.spec, self.scope, ignore=conditions)

    def _variants(self, req: RequirementSpec) -> list[tuple[str, tuple[str, ...], dict[str, str]]]:
        """(template, guidance, extra placeholders) per requirement to write."""
        if req.each is None:
            return [(req.text, req.guidance, {})]
        values = self.answers.items(req.each)
        if not values:
            # Unanswered: the slot's own placeholder (a marker) goes where a value would be.
            return [(req.text.replace("{item}", f"{{{req.each}}}"), req.guidance, {})]
        cases = {k.lower(): v for k, v in req.cases.items()}
        variants = []
        for value in values:
            case = cases.get(value.lower())
            text, guidance = (case.text, case.guidance) if case else (req.text, req.guidance)
            variants.append((text, guidance, {"item": value}))
        return variants

    def priority(self, req: RequirementSpec, slots: list[str], item: str | None) -> str:
        """Mandatory when the buyer marked a slot it rests on must-have; desirable when it
        marked it nice-to-have; else the wording's own mark (compliance the buyer needs)."""
        marks = set()
        for slot in slots:
            if req.each == slot and item is not None:
                mark = self.priorities.get((slot, item)) or self.priorities.get((slot, None))
                marks.add(mark)
            else:
                marks.update(v for (name, _), v in self.priorities.items() if name == slot)
        if "must" in marks:
            return "mandatory"
        if "nice" in marks:
            return "desirable"
        return "mandatory" if req.mandatory else "desirable"

    def _requirement(
        self,
        ident: str,
        req: RequirementSpec,
        template: str,
        guidance: tuple[str, ...],
        extra: dict[str, str],
        where: str,
    ) -> Requirement:
        rendered = self.render(template, where, extra)
        self._note(rendered.missing, ident)
        slots = [*rendered.slots]
        if req.each:
            slots.append(req.each)
        for condition in req.conditions():
            slots.extend(condition_slots(condition))
        slots = list(dict.fromkeys(slots))
        source = "buyer" if slots else "guidance"
        priority = self.priority(req, [*rendered.slots, *([req.each] if req.each else [])], extra.get("item"))
        return Requirement(
            ident, rendered.text, source, tuple(slots), tuple(guidance), req.group, priority  # type: ignore[arg-type]
        )

    def questionnaire_section(self, spec: SectionSpec, cited: set[str]) -> Section:
        """The vendor questionnaire: guidance questions in scope that no requirement asks."""
        self._section_id = spec.id
        written = self._requirements(spec)
        cited = cited | _cited_at_home(
            [Section(spec.id, spec.title, requirements=written)], self.guidance
        )
        titles = {s.id: self.title(s) for s in self.spec.sections}
        questions = questionnaire(self.guidance, self.spec, self.scope, cited, titles)
        if self.register:
            terms = self.register.terms
            questions = [replace(q, text=public_wording(q.text, terms)) for q in questions]
        start = len(written) + 1
        generated = tuple(
            Requirement(f"REQ-{spec.code}-{n:02d}", q.text, "guidance", (), (q.item.id,), q.group)
            for n, q in enumerate(questions, start=start)
        )
        return self.section(spec, _grouped(written, generated))


def _cited_at_home(sections: Iterable[Section], guidance: GuidanceBase) -> set[str]:
    """Guidance ids cited by a requirement in the item's own RFP section."""
    cited = set()
    for section in sections:
        for req in section.requirements:
            for gid in req.guidance:
                item = guidance.get(gid)
                if item is not None and item.rfp_section == section.id:
                    cited.add(gid)
    return cited


def _grouped(
    written: tuple[Requirement, ...], generated: tuple[Requirement, ...]
) -> tuple[Requirement, ...]:
    """Written and generated questions merged by group (groups in generated order), renumbered."""
    order: dict[str | None, int] = {}
    for req in (*generated, *written):
        order.setdefault(req.group, len(order))
    ranked = sorted((*written, *generated), key=lambda r: order[r.group])
    if not ranked:
        return ()
    prefix = ranked[0].id.rsplit("-", 1)[0]
    return tuple(replace(r, id=f"{prefix}-{n:02d}") for n, r in enumerate(ranked, start=1))


_NOT_A_NAME = re.compile(r"^\W*(?:i|i'm|i am|we|we're|we are|our|my|it's|this is|hello|hi)\b", re.I)
MAX_NAME_WORDS = 8


def organisation_name(text: str | None) -> str | None:
    """The organisation's name as the buyer gave it, or None when the answer reads as a
    sentence ("I'm with X", "We are a bank in Leeds"): a sentence is never pasted as a name."""
    if not text:
        return None
    cleaned = text.strip().lstrip("-*• ").strip()
    if _NOT_A_NAME.match(cleaned) or len(cleaned.split()) > MAX_NAME_WORDS or cleaned.endswith(("!", "?")):
        return None
    return cleaned


def answers_name_rejected(drafter: _Drafter) -> bool:
    """The buyer answered a name that is not one (see ``organisation_name``)."""
    text = drafter.answers.text("company_name")
    return bool(text) and organisation_name(text) is None


DERIVED_LABELS = {
    "country": "the buyer's country",
    "time_zone": "the time zone of deadlines",
    "currency": "the currency of prices",
    "governing_law": "the law that governs the contract (for a federal country, the state or province)",
}


def derived_values(answers: Answers, timetable: Timetable) -> dict[str, str]:
    """Values the draft derives from the answers: country, time zone, currency, governing law."""
    from babel.numbers import get_territory_currencies

    out: dict[str, str] = {}
    country = timetable.country
    for slot in ("budget", "refund_limit"):
        currency = getattr(answers.typed(slot), "currency", None)
        if currency:
            out["currency"] = str(currency)
            break
    if country:
        out["country"] = country.name
        out["time_zone"] = f"{country.time_zone} time"
        currencies = get_territory_currencies(country.code, date.today())
        if "currency" not in out and currencies:
            out["currency"] = currencies[0]
        if country.code == "GB":
            out["governing_law"] = "England and Wales"
        elif country.code not in ("US", "CA", "AU"):  # federal: a state or province's law applies
            out["governing_law"] = country.name
    return out


_TERM_CACHE: dict[int, object] = {}


def public_wording(template: str, terms: Mapping[str, str]) -> str:
    """Template wording in a public body's terms ("vendor" -> "supplier"), capitals kept;
    placeholders are left alone, so the buyer's own words never change."""
    import re

    if not terms:
        return template
    pattern = _TERM_CACHE.get(id(terms))
    if pattern is None:
        words = sorted(terms, key=len, reverse=True)
        pattern = re.compile(r"\{[^}]*\}|\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        _TERM_CACHE[id(terms)] = pattern
    lowered = {k.lower(): v for k, v in terms.items()}

    def swap(match: re.Match[str]) -> str:
        word = match.group(1)
        if word is None:
            return match.group(0)
        new = lowered[word.lower()]
        if word.isupper() and len(word) > 1:
            return new if new.isupper() else new.upper()
        return new[:1].upper() + new[1:] if word[:1].isupper() else new

    return pattern.sub(swap, template)  # type: ignore[union-attr]


def check_references(spec: SectionsFile, guidance: GuidanceBase) -> None:
    """Raise ValueError when the wording cites unknown guidance or an unknown table builder."""
    unknown = sorted(g for g in spec.guidance_ids() if g not in guidance)
    if unknown:
        raise ValueError(f"RFP wording cites unknown guidance ids: {unknown}")
    builders = {t.builder for s in spec.sections for t in s.tables}
    missing = sorted(builders - set(BUILDERS))
    if missing:
        raise ValueError(f"RFP wording names unknown table builders: {missing}")


def draft_rfp(
    values: Mapping[str, object],
    guidance: GuidanceBase,
    today: date | None = None,
    *,
    plan: Plan | None = None,
    sections: SectionsFile | None = None,
    priorities: Mapping[tuple[str, str | None], str] | None = None,
    buyer: BuyerFacts | None = None,
) -> RfpDocument:
    """Draft the RFP for a buyer.

    Args:
        values: ``slot id -> value`` from the requirements profile (see ``profile_values``);
            missing slots become ``[To be confirmed: …]`` markers and open points.
        guidance: the guidance base the requirements and questionnaire cite.
        today: the issue date (defaults to today).
        plan: the interview plan (slot types and labels); the packaged one by default.
        sections: the RFP wording; ``knowledge/rfp/sections.yaml`` by default.
        priorities: ``(slot, item or None) -> 'must' | 'nice'`` as the buyer said (see
            ``Profile.requirements``); requirements say mandatory or desirable where known.
        buyer: country, currency and dates the buyer fixed (see ``BuyerFacts``).

    Returns:
        The document model every renderer reads.

    Raises:
        TemplateError: a template names a placeholder with no value.
        ValueError: the wording cites unknown guidance ids or table builders.
    """
    plan = plan or load_plan()
    spec = sections or load_sections()
    check_references(spec, guidance)
    answers = Answers(values, plan, spec.labels)
    scope = build_scope(answers, spec.conditions())
    drafter = _Drafter(answers, spec, guidance, scope, today or date.today(), priorities, buyer)
    built: dict[str, Section] = {}
    for spec_section in drafter.sections:
        if spec_section.id != QUESTIONNAIRE_ID and not spec_section.appendix:
            built[spec_section.id] = drafter.section(spec_section)
    cited = _cited_at_home(built.values(), guidance)
    for spec_section in drafter.sections:
        if spec_section.id == QUESTIONNAIRE_ID:
            built[spec_section.id] = drafter.questionnaire_section(spec_section, cited)
    for spec_section in drafter.sections:
        if spec_section.appendix:
            built[spec_section.id] = drafter.section(spec_section)
    log.info("drafted RFP for %s: %d open points", drafter.buyer, len(drafter.open_points()))
    return RfpDocument(
        title=drafter.register.title if drafter.register else spec.title,
        buyer=drafter.buyer,
        date=drafter.today,
        sections=tuple(built[s.id] for s in drafter.sections),
        open_points=tuple(drafter.open_points()),
        scope=scope,
        rate_card=build_rate_card(drafter),
    )
