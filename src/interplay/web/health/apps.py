from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def _create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """The database cache's table (the request counters every web process shares when there is
    no Redis), made with each `migrate`: Django keeps it outside the migrations. Nothing is done
    when the cache is Redis or the table is there."""
    call_command("createcachetable", database=using, verbosity=0)


class Config(AppConfig):
    name = "interplay.web.health"
    label = "health"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_create_cache_table, sender=self)
