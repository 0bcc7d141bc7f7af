"""Copy the three former audit logs into the one `AuditEvent`: coach reads (coaching), safety
steps (safety) and own-data exports (exports). Their tables are dropped by those apps' next
migrations, which depend on this one."""

from django.db import migrations

BATCH = 2000


def copy(apps, schema_editor):  # type: ignore[no-untyped-def]
    event = apps.get_model("kernel", "AuditEvent")
    rows = []
    for read in apps.get_model("coaching", "AuditEvent").objects.all().iterator():
        rows.append(
            event(
                kind="coach_read",
                actor_id=read.coach_id,
                client_id=read.client_id,
                what=read.what,
                object_id=read.object_id,
                at=read.at,
            )
        )
    for step in apps.get_model("safety", "SafetyAuditEvent").objects.all().iterator():
        rows.append(
            event(
                kind=step.what,
                actor_id=step.actor_id,
                client_id=step.client_id,
                object_id=step.flag_id,
                at=step.at,
            )
        )
    for export in apps.get_model("exports", "ExportEvent").objects.all().iterator():
        rows.append(
            event(
                kind="own_export",
                actor_id=export.user_id,
                client_id=export.user_id,
                what=export.channel,
                at=export.at,
            )
        )
    event.objects.bulk_create(rows, batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("kernel", "0001_initial"),
        ("coaching", "0002_session_notes_and_plans"),
        ("safety", "0001_initial"),
        ("exports", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
