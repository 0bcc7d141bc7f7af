"""Invented practice for the demo's Maya, so every practice screen has something in it: the
values her boundaries serve, the belief behind not asking for help and its reframe, a few
weeks of experiments (most reflected, one set aside), a statement draft, a relationship map
with a snapshot, and a scenario her coach wrote and offered. Some items are shared with the
coach, most are not, as in life. Called by `interplay.web.demo.seed_demo`; never in production.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from interplay.web.accounts.models import User
from interplay.web.practice.actions import (
    do_reflect,
    do_save_experiment,
    do_save_statement_draft,
    do_set_aside,
    do_set_experiment_sharing,
    do_suggest_experiment,
)
from interplay.web.practice.models import Experiment
from interplay.web.practice.rehearsal import do_save_coach_scenario, do_set_scenario_offered
from interplay.web.relationships.actions import do_save_person, do_set_map_sharing, do_take_snapshot
from interplay.web.values.actions import do_add_value, do_save_belief, do_set_belief_sharing

PEOPLE = [
    {"name": "Priya", "kind": "friend", "give": "2", "receive": "3", "energy": "0",
     "boundary": "0", "trust": "4", "note": "Offers to help; I always say I'm fine."},
    {"name": "Tom", "kind": "work", "give": "4", "receive": "1", "energy": "4",
     "boundary": "4", "trust": "2", "note": "Brings me every problem on his team."},
    {"name": "Mum", "kind": "family", "give": "3", "receive": "2", "energy": "3",
     "boundary": "3", "trust": "3"},
    {"name": "Dev", "kind": "partner", "give": "2", "receive": "2", "energy": "1",
     "boundary": "1", "trust": "3"},
]  # fmt: skip
# (plan, reflection or set-aside status, days ago, shared)
EXPERIMENTS = [
    (
        {"title": "Ask Priya to look over my talk", "technique": "start_small",
         "direction": "toward_connection", "stakes": "low",
         "what": "Send Priya my slides and ask for two comments.", "who_with": "Priya",
         "feared_outcome": "She'll think I can't manage on my own.", "anxiety_predicted": "6"},
        {"what_happened": "She replied within an hour with kind, useful notes.",
         "anxiety_during": "3", "feared_outcome_happened": "no",
         "what_worked": "Asking for something small and specific."},
        40, True,
    ),
    (
        {"title": "Say no to Tom's Friday report", "technique": "i_statement",
         "direction": "toward_autonomy", "stakes": "low",
         "what": "Tell Tom I can't take on his report this week.", "who_with": "Tom",
         "feared_outcome": "He'll be annoyed and go over my head.", "anxiety_predicted": "7",
         "statement_draft": "I can't take this on this week; I need Friday for my own deadline."},
        {"what_happened": "He sighed, then asked someone else.", "anxiety_during": "5",
         "feared_outcome_happened": "partly", "what_to_change": "Say it earlier in the week."},
        30, True,
    ),
    (
        {"title": "Accept Dev's offer to cook", "technique": "start_small",
         "direction": "toward_connection", "stakes": "low",
         "what": "When Dev offers to cook on a busy night, say yes and sit down.",
         "who_with": "Dev", "feared_outcome": "I'll feel useless.", "anxiety_predicted": "4"},
        {"what_happened": "I said yes. It felt odd, then nice.", "anxiety_during": "3",
         "feared_outcome_happened": "no", "how_it_felt": "Strange, then restful."},
        20, False,
    ),
    (
        {"title": "Tell Mum I'll skip one Sunday lunch", "technique": "i_statement",
         "direction": "toward_autonomy", "stakes": "medium",
         "what": "Ring Mum and say I'm having a quiet Sunday this week.", "who_with": "Mum",
         "feared_outcome": "She'll be hurt and bring it up for weeks.", "anxiety_predicted": "8"},
        "skipped",
        12, False,
    ),
    (
        {"title": "Ask Priya for help moving the sofa", "technique": "start_small",
         "direction": "toward_connection", "stakes": "medium",
         "what": "Ask Priya to help me move the sofa on Saturday.", "who_with": "Priya",
         "when": "Saturday morning", "feared_outcome": "She'll say yes but resent it.",
         "anxiety_predicted": "6"},
        None,
        3, True,
    ),
]  # fmt: skip
SCENARIO = {
    "id": "s-demo-team-lead-extra-work",
    "title": "Turning down a second project",
    "direction": "toward_autonomy",
    "stakes": "medium",
    "situation": "Your team lead asks you to pick up a second project while you are stretched.",
    "feared_outcome": "They will think I'm not committed.",
    "counterpart": {
        "name": "Jordan",
        "relationship": "your team lead",
        "kind": "work",
        "manner": "busy and direct",
    },  # fmt: skip
    "opening": "Have you got a minute? I need someone to take on the onboarding project.",
    "responses": {
        "respect": ["Understood. I'll ask around.", "Fair enough, thanks for being straight."],
        "test": ["Not even if I take something else off your plate?"],
        "push": ["It wouldn't take much of your time, honestly.", "Could you just try it?"],
        "defend": ["I'm not trying to overload anyone.", "That's not fair; I asked nicely."],
        "answer": ["Yes, I can move the audit to next month.", "Sure, let's look at it."],
        "neutral": ["Sorry, is that a yes or a no?", "What do you mean exactly?"],
    },
}


def seed_practice_demo(coach: User, client: User) -> None:
    """Idempotent: does nothing when the client already has experiments."""
    if Experiment.objects.filter(owner=client).exists():
        return
    named = do_add_value("v-friendship", actor=client)
    do_add_value(own_words="Having evenings that are mine", actor=client)
    belief = do_save_belief(
        {
            "belief": "If someone helps me, I'll owe them, and I'll look weak.",
            "origin": "At home, help came with a lecture attached.",
            "cost": "I carry everything alone and I'm tired most weeks.",
            "protects": "My pride, and never being in anyone's debt.",
            "alternative": "Letting people help is part of a friendship, not a debt.",
        },
        actor=client,
    )
    do_set_belief_sharing(belief, True, actor=belief.owner)
    people = {p["name"]: do_save_person(p, actor=client) for p in PEOPLE}
    do_take_snapshot(actor=client)
    do_set_map_sharing(True, actor=client)
    now = timezone.now()
    for plan, after, days_ago, shared in EXPERIMENTS:
        person = people.get(plan.get("who_with", ""))
        links = {"person": str(person.pk) if person else ""}
        if plan["direction"] == "toward_connection":
            links["belief"] = str(belief.pk)
            links["value"] = str(named.pk)
        experiment = do_save_experiment({**plan, **links}, actor=client)
        Experiment.objects.filter(pk=experiment.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
        experiment.refresh_from_db()
        if isinstance(after, dict):
            do_reflect(experiment, after, actor=experiment.owner)
        elif after == "skipped":
            do_set_aside(
                experiment,
                "skipped",
                "It was her birthday week; not the moment.",
                actor=experiment.owner,
            )
        if shared:
            do_set_experiment_sharing(experiment, True, actor=experiment.owner)
    do_save_statement_draft(
        "I'd love a hand with the sofa on Saturday. Could you come round at ten?", actor=client
    )
    do_suggest_experiment(
        client,
        {
            "title": "Tell Tom when you are at capacity",
            "technique": "i_statement",
            "direction": "toward_autonomy",
            "stakes": "medium",
            "what": "Next time Tom brings a problem, say you are at capacity this week.",
        },
        actor=coach,
    )
    do_set_scenario_offered(
        do_save_coach_scenario(SCENARIO, actor=coach),
        True,
        actor=coach,
    )
