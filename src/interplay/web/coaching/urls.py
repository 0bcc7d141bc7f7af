from django.urls import path

from interplay.web.coaching import client_views, path_views, progress_views, signup, views

app_name = "coaching"
urlpatterns = [
    path("coach/sign-up/", signup.coach_sign_up, name="sign_up"),
    path("coach/dashboard/", views.dashboard, name="dashboard"),
    path("coach/client/<int:client_id>/", client_views.client_page, name="client"),
    path(
        "coach/client/<int:client_id>/profile/", client_views.client_profile, name="client_profile"
    ),
    path(
        "coach/client/<int:client_id>/history/", client_views.client_history, name="client_history"
    ),
    path(
        "coach/client/<int:client_id>/journal/", client_views.client_journal, name="client_journal"
    ),
    path(
        "coach/client/<int:client_id>/sessions/",
        client_views.client_sessions,
        name="client_sessions",
    ),
    path("coach/client/<int:client_id>/notes/", client_views.add_note, name="add_note"),
    path("coach/client/<int:client_id>/notes/<int:note_id>/", views.edit_note, name="note"),
    path(
        "coach/client/<int:client_id>/notes/<int:note_id>/done/",
        views.close_follow_up,
        name="done",
    ),
    path("coach/client/<int:client_id>/path/give/", path_views.assign_path, name="path_assign"),
    path(
        "coach/client/<int:client_id>/path/suggest/", path_views.suggest_step, name="path_suggest"
    ),
    path("coach/client/<int:client_id>/schedule/", views.set_schedule, name="schedule"),
    path("coach/client/<int:client_id>/plan/", views.new_plan, name="new_plan"),
    path("coach/client/<int:client_id>/plans/<int:plan_id>/", views.edit_plan, name="plan"),
    path(
        "coach/client/<int:client_id>/progress/",
        progress_views.client_progress,
        name="progress",
    ),
    path(
        "coach/client/<int:client_id>/reviews/<int:review_id>/",
        progress_views.client_review,
        name="review",
    ),
    path(
        "coach/client/<int:client_id>/reviews/<int:review_id>/report.pdf",
        progress_views.client_review_pdf,
        name="review_pdf",
    ),
    path(
        "coach/client/<int:client_id>/profile.pdf",
        progress_views.client_profile_pdf,
        name="profile_pdf",
    ),
    path(
        "coach/client/<int:client_id>/supervision.pdf",
        progress_views.supervision_pdf,
        name="supervision_pdf",
    ),
    path(
        "coach/client/<int:client_id>/reports/prepare/",
        progress_views.prepare_report,
        name="prepare_report",
    ),
    path("coach/client/<int:client_id>/reports/<int:pk>/", progress_views.report, name="report"),
    path(
        "coach/client/<int:client_id>/reports/<int:pk>/report.pdf",
        progress_views.report_file,
        name="report_file",
    ),
    path("practice/coach/clients/<int:client_id>/", views.client_practice, name="practice"),
    # Former addresses of the coach's home and client page: permanent redirects.
    path("coach/", views.coach_home, name="coach_home"),
    path("coach/clients/<int:client_id>/", views.client_overview, name="client_overview"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
