"""Tokens, stems and sentence spans used by retrieval and citation."""

from __future__ import annotations

from assistant.text import heading_level, quote_in_page, sentence_spans, stem, terms, tokens


def test_tokens_keep_rates_ratios_and_split_slashed_words():
    assert tokens("USD 2.40, 24/7 and 80/20 under ISO/IEC 27001") == [
        "usd", "2.40", "24/7", "and", "80/20", "under", "iso", "iec", "27001"
    ]


def test_stems_join_inflections():
    assert stem("prices") == stem("pricing") == stem("price")
    assert stem("certified") == stem("certification")
    assert stem("hourly") == stem("hours") == "hour"
    assert "the" not in terms("the rate of the pilot")


def test_sentence_spans_keep_rows_bullets_and_wrapped_lines_whole():
    text = (
        "14. Contract Terms\n"
        "• Termination: 90 days' notice. If Harbor terminates for\n"
        "convenience, a fee applies.\n"
        "PCI DSS | Level 1, attested August\n"
        "2026\n"
        "Founded in 2003. Revenue was USD 2.40 million."
    )
    spans = list(sentence_spans(text))
    assert [s.text for s in spans] == [
        "14. Contract Terms",
        "• Termination: 90 days' notice.",
        "If Harbor terminates for convenience, a fee applies.",
        "PCI DSS | Level 1, attested August 2026",
        "Founded in 2003.",
        "Revenue was USD 2.40 million.",
    ]
    for span in spans:
        assert quote_in_page(span.text, text[span.start : span.end])


def test_heading_detection():
    assert heading_level("4.1 Site model") == 2
    assert heading_level("## Pricing") == 2
    assert heading_level("Pricing and Commercial Terms") == 2
    assert heading_level("Voice is billed per hour.") is None
    assert heading_level("Voice | USD 28.50") is None


def test_quote_check_ignores_whitespace_and_case_but_not_words():
    page = "Voice is billed at\nUSD 28.50 per hour."
    assert quote_in_page("voice is billed at USD 28.50", page)
    assert not quote_in_page("Voice is billed at USD 29.50", page)
    assert not quote_in_page("   ", page)


def test_irregular_past_forms_stem_as_their_verb():
    from assistant.text import stem

    assert stem("held") == stem("hold") == stem("holds")
    assert stem("paid") == stem("pays")
    assert stem("met") == stem("meets")
    assert stem("heldout") != stem("hold")


def test_a_date_wrapped_between_day_and_month_stays_one_sentence():
    text = "The quote is valid until 14\nMarch 2028\nSeats per site 120\nOpening hours 8-20"
    assert [s.text for s in sentence_spans(text)] == [
        "The quote is valid until 14 March 2028", "Seats per site 120", "Opening hours 8-20"]
    # a count before a capitalised line that is no month still ends its row
    assert [s.text for s in sentence_spans("Agents on site 240\nMayfair office opens 2027")] == [
        "Agents on site 240", "Mayfair office opens 2027"]
