from django.urls import path

from interplay.web.accounts import views

# Included with the `accounts` namespace, together with `account_page.urlpatterns`. Signing in
# and out, sign-up, codes and password reset are allauth's (`account_*` names, under
# /accounts/); these are the coach's authenticator pages.
urlpatterns = [
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
]
