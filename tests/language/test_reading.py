"""The shared reading layer: pieces with spans and the sentence splitter both views use."""

from hypothesis import given
from hypothesis import strategies as st

from interplay.language.journal_text import read_passage
from interplay.language.reading import negated_before, pieces, sentence_ranges
from interplay.language.text import sentences, tokenize


def test_pieces_keep_words_marks_and_line_breaks_with_their_spans():
    text = "I can’t—no.\n  snake_case 🙂"
    assert pieces(text) == [
        ("I", 0, 1),
        ("can", 2, 5),
        ("’", 5, 6),
        ("t", 6, 7),
        ("—", 7, 8),
        ("no", 8, 10),
        (".", 10, 11),
        ("\n", 11, 12),
        ("snake", 14, 19),
        ("_", 19, 20),
        ("case", 20, 24),
        ("🙂", 25, 26),
    ]


@given(st.text())
def test_pieces_cover_every_visible_character_once_in_order(text):
    cut = pieces(text)
    assert all(text[start:end] == piece for piece, start, end in cut)
    assert all(a[2] <= b[1] for a, b in zip(cut, cut[1:], strict=False))
    assert "".join(piece for piece, _, _ in cut) == "".join(
        ch for ch in text if ch == "\n" or not ch.isspace()
    )


def test_sentences_end_after_their_mark_and_the_rest_is_one_more():
    assert sentence_ranges([False, True, False, False, True, False]) == [(0, 2), (2, 5), (5, 6)]
    assert sentence_ranges([False, True]) == [(0, 2)]
    assert sentence_ranges([]) == []


def test_both_views_end_sentences_at_the_same_marks_except_the_semicolon():
    text = "I tried. Did it help? No! Maybe\u2026 later\nthen; again"
    statement_view = sentences(tokenize(text))
    passage = read_passage(text)
    journal_view = sorted(set(passage.sentence_start))
    assert len(statement_view) == 7 and len(journal_view) == 6
    semicolon = text.index(";")
    assert [t for t in statement_view[5] if t.start == semicolon]  # ends the coach's sentence
    inside = [i for i, t in enumerate(passage.tokens) if t.start == semicolon]
    assert passage.sentence_end[inside[0]] == len(passage.tokens)  # the entry's goes on


def test_a_long_text_with_no_spaces_is_cut_into_its_pieces():
    # Speed is measured in bench/, not asserted here (shared machines are noisy); this checks
    # the cut itself on the pathological shape: every piece found, in order, none lost.
    text = "ab-'_" * 40_000
    tokens = tokenize(text)
    passage = read_passage.__wrapped__(text)
    assert tokens[0].start == 0 and tokens[-1].end == len(text)
    assert passage.tokens[-1].end >= len(text) - 1  # a trailing underscore is no token there


def test_a_negation_reaches_back_until_a_word_that_ends_its_reach():
    words = "he does not call and never asks".split()

    def negates(j):
        return words[j] in ("not", "never")

    def ends(j):
        return words[j] == "and"

    assert negated_before(words.index("call"), 0, negates, ends)
    assert negated_before(words.index("asks"), 0, negates, ends)
    assert not negated_before(words.index("never"), 0, negates, ends)  # "and" ends the reach
    assert not negated_before(words.index("call"), 3, negates, ends)  # beyond the floor


def test_both_views_share_the_reach_and_keep_their_own_negators():
    from interplay.language.clauses import Sentence
    from interplay.language.context import is_negated

    coach = Sentence(tokenize("I never said you were lazy"))
    assert coach.negated_before(coach.words.index("said"))
    assert not coach.negated_before(coach.words.index("lazy"))  # three words at most
    passage = read_passage("I don't mind asking for help, and I ask.")
    at = [i for i, t in enumerate(passage.tokens) if t.norm == "mind"][0]
    assert is_negated(passage, at, at + 1)
    last = [i for i, t in enumerate(passage.tokens) if t.norm == "ask"][-1]
    assert not is_negated(passage, last, last + 1)
