import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interplay.core.vocabulary import Theme
from interplay.language.engine import engines
from interplay.language.themes import THRESHOLD
from tools.language import eval_themes

# The default engine, as the web and the command line use it.
analyze_themes = engines().themes.analyse


def labels(text: str) -> set[Theme]:
    return set(analyze_themes(text).labels)


def test_plain_statement_of_not_saying_no_is_porous_boundaries():
    assert Theme.POROUS_BOUNDARIES in labels("I can't say no to anyone, and I'm exhausted.")


def test_someone_elses_behaviour_is_not_the_writers_theme():
    assert labels("My sister can't say no to anyone. She's on four committees.") == set()


def test_negated_difficulty_is_not_over_independence():
    assert Theme.OVER_INDEPENDENCE not in labels("I don't mind asking for help.")


def test_hating_to_ask_for_help_is_over_independence():
    assert Theme.OVER_INDEPENDENCE in labels("I hate asking for help. I'd rather struggle.")


def test_habit_left_behind_is_not_present_over_independence_but_a_change():
    found = labels("I used to never ask for help, now I do.")
    assert Theme.OVER_INDEPENDENCE not in found
    assert Theme.INTERDEPENDENCE in found


def test_help_as_weakness_denied_reads_as_interdependence():
    found = labels("Leaning on friends isn't weakness. We help each other out.")
    assert Theme.INTERDEPENDENCE in found
    assert Theme.OVER_INDEPENDENCE not in found


def test_quoted_words_of_someone_else_are_not_the_writers():
    # The cue rules' reading of quotation (the meaning model does not separate quoted words:
    # docs/language-meaning.md).
    text = '"You never ask for help," my wife said, laughing, as I built the shelves.'
    assert Theme.OVER_INDEPENDENCE not in engines("cue").themes.analyse(text).labels


def test_upbringing_linked_to_now_is_past_experience():
    text = "Growing up, my dad said crying was weak. I can see now that's why I hide everything."
    assert Theme.PAST_EXPERIENCE in labels(text)


def test_family_expectation_is_cultural_pressure():
    assert Theme.CULTURAL_PRESSURE in labels(
        "In my culture the eldest son looks after the parents."
    )


def test_ordinary_day_has_no_themes():
    text = "Took the dog to the reservoir. Coffee from the van, a heron in the mist. Good day."
    assert analyze_themes(text).to_dict() == {"themes": []}


def test_every_theme_reports_its_words_as_evidence():
    text = "I keep everyone at arm's length. I don't let anyone in."
    result = analyze_themes(text)
    assert result.themes
    for finding in result.themes:
        assert finding.score >= THRESHOLD
        assert finding.evidence
        for span in finding.evidence:
            assert text[span.start : span.end].strip()


def test_to_dict_shape_is_the_published_one():
    result = analyze_themes("I can't say no to anyone.").to_dict()
    (theme,) = result["themes"]
    assert set(theme) == {"theme", "score", "evidence"}
    assert theme["theme"] == "porous_boundaries"
    assert 0 <= theme["score"] <= 1
    assert set(theme["evidence"][0]) == {"start", "end"}


def test_versions_name_the_cue_rules_and_the_model_behind_them():
    from interplay.language.meaning.heads import load_heads

    assert engines().themes.version == f"themes-lexicon-1.3+{load_heads().version}"
    assert engines("composite").themes.version == "themes-lexicon-1.3+learned-1.0"
    assert engines("cue").themes.version == "themes-lexicon-1.3"


def test_non_text_input_is_refused_with_a_clear_message():
    with pytest.raises(TypeError, match="needs text"):
        analyze_themes(None)  # type: ignore[arg-type]


def test_labelled_set_is_large_and_varied_enough():
    examples = eval_themes.load_examples()
    assert len(examples) >= 220
    assert sum(1 for e in examples if not e.themes) >= 70
    assert 0.25 <= sum(1 for e in examples if e.split == "test") / len(examples) <= 0.35


def test_accuracy_floor_on_the_whole_labelled_set():
    _, micro = eval_themes.score(eval_themes.load_examples())
    assert micro.f1 >= 0.75


def test_accuracy_floor_on_the_held_out_part():
    held_out = eval_themes.select(eval_themes.load_examples(), "test")
    _, micro = eval_themes.score(held_out)
    assert micro.f1 >= 0.6


def _check_bounds(text: str) -> None:
    result = analyze_themes(text)
    for finding in result.themes:
        assert 0 <= finding.score <= 1
        for span in finding.evidence:
            assert 0 <= span.start < span.end <= len(text)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_any_unicode_text_gives_spans_within_bounds(text):
    _check_bounds(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "I",
                "can't",
                "say",
                "no",
                "never",
                "ask",
                "for",
                "help",
                "“",
                "”",
                '"',
                "'",
                ",",
                ".",
                "\n",
                "used",
                "to",
                "😊",
                "my",
                "sister",
                "don't",
                "-",
                "’",
                "alone",
            ]
        ),
        max_size=80,
    )
)
def test_sequences_of_cue_words_and_marks_never_break_it(words):
    _check_bounds(" ".join(words))


def test_a_100_kb_entry_is_handled():
    text = ("I can't say no to anyone and I never ask for help. " * 2000)[:100_000]
    result = analyze_themes(text)
    assert Theme.POROUS_BOUNDARIES in result.labels
    _check_bounds(text)


@pytest.mark.parametrize(
    "text",
    [
        "no " * 20_000,
        "'" * 50_000,
        '"' * 30_001,
        "never " * 15_000,
        "a-" * 40_000,
        "\n" * 50_000,
        "I" * 100_000,
        "“" * 10_000 + "”" * 10_000,
    ],
)
def test_pathological_repetition_does_not_break_it(text):
    _check_bounds(text)


def test_tuning_probes_keep_their_themes():
    # Phrasings written while tuning (data/language/journal_themes_probes.jsonl, split "tuning"):
    # not a measure of accuracy, a guard against losing what was fixed.
    path = eval_themes.DEFAULT_DATA.with_name("journal_themes_probes.jsonl")
    _, micro = eval_themes.score(eval_themes.load_examples(path))
    assert micro.f1 >= 0.9


@pytest.mark.parametrize(
    ("name", "floor"), [("journal_themes_blind.jsonl", 0.85), ("journal_themes_blind2.jsonl", 0.85)]
)
def test_blind_batches_keep_their_themes(name, floor):
    # Scored once before any change (first-look figures in docs/language-themes.md), then the
    # rules and the learned model were tuned on them: a guard against regressions of that
    # engine ("composite"), not a measure of accuracy on unseen writing.
    path = eval_themes.DEFAULT_DATA.with_name(name)
    _, micro = eval_themes.score(eval_themes.load_examples(path), "composite")
    assert micro.f1 >= floor


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Carried the wardrobe up on my own rather than text anyone.", Theme.OVER_INDEPENDENCE),
        (
            "My boyfriend makes all the decisions and it's a relief not to have to choose.",
            Theme.OVER_DEPENDENCE,
        ),
        ("I give what I can and take what I need, and nobody keeps score.", Theme.INTERDEPENDENCE),
        ("He wants to meet my parents and I just feel the walls go up.", Theme.RIGID_BOUNDARIES),
        (
            "Everyone dumps their problems on me and there's nothing left for me.",
            Theme.POROUS_BOUNDARIES,
        ),
        ("Whatever mood my husband's in sets the weather for the whole house.", Theme.CONFLUENCE),
        ("Everything has to be spotless or I'll feel like a failure.", Theme.PERFECTIONISM),
        ("If people knew how messy my head is they'd leave.", Theme.VULNERABILITY_FEAR),
        (
            "Family comes first, my mum says, and everyone at church agrees.",
            Theme.CULTURAL_PRESSURE,
        ),
        ("Ever since the divorce I phone my sister before every decision.", Theme.PAST_EXPERIENCE),
    ],
)
def test_broad_cues_find_each_theme_in_new_words(text, theme):
    assert theme in engines("cue").themes.analyse(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "Fixed the tap and then we walked to the pub.",
        "My friend is scared her boss will think she's useless.",
        "Dad always said the garden was his pride and joy.",
        "My childhood was happy, we lived by the sea.",
        "It came out better than if I'd done it alone, so glad I asked.",
    ],
)
def test_broad_cues_stay_quiet_on_ordinary_or_other_peoples_lines(text):
    labels = analyze_themes(text).labels
    assert Theme.CONFLUENCE not in labels
    assert Theme.PAST_EXPERIENCE not in labels
    assert Theme.OVER_INDEPENDENCE not in labels


def test_untuned_third_batch_keeps_its_first_look_level():
    # data/language/journal_themes_blind3.jsonl was written after all tuning and never tuned on:
    # its first-look F1 (0.37) is the honest estimate; this floor only stops it getting worse.
    path = eval_themes.DEFAULT_DATA.with_name("journal_themes_blind3.jsonl")
    _, micro = eval_themes.score(eval_themes.load_examples(path))
    assert micro.f1 >= 0.33
