from typing import Any

from django.db import migrations

import interplay.web.crypto
from interplay.web.journal.models import listing_of

BATCH = 2000


def fill_listings(apps: Any, schema_editor: Any) -> None:
    """Work out the listing of every entry written before this migration, a batch at a time
    (the historical model's encrypted fields decrypt and encrypt as the live ones do)."""
    entry = apps.get_model("journal", "Entry")
    alias = schema_editor.connection.alias
    rows = entry.objects.using(alias).only("id", "title", "body").order_by("id")
    batch = []
    for found in rows.iterator(chunk_size=BATCH):
        found.listing = listing_of(found.title, found.body)
        batch.append(found)
        if len(batch) == BATCH:
            entry.objects.using(alias).bulk_update(batch, ["listing"])
            batch = []
    if batch:
        entry.objects.using(alias).bulk_update(batch, ["listing"])


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0005_encrypt_what_reveals_a_person"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="listing",
            field=interplay.web.crypto.EncryptedJSONField(blank=True, default=dict),
        ),
        # Unapplied, the column goes with its values: nothing to undo first.
        migrations.RunPython(fill_listings, migrations.RunPython.noop),
    ]
