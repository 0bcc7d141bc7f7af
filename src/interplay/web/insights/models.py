"""What the language analyses found in a journal entry, stored beside it.

Theme names and scores are kept in plain JSON so entries can be counted in SQL; anything that
points into the text (evidence spans) and the safety screen's verdict are encrypted, like the
entry itself. Each row records the engine versions that produced it, so a newer engine can
recompute it (lazily on read, or all at once with `interplay manage reanalyse_journal`)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from interplay.web.crypto import EncryptedTextField
from interplay.web.journal.models import Entry


class EntryAnalysis(models.Model):
    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="analysis")
    themes_version = models.CharField(max_length=60)
    safety_version = models.CharField(max_length=60)
    # [{"theme": "porous_boundaries", "score": 0.8}, ...], strongest first; no spans here.
    themes = models.JSONField(default=list)
    # JSON: {"evidence": {theme: [[start, end], ...]}, "risk": "none", "risk_evidence": [...]}
    sealed = EncryptedTextField(default="")
    analysed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "entry analyses"

    def __str__(self) -> str:
        return f"analysis of journal entry {self.entry_id}"  # never the findings
