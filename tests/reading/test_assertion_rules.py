"""Assertion status: general rules of English re-derived for the reading layer, each checked on
sentences made up for these tests (the corpus itself is scored by the `reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'X is not going anywhere' says X stays: an idiom, no denial
        ("Our Manila site is not going anywhere.", {"Manila": "affirmed"}),
        ("We staff Genesys in-house and that isn't going anywhere.", {"Genesys": "affirmed"}),
        # 'not go anywhere near X' does deny X; a real denial beside the idiom still denies
        ("We will not go anywhere near offshore delivery.", {"offshore": "negated"}),
        ("Our Manila site is not going anywhere, but Spanish isn't offered.",
         {"Manila": "affirmed", "Spanish": "negated"}),
    ],
)
def test_an_idiom_of_staying_put_denies_nothing(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site or an operation closed, sold or wound down is gone
        ("We sold our Leeds business to a competitor, but our Cape Town site remains.",
         {"Leeds": "negated", "Cape Town": "affirmed"}),
        ("Our Cebu operation was wound down in 2023; Manila now takes all voice.",
         {"Cebu": "negated", "Manila": "affirmed"}),
        ("French is no longer needed, as the Quebec office has been closed.",
         {"Quebec": "negated"}),
        # a pause or a full house is no closure; a deal closed is no site
        ("Our Leeds office was closed for two days during the storm.", {"Leeds": "affirmed"}),
        ("The Durban site has been sold out of seats for weeks.", {"Durban": "affirmed"}),
        ("We closed a deal in Manila.", {"Manila": "affirmed"}),
    ],
)
def test_a_site_closed_or_sold_is_gone(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pricing model naming a denied charge is denied; a charge denied elsewhere is not it
        ("There are no per-seat licence fees; you pay per minute.",
         {"per-seat": "negated", "per minute": "affirmed"}),
        ("Everything is billed monthly, without any per-minute telephony surcharge.",
         {"per-minute": "negated"}),
        ("We offer per-minute pricing with no setup fee.", {"per-minute pricing": "affirmed"}),
        ("No hidden fees on our per-hour pricing.", {"per-hour": "affirmed"}),
    ],
)
def test_a_pricing_model_under_a_denied_charge_is_denied(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question answered 'No' denies what it asks; what the answer states again stands
        ("Do you offer Spanish chat? No, Spanish is voice only.",
         {"Spanish": "affirmed", "chat": "negated"}),
        ("Is Welsh chat offered? No.", {"Welsh": "negated", "chat": "negated"}),
        ("Is chat offered in Welsh? A: No; chat is not offered at all.",
         {"chat": "negated", "Welsh": "negated"}),
    ],
)
def test_a_question_answered_no_keeps_what_the_answer_restates(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure that 'won't get through' an approval is rejected
        ("A £40,000 set-up fee won't get past our finance team.", {"£40,000": "negated"}),
        ("We need it under £10,000 – £12,000 won't get through procurement.",
         {"£10,000": "affirmed", "£12,000": "negated"}),
        # getting through work, or calls not routed through a system, deny nothing
        ("Our Manila agents won't get through the backlog by Friday.", {"Manila": "affirmed"}),
        ("Calls in Welsh don't go through our IVR.", {"Welsh": "affirmed"}),
    ],
)
def test_a_figure_that_will_not_get_approved_is_rejected(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partner denied, the work then stated as the vendor's own: the work stands
        ("Using a partner for Welsh was not approved, so Welsh will be staffed in-house.",
         {"Welsh": "affirmed"}),
        ("Relying on a third-party agency for chat has not been accepted, and that channel "
         "stays in-house.", {"chat": "affirmed"}),
        # own delivery of something else, or denied too, keeps the denial
        ("Spanish via a partner is not offered; we only do English in-house.",
         {"Spanish": "negated", "English": "affirmed"}),
        ("We do not use a partner for German, and we don't offer it in-house either.",
         {"German": "negated"}),
    ],
)
def test_a_denied_partner_with_own_delivery_keeps_the_work(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a progressive of starting a site plans the site and what it brings
        ("We are setting up a delivery centre in Lagos with 80 seats.",
         {"Lagos": "planned", "80 seats": "planned"}),
        ("We're kicking off a second site in Townsville next year.", {"Townsville": "planned"}),
        # a site already opened, or another object of the verb, plans nothing
        ("We opened a site in Leeds in 2020.", {"Leeds": "affirmed"}),
        ("Our agents are building rapport on every call from the Leeds office.",
         {"Leeds": "affirmed"}),
        ("We are building a site-wide culture of quality in Manila.", {"Manila": "affirmed"}),
    ],
)
def test_a_progressive_of_opening_a_site_is_a_plan(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate that holds only past a volume threshold: the rate and the threshold are
        # conditional; the base a discount is taken off is not
        ("Tiered pricing: 8% off the hourly rate for programmes above 120 FTE.",
         {"8%": "conditional", "120 FTE": "conditional", "hourly rate": "affirmed"}),
        ("A rebate of 2% applies below 10,000 calls per month.",
         {"2%": "conditional", "10,000 calls per month": "conditional"}),
        # a volume handled, beside a result or a price in another clause, is no threshold
        ("With a CSAT of 92%, our Leeds team handles over 60,000 contacts per month.",
         {"92%": "affirmed", "60,000 contacts per month": "affirmed"}),
        ("Our price is $15 per hour and we handle over 60,000 contacts per month.",
         {"$15 per hour": "affirmed", "60,000 contacts per month": "affirmed"}),
    ],
)
def test_a_rate_past_a_volume_threshold_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a client pointed back to with a demonstrative is the one the story is about
        ("Our ISO 27001 certificate extends to your account; the COPC award was specific to "
         "that retailer's contract.", {"ISO 27001": "affirmed", "COPC": "other_client"}),
        ("Pricing for that customer moved from per-hour to per-minute in year two.",
         {"per-hour": "other_client", "per-minute": "other_client"}),
        # a relative 'that' before a plural client noun is no pointer
        ("We want a vendor that customers rate highly for Spanish.", {"Spanish": "affirmed"}),
        # references: clients offered as comparable, and where a screen came from
        ("Please give CSAT achieved for two comparable clients.", {"CSAT": "other_client"}),
        ("The Five9 dashboards shown come from a previous client.", {"Five9": "other_client"}),
    ],
)
def test_another_clients_story_pointed_back_to(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that is a quotation attributed after a dash is a testimonial
        ("'We saw AHT drop by 30 seconds' – Operations Director, UK bank.",
         {"AHT": "other_client", "30 seconds": "other_client"}),
        # a quoted word inside a sentence, before a dash, is none
        ("Our 'premium' – 80/20 in Spanish – costs more.",
         {"80/20": "affirmed", "Spanish": "affirmed"}),
    ],
)
def test_an_attributed_quotation_is_a_testimonial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "'ll" is 'will' after its subject: a plan as much as the full form
        ("Once we're awarded, we'll sign the BAA.", {"BAA": "planned"}),
        ("We'll open a Durban site in May.", {"Durban": "planned"}),
        # a word that only begins with 'will' is none
        ("We willingly sign the BAA.", {"BAA": "affirmed"}),
    ],
)
def test_a_contracted_will_plans_as_will_does(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site that shall or will be operational at a time ahead is planned, the place too
        ("A second contact centre in Pune shall be operational from April next year.",
         {"Pune": "planned"}),
        ("The hub in Lagos will be live by Q3.", {"Lagos": "planned"}),
        # without a time ahead, 'shall be operational' is a requirement
        ("The contact centre in Leeds shall be operational throughout the term.",
         {"Leeds": "affirmed"}),
    ],
)
def test_a_site_that_shall_open_at_a_time_ahead_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'providing' after a form of 'be' or a preposition is the verb: no condition
        ("We're providing Welsh from Cardiff.", {"Welsh": "affirmed", "Cardiff": "affirmed"}),
        ("Ten years of experience in providing chat for banks.", {"chat": "affirmed"}),
        # the conjunction still conditions
        ("We can add Welsh, providing the client funds recruitment.", {"Welsh": "conditional"}),
    ],
)
def test_providing_as_a_verb_is_no_condition(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the capacity given after a planned site is planned with it
        ("We will open a site in Cebu in May with an initial capacity of 300 seats.",
         {"Cebu": "planned", "300 seats": "planned"}),
        # an existing site's capacity, before the plan or in another clause, stands
        ("Our Manila site has a capacity of 500 seats, and we will open a site in Cebu in May.",
         {"500 seats": "affirmed", "Cebu": "planned"}),
        ("We will open a site in Cebu in May; Manila has a capacity of 500 seats.",
         {"500 seats": "affirmed"}),
    ],
)
def test_the_capacity_of_a_planned_site_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is offered at an extra price is an option, conditional with its price
        ("Standard hours are weekdays; Sunday cover is available at a 15% premium.",
         {"15%": "conditional"}),
        ("Welsh is available at an additional cost.", {"Welsh": "conditional"}),
        # a plain price, or no premium, is no option
        ("Chat is available at a rate of $22 per hour.",
         {"Chat": "affirmed", "$22 per hour": "affirmed"}),
        ("Spanish is offered at no premium.", {"Spanish": "affirmed"}),
    ],
)
def test_an_offer_at_an_extra_price_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that opens with an organisation served, then a result achieved: a story
        ("For a regional water utility, we lifted CSAT from 70% to 85% in a year.",
         {"CSAT": "other_client", "85%": "other_client"}),
        # 'for a start' serves no one; a plan for the buyer is no story
        ("For a start, we cut our AHT to 5 minutes last year.", {"AHT": "affirmed"}),
        ("For a smooth transition, we will train agents on Genesys.", {"Genesys": "affirmed"}),
    ],
)
def test_a_result_for_an_organisation_served_is_another_clients(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what could not be confirmed, or is not clear, is unknown, not denied
        ("We could not confirm that the vendor holds PCI DSS.", {"PCI DSS": "hedged"}),
        ("It is not clear whether the 80/20 commitment in the draft extends to any weekend "
         "chat queues staffed out of Nairobi.", {"80/20": "hedged", "Nairobi": "hedged"}),
        # a denial beside it still denies
        ("We do not offer Welsh, and cannot confirm that Gaelic is wanted.", {"Welsh": "negated"}),
    ],
)
def test_what_is_not_confirmed_is_unknown(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker's own saying is no testimonial's attribution
        ("As I said on the call, Spanish is essential and chat is optional.",
         {"Spanish": "affirmed"}),
        ("We should have said earlier: Welsh is needed from day one.", {"Welsh": "affirmed"}),
        # a third person's saying still is
        ("Our CSAT is 91%, the bank's COO said.", {"CSAT": "other_client"}),
    ],
)
def test_the_speakers_own_saying_is_no_testimonial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mention said to be wrong is taken back
        ("Correction: the Avaya reference was wrong; we use Genesys.",
         {"Avaya": "negated", "Genesys": "affirmed"}),
        # a client reference is still another client's
        ("A reference from a bank client praised our Manila team.", {"Manila": "other_client"}),
    ],
)
def test_a_mention_said_to_be_wrong_is_taken_back(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vendor naming itself a partner names no third party
        ("We are a nearshore partner, one hour from Eastern Time.", {"one hour": "affirmed"}),
        # working with a partner still does
        ("We are working with a partner in Lima for Quechua.", {"Quechua": "third_party"}),
    ],
)
def test_the_vendor_naming_itself_a_partner(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure quoted or taken from another client's work is theirs
        ("The 92% CSAT is taken from a retail client programme.", {"92%": "other_client"}),
        # agents moved from another account to the buyer's are the vendor's
        ("We moved agents from a retail client account to yours in Leeds.",
         {"Leeds": "affirmed"}),
    ],
)
def test_a_figure_taken_from_another_clients_work(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # work done through or via an outside provider is a third party's
        ("Video relay is supported through a certified relay provider.",
         {"Video": "third_party"}),
        # a provider that chose the vendor does none of its work
        ("We were chosen by a leading provider of energy in Spain.", {"Spain": "affirmed"}),
    ],
)
def test_work_through_an_outside_provider(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'only from' a time ahead: not before then, so planned
        ("Welsh is available only from January.", {"Welsh": "planned"}),
        ("We can staff Polish only from Q3, once the Gdańsk hires start.", {"Polish": "planned"}),
        # of the past, it is a start date
        ("We have offered chat only from March.", {"chat": "affirmed"}),
        ("We've run Welsh only from April, and it works.", {"Welsh": "affirmed"}),
    ],
)
def test_only_from_a_time_ahead_is_a_plan(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row's last cell that dates an opening plans the row
        ("Site | Lima | 90 seats | Opening in May", {"Lima": "planned", "90 seats": "planned"}),
        # opening hours, or a site opened, plan nothing
        ("Site | Cebu | 200 seats | Opening hours 8-20", {"Cebu": "affirmed"}),
        ("Site | Lima | 90 seats | Opened 2019", {"Lima": "affirmed", "90 seats": "affirmed"}),
    ],
)
def test_a_row_dated_by_an_opening_is_a_plan(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive after 'may' allows or supposes its subject: nothing firm
        ("Overflow chat from Lisbon may be considered.", {"chat": "hedged", "Lisbon": "hedged"}),
        ("Calls may be recorded for training.", {"Calls": "hedged"}),
        # a firm passive states it
        ("Calls are recorded for training.", {"Calls": "affirmed"}),
    ],
)
def test_a_passive_after_may_is_not_firm(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the future with 'going to' between the negation and what it denies
        ("Spanish is not going to be offered.", {"Spanish": "negated"}),
        ("ISO 27001 isn't going to be held in year one.", {"ISO 27001": "negated"}),
        # no complement of offer after it: nothing is denied
        ("That is not going to stop us opening Cebu.", {"Cebu": "affirmed"}),
    ],
)
def test_a_future_with_going_to_keeps_the_denial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table row whose cell after a site is a dated closure: the site is gone
        ("Cebu centre | Decommissioned in March 2023", {"Cebu": "negated"}),
        ("Davao site | Closed 2022 | Staff moved to Iloilo",
         {"Davao": "negated", "Iloilo": "affirmed"}),
        # a schedule is no closure
        ("Cebu site | Closed Sundays | Open 7am-9pm", {"Cebu": "affirmed"}),
        ("Cebu site | closed on holidays", {"Cebu": "affirmed"}),
    ],
)
def test_a_dated_closure_cell_denies_the_site_of_its_row(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive future with 'going to' and a time ahead plans its subject
        ("Spanish is going to be offered from May.", {"Spanish": "planned"}),
        ("French and Dutch are going to be supported next year.",
         {"French": "planned", "Dutch": "planned"}),
        ("Chat is going to be added in Q3, and email is offered today.",
         {"chat": None, "Chat": "planned", "email": "affirmed"}),
        # denied, or in the past, it plans nothing
        ("Spanish is not going to be offered from May.", {"Spanish": "negated"}),
        ("Spanish was going to be offered from May.", {"Spanish": "affirmed"}),
    ],
)
def test_a_going_to_passive_before_a_time_ahead_plans_its_subject(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal before a denied passive with an agent denies the subject, as without the modal
        ("PCI DSS will not be held by our Porto site.",
         {"PCI DSS": "negated", "Porto": "affirmed"}),
        ("Chat won't be handled by our Cebu team.", {"Chat": "negated", "Cebu": "affirmed"}),
        ("PCI DSS is not held by our Porto site.", {"PCI DSS": "negated", "Porto": "affirmed"}),
        # an affirmed passive with an agent stays affirmed
        ("PCI DSS will be held by our Porto site.", {"PCI DSS": "affirmed"}),
    ],
)
def test_a_modal_before_a_denied_passive_with_an_agent_denies_its_subject(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure after an adverb of what is usual is a norm: hedged; what it measures is firm
        ("Chat replies normally go out within 90 seconds.",
         {"Chat": "affirmed", "90 seconds": "hedged"}),
        ("Our ramp usually takes six weeks.", {"six weeks": "hedged"}),
        ("Attrition is generally below 30%, and email is offered.",
         {"30%": "hedged", "email": "affirmed"}),
        # without one, or as a release stage, the figure is firm
        ("Our ramp takes six weeks.", {"six weeks": "affirmed"}),
        ("Video is generally available from March at $2.10 per minute.",
         {"$2.10 per minute": "affirmed"}),
    ],
)
def test_an_adverb_of_what_is_usual_hedges_the_figures_after_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation served, then what the vendor's team did for it: another client's story
        ("For a Leeds retailer, our Cebu team of 30 agents handled 9,000 chats a month.",
         {"30 agents": "other_client", "9,000 chats a month": "other_client"}),
        # 'for a start', 'for a fixed fee' serve no one
        ("For a start, our Cebu team handles 9,000 chats a month.",
         {"9,000 chats a month": "affirmed"}),
        ("For a fixed fee, our Cebu team handled email.", {"email": "affirmed"}),
    ],
)
def test_a_team_serving_an_organisation_named_first_tells_its_story(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one's own expectation with a time ahead is a plan
        ("We anticipate a SOC 2 Type II report by mid-2027.", {"SOC 2 Type II": "planned"}),
        ("We sample 3% of calls and expect CSAT above 85% by month two.",
         {"3%": "affirmed", "CSAT": "planned", "85%": "planned"}),
        # without a time ahead, in the past, or someone else's expectation: no plan
        ("We expect CSAT above 85%.", {"CSAT": "affirmed"}),
        ("We expected CSAT of 80% by month three.", {"CSAT": "affirmed"}),
        ("We serve insurers that expect CSAT above 85% in 2026.", {"CSAT": "affirmed"}),
    ],
)
def test_an_expectation_of_ones_own_with_a_time_ahead_is_a_plan(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aim of one's own hedges the figures aimed at and the KPI they measure
        ("We target an 85/20 service level on chat.", {"85/20": "hedged", "chat": "affirmed"}),
        ("We aim for first contact resolution above 70% on email.",
         {"first contact resolution": "hedged", "70%": "hedged", "email": "affirmed"}),
        # no figure aimed at, or a noun 'target': nothing hedged
        ("We target mid-sized retailers in Leeds.", {"Leeds": "affirmed"}),
        ("We deliver an 85/20 service level on chat.", {"85/20": "affirmed"}),
    ],
)
def test_an_aim_of_ones_own_hedges_its_figures(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a minimum contract length conditions what its clause offers and the length itself
        ("Set-up is at no additional cost for contracts of 24 months or more.",
         {"at no additional cost": "conditional", "24 months": "conditional"}),
        ("Chat is included on a term of three years or longer, and email is offered.",
         {"Chat": "conditional", "three years": "conditional", "email": "affirmed"}),
        # a length with no bound conditions nothing
        ("We signed a contract of 24 months with them.", {"24 months": "affirmed"}),
    ],
)
def test_a_minimum_contract_length_conditions_its_clause(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an offer that stands on notice given is conditional, and so is the notice period
        ("Yes, up to 40 extra agents, given three weeks' notice.",
         {"40 extra agents": "conditional", "three weeks": "conditional"}),
        ("Weekend cover is available with two weeks' notice.", {"two weeks": "conditional"}),
        # no notice named: nothing conditional
        ("We can add 20 seats within three weeks.", {"20 seats": "affirmed"}),
    ],
)
def test_an_offer_given_notice_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'only after' a step that must come first: conditional
        ("Bidder B would commit to 85/20 only after a two-month ramp.",
         {"85/20": "conditional", "two-month": "conditional"}),
        ("Chat is offered only after the pilot review.", {"Chat": "conditional"}),
        # 'only after' a time ahead stays a plan
        ("We can support Dutch only after Q2.", {"Dutch": "planned"}),
    ],
)
def test_only_after_a_step_is_a_condition(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case of failure ('where 85/20 is missed') conditions the clause around it
        ("Service credits: up to 8% of fees when the AHT target is breached.",
         {"8%": "conditional", "AHT": "conditional"}),
        ("Penalty: 5% of the monthly fee where 85/20 is missed.",
         {"5%": "conditional", "85/20": "conditional"}),
        # a failure reported, with no 'where'/'when'/'if', is no condition
        ("Last year 80/20 was missed in March.", {"80/20": "affirmed"}),
    ],
)
def test_a_case_of_failure_is_a_condition(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a doubt closing its clause right after a mention hedges it
        ("chat maybe", {"chat": "hedged"}),
        ("We offer Spanish; Dutch maybe.", {"Spanish": "affirmed", "Dutch": "hedged"}),
        # not over a list (whose items it may not all doubt), nor a doubt of a whole statement
        ("Spanish, and German perhaps.", {"Spanish": "affirmed"}),
        ("Spanish is offered, maybe.", {"Spanish": "affirmed"}),
    ],
)
def test_a_trailing_doubt_hedges_the_mention_before_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an extension or renewal at a party's option conditions its length; the firm term stays
        ("An initial term of two years, plus an optional extension of 12 months.",
         {"two years": "affirmed", "12 months": "conditional"}),
        ("The term is two years, with a renewal option of one year.",
         {"two years": "affirmed", "one year": "conditional"}),
    ],
)
def test_an_optional_extension_is_conditional(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a progressive or an infinitive aim hedges its figures; a plan it also states stays
        ("We're targeting under 20 seconds by Q3.", {"20 seconds": "hedged"}),
        ("We aim to bring attrition below 25% for your program.", {"25%": "hedged"}),
        ("We aim to open Cebu in May.", {"Cebu": "planned"}),
    ],
)
def test_an_aim_in_progress_hedges_its_figures_and_keeps_its_plan(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure before a passive of aiming is aimed at: hedged; a channel planned for a time
        # stays planned
        ("A CSAT of at least 85% is targeted from month four.", {"85%": "hedged"}),
        ("An AHT of 5 minutes is targeted.", {"5 minutes": "hedged"}),
        ("Chat is targeted for Q3.", {"Chat": "planned"}),
    ],
)
def test_a_figure_before_a_passive_of_aiming_is_hedged(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the figure a 'once/when … reaches' clause waits for is a threshold: conditional
        ("Once the Leeds site reaches 200 FTE, we will apply for COPC there.",
         {"Leeds": "affirmed", "200 FTE": "conditional"}),
        # a figure reached in the past is none
        ("Last year the Leeds site reached 200 FTE.", {"200 FTE": "affirmed"}),
    ],
)
def test_a_figure_to_be_reached_is_a_threshold(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an assessment or audit under way is a plan, of what it assesses
        ("Our Manila site is currently being assessed for PCI DSS.", {"PCI DSS": "planned"}),
        ("HITRUST is under assessment; the report is due in the spring.", {"HITRUST": "planned"}),
        ("SOC 2 Type II is being audited this quarter.", {"SOC 2 Type II": "planned"}),
        # a finished assessment, or an audit of something else, plans nothing
        ("We passed our PCI DSS assessment in 2024.", {"PCI DSS": "affirmed"}),
        ("We hold ISO 27001; calls are kept for audit.", {"ISO 27001": "affirmed"}),
    ],
)
def test_an_assessment_under_way_is_a_plan(text, expected):
    _check(text, expected)
