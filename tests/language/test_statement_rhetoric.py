"""Blame hidden in the shape of a sentence, feelings named without "I feel", and context
between sentences: the constructions the statement coach learnt from its blind batches."""

from __future__ import annotations

import pytest

from interplay.language.statements import analyze_statement


def flag(text: str, name: str) -> bool:
    return bool(getattr(analyze_statement(text), name))


@pytest.mark.parametrize(
    "text",
    [
        "Must be nice to lie in till noon.",
        "Some of us have to get up for work.",
        "Some people never think to ask.",
        "Here we go again.",
        "What a surprise, you're late.",
        "Oh brilliant, another cancelled weekend.",
        "Someone could have mentioned the party was off.",
        "Apparently I'm not allowed an opinion.",
        "No wonder you've got no friends left.",
        "Is it too much to ask for a bit of help?",
        "You've obviously got better things to do.",
        "Funny how you always have money for the pub.",
        "Another evening glued to your laptop.",
    ],
)
def test_sarcasm_and_veiled_digs_are_blame(text):
    assert flag(text, "blame"), text


@pytest.mark.parametrize(
    "text",
    [
        "How hard is it to reply to a text?",
        "Do you have any idea what time it is?",
        "Do you ever think about anyone else?",
        "Why can't you just say sorry?",
        "Are you even listening?",
        "Are you deliberately ignoring me?",
        "How many times have I asked you to lock the door?",
    ],
)
def test_rhetorical_questions_aimed_at_the_listener_are_blame(text):
    assert flag(text, "blame"), text


@pytest.mark.parametrize(
    "text",
    [
        "You should be ashamed.",
        "You ought to be grateful we put you up.",
        "You need to take a long hard look at yourself.",
        "You should think about what you said to her.",
        "You should have known better.",
    ],
)
def test_should_about_what_they_ought_to_feel_is_blame(text):
    assert flag(text, "blame"), text


@pytest.mark.parametrize(
    "text",
    [
        "You think you're so clever.",
        "You're just like your brother.",
        "You're only using me for lifts.",
        "You keep interrupting me.",
        "You treat me like a child.",
        "You act as if I'm not here.",
        "You only ever text when you're bored.",
        "You love making me wait, don't you?",
        "You left me to tidy up like you always do.",
    ],
)
def test_labels_habits_and_motives_in_fresh_wording_are_blame(text):
    assert flag(text, "blame"), text


@pytest.mark.parametrize(
    "text",
    [
        "Did you enjoy it?",
        "You love making cakes.",
        "You keep helping me out and I'm grateful.",
        "You treat me like a queen.",
        "It's not too much to ask, honestly.",
        "Some of the team are away on Friday.",
        "Glad to see you're feeling better.",
        "Thanks for the support, it meant a lot.",
        "How hard is the exam?",
        "Could you think about the dates and let me know by Monday?",
        "I know better than to ask.",
        "Do you have time for a coffee on Friday?",
    ],
)
def test_sincere_questions_thanks_and_praise_are_not_blame(text):
    assert not flag(text, "blame"), text


def test_thanks_after_a_lone_exclamation_is_irony():
    assert flag("Great. Thanks for telling me.", "blame")
    assert not flag("Thanks for telling me.", "blame")


def test_you_need_to_with_an_action_and_a_time_is_a_request_not_a_demand():
    assert flag("You need to ring the garage before Thursday.", "request")
    assert not flag("You need to stop shouting at the kids.", "request")
    assert not flag("You should call your dad more.", "request")


@pytest.mark.parametrize(
    "text",
    [
        "It's been so lonely in the flat.",
        "That really stung.",
        "It hurt when you walked off.",
        "The joke really bothered me.",
        "Feeling rough today.",
        "I'm done in.",
        "I'd feel much calmer with a plan.",
        "I'm not cross, just sad.",
    ],
)
def test_feelings_named_without_i_feel_are_found(text):
    assert flag(text, "feeling"), text


@pytest.mark.parametrize(
    "text", ["Does it hurt?", "I'm not good enough for this job.", "I feel bad at maths."]
)
def test_questions_and_verdicts_on_oneself_are_not_feelings(text):
    assert not flag(text, "feeling"), text


def test_a_plain_apology_next_to_a_refusal_is_a_hedge():
    assert flag("I'm so sorry. I can't make the wedding.", "hedge_apology")
    assert flag("I can't lend you the car. I'm sorry.", "hedge_apology")
    assert flag("I'm sorry. Could you help me with the forms on Monday?", "hedge_apology")


def test_a_plain_apology_next_to_an_admission_is_not_a_hedge():
    assert not flag("I'm sorry. I shouldn't have said that.", "hedge_apology")
    assert not flag("I know I've been distant. I'm sorry.", "hedge_apology")


def test_waving_help_away_and_feeling_daft_for_asking_are_hedges():
    assert flag("Honestly don't go to any trouble for me.", "hedge_apology")
    assert flag("I feel silly even asking, but I'm scared.", "hedge_apology")


def test_could_do_with_names_a_need():
    assert flag("I could do with a quiet night in.", "need")


def test_asking_leave_for_a_plan_with_a_day_is_a_request():
    assert flag("Is it okay if I take Monday off?", "request")
    assert not flag("Is it okay if I take Monday off?", "hedge_apology")


def test_i_inside_a_charge_is_not_an_i_statement():
    assert not flag("Are you listening to a word I say?", "i_statement")
    assert not flag("I suppose it's too much to ask for you to help.", "i_statement")
    assert flag("I feel hurt because you never think of me.", "i_statement")


@pytest.mark.parametrize(
    "text",
    [
        "Very mature.",
        "Typical you.",
        "Get over yourself.",
        "Don't flatter yourself, it wasn't for you.",
        "The least you could do is ring.",
        "You could at least say hello.",
        "I'm not your cleaner.",
        "You couldn't care less.",
        "Talking to you is like talking to a wall.",
        "Must be exhausting being so right all the time.",
        "Can't believe you just did that.",
        "Can you stop being such a snob?",
        "Why is it only my washing that gets moved?",
    ],
)
def test_put_downs_in_set_phrases_are_blame(text):
    assert flag(text, "blame"), text


def test_a_lone_put_down_does_not_count_as_speaking_from_experience():
    assert not flag("I'm not your maid.", "i_statement")
    assert not flag("Can't believe you said that.", "i_statement")


def test_a_thing_that_hurt_names_a_feeling_but_a_person_hurting_a_body_part_does_not():
    assert flag("What she said at lunch really hurt.", "feeling")
    assert not flag("He hurt his knee at football.", "feeling")


@pytest.mark.parametrize(
    "text",
    [
        "Lovely present. Not.",
        "So now you care what I think?",
        "Nice to know where I stand with you lot.",
        "Way to ruin the evening.",
        "Is that the best you could come up with?",
        "I see you've forgotten the bins again.",
        "You've got a nerve.",
        "Fine, I'll just do it myself then.",
    ],
)
def test_more_sarcasm_in_fresh_wording_is_blame(text):
    assert flag(text, "blame"), text


def test_feelings_after_a_comma_and_things_that_got_to_me_are_feelings():
    assert flag("Long day, feeling a bit flat.", "feeling")
    assert flag("That really got to me.", "feeling")


def test_needing_to_know_one_can_rely_on_someone_is_a_need_but_a_deadline_is_not():
    assert flag("I need to know that you've got my back.", "need")
    assert not flag("I need to know by Friday.", "need")


def test_everything_going_wrong_is_an_absolute():
    assert flag("Everything is going wrong this week.", "absolute")
    assert not flag("Everything's fine, honestly.", "absolute")
