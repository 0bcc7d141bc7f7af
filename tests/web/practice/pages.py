"""Practice, values and map URLs for the site-wide guards in tests/web/pages.py, and the
objects behind them."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from interplay.web.practice.actions import do_save_experiment, do_save_statement_draft
from interplay.web.practice.rehearsal import (
    do_role_play_reply,
    do_save_coach_scenario,
    do_start_role_play,
)
from interplay.web.relationships.actions import do_save_person, do_take_snapshot
from interplay.web.values.actions import do_add_value, do_save_belief

POST_ONLY = {
    "values:share",
    "values:delete",
    "values:share_belief",
    "values:delete_belief",
    "practice:set_aside",
    "practice:reopen",
    "practice:share",
    "practice:delete",
    "practice:accept",
    "practice:decline",
    "practice:analyse",
    "practice:delete_draft",
    "practice:start_roleplay",
    "practice:stop_roleplay",
    "practice:coach_offer",
    "practice:coach_delete",
    "relationships:share",
    "relationships:take_snapshot",
    "relationships:delete_person",
}
COACH_PAGES = {
    "practice:coach_scenarios",
    "practice:coach_new_scenario",
    "practice:coach_scenario",
    "practice:coach_offer",
    "practice:coach_delete",
    "coaching:practice",
}

PLAN = {
    "title": "Ask Sam for a lift",
    "technique": "start_small",
    "direction": "toward_connection",
    "stakes": "low",
    "what": "Ask Sam for a lift to the station on Friday.",
    "feared_outcome": "Sam will think I am a burden.",
    "anxiety_predicted": "6",
}
PERSON = {
    "name": "Sam",
    "kind": "friend",
    "give": "4",
    "receive": "1",
    "energy": "4",
    "boundary": "4",
    "trust": "2",
    "note": "A private note about Sam.",
}
SCENARIO = {
    "id": "s-coach-own",
    "title": "Asking my brother to call first",
    "direction": "toward_autonomy",
    "stakes": "low",
    "situation": "Your brother drops round without warning; you want him to call first.",
    "feared_outcome": "He will feel unwelcome.",
    "counterpart": {
        "name": "Dan",
        "relationship": "your brother",
        "kind": "family",
        "manner": "breezy",
    },
    "opening": "Hi! I was passing, thought I'd pop in.",
    "responses": {
        "respect": ["Fair enough, I'll ring first.", "Right you are."],
        "test": ["Even if I'm just passing?"],
        "push": ["Oh come on, it's only me.", "You don't mean that."],
        "defend": ["Steady on, I'm only being friendly.", "That's a bit harsh."],
        "answer": ["Sure, I'll text before I come.", "Deal."],
        "neutral": ["Sorry, what do you mean?", "Say that again?"],
    },
}


@dataclass
class PracticeObjects:
    value_pk: int
    belief_pk: int
    experiment_pk: int
    draft_pk: int
    role_play_pk: int
    person_pk: int
    snapshot_pk: int
    scenario_pk: int


def practice_objects(practice, owner=None) -> PracticeObjects:  # type: ignore[no-untyped-def]
    owner = owner or practice.client
    value = do_add_value("", "Private value words", actor=owner)
    belief = do_save_belief(
        {"belief": "A private belief", "alternative": "A private alternative"}, actor=owner
    )
    experiment = do_save_experiment({**PLAN, "belief": str(belief.pk)}, actor=owner)
    draft = do_save_statement_draft("A private draft: I need quiet time.", actor=owner)
    role_play = do_start_role_play("s:s-ask-for-a-lift", actor=owner)
    do_role_play_reply(
        role_play, "A private reply: could you give me a lift?", actor=role_play.owner
    )
    person = do_save_person(PERSON, actor=owner)
    snapshot = do_take_snapshot(actor=owner)
    coach = practice.coach if owner == practice.client else practice.other_coach
    scenario = do_save_coach_scenario(SCENARIO, actor=coach)
    return PracticeObjects(
        value.pk,
        belief.pk,
        experiment.pk,
        draft.pk,
        role_play.pk,
        person.pk,
        snapshot.pk,
        scenario.pk,
    )


def practice_urls(practice, objects: PracticeObjects | None = None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    o = objects or practice_objects(practice)
    client_id = practice.client.pk
    e = o.experiment_pk
    return {
        "values:list": reverse("values:list"),
        "values:share": reverse("values:share", args=[o.value_pk]),
        "values:delete": reverse("values:delete", args=[o.value_pk]),
        "values:beliefs": reverse("values:beliefs"),
        "values:new_belief": reverse("values:new_belief"),
        "values:belief": reverse("values:belief", args=[o.belief_pk]),
        "values:edit_belief": reverse("values:edit_belief", args=[o.belief_pk]),
        "values:share_belief": reverse("values:share_belief", args=[o.belief_pk]),
        "values:delete_belief": reverse("values:delete_belief", args=[o.belief_pk]),
        "practice:home": reverse("practice:home"),
        "practice:new": reverse("practice:new"),
        "practice:history": reverse("practice:history"),
        "practice:experiment": reverse("practice:experiment", args=[e]),
        "practice:edit": reverse("practice:edit", args=[e]),
        "practice:reflect": reverse("practice:reflect", args=[e]),
        "practice:set_aside": reverse("practice:set_aside", args=[e]),
        "practice:reopen": reverse("practice:reopen", args=[e]),
        "practice:share": reverse("practice:share", args=[e]),
        "practice:delete": reverse("practice:delete", args=[e]),
        "practice:accept": reverse("practice:accept", args=[e]),
        "practice:decline": reverse("practice:decline", args=[e]),
        "practice:statements": reverse("practice:statements"),
        "practice:analyse": reverse("practice:analyse"),
        "practice:delete_draft": reverse("practice:delete_draft", args=[o.draft_pk]),
        "practice:scenarios": reverse("practice:scenarios"),
        "practice:start_roleplay": reverse("practice:start_roleplay"),
        "practice:roleplay": reverse("practice:roleplay", args=[o.role_play_pk]),
        "practice:stop_roleplay": reverse("practice:stop_roleplay", args=[o.role_play_pk]),
        "practice:debrief": reverse("practice:debrief", args=[o.role_play_pk]),
        "practice:coach_scenarios": reverse("practice:coach_scenarios"),
        "practice:coach_new_scenario": reverse("practice:coach_new_scenario"),
        "practice:coach_scenario": reverse("practice:coach_scenario", args=[o.scenario_pk]),
        "practice:coach_offer": reverse("practice:coach_offer", args=[o.scenario_pk]),
        "practice:coach_delete": reverse("practice:coach_delete", args=[o.scenario_pk]),
        "coaching:practice": reverse("coaching:practice", args=[client_id]),
        "relationships:map": reverse("relationships:map"),
        "relationships:share": reverse("relationships:share"),
        "relationships:take_snapshot": reverse("relationships:take_snapshot"),
        "relationships:snapshot": reverse("relationships:snapshot", args=[o.snapshot_pk]),
        "relationships:person": reverse("relationships:person", args=[o.person_pk]),
        "relationships:delete_person": reverse("relationships:delete_person", args=[o.person_pk]),
    }


# Client pages whose URL carries the id of one of the client's own items.
CLIENT_ID_PAGES = [
    "values:share",
    "values:delete",
    "values:belief",
    "values:edit_belief",
    "values:share_belief",
    "values:delete_belief",
    "practice:experiment",
    "practice:edit",
    "practice:reflect",
    "practice:set_aside",
    "practice:reopen",
    "practice:share",
    "practice:delete",
    "practice:accept",
    "practice:decline",
    "practice:delete_draft",
    "practice:roleplay",
    "practice:stop_roleplay",
    "practice:debrief",
    "relationships:snapshot",
    "relationships:person",
    "relationships:delete_person",
]
COACH_ID_PAGES = [
    "practice:coach_scenario",
    "practice:coach_offer",
    "practice:coach_delete",
    "coaching:practice",
]
