from django.urls import path

from interplay.web.relationships import views

app_name = "relationships"
urlpatterns = [
    path("", views.map_page, name="map"),
    path("sharing/", views.share_map, name="share"),
    path("snapshots/", views.take_snapshot, name="take_snapshot"),
    path("snapshots/<int:pk>/", views.snapshot, name="snapshot"),
    path("people/<int:pk>/", views.edit_person, name="person"),
    path("people/<int:pk>/delete/", views.delete_person, name="delete_person"),
]
