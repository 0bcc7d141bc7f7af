"""The language engine the web uses: the set named by `settings.INTERPLAY_LANGUAGE_ENGINE`.
Pages and actions call its readers and never import an analysis directly, so switching the
engine is one setting (and a stored reading made by another engine reads as stale)."""

from __future__ import annotations

from django.conf import settings

from interplay.language.engine import Engines, engines


def language_engines() -> Engines:
    return engines(settings.INTERPLAY_LANGUAGE_ENGINE)
