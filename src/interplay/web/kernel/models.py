"""The one audit log: every coach read of a client's data, every safety step and every export
of a person's own data is an `AuditEvent` of some `AuditKind`, written by `kernel.audit.record`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interplay.web.crypto import EncryptedTextField


class AuditKind(models.TextChoices):
    COACH_READ = "coach_read", _("your coach opened something of yours")
    OWN_EXPORT = "own_export", _("a download of your own data")
    SAFETY_CONSENT_ON = "consent_on", _("agreed that their coach is told")
    SAFETY_CONSENT_OFF = "consent_off", _("chose that their coach is not told")
    SAFETY_PLAN_SAVED = "plan_saved", _("saved their safety plan")
    FLAG_RAISED = "flag_raised", _("a flag was raised for the coach")
    FLAG_SEEN = "flag_seen", _("the coach saw a flag")
    FLAG_ACKNOWLEDGED = "flag_acknowledged", _("the coach acknowledged a flag")
    # How every step above from consent on is stored: the plain column says only "a safety
    # step", the step itself is in `sealed_kind`, encrypted (see SEALED_KINDS).
    SAFETY = "safety", _("a safety step")


# Safety steps reveal a person (that a flag was raised about them, and when): their kind is
# stored encrypted, and the plain `kind` column holds SAFETY for all of them alike.
SEALED_KINDS = frozenset(
    {
        AuditKind.SAFETY_CONSENT_ON,
        AuditKind.SAFETY_CONSENT_OFF,
        AuditKind.SAFETY_PLAN_SAVED,
        AuditKind.FLAG_RAISED,
        AuditKind.FLAG_SEEN,
        AuditKind.FLAG_ACKNOWLEDGED,
    }
)


# What a coach read (`what` of a COACH_READ), in the words the client sees on their Account page.
COACH_READS = {
    "overview": _("your overview"),
    "client page": _("everything you share"),  # the client page before it had sections
    "client profile": _("your latest shared profile"),
    "client history": _("how your shared profile has moved"),
    "shared journal": _("your shared journal entries"),
    "notes and plans": _("their notes and plans about your sessions"),
    "dashboard": _("your line on their list of clients"),
    "assessment": _("an assessment"),
    "journal entry": _("a shared journal entry"),
    "practice": _("your shared practice: values, beliefs, experiments and map"),
    "session planner": _("what you share, to plan a session"),
    "session plan": _("a session plan about you"),
    "note": _("their notes about your sessions"),
    "add note": _("their notes about your sessions"),
    "shared data export": _("a download of everything you share"),
    # Reads through the JSON API (with a coach's token), named so the client can tell.
    "api: client list": _("your line on their list of clients, through their API token"),
    "api: client": _("the assessments you share, through their API token"),
    "api: journal": _("your shared journal entries, through their API token"),
}
# How an own-data export was made (`what` of an OWN_EXPORT).
WEB, COMMAND_LINE = "web", "command line"
EXPORT_CHANNELS = {WEB: _("web"), COMMAND_LINE: _("command line")}


class AuditEvent(models.Model):
    kind = models.CharField(max_length=30, choices=AuditKind.choices)
    # Who did it: the coach for a read or a flag seen, the person for their own steps, nobody
    # (None) for the system raising a flag.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        # A coach who closes their practice leaves the clients' record of what was read
        # (shown as "a former coach"), not a pointer to the deleted account.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_acts",
    )
    # Whose data it concerns.
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="audit_events",
        # The index below starts with the client and serves every lookup by client (a
        # client's reads, deleting an account); a second index of its own would only be
        # written: every coach page writes audit rows, the dashboard one per client shown.
        db_index=False,
    )
    what = models.CharField(max_length=60, blank=True, default="")
    sealed_kind = EncryptedTextField(blank=True, default="")  # the step, for SAFETY rows
    object_id = models.BigIntegerField(null=True, blank=True)  # the assessment, entry, flag ...
    # Not indexed alone: every read of the log is by client (the index below) or by coach
    # (`actor`), and an index only on the time would cost each write and serve no read.
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["client", "kind", "-at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.what} about client {self.client_id}"

    @property
    def step(self) -> AuditKind:
        """What happened, read through the encryption for safety steps."""
        return AuditKind(self.sealed_kind if self.kind == AuditKind.SAFETY else self.kind)

    def get_what_display(self) -> str:
        if self.kind == AuditKind.SAFETY:
            return str(self.step.label)
        if self.kind == AuditKind.COACH_READ:
            return str(COACH_READS.get(self.what, self.what))
        if self.kind == AuditKind.OWN_EXPORT:
            return str(EXPORT_CHANNELS.get(self.what, self.what))
        return str(self.get_kind_display())


class SubmittedForm(models.Model):
    """A create form's key, claimed by its first POST (kernel/idempotency.py); kept a day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submitted_forms"
    )
    key = models.CharField(max_length=64)
    location = models.CharField(max_length=500, blank=True, default="")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_use_per_key")]

    def __str__(self) -> str:
        return f"form {self.key} of user {self.user_id}"
