from django.urls import path

from interplay.web.values import views

# Mounted with practice.belief_urls as the `values:` namespace by interplay.web.urls.
urlpatterns = [
    path("", views.value_page, name="list"),
    path("<int:pk>/sharing/", views.share_value, name="share"),
    path("<int:pk>/delete/", views.delete_value, name="delete"),
    path("beliefs/new/", views.new_belief, name="new_belief"),
    path("beliefs/<int:pk>/edit/", views.edit_belief, name="edit_belief"),
    path("beliefs/<int:pk>/sharing/", views.share_belief, name="share_belief"),
    path("beliefs/<int:pk>/delete/", views.delete_belief, name="delete_belief"),
]
