from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.kernel"
    label = "kernel"
    default_auto_field = "django.db.models.BigAutoField"
