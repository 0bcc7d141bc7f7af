"""EntryAnalysis moves from the former `insights` app into `journal`, keeping its table.

On a database where `insights` created the table, only Django's record of the model moves; on
a fresh database the table is created here."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import interplay.web.crypto

TABLE = "insights_entryanalysis"


def create_table_if_missing(apps, schema_editor):  # type: ignore[no-untyped-def]
    if TABLE not in schema_editor.connection.introspection.table_names():
        schema_editor.create_model(apps.get_model("journal", "EntryAnalysis"))


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EntryAnalysis",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("themes_version", models.CharField(max_length=60)),
                        ("safety_version", models.CharField(max_length=60)),
                        ("themes", models.JSONField(default=list)),
                        ("sealed", interplay.web.crypto.EncryptedTextField(default="")),
                        ("analysed_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "entry",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="analysis",
                                to="journal.entry",
                            ),
                        ),
                    ],
                    options={
                        "db_table": TABLE,
                        "verbose_name_plural": "entry analyses",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(create_table_if_missing, migrations.RunPython.noop),
    ]
