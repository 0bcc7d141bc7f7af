"""The headline stage columns follow `core.standing.stage_words`, so the dashboard names the
same stage as the profile page (which agrees with the map region). Stored profiles are not
changed; only the two copied columns are worked out again."""

from django.db import migrations

from interplay.core.standing import stage_words


def restate_stages(apps, schema_editor):  # type: ignore[no-untyped-def]
    assessment = apps.get_model("assessments", "Assessment")
    batch = []
    for row in assessment.objects.filter(completed_at__isnull=False).iterator(chunk_size=500):
        profile = row.profile or {}
        words = stage_words(profile.get("stage"), (profile.get("balance") or {}).get("pattern"))
        stage = words.primary.value if words.primary else ""
        if (row.stage, row.stage_mixed) != (stage, words.mixed):
            row.stage, row.stage_mixed = stage, words.mixed
            batch.append(row)
        if len(batch) == 500:
            assessment.objects.bulk_update(batch, ["stage", "stage_mixed"])
            batch = []
    assessment.objects.bulk_update(batch, ["stage", "stage_mixed"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_encrypt_what_reveals_a_person"),
    ]

    operations = [
        migrations.RunPython(restate_stages, migrations.RunPython.noop),
    ]
