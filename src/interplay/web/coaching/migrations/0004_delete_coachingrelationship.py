"""CoachingRelationship now lives in `accounts` (same table): drop only Django's record of it here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0003_delete_auditevent"),
        ("accounts", "0002_coachingrelationship"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CoachingRelationship")],
            database_operations=[],
        ),
    ]
