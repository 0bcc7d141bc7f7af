"""`record()`: the one way anything is written to the audit log.

A row is described first (`Audit`), then written: a view that was granted access to a client
builds the rows its page implies (the read, the safety flags it showed for the first time) and
records them with one `record()` call, one INSERT."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from interplay.web.kernel.models import SEALED_KINDS, AuditEvent, AuditKind


@dataclass(frozen=True)
class Audit:
    kind: AuditKind
    client_id: int
    actor_id: int | None = None
    what: str = ""
    object_id: int | None = None


def record(*rows: Audit) -> None:
    """Write these audit rows, all with the same time, in one query."""
    if not rows:
        return
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                kind=AuditKind.SAFETY if row.kind in SEALED_KINDS else row.kind,
                sealed_kind=row.kind.value if row.kind in SEALED_KINDS else "",
                client_id=row.client_id,
                actor_id=row.actor_id,
                what=row.what,
                object_id=row.object_id,
                at=now,
            )
            for row in rows
        ]
    )
