from django.urls import path

from interplay.web.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("new/", views.new_entry, name="new"),
    path("draft/", views.autosave, name="autosave"),
    path("<int:pk>/", views.entry_detail, name="detail"),
    path("<int:pk>/edit/", views.edit_entry, name="edit"),
    path("<int:pk>/sharing/", views.share, name="share"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
