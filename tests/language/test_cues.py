from pathlib import Path

import pytest

from interplay.core.content_files import ContentError
from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.cues import find_matches, load_lexicon
from interplay.language.journal_text import read_passage, tokenise
from interplay.language.safety import safety_lexicon
from interplay.language.themes import themes_lexicon


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "themes_test.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_contractions_split_but_keep_the_writers_span():
    text = "I can't say no"
    tokens = tokenise(text)
    assert [t.norm for t in tokens] == ["i", "can", "not", "say", "no"]
    assert text[tokens[1].start : tokens[1].end] == "can't"
    assert text[tokens[2].start : tokens[2].end] == "can't"


def test_curly_apostrophes_and_unpunctuated_contractions_read_the_same():
    assert [t.norm for t in tokenise("I don’t")] == [t.norm for t in tokenise("i dont")]


def test_inflections_share_one_form():
    forms = {t.norm for t in tokenise("ask asks asked asking")}
    assert len(forms) == 1


def test_patterns_match_inflections_gaps_and_phrases(tmp_path):
    path = write(
        tmp_path,
        '[[cue]]\nid = "a"\nlabel = "over_independence"\nweight = 0.5\n'
        'patterns = ["hate ask * help", "on_my_own"]\n',
    )
    lexicon = load_lexicon(path, Theme)
    passage = read_passage("I hated asking anyone for help, so I did it on my own.")
    assert len(find_matches(passage, lexicon)) == 2


@pytest.mark.parametrize(
    ("cue", "problem"),
    [
        ('label = "grit"\nweight = 0.5\npatterns = ["a"]', "unknown value 'grit'"),
        ('label = "confluence"\nweight = 2\npatterns = ["a"]', "weight"),
        ('label = "confluence"\nweight = 0.5\npatterns = ["* a"]', "a gap must follow a word"),
        ('label = "confluence"\nweight = 0.5\npatterns = ["@nope a"]', "unknown class"),
        ('label = "confluence"\nweight = 0.5\npatterns = ["a"]\nperson = "them"', "person"),
        ('label = "confluence"\nweight = 0.5', "missing field 'patterns'"),
    ],
)
def test_bad_cues_are_refused_naming_the_cue_and_the_problem(tmp_path, cue, problem):
    path = write(tmp_path, f'[[cue]]\nid = "bad-cue"\n{cue}\n')
    with pytest.raises(ContentError, match=problem) as caught:
        load_lexicon(path, Theme)
    assert "themes_test.toml" in str(caught.value)


def test_shipped_lexicons_load_and_cover_every_label():
    assert {cue.label for cue in themes_lexicon().cues} == set(Theme)
    risks = {cue.label for cue in safety_lexicon().cues}
    assert risks == {SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS}
