from typing import Any

from django.db import migrations, models

BATCH = 2000


def copy_balance(apps: Any, schema_editor: Any) -> None:
    """Copy the two balance scores out of every check-in stored before this migration (the
    historical model has no `copy_headline`: the same rule, written here)."""
    pulse = apps.get_model("assessments", "PulseCheck")
    alias = schema_editor.connection.alias
    batch = []
    for found in pulse.objects.using(alias).only("id", "result").order_by("id").iterator(BATCH):
        result = found.result or {}
        found.autonomy = _score(result.get("autonomy"))
        found.connection = _score(result.get("connection"))
        batch.append(found)
        if len(batch) == BATCH:
            pulse.objects.using(alias).bulk_update(batch, ["autonomy", "connection"])
            batch = []
    if batch:
        pulse.objects.using(alias).bulk_update(batch, ["autonomy", "connection"])


def _score(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_stage_agrees_with_region"),
    ]

    operations = [
        migrations.AddField(
            model_name="pulsecheck",
            name="autonomy",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="pulsecheck",
            name="connection",
            field=models.FloatField(blank=True, null=True),
        ),
        # Unapplied, the columns go with their values: nothing to undo first.
        migrations.RunPython(copy_balance, migrations.RunPython.noop),
    ]
