from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.health"
    label = "health"
    default_auto_field = "django.db.models.BigAutoField"
