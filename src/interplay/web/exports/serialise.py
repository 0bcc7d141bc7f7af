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
from interplay.web.journal.models import Entry
from interplay.web.practice.models import Experiment, RolePlay, StatementDraft
from interplay.web.relationships.models import MapPerson, MapSharing, MapSnapshot
from interplay.web.safety.models import SafetyPlan
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
        data = row(entry)
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
        "snapshots": [
            {**row(snapshot, skip={"people_json"}), "people": json.loads(snapshot.people_json)}
            for snapshot in snapshots
        ],
    }


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
    }


def coach_export(client: User) -> dict[str, Any]:
    """What the client shared with their coach, and nothing else. Call only with a client
    returned by `access_client_for_coach`."""
    return {
        **_header(client, "shared with their coach"),
        "assessments": assessment_data(
            Assessment.objects.filter(
                user=client, completed_at__isnull=False, shared_with_coach=True
            ).order_by("id")
        ),
        "check_ins": pulse_data(
            PulseCheck.objects.filter(user=client, shared_with_coach=True).order_by("id")
        ),
        "journal_entries": entry_data(
            Entry.objects.filter(owner=client, shared_with_coach=True)
            .select_related("analysis")
            .order_by("id")
        ),
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
