from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.practice"
    label = "practice"
    default_auto_field = "django.db.models.BigAutoField"
