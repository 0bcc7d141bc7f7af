from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _queue_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    """A new language engine arrives with an upgrade, and an upgrade runs `migrate`: queue the
    stale analyses for the worker then, so pages never have to recompute them."""
    from interplay.web.journal.analysis import queue_reanalysis

    queue_reanalysis()


class Config(AppConfig):
    name = "interplay.web.journal"
    label = "journal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_queue_after_migrate, sender=self)
        from interplay.web.journal import device_keys  # noqa: F401 - connects its signals
