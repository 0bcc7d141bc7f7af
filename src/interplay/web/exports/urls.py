from django.urls import path

from interplay.web.exports import views

app_name = "exports"
urlpatterns = [
    path("account/my-data/", views.my_data, name="my_data"),
    path("coach/client/<int:client_id>/export/", views.client_shared_data, name="client_export"),
]
