"""Which guidance items apply to the buyer's scope, and which question to put to vendors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.knowledge import RFP_SECTIONS, GuidanceBase, GuidanceItem
from assistant.rfp.model import Scope
from assistant.rfp.templates import SectionsFile


def out_of_scope(spec: SectionsFile, scope: Scope) -> dict[str, str]:
    """Guidance ids ruled out by a condition known to be false, with that condition."""
    excluded: dict[str, str] = {}
    for rule in spec.guidance_scope:
        failed = [c for c in rule.when if scope.flag(c) is False]
        if failed:
            for item_id in rule.guidance:
                excluded.setdefault(item_id, failed[0])
    return excluded


def relevant_guidance(
    guidance: GuidanceBase, spec: SectionsFile, scope: Scope
) -> list[GuidanceItem]:
    """Guidance items that apply to this buyer: all but those ruled out by the scope rules."""
    excluded = out_of_scope(spec, scope)
    return [item for item in guidance if item.id not in excluded]


def _mentions(text: str, term: str) -> bool:
    return re.search(rf"\b{re.escape(term)}\b", text, flags=re.IGNORECASE) is not None


def allowed_question(
    question: str, spec: SectionsFile, scope: Scope, ignore: tuple[str, ...] = ()
) -> bool:
    """False when the question names a regime (or an option the buyer excluded) that is known
    to be out of scope; flags in `ignore` are those the wording itself is conditioned on."""
    for flag, terms in spec.regime_terms.items():
        if flag in ignore:
            continue
        if scope.flag(flag) is False and any(_mentions(question, t) for t in terms):
            return False
    return True


@dataclass(frozen=True)
class Question:
    """One questionnaire entry: the guidance item it comes from and the group it sits in."""

    item: GuidanceItem
    text: str
    group: str


def questionnaire(
    guidance: GuidanceBase,
    spec: SectionsFile,
    scope: Scope,
    cited: set[str],
    titles: dict[str, str],
) -> list[Question]:
    """Questions for the vendor, grouped in RFP section order.

    Relevant items that no requirement cites contribute questions: all of them for items of
    the questionnaire section, the first for items of other sections, so that nothing in
    scope is dropped.

    Args:
        guidance: the guidance base.
        spec: the RFP wording (scope rules, regime terms, group titles).
        scope: the buyer's evaluated scope.
        cited: guidance ids already cited by a requirement in their own RFP section.
        titles: section id -> section title, for group headings.
    """
    home = "vendor_questionnaire"
    group_titles = {**titles, **spec.questionnaire_group_titles}
    questions: list[Question] = []
    items = relevant_guidance(guidance, spec, scope)
    for section in RFP_SECTIONS:
        for item in (i for i in items if i.rfp_section == section and i.id not in cited):
            allowed = _askable(item, spec, scope)
            chosen = allowed if item.rfp_section == home else allowed[:1]
            questions += [Question(item, q, group_titles[section]) for q in chosen]
    return questions


def _askable(item: GuidanceItem, spec: SectionsFile, scope: Scope) -> list[str]:
    """The item's questions up to the first one naming an out-of-scope regime.

    Later questions often refer back to earlier ones ("when were they last audited?"), so
    they are not asked once an earlier one is dropped.
    """
    askable = []
    for question in item.ask_vendors:
        if not allowed_question(question, spec, scope):
            break
        askable.append(question)
    return askable
