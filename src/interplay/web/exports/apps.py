from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.exports"
    label = "exports"
    default_auto_field = "django.db.models.BigAutoField"
