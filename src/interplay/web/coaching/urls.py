from django.urls import path

from interplay.web.coaching import views

app_name = "coaching"
urlpatterns = [
    path("coach/", views.coach_home, name="coach_home"),
    path("coach/clients/<int:client_id>/", views.client_overview, name="client_overview"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
