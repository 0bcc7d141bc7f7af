"""Role-play rehearsal on the web: which scenarios a person may run, the writes for a run, and
rebuilding a run from its stored replies with the core engine.

Each reply is read by the statement coach; the reply and its analysis are stored (encrypted)
and the conversation is rebuilt with `interplay.core.roleplay.replay`, which is deterministic,
so nothing else about the run needs storing. Coaches' own scenarios are validated with
`parse_scenario`, the same rules and messages as the shipped file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from interplay.core.content_files import ContentError
from interplay.core.roleplay import ReplyAnalysis, RunState, replay, stop
from interplay.core.scenarios import (
    Scenario,
    parse_scenario,
    scenario_by_id,
    scenario_library,
    scenario_to_dict,
)
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.language import language_engines
from interplay.web.practice.access import offered_scenarios
from interplay.web.practice.models import CoachScenario, RolePlay, RolePlayReply

MAX_REPLY = 2_000


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario on the picking page: `key` is `s:<id>` for shipped, `c:<pk>` for a coach's."""

    key: str
    scenario: Scenario
    from_coach: bool


def choices_for(client: User) -> list[ScenarioChoice]:
    shipped = [ScenarioChoice(f"s:{s.id}", s, False) for s in scenario_library()]
    own = []
    for stored in offered_scenarios(client):
        try:
            own.append(ScenarioChoice(f"c:{stored.pk}", parse_scenario(stored.data), True))
        except ContentError:
            continue  # saved before a rule changed: not offered until the coach fixes it
    return own + shipped


def scenario_of(role_play: RolePlay) -> Scenario:
    return parse_scenario(role_play.scenario_data)


def state_of(role_play: RolePlay) -> RunState:
    replies = [
        (stored.text, ReplyAnalysis.from_mapping(json.loads(stored.analysis_json)))
        for stored in role_play.replies.all()
    ]
    state = replay(scenario_of(role_play), replies)
    return stop(state) if role_play.stopped else state


def stored_analyses(role_play: RolePlay) -> list[dict[str, Any]]:
    return [json.loads(stored.analysis_json) for stored in role_play.replies.all()]


def do_start_role_play(key: str, *, actor: User) -> RolePlay:
    kind, _sep, ident = key.partition(":")
    coach_scenario = None
    if kind == "s":
        try:
            scenario = scenario_by_id(ident)
        except KeyError:
            raise ActionError(_("That scenario is not available; please choose another.")) from None
    elif kind == "c" and ident.isdigit():
        coach_scenario = next((s for s in offered_scenarios(actor) if s.pk == int(ident)), None)
        if coach_scenario is None:
            raise ActionError(_("That scenario is not available; please choose another."))
        scenario = parse_scenario(coach_scenario.data)
    else:
        raise ActionError(_("That scenario is not available; please choose another."))
    return RolePlay.objects.create(
        owner=actor,
        scenario_id=scenario.id if coach_scenario is None else "",
        coach_scenario=coach_scenario,
        scenario_data=scenario_to_dict(scenario),
    )


def do_role_play_reply(role_play: RolePlay, text: str, *, actor: User) -> RunState:
    """Add one reply: analyse it, store it, and return the run with the counterpart's answer."""
    require_owner(role_play.owner_id, actor)
    text = text.strip()
    if not text:
        raise ActionError(_("Write what you would say first."))
    if len(text) > MAX_REPLY:
        raise ActionError(_("That reply is long for one turn; please shorten it."))
    with transaction.atomic():
        locked = RolePlay.objects.select_for_update().get(pk=role_play.pk)
        state = state_of(locked)
        if state.finished:
            raise ActionError(_("This rehearsal has ended; the debrief is ready."))
        analysis = language_engines().statements.analyse(text)
        RolePlayReply.objects.create(
            role_play=locked,
            number=len(state.turns) + 1,
            text=text,
            analysis_json=json.dumps(analysis.to_dict()),
        )
    return state_of(role_play)


def do_stop_role_play(role_play: RolePlay, *, actor: User) -> RolePlay:
    require_owner(role_play.owner_id, actor)
    role_play.stopped = True
    role_play.save(update_fields=["stopped"])
    return role_play


# --- Coaches' own scenarios ------------------------------------------------------------------


def _existing_ids(coach: User, keep: CoachScenario | None) -> frozenset[str]:
    own = CoachScenario.objects.filter(coach=coach)
    if keep is not None:
        own = own.exclude(pk=keep.pk)
    return frozenset(s.id for s in scenario_library()) | frozenset(
        own.values_list("scenario_id", flat=True)
    )


def do_save_coach_scenario(
    data: Mapping[str, Any], scenario: CoachScenario | None = None, *, actor: User
) -> CoachScenario:
    """Validate with the shipped file's rules; a problem comes back as a message naming the
    field, and nothing is saved."""
    if scenario is not None and scenario.coach_id != actor.pk:
        raise ActionError(_("You can only change your own scenarios."))
    try:
        parsed = parse_scenario(data, _existing_ids(actor, scenario), source="your scenario")
    except ContentError as error:
        raise ActionError(str(error)) from None
    stored = scenario_to_dict(parsed)
    if scenario is None:
        return CoachScenario.objects.create(coach=actor, scenario_id=parsed.id, data=stored)
    scenario.scenario_id, scenario.data = parsed.id, stored
    scenario.save(update_fields=["scenario_id", "data"])
    return scenario


def do_set_scenario_offered(
    scenario: CoachScenario, offered: bool, *, actor: User
) -> CoachScenario:
    require_owner(scenario.coach_id, actor)
    scenario.offered = offered
    scenario.save(update_fields=["offered"])
    return scenario


def do_delete_coach_scenario(scenario: CoachScenario, *, actor: User) -> None:
    require_owner(scenario.coach_id, actor)
    scenario.delete()  # role-plays keep their copy (scenario_data); the link is cleared
