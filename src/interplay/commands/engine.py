"""The language engine the command line uses: the one `INTERPLAY_LANGUAGE_ENGINE` names (the
same setting the web app reads, default `composite`), so a reading made on the command line is
the reading the app would make. A bad name stops the command with a message naming the
variable and the engines allowed."""

from __future__ import annotations

from interplay.language.engine import DEFAULT_ENGINE, ENGINE_NAMES, Engines, engines
from interplay.web.env import ConfigError, env_choice

__all__ = ["ConfigError", "language_engines"]


def language_engines() -> Engines:
    return engines(env_choice("INTERPLAY_LANGUAGE_ENGINE", DEFAULT_ENGINE, ENGINE_NAMES))
