"""The shipped question bank: big enough, covering the whole vocabulary and every question the
article asks, and rejecting broken copies with a message a coach can act on."""

import re
import tomllib
from pathlib import Path

import pytest

from interplay.core.content_files import ContentError
from interplay.core.questions import QUESTIONS_FILE, load_questions, question_bank
from interplay.core.vocabulary import Barrier, Focus, Scale, SessionPhase, Stage

MINIMUM_QUESTIONS = 64
# "Several" questions for each tag value, so a session planner always has a choice.
MINIMUM_PER_TAG = 3
ID_PATTERN = re.compile(r"^q-[a-z0-9]+(-[a-z0-9]+)+$")

# Every question the article asks, by topic, and the id of the question that carries it.
ARTICLE_QUESTIONS = {
    # The four questions for exploring the paradox.
    "what self-sufficiency means and how it shaped your life": "q-self-sufficiency-meaning",
    "where most connected, where support is hard to accept": "q-connected-and-accepting-support",
    "a healthy balance of independence and connection": "q-healthy-balance-picture",
    "how boundaries reflect or influence the balance": "q-boundaries-shape-balance",
    # Reflecting on current boundaries.
    "where consistently overwhelmed or drained": "q-boundaries-overwhelmed-drained",
    "where disconnected or overly guarded": "q-boundaries-disconnected-guarded",
    "how boundaries reflect values and where to adjust": "q-boundaries-values-adjust",
    # Balancing the two.
    "asserting independence while open to connection": "q-balance-independent-yet-open",
    "loosening rigid boundaries to allow support": "q-balance-loosen-rigid",
    "healthier boundaries when interdependence is imbalanced": "q-balance-healthier-when-lopsided",
}

TAGS = [
    ("phases", SessionPhase),
    ("scales", Scale),
    ("stages", Stage),
    ("barriers", Barrier),
    ("focus", Focus),
]


def test_bank_holds_enough_questions():
    assert len(question_bank()) >= MINIMUM_QUESTIONS


@pytest.mark.parametrize(
    ("field", "member"),
    [(field, member) for field, enum in TAGS for member in enum],
    ids=lambda value: str(value),
)
def test_every_vocabulary_member_has_several_questions(field, member):
    tagged = [q.id for q in question_bank() if member in getattr(q, field)]
    assert len(tagged) >= MINIMUM_PER_TAG, f"{field}={member.value} has only {tagged}"


@pytest.mark.parametrize(("topic", "question_id"), ARTICLE_QUESTIONS.items())
def test_each_article_question_is_in_the_bank(topic, question_id):
    by_id = {q.id: q for q in question_bank()}
    assert question_id in by_id, f"no question for the article's {topic!r}"
    assert by_id[question_id].from_article


def test_only_the_article_questions_are_marked_from_article():
    marked = {q.id for q in question_bank() if q.from_article}
    assert marked == set(ARTICLE_QUESTIONS.values())


def test_ids_are_unique_and_follow_the_pattern():
    ids = [q.id for q in question_bank()]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not ID_PATTERN.match(i)] == []


def test_texts_are_questions_and_never_repeated():
    texts = [q.text for q in question_bank()]
    assert all(t.strip() for t in texts)
    normalised = [" ".join(t.lower().split()) for t in texts]
    assert len(normalised) == len(set(normalised))
    # A prompt either asks something or invites the person to describe something.
    assert [t for t in texts if "?" not in t and not t.startswith("Describe")] == []


def test_some_questions_are_live_only_and_most_work_as_journal_prompts():
    live_only = [q for q in question_bank() if not q.journal_prompt]
    assert live_only
    assert len(live_only) < len(question_bank()) / 4


def test_emotional_roots_questions_reach_each_root_the_article_names():
    roots = [q for q in question_bank() if SessionPhase.EMOTIONAL_ROOTS in q.phases]
    texts = " ".join(q.text.lower() for q in roots)
    for clue in ("safe", "no", "decided a great deal", "family", "keeping the peace", "help"):
        assert clue in texts, clue
    assert any(Barrier.CULTURAL_PRESSURE in q.barriers for q in roots)
    assert any("respect" in q.text for q in roots)


# --- Broken copies of the file --------------------------------------------------------------


def broken_copy(tmp_path: Path, entry_id: str, **changes: object) -> Path:
    """Copy the shipped file with one entry changed; a value of None removes the field."""
    document = tomllib.loads(QUESTIONS_FILE.read_text(encoding="utf-8"))
    (entry,) = [e for e in document["question"] if e["id"] == entry_id]
    for key, value in changes.items():
        if value is None:
            entry.pop(key)
        else:
            entry[key] = value
    path = tmp_path / "questions.toml"
    path.write_text(to_toml(document["question"]), encoding="utf-8")
    return path


def to_toml(entries: list[dict[str, object]]) -> str:
    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "[" + ", ".join(value(item) for item in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "\n".join(
        "[[question]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in e.items()) for e in entries
    )


def test_round_trip_copy_loads_like_the_shipped_file(tmp_path):
    path = broken_copy(tmp_path, "q-exp-predict-first")
    assert load_questions(path) == load_questions()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"scales": ["grit"]}, "field 'scales' unknown value 'grit'"),
        ({"phases": ["warming_up"]}, "field 'phases' unknown value 'warming_up'"),
        ({"stages": ["adulthood"]}, "field 'stages' unknown value 'adulthood'"),
        ({"barriers": ["shyness"]}, "field 'barriers' unknown value 'shyness'"),
        ({"focus": ["everything"]}, "field 'focus' unknown value 'everything'"),
        ({"text": None}, "missing field 'text'"),
        ({"text": "   "}, "field 'text' must be non-empty text"),
        ({"phases": []}, "field 'phases' must not be empty"),
        ({"journal_prompt": "yes"}, "field 'journal_prompt' must be true or false"),
        ({"colour": "blue"}, "unknown field(s): colour"),
    ],
)
def test_broken_entry_is_reported_with_file_entry_and_problem(tmp_path, changes, problem):
    path = broken_copy(tmp_path, "q-exp-predict-first", **changes)
    with pytest.raises(ContentError) as caught:
        load_questions(path)
    message = str(caught.value)
    assert message.startswith("questions.toml, entry 'q-exp-predict-first': ")
    assert problem in message


def test_duplicate_id_is_reported(tmp_path):
    path = broken_copy(tmp_path, "q-exp-predict-first", id="q-exp-smallest-step")
    with pytest.raises(ContentError, match=r"questions.toml, entry 'q-exp-smallest-step': dup"):
        load_questions(path)
