from django.urls import path

from interplay.web.safety import views

app_name = "safety"
urlpatterns = [
    path("", views.support, name="support"),
    path("plan/", views.plan, name="plan"),
    path("coach/", views.consent, name="consent"),
    path("flags/<int:flag_id>/acknowledge/", views.acknowledge, name="acknowledge"),
]
