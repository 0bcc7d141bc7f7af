from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.insights"
    label = "insights"
    default_auto_field = "django.db.models.BigAutoField"
