"""Re-encrypt every encrypted field with the first key in INTERPLAY_ENCRYPTION_KEYS.

Rotate a key by putting the new one first (keeping the old one after it), running this, then
removing the old key."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from interplay.web.crypto import EncryptedTextField


class Command(BaseCommand):
    help = "Re-encrypt all sensitive text under the first encryption key."

    def handle(self, *args: object, **options: object) -> None:
        for model in apps.get_models():
            names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
            if not names:
                continue
            count = 0
            with transaction.atomic():
                for row in model._default_manager.all().iterator():
                    row.save(update_fields=names)  # decrypted on load, encrypted on save
                    count += 1
            self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
