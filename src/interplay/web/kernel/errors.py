"""Errors every app's actions raise."""

from __future__ import annotations


class ActionError(ValueError):
    """A request that cannot be carried out; the message is for the person who made it."""
