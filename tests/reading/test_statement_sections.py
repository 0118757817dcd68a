"""Whose voice a statement is in: the buyer's needs restated, or the vendor's offer."""

from __future__ import annotations

from assistant.models import Page
from assistant.reading.statements import page_statements


def _sections(text: str) -> dict[str, str]:
    statements = page_statements(Page(1, text), "d.pdf", "Orrin Basalt", buyer="Pellworth Water")
    return {s.text: s.section for s in statements}


def test_the_country_us_is_not_the_vendor_speaking():
    found = _sections("## 2. Your requirements\n\nSpanish for US customers and French for Quebec.\n\n"
                      "We will staff both queues from Leeds.\n")
    assert found["Spanish for US customers and French for Quebec."] == "buyer"
    assert found["We will staff both queues from Leeds."] == "offer"


def test_a_heading_saying_what_the_vendor_understood_opens_the_buyer_s_needs():
    found = _sections("## 3. What we understood Pellworth needs\n\nEmails answered within two days.\n\n"
                      "## 4. Our solution\n\nEmails answered within one working day.\n")
    assert found["Emails answered within two days."] == "buyer"
    assert found["Emails answered within one working day."] == "offer"


def test_a_line_restating_the_rfp_requirement_is_the_buyer_s():
    found = _sections("## Deviations\n\nB3 — RFP requirement: chat answered in 45 seconds.\n\n"
                      "B3 — Orrin Basalt position: chat answered in 60 seconds.\n")
    assert found["B3 — RFP requirement: chat answered in 45 seconds."] == "buyer"
    assert found["B3 — Orrin Basalt position: chat answered in 60 seconds."] == "offer"


def test_a_subsection_telling_another_clients_results_is_a_reference():
    found = _sections("## 2. About us\n\nWe employ 900 agents in Recife.\n\n"
                      "### Success case: a regional bank\n\nFCR reached 81% for this client.\n\n"
                      "## 6. Our commitments\n\nFCR of at least 74% from month four.\n")
    assert found["We employ 900 agents in Recife."] == "company"
    assert found["FCR reached 81% for this client."] == "references"
    assert found["FCR of at least 74% from month four."] == "offer"


def test_a_case_study_label_in_running_text_opens_another_client_s_story():
    found = _sections("## 5. Service quality\n\nWe target 90% quality on a joint scorecard.\n\n"
                      "SUCCESS STORY · A regional water utility Since 2021 we answer its calls.\n\n"
                      "Results last year: CSAT 94% and FCR 80%.\n\n"
                      "## 6. Pricing\n\nAll rates are in GBP.\n")
    assert found["We target 90% quality on a joint scorecard."] == "offer"
    assert found["Results last year: CSAT 94% and FCR 80%."] == "references"
    assert found["All rates are in GBP."] == "offer"


def test_a_case_study_named_without_a_label_opens_nothing():
    found = _sections("## 5. Service quality\n\nOur case study approach to quality is set out below.\n\n"
                      "Results we commit to: CSAT 88%.\n\nSee the case study in section 9: CSAT 94%.\n")
    assert found["Results we commit to: CSAT 88%."] == "offer"
    assert found["Our case study approach to quality is set out below."] == "offer"
