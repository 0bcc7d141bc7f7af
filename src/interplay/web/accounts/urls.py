from django.urls import path

from interplay.web.accounts import views

# Included with the `accounts` namespace, together with `account_page.urlpatterns`.
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/email/", views.request_link, name="request_link"),
    path("sign-in/link/<str:token>/", views.link_sign_in, name="link_sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path(
        "password-reset/<str:uid>/<str:token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
]
