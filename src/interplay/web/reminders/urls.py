from django.urls import path

from interplay.web.reminders import views

app_name = "reminders"
urlpatterns = [
    path("account/reminders/", views.reminder_settings, name="settings"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
