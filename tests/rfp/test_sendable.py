"""What makes a draft sendable: headings, M/D marks, no excluded options, buyer text as data,
public-sector wording."""

from __future__ import annotations

import re

from assistant.interview import Profile
from assistant.knowledge import load_guidance
from assistant.markup import unescape_markdown
from assistant.rfp import draft_from_profile, render_markdown
from tests.rfp.cases import ISSUE_DATE, drafted

HEADINGS = ("Introduction", "Scope", "Volumes and forecast", "Service levels", "Quality", "Workforce",
            "Technology", "Security", "Reporting and governance", "Transition-in and exit", "Pricing",
            "Evaluation methodology", "Instructions to bidders", "Timetable", "Terms and conditions",
            "Annexes")  # fmt: skip


def _profile(**extra) -> Profile:
    profile = Profile()
    profile.set("company_name", "text", "Harbour Borough Council", 1, "m")
    profile.set("customer_regions", "list[str]", ["United Kingdom"], 1, "m")
    profile.set("shore_model", "list[str]", ["onshore"], 1, "m")
    profile.set("excluded_shore_models", "list[str]", ["offshore"], 1, "no offshore at all", priority="must")
    profile.set("languages", "list[str]", ["English", "Welsh"], 1, "m", item_priority={"English": "must",
                                                                                          "Welsh": "nice"})
    profile.set("compliance_frameworks", "list[str]", ["ISO 27001"], 1, "m", priority="must")
    for name, (slot_type, value) in extra.items():
        profile.set(name, slot_type, value, 2, "m")
    return profile


def test_every_heading_a_real_rfp_carries_is_there():
    titles = [s.title for s in drafted("healthcare-card-payments").sections]
    for heading in HEADINGS:
        assert any(t.startswith(heading) for t in titles), heading


def test_every_requirement_is_mandatory_or_desirable_and_the_rule_is_stated_once():
    document = draft_from_profile(_profile(), load_guidance(), ISSUE_DATE)
    assert {r.priority for r in document.requirements()} == {"mandatory", "desirable"}
    text = render_markdown(document)
    assert text.count("Mandatory requirements are pass/fail") == 1
    assert "Mandatory requirements are scored pass or fail" not in text


def test_must_have_items_are_mandatory_and_nice_to_haves_desirable():
    document = draft_from_profile(_profile(), load_guidance(), ISSUE_DATE)
    by_text = {r.text: r for r in document.requirements()}
    iso = next(r for t, r in by_text.items() if t.startswith("The vendor shall comply with ISO 27001"))
    assert iso.priority == "mandatory"
    excluded = next(r for t, r in by_text.items() if "does not accept delivery from offshore" in t)
    assert excluded.priority == "mandatory"


def test_no_question_about_an_excluded_delivery_model():
    document = draft_from_profile(_profile(), load_guidance(), ISSUE_DATE)
    for requirement in document.requirements():
        if "does not accept delivery from" in requirement.text:
            continue
        assert "offshore" not in requirement.text.lower(), requirement.id
    rows = document.section("pricing").tables[0].rows
    assert not any("offshore" in " ".join(row).lower() for row in rows)


def test_no_conditional_leftovers_once_the_buyer_answered():
    text = render_markdown(drafted("healthcare-card-payments"))
    assert "If they will" not in text and "If customers" not in text


def test_buyer_markup_is_shown_as_text_never_rendered():
    profile = _profile()
    profile.set("peak_periods", "text", '<img src=x onerror=alert(1)> [win](http://evil.example) **now**', 3, "m")
    text = render_markdown(draft_from_profile(profile, load_guidance(), ISSUE_DATE))
    assert "[win](http" not in text and "**now**" not in text
    assert re.search(r"(?<!\\)<img", text) is None  # '<' escaped: shown, never a tag
    assert "\\[win\\]" in text and "\\*\\*now\\*\\*" in text
    said = '<img src=x onerror=alert(1)> [win](http://evil.example) **now**'
    assert said in unescape_markdown(text)  # the reader sees exactly what the buyer typed


def test_a_public_body_gets_tender_wording_social_value_and_tupe():
    profile = _profile(public_sector=("bool", True), procurement_procedure=("text", "the open procedure"),
                       tupe_applies=("bool", True))
    document = draft_from_profile(profile, load_guidance(), ISSUE_DATE)
    text = render_markdown(document)
    assert document.title.startswith("Invitation to Tender")
    assert "The supplier shall" in text and "The vendor shall" not in text
    assert "the open procedure" in text and "Social value" in text and "TUPE" in text
    assert "accessible to disabled customers" in text
    assert "law of England and Wales" in text


def test_a_us_public_body_gets_solicitation_wording_not_a_uk_tender():
    profile = _profile(public_sector=("bool", True), procurement_procedure=("text", "competitive sealed proposals"))
    profile.set("customer_regions", "list[str]", ["United States"], 3, "m")
    document = draft_from_profile(profile, load_guidance(), ISSUE_DATE)
    text = render_markdown(document)
    assert "Solicitation" in document.title and "Tender" not in document.title
    assert "The respondent shall" in text and "The vendor shall" not in text
    assert "The supplier shall" not in text and "tenderer" not in text.lower()
    assert "competitive sealed proposals" in text and "Community benefit" in text
    assert "Social value" not in text and "England and Wales" not in text


def test_a_private_buyer_keeps_rfp_wording():
    text = render_markdown(drafted("healthcare-card-payments"))
    assert "The vendor shall" in text and "Invitation to Tender" not in text and "Social value" not in text


def test_a_sentence_is_never_pasted_as_the_organisations_name():
    for answer in ("- I'm with Harbour Borough Council", "We are a regional bank based in Leeds."):
        profile = _profile()
        profile.set("company_name", "text", answer, 1, answer)
        document = draft_from_profile(profile, load_guidance(), ISSUE_DATE)
        text = render_markdown(document)
        assert answer.lstrip("- ") not in text and "I'm with" not in text
        assert document.buyer == "the Client"
        assert any(p.slot == "company_name" for p in document.open_points)
    profile = _profile()
    document = draft_from_profile(profile, load_guidance(), ISSUE_DATE)
    assert document.buyer == "Harbour Borough Council"
    profile.set("company_name", "text", "Harrow & Pine Home Goods, Inc.", 1, "m")
    assert draft_from_profile(profile, load_guidance(), ISSUE_DATE).buyer == "Harrow & Pine Home Goods, Inc."
