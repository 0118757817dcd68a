"""What the interview adds to the RFP: the buyer's own requirements in its words, must-have and
nice-to-have marks, renewal options, the buyer's own weights, and names said right."""

from __future__ import annotations

from assistant.interview import Profile
from assistant.knowledge import load_guidance
from assistant.markup import unescape_markdown
from assistant.rfp import draft_from_profile, draft_rfp, render_markdown
from tests.rfp.cases import ISSUE_DATE


def _read(document) -> str:
    """The Markdown draft as a reader sees it (buyer text is escaped in the source)."""
    return unescape_markdown(render_markdown(document))


def _profile() -> Profile:
    profile = Profile()
    entries = [
        ("company_name", "text", "Larkspur & Vine Hotels", None, {}),
        (
            "languages",
            "list[str]",
            ["English", "Spanish"],
            None,
            {"English": "must", "Spanish": "nice"},
        ),
        (
            "other_requirements",
            "notes",
            ["Agents must know each hotel in detail"],
            None,
            {"Agents must know each hotel in detail": "must"},
        ),
        ("contract_term", "duration", {"amount": 2, "unit": "years"}, None, {}),
        ("contract_renewal", "renewal", {"count": 1, "amount": 1, "unit": "years"}, None, {}),
        ("evaluation_weights", "weights", {"quality": 70, "price": 30}, None, {}),
        ("excluded_shore_models", "list[str]", ["offshore"], "must", {}),
    ]
    for name, slot_type, value, priority, items in entries:
        profile.set(name, slot_type, value, 1, "msg", priority=priority, item_priority=items)
    return profile


def test_free_text_requirements_reach_the_scope_with_their_priority():
    document = draft_from_profile(_profile(), load_guidance(), ISSUE_DATE)
    stated = "Requirement stated by Larkspur & Vine Hotels, in its own words: \u201cAgents must know each hotel in detail\u201d"
    requirement = next(r for r in document.requirements() if r.text == stated)
    assert requirement.priority == "mandatory"
    assert f"**{requirement.id}** (M) {stated}" in _read(document)


def test_the_stated_requirements_table_marks_must_and_nice():
    document = draft_from_profile(_profile(), load_guidance(), ISSUE_DATE)
    scope = next(s for s in document.sections if s.id == "scope")
    rows = {(row[1], row[2]): row[3] for table in scope.tables for row in table.rows}
    assert rows[("Languages", "English")] == "Must-have"
    assert rows[("Languages", "Spanish")] == "Nice-to-have"
    assert rows[("Delivery models excluded", "offshore")] == "Must-have"


def test_renewal_options_weights_and_exclusions_are_stated():
    text = _read(draft_from_profile(_profile(), load_guidance(), ISSUE_DATE))
    assert "Renewal options: 1 optional extension of 1 year after the initial term" in text
    assert "| Service quality and customer experience | 70% |" in text
    assert "| Total | 100% | Weights set by Larkspur & Vine Hotels |" in text
    assert "does not accept delivery from offshore locations" in text


def test_a_plural_name_takes_an_apostrophe_alone():
    text = _read(draft_from_profile(_profile(), load_guidance(), ISSUE_DATE))
    assert "Hotels's" not in text
    assert "Larkspur & Vine Hotels' customers" in text or "Larkspur & Vine Hotels' " in text


def test_optional_slots_left_unanswered_add_no_open_points():
    document = draft_rfp({"company_name": "Acme"}, load_guidance(), ISSUE_DATE)
    text = _read(document)
    assert "Renewal options" not in text and "Requirement stated by" not in text
    assert not [
        p
        for p in document.open_points
        if p.slot in ("contract_renewal", "other_requirements", "regulators")
    ]
