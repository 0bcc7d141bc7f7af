from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.journal"
    label = "journal"
    default_auto_field = "django.db.models.BigAutoField"
