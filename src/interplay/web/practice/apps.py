from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.practice"
    label = "practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Name this app's coach reads in the client's own list of who opened their data.
        from django.utils.translation import gettext_lazy as _

        from interplay.web.coaching.models import AuditEvent

        AuditEvent.WHAT.setdefault(
            "practice", _("your shared practice: values, beliefs, experiments and map")
        )
