"""A client's own safety plan, their choice about telling their coach, and the flags a coach
gets when they chose yes.

The plan is the client's alone: encrypted, never shown to a coach. A flag carries a date and a
kind (which risk the screen saw), never the words that raised it or where they were written.
Every step (consent given or withdrawn, plan saved, flag raised, seen and acknowledged) leaves
an audit row (`kernel.AuditEvent`, one kind per step)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interplay.core.vocabulary import SafetyRisk
from interplay.web.crypto import EncryptedTextField

FLAG_KINDS = [
    (SafetyRisk.SELF_HARM.value, _("Possible risk to themselves")),
    (SafetyRisk.HARM_FROM_OTHERS.value, _("Possible risk from someone else")),
]


class SafetyPlan(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = EncryptedTextField(blank=True, default="")
    what_helps = EncryptedTextField(blank=True, default="")
    people = EncryptedTextField(blank=True, default="")
    safe_places = EncryptedTextField(blank=True, default="")
    professionals = EncryptedTextField(blank=True, default="")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"safety plan of user {self.owner_id}"

    @property
    def is_empty(self) -> bool:
        return not any(
            getattr(self, name).strip()
            for name in ("warning_signs", "what_helps", "people", "safe_places", "professionals")
        )


class SafetyConsent(models.Model):
    """Whether the client wants their coach told when the screen sees a risk. Default: no."""

    client = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_consent"
    )
    tell_coach = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"safety consent of user {self.client_id}: {self.tell_coach}"


class SafetyFlag(models.Model):
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_flags"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_flags_received"
    )
    # Encrypted: the kind of risk is the most revealing fact here. The row itself (client,
    # coach, times) stays plain so the coach's list can find it.
    kind = EncryptedTextField(choices=FLAG_KINDS)
    raised_at = models.DateTimeField(default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]

    def __str__(self) -> str:
        return f"safety flag {self.pk} for coach {self.coach_id}"
