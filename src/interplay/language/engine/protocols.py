"""What the web, the command line and role-play may rely on: three readers, each with a
`version` (stored with every result, so a stored reading can be recognised as stale) and one
`analyse(text)`, whose result carries the character spans behind every finding.

The result classes are today's (`StatementAnalysis`, `ThemeAnalysis`, `SafetyResult`): their
`to_dict()` is the JSON contract of `interplay analyze`, so an engine may change how it finds
things but not how it reports them.
"""

from __future__ import annotations

from typing import Protocol

from interplay.language.safety import SafetyResult
from interplay.language.statements import StatementAnalysis
from interplay.language.themes import ThemeAnalysis


class StatementCoach(Protocol):
    """Reads a drafted message: seven findings with their spans, a suggestion and a rewrite."""

    @property
    def version(self) -> str: ...

    def analyse(self, text: str) -> StatementAnalysis: ...


class ThemeReader(Protocol):
    """Reads a journal entry: the method's themes it shows, each with its evidence spans."""

    @property
    def version(self) -> str: ...

    def analyse(self, text: str) -> ThemeAnalysis: ...


class SafetyScreen(Protocol):
    """Screens a piece of writing for a risk to the writer, with the words behind it."""

    @property
    def version(self) -> str: ...

    def analyse(self, text: str) -> SafetyResult: ...
