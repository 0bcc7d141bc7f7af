from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.schedule"
    label = "schedule"
    default_auto_field = "django.db.models.BigAutoField"
