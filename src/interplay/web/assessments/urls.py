from django.urls import path

from interplay.web.assessments import views

app_name = "assessments"
urlpatterns = [
    path("assessment/", views.start, name="start"),
    path("assessment/<int:pk>/page/<int:page>/", views.page, name="page"),
    path("assessment/<int:pk>/answer/", views.answer, name="answer"),
    path("assessment/<int:pk>/finish/", views.finish, name="finish"),
    path("profile/", views.profile_latest, name="profile_latest"),
    path("profile/<int:pk>/", views.profile, name="profile"),
    path("profile/<int:pk>/sharing/", views.sharing, name="sharing"),
    path("check-in/", views.pulse, name="pulse"),
]
