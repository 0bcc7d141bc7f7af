"""Signing in and out, two-factor for coaches, sign-in links and password reset. Sign-up and
the Account page bring several apps together, so they live above them (`web/account_page.py`)."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.http import urlsafe_base64_encode as encode_id
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from interplay.web.accounts import actions, throttle
from interplay.web.accounts.forms import (
    EmailForm,
    NewPasswordForm,
    SignInForm,
    TokenForm,
)
from interplay.web.accounts.models import User


def _next_or_home(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _after_sign_in(request: HttpRequest, user: User) -> HttpResponse:
    if user.is_coach:
        # A coach sees no client data until the authenticator code is given as well.
        return redirect(
            "accounts:two_factor" if user_has_device(user) else "accounts:two_factor_setup"
        )
    return redirect(_next_or_home(request))


def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        address = throttle.client_address(request.META)
        if not throttle.allow_password_attempt(email, address):
            throttle.log_failed_sign_in("throttled", address, _account_id(email))
            form.add_error(
                None,
                _(
                    "Too many attempts to sign in from here. Please wait fifteen minutes, or "
                    "ask for a sign-in link by email."
                ),
            )
        else:
            user = authenticate(request, username=email, password=form.cleaned_data["password"])
            if user is None:
                throttle.log_failed_sign_in("wrong password", address, _account_id(email))
                form.add_error(None, _("That email address and password do not match."))
            else:
                throttle.clear_after_sign_in(email, address)
                login(request, user)
                return _after_sign_in(request, user)
    return render(
        request, "accounts/sign_in.html", {"form": form, "next": request.GET.get("next", "")}
    )


def _account_id(email: str) -> int | None:
    return User.objects.filter(email=email).values_list("pk", flat=True).first()


def request_link(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if throttle.allow_email_request(email, throttle.client_address(request.META)):
            actions.do_send_sign_in_link(email)
        # The same answer whether or not the address has an account.
        return render(request, "accounts/link_sent.html", {"email": email})
    return render(request, "accounts/request_link.html", {"form": form})


def link_sign_in(request: HttpRequest, token: str) -> HttpResponse:
    # GET only shows a button: mail scanners that follow links must not use up the link.
    if request.method == "POST":
        user = actions.do_use_sign_in_link(token)
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("home")
        messages.error(request, _("That sign-in link has expired or has already been used."))
        return redirect("accounts:request_link")
    return render(request, "accounts/link_sign_in.html", {"token": token})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("accounts:sign_in")


def _coach_or_404(request: HttpRequest) -> User:
    user = request.user
    if not user.is_authenticated or not user.is_coach:
        raise Http404
    return user


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = _coach_or_404(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("accounts:two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect("coaching:dashboard")
        form.add_error("token", _("That code did not match. Codes change every 30 seconds."))
    return render(request, "accounts/two_factor.html", {"form": form})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = _coach_or_404(request)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:two_factor")
    device = actions.do_start_totp_setup(actor=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if actions.do_confirm_totp_device(device, form.cleaned_data["token"], actor=user):
            otp_login(request, device)
            messages.success(request, _("Your authenticator is set up."))
            return redirect("coaching:dashboard")
        form.add_error("token", _("That code did not match. Check the time on your phone."))
    # segno writes plain SVG elements and attributes (no script, no inline style).
    qr_svg = mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, border=2))  # noqa: S308
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": secret},
    )


def password_reset(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if throttle.allow_email_request(email, throttle.client_address(request.META)):
            actions.do_request_password_reset(
                email,
                lambda user: reverse(
                    "accounts:password_reset_confirm",
                    args=[
                        encode_id(force_bytes(user.pk)),
                        default_token_generator.make_token(user),
                    ],
                ),
            )
        return render(request, "accounts/link_sent.html", {"email": email, "reset": True})
    return render(request, "accounts/password_reset.html", {"form": form})


def password_reset_confirm(request: HttpRequest, uid: str, token: str) -> HttpResponse:
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uid))), is_active=True)
    except (ValueError, TypeError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        messages.error(request, _("That reset link has expired or has already been used."))
        return redirect("accounts:password_reset")
    form = NewPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        actions.do_set_password(form.cleaned_data["password"], actor=user)
        messages.success(request, _("Your password has been changed. Please sign in."))
        return redirect("accounts:sign_in")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})
