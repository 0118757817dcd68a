"""Assertion status, this round's scope rules (who does what a denial is restricted from,
which mention a trigger governs), each checked on sentences made up for these tests."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the vendor's own doing is denied, and a partner, as the subject or the agent of
        # another clause, does it: the mention is the partner's
        ("We do not staff Tagalog in-house, but our partner does it for us.",
         {"Tagalog": "third_party"}),
        ("Cantonese is not offered in-house; it is provided by our associate company.",
         {"Cantonese": "third_party"}),
        ("Our payments partner, not us, holds PCI DSS.", {"PCI DSS": "third_party"}),
        ("We do not hold PCI DSS ourselves; our payment provider does.",
         {"PCI DSS": "third_party"}),
        ("We don't hold ISO 27701 ourselves: the certificate belongs to our parent group.",
         {"ISO 27701": "third_party"}),
        # a partner as a means ('routed to', 'through'), not the one doing it: the denial stands
        ("We do not offer Tagalog in-house; such callers are routed to a language line.",
         {"Tagalog": "negated"}),
        ("We do not offer Tagalog ourselves, but can arrange it through a subcontractor.",
         {"Tagalog": "negated"}),
        # a denial not restricted to the vendor's own doing, or a partner doing something else
        ("We do not offer Tagalog, but our partner does.", {"Tagalog": "negated"}),
        ("We do not offer Tagalog in-house, but our partner handles Cantonese.",
         {"Tagalog": "negated", "Cantonese": "third_party"}),
        ("We do not offer Tagalog in-house, and we never use partners.", {"Tagalog": "negated"}),
    ],
)
def test_a_denial_of_ones_own_doing_with_a_partner_doing_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place or a delivery model inside a partner's name is the partner's
        ("Overflow goes to our Nairobi partner.", {"Nairobi": "third_party"}),
        ("Our offshore partner covers weekends.", {"offshore": "third_party"}),
        # the vendor's own site, and a place after the partner's name, are not in it
        ("Our Nairobi site covers weekends.", {"Nairobi": "affirmed"}),
        ("We run Swahili from our Nairobi centre, not through a partner.", {"Nairobi": "affirmed"}),
    ],
)
def test_a_mention_inside_a_partners_name_is_the_partners(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'not yet' with what is to come said after it: a plan
        ("We are not yet ISO 27701 certified; the audit is booked for May.",
         {"ISO 27701": "planned"}),
        ("We don't offer Tagalog yet, but it is on the list for next year.",
         {"Tagalog": "planned"}),
        ("We don't yet offer WhatsApp, though the pilot launches in October.",
         {"WhatsApp": "planned"}),
        # a bare 'not yet' still expects it
        ("Cyber Essentials Plus: not yet.", {"Cyber Essentials Plus": "planned"}),
        # the sentence goes on with nothing said of what comes, a time that looks back, or only
        # a possibility: denied
        ("Our Leeds site is not yet PCI DSS compliant, so card calls stay in Cardiff.",
         {"PCI DSS": "negated"}),
        ("We don't have ISO 27701 yet, but we have held ISO 27001 since 2019.",
         {"ISO 27701": "negated", "ISO 27001": "affirmed"}),
        ("We are not yet offering Tagalog, though a possible pilot next year is being discussed.",
         {"Tagalog": "negated"}),
    ],
)
def test_not_yet_is_a_plan_only_with_what_is_to_come(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attribute of possibility before a noun hedges what follows
        ("We are looking at a possible Portuguese line next year.", {"Portuguese": "hedged"}),
        ("There is a potential WhatsApp pilot with one client.", {"WhatsApp": "hedged"}),
        # 'as soon as possible', 'the best possible': no doubt of what is named
        ("We will answer email as soon as possible.", {"email": "affirmed"}),
        ("Chat gets the best possible staffing.", {"Chat": "affirmed"}),
    ],
)
def test_a_possible_thing_is_hedged(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'should' before its subject is 'if', wherever the clause stands
        ("Base price is 28 EUR per hour; should Sunday cover be required, 5 EUR per hour is added.",
         {"28 EUR per hour": "affirmed", "5 EUR per hour": "conditional"}),
        ("We would open a Lisbon site should volumes exceed 30,000 calls a month.",
         {"Lisbon": "conditional"}),
        # a modal right before its verb or an adverb: no condition
        ("The SOC 2 report should be ready, and chat should then go live.",
         {"chat": "affirmed"}),
        ("Email should receive a reply within 2 days.", {"Email": "affirmed"}),
    ],
)
def test_should_before_its_subject_is_a_condition(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan answering a question speaks of what the question names
        ("Q: Is Cyber Essentials Plus held? A: Not yet; the assessment is booked for May.",
         {"Cyber Essentials Plus": "planned"}),
        ("Is Portuguese offered? In progress.", {"Portuguese": "planned"}),
        # a plan that names its own object answers nothing of the question's
        ("Is Portuguese offered? No, but WhatsApp is planned for Q3.",
         {"Portuguese": "negated"}),
    ],
)
def test_a_plan_answering_a_question(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deadline set by a milestone still to come is a time ahead
        ("The BAA shall be signed prior to launch.", {"BAA": "planned"}),
        ("The DPA will be signed before go-live, with GDPR training for all agents.",
         {"DPA": "planned"}),
        # done before it, or a charge at it: no plan
        ("The BAA was signed before go-live.", {"BAA": "affirmed"}),
        ("A set-up fee of EUR 9,000 is invoiced upon go-live.", {"EUR 9,000": "affirmed"}),
    ],
)
def test_before_go_live_is_a_time_ahead(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row's partial response hedges its label; a later cell that names a mention again
        # says what holds of it
        ("4.1 Greek and Turkish support | Response: Partially compliant | "
         "Comment: Greek is delivered from Athens; Turkish is not offered.",
         {"Greek": "affirmed", "Turkish": "negated"}),
        # a mention hedged in its own cell keeps its hedge; one not named again keeps the row's
        ("4.2 | Greek may be needed later | Comment: Greek is offered, from Athens.",
         {"Greek": "hedged"}),
        ("4.3 Greek and Turkish support | Response: Partially compliant | "
         "Comment: Greek is delivered from Athens.",
         {"Turkish": "hedged"}),
    ],
)
def test_a_later_cell_restating_a_mention_says_what_holds(text, expected):
    first: dict[str, str] = {}
    for m in read(text):
        first.setdefault(m.text, m.status)  # the label cell's mention, before its restating
    assert {k: first.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a copula with 'through' or 'via' and a third party, the participle left out
        ("Tagalog would be through our partner in Cebu.", {"Tagalog": "third_party"}),
        ("Cantonese is via an agency we use.", {"Cantonese": "third_party"}),
        # through a channel or a platform of one's own: no third party
        ("Payment is through our own Genesys platform.", {"Genesys": "affirmed"}),
    ],
)
def test_a_copula_through_a_partner(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place in brackets right after a partner is the partner's
        ("Languages — Greek; Turkish via partner (Izmir)", {"Izmir": "third_party"}),
        # in brackets after anything else it is the vendor's own site
        ("Languages — Greek (Athens); Turkish", {"Athens": "affirmed"}),
    ],
)
def test_a_place_in_brackets_after_a_partner(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an answer after a question closed by several marks speaks of what it asks
        ("tongan?? not sure, tbc", {"tongan": "hedged"}),
        ("Tongan?! No.", {"Tongan": "negated"}),
        ("Tongan? Not sure.", {"Tongan": "hedged"}),
    ],
)
def test_an_answer_after_repeated_question_marks(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a terminator running into a trigger ('— only' of '— only if') ends no scope
        ("Welsh — only if volumes allow", {"Welsh": "conditional"}),
        ("Saturday cover – only if the client asks", {"Saturday": "conditional"}),
        # '— only' restricting after denials still starts what is affirmed
        ("No email, no SMS — only voice.", {"email": "negated", "voice": "affirmed"}),
    ],
)
def test_a_terminator_running_into_a_trigger_ends_nothing(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prohibition with an exception after it, in its clause: allowed in that case
        ("The Supplier shall not use home-working agents save where the Buyer agrees in writing.",
         {"home-working": "conditional"}),
        ("We do not offer Tagalog unless the client books it a month ahead.",
         {"Tagalog": "conditional"}),
        # the exception in another clause leaves the denial; a positive term stays affirmed
        ("Swahili is not offered, and we will not add it unless volumes grow.",
         {"Swahili": "negated"}),
        ("Invoices are payable within 30 days, save where disputed.", {"30 days": "affirmed"}),
    ],
)
def test_a_prohibition_with_an_exception_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # permission restricted by 'only', a concession's 'but only with', a part of a whole
        ("Home-working is allowed only for team leaders.", {"Home-working": "conditional"}),
        ("We could do gainshare, but only with a floor on the base rate.",
         {"gainshare": "conditional"}),
        ("We sell SMS only as part of a wider package.", {"SMS": "conditional"}),
        # 'only' restricting what is offered, with no condition: affirmed
        ("We work only with Genesys.", {"Genesys": "affirmed"}),
        ("Home-working is allowed for all agents.", {"Home-working": "affirmed"}),
    ],
)
def test_a_permission_or_offer_restricted_by_only_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition answering a question speaks of what the question names
        ("Q: Do you offer WhatsApp? A: Only as part of a bundle.", {"WhatsApp": "conditional"}),
        ("Saturday cover? On request.", {"Saturday": "conditional"}),
        # an answer naming its own object leaves the question's
        ("Do you offer WhatsApp? Yes, and SMS on request.", {"WhatsApp": "affirmed"}),
    ],
)
def test_a_condition_answering_a_question(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition closing a predicate of possibility conditions its subject
        ("Gainshare for the retail queues is possible on request.", {"Gainshare": "conditional"}),
        ("A nearshore team for overflow is optional on request.", {"nearshore": "conditional"}),
        # possible with no condition: the subject stands
        ("A nearshore team for overflow is possible.", {"nearshore": "affirmed"}),
    ],
)
def test_a_condition_closing_a_predicate_of_possibility(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a feasibility judged only likely hedges its subject
        ("Offshore might be fine for the overflow queue.", {"Offshore": "hedged"}),
        ("Saturday cover should be doable from the Leeds team.", {"Saturday": "hedged"}),
        # an expectation ('should be available in May') or a firm judgement is no hedge
        ("Offshore is fine for the overflow queue.", {"Offshore": "affirmed"}),
        ("WhatsApp should be available in May.", {"WhatsApp": "planned"}),
    ],
)
def test_a_feasibility_judged_only_likely_is_hedged(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a backward scope reaches a subject's head past a participle of relation
        ("A gainshare tied to NPS is not offered.", {"gainshare": "negated", "NPS": "negated"}),
        ("Outcome-based fees linked to FCR could be discussed.",
         {"Outcome-based": "hedged", "FCR": "hedged"}),
        # a copula before the participle, or a verb of its own between them: no subject's head
        ("Gainshare is tied to NPS, which could be discussed.", {"Gainshare": "affirmed"}),
        ("We offer gainshare, and NPS could be discussed.", {"gainshare": "affirmed"}),
    ],
)
def test_a_scope_reaches_a_head_past_a_participle_of_relation(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a commitment withheld for now leaves the thing undecided
        ("We can't commit to Tagalog cover yet.", {"Tagalog": "hedged"}),
        ("I cannot promise 85/20 until we have seen your forecast.", {"85/20": "hedged"}),
        ("Finance has not signed off on the Lisbon option yet.", {"Lisbon": "hedged"}),
        # withheld with no 'for now', or a plain denial with 'yet': denied
        ("We cannot commit to Tagalog cover.", {"Tagalog": "negated"}),
        ("We do not offer Tagalog, and cannot say when.", {"Tagalog": "negated"}),
    ],
)
def test_a_commitment_withheld_for_now_is_hedged(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count a planned clause goes on to give with 'with' is planned with it
        ("In May we will add WhatsApp from our Leeds site, with 12 agents.",
         {"12 agents": "planned"}),
        # with nothing planned before it, or across a semicolon: it stands
        ("We run chat from Leeds, with 40 advisers.", {"40 advisers": "affirmed"}),
        ("We will add WhatsApp in May; today, with 40 advisers, we run chat.",
         {"40 advisers": "affirmed"}),
    ],
)
def test_a_count_given_with_a_planned_clause_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # offered only from a time ahead: planned
        ("Capacity: 80 seats in Leeds; 20 extra seats available from Q3 2027.",
         {"80 seats": "affirmed", "20 extra seats": "planned"}),
        ("WhatsApp live from next quarter.", {"WhatsApp": "planned"}),
        # a time told in the past, a weekday or a bare year: no plan
        ("WhatsApp has been available from March.", {"WhatsApp": "affirmed"}),
        ("Chat is available from Monday to Friday.", {"Chat": "affirmed"}),
    ],
)
def test_offered_only_from_a_time_ahead_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a backward scope reaches a subject's head past a bound before its figure
        ("An NPS of at least 40 is not achievable.", {"NPS": "negated"}),
        ("An AHT of under 6 minutes cannot be promised.", {"AHT": "negated"}),
    ],
)
def test_a_scope_reaches_a_head_past_a_bound(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a backward plan takes the nearest mention and those listed with it
        ("We deliver voice from Leeds today, with WhatsApp expected to go live in May.",
         {"voice": "affirmed", "WhatsApp": "planned"}),
        ("Spanish and French will be added in May.", {"Spanish": "planned", "French": "planned"}),
        ("Spanish support for the Leeds queue is expected to go live in May.",
         {"Spanish": "planned"}),
    ],
)
def test_a_backward_plan_takes_its_subject_and_its_list(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal after a conjunction opens a second predicate; the first one's mention stands
        ("We run on Genesys today and will migrate to Five9 by 2027.",
         {"Genesys": "affirmed", "Five9": "planned"}),
        ("We staff email and may add chat later.", {"email": "affirmed", "chat": "hedged"}),
        # a list before the modal is its subject: reached
        ("Email and chat will be added in May.", {"Email": "planned", "chat": "planned"}),
    ],
)
def test_a_modal_after_a_conjunction_opens_a_new_predicate(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mention stated of the present right after it is there now, whatever the plan
        ("The transfer is expected to cover the 22 agents currently employed in Leeds.",
         {"22 agents": "affirmed"}),
        ("We expect to move the 40 seats presently in production to Cebu by May.",
         {"40 seats": "affirmed"}),
        # without it the plan stands
        ("We expect to add 40 seats in Cebu by May.", {"40 seats": "planned"}),
    ],
)
def test_a_mention_stated_of_the_present_is_not_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vendor's whole book, nothing narrowing it, is the vendor's own result
        ("Across our portfolio, AHT is 5 minutes.", {"AHT": "affirmed", "5 minutes": "affirmed"}),
        ("CSAT for our clients averages 88%.", {"CSAT": "affirmed"}),
        # some of it, narrowed by a word, is other clients' result
        ("CSAT for our retail clients averages 88%.", {"CSAT": "other_client"}),
    ],
)
def test_the_whole_book_is_the_vendors_own_result(text, expected):
    _check(text, expected)
