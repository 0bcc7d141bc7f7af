from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.assessments"
    label = "assessments"
    default_auto_field = "django.db.models.BigAutoField"
