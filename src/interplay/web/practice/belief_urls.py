"""The URLs of `practice.belief_views`, mounted in the `values:` namespace by
`interplay.web.urls` so a belief's pages keep one family of names."""

from django.urls import path

from interplay.web.practice import belief_views

urlpatterns = [
    path("beliefs/", belief_views.belief_list, name="beliefs"),
    path("beliefs/<int:pk>/", belief_views.belief_detail, name="belief"),
]
