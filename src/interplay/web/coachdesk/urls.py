from django.urls import path

from interplay.web.coachdesk import signup, views

app_name = "coachdesk"
urlpatterns = [
    path("sign-up/", signup.coach_sign_up, name="sign_up"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("client/<int:client_id>/", views.client_page, name="client"),
    path("client/<int:client_id>/notes/", views.add_note, name="add_note"),
    path("client/<int:client_id>/notes/<int:note_id>/", views.edit_note, name="note"),
    path("client/<int:client_id>/notes/<int:note_id>/done/", views.close_follow_up, name="done"),
    path("client/<int:client_id>/plan/", views.new_plan, name="new_plan"),
    path("client/<int:client_id>/plans/<int:plan_id>/", views.edit_plan, name="plan"),
]
