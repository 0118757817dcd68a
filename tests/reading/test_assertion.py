"""Assertion status, one general rule at a time, each on sentences of different shape (made up
for these tests; the corpus itself is scored by the `reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _statuses(text: str) -> dict[str, str]:
    return {m.text: m.status for m in read(text)}


def _check(text: str, expected: dict[str, str]) -> None:
    found = _statuses(text)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'n't' joins any auxiliary, with either apostrophe
        ("We can't offer German.", {"German": "negated"}),
        ("Our Lisbon team couldn’t staff French chat.", {"French": "negated", "chat": "negated"}),
        ("Bids mustn't rely on offshore delivery.", {"offshore": "negated"}),
        # a negated comparison states a bound, not a denial
        ("Abandonment must not be greater than 5%.", {"5%": "affirmed"}),
        ("Quality scores shall never fall below 90%.", {"90%": "affirmed"}),
        ("Hold time should not rise above 45 seconds.", {"45 seconds": "affirmed"}),
        # 'not X alone' is 'not only X'
        ("We don't staff the desk from Manila alone.", {"Manila": "affirmed"}),
        ("Agents are not scored on CSAT alone.", {"CSAT": "affirmed"}),
        # 'outside' as a preposition denies its object only
        ("Our policy was checked by outside auditors in May, and callers from Texas are covered.",
         {"Texas": "affirmed"}),
        ("No records are stored outside the EU.", {"EU": "affirmed"}),
        ("Agents work outside Canada.", {"Canada": "negated"}),
        # a lapse, and what follows it
        ("Our PCI DSS attestation lapsed in March and was restored in April.", {"PCI DSS": "affirmed"}),
        ("ISO 9001 was suspended last year; it was reinstated after the audit.", {"ISO 9001": "affirmed"}),
        ("ISO 22301 — expired 2025, recertification audit scheduled", {"ISO 22301": "planned"}),
        ("ISO 27001 expired last year.", {"ISO 27001": "negated"}),
        ("SOC 2: lapsed; we do not intend to renew.", {"SOC 2": "negated"}),
        # 'no longer' before a predicate that looks back
        ("Italian is no longer offered.", {"Italian": "negated"}),
        ("Twitter and Facebook are no longer supported.", {"Twitter": "negated", "Facebook": "negated"}),
        # a consequence that forbids
        ("Home working will result in disqualification.", {"Home working": "negated"}),
        ("Use of offshore agents is prohibited.", {"offshore": "negated"}),
    ],
)
def test_general_rules(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb set off by commas does not end the clause
        ("We do not, however, offer Dutch.", {"Dutch": "negated"}),
        ("Our Cebu team will not, therefore, handle Korean email.", {"Korean": "negated"}),
        # a terminator that starts a clause still ends the scope
        ("We offer no Dutch, however English is covered.", {"Dutch": "negated", "English": "affirmed"}),
        # ', and' + a new subject starts a new clause
        ("There is no exit fee, and you can leave after 90 days.", {"90 days": "affirmed"}),
        ("We have no minimum volume, and they can add German later.", {"German": "affirmed"}),
        ("No Dutch, no Danish, and no Swedish.", {"Dutch": "negated", "Danish": "negated", "Swedish": "negated"}),
    ],
)
def test_clause_boundaries(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negative subject and a verb that denies cancel
        ("Nothing in our contract excludes Spanish chat.", {"Spanish": "affirmed", "chat": "affirmed"}),
        ("No clause of the agreement prevents home working.", {"home working": "affirmed"}),
        # ... but not across a comma, nor when the first negation is no subject
        ("No offshore work will be accepted, and nearshore work is also excluded.",
         {"offshore": "negated", "nearshore": "negated"}),
        ("We offer no Dutch and do not offer Danish.", {"Dutch": "negated", "Danish": "negated"}),
        # a relative word cancels only when it joins the second negation
        ("There is no agent on the floor who does not speak English.", {"English": "affirmed"}),
        ("We do not hold ISO 27001 for that team, and I would not say otherwise.", {"ISO 27001": "negated"}),
    ],
)
def test_double_negation(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email yes, chat no, voice yes", {"email": "affirmed", "chat": "negated", "voice": "affirmed"}),
        ("French: yes. Dutch no.", {"French": "affirmed", "Dutch": "negated"}),
        ("No German, no French.", {"German": "negated", "French": "negated"}),
    ],
)
def test_a_bare_no_answers_for_what_precedes_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partitive negative subject denies the predicate, not the subject's own words
        ("No part of the contract, including email, may be delivered offshore.",
         {"email": "affirmed", "offshore": "negated"}),
        ("None of the Spanish work will be done from home.", {"Spanish": "affirmed"}),
        ("No part of the contract covers German.", {"German": "negated"}),
        # a cleft denies what follows its verb
        ("What we don't offer in Spain is weekend chat.", {"Spain": "affirmed", "chat": "negated"}),
        ("What our Cebu site cannot provide, for licensing reasons, is Korean voice.",
         {"Korean": "negated", "voice": "negated"}),
    ],
)
def test_a_negation_of_the_predicate(text, expected):
    _check(text, expected)
