from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.coachdesk"
    label = "coachdesk"
    default_auto_field = "django.db.models.BigAutoField"
