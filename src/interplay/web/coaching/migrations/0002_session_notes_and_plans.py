"""SessionNote and SessionPlan move from the former `coachdesk` app into `coaching`, keeping
their tables (and index names).

On a database where `coachdesk` created the tables, only Django's record of the models moves; on
a fresh database the tables are created here."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import interplay.web.crypto

TABLES = {"SessionNote": "coachdesk_sessionnote", "SessionPlan": "coachdesk_sessionplan"}


def create_tables_if_missing(apps, schema_editor):  # type: ignore[no-untyped-def]
    existing = set(schema_editor.connection.introspection.table_names())
    for model, table in TABLES.items():
        if table not in existing:
            schema_editor.create_model(apps.get_model("coaching", model))


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("coaching", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SessionNote",
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
                        ("body", interplay.web.crypto.EncryptedTextField()),
                        (
                            "follow_up",
                            interplay.web.crypto.EncryptedTextField(blank=True, default=""),
                        ),
                        ("follow_up_open", models.BooleanField(default=False)),
                        (
                            "created_at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                        ("updated_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="session_notes_about",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "coach",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="session_notes_written",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created_at", "-id"],
                        "db_table": "coachdesk_sessionnote",
                        "indexes": [
                            models.Index(
                                fields=["coach", "client", "-created_at"],
                                name="coachdesk_s_coach_i_417ef3_idx",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SessionPlan",
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
                        ("session_date", models.DateField(blank=True, null=True)),
                        ("agenda", interplay.web.crypto.EncryptedTextField()),
                        (
                            "created_at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                        ("updated_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="session_plans_about",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "coach",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="session_plans_written",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created_at", "-id"],
                        "db_table": "coachdesk_sessionplan",
                        "indexes": [
                            models.Index(
                                fields=["coach", "client", "session_date"],
                                name="coachdesk_s_coach_i_7f72ba_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(create_tables_if_missing, migrations.RunPython.noop),
    ]
