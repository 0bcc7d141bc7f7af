from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.path"
    label = "path"
    default_auto_field = "django.db.models.BigAutoField"
