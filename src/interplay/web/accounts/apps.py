from django.apps import AppConfig


class Config(AppConfig):
    name = "interplay.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from interplay.web.accounts import session_ends, sign_in_log  # noqa: F401 - receivers
