"""Turn a person's stored data into plain JSON-ready dictionaries, one function per group.

Each function takes rows already chosen by a scoped lookup and only reads them: choosing whose
rows and which ones (everything for the owner, shared rows only for a coach) happens in
`owner_export` and `coach_export`. Encrypted text comes out decrypted, because the person
asking is the one it belongs to (or the coach it was shared with)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils import timezone

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.journal.models import Entry
from interplay.web.path.progress import PathState, path_state
from interplay.web.practice.models import CoachScenario, Experiment, RolePlay, StatementDraft
from interplay.web.progress.models import Review
from interplay.web.relationships.models import MapPerson, MapSharing, MapSnapshot
from interplay.web.reminders.models import ReminderSettings
from interplay.web.safety.models import SafetyFlag, SafetyPlan
from interplay.web.schedule.models import ClientSchedule
from interplay.web.values.models import Belief, PersonalValue

FORMAT_VERSION = 1
# Whose row it is is said once, at the top of the export; repeating it on every row adds nothing.
OWNER_FIELDS = {"owner", "user"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row(obj: models.Model, skip: Iterable[str] = ()) -> dict[str, Any]:
    """Every stored column of `obj` (foreign keys as `<name>_id`), except the owner's."""
    skipped = OWNER_FIELDS | set(skip)
    return {
        field.attname: _plain(getattr(obj, field.attname))
        for field in obj._meta.concrete_fields
        if field.name not in skipped
    }


def assessment_data(assessments: Iterable[Assessment]) -> list[dict[str, Any]]:
    return [row(assessment) for assessment in assessments]


def pulse_data(pulses: Iterable[PulseCheck]) -> list[dict[str, Any]]:
    return [row(pulse) for pulse in pulses]


def entry_data(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """Entries with their themes. Only the plain themes are included, never the sealed safety
    result: that is for the writer's screen, not for a file that may be passed on."""
    result = []
    for entry in entries:
        data = row(entry, skip=("listing",))  # the title and first words again: derived
        analysis = entry.analysis if _has_analysis(entry) else None
        data["themes"] = list(analysis.themes) if analysis is not None else []
        data["themes_version"] = analysis.themes_version if analysis is not None else ""
        result.append(data)
    return result


def _has_analysis(entry: Entry) -> bool:
    try:
        entry.analysis  # noqa: B018 - touching the reverse one-to-one loads or raises
    except models.ObjectDoesNotExist:
        return False
    return True


def value_data(values: Iterable[PersonalValue]) -> list[dict[str, Any]]:
    return [{**row(value), "label": value.label} for value in values]


def belief_data(beliefs: Iterable[Belief]) -> list[dict[str, Any]]:
    return [row(belief) for belief in beliefs]


def experiment_data(experiments: Iterable[Experiment]) -> list[dict[str, Any]]:
    return [row(experiment) for experiment in experiments]


def statement_draft_data(drafts: Iterable[StatementDraft]) -> list[dict[str, Any]]:
    return [row(draft) for draft in drafts]


def role_play_data(role_plays: Iterable[RolePlay]) -> list[dict[str, Any]]:
    """Rehearsals with the person's replies and the statement coach's reading of each."""
    return [
        {
            **row(role_play),
            "replies": [
                {
                    "number": reply.number,
                    "text": reply.text,
                    "analysis": json.loads(reply.analysis_json),
                }
                for reply in role_play.replies.all()
            ],
        }
        for role_play in role_plays
    ]


def safety_plan_data(plan: SafetyPlan | None) -> dict[str, Any] | None:
    return row(plan) if plan is not None else None


def map_data(
    people: Iterable[MapPerson], sharing: MapSharing | None, snapshots: Iterable[MapSnapshot]
) -> dict[str, Any]:
    return {
        "shared_with_coach": bool(sharing and sharing.shared_with_coach),
        "people": [row(person) for person in people],
        "snapshots": snapshot_data(snapshots),
    }


def snapshot_data(snapshots: Iterable[MapSnapshot]) -> list[dict[str, Any]]:
    return [
        {**row(snapshot, skip={"people_json"}), "people": json.loads(snapshot.people_json)}
        for snapshot in snapshots
    ]


def review_data(reviews: Iterable[Review]) -> list[dict[str, Any]]:
    return [row(review) for review in reviews]


def reminder_data(settings: ReminderSettings | None) -> dict[str, Any] | None:
    """Which reminder emails the person chose and when; None when they never opened the
    settings (the defaults then apply, as the settings page says)."""
    return row(settings, skip={"id", "person"}) if settings else None


def schedule_data(schedule: ClientSchedule | None) -> dict[str, Any] | None:
    """The re-assessment interval a coach set; None when it is the default."""
    return row(schedule, skip={"id", "client"}) if schedule else None


def _header(person: User, scope: str) -> dict[str, Any]:
    return {
        "format": "interplay-export",
        "format_version": FORMAT_VERSION,
        "scope": scope,
        "exported_at": timezone.now().isoformat(),
        "person": {"id": person.pk, "name": person.name, "email": person.email},
    }


def owner_export(user: User) -> dict[str, Any]:
    """Everything this person owns that is simple to carry away. Call only with the signed-in
    owner (or, from the command line, the account the operator named)."""
    return {
        **_header(user, "everything you own"),
        "assessments": assessment_data(Assessment.objects.filter(user=user).order_by("id")),
        "check_ins": pulse_data(PulseCheck.objects.filter(user=user).order_by("id")),
        "journal_entries": entry_data(
            Entry.objects.filter(owner=user).select_related("analysis").order_by("id")
        ),
        "values": value_data(PersonalValue.objects.filter(owner=user).order_by("id")),
        "beliefs": belief_data(Belief.objects.filter(owner=user).order_by("id")),
        "experiments": experiment_data(Experiment.objects.filter(owner=user).order_by("id")),
        "relationship_map": map_data(
            MapPerson.objects.filter(owner=user).order_by("id"),
            MapSharing.objects.filter(owner=user).first(),
            MapSnapshot.objects.filter(owner=user).order_by("id"),
        ),
        "statement_drafts": statement_draft_data(
            StatementDraft.objects.filter(owner=user).order_by("id")
        ),
        "role_plays": role_play_data(
            RolePlay.objects.filter(owner=user).prefetch_related("replies").order_by("id")
        ),
        "safety_plan": safety_plan_data(SafetyPlan.objects.filter(owner=user).first()),
        "guided_path": path_data(path_state(user)),
        "integration_reviews": review_data(Review.objects.filter(owner=user).order_by("id")),
        "reminder_settings": reminder_data(ReminderSettings.objects.filter(person=user).first()),
        "reassessment_schedule": schedule_data(ClientSchedule.objects.filter(client=user).first()),
    }


def flag_data(flags: Iterable[SafetyFlag]) -> list[dict[str, Any]]:
    """What a coach sees of a flag: the kind and the dates, never which entry or its words."""
    return [
        {
            "id": flag.pk,
            "kind": flag.kind,
            "raised_at": _plain(flag.raised_at),
            "acknowledged_at": _plain(flag.acknowledged_at),
        }
        for flag in flags
    ]


def coach_export(view: ClientView) -> dict[str, Any]:
    """Exactly what the coach's pages can show of this client, read through the same
    `ClientView`, and nothing else (`COACH_EXPORT_READS` names the view's read for each key;
    a test checks that every read of the view is here)."""
    people = view.map()
    snapshots = view.snapshots()
    return {
        **_header(view.client, "shared with their coach"),
        "assessments": assessment_data(view.assessments()),
        "check_ins": pulse_data(sorted(view.pulses(), key=lambda p: p.pk)),
        "journal_entries": entry_data(view.all_entries()),
        "values": value_data(view.values()),
        "beliefs": belief_data(view.beliefs()),
        "experiments": experiment_data(view.experiments()),
        "suggestions_waiting": experiment_data(view.suggestions()),
        "relationship_map": None
        if people is None
        else {"shared_with_coach": True, "people": [row(person) for person in people]},
        "relationship_map_snapshots": None if snapshots is None else snapshot_data(snapshots),
        "integration_reviews": review_data(view.reviews()),
        "safety_flags": flag_data(view.safety_flags()),
        "guided_path": path_data(view.path()),
        "guided_path_given_by_you": view.path_given_by_me(),
    }


def path_data(state: PathState | None) -> dict[str, Any] | None:
    """Where the person is on the guided path: the walk, and each step's status with dates
    (what was done lives in the records the other keys hold)."""
    if state is None or state.progress is None:
        return None
    progress = state.progress
    return {
        "started_at": _plain(progress.started_at),
        "walk": progress.walk,
        "walk_started_at": _plain(progress.walk_started_at),
        "shared_with_coach": progress.shared_with_coach,
        "suggested_step": progress.suggested_step,
        "next_step": state.next.step.id if state.next else None,
        "steps": [
            {
                "id": s.step.id,
                "title": s.step.title,
                "status": s.status.value,
                "done_at": _plain(s.evidence.at) if s.evidence else None,
                "started_at": _plain(s.mark.started_at) if s.mark else None,
                "skipped_at": _plain(s.mark.skipped_at) if s.mark else None,
                "revisited_at": _plain(s.mark.revisited_at) if s.mark else None,
            }
            for s in state.steps
        ],
    }


# Export key -> the ClientView read behind it.
COACH_EXPORT_READS = {
    "assessments": "assessments",
    "check_ins": "pulses",
    "journal_entries": "all_entries",
    "values": "values",
    "beliefs": "beliefs",
    "experiments": "experiments",
    "suggestions_waiting": "suggestions",
    "relationship_map": "map",
    "relationship_map_snapshots": "snapshots",
    "integration_reviews": "reviews",
    "safety_flags": "safety_flags",
    "guided_path": "path",
    "guided_path_given_by_you": "path_given_by_me",
}


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


def coach_own_export(coach: User) -> dict[str, Any]:
    """What a coach wrote themselves: session notes and plans (with the client's id and name
    while they are a client, "former client" once that person deleted their account) and
    their own role-play scenarios. Nothing a client wrote."""

    def about(client: User | None) -> dict[str, Any]:
        if client is None:
            return {"client": "former client"}
        return {"client": client.name, "client_id": client.pk}

    return {
        **_header(coach, "what you wrote as a coach"),
        "session_notes": [
            {**row(note, skip={"coach", "client"}), **about(note.client)}
            for note in SessionNote.objects.filter(coach=coach)
            .select_related("client")
            .order_by("id")
        ],
        "session_plans": [
            {**row(plan, skip={"coach", "client"}), **about(plan.client)}
            for plan in SessionPlan.objects.filter(coach=coach)
            .select_related("client")
            .order_by("id")
        ],
        "scenarios": [
            row(scenario, skip={"coach"})
            for scenario in CoachScenario.objects.filter(coach=coach).order_by("id")
        ],
    }
