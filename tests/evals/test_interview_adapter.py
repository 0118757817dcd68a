"""The unseen-interview eval's adapter: expected facts in the shapes the product writes."""

from __future__ import annotations

from evals.interview import Fact, Run, UnseenCase, in_text


def _case(expect: dict) -> UnseenCase:
    return UnseenCase(id="made-up", persona="made up", turns=("Acme",), expect=expect)


def test_hours_for_all_channels_are_found_under_any_channel():
    profile = {"channel_hours": {"voice": "Mon-Fri 09:00-17:30", "email": "Mon-Fri 09:00-17:30"}}
    run = Run(profile, [], [], "opening hours: voice mon-fri 09:00-17:30; email mon-fri 09:00-17:30")
    fact = Fact("channel_hours", "all", "Mon-Fri 09:00-17:30")
    assert in_text(fact, run.rfp, run, _case({"channel_hours": {"all": "Mon-Fri 09:00-17:30"}}))


def test_hours_that_differ_by_channel_are_not_all_hours():
    profile = {"channel_hours": {"voice": "Mon-Fri 09:00-17:30", "email": "Mon-Fri 08:00-18:00"}}
    run = Run(profile, [], [], "voice mon-fri 09:00-17:30; email mon-fri 08:00-18:00")
    fact = Fact("channel_hours", "all", "Mon-Fri 09:00-17:30")
    assert not in_text(fact, run.rfp, run, _case({"channel_hours": {"all": "Mon-Fri 09:00-17:30"}}))
