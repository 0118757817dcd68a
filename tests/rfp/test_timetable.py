"""The timetable: working days of the buyer's country, holidays skipped, buyer dates kept."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from assistant.knowledge import load_guidance
from assistant.rfp import draft_rfp
from assistant.rfp.draft import BuyerFacts
from assistant.rfp.timetable import read_go_live
from tests.rfp.cases import cases

CLOSURE = ((12, 24), (1, 2))


def _closed(day: date) -> bool:
    return (day.month, day.day) >= CLOSURE[0] or (day.month, day.day) <= CLOSURE[1]


def _draft(values, today, buyer=None):
    return draft_rfp(values, load_guidance(), today, buyer=buyer)


def _check(document, code: str) -> None:
    calendar = holidays.country_holidays(code)
    days = _milestones(document)
    assert days == sorted(days) and len(set(days)) == len(days), days
    for day in days:
        assert day.weekday() < 5 and day not in calendar and not _closed(day), day


def _milestones(document):
    table = document.section("timetable").tables[0]
    out = []
    for step, when in table.rows:
        if step == "To confirm":
            continue
        out.append(_parse(when))
    return out


def _parse(text: str) -> date:
    from datetime import datetime

    words = text.split(",")[0].split()[1:]
    return datetime.strptime(" ".join(words), "%d %B %Y").date()


@pytest.mark.parametrize("case_id", sorted(cases()))
def test_every_step_is_a_working_day_after_the_one_before(case_id):
    values = dict(cases()[case_id].values)
    document = _draft(values, date(2025, 12, 15))
    code = "US" if "United States" in str(values.get("customer_regions")) else "GB"
    _check(document, code) if values.get("customer_regions") else None
    steps = [row[0] for row in document.section("timetable").tables[0].rows]
    assert steps[0] == "RFP issued" and "Proposals due" in steps


def test_proposals_are_never_due_over_thanksgiving_or_the_year_end():
    values = {"company_name": "Acme", "customer_regions": ["United States"], "pilot_wanted": False}
    for today in (date(2026, 10, 30), date(2026, 11, 20), date(2026, 12, 1)):
        document = _draft(values, today)
        _check(document, "US")
        due = _milestones(document)[4]
        assert due != date(2026, 11, 26) and not _closed(due)


def test_the_pilot_starts_after_its_award_and_the_contract_after_the_pilot():
    values = {"company_name": "Acme", "customer_regions": ["United Kingdom"], "pilot_wanted": True,
              "pilot_duration": {"amount": 8, "unit": "weeks"}}
    document = _draft(values, date(2026, 3, 2))
    steps = dict(document.section("timetable").tables[0].rows)
    award, start, end = (_parse(steps[k]) for k in ("Pilot awarded to the preferred vendor", "Pilot starts",
                                                    "Pilot ends and go/no-go decision"))
    decision = _parse(steps["Contract award decision"])
    assert award < start < end < decision
    assert (end - start).days >= 8 * 7 - 3
    _check(document, "GB")


def test_a_declined_pilot_has_no_pilot_steps():
    document = _draft({"company_name": "Acme", "customer_regions": ["Germany"], "pilot_wanted": False},
                      date(2026, 4, 1))
    assert not any("ilot" in row[0] for row in document.section("timetable").tables[0].rows)
    _check(document, "DE")


def test_the_buyers_dates_are_kept_and_the_steps_between_fit():
    buyer = BuyerFacts(country="US", time_zone="America/Chicago", currency="USD",
                       dates={"proposals_due": date(2027, 7, 23)})
    values = {"company_name": "Acme", "go_live_date": "1 October 2027", "pilot_wanted": False}
    document = _draft(values, date(2027, 6, 28), buyer)
    steps = dict(document.section("timetable").tables[0].rows)
    assert steps["Proposals due"].startswith("Friday 23 July 2027, 12:00 (America/Chicago)")
    assert date(2027, 7, 5) not in _milestones(document)  # July 4 observed
    _check(document, "US")
    # The buyer's go-live is kept: the selection steps are squeezed, the transition kept whole.
    assert steps["Go-live of the full service"] == "Friday 1 October 2027"
    signature = _parse(steps["Transition starts"])
    assert (date(2027, 10, 1) - signature).days >= 8 * 7
    assert "To confirm" not in steps
    squeezed = _draft({**values, "go_live_date": "16 August 2027"}, date(2027, 6, 28), buyer)
    squeezed_steps = dict(squeezed.section("timetable").tables[0].rows)
    assert squeezed_steps["Go-live of the full service"] == "Monday 16 August 2027"
    assert "To confirm" in squeezed_steps  # too short a transition is flagged, not hidden
    _check(squeezed, "US")


def test_go_live_phrases_read_as_dates_or_not_at_all():
    after = date(2026, 5, 1)
    assert read_go_live("June 2026", after) == date(2026, 6, 1)
    assert read_go_live("Q1 2027", after) == date(2027, 1, 1)
    assert read_go_live("the end of Q3 2026", after) == date(2026, 9, 30)
    assert read_go_live("1 April next year", after) == date(2027, 4, 1)
    assert read_go_live("September (before the Christmas appeal)", after) == date(2026, 9, 1)
    assert read_go_live("not before Q3", after) is None
    assert read_go_live("2 weeks", after) is None


def test_a_close_go_live_never_squeezes_the_bidders_windows_below_their_minimum():
    values = {"company_name": "Acme", "customer_regions": ["United States"], "pilot_wanted": True,
              "pilot_duration": {"amount": 90, "unit": "days"}, "go_live_date": "March 2026"}
    document = _draft(values, date(2025, 11, 3))
    steps = dict(document.section("timetable").tables[0].rows)
    issued, due = _parse(steps["RFP issued"]), _parse(steps["Proposals due"])
    working = [d for d in (date.fromordinal(o) for o in range(issued.toordinal() + 1, due.toordinal() + 1))
               if d.weekday() < 5 and d not in holidays.country_holidays("US")]
    assert len(working) >= 12
    assert "To confirm" in steps  # what could not be kept whole is said
    _check(document, "US")
