from django.urls import path

from interplay.web.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.progress, name="mine"),
    path("profile.pdf", views.profile_pdf, name="profile_pdf"),
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/<int:pk>/report.pdf", views.review_pdf, name="review_pdf"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/share/", views.share_review, name="share_review"),
    path("reviews/<int:pk>/delete/", views.delete_review, name="delete_review"),
    path("reports/prepare/", views.prepare_report, name="prepare_report"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/report.pdf", views.report_file, name="report_file"),
]
