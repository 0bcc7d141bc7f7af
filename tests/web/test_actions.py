"""Every action takes `*, actor` and checks ownership itself, so the CLI and the API get the
same protection as the views' scoped lookups."""

from __future__ import annotations

import importlib
import inspect

import pytest

from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing
from interplay.web.kernel.errors import ActionError

MODULES = [
    "interplay.web.assessments.actions",
    "interplay.web.coaching.actions",
    "interplay.web.exports.actions",
    "interplay.web.journal.actions",
    "interplay.web.practice.actions",
    "interplay.web.practice.rehearsal",
    "interplay.web.relationships.actions",
    "interplay.web.reminders.actions",
    "interplay.web.schedule.actions",
    "interplay.web.safety.actions",
    "interplay.web.values.actions",
]
# Actions with no signed-in person behind them: the system raising a flag, a reminder email's
# unsubscribe link. (Signing up, in
# and resets are allauth's views; accepting an invitation takes the signed-in client.)
NO_ACTOR = {
    "do_raise_safety_flag",
    "do_unsubscribe",  # the signed link from a reminder email is the proof
}


def _actions():  # type: ignore[no-untyped-def]
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.startswith("do_") and inspect.isfunction(value) and value.__module__ == name:
                yield attr, value


def test_every_action_takes_a_keyword_only_actor():
    missing = [
        name
        for name, action in _actions()
        if name not in NO_ACTOR
        and (
            "actor" not in inspect.signature(action).parameters
            or inspect.signature(action).parameters["actor"].kind
            is not inspect.Parameter.KEYWORD_ONLY
        )
    ]
    assert missing == []


def test_an_action_refuses_someone_elses_object(practice):
    entry = do_save_entry("", "Mine alone.", actor=practice.client)
    with pytest.raises(ActionError):
        do_set_entry_sharing(entry, True, actor=practice.other_client)
    entry.refresh_from_db()
    assert entry.shared_with_coach is False
