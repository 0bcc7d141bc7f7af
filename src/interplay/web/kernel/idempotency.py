"""One entry per form, however often it is sent.

A double click, a resend after a slow answer, or Back and submit again used to save the same
journal entry (or value, note, invitation ...) twice. Each create form now carries a fresh key
(`{% idempotency_field %}`). The first POST with a key claims it (a row in `SubmittedForm`,
unique per person and key) before the view runs; when the view succeeds with a redirect, the
row keeps where it led. A second POST with the same key does not run the view again: it waits
briefly for the first to finish and is sent where the first one went. A POST that fails
(a validation message, an error) gives its key back, so correcting the form and sending it
again works. htmx requests (autosave) are left alone: they resend the same form on purpose.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from interplay.web.kernel.models import SubmittedForm

FIELD = "idempotency_key"
KEEP_FOR = timedelta(days=1)
WAIT_SECONDS = 10.0


def _claim(user_id: int, key: str) -> bool:
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(user_id=user_id, key=key)
    except IntegrityError:
        return False
    SubmittedForm.objects.filter(user_id=user_id, at__lt=timezone.now() - KEEP_FOR).delete()
    return True


def _where_the_first_went(user_id: int, key: str, fallback: str) -> HttpResponse:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        row = SubmittedForm.objects.filter(user_id=user_id, key=key).first()
        if row is None:
            break  # the first one failed and gave the key back: nothing was saved by it
        if row.location:
            return HttpResponseRedirect(row.location, status=303)
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return HttpResponseRedirect(fallback, status=303)


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        user_id = int(str(request.user.pk))
        if not _claim(user_id, key):
            return _where_the_first_went(user_id, key, request.get_full_path())
        try:
            response = self.get_response(request)
        except BaseException:
            SubmittedForm.objects.filter(user_id=user_id, key=key).delete()
            raise
        location = response.get("Location", "")
        if 300 <= response.status_code < 400 and location:
            SubmittedForm.objects.filter(user_id=user_id, key=key).update(location=location)
        else:
            SubmittedForm.objects.filter(user_id=user_id, key=key).delete()
        return response

    @staticmethod
    def _key(request: HttpRequest) -> str | None:
        if request.method != "POST" or request.headers.get("HX-Request"):
            return None
        if not request.user.is_authenticated:
            return None
        key = request.POST.get(FIELD, "").strip()
        return key[:64] if key else None
