"""The statement coach's word lists are data (lexicons/statement_words.toml), checked on load
with errors that name the file, the list and the problem."""

import tomllib

import pytest

from interplay.core.content_files import ContentError
from interplay.language import statement_words
from interplay.language.statement_words import LIST_NAMES, STATEMENT_WORDS, load_word_lists


def test_the_shipped_lists_load_and_give_the_coach_every_list():
    lists = load_word_lists()
    assert set(lists) == set(LIST_NAMES)
    assert "overwhelmed" in statement_words.FEELINGS and "ignored" in statement_words.FAUX_FEELINGS
    assert "worn-out" in statement_words.FEELINGS and "o'clock" in statement_words.CONCRETE_MARKERS


def test_every_list_says_what_belongs_in_it():
    document = tomllib.loads(STATEMENT_WORDS.read_text(encoding="utf-8"))
    assert all(document[name]["about"].strip() for name in LIST_NAMES)


def _write(tmp_path, edit):
    text = STATEMENT_WORDS.read_text(encoding="utf-8")
    path = tmp_path / "statement_words.toml"
    path.write_text(edit(text), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "entry", "problem"),
    [
        (lambda t: t.replace('"hurt", "sad"', '"hurt", "Sad"'), "feelings", "word 2 ('Sad')"),
        (lambda t: t.replace('"hurt", "sad"', '"hurt", "so sad"'), "feelings", "one lower-case"),
        (lambda t: t.replace('"hurt", "sad"', '"hurt", "hurt"'), "feelings", "listed twice"),
        (lambda t: t.replace("[roles]", "[rolez]"), "rolez", "unknown word list"),
        (lambda t: t + '\n[negators2]\nabout = "x"\nwords = ["x"]\n', "negators2", "unknown"),
        (lambda t: t.replace("[roles]\nabout", "[roles]\nnote = 1\nabout"), "roles", "'note'"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_the_list_and_the_problem(
    tmp_path, edit, entry, problem
):
    path = _write(tmp_path, edit)
    with pytest.raises(ContentError) as raised:
        load_word_lists(path)
    message = str(raised.value)
    assert message.startswith("statement_words.toml")
    assert raised.value.entry == entry and problem in message


def test_a_missing_list_is_named(tmp_path):
    def drop_roles(text):
        head, _, rest = text.partition("[roles]")
        return head + rest[rest.index("\n[") :]

    with pytest.raises(ContentError, match="entry 'roles': missing"):
        load_word_lists(_write(tmp_path, drop_roles))


def test_an_empty_about_is_refused(tmp_path):
    path = _write(tmp_path, lambda t: t.replace('[roles]\nabout = "', '[roles]\nabout = " "\n#"'))
    with pytest.raises(ContentError, match="entry 'roles': `about` must say"):
        load_word_lists(path)
