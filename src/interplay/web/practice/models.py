"""Experiments, statement drafts, role-play runs and coaches' own scenarios.

Everything a client writes here (plans, fears, reflections, drafts, role-play replies) is
encrypted at rest. Experiments are private until the client shares one; a coach's suggestion
is an experiment the client has not accepted yet, and counts for nothing until they do.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from interplay.core.vocabulary import ExperimentStatus
from interplay.web.crypto import EncryptedJSONField, EncryptedTextField
from interplay.web.labels.practice import (
    DIRECTIONS,
    OUTCOMES,
    STAKES,
    STATUSES,
    TECHNIQUES,
    choices,
)


class Experiment(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experiments"
    )
    # The plan.
    title = EncryptedTextField()
    technique = models.CharField(max_length=30, choices=choices(TECHNIQUES))
    direction = models.CharField(max_length=30, choices=choices(DIRECTIONS))
    stakes = models.CharField(max_length=10, choices=choices(STAKES))
    what = EncryptedTextField()
    who_with = EncryptedTextField(blank=True, default="")
    person = models.ForeignKey(
        "relationships.MapPerson", on_delete=models.SET_NULL, null=True, blank=True
    )
    when = EncryptedTextField(blank=True, default="")
    # The day the person means to try it, if they chose one: the follow-up falls due then
    # (core/schedule.py). A plain date, so the reminder planner can find it without decrypting.
    planned_for = models.DateField(null=True, blank=True)
    feared_outcome = EncryptedTextField(blank=True, default="")
    anxiety_predicted = models.PositiveSmallIntegerField(null=True, blank=True)
    statement_draft = EncryptedTextField(blank=True, default="")
    value = models.ForeignKey(
        "values.PersonalValue", on_delete=models.SET_NULL, null=True, blank=True
    )
    belief = models.ForeignKey(
        "values.Belief",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiments",
    )
    library_id = models.CharField(max_length=40, blank=True, default="")
    # Where it stands.
    status = models.CharField(
        max_length=12, choices=choices(STATUSES), default=ExperimentStatus.PLANNED
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggested_experiments",
    )
    accepted = models.BooleanField(default=True)  # False while a coach's suggestion waits
    # The reflection (only when done).
    what_happened = EncryptedTextField(blank=True, default="")
    anxiety_during = models.PositiveSmallIntegerField(null=True, blank=True)
    feared_outcome_happened = models.CharField(
        max_length=8, choices=choices(OUTCOMES), blank=True, default=""
    )
    how_it_felt = EncryptedTextField(blank=True, default="")
    what_worked = EncryptedTextField(blank=True, default="")
    what_to_change = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField(blank=True, default="")  # why it was set aside, if it was
    shared_with_coach = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"experiment {self.pk}"

    @property
    def reflected(self) -> bool:
        return self.status == ExperimentStatus.DONE and self.anxiety_during is not None


class StatementDraft(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statement_drafts"
    )
    text = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"statement draft {self.pk}"


class CoachScenario(models.Model):
    """A scenario a coach wrote, in the shape `parse_scenario` reads; offered to all of the
    coach's current clients once `offered` is set."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="own_scenarios"
    )
    scenario_id = models.CharField(max_length=60)
    data = EncryptedJSONField()
    offered = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["coach", "scenario_id"], name="one_scenario_id_per_coach"
            )
        ]

    def __str__(self) -> str:
        return f"scenario {self.scenario_id}"


class RolePlay(models.Model):
    """One rehearsal. The engine is deterministic, so the replies and their analyses are
    enough to rebuild it (`interplay.core.roleplay.replay`)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_plays"
    )
    scenario_id = models.CharField(max_length=60, blank=True, default="")  # a shipped one
    coach_scenario = models.ForeignKey(
        CoachScenario, on_delete=models.SET_NULL, null=True, blank=True
    )
    # A copy of the scenario as it was when the run began, so a coach editing it later
    # cannot change a rehearsal already played.
    scenario_data = EncryptedJSONField()
    stopped = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"role-play {self.pk}"


class RolePlayReply(models.Model):
    role_play = models.ForeignKey(RolePlay, on_delete=models.CASCADE, related_name="replies")
    number = models.PositiveSmallIntegerField()
    text = EncryptedTextField()
    analysis_json = EncryptedTextField()  # the statement coach's analysis (it quotes the text)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["role_play", "number"], name="one_reply_per_turn")
        ]

    def __str__(self) -> str:
        return f"reply {self.number} of role-play {self.role_play_id}"
