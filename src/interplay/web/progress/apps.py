from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.progress"
    label = "progress"
    default_auto_field = "django.db.models.BigAutoField"
