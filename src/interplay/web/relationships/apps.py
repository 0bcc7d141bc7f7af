from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.relationships"
    label = "relationships"
    default_auto_field = "django.db.models.BigAutoField"
