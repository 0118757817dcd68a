"""Questions back answered from the guidance: a question that asks for a figure gets the
guidance's own figures, or is told the guidance gives none."""

from __future__ import annotations

from assistant.interview.answers import answer_from_guidance, number_sources
from assistant.knowledge import GuidanceItem


def _item(item_id: str, title: str, why: str, details: str | None, keywords: list[str]) -> GuidanceItem:
    return GuidanceItem(id=item_id, title=title, topic="metrics", why=why, details=details,
                        keywords=keywords, rfp_section="service_levels",
                        ask_vendors=("What do you propose?",))


GUIDANCE = [
    _item("hold-time", "Hold time", "Long holds frustrate callers.",
          "Most buyers cap hold time. Caps of 60-90 seconds per hold are common.", ["hold time", "hold"]),
    _item("tone", "Tone of voice", "A consistent tone protects the brand.",
          "Agree a style guide with examples.", ["tone", "style guide"]),
]


def test_a_question_for_a_figure_quotes_the_guidance_figures():
    body, cites = answer_from_guidance("What's a typical hold time?", GUIDANCE)
    assert "60-90 seconds" in body
    assert "Most buyers cap hold time." not in body  # only the sentences with a figure
    assert [c["id"] for c in cites] == ["guidance:hold-time"]


def test_a_question_for_a_figure_the_guidance_lacks_says_so():
    body, _ = answer_from_guidance("How long should our style guide for tone be?", GUIDANCE)
    assert "gives no figure" in body
    assert "A consistent tone protects the brand." in body


def test_a_question_for_no_figure_gets_the_reasons_only():
    body, _ = answer_from_guidance("Should we agree a hold time cap?", GUIDANCE)
    assert "60-90 seconds" not in body and "gives no figure" not in body


def test_a_question_stating_a_service_level_is_about_service_levels():
    guidance = [
        _item("desk", "Help desk support", "IT help desks need tiered escalation.", None, ["help desk", "it support"]),
        _item("sl", "Answer speed", "How fast calls are answered drives staffing.", None, ["service level", "speed of answer"]),
    ]
    _, cites = answer_from_guidance("Would 85/45 be sensible for our help desk?", guidance)
    assert cites[0]["id"] == "guidance:sl"


def test_sources_are_numbered_markers_listed_by_title():
    lines = ['Vendor answer "within 30 seconds" [1]', "- Hold time: Long holds. [guidance:hold-time]",
             "- Tone: Keep it. [guidance:tone] and again [guidance:hold-time]"]
    cites = [{"id": "meridian.pdf#p3", "marker": 1}, {"id": "guidance:hold-time", "title": "Hold time"},
             {"id": "guidance:tone", "title": "Tone of voice"}]
    numbered, marked = number_sources(lines, cites)
    assert numbered[1].endswith("[2]") and numbered[2] == "- Tone: Keep it. [3] and again [2]"
    assert numbered[-1] == "Sources:\n[2] Hold time\n[3] Tone of voice"
    assert "guidance:" not in "\n".join(numbered)
    assert [c.get("marker") for c in marked] == [1, 2, 3]


def test_lines_without_guidance_ids_are_left_as_they_are():
    assert number_sources(["Usually 80/20 [1]."], [{"id": "a.pdf", "marker": 1}]) == (
        ["Usually 80/20 [1]."], [{"id": "a.pdf", "marker": 1}]
    )
