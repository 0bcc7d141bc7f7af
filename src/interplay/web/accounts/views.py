"""Two-factor for coaches. Signing in and out, sign-up, emailed codes and password reset are
django-allauth's views (settings.py, `accounts/adapter.py`)."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from interplay.web.accounts import actions
from interplay.web.accounts.forms import (
    TokenForm,
)
from interplay.web.accounts.models import User


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
