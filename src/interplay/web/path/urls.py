from django.urls import path

from interplay.web.path import views

app_name = "path"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("begin/", views.begin, name="begin"),
    path("again/", views.walk_again, name="again"),
    path("sharing/", views.sharing, name="sharing"),
    path("<slug:step_id>/", views.step_page, name="step"),
    path("<slug:step_id>/go/", views.go, name="go"),
    path("<slug:step_id>/skip/", views.skip, name="skip"),
    path("<slug:step_id>/revisit/", views.revisit, name="revisit"),
]
