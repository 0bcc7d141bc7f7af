from django.urls import path

from interplay.web.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.progress, name="mine"),
]
