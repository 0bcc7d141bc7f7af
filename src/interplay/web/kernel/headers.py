"""Headers that keep a person's pages off a shared computer and features off every page.

- `Cache-Control: no-store` on every response to a signed-in person (and on the sign-out
  response): the browser keeps no copy, so Back after signing out, or the next person at the
  same computer, cannot bring a private page back from the cache.
- `Clear-Site-Data` on the response that signs someone out (whichever view did it: the
  middleware sees a signed-in request end signed out), so the browser drops its cache of
  private pages and its storage (the journal's device copies of unsaved text).
- `Permissions-Policy`: Interplay uses no camera, microphone, location or payment; saying so
  means a script injected despite the CSP could not ask for them either.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

CLEAR_SITE_DATA = '"cache", "storage"'


def mark_no_store(response: HttpResponse) -> None:
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private, Expires
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"


class PrivacyHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        was_signed_in = request.user.is_authenticated
        response = self.get_response(request)
        # Checked before and after the view: a sign-in response is already private, and a
        # sign-out response still carries the last private redirect.
        signed_in_now = request.user.is_authenticated
        if was_signed_in or signed_in_now:
            mark_no_store(response)
        if was_signed_in and not signed_in_now:
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
