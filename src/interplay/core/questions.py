"""The coaching question bank: questions in the project's own words, tagged so the software can
pick the right ones for a person's profile and for the phase of a session."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from interplay.core.content_files import (
    CONTENT_DIR,
    Field,
    boolean,
    list_of,
    load_entries,
    one_of,
    text,
)
from interplay.core.vocabulary import Barrier, Focus, Scale, SessionPhase, Stage

QUESTIONS_FILE = CONTENT_DIR / "questions.toml"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    phases: tuple[SessionPhase, ...]
    scales: tuple[Scale, ...]
    stages: tuple[Stage, ...]
    barriers: tuple[Barrier, ...]
    focus: tuple[Focus, ...]
    # True when the question carries one the article itself asks (in our own words).
    from_article: bool
    journal_prompt: bool


FIELDS = (
    Field("text", text),
    Field("phases", list_of(one_of(SessionPhase))),
    Field("scales", list_of(one_of(Scale), allow_empty=True), required=False, default=()),
    Field("stages", list_of(one_of(Stage), allow_empty=True), required=False, default=()),
    Field("barriers", list_of(one_of(Barrier), allow_empty=True), required=False, default=()),
    Field("focus", list_of(one_of(Focus), allow_empty=True), required=False, default=()),
    Field("from_article", boolean, required=False, default=False),
    Field("journal_prompt", boolean, required=False, default=True),
)


def load_questions(path: Path = QUESTIONS_FILE) -> tuple[Question, ...]:
    return tuple(Question(**entry) for entry in load_entries(path, "question", FIELDS))


@cache
def question_bank() -> tuple[Question, ...]:
    """The shipped bank, read and validated once per process."""
    return load_questions()


def question_by_id(question_id: str) -> Question:
    for question in question_bank():
        if question.id == question_id:
            return question
    raise KeyError(question_id)
