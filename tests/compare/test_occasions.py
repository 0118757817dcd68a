"""A comparison naming an occasion ('Sunday work', 'overtime') is answered by the values for it;
with none stated at any vendor the matrix does not answer (the proposals' statements do)."""

from __future__ import annotations

from assistant.compare import matrix_answer
from assistant.compare.extract import Source, TermValue
from assistant.compare.matrix import matrix_from_values
from assistant.reading.quantities import days_named


def _charge(vendor: str, applies_to: str, quote: str, percent: float) -> TermValue:
    return TermValue("other_charges", f"{applies_to}: {percent:g}% uplift",
                     {"applies_to": applies_to, "uplift_percent": percent, "key": f"{applies_to}:{percent}"},
                     Source(f"{vendor}.pdf", vendor, 4, quote))


MATRIX = matrix_from_values({
    "Corvid Peak": [_charge("Corvid Peak", "holidays", "Weekend and public holidays: +30% on the hourly rate", 30)],
    "Fennel Row": [_charge("Fennel Row", "overtime", "Overtime beyond the forecast: +40% of the hourly rate", 40),
                   _charge("Fennel Row", "overnight", "Overnight shifts carry a premium of 15%", 15)],
})


def test_days_are_read_from_their_names():
    assert days_named("Contacts on Sundays") == {"Sun"}
    assert days_named("weekend cover") == {"Sat", "Sun"}
    assert days_named("M-F, daily reports") == frozenset()


def test_a_day_asked_keeps_the_charges_that_name_it():
    text = matrix_answer(MATRIX, "Which vendors charge a surcharge for Sunday work?").text
    assert "+30%" in text  # the weekend names Sunday
    assert "40%" not in text and "15%" not in text


def test_an_occasion_asked_keeps_its_own_charge():
    text = matrix_answer(MATRIX, "Which vendors state an overtime premium?").text
    assert "40%" in text and "15%" not in text and "30%" not in text


def test_no_charge_for_the_occasion_at_any_vendor_leaves_the_question_to_the_proposals():
    assert matrix_answer(MATRIX, "Which vendors charge a surcharge for out-of-hours work?") is None
    # Without an occasion, every charge is listed.
    text = matrix_answer(MATRIX, "Which vendors state a surcharge?").text
    assert all(p in text for p in ("30%", "40%", "15%"))


def _abandonment(vendor: str, quote: str, percent: float) -> TermValue:
    return TermValue("abandonment", f"{percent:g}%", {"percent": percent, "key": f"{percent:g}"},
                     Source(f"{vendor}.pdf", vendor, 6, quote))


def test_a_channel_asked_keeps_the_values_for_it_or_for_no_channel_named():
    matrix = matrix_from_values({
        "Corvid Peak": [_abandonment("Corvid Peak", "Voice abandonment stays below 6%", 6)],
        "Fennel Row": [_abandonment("Fennel Row", "Abandonment of at most 4% across the programme", 4)],
    })
    text = matrix_answer(matrix, "What chat abandonment does each vendor commit to?").text
    assert "4%" in text and "6%" not in text
    voice_only = matrix_from_values({"Corvid Peak": [_abandonment("Corvid Peak", "Voice abandonment below 6%", 6)],
                                     "Fennel Row": []})
    assert matrix_answer(voice_only, "What chat abandonment does each vendor commit to?") is None
