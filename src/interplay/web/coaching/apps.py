from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.coaching"
    label = "coaching"
    default_auto_field = "django.db.models.BigAutoField"
