"""The journal: private by default, shared one entry at a time; text encrypted at rest."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from interplay.web.crypto import EncryptedJSONField, EncryptedTextField
from interplay.web.labels import first_words

# How many words of an entry the journal list shows.
EXCERPT_WORDS = 24


def listing_of(title: str, body: str) -> dict[str, str]:
    """What the journal list shows of an entry: its title and the first words of its body.
    Kept beside the entry (encrypted, like the text) so the list decrypts one short value a
    row instead of the title and the whole body."""
    return {"title": title, "excerpt": first_words(body, EXCERPT_WORDS)}


class Entry(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = EncryptedTextField(blank=True, default="")
    body = EncryptedTextField()
    # The question-bank id of the prompt this entry answers, if any.
    prompt_id = models.CharField(max_length=40, blank=True, default="")
    shared_with_coach = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    # `listing_of(title, body)`, worked out on every save that may change the text; `{}` for a
    # row written around `save()` (a bulk load), which the list then reads from the text.
    listing = EncryptedJSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "entries"
        indexes = [
            # The owner's journal, newest first; and a coach's reads (the dashboard's latest
            # shared entry, the client page's timeline) over shared entries only.
            models.Index(fields=["owner", "-created_at", "-id"], name="entry_owner_recent"),
            models.Index(
                fields=["owner", "-created_at", "-id"],
                condition=Q(shared_with_coach=True),
                name="entry_shared_recent",
            ),
        ]

    def __str__(self) -> str:
        return f"journal entry {self.pk}"  # never the text

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The listing follows the text, so no write path can leave the list showing old words.
        fields: Iterable[str] | None = kwargs.get("update_fields")
        if fields is None or {"title", "body"} & set(fields):
            self.listing = listing_of(self.title, self.body)
            if fields is not None:
                kwargs["update_fields"] = {*fields, "listing"}
        super().save(*args, **kwargs)


class Draft(models.Model):
    """Autosaved text of an entry being written: one per person and entry (or new entry)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_drafts"
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, null=True, blank=True)
    title = EncryptedTextField(blank=True, default="")
    body = EncryptedTextField(blank=True, default="")
    prompt_id = models.CharField(max_length=40, blank=True, default="")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "entry"], name="one_draft_per_entry"),
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(entry__isnull=True),
                name="one_new_entry_draft_per_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"draft {self.pk}"


class EntryAnalysis(models.Model):
    """What the language analyses found in a journal entry, stored beside it.

    Theme names and scores are kept in plain JSON so entries can be counted in SQL; anything
    that points into the text (evidence spans) and the safety screen's verdict are encrypted,
    like the entry itself. Each row records the engine versions that produced it, so a newer
    engine's worker can redo it (`interplay manage reanalyse_journal`, or the
    `reanalyse_journal` task). The table keeps the name it had in the former `insights` app."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="analysis")
    themes_version = models.CharField(max_length=60)
    safety_version = models.CharField(max_length=60)
    # [{"theme": "porous_boundaries", "score": 0.8}, ...], strongest first; no spans here.
    themes = EncryptedJSONField(default=list)
    # JSON: {"evidence": {theme: [[start, end], ...]}, "risk": "none", "risk_evidence": [...]}
    sealed = EncryptedTextField(default="")
    analysed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "insights_entryanalysis"
        verbose_name_plural = "entry analyses"

    def __str__(self) -> str:
        return f"analysis of journal entry {self.entry_id}"  # never the findings


class DeviceDraftKey(models.Model):
    """The key that seals this person's device copies of unsaved text (see device_keys.py):
    made at sign-in, deleted at sign-out, stored encrypted like everything else."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="device_draft_key"
    )
    key = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"device draft key of user {self.owner_id}"  # never the key
