from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.values"
    label = "values"
    default_auto_field = "django.db.models.BigAutoField"
