"""The phrase matcher: alternatives, optional words, softeners, and no reading past the end."""

from interplay.language.patterns import PhraseSet
from interplay.language.text import tokenize, unquoted_stream


def words_of(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def test_alternatives_optional_words_and_softeners_match():
    phrases = PhraseSet(["i am probably? overreacting|oversensitive"], {})
    assert phrases.find_all(words_of("I'm overreacting"))
    assert phrases.find_all(words_of("I'm probably oversensitive"))
    assert phrases.find_all(words_of("I'm really honestly overreacting"))
    assert not phrases.find_all(words_of("I'm really, truly, honestly overreacting"))
    assert not phrases.find_all(words_of("I'm not overreacting"))


def test_word_lists_are_named_with_an_at_sign():
    phrases = PhraseSet(["you are @LABEL"], {"LABEL": frozenset({"lazy"})})
    assert phrases.find_all(words_of("you're lazy"))
    assert not phrases.find_all(words_of("you're late"))


def test_matching_at_or_past_the_end_finds_nothing():
    phrases = PhraseSet(["take care"], {})
    words = words_of("take")
    assert phrases.match_at(words, len(words)) is None
    assert phrases.match_at(words, 0) is None


def test_contractions_and_text_speak_expand_with_the_original_span():
    text = "im sure u dont mind"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["i", "am", "sure", "you", "do", "not", "mind"]
    assert all(text[t.start : t.end] in ("im", "sure", "u", "dont", "mind") for t in tokens)


def test_quoted_words_are_set_aside_and_unpaired_quotes_quote_nothing():
    kept = [t.norm for t in unquoted_stream(tokenize('She said "you never help" to me'))]
    assert "never" not in kept and "me" in kept
    stray = [t.norm for t in unquoted_stream(tokenize('I said "no and left'))]
    assert "left" in stray
