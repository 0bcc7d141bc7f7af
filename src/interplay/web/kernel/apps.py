from django.apps import AppConfig
from django.core import checks


class Config(AppConfig):
    name = "interplay.web.kernel"
    label = "kernel"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from interplay.web.kernel import idle, log_redaction  # noqa: F401 - idle connects its receiver
        from interplay.web.key_check import check_encryption_keys

        log_redaction.install()

        # Not tagged `database`: `manage check` must fail on unreadable data without being
        # asked to look at the database.
        checks.register(check_encryption_keys, "interplay_keys")
