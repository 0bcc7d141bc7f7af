"""Writes for safety: the client's plan, their consent, and flags for their coach.

A flag goes to the client's current coach only when the client said yes (`SafetyConsent`,
default no). It holds the kind of risk and the date; the entry, its words and the evidence
never leave the client's side. While a flag of the same kind is still waiting for the coach, no
second one is raised, so a hard week does not become a pile of alarms."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.core.vocabulary import SafetyRisk
from interplay.web.accounts.coaches import current_coach
from interplay.web.accounts.models import User
from interplay.web.kernel.audit import Audit, record
from interplay.web.kernel.compiled import compiled_instances
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.models import AuditKind
from interplay.web.safety.models import SafetyConsent, SafetyFlag, SafetyPlan

PLAN_FIELDS = ("warning_signs", "what_helps", "people", "safe_places", "professionals")
MAX_FIELD = 5_000


def _audit(
    actor: User | None, client: User, kind: AuditKind, flag: SafetyFlag | None = None
) -> None:
    record(
        Audit(
            kind,
            client_id=client.pk,
            actor_id=actor.pk if actor else None,
            object_id=flag.pk if flag else None,
        )
    )


def plan_for(owner: User) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(owner=owner).first()


def do_save_safety_plan(fields: dict[str, str], *, actor: User) -> SafetyPlan:
    if not actor.is_client:
        raise ActionError(_("Only clients keep a safety plan here."))
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise ActionError(_("Unknown part of the plan: %(names)s") % {"names": sorted(unknown)})
    if any(len(value) > MAX_FIELD for value in fields.values()):
        raise ActionError(_("Please keep each part of the plan under 5,000 characters."))
    with transaction.atomic():
        plan, _created = SafetyPlan.objects.select_for_update().get_or_create(owner=actor)
        for name, value in fields.items():
            setattr(plan, name, value.strip())
        plan.updated_at = timezone.now()
        plan.save()
        _audit(actor, actor, AuditKind.SAFETY_PLAN_SAVED)
    return plan


def tells_coach(client: User) -> bool:
    return SafetyConsent.objects.filter(client=client, tell_coach=True).exists()


def do_set_safety_consent(tell_coach: bool, *, actor: User) -> SafetyConsent:
    if not actor.is_client:
        raise ActionError(_("Only clients choose this."))
    with transaction.atomic():
        consent, _created = SafetyConsent.objects.get_or_create(client=actor)
        consent.tell_coach = tell_coach
        consent.changed_at = timezone.now()
        consent.save()
        _audit(
            actor,
            actor,
            AuditKind.SAFETY_CONSENT_ON if tell_coach else AuditKind.SAFETY_CONSENT_OFF,
        )
    return consent


def do_raise_safety_flag(client: User, risk: SafetyRisk) -> SafetyFlag | None:
    """Tell the client's coach, if the client agreed to it; returns the flag or None."""
    if risk is SafetyRisk.NONE or not tells_coach(client):
        return None
    coach = current_coach(client)
    if coach is None:
        return None
    with transaction.atomic():
        # The kind is encrypted, so it is compared in Python over the few waiting flags.
        waiting = any(
            flag.kind == risk.value
            for flag in SafetyFlag.objects.select_for_update().filter(
                client=client, coach=coach, acknowledged_at__isnull=True
            )
        )
        if waiting:
            return None
        flag = SafetyFlag.objects.create(client=client, coach=coach, kind=risk.value)
        _audit(None, client, AuditKind.FLAG_RAISED, flag)
    return flag


def open_flags_for_coach(coach: User) -> list[SafetyFlag]:
    """Flags waiting for this coach's acknowledgement, from current clients only, each with
    its client. The coach's home asks on every visit and there is usually none: the lookup's
    SQL is compiled once (kernel.compiled), and the clients are read only when there are
    flags."""
    flags: list[SafetyFlag] = compiled_instances(
        ("safety", "open flags for coach"),
        lambda v: SafetyFlag.objects.filter(
            coach_id=v["coach"],
            acknowledged_at__isnull=True,
            client__coaching__coach_id=v["coach"],
            client__coaching__ended_at__isnull=True,
        ),
        {"coach": "int"},
        {"coach": coach.pk},
    )
    if flags:
        clients = User.objects.in_bulk({flag.client_id for flag in flags})
        for flag in flags:
            flag.client = clients[flag.client_id]
    return flags


def do_acknowledge_flag(flag: SafetyFlag, *, actor: User) -> SafetyFlag:
    if flag.coach_id != actor.pk:
        raise ActionError(_("This flag is not yours to acknowledge."))
    if flag.acknowledged_at is None:
        flag.acknowledged_at = timezone.now()
        flag.save(update_fields=["acknowledged_at"])
        _audit(actor, flag.client, AuditKind.FLAG_ACKNOWLEDGED, flag)
    return flag


def flags_about(client: User) -> list[SafetyFlag]:
    """What the client can see of flags raised about them: dates and kinds."""
    return list(SafetyFlag.objects.filter(client=client)[:20])
