"""The turn engine: answers, corrections, skip/back, why, side questions, conditions, resume."""

from __future__ import annotations

from assistant.interview import InterviewEngine
from assistant.interview.profile import load_profile, load_state
from tests.interview.conftest import say


def _answer_through(engine: InterviewEngine, question_id: str, answer: str = "skip") -> None:
    """Skip (or answer) until `question_id` is the pending question."""
    for _ in range(60):
        if engine.state.current == question_id:
            return
        engine.turn(answer)
    raise AssertionError(f"never reached {question_id}")


def test_start_shows_the_first_question_and_progress(make_engine):
    result = make_engine().turn("start")
    assert "What is the name of your organisation?" in result.reply
    assert result.question_id == "org-name"
    assert result.progress["answered"] == 0
    assert result.progress["total"] >= result.progress["required"] > 0
    assert "Progress: 0 of" in result.reply


def test_empty_message_also_starts(make_engine):
    assert make_engine().turn("").question_id == "org-name"


def test_answer_confirms_and_moves_on(make_engine):
    engine = make_engine()
    result = say(engine, "start", "Acme Health")
    assert "Noted: organisation Acme Health." in result.reply
    assert result.question_id == "org-industry"
    assert result.progress["answered"] == 1


def test_volume_and_mix_confirmation_wording(make_engine):
    engine = make_engine()
    say(engine, "start")
    _answer_through(engine, "vol-monthly")
    result = engine.turn("About 60k contacts a month, half phone, 30% chat, 20% email")
    assert "monthly volume 60,000" in result.reply
    assert "channel mix voice 50%, chat 30%, email 20%" in result.reply
    assert result.profile.get("monthly_volume") == 60000


def test_questions_already_answered_in_passing_are_not_asked(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme, a retailer")
    result = say(
        engine,
        "About 60k contacts a month, half phone, 30% chat, 20% email. English and Spanish.",
    )
    asked = []
    for _ in range(60):
        if result.question_id is None:
            break
        asked.append(result.question_id)
        result = engine.turn("skip")
    assert "vol-monthly" not in asked and "ch-mix" not in asked and "lang-list" not in asked
    assert "ch-hours" in asked


def test_why_cites_the_question_guidance(make_engine, guidance):
    engine = make_engine()
    say(engine, "start", "Acme")
    result = engine.turn("why do you ask?")
    ids = [c["id"] for c in result.citations]
    assert ids == [
        "guidance:vq-industry-experience",
        "guidance:sel-03-compliance-security-requirements",
    ]
    assert result.citations[0]["title"] == guidance.get("vq-industry-experience").title
    assert "[1]" in result.reply and "[2]" in result.reply and "[guidance:" not in result.reply
    assert f"Sources:\n[1] {guidance.get('vq-industry-experience').title}\n[2] " in result.reply
    assert [c["marker"] for c in result.citations] == [1, 2]
    assert result.question_id == "org-industry"  # the question is asked again
    assert result.reply.rstrip().splitlines()[-2].endswith("Which industry are you in?")


def test_bare_why_works_too(make_engine):
    engine = make_engine()
    say(engine, "start")
    assert engine.turn("why?").citations[0]["id"] == "guidance:doc-business-description"


def test_side_question_goes_to_the_answerer_then_the_question_returns(make_engine):
    asked = []

    def answerer(question: str) -> dict:
        asked.append(question)
        return {"answer": "Usually 80/20.", "citations": [{"id": "meridian.pdf#p3"}]}

    engine = make_engine(answer_question=answerer)
    say(engine, "start")
    result = engine.turn("What service level do vendors usually offer?")
    assert asked == ["What service level do vendors usually offer?"]
    assert result.reply.startswith("Usually 80/20.")
    assert "Back to the interview" in result.reply
    assert result.citations == ({"id": "meridian.pdf#p3"},)
    assert result.question_id == "org-name"
    assert not result.profile.slots  # a question is not an answer


def test_side_question_without_answerer_uses_guidance(make_engine):
    engine = make_engine()
    say(engine, "start")
    result = engine.turn("how should we handle PCI for card payments?")
    assert result.citations[0]["id"] == "guidance:sec-pci-dss"
    assert result.question_id == "org-name"


def test_a_question_back_with_a_contracted_opener_records_nothing(make_engine):
    engine = make_engine()
    say(engine, "Hi, Priya here from Dunmore Water.")
    for question in ("What's a typical service level for chat?", "How's email usually priced?"):
        result = engine.turn(question)
        assert "From our guidance" in result.reply, question
        assert not result.profile.get("channels"), question  # a channel asked about is no answer


def test_side_question_with_nothing_relevant_says_so(make_engine):
    engine = make_engine()
    say(engine, "start")
    result = engine.turn("what is the capital of Peru?")
    assert "don't have guidance" in result.reply
    assert result.citations == ()


def test_skip_and_back(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme")
    result = engine.turn("skip")
    assert result.question_id == "org-current"
    assert "org-industry" in engine.state.skipped
    result = engine.turn("back")
    assert result.question_id == "org-industry"
    assert "org-industry" not in engine.state.skipped
    result = engine.turn("back")
    assert result.question_id == "org-name"
    assert "(So far: organisation Acme.)" in result.reply
    assert "first question" in engine.turn("back").reply


def test_back_then_new_answer_replaces_and_returns(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "we're a retailer")
    say(engine, "back")
    result = engine.turn("sorry, we're an online store")
    assert result.profile.get("industry") == "e-commerce"
    assert result.profile.slots["industry"].corrected is True
    assert result.question_id == "org-current"


def test_skipping_an_answered_question_keeps_the_answer(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme")
    say(engine, "back")
    result = engine.turn("skip")
    assert "Kept your earlier answer" in result.reply
    assert result.profile.get("company_name") == "Acme"


def test_corrections(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "retail")
    say(
        engine,
        "About 60k contacts a month. English, Spanish and French. Phones 8am-8pm, chat 9am-5pm",
    )
    profile = engine.profile
    assert profile.get("monthly_volume") == 60000
    assert not profile.slots["monthly_volume"].corrected

    result = engine.turn("actually 70k a month")
    assert "Updated: monthly volume 70,000 (was 60,000)." in result.reply
    assert profile.get("monthly_volume") == 70000 and profile.slots["monthly_volume"].corrected

    result = engine.turn("drop French")
    assert profile.get("languages") == ["English", "Spanish"]
    assert profile.slots["languages"].corrected

    engine.turn("make it 24/7")
    assert profile.get("channel_hours") == {"voice": "24/7", "chat": "24/7"}
    assert profile.get("open_24_7") is True
    assert profile.slots["channel_hours"].corrected

    engine.turn("change languages to English only")
    assert profile.get("languages") == ["English"]

    engine.turn("add Vietnamese")
    assert profile.get("languages") == ["English", "Vietnamese"]
    assert profile.slots["languages"].message == "add Vietnamese"


def test_a_passing_mention_does_not_overwrite_silently(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "retail", "skip", "skip")
    _answer_through(engine, "vol-monthly")
    say(engine, "60k contacts a month")
    result = engine.turn("our AHT is 6 minutes across 70k contacts a month")
    assert engine.profile.get("monthly_volume") == 60000
    assert "Kept monthly volume 60,000" in result.reply
    assert "actually 70,000" in result.reply


def test_unclear_answer_repeats_the_question(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme")
    result = engine.turn("hmm, hard to say really")
    assert "couldn't pick out an answer" in result.reply
    assert result.question_id == "org-industry"


def test_off_topic_answer_is_kept_and_the_question_stays(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme")
    result = engine.turn("We get about 60k contacts a month")
    assert result.profile.get("monthly_volume") == 60000
    assert "I still need an answer" in result.reply
    assert result.question_id == "org-industry"


def test_healthcare_brings_the_hipaa_question(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme Health", "we're a healthcare provider", "no")
    _answer_through(engine, "comp-frameworks")
    result = engine.turn("HIPAA")
    assert result.question_id == "comp-hipaa"
    assert "business associate agreement" in result.reply
    result = engine.turn("yes")
    assert result.profile.get("hipaa_baa_required") is True


def test_no_health_data_no_eu_no_cards_means_no_conditional_questions(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "a retailer, no health data", "skip", "skip", "skip")
    say(engine, "no card payments", "skip")
    say(engine, "customers in the US and Canada")
    asked = set()
    result = engine.turn("skip")
    for _ in range(60):
        if result.question_id is None:
            break
        asked.add(result.question_id)
        result = engine.turn("skip")
    assert "comp-frameworks" in asked
    assert not asked & {"comp-hipaa", "comp-gdpr", "comp-pci", "ch-overnight"}


def test_eu_customers_bring_the_gdpr_question(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "retail", "skip", "skip", "skip", "no card payments", "skip")
    say(engine, "our customers are in Germany and Austria")
    _answer_through(engine, "comp-frameworks")
    assert engine.turn("GDPR").question_id == "comp-gdpr"


def test_card_payments_and_24_7_bring_their_questions(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "utilities")
    say(engine, "agents take card payments, phones are open 24/7")
    _answer_through(engine, "ch-overnight")
    say(engine, "follow the sun")
    assert engine.profile.get("after_hours_model") == "follow the sun"
    _answer_through(engine, "comp-pci")
    assert engine.turn("DTMF masking").profile.get("payment_handling") == "DTMF masking"


def test_conditional_questions_are_counted_apart_and_said(make_engine):
    engine = make_engine()
    before = say(engine, "start").progress
    result = engine.turn("Acme Health, a hospital group with patients in Ireland")
    after = result.progress
    assert (after["total"], after["required"]) == (before["total"], before["required"])
    assert after["added"] == before["added"] + 2  # HIPAA and GDPR now apply
    assert f"of {after['added']} follow-up questions your answers added" in result.reply


def test_the_totals_do_not_move_while_answers_fill_slots(make_engine):
    engine = make_engine()
    first = say(engine, "start").progress
    for message in (
        "Brightwell Foods, a grocery delivery firm",
        "about 30k contacts a month, telephone 50 email 30 webchat 20, we also take card payments",
        "open 7am to 11pm every day, Spanish and English",
    ):
        progress = engine.turn(message).progress
        assert (progress["total"], progress["required"]) == (first["total"], first["required"])
    assert progress["answered"] > first["answered"]


def test_progress_counts_answers_and_skips(make_engine):
    engine = make_engine()
    result = say(engine, "start", "Acme", "retail")
    assert result.progress["answered"] == 2
    result = engine.turn("skip")
    assert result.progress["answered"] == 2


def test_resume_after_restart(make_engine, workspace):
    engine = make_engine()
    say(engine, "start", "Acme", "we're a retailer", "skip")
    assert engine.state.current == "org-goals"

    again = make_engine()  # a new process on the same workspace
    result = again.turn("start")
    assert "Welcome back" in result.reply
    assert result.question_id == "org-goals"
    assert result.profile.get("company_name") == "Acme"
    assert again.turn("back").question_id == "org-current"

    saved = load_profile(workspace).model_dump(mode="json")
    assert saved["slots"]["industry"]["value"] == "retail"
    assert saved["slots"]["industry"]["message"] == "we're a retailer"
    assert load_state(workspace).current == "org-current"
    assert load_profile(workspace).get("company_name") == "Acme"


def test_finishing_summarises(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "retail")
    result = engine.turn("skip")
    for _ in range(60):
        if result.finished:
            break
        result = engine.turn("skip")
    assert result.finished and result.question_id is None
    assert "That's everything" in result.reply
    assert "organisation: Acme" in result.reply
    assert "Skipped (left for later):" in result.reply
    assert "- Which industry are you in?" not in result.reply  # answered, so not listed
    assert "- Which services should the vendor deliver" in result.reply
    result = engine.turn("actually we're a telecom")
    assert result.profile.get("industry") == "telecom"
    assert result.finished


def test_an_insurer_is_asked_about_health_data_and_then_hipaa(make_engine):
    engine = make_engine()
    result = say(engine, "start", "Acme Mutual", "We're an insurance company")
    assert result.question_id == "org-health-data"
    result = engine.turn("yes, claims data")
    assert result.profile.get("handles_health_data") is True
    _answer_through(engine, "comp-frameworks")
    assert engine.turn("skip").question_id == "comp-hipaa"


def test_a_retailer_is_not_asked_about_health_data(make_engine):
    engine = make_engine()
    result = say(engine, "start", "Acme", "retail")
    assert result.question_id == "org-current"


def test_an_unsure_answer_with_a_question_mark_is_still_an_answer(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "retail", "skip", "skip", "skip", "skip", "skip")
    assert engine.state.current == "vol-monthly"
    result = engine.turn("About 60k a month?")
    assert result.profile.get("monthly_volume") == 60000
    assert result.citations == ()


def test_a_question_put_twice_is_parked_without_asking_for_it_again(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme")
    first = engine.turn("We get about 60k contacts a month")
    assert "I still need an answer" in first.reply and first.question_id == "org-industry"
    second = engine.turn("Phones and chat, English only")
    assert "I still need an answer" not in second.reply
    assert "We'll come back to this one later" in second.reply
    assert "org-industry" in engine.state.parked and second.question_id != "org-industry"


def test_skipping_a_topic_already_left_for_later_says_so(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "we're a retailer")
    engine.turn("Our budget, let's park that.")
    assert "price-budget" in engine.state.skipped
    result = engine.turn("The budget again: I can't say yet, the board decides in spring. Skip it.")
    assert "Still left for later" in result.reply and "budget" in result.reply
    assert "Kept your earlier answer" not in result.reply


def test_a_deferral_time_phrase_names_no_topic(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "we're a retailer")
    result = engine.turn("Budget is with finance and I have no figure. Skip it for today.")
    assert "price-budget" in engine.state.skipped
    assert "org-current" not in engine.state.skipped
    assert "Left for later" in result.reply


def test_a_split_given_again_in_full_replaces_the_held_split(make_engine):
    engine = make_engine()
    say(engine, "start", "Acme", "retail")
    say(engine, "Across channels it's phone 50, email 30, chat 20.")
    assert engine.profile.get("channel_mix") == {"voice": 50, "email": 30, "chat": 20}
    engine.turn("Thinking again about the split: phone 40, email 30, chat 30.")
    assert engine.profile.get("channel_mix") == {"voice": 40, "email": 30, "chat": 30}
