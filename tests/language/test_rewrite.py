"""The real rewrite: what a charge clause already says, in the writer's words, with the charge
taken out; blanks only for what the message does not say."""

import pytest

from interplay.language.engine import engines
from interplay.language.rewrite import (
    ChargeParts,
    RewriteNeedsError,
    charge_parts,
    needs_by_verb,
)


def rewrite(text: str) -> str:
    return engines("cue").statements.analyse(text).rewrite


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "You never help with the dishes.",
            ChargeParts(
                "you don't help with the dishes", "help with the dishes", "to share the load"
            ),
        ),
        (
            "Why can't you just text me when you're going to be late?",
            ChargeParts(
                "you don't text me when you're going to be late",
                "text me when you're going to be late",
                "to hear from you",
            ),
        ),
        (
            "You always leave your shoes in the hall and it drives me mad.",
            ChargeParts("you leave your shoes in the hall", "", ""),
        ),
        (
            "You keep cancelling on me at the last minute!",
            ChargeParts(
                "you're cancelling on me at the last minute", "", "to be able to count on our plans"
            ),
        ),
        ("Every time I ask for help you sigh.", ChargeParts("I ask for help and you sigh", "", "")),
        (
            "you never think about anyone but yourself",
            ChargeParts("you don't think about anyone but yourself", "", ""),
        ),
    ],
)
def test_a_charge_clause_gives_its_parts(text, parts):
    assert charge_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for always being there.",
        "If you never call again I won't care.",
        'She said "you never listen" and walked off.',
        "You are so selfish.",
    ],
)
def test_no_parts_where_there_is_no_charge_clause(text):
    assert charge_parts(text) == ChargeParts()


def test_the_persons_own_feeling_stays_and_the_time_is_left_to_them():
    out = rewrite("You keep cancelling on me at the last minute. I'm gutted.")
    assert out.startswith("When you're cancelling on me at the last minute, I feel gutted,")
    assert "count on our plans" in out


def test_a_request_that_already_says_when_gets_no_blank_for_it():
    out = rewrite("Why can't you just text me when you're going to be late?")
    assert out.endswith("Would you be willing to text me when you're going to be late?")


def test_what_the_person_asked_for_comes_before_what_the_charge_holds():
    out = rewrite("You never help. Could you do the bins on Thursday?")
    assert out.endswith("Would you be willing to do the bins on Thursday?")


def test_the_needs_file_is_checked_on_load(tmp_path):
    assert needs_by_verb()["listen"] == "to feel heard"
    bad = tmp_path / "needs.toml"
    bad.write_text('[[need]]\nneed = "x"\nwords = ["a"]\n[[need]]\nneed = "y"\nwords = ["a"]\n')
    with pytest.raises(RewriteNeedsError, match="'a' is listed twice"):
        needs_by_verb(bad)
    bad.write_text('[[need]]\nneed = ""\nwords = ["a"]\n')
    with pytest.raises(RewriteNeedsError, match="empty need"):
        needs_by_verb(bad)


@pytest.mark.parametrize(
    ("reply", "expected", "absent"),
    [
        ("It's ridiculous.", set(), {"hedge_apology"}),  # angry, not shrinking a need
        ("Could I come every other week, starting the 14th?", {"request"}, set()),
        ("This is ridiculous, but can we talk tonight?", {"hedge_apology", "request"}, set()),
        ("Can I start on Monday?", {"request"}, set()),
    ],
)
def test_role_play_replies_are_read_as_people_mean_them(reply, expected, absent):
    flags = {k for k, v in engines("cue").statements.analyse(reply).flags().items() if v}
    assert expected <= flags
    assert not (absent & flags)
