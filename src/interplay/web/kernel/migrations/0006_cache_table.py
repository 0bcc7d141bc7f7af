"""The database cache's table (settings.CACHES without REDIS_URL), so every web process shares
allauth's rate limits and the API's counters. `createcachetable` does nothing when the cache is
not in the database, or when the table is already there."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):  # type: ignore[no-untyped-def]
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("kernel", "0005_submitted_form")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
